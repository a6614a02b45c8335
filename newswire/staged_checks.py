"""The staged release's Great Expectations suites in a process of their own, started ahead.

At a run's end the flow process works alone: corpus resolution, pandera, then the suites on the
staged release (~3.4 s of CPU on the BBC release) and the report (~1.4-2 s) one after the other,
while the other core idles. And Great Expectations' import (~2.7 s of CPU) ran at the run's
start, where the Prefect server's boot and the run's own imports already fill both cores. A
checker process started when corpus resolution starts imports it on the idle core, and runs the
suites while the flow process draws the report (newswire.release.publish).

Spawned, not forked: the flow process holds Prefect's threads and its API client, which a forked
child would inherit half-made. A plain process and a pipe rather than a process pool: the
checker must end with the block that started it, whatever happens (a pool's worker that misses
its stop signal, because the command leaves without the interpreter's shutdown, waits forever
and holds the command's output pipes). A checker that dies (killed, out of memory) is not the
release's failure: the suites then run in the flow process, as they do where no checker was
started (tests, `newswire validate`).
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from newswire import gx_validation

STOP_GRACE_SECONDS = 2.0


def _serve_checks(connection: Connection) -> None:
    """The checker process: import Great Expectations, then answer (staging, previous,
    accept_drift) requests with (True, manifest entry) or (False, the exception) until the pipe
    closes. The run logs what the entry records (its handlers are in its own process); Ctrl-C goes
    to the run's process group, and the run decides when the checker ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import great_expectations.expectations  # noqa: F401  (the suites' classes: most of the import)

    while True:
        try:
            staging_dir, previous_dir, accept_drift = connection.recv()
        except EOFError:
            return
        try:
            answer = (True, gx_validation.check_staged(staging_dir, previous_dir, accept_drift, warn=False))
        except Exception as error:  # the run raises it (ReleaseBlocked: the suites blocked the release)
            answer = (False, error if _picklable(error) else RuntimeError(f"{type(error).__name__}: {error}"))
        connection.send(answer)


def _picklable(error: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


class _Checker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve_checks, args=(theirs,), name="newswire checks", daemon=True)
        self.process.start()
        theirs.close()

    def check(self, staging_dir: Path, previous_dir: Path | None, accept_drift: bool) -> tuple[bool, object]:
        """Raises OSError or EOFError when the checker is gone."""
        self.connection.send((staging_dir, previous_dir, accept_drift))
        return self.connection.recv()

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(STOP_GRACE_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


_checker: _Checker | None = None


@contextmanager
def checker_ahead() -> Iterator[None]:
    """Within the block, check_staged runs the suites in a checker process started now (none in a
    daemonic process, which may not start children: the suites then run in this one)."""
    global _checker
    if multiprocessing.current_process().daemon or _checker is not None:
        yield
        return
    _checker = _Checker()
    try:
        yield
    finally:
        checker, _checker = _checker, None
        checker.stop()


def check_staged(staging_dir: Path, previous_dir: Path | None, accept_drift: bool = False) -> dict:
    """gx_validation.check_staged, in the checker process when one runs."""
    if _checker is not None:
        try:
            passed, value = _checker.check(staging_dir, previous_dir, accept_drift)
        except (OSError, EOFError):
            pass  # the checker died: the suites run here instead
        else:
            if passed:
                gx_validation.warn_of_waived(value)
                return value
            raise value
    return gx_validation.check_staged(staging_dir, previous_dir, accept_drift)


__all__ = ["check_staged", "checker_ahead"]
