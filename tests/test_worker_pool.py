"""The local task runner's workers fork from a fork server that loaded the pipeline and the model
once (newswire.worker_pool), on a real Prefect process pool; and when a run starts that server early."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path

import pytest
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from newswire import stages
from newswire.worker_pool import PRELOAD, PreloadedProcessPool

SEEDS = Path(__file__).parent / "data" / "seeds"


@task(cache_policy=NO_CACHE, persist_result=False)
def where_it_ran(_: int) -> tuple[int, int, bool, bool]:
    from newswire import nlp

    # frozen: what the server loaded is out of the worker's collections (newswire.worker_preload)
    loaded = PRELOAD in sys.modules and gc.get_freeze_count() > 0
    return os.getpid(), os.getppid(), loaded, nlp.load_nlp.cache_info().currsize == 1


@flow(task_runner=PreloadedProcessPool(max_workers=2))
def probe_workers() -> list[tuple[int, int, bool, bool]]:
    return [future.result() for future in where_it_ran.map(range(4))]


def test_workers_fork_from_the_preloaded_server_with_the_model_loaded_and_frozen(prefect_harness):
    places = probe_workers()
    workers = {pid for pid, _, _, _ in places}
    parents = {parent for _, parent, _, _ in places}
    assert 1 <= len(workers) <= 2 and os.getpid() not in workers
    assert parents.isdisjoint({os.getpid()})  # forked by the fork server, not started by this process
    assert all(preloaded and model_loaded for _, _, preloaded, model_loaded in places)


def _raw_folder(root: Path, files: int) -> Path:
    raw = root / "raw"
    raw.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:files]:
        shutil.copy(seed, raw / seed.name)
    return raw


def test_a_first_run_over_more_files_than_the_flow_structures_alone_expects_workers(tmp_path, monkeypatch):
    raw = _raw_folder(tmp_path, 3)
    monkeypatch.setattr(stages, "INLINE_FILES", 2)
    assert stages.workers_expected(raw, tmp_path / "processed", tmp_path / "cache", 2)
    assert stages.workers_expected(raw, tmp_path / "processed", None, 2)  # --no-cache: every file structured
    monkeypatch.setattr(stages, "INLINE_FILES", 3)
    assert not stages.workers_expected(raw, tmp_path / "processed", tmp_path / "cache", 2)
    assert not stages.workers_expected(tmp_path / "missing", tmp_path / "processed", tmp_path / "cache", 2)


def test_with_files_structured_before_the_guess_is_the_latest_release_s(tmp_path, monkeypatch):
    raw, cache = _raw_folder(tmp_path, 3), tmp_path / "cache"
    monkeypatch.setattr(stages, "INLINE_FILES", 2)
    stages.structure_files(stages.discover_inputs(raw)[0], cache)
    asked = []
    monkeypatch.setattr(stages, "latest_misses_extractions", lambda *args: asked.append(args) or True)
    assert stages.workers_expected(raw, tmp_path / "processed", cache, 2)
    assert asked == [(tmp_path / "processed", cache, 2)]


def test_the_flow_s_question_after_the_command_s_guess_is_answered_once_from_it(tmp_path, monkeypatch):
    raw, cache = _raw_folder(tmp_path, 3), tmp_path / "cache"
    stages.structure_files(stages.discover_inputs(raw)[0], cache)
    looked, real = [], stages.release.latest_release
    monkeypatch.setattr(stages.release, "latest_release", lambda out: looked.append(out) or real(out))
    guess = stages.workers_expected(raw, tmp_path / "processed", cache, 2)
    assert stages.latest_misses_extractions(str(tmp_path / "processed"), cache, 2) is guess  # as the flow asks
    assert len(looked) == 1
    stages.latest_misses_extractions(tmp_path / "processed", cache, 2)  # a later question: answered afresh
    assert len(looked) == 2


def test_the_fork_server_is_stopped_and_reaped():
    from multiprocessing import forkserver

    from newswire.worker_pool import start_preloading, stop_fork_server

    start_preloading()
    pid = forkserver._forkserver._forkserver_pid
    assert pid is not None
    stop_fork_server()
    assert forkserver._forkserver._forkserver_pid is None
    with pytest.raises(ChildProcessError):  # reaped: no zombie left for anyone to wait for
        os.waitpid(pid, os.WNOHANG)
    stop_fork_server()  # stopping twice, or a server never started, does nothing


def test_the_fork_server_leaves_without_tearing_its_heap_down():
    """The command waits for the server at a run's end: a normal exit of a process holding the model
    took ~0.9 s. Exit handlers registered before the preload would run after the fast exit: never."""
    import subprocess

    program = ("import atexit; atexit.register(lambda: print('torn down', flush=True))\n"
               "import newswire.worker_preload\n"
               "print('preloaded', flush=True)\n"
               "raise SystemExit")  # as the fork server leaves once the command closes its pipe
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["preloaded"]


@task(cache_policy=NO_CACHE, persist_result=False)
def default_retries_seen(_: int) -> int:
    from prefect.settings import get_current_settings

    return get_current_settings().tasks.default_retries


@flow(task_runner=PreloadedProcessPool(max_workers=2))
def probe_settings() -> list[int]:
    from prefect.settings import PREFECT_TASK_DEFAULT_RETRIES, temporary_settings

    seen = [future.result() for future in default_retries_seen.map(range(3))]
    with temporary_settings(updates={PREFECT_TASK_DEFAULT_RETRIES: 3}):
        seen += [future.result() for future in default_retries_seen.map(range(2))]
    return seen


def test_the_settings_are_serialised_once_while_they_stay_and_again_when_they_change(prefect_harness, monkeypatch):
    from prefect.context import SettingsContext

    real, serialised = SettingsContext.serialize, []
    monkeypatch.setattr(SettingsContext, "serialize",
                        lambda context, include_secrets=True: serialised.append(1) or real(context, include_secrets))
    assert probe_settings() == [0, 0, 0, 3, 3]
    assert len(serialised) == 2


@task(cache_policy=NO_CACHE, persist_result=False)
def where_batch_ran(batch: list[int], cache_dir) -> tuple[int, list[int]]:
    return os.getpid(), batch


@flow(task_runner=PreloadedProcessPool(max_workers=2))
def share_batches(here: int) -> list[tuple[int, list[int]]]:
    from flows.pipeline import run_batches

    return run_batches(where_batch_ran, [[0, 1], [2], [3], [4]], None, inline=False, progress=False, here=here)


def test_the_flow_process_runs_the_last_batches_itself_and_the_order_holds(prefect_harness):
    results = share_batches(2)
    assert [batch for _, batch in results] == [[0, 1], [2], [3], [4]]
    assert [pid == os.getpid() for pid, _ in results] == [False, False, True, True]
