"""One piece of work run in a forked child beside the process's own, on a core that would idle.

Corpus resolution runs in the flow process alone, on one core, while the other waits for the
release (~2.6 s of a served +1 article run over the BBC corpus). Near its end it makes the quotes
table (speakers' ids and names, clusters: ~0.4 s) and the event and actor tables (~0.6 s), which
read the same resolved corpus and write nothing the other reads. A forked child makes the quotes
table from the parent's memory as it is (nothing to send: the whole corpus) while the parent makes
the others, and sends it back pickled through a pipe.

The child's result is the result: it ran the same code on the same state. Its own changes to that
state are lost, so the work must change nothing the parent reads later (the quotes' speaker ids
are looked up in the parent first: a lookup can give an actor its id), or the child must send
them back with its result (newswire.split_resolution: the mentions it resolved, which the parent
takes on). The child touches nothing
the flow process shares with other threads (no logging, no Prefect), leaves with os._exit (no
atexit, no flushing of the parent's buffers), and takes the default action on SIGINT and SIGTERM.
Whatever goes wrong in the child (an exception, death, no answer in time), the parent computes the
work itself, as it does where forking is not used: not on Linux (elsewhere a fork of a threaded
process is unsafe), one usable core, or less free memory than the parent holds (the child's
writes copy its pages).

Work whose product is what it leaves on disk runs the same way, and the parent waits for it with
Beside.finished rather than result(): a run's new articles are extracted in a child while the flow
cleans and dedupes the corpus (newswire.stages.extraction_ahead), and the extract stage then finds
the child's entries in the extraction cache, or extracts as ever.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# The child's answer may take this long after the parent asks for it, plus WAIT_FACTOR times the
# seconds the parent spent on its own branch (the two branches are of a size): a child that hangs
# costs that long, then the work is done here.
WAIT_SECONDS = 30.0
WAIT_FACTOR = 10.0
_READ_BYTES = 1 << 20


def usable() -> bool:
    """Whether a fork can run beside this process: Linux, two usable cores, and free memory for a
    copy of this process's pages."""
    if not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2:
        return False
    try:
        return available_bytes() >= _resident_bytes()
    except (OSError, ValueError):
        return False


def available_bytes() -> int:
    """The memory the kernel says is available for new work (MemAvailable)."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    raise ValueError("no MemAvailable in /proc/meminfo")


def _resident_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Beside(Generic[T]):
    """The work, running in a child (or to be run here): result() gives what it returned."""

    def __init__(self, work: Callable[[], T], fork: bool) -> None:
        self.work = work
        self.pid: int | None = None
        self.answered = False  # the child sent its answer whole: it is leaving
        self.started = time.monotonic()
        if fork:
            self._fork()

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError as error:  # no memory or no process left for it (strict overcommit, limits)
            os.close(read_end)
            os.close(write_end)
            log.warning("no fork for work beside this process (%s): computing it here", error)
            return
        if pid == 0:  # the child
            try:
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                try:
                    answer = (True, self.work())
                except BaseException as error:  # noqa: BLE001 (reported to the parent, which runs the work)
                    answer = (False, f"{type(error).__name__}: {error}")
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(0)
        os.close(write_end)
        self.pid, self.read_end = pid, read_end

    def result(self) -> T:
        if self.pid is None:
            return self.work()
        answered, value = self._answer(self._deadline())
        if not answered:
            log.warning("the forked child gave no result (%s): computing it here", value)
            return self.work()
        return value

    def answer(self) -> T | None:
        """What the child returned, or None when it was not started or gave nothing (the caller
        then does the work its own way: newswire.split_resolution)."""
        if self.pid is None:
            return None
        answered, value = self._answer(self._deadline())
        if not answered:
            log.warning("the forked child gave no result (%s)", value)
        return value if answered else None

    def finished(self, seconds: float) -> T | None:
        """For work whose product is what it leaves on disk (a cache the parent reads next): wait up
        to seconds for the child, never computing the work here (the parent's own next step does it
        its way when the child did not), and end the child. What the work returned, or None when
        the child did not do it."""
        if self.pid is None:
            return None
        answered, value = self._answer(time.monotonic() + seconds)
        return value if answered else None

    def _deadline(self) -> float:
        """When to stop waiting for the child: WAIT_SECONDS, plus WAIT_FACTOR times the seconds the
        parent has spent on its own branch."""
        return time.monotonic() + WAIT_SECONDS + WAIT_FACTOR * (time.monotonic() - self.started)

    def _answer(self, deadline: float) -> tuple[bool, object]:
        """(whether the child answered whole, what it returned or why it did not); the child ended."""
        try:
            return pickle.loads(self._read(deadline))
        except (OSError, EOFError, TimeoutError, pickle.UnpicklingError) as error:
            return False, f"{type(error).__name__}: {error}"
        finally:
            self.close()

    def _read(self, deadline: float) -> bytes:
        chunks = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.read_end], [], [], left)[0]:
                raise TimeoutError("no answer in time")
            chunk = os.read(self.read_end, _READ_BYTES)
            if not chunk:
                self.answered = True
                return b"".join(chunks)
            chunks.append(chunk)

    def close(self) -> None:
        """End the child (at once, if it has not answered) and release the pipe."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        os.close(self.read_end)
        try:
            if not self.answered:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


@contextmanager
def beside(work: Callable[[], T], worth_forking: bool) -> Iterator[Beside[T]]:
    """Start work in a forked child when worth_forking and usable(); the block's .result() gives
    what it returned (computed here if the child was not started or gave nothing). A child whose
    result the block never asked for is ended with it."""
    running = Beside(work, worth_forking and usable())
    try:
        yield running
    finally:
        running.close()


__all__ = ["Beside", "beside", "usable"]
