"""Work in a forked child beside the process's own (newswire.forked): its result is the result; a
child that fails, dies or hangs leaves the work to the parent; and corpus resolution makes the same
tables and keeps the same ids with its quotes made in a child."""

from __future__ import annotations

import functools
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from newswire import extract, filecache, forked, nlp, registry, served_memory, split_resolution, stages
from newswire.quotes import clusters

pytestmark = pytest.mark.skipif(not forked.usable(), reason="no fork beside this process here")


def _pid_pair() -> tuple[int, int]:
    return os.getpid(), os.getppid()


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_the_childs_result_is_returned():
    before = _open_files()
    with forked.beside(_pid_pair, True) as running:
        assert running.pid is not None
        child, parent = running.result()
    assert (child, parent) != _pid_pair() and parent == os.getpid()
    assert _open_files() == before  # the pipe closed


def test_without_forking_the_work_runs_here():
    with forked.beside(_pid_pair, False) as running:
        assert running.pid is None
        assert running.result() == _pid_pair()


def _fails_in_a_child(here: int):
    def work() -> int:
        if os.getpid() != here:
            raise RuntimeError("only in the child")
        return 42
    return work


def _dies_in_a_child(here: int):
    def work() -> int:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return 42
    return work


def _hangs_in_a_child(here: int):
    def work() -> int:
        while os.getpid() != here:
            time.sleep(0.05)
        return 42
    return work


@pytest.mark.parametrize("make_work", [_fails_in_a_child, _dies_in_a_child, _hangs_in_a_child])
def test_a_child_that_gives_nothing_leaves_the_work_here(make_work, monkeypatch, caplog):
    monkeypatch.setattr(forked, "WAIT_SECONDS", 1.0)
    with forked.beside(make_work(os.getpid()), True) as running:
        pid = running.pid
        assert pid is not None
        assert running.result() == 42
    assert "computing it here" in caplog.text
    with pytest.raises(ChildProcessError):  # reaped: no zombie left
        os.waitpid(pid, os.WNOHANG)


def test_a_fork_refused_leaves_the_work_here(monkeypatch, caplog):
    def refused() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", refused)
    with forked.beside(_pid_pair, True) as running:
        assert running.pid is None
        assert running.result() == _pid_pair()
    assert "Cannot allocate memory" in caplog.text


def test_a_result_never_asked_for_ends_the_child():
    here, before = os.getpid(), _open_files()
    with forked.beside(_hangs_in_a_child(here), True) as running:
        pid = running.pid
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert _open_files() == before


