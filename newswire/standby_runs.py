"""`newswire serve`'s flow runs, each in a process forked before it is due, that made ready meanwhile.

A served run forks from serve's fork server (newswire.served_runs) and copies, as it writes them,
the pages of the server's memory it writes: ~0.25 s of a +1 article run over the BBC corpus
(newswire.copied_pages). Here the runner's next run process is forked as soon as the previous run
has ended, and copies ahead, while it waits, the pages the previous run copied; the runner then
hands it the run's call instead of forking a process at the run's start. The run records, as it
ends, the pages it holds, for the next.

Prefect's runner starts a run with run_flow_in_subprocess, which asks its module's multiprocessing
for a context and starts ctx.Process(target, args) (Prefect 3.9): StandbyRuns is that context while
serving, and its Process is a HandedRun, which gives the call to the standby process and is then
that process to the runner (its pid, its exit code, join). A standby that died, or a run with none
ready (the first), gets one forked then, as every run did before. A waiting standby ignores Ctrl-C:
serve ends it through its pipe.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from newswire import copied_pages, forked

log = logging.getLogger(__name__)

# copied ahead between looks at whether the run is due (~15 ms): a run due meanwhile starts at once
PIECE_BYTES = 16 << 20
STOP_SECONDS = 5.0
PROCESS_NAME = "newswire-standby-run"


def _wait_for_a_run(calls, record: str) -> None:
    """The standby process: copy ahead the pages record lists, then run the call that comes, then
    record the pages the run holds."""
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    spans = copied_pages.private_spans()  # the fork server's memory, as this process shares it
    most, copied = min(copied_pages.MOST_BYTES, _room()), 0
    for piece in copied_pages.in_pieces(copied_pages.within(copied_pages.read_record(Path(record)), spans),
                                        PIECE_BYTES):
        if calls.poll() or copied + piece[1] - piece[0] > most or not copied_pages.copy_ahead(piece):
            break
        copied += piece[1] - piece[0]
    try:
        call = calls.recv()
    except (EOFError, OSError):
        return  # serve ended (or died) before another run was due
    finally:
        calls.close()
    if call is None:
        return  # serving ended before another run was due
    target, args = call
    signal.signal(signal.SIGINT, interrupt)
    try:
        target(*args)
    finally:
        with contextlib.suppress(OSError):  # a record not written: the next run copies as it goes
            copied_pages.write_record(Path(record), copied_pages.held_alone(spans))


def _room() -> int:
    """What a waiting process may copy ahead: half the memory available (the run would copy the
    pages as it goes, but a machine short of memory should not lend it to a process that waits)."""
    try:
        return forked.available_bytes() // 2
    except (OSError, ValueError):
        return 0


class _Standby:
    """One process forked from context's server, waiting for a call."""

    def __init__(self, context, record: Path) -> None:
        theirs, self._calls = context.Pipe(duplex=False)
        self.process = context.Process(target=_wait_for_a_run, args=(theirs, str(record)), name=PROCESS_NAME)
        self.process.start()
        theirs.close()

    def hand(self, target: Callable, args: Sequence) -> bool:
        """Give the process its call; False when it cannot take it (it died)."""
        try:
            self._calls.send((target, tuple(args)))
            return True
        except (OSError, ValueError):
            return False
        finally:
            self._calls.close()

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # it may have gone, or been handed a call
            self._calls.send(None)
        self._calls.close()
        self.process.join(STOP_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


class StandbyRuns:
    """The multiprocessing context Prefect's runner starts served runs from (see the module's
    docstring): the processes come from context (the fork server's), the record of copied pages
    lives in folder."""

    def __init__(self, context, folder: Path) -> None:
        self._context = context
        self.record = folder / "copied-pages.npy"
        self._standby: _Standby | None = None
        self._lock = threading.Lock()
        self._serving = True

    @property
    def waiting(self):
        """The process forked for the next run, if one waits."""
        standby = self._standby
        return None if standby is None else standby.process

    def get_context(self, method: str | None = None) -> StandbyRuns:
        return self

    def get_start_method(self) -> str:
        return self._context.get_start_method()

    def Process(self, target: Callable, args: Sequence = (), **_: object) -> HandedRun:  # noqa: N802 (multiprocessing's name)
        return HandedRun(self, target, args)

    def hand(self, target: Callable, args: Sequence):
        """The process that runs target(*args): the standby, or one forked now."""
        with self._lock:
            standby, self._standby = self._standby, None
        if standby is not None and standby.hand(target, args):
            return standby.process
        if standby is not None:
            standby.discard()
        fresh = _Standby(self._context, self.record)
        if not fresh.hand(target, args):
            fresh.discard()
            raise RuntimeError("the flow run's process ended before it was given the run")
        return fresh.process

    def run_ended(self) -> None:
        """Fork the next run's process, unless one waits already or serving has ended. Called where
        the runner waits for a run's end: a fork that fails is logged, and the next run forks its own
        as it starts."""
        with self._lock:
            if self._serving and self._standby is None:
                try:
                    self._standby = _Standby(self._context, self.record)
                except Exception as error:  # noqa: BLE001 (the runner must go on)
                    log.warning("the next served run's process could not be forked ahead: %s", error)

    def stop(self) -> None:
        """No more runs: the waiting process, if any, ends."""
        with self._lock:
            self._serving = False
            standby, self._standby = self._standby, None
        if standby is not None:
            standby.discard()


class HandedRun:
    """What the runner starts and waits for: once started, the process that runs its call."""

    def __init__(self, runs: StandbyRuns, target: Callable, args: Sequence) -> None:
        self._runs, self._target, self._args = runs, target, args
        self._process = None
        self._ended = False

    def start(self) -> None:
        self._process = self._runs.hand(self._target, self._args)

    def join(self, timeout: float | None = None) -> None:
        self._process.join(timeout)
        if self._process.exitcode is not None and not self._ended:
            self._ended = True
            self._runs.run_ended()

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def terminate(self) -> None:
        self._process.terminate()

    def kill(self) -> None:
        self._process.kill()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    @property
    def exitcode(self) -> int | None:
        return None if self._process is None else self._process.exitcode

    @property
    def sentinel(self) -> int:
        return self._process.sentinel

    @property
    def name(self) -> str:
        return self._process.name if self._process is not None else PROCESS_NAME


__all__ = ["HandedRun", "StandbyRuns"]
