"""The cache entries `newswire serve`'s fork server reads once for the runs it forks
(newswire.served_memory): a run finds them in memory, makes the same tables as a run that reads
the files, and reads or makes afresh what changed since."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT

from newswire import extract, release, served_memory, stages, unchanged_files, validation
from newswire.filecache import PATHS, REMEMBERED, FileCache, remembering


@pytest.fixture(autouse=True)
def _forget(monkeypatch):
    REMEMBERED.clear()
    PATHS.clear()
    monkeypatch.setattr(unchanged_files, "KEPT", {})
    yield
    REMEMBERED.clear()
    PATHS.clear()


def test_entry_paths_are_kept_while_remembering_and_give_what_they_would_be_made(tmp_path: Path):
    cache = FileCache(tmp_path / "cache")
    made = cache.path("actors", "v1", "An article's text", ".json")
    assert not PATHS  # nothing kept outside the fork server's reading
    with remembering():
        assert cache.path("actors", "v1", "An article's text", ".json") == made
    assert list(PATHS.values()) == [made]
    kept = cache.path("actors", "v1", "An article's text", ".json")
    assert kept is PATHS[(str(tmp_path / "cache"), "actors", "v1", "An article's text", ".json")]
    # any other part of the key is another path, made as ever; another cache folder too
    assert cache.path("actors", "v2", "An article's text", ".json") != made
    assert cache.path("quotes", "v1", "An article's text", ".json") != made
    assert FileCache(tmp_path / "other").path("actors", "v1", "An article's text", ".json").parent.parent.parent.parent \
        == tmp_path / "other"


@pytest.fixture(scope="module")
def cached_seeds(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds in a raw folder of their own, and a cache a run over them filled."""
    work = tmp_path_factory.mktemp("served-memory")
    raw, cache = work / "raw", work / "cache"
    shutil.copytree(seeds_dir, raw)
    _run(raw, cache)
    return raw, cache


def _run(raw: Path, cache: Path) -> tuple[dict[str, str], stages.StructuredBatch, extract.ExtractedBatch]:
    """A run's stages as the flow calls them, from the cache: table hashes, structures, extractions."""
    files, rejected = stages.discover_inputs(raw)
    structured = stages.structure_batch(files, cache)
    corpus = stages.clean_corpus(structured.articles)
    spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    extracted = extract.extract_batch(stages.extraction_inputs(spine["articles"]), cache)
    tables, _ = validation.validate_tables(stages.corpus_tables(spine, extracted))
    hashes = {}
    for table, df in tables.items():
        path = cache.parent / f"{table}.parquet"
        release.write_table(df, table, path)
        hashes[table] = release.sha256_path(path)
    return hashes, structured, extracted


def _spoil(cache: Path) -> int:
    """Overwrite every cache entry with bytes no reader accepts; how many."""
    entries = [path for path in cache.rglob("*") if path.is_file() and path.suffix in {".json", ".pickle"}]
    for path in entries:
        path.write_bytes(b"\x00 spoiled")
    return len(entries)


def test_a_run_finds_the_remembered_entries_and_makes_the_same_tables(cached_seeds, tmp_path, monkeypatch):
    raw, cache = cached_seeds
    cache = shutil.copytree(cache, tmp_path / "cache")
    from_files, structured, extracted = _run(raw, cache)
    monkeypatch.setattr(unchanged_files, "SETTLED_SECONDS", 0.0)  # the seeds were copied just now
    remembered = served_memory.remember_corpus(raw, cache)
    articles = len(list(raw.iterdir()))
    # each file's structure, and each extractor's records of each article extraction reads
    assert remembered == articles + len(extracted.extractions) * len(extract.EXTRACTORS)
    assert len(unchanged_files.KEPT) == articles  # and each file's document
    assert _spoil(cache) >= remembered  # from here on, an entry read from its file would be rejected
    monkeypatch.setattr(unchanged_files, "read_document", lambda *args: pytest.fail("a raw file read again"))
    from_memory, structured, extracted = _run(raw, cache)
    assert structured.from_cache == articles and structured.cache_rejected == 0
    assert extracted.parsed == 0 and extracted.cache_rejected == 0 and not extracted.extractor_runs
    assert from_memory == from_files


