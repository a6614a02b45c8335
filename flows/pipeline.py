"""The newswire release flow: wiring only. Each task wraps one batch-level stage function."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from tqdm import tqdm

from newswire import extract, release, stages, validation
from newswire.tables import frame

# Stage outputs are large in-memory objects that differ every run: caching by input hash
# would hash whole corpora for nothing. Per-article caching lives in the NLP stage.
STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


@dataclass
class RunSummary:
    version: str | None
    created: bool
    release_path: str | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


@task(name="discover", retries=2, retry_delay_seconds=1, **STAGE)
def discover_task(raw_dir: Path):
    return stages.discover_inputs(raw_dir)


@task(name="structure", retries=2, retry_delay_seconds=1, **STAGE)
def structure_task(files):
    return stages.structure_batch(files)


@task(name="clean-corpus", **STAGE)
def clean_corpus_task(articles):
    return stages.clean_corpus(articles)


@task(name="extract", retries=1, retry_delay_seconds=1, **STAGE)
def extract_task(items, cache_dir: Path | None):
    return extract.extract_batch(items, cache_dir)


@task(name="resolve-actors-and-quotes", **STAGE)
def corpus_task(articles, extractions):
    return stages.extracted_tables(articles, extractions)


@task(name="validate", **STAGE)
def validate_task(tables):
    return validation.validate_tables(tables)


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
def publish_task(tables, out_dir: Path, manifest_extra: dict, lock_wait: float):
    from newswire.gx_validation import check_staged  # imports Great Expectations (~3 s): only when publishing

    with release.release_lock(out_dir, wait_seconds=lock_wait):
        release.remove_stale_staging(out_dir)
        return release.publish(tables, out_dir, manifest_extra, check_staged=check_staged)


@flow(name="newswire-release", log_prints=False)
def release_flow(raw_dir: str = "raw", out_dir: str = "processed", batch_size: int = 200,
                 lock_wait: float = 600.0, progress: bool = True, cache_dir: str | None = None) -> RunSummary:
    logger = get_run_logger()
    raw, out = Path(raw_dir), Path(out_dir)
    files, quarantine = discover_task(raw)
    discovered = len(files) + len(quarantine)
    articles = []
    with tqdm(total=len(files), desc="structure", unit="file", disable=not progress, leave=False) as bar:
        for batch in stages.batched(files, batch_size):
            structured = structure_task(batch)
            articles.extend(structured.articles)
            quarantine.extend(structured.quarantine)
            bar.update(len(batch))
    corpus = clean_corpus_task(articles)
    tables = stages.spine_tables(corpus, quarantine, articles)
    items = stages.extraction_inputs(tables["articles"])
    extractions, extract_problems, parsed = [], [], 0
    with tqdm(total=len(items), desc="extract", unit="article", disable=not progress, leave=False) as bar:
        for batch in stages.batched(items, batch_size):
            extracted = extract_task(batch, Path(cache_dir) if cache_dir else None)
            extractions.extend(extracted.extractions)
            extract_problems.extend(extracted.quarantine)
            parsed += extracted.parsed
            bar.update(len(batch))
    tables.update(corpus_task(tables["articles"], extractions))
    if extract_problems:
        tables["quarantine"] = pd.concat([tables["quarantine"], frame("quarantine", extract_problems)], ignore_index=True)
    valid, summaries = validate_task(tables)
    for summary in summaries:
        if summary.quarantined:
            logger.warning("%s: %d row(s) failed validation and were quarantined", summary.table, summary.quarantined)
    manifest_extra = {
        "inputs": {"raw_dir": str(raw), "files": {a.source: a.file_hash for a in articles}
                   | {row["source"]: row["file_hash"] for row in quarantine if row["stage"] == "ingest"}},
        "validation": {"pandera": {s.table: {"rows_in": s.rows_in, "rows_out": s.rows_out,
                                             "quarantined": s.quarantined} for s in summaries}},
    }
    result = publish_task(valid, out, manifest_extra, lock_wait)
    counts = {
        "ingest": {"paths": discovered,
                   "quarantined": sum(1 for q in valid["quarantine"]["stage"] if q == "ingest")},
        "structure": {"articles": len(articles), "no_content": len(corpus.quarantine)},
        "boilerplate": {"lines_removed": len(valid["boilerplate"]), "recurring_patterns": len(corpus.recurring)},
        "dedupe": {"duplicates": len(corpus.links)},
        "extract": {"articles": len(items), "parsed": parsed, "from_cache": len(items) - parsed,
                    "failed": len(extract_problems)},
        "actors": {"actors": len(valid["actors"]), "mentions": len(valid["mentions"])},
        "quotes": {"quotes": len(valid["quotes"]), "clusters": len(valid["quote_clusters"])},
        "publish": {table: len(df) for table, df in valid.items()},
    }
    return RunSummary(result.version, result.created, str(result.path), counts)
