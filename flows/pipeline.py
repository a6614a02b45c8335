"""The newswire release flow: wiring only, in the order of the README's pipeline diagram.

Per-file and per-article work runs as mapped batch tasks on the flow's task runner (worker
processes locally, one spaCy model each; another runner moves them and changes nothing
else); corpus-level steps run in the flow process.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import wait
from prefect.utilities.annotations import quote

from newswire import extract, release, stages, validation
from newswire.collector import collect_the_oldest_generation_rarely
from newswire.run_summary import RunSummary, StageClock, gather
from newswire.process_exit import leave_without_teardown
from newswire.staged_checks import NearEnd, checker_ahead
from newswire.worker_pool import PreloadedProcessPool

# Stage outputs are large in-memory objects that differ every run: caching by input hash
# would hash whole corpora for nothing. Per-article caching lives in the extract stage.
STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def local_runner(workers: int) -> PreloadedProcessPool:
    """Worker processes on this machine, one per core by default (newswire.process_exit: how they end)."""
    return PreloadedProcessPool(max_workers=workers, initializer=leave_without_teardown)


@task(name="structure", retries=2, retry_delay_seconds=1, **STAGE)
def structure_task(files, cache_dir: Path | None):
    return stages.structure_files(files, cache_dir)


@task(name="extract", retries=1, retry_delay_seconds=1, **STAGE)
def extract_task(items, cache_dir: Path | None):
    return extract.extract_batch(items, cache_dir)


@task(name="load model", **STAGE)
def load_model_task(worker: int) -> None:
    extract.warm_up()


def load_models_ahead(needed: bool) -> list:
    """Each worker loads the spaCy model and the extractors' tables (starting first, when the
    structure stage does not need it) while this process structures and dedupes alone: ~2 s of a
    run that parses or re-runs an extractor."""
    return load_model_task.map(range(usable_cores())) if needed else []


def run_batches(batch_task, batches: list, cache_dir: Path | None, inline: bool, progress: bool,
                near_end: NearEnd | None = None, here: int = 0) -> list:
    """The task over each batch: mapped on the task runner, or called in the flow process when
    inline (too little work to be worth starting worker processes for); near_end hears of each
    mapped batch that finishes. The flow process runs the last `here` batches itself while the
    mapped ones wait for their workers."""
    if inline:
        return [batch_task(quote(batch), cache_dir) for batch in batches]
    mapped, own = batches[:len(batches) - here], batches[len(batches) - here:]
    futures = batch_task.map(mapped, unmapped(cache_dir))
    own_results = [batch_task(quote(batch), cache_dir) for batch in own]
    return gather(futures, batch_task.name, progress, rerun=lambda index: batch_task.fn(mapped[index], cache_dir),
                  on_finished=near_end.on_finished if near_end else None) + own_results


def _transient(task, task_run, state) -> bool:
    """Retry IO failures, not a held lock or a blocked release: those would only fail again."""
    try:
        state.result()
    except (release.ReleaseLocked, validation.ReleaseBlocked):
        return False
    except Exception:
        return True
    return True


@task(name="publish", retries=1, retry_delay_seconds=2, retry_condition_fn=_transient, **STAGE)
def publish_task(tables, out_dir: Path, manifest_extra: dict, lock_wait: float, accept_drift: bool = False,
                 registry=None, ahead=None):
    return stages.publish(tables, out_dir, manifest_extra, lock_wait, accept_drift, registry, ahead)


@flow(name="newswire-release", log_prints=False, task_runner=local_runner(usable_cores()))
def release_flow(raw_dir: str = "raw", out_dir: str = "processed", batch_size: int = 200,
                 lock_wait: float = 600.0, progress: bool = True, cache_dir: str | None = None,
                 accept_drift: bool = False, announce: bool = False) -> RunSummary:
    collect_the_oldest_generation_rarely()  # scheduled runs start here, not in the CLI
    clock = StageClock()
    with clock("ingest"):
        files, rejected = stages.discover_inputs(Path(raw_dir))
        previous = stages.previous_inputs(Path(out_dir))
    cache = Path(cache_dir) if cache_dir else None
    with clock("structure"):
        models_ahead = load_models_ahead(stages.latest_misses_extractions(Path(out_dir), cache, usable_cores()))
        structured, uncached = stages.structure_from_cache(files, cache)
        structure_batches = stages.guided_batches(uncached, stages.STRUCTURE_BATCH_FILES, usable_cores(),
                                                  stages.FEWEST_STRUCTURE_FILES)
        fresh = run_batches(structure_task, structure_batches, cache, len(uncached) <= stages.INLINE_FILES, progress,
                            here=stages.structured_while_workers_start(structure_batches))
        structured = stages.StructuredBatch.merge([structured, *fresh])
        models_ahead = models_ahead or load_models_ahead(
            stages.workers_pay_off(len(uncached) * extract.new_article_seconds(), usable_cores()))
        identity = stages.run_identity(Path(raw_dir), structured, rejected)
    # --no-cache asks for everything made again, whatever the latest release says
    if cache is not None and (same := stages.release_of_the_same_run(Path(out_dir), identity)) is not None:
        return _announced(RunSummary.kept(same, stages.kept_run_counts(files, rejected, structured, previous), clock),
                          announce)
    # the new articles extracted in a forked child meanwhile, into the cache (when the flow would extract them itself)
    fresh_articles = [article for batch in fresh for article in batch.articles]
    with stages.extraction_ahead(fresh_articles, cache, inline=not models_ahead) as extracted_ahead:
        with clock("boilerplate+dedupe"):
            corpus = stages.clean_corpus(structured.articles)
            spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    # Great Expectations loads in a process of its own (newswire.staged_checks)
    with checker_ahead(Path(out_dir)) as checker:
        with clock("extract"):
            items = stages.extraction_inputs(spine["articles"])
            inline = not stages.extraction_pays_off(items, cache, usable_cores())
            wait(models_ahead)
            batches = ([items] if items else []) if inline else stages.extraction_batches(items, batch_size, usable_cores())
            made = run_batches(extract_task, batches, cache, inline, progress, checker.near_end(batches))
            extracted = extracted_ahead.counted(stages.merge_extracted(made), items)
        # the release lock from here on, and each table staged (and checked) as soon as it is final
        with stages.staging_ahead(Path(out_dir), lock_wait, accept_drift) as ahead:
            with clock("corpus resolution"):
                registry = stages.load_registry(Path(out_dir))
                tables = stages.corpus_tables(spine, extracted, registry, stage=ahead.stage)
            with clock("validate+publish"):  # pandera beside the suites and the report (newswire.release.publish)
                # quoted: Prefect would otherwise walk every row and registry entry looking for futures
                result = publish_task(quote(tables), Path(out_dir),
                                      quote(stages.manifest_extra(raw_dir, structured, rejected, cache, identity)),
                                      lock_wait, accept_drift, quote(registry), quote(ahead))
    return _announced(RunSummary.of(result, stages.run_counts(files, rejected, structured, corpus, extracted,
                                                              result.tables, previous), clock), announce)


def _announced(summary: RunSummary, announce: bool) -> RunSummary:
    if announce:  # scheduled runs have no CLI to print their outcome
        print("\n".join(summary.lines()), flush=True)
    return summary
