"""A worker process that dies mid-batch (killed, out of memory): its batch is run again and
nothing is lost (newswire.run_summary.gather), on a real Prefect process pool."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner

from newswire.run_summary import gather
from newswire.worker_pool import PreloadedProcessPool


def double(batch: list[int]) -> list[int]:
    return [2 * n for n in batch]


@task(retries=1, cache_policy=NO_CACHE, persist_result=False)
def dies_once(batch: list[int], mark: str) -> list[int]:
    """Double the batch; the worker holding batch [2, 3] dies the first time (no exception:
    the process is gone, as under the OOM killer)."""
    if batch == [2, 3] and not Path(mark).exists():
        Path(mark).write_text("died")
        os._exit(9)
    return double(batch)


BATCHES = [[0, 1], [2, 3], [4, 5], [6, 7]]


@flow(task_runner=ProcessPoolTaskRunner(max_workers=2))
def doubling(mark: str, rerun: bool) -> list[list[int]]:
    futures = dies_once.map(BATCHES, mark=mark)
    return gather(futures, "double", progress=False, rerun=(lambda index: double(BATCHES[index])) if rerun else None)


# Prefect's own pool, and newswire's (workers forked from a preloaded fork server)
RUNNERS = [ProcessPoolTaskRunner, PreloadedProcessPool]


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_batch_whose_worker_died_is_run_again(prefect_harness, tmp_path, runner):
    on_runner = doubling.with_options(task_runner=runner(max_workers=2))
    assert on_runner(str(tmp_path / "mark"), rerun=True) == [double(b) for b in BATCHES]
    assert (tmp_path / "mark").exists()  # the worker did die


@pytest.mark.parametrize("runner", RUNNERS)
def test_without_rerun_the_death_is_an_error_not_a_silent_gap(prefect_harness, tmp_path, runner):
    with pytest.raises(BrokenProcessPool):
        doubling.with_options(task_runner=runner(max_workers=2))(str(tmp_path / "mark"), rerun=False)
