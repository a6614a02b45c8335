"""The newswire release flow: wiring only. Each task wraps one batch-level stage function."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from tqdm import tqdm

from newswire import release, stages, validation

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


@task(name="validate", **STAGE)
def validate_task(tables):
    return validation.validate_tables(tables)


@task(name="publish", retries=1, retry_delay_seconds=2, **STAGE)
def publish_task(tables, out_dir: Path, manifest_extra: dict, lock_wait: float):
    with release.release_lock(out_dir, wait_seconds=lock_wait):
        release.remove_stale_staging(out_dir)
        return release.publish(tables, out_dir, manifest_extra)


@flow(name="newswire-release", log_prints=False)
def release_flow(raw_dir: str = "raw", out_dir: str = "processed", batch_size: int = 200,
                 lock_wait: float = 600.0, progress: bool = True) -> RunSummary:
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
        "publish": {table: len(df) for table, df in valid.items()},
    }
    return RunSummary(result.version, result.created, str(result.path), counts)
