"""Unchanged files are structured once: the structure cache, keyed by document and code version."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire import stages, structure_cache

SEEDS = Path(__file__).resolve().parent.parent / "raw"


def _files(raw: Path):
    files, rejected = stages.discover_inputs(raw)
    assert files and not rejected
    return files


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / structure_cache.FOLDER).rglob("*.pickle"))


def test_a_rerun_reads_every_unchanged_article_from_the_cache(tmp_path):
    files = _files(SEEDS)
    first = stages.structure_batch(files, tmp_path)
    second = stages.structure_batch(files, tmp_path)
    assert (first.from_cache, second.from_cache) == (0, len(files))
    assert second.articles == first.articles == stages.structure_batch(files).articles
    assert len(_entries(tmp_path)) == len(files)


def test_a_changed_file_is_structured_again(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (raw / seed.name).write_bytes(seed.read_bytes())
    stages.structure_batch(_files(raw), tmp_path / "cache")
    changed = sorted(raw.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more paragraph, added after the first run.\n",
                       encoding="utf-8")
    again = stages.structure_batch(_files(raw), tmp_path / "cache")
    assert again.from_cache == 1
    article = next(a for a in again.articles if a.source == changed.name)
    assert article.body[-1].text == "One more paragraph, added after the first run."


def test_a_new_code_version_misses_the_old_entries(tmp_path, monkeypatch):
    files = _files(SEEDS)
    stages.structure_batch(files, tmp_path)
    monkeypatch.setattr(structure_cache, "structure_version", lambda: "edited")
    assert stages.structure_batch(files, tmp_path).from_cache == 0


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05N.", b"\x80\x05K\x03."])
def test_a_bad_entry_is_structured_again_and_counted(tmp_path, content):
    files = _files(SEEDS)[:1]
    expected = stages.structure_batch(files, tmp_path).articles
    for entry in _entries(tmp_path):
        entry.write_bytes(content)
    again = stages.structure_batch(files, tmp_path)
    assert (again.from_cache, again.cache_rejected) == (0, 1)
    assert again.articles == expected


def test_an_entry_of_another_file_is_not_taken(tmp_path):
    files = _files(SEEDS)[:2]
    stages.structure_batch(files, tmp_path)
    first, second = _entries(tmp_path)
    first.write_bytes(second.read_bytes())  # an entry that decodes, but belongs to the other file
    again = stages.structure_batch(files, tmp_path)
    assert (again.from_cache, again.cache_rejected) == (1, 1)
    # cached articles come first: which of the two that is depends on the entries' hashed paths
    assert _by_id(again.articles) == _by_id(stages.structure_batch(files).articles)


def _by_id(articles):
    return sorted(articles, key=lambda article: article.article_id)


# (files of the latest release, files now, expected new/changed/removed)
INPUT_CHANGES = [
    (None, {"a.txt": "1", "b.txt": "2"}, {"new": 2, "changed": 0, "removed": 0}),
    ({"a.txt": "1", "b.txt": "2"}, {"a.txt": "1", "b.txt": "2"}, {"new": 0, "changed": 0, "removed": 0}),
    ({"a.txt": "1", "b.txt": "2"}, {"a.txt": "1", "b.txt": "3", "c.txt": "4"}, {"new": 1, "changed": 1, "removed": 0}),
    ({"a.txt": "1", "b.txt": "2"}, {"b.txt": "2"}, {"new": 0, "changed": 0, "removed": 1}),
    ({}, {}, {"new": 0, "changed": 0, "removed": 0}),
]


@pytest.mark.parametrize(("previous", "current", "expected"), INPUT_CHANGES)
def test_the_run_summary_counts_files_new_changed_and_removed(previous, current, expected):
    assert stages.input_changes(previous, current) == expected


def test_with_nothing_cached_no_file_is_read_before_structuring(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")  # read, it would be an ingest rejection
    files = stages.discover_inputs(raw)[0]
    assert stages.structure_from_cache(files, tmp_path / "cache") == (stages.StructuredBatch(), files)
    stages.structure_batch(_files(SEEDS)[:1], tmp_path / "cache")
    found, uncached = stages.structure_from_cache(files, tmp_path / "cache")
    assert (uncached, [row["reason"] for row in found.quarantine]) == ([], ["empty"])
