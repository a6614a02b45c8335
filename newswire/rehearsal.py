"""A small run's stages, once, in the process that `newswire serve`'s runs fork from.

A scheduled run is a fresh fork of serve's fork server (newswire.served_runs). Whatever the
stages load or build on first use (regexes compiled by the rule modules, dateparser's locale
data, pandera's schema objects, pyarrow's writers, the extractors' caches of their tables) would
otherwise be paid again by every run (boilerplate+dedupe 0.7-1.0 -> 0.4-0.6 s and pandera 0.6-0.8 ->
0.4 s of a served run that adds one article to the BBC corpus). The
rehearsal runs the stages of a release over the articles in newswire/data/rehearsal/ (text
pages, a duplicate, an HTML page) in a temporary folder, so every forked run starts with them
made. It publishes nothing and draws no report: vl-convert's engine, once started, hangs in
forked children.

Its tables are kept (rehearsed_release): serve's checker and painter, forked from the same server,
validate and draw them once before their first run, which would otherwise pay for Great
Expectations' and the report's first use in their process (the first served +1 run's publishing
over the BBC corpus 3.4-3.8 s, later ones 2.6-3.0 s).

It changes no run's output: everything it leaves behind is a cache of a pure function or a
loaded resource (tests/test_rehearsal.py compares the tables of runs with and without it).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pandas as pd

from newswire import extract, release, stages, validation

REHEARSAL_FOLDER = "rehearsal"
RELEASE_PREFIX = "newswire-rehearsed-release-"
# the tables of this process's last rehearsal: serve's checker and painter validate and draw them
# once before their first run (rehearsed_release)
_rehearsed: dict[str, pd.DataFrame] = {}


def rehearsal_articles() -> list[Path]:
    folder = resources.files("newswire") / "data" / REHEARSAL_FOLDER
    return sorted(Path(str(path)) for path in folder.iterdir() if path.is_file())


def rehearse() -> dict[str, int]:
    """Run ingest to validation over the rehearsal articles twice (the second time from the
    cache, as most of a scheduled run's articles come) and write each table once; the row counts
    of its tables, to show it ran through."""
    with tempfile.TemporaryDirectory(prefix="newswire-rehearsal-") as work:
        raw, out, cache = Path(work) / "raw", Path(work) / "out", Path(work) / "cache"
        raw.mkdir()
        for article in rehearsal_articles():
            shutil.copy(article, raw / article.name)
        for _ in range(2):
            tables = _release_tables(raw, out, cache)
        _write_tables(tables, Path(work))
        _rehearsed.clear()
        _rehearsed.update(tables)
        return {table: len(df) for table, df in tables.items()}


@contextmanager
def rehearsed_release() -> Iterator[Path | None]:
    """The last rehearsal's tables as the files of a release in a temporary folder, removed after
    the block; None when this process has not rehearsed."""
    if not _rehearsed:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix=RELEASE_PREFIX) as folder:
        _write_tables(_rehearsed, Path(folder))
        yield Path(folder)


def warm_up_on_rehearsed_release(work: Callable[[Path], object]) -> None:
    """work(release) once over the rehearsed release, when this process rehearsed: serve's checker
    and painter, before their first run (a first validation of the BBC release in a process took
    ~2.65-2.95 CPU-s against ~2.0-2.15 later: GX's rendering, templates and metrics set up on first
    use; a first report ~0.45 CPU-s more than later ones). A failure is left for a run to meet."""
    with contextlib.suppress(Exception), rehearsed_release() as folder:
        if folder is not None:
            work(folder)


def _write_tables(tables: Mapping[str, pd.DataFrame], folder: Path) -> None:
    for table, df in tables.items():
        release.write_table(df, table, folder / f"{table}.parquet")


def _release_tables(raw: Path, out: Path, cache: Path) -> dict:
    files, rejected = stages.discover_inputs(raw)
    stages.previous_inputs(out)
    structured = stages.structure_batch(files, cache)
    stages.run_identity(raw, structured, rejected)
    corpus = stages.clean_corpus(structured.articles)
    spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    items = stages.extraction_inputs(spine["articles"])
    extracted = stages.merge_extracted([extract.extract_batch(items, cache)])
    tables = stages.corpus_tables(spine, extracted, stages.load_registry(out))
    valid, _ = validation.validate_tables(tables)
    return valid
