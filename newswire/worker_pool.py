"""The local task runner: worker processes forked from one process that loaded the pipeline once.

Prefect's ProcessPoolTaskRunner spawns each worker, a fresh interpreter that imports Prefect,
spaCy and newswire and loads the model: ~2.5-4.5 CPU-seconds a worker, paid on the run's busiest
cores while they structure files. Here the workers fork from a multiprocessing fork server
whose preload imported the pipeline and loaded the model once (newswire.worker_preload): each
worker starts in milliseconds and shares the model's memory with its siblings until it writes
to it. Prefect hands every task its settings and context, so a worker does not depend on the
environment the server started with.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import weakref
from contextlib import contextmanager
from types import ModuleType, SimpleNamespace
from typing import Iterator, Sequence

import prefect.task_runners
from prefect.context import SettingsContext
from prefect.task_runners import ProcessPoolTaskRunner

PRELOAD = "newswire.worker_preload"
START_METHOD = "forkserver"


def preload_workers(extra: Sequence[str] = ()) -> None:
    """Have the fork server, when it starts, load what workers need first (and the modules extra)."""
    multiprocessing.get_context(START_METHOD).set_forkserver_preload([PRELOAD, *extra])


def start_preloading(extra: Sequence[str] = ()) -> None:
    """Start the fork server now, so that it imports and loads while this process does other work
    (otherwise the first worker starts it). Once per process: a fork server already running keeps
    what it loaded."""
    preload_workers(extra)
    multiprocessing.forkserver.ensure_running()


def fork_server_running() -> bool:
    """Whether this process started a fork server (it may have ended since: a process forked from it
    then starts it again)."""
    return multiprocessing.forkserver._forkserver._forkserver_pid is not None


def stop_fork_server() -> None:
    """Stop this process's fork server (once the pool has ended its workers) and wait for it: a
    run leaves no process behind, and the CPU time of the server and of the workers it reaped
    counts among this process's children's, where `time` and `make bench` read it.
    (ForkServer._stop, which the standard library's own tests use, has no public twin.)"""
    multiprocessing.forkserver._forkserver._stop()


@contextmanager
def prefect_start_method(module: ModuleType, method: str) -> Iterator[None]:
    """Prefect's ProcessPoolTaskRunner and run_flow_in_subprocess ask their module's `multiprocessing`
    for the "spawn" context by name (Prefect 3.9): for the time they start processes, that name
    gives the context of method instead."""
    with prefect_context(module, multiprocessing.get_context(method)):
        yield


@contextmanager
def prefect_context(module: ModuleType, context: object) -> Iterator[None]:
    """For the time the block runs, module's `multiprocessing` gives context, whatever start method it
    is asked for (see prefect_start_method)."""
    real = module.multiprocessing
    module.multiprocessing = SimpleNamespace(get_context=lambda _method=None: context)
    try:
        yield
    finally:
        module.multiprocessing = real


@contextmanager
def _settings_serialised_once(memo: dict) -> Iterator[None]:
    """Prefect serialises the run's settings for every task it submits (~30 ms of the flow
    process's CPU each: ~1 s for the BBC corpus's 32 tasks, while the workers start on the
    first). Settings are replaced, not changed, so while the same context holds the same settings
    object, memo gives back the dict of the first submission. It knows them by weak references: a
    strong one kept a dead pool's queues alive until the interpreter's exit, which then waited for
    them forever (a worker killed mid-batch, tests/test_worker_death.py)."""
    real = SettingsContext.serialize

    def serialise(context: SettingsContext, include_secrets: bool = True) -> dict:
        context_then, settings_then, secrets_then = memo.get("made_of", (lambda: None, lambda: None, None))
        if context_then() is not context or settings_then() is not context.settings or secrets_then != include_secrets:
            memo.update(made_of=(weakref.ref(context), weakref.ref(context.settings), include_secrets),
                        value=real(context, include_secrets))
        return memo["value"]

    SettingsContext.serialize = serialise
    try:
        yield
    finally:
        SettingsContext.serialize = real


class PreloadedProcessPool(ProcessPoolTaskRunner):
    """ProcessPoolTaskRunner whose workers fork from the preloaded fork server."""

    def submit(self, task, parameters, wait_for=None, dependencies=None):
        memo = self.__dict__.setdefault("_serialised_settings", {})
        with _settings_serialised_once(memo):
            return super().submit(task, parameters, wait_for=wait_for, dependencies=dependencies)

    def __enter__(self):
        # Prefect enters the flow's task runner again in each worker, for each task: starting the
        # fork server here would start one per worker
        preload_workers()
        with prefect_start_method(prefect.task_runners, START_METHOD):
            return super().__enter__()
