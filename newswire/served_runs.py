"""`newswire serve`'s flow runs, forked from a process that imported the pipeline once.

Prefect's runner starts every scheduled flow run in a fresh interpreter (multiprocessing's
"spawn", Prefect 3.9's run_flow_in_subprocess), which imports Prefect, pandas, pyarrow, spaCy,
Great Expectations and newswire again and loads the model for the run's first parse, every
quarter of an hour for the same modules. Here the serving process starts the local task runner's
fork server (newswire.worker_pool: the pipeline and the model, loaded once) with what a run loads
on first use besides (newswire.served_preload), and each flow run forks from it: the run starts
with everything imported, and shares the model's memory with the server. A run's own worker
processes come from a fork server of the run's (the one it inherited is the server's own, not a
client's). Each run's process is forked once the run before it has ended, and makes itself ready
while it waits (newswire.standby_runs). bench/bench_served.py measures it.

Prefect 3.9's DirectSubprocessStarter calls its module's run_flow_in_subprocess, named there so
that it can be replaced ("patch the module to override"); run_flow_in_subprocess asks its module's
`multiprocessing` for the "spawn" context by name, which is swapped, for the time of the call,
for newswire.standby_runs's over the fork server's, as newswire.worker_pool swaps the fork
server's in for the task runner's pool.
"""

from __future__ import annotations

import functools
import multiprocessing
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import prefect.flow_engine
import prefect.runner._starter_direct as direct_starter

from newswire.run_services import environment
from newswire.served_memory import CACHE_VARIABLE, RAW_VARIABLE
from newswire.standby_runs import StandbyRuns
from newswire.worker_pool import START_METHOD, prefect_context, start_preloading, stop_fork_server

SERVED_PRELOAD = "newswire.served_preload"
SERVED_DEPLOYMENT = "scheduled"
DROP_PAGE = 200


def _run_flow_forked(runs: StandbyRuns, flow, flow_run=None, parameters=None, wait_for=None, context=None, env=None):
    with prefect_context(prefect.flow_engine, runs):
        return prefect.flow_engine.run_flow_in_subprocess(flow, flow_run=flow_run, parameters=parameters,
                                                          wait_for=wait_for, context=context, env=env)


@contextmanager
def flow_runs_forked(raw_dir: Path, cache_dir: Path | None) -> Iterator[None]:
    """While serving: the fork server starts loading now (and reading the cache entries of the
    corpus in raw_dir: newswire.served_memory), and every flow run the runner starts forks from
    it, ahead of its time (newswire.standby_runs). The fork server is stopped, and the environment
    restored, at the end."""
    # the fork server starts (and would start again) with this process's environment
    with environment({RAW_VARIABLE: str(raw_dir), CACHE_VARIABLE: str(cache_dir) if cache_dir else None}):
        start_preloading(extra=[SERVED_PRELOAD])
        folder = Path(tempfile.mkdtemp(prefix="newswire-serve-"))
        runs = StandbyRuns(multiprocessing.get_context(START_METHOD), folder)
        real = direct_starter.run_flow_in_subprocess
        direct_starter.run_flow_in_subprocess = functools.partial(_run_flow_forked, runs)
        try:
            yield
        finally:
            direct_starter.run_flow_in_subprocess = real
            runs.stop()
            stop_fork_server()
            shutil.rmtree(folder, ignore_errors=True)


def drop_runs_left_scheduled(flow_name: str, deployment: str = SERVED_DEPLOYMENT) -> int:
    """Delete the served deployment's runs that are scheduled and never ran; how many. The runs a
    schedule creates carry the options of the serve that created them, and when that serve stops,
    the server keeps them; when serve starts again, Prefect replaces those still in the future,
    but the runner would start the overdue ones: with the earlier serve's options (another raw
    folder, another output), before any run of this one."""
    from prefect import get_client
    from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterName, FlowFilter, FlowFilterName,
                                                FlowRunFilter, FlowRunFilterState, FlowRunFilterStateType)
    from prefect.client.schemas.objects import StateType

    dropped = 0
    with get_client(sync_client=True) as client:
        while True:  # a page at a time (the API answers at most its default limit of runs)
            left = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
                deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment])),
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))), limit=DROP_PAGE)
            never_ran = [run for run in left if run.run_count == 0]
            for run in never_ran:
                client.delete_flow_run(run.id)
            dropped += len(never_ran)
            if len(left) < DROP_PAGE or not never_ran:
                return dropped


__all__ = ["SERVED_DEPLOYMENT", "drop_runs_left_scheduled", "flow_runs_forked"]
