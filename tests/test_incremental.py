"""An incremental run (one new file; the rest from the caches, in the flow process) publishes
the same tables, byte for byte, as a run that reads, structures and parses everything again on
the task runner's worker processes from the same previous release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from flows.pipeline import release_flow
from newswire import extract, stages

SEEDS = Path(__file__).parent / "data" / "seeds"


def _table_hashes(release: str) -> dict[str, str]:
    manifest = json.loads((Path(release) / "manifest.json").read_text(encoding="utf-8"))
    return {table: facts["sha256"] for table, facts in manifest["tables"].items()}


def test_an_incremental_run_publishes_what_a_run_from_scratch_does(prefect_harness, tmp_path, monkeypatch):
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    raw.mkdir()
    *first, last = sorted(SEEDS.glob("*.txt"))
    for seed in first:
        shutil.copy(seed, raw / seed.name)
    release_flow(raw_dir=str(raw), out_dir=str(tmp_path / "incremental"), cache_dir=str(cache), progress=False)
    shutil.copytree(tmp_path / "incremental", tmp_path / "scratch", symlinks=True)  # same registry, same previous release
    shutil.copy(last, raw / last.name)

    incremental = release_flow(raw_dir=str(raw), out_dir=str(tmp_path / "incremental"), cache_dir=str(cache),
                               progress=False)
    monkeypatch.setattr(stages, "INLINE_FILES", 0)  # every batch to the worker processes
    monkeypatch.setattr(stages, "WORKER_START_SECONDS", 0)
    scratch = release_flow(raw_dir=str(raw), out_dir=str(tmp_path / "scratch"), cache_dir=None, progress=False)

    assert (incremental.counts["structure"]["from_cache"], incremental.counts["extract"]["parsed"]) == (len(first), 1)
    assert (scratch.counts["structure"]["from_cache"], scratch.counts["extract"]["parsed"]) == (0, len(first) + 1)
    assert incremental.created and scratch.created
    assert _table_hashes(incremental.release_path) == _table_hashes(scratch.release_path)


def test_a_run_expects_extraction_when_the_latest_articles_miss_an_extraction(sample_release, tmp_path, monkeypatch):
    monkeypatch.setattr(stages, "WORKER_START_SECONDS", 0)  # any work left counts, as on a large corpus
    out, cache = sample_release.parent, tmp_path / "cache"
    assert not stages.latest_misses_extractions(tmp_path / "no releases yet", cache, 2)
    assert not stages.latest_misses_extractions(out, None, 2)
    assert stages.latest_misses_extractions(out, cache, 2)  # nothing cached for the latest articles

    extract.extract_batch(stages.extraction_inputs(pd.read_parquet(sample_release / "articles.parquet")), cache)
    assert not stages.latest_misses_extractions(out, cache, 2)
    shutil.rmtree(cache / "quotes")  # the quotes extractor changed since
    assert stages.latest_misses_extractions(out, cache, 2)

def test_a_latest_release_extracted_by_this_code_into_this_cache_is_taken_at_its_manifests_word(
        sample_release, tmp_path, monkeypatch):
    out, cache = tmp_path / "processed", tmp_path / "cache"
    shutil.copytree(sample_release.parent, out, symlinks=True)
    manifest_path = stages.release.latest_release(out) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["extraction"] = stages.extraction_record(cache)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    counted = []
    monkeypatch.setattr(extract, "work_left", lambda *args, **kwargs: counted.append(args) or 1e9)
    monkeypatch.setattr(stages, "WORKER_START_SECONDS", 0)
    assert not stages.latest_misses_extractions(out, cache, 2) and not counted  # the cache is empty, but untouched
    assert stages.latest_misses_extractions(out, tmp_path / "another cache", 2) and counted
    manifest["extraction"]["extractors"]["quotes"] = "an older version"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert stages.latest_misses_extractions(out, cache, 2) and len(counted) == 2


def test_the_manifest_records_how_the_articles_were_extracted(sample_release):
    recorded = json.loads((sample_release / "manifest.json").read_text(encoding="utf-8"))["extraction"]
    assert recorded["parse"] == stages.nlp.parse_version()
    assert recorded["extractors"] == {name: e.version for name, e in extract.EXTRACTORS.items()}


def test_a_run_of_the_same_inputs_and_code_keeps_the_latest_release_after_structuring(prefect_harness, tmp_path,
                                                                                      monkeypatch):
    raw, out, cache = tmp_path / "raw", tmp_path / "processed", tmp_path / "cache"
    raw.mkdir()
    *first, last = sorted(SEEDS.glob("*.txt"))[:3]
    for seed in first:
        shutil.copy(seed, raw / seed.name)
    published = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache), progress=False)
    assert published.created and published.note is None

    again = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache), progress=False)
    assert (again.created, again.release_path) == (False, published.release_path)
    assert again.note and "corpus resolution" not in again.seconds and "extract" not in again.seconds
    assert again.counts["ingest"]["new"] == again.counts["ingest"]["changed"] == 0
    uncached = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=None, progress=False)  # --no-cache
    assert (uncached.created, uncached.note) == (False, None) and "corpus resolution" in uncached.seconds

    # other code that makes the same tables: one full run finds them unchanged and vouches for them
    real_code = stages.release.code_version
    monkeypatch.setattr(stages.release, "code_version", lambda: {**real_code(), "source_sha256": "other code"})
    upgraded = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache), progress=False)
    assert (upgraded.created, upgraded.note) == (False, None) and "corpus resolution" in upgraded.seconds
    kept = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache), progress=False)
    assert kept.note and kept.release_path == published.release_path

    shutil.copy(last, raw / last.name)
    grown = release_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache), progress=False)
    assert grown.created and grown.note is None and grown.counts["ingest"]["new"] == 1


def test_the_run_identity_follows_every_input_of_the_tables(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    (raw / "outlet").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, raw / "outlet" / seed.name)

    def identity() -> str:
        files, rejected = stages.discover_inputs(raw)
        structured, uncached = stages.structure_from_cache(files, None)
        structured = stages.StructuredBatch.merge([structured, stages.structure_files(uncached, None)])
        return stages.run_identity(raw, structured, rejected)

    seen = [identity()]
    assert identity() == seen[0]  # the same inputs and code: the same identity
    (raw / "outlet" / "sources.csv").write_text("file,outlet\n", encoding="utf-8")
    seen.append(identity())
    first = sorted((raw / "outlet").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    seen.append(identity())
    monkeypatch.setattr(stages, "installed_packages", lambda: ["dateparser==99"])
    seen.append(identity())
    real_code = stages.release.code_version
    monkeypatch.setattr(stages.release, "code_version", lambda: {**real_code(), "source_sha256": "other code"})
    seen.append(identity())
    assert len(set(seen)) == len(seen)