def test_a_file_changed_since_is_structured_and_extracted_afresh(cached_seeds, tmp_path):
    raw, cache = cached_seeds
    raw, cache = shutil.copytree(raw, tmp_path / "raw"), shutil.copytree(cache, tmp_path / "cache")
    served_memory.remember_corpus(raw, cache)
    changed = sorted(raw.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA paragraph added since, said the editor.\n",
                       encoding="utf-8")
    _, structured, extracted = _run(raw, cache)
    assert structured.from_cache == len(list(raw.iterdir())) - 1
    assert extracted.parsed == 1
    assert any("added since" in line.text for article in structured.articles for line in article.body)


def test_a_corpus_above_the_limit_is_not_remembered(cached_seeds):
    raw, cache = cached_seeds
    assert served_memory.remember_corpus(raw, cache, most_files=len(list(raw.iterdir())) - 1) == 0


def test_serve_without_a_cache_remembers_nothing(cached_seeds, monkeypatch):
    raw, _ = cached_seeds
    monkeypatch.setenv(served_memory.RAW_VARIABLE, str(raw))
    monkeypatch.delenv(served_memory.CACHE_VARIABLE, raising=False)
    assert served_memory.remember_served_corpus() == 0 and not REMEMBERED


_RUN = """
import json, sys, tempfile
from pathlib import Path
from newswire import extract, release, served_memory, stages, validation
raw, cache = Path(sys.argv[1]), (Path(sys.argv[2]) if sys.argv[2] != "-" else None)

def tables():
    structured, rejected, corpus = stages.spine_without_prefect(raw)
    spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    extracted = extract.extract_batch(stages.extraction_inputs(spine["articles"]), cache)
    return validation.validate_tables(stages.corpus_tables(spine, extracted))[0]

if cache is not None:  # as serve's fork server: fill the cache, remember it, then run from memory
    tables()
    served_memory.remember_corpus(raw, cache)
hashes = {}
with tempfile.TemporaryDirectory() as work:
    for table, df in tables().items():
        path = Path(work) / f"{table}.parquet"
        release.write_table(df, table, path)
        hashes[table] = release.sha256_path(path)
print(json.dumps(hashes))
"""


def _table_hashes(raw: Path, cache: Path | None) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", _RUN, str(raw), str(cache) if cache else "-"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_run_after_remembering_makes_the_same_tables_as_one_in_a_fresh_process(seeds_dir, tmp_path):
    # in subprocesses: what remember_corpus's resolution of the corpus leaves in the caches of
    # the functions it ran must change nothing, and this process's own caches cannot hide it
    fresh, remembered = _table_hashes(seeds_dir, None), _table_hashes(seeds_dir, tmp_path / "cache")
    assert set(fresh) >= {"actors", "quotes", "events"}
    assert remembered == fresh


def test_the_spine_of_a_run_after_remembering_counts_no_line_again(cached_seeds, tmp_path):
    """The server's pass over its corpus finds every line's word count (the spine's word_count
    column and subheadings count each line of each article, every run), and they all stay kept:
    the BBC corpus counts ~8 lines a file, so the limit of files held fits."""
    from newswire import text

    raw, cache = cached_seeds
    text.word_count.cache_clear()
    served_memory.remember_corpus(raw, cache)
    counted = text.word_count.cache_info()
    files, rejected = stages.discover_inputs(raw)
    structured, _ = stages.structure_from_cache(files, cache)
    stages.spine_tables(stages.clean_corpus(structured.articles), rejected + structured.quarantine)
    assert text.word_count.cache_info().misses == counted.misses
    assert text.word_count.cache_info().hits > counted.hits + len(files)
    assert text.WORD_COUNTS_KEPT >= 10 * served_memory.MAX_REMEMBERED_FILES


def test_what_the_server_finds_once_has_room_for_every_article_it_holds():
    """Corpus resolution walks the articles in the same order every pass: a cache smaller than the
    corpus the server holds would keep none of what the server found until a run asked again."""
    from newswire.actors import sentences
    from newswire.events import dates

    assert sentences.SENTENCE_ENDS_KEPT >= served_memory.MAX_REMEMBERED_FILES
    assert dates.RESOLVED_KEPT >= 10 * served_memory.MAX_REMEMBERED_FILES  # ~3 dated expressions an article
