"""Served runs in processes forked before they are due (newswire.standby_runs): the runner's call
runs in the process that waited, the next one is forked when a run ends, one that died is
replaced, and serving's end ends the one waiting. A fork context stands in for the fork server
(tests/test_serve.py runs the whole of `newswire serve` on it)."""

from __future__ import annotations

import ctypes
import mmap
import multiprocessing
import os
import signal
import sys
import time

import pytest

from newswire import copied_pages, standby_runs
from newswire.standby_runs import StandbyRuns

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def _fail() -> None:
    raise SystemExit(3)


@pytest.fixture
def runs(tmp_path):
    served = StandbyRuns(multiprocessing.get_context("fork"), tmp_path)
    yield served
    served.stop()


def _run(runs: StandbyRuns, target, *args):
    process = runs.get_context("spawn").Process(target=target, args=args)
    process.start()
    process.join()
    return process


def test_a_run_goes_to_the_process_forked_when_the_run_before_it_ended(runs, tmp_path):
    assert runs.waiting is None  # none before the first run: it gets one forked then
    first = _run(runs, _write, str(tmp_path / "first"), "one")
    assert (first.exitcode, (tmp_path / "first").read_text()) == (0, "one")
    waiting = runs.waiting
    assert waiting is not None and waiting.is_alive() and waiting.pid != first.pid
    second = _run(runs, _write, str(tmp_path / "second"), "two")
    assert (second.pid, second.exitcode, (tmp_path / "second").read_text()) == (waiting.pid, 0, "two")
    assert runs.waiting is not None and runs.waiting.pid not in (first.pid, second.pid)


def test_a_runs_exit_code_is_its_process_and_it_records_its_pages_all_the_same(runs):
    failed = _run(runs, _fail)
    assert failed.exitcode == 3
    if copied_pages.private_spans():
        assert copied_pages.read_record(runs.record)


def test_a_waiting_process_that_died_is_replaced_by_one_forked_for_the_run(runs, tmp_path):
    _run(runs, _write, str(tmp_path / "first"), "one")
    dead = runs.waiting
    os.kill(dead.pid, signal.SIGKILL)
    dead.join()
    second = _run(runs, _write, str(tmp_path / "second"), "two")
    assert second.pid != dead.pid and (second.exitcode, (tmp_path / "second").read_text()) == (0, "two")


def _wait_until_ignoring_sigint(pid: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            ignored = next(int(line.split()[1], 16) for line in status if line.startswith("SigIgn:"))
        if ignored & (1 << (signal.SIGINT - 1)):
            return
        time.sleep(0.01)
    raise AssertionError("the waiting process never came to ignore SIGINT")


def test_ctrl_c_leaves_a_waiting_process_to_serve_which_ends_it(runs, tmp_path):
    _run(runs, _write, str(tmp_path / "first"), "one")
    waiting = runs.waiting
    _wait_until_ignoring_sigint(waiting.pid)  # what it does first, a moment after its fork
    os.kill(waiting.pid, signal.SIGINT)
    time.sleep(0.3)
    assert waiting.is_alive()
    runs.stop()
    assert waiting.exitcode == 0  # ended by serve through its pipe, not terminated
    assert runs.waiting is None
    runs.run_ended()  # a run that ends after serving: no process forked for another
    assert runs.waiting is None


def _held_alone(path: str, start: int, end: int) -> None:
    _write(path, repr(copied_pages.held_alone([(start, end)])))


@pytest.mark.skipif(not copied_pages.private_spans(), reason="Linux's /proc only")
@pytest.mark.parametrize("room", [None, 0])
def test_the_waiting_process_copies_ahead_the_pages_the_record_lists_as_memory_allows(runs, tmp_path, monkeypatch, room):
    if room is not None:  # no memory to spare: the run copies its pages as it writes them
        monkeypatch.setattr(standby_runs, "_room", lambda: room)
    pages = 64
    memory = mmap.mmap(-1, pages * copied_pages.PAGE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    for page in range(pages):
        memory[page * copied_pages.PAGE] = 1
    start = ctypes.addressof(ctypes.c_char.from_buffer(memory))
    end = start + pages * copied_pages.PAGE
    _run(runs, _write, str(tmp_path / "first"), "one")
    runs.stop()  # the record is replaced before the next process forks
    copied_pages.write_record(runs.record, [(start, end)])
    if not copied_pages.copy_ahead((start, start + copied_pages.PAGE)):
        pytest.skip("this kernel cannot populate pages (Linux < 5.14)")
    served = StandbyRuns(multiprocessing.get_context("fork"), tmp_path)
    try:
        served.run_ended()
        _wait_until_ignoring_sigint(served.waiting.pid)
        time.sleep(0.3)  # then it copies 64 pages, in well under a millisecond
        _run(served, _held_alone, str(tmp_path / "held"), start, end)
        # the run found them its own before it wrote to them, and its record lists them again
        assert (tmp_path / "held").read_text() == repr([(start, end)] if room is None else [])
        assert any(low <= start and end <= high for low, high in copied_pages.read_record(served.record)) \
            == (room is None)
    finally:
        served.stop()


class _NoForks:
    """A context whose processes cannot start (a fork server that has gone)."""

    def Pipe(self, duplex: bool = True):  # noqa: N802 (multiprocessing's name)
        return multiprocessing.get_context("fork").Pipe(duplex)

    def Process(self, **_):  # noqa: N802
        raise OSError("no fork server")


def test_a_process_that_cannot_be_forked_ahead_is_logged_and_the_run_that_needs_it_fails_saying_why(tmp_path, caplog):
    runs = StandbyRuns(_NoForks(), tmp_path)
    runs.run_ended()
    assert runs.waiting is None and "could not be forked ahead: no fork server" in caplog.text
    with pytest.raises(OSError, match="no fork server"):
        runs.get_context("spawn").Process(target=_write, args=(str(tmp_path / "x"), "x")).start()
