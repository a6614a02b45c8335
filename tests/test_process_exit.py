"""Workers of the local task runner leave at once, but only after the exit work they owe."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newswire.process_exit import leave_without_teardown


def _write_at_exit(marker: str) -> int:
    atexit.register(Path(marker).write_text, "exit handlers ran")
    return multiprocessing.current_process().pid


_queue = None


def _start_with_queue(queue) -> None:
    global _queue
    _queue = queue
    leave_without_teardown()


def _send(message: str) -> None:
    # sent by the queue's feeder thread after the task returns: it must finish before the
    # worker leaves (50 kB, within what a pipe holds, so the worker never waits for a reader)
    for _ in range(50):
        _queue.put(message)


def test_a_worker_runs_the_exit_handlers_registered_after_it_started(tmp_path):
    marker = tmp_path / "marker"
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=leave_without_teardown) as pool:
        pool.submit(_write_at_exit, str(marker)).result()
    assert marker.read_text() == "exit handlers ran"


def test_what_a_worker_put_on_a_queue_arrives_whole():
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    with ProcessPoolExecutor(1, mp_context=context, initializer=_start_with_queue, initargs=(queue,)) as pool:
        pool.submit(_send, "x" * 1000).result()
    assert [queue.get(timeout=10) for _ in range(50)] == ["x" * 1000] * 50


def test_a_worker_leaves_with_exit_code_zero():
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(1, mp_context=context, initializer=leave_without_teardown)
    pool.submit(int).result()
    processes = list(pool._processes.values())
    pool.shutdown(wait=True)
    assert [process.exitcode for process in processes] == [0]
