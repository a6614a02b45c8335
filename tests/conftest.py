"""Shared fixtures. Keep each one small and documented; heavy ones are session-scoped and lazy.

Prefect is configured quiet, offline and away from ~/.prefect before any test module
imports it (see ../shared/STACK.md); `prefect_harness` starts the test API server once per
session (≈ 15 s), only when a test asks for it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from newswire.cli import prefect_environment

_TEST_PREFECT_HOME = Path(tempfile.gettempdir()) / f"newswire-tests-prefect-{os.getpid()}"
PREFECT_TEST_ENV = prefect_environment(_TEST_PREFECT_HOME)
for _key, _value in PREFECT_TEST_ENV.items():
    os.environ.setdefault(_key, _value)

from hostile_corpus import Expect, build_hostile_corpus, write_large_file  # noqa: E402  (tests/ is on sys.path)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = Path(__file__).resolve().parent / "data" / "seeds"


def mention_rows(columns: dict[str, list]) -> list[dict]:
    """Corpus.tables's mention columns as one dict per mention, in order."""
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_TEST_PREFECT_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five bundled seed articles (read-only)."""
    return SEEDS_DIR


@pytest.fixture(scope="module")
def seeds_extracted(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The seeds structured and extracted into a cache of their own, once per module: (spine tables,
    extracted batch, raw folder, cache folder)."""
    from newswire import extract, stages

    raw = tmp_path_factory.mktemp("seeds-extracted") / "raw"
    shutil.copytree(seeds_dir, raw)
    cache = raw.parent / "cache"
    files, rejected = stages.discover_inputs(raw)
    structured = stages.structure_batch(files, cache)  # cached, for serve's fork server to read
    spine = stages.spine_tables(stages.clean_corpus(structured.articles), rejected + structured.quarantine)
    return spine, extract.extract_batch(stages.extraction_inputs(spine["articles"]), cache), raw, cache


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API (SQLite in a temp dir) for real flow runs; started once per session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50 MB UTF-8 text file, written once per session; hard-linked into hostile corpora."""
    return write_large_file(tmp_path_factory.mktemp("large") / "huge_50mb.txt")


@pytest.fixture(scope="session")
def make_hostile_corpus(large_file: Path):
    """Factory: make_hostile_corpus(raw_dir) writes the hostile inputs and returns {source: Expect}."""
    def make(raw_dir: Path) -> dict[str, Expect]:
        return build_hostile_corpus(raw_dir, large_file=large_file)

    return make


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory, make_hostile_corpus) -> tuple[Path, dict[str, Expect]]:
    """(raw_dir, expectations) of one shared hostile corpus. Read it, never modify it."""
    raw_dir = tmp_path_factory.mktemp("hostile") / "raw"
    return raw_dir, make_hostile_corpus(raw_dir)


@pytest.fixture(scope="session")
def sample_release(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample (raw/, with its sources.csv) through the real flow, as `make run` publishes it."""
    from flows.pipeline import release_flow

    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(PROJECT_ROOT / "raw", root / "raw")
    summary = release_flow(raw_dir=str(root / "raw"), out_dir=str(root / "processed"), progress=False)
    return Path(summary.release_path)


@pytest.fixture(scope="module")
def sample_tables(sample_release: Path):
    """The sample release's tables, as read from its files."""
    from newswire.gx_validation import load_tables

    return load_tables(sample_release)


@pytest.fixture
def fork_server():
    """The workers' fork server, for processes forked from it (a checker, serve's services)."""
    from newswire import worker_pool

    worker_pool.start_preloading()
    yield
    worker_pool.stop_fork_server()