def test_no_fork_without_a_second_core_or_the_memory(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0})
    assert not forked.usable()
    monkeypatch.undo()
    monkeypatch.setattr(forked, "available_bytes", lambda: forked._resident_bytes() // 2)
    assert not forked.usable()


def _forks_counted(monkeypatch) -> list:
    """Forking allowed for any number of quotes and of resolver calls (newswire.split_resolution);
    the list grows by one per child started."""
    monkeypatch.setattr(stages, "FORKED_QUOTES", 0)
    monkeypatch.setattr(split_resolution, "FORKED_CALLS", 0)
    monkeypatch.setattr(forked, "usable", lambda: True)
    children = []
    start = forked.Beside._fork
    monkeypatch.setattr(forked.Beside, "_fork", lambda self: (children.append(1), start(self)))
    return children


def _resolved(spine, extracted, fork: bool, monkeypatch) -> tuple[dict, registry.Registries, int]:
    """The tables and registries of two runs in a row (the second keeps the first's ids), and
    how many children made the quotes or resolved half of the speakers and event arguments."""
    children = _forks_counted(monkeypatch)
    monkeypatch.setattr(forked, "usable", lambda: fork)
    kept = registry.Registries.empty()
    stages.corpus_tables(spine, extracted, kept)
    return stages.corpus_tables(spine, extracted, kept), kept, len(children)


def test_corpus_resolution_is_the_same_with_its_quotes_made_and_half_resolved_in_children(seeds_extracted, monkeypatch):
    spine, extracted, _, _ = seeds_extracted
    here, here_kept, forked_here = _resolved(spine, extracted, False, monkeypatch)
    beside, beside_kept, forked_beside = _resolved(spine, extracted, True, monkeypatch)
    assert forked_here == 0 and forked_beside == 4  # two runs, each with both children
    assert len(beside["quotes"]) > 10 and beside["quotes"]["speaker_id"].notna().any()
    for table in here:
        assert here[table].equals(beside[table]), table
    for kind in ("actors", "quote_clusters", "events"):
        assert getattr(here_kept, kind) == getattr(beside_kept, kind), kind
    assert beside_kept.quote_clusters.ids and beside_kept.events.ids


def test_serve_s_fork_server_resolves_its_corpus_itself_to_keep_the_quotes_trigrams(seeds_extracted, monkeypatch):
    _, _, raw, cache = seeds_extracted
    children = _forks_counted(monkeypatch)
    monkeypatch.setattr(clusters, "_trigrams_kept", {})
    try:
        assert served_memory.remember_corpus(raw, cache)
    finally:
        filecache.REMEMBERED.clear()
    assert not children and clusters._trigrams_kept


# --- work whose product is left on disk (Beside.finished) ---------------------------------------------

def _writes(path: Path, here: int):
    def work() -> str:
        if os.getpid() != here:
            path.write_text("made in the child")
        return "written"
    return work


def test_finished_says_the_child_did_the_work_and_never_does_it_here(tmp_path):
    product = tmp_path / "product"
    with forked.beside(_writes(product, os.getpid()), True) as running:
        pid = running.pid
        assert running.finished(10.0) == "written"
    assert product.read_text() == "made in the child"
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    with forked.beside(_writes(tmp_path / "not made", os.getpid()), False) as running:
        assert running.finished(10.0) is None  # not forked: nothing done, here or elsewhere
    assert not (tmp_path / "not made").exists()


@pytest.mark.parametrize("make_work", [_fails_in_a_child, _dies_in_a_child, _hangs_in_a_child])
def test_finished_is_false_for_a_child_that_fails_dies_or_hangs(make_work):
    here = os.getpid()
    with forked.beside(make_work(here), True) as running:
        pid = running.pid
        began = time.monotonic()
        assert running.finished(1.0) is None
        assert time.monotonic() - began < 5.0
    with pytest.raises(ChildProcessError):  # ended and reaped: no zombie left
        os.waitpid(pid, os.WNOHANG)


def _new_articles(seeds_dir: Path, folder: Path):
    """The seeds, structured as a run's new files, with the model loaded here (as in serve's runs)."""
    nlp.load_nlp()
    raw = folder / "raw"
    shutil.copytree(seeds_dir, raw)
    files, _ = stages.discover_inputs(raw)
    return stages.structure_batch(files, None).articles


def test_new_articles_extracted_ahead_are_found_in_the_cache_by_the_extract_stage(seeds_dir, tmp_path):
    articles = _new_articles(seeds_dir, tmp_path)
    cache = tmp_path / "cache"
    with stages.extraction_ahead(articles, cache, inline=True) as made_ahead:
        spine = stages.spine_tables(stages.clean_corpus(articles), [])
    items = stages.extraction_inputs(spine["articles"])
    assert extract.work_left(items, cache) == 0  # every record of every article is there
    found = extract.extract_batch(items, cache)
    assert found.parsed == 0 and not found.extractor_runs
    made_here = extract.extract_batch(items, tmp_path / "other cache")
    assert made_here.parsed == len(items)
    assert [e.records for e in found.extractions] == [e.records for e in made_here.extractions]
    counted = made_ahead.counted(found, items)  # the run counts the work wherever it was done
    assert (counted.parsed, counted.extractor_runs) == (made_here.parsed, made_here.extractor_runs)
    assert made_ahead.counted(found, items[:1]).parsed == 1


def test_nothing_is_extracted_ahead_for_worker_processes_without_a_cache_or_a_model(seeds_dir, tmp_path, monkeypatch):
    articles = _new_articles(seeds_dir, tmp_path)
    children = _forks_counted(monkeypatch)
    with stages.extraction_ahead(articles, tmp_path / "cache", inline=False):
        pass
    with stages.extraction_ahead(articles, None, inline=True):
        pass
    with stages.extraction_ahead([], tmp_path / "cache", inline=True):
        pass
    monkeypatch.setattr(nlp, "load_nlp", functools.lru_cache(maxsize=1)(lambda: None))  # not loaded here:
    with stages.extraction_ahead(articles, tmp_path / "cache", inline=True):  # a child would load it first
        pass
    assert not children and not (tmp_path / "cache").exists()


def test_a_guess_that_misses_leaves_the_extract_stage_its_work(seeds_dir, tmp_path):
    """Text the cleaning changes (here: every article's text differs from its structured body) is
    extracted by the extract stage as ever; the child's entries for the guessed text are unused."""
    articles = _new_articles(seeds_dir, tmp_path)
    cache = tmp_path / "cache"
    with stages.extraction_ahead(articles, cache, inline=True) as made_ahead:
        pass
    items = [(article_id, source, text + "\nA line added by the cleaning.")
             for article_id, source, text in stages.extraction_inputs(
                 stages.spine_tables(stages.clean_corpus(articles), [])["articles"])]
    batch = extract.extract_batch(items, cache)
    assert batch.parsed == len(items)
    assert made_ahead.counted(batch, items) == batch  # the parses made ahead were not this text's
