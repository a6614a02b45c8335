"""A run's process collects its oldest generation rarely (newswire.collector), from the CLI's
imports on and in every flow run, also one Prefect starts without the CLI (scheduled runs)."""

from __future__ import annotations

import argparse
import gc
import shutil
from pathlib import Path

import pytest

from flows.pipeline import release_flow
from newswire import cli
from newswire.collector import FULL_COLLECTION_EVERY, collect_the_oldest_generation_rarely

SEEDS = Path(__file__).parent / "data" / "seeds"
PYTHON_DEFAULT = (700, 10, 10)


@pytest.fixture
def default_collector():
    kept = gc.get_threshold()
    gc.set_threshold(*PYTHON_DEFAULT)
    yield
    gc.set_threshold(*kept)


def test_only_the_oldest_generation_is_collected_less_often(default_collector):
    collect_the_oldest_generation_rarely()
    assert gc.get_threshold() == (*PYTHON_DEFAULT[:2], FULL_COLLECTION_EVERY)


class _Stop(Exception):
    pass


def test_the_run_command_sets_it_before_its_imports(default_collector, tmp_path, monkeypatch):
    (tmp_path / "raw").mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "raw")
    monkeypatch.setattr(cli, "guard_this_run", lambda: (_ for _ in ()).throw(_Stop()))  # no server, no flow
    with pytest.raises(_Stop):
        cli._run(argparse.Namespace(raw=tmp_path / "raw", out=tmp_path / "processed"))
    assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY


def test_a_flow_run_sets_it(default_collector, prefect_harness, tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "raw")
    release_flow(raw_dir=str(tmp_path / "raw"), out_dir=str(tmp_path / "processed"), progress=False)
    assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY
