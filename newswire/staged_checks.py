"""The staged release's Great Expectations suites in a process of their own, started ahead.

At a run's end the flow process works alone: corpus resolution, pandera, then the suites on the
staged release (~2.5 s on the BBC release) and the report (~0.9 s) one after the other, while the
other core idles; and Great Expectations' import (~2 s of CPU) ran in the flow process at the
run's start, where the Prefect server's boot, the run's own imports and the workers' fork server
already fill both cores. In a run with worker processes, a checker process forks from their fork
server (newswire.worker_pool: pandas, pyarrow and the schemas already imported) as the extract
stage nears its end, imports Great Expectations while the last batches and corpus resolution run,
and at publishing runs the suites while the flow process draws the report (newswire.release.publish).
Near the end, not at the stage's start: there its import (~2.5 CPU-s) took a core from the parse
for as long, while at the end one core idles as the last batches finish and as the flow process
resolves the corpus alone. Not after the stage: started with corpus resolution it was still importing
when a 300-file run published (publish 3.3 -> 4.3 s), hence a lead of LEAD_SECONDS of extraction.

A run without workers over a large corpus (an incremental run: a few new files, every table
validated again) has no fork server, and one core idle while the flow process works alone: its
checker is spawned when the extract stage starts (a fresh interpreter: ~4.5 CPU-s of imports on
the idle core, ~6 s before the suites are wanted), and the flow process imports no Great
Expectations at all (newswire.stages.load_in_background, whose thread held the GIL for ~2 s of it).
Below SPAWNED_CHECKER_ARTICLES articles the suites take less than the checker's imports.

`newswire serve` starts one checker for all the runs it serves (checker_service), forked from the
fork server that its runs fork from too (newswire.served_runs, Great Expectations preloaded): a
run connects to it, and its suites start at once. Between runs it prepares the next run's suites
against the release the last one published (gx_validation.prepare_next_checks: ~1 CPU-s over the
BBC release; a run that connects meanwhile waits for it, as one does during the warm-up).

Forked from the fork server, not from the flow process, which holds Prefect's threads and its API
client, half-made in a forked child. A plain process and a pipe rather than a process pool: the
checker must end with the block that started it, whatever happens (a pool's worker that misses its
stop signal, because the command leaves without the interpreter's shutdown, waits forever and holds
the command's output pipes). A checker that dies (killed, out of memory) is not the release's
failure: the suites then run in the flow process, as they do where no checker was started (runs
without workers, tests, `newswire validate`).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from newswire import run_services
from newswire.process_exit import leave_without_teardown
from newswire.run_services import STOP_GRACE_SECONDS, end

if TYPE_CHECKING:  # newswire.release imports pandas and pyarrow: not for the command line's checks
    from newswire.release import Arrival

SPAWNED_CHECKER_ARTICLES = 1000
# Estimated wall seconds of extraction left when the checker starts: its import takes ~2.5 s on a
# free core, and corpus resolution (0.5 s for 300 files, 3 s for 2,226) follows the extraction. With
# 3 s, on the BBC corpus the import still ran beside both workers' last batches, and the checker
# then waited ~4 s for the staged release.
LEAD_SECONDS = 2.0
# newswire serve's checker (checker_service): its address and key, which the served runs inherit
SERVICE_ADDRESS, SERVICE_KEY = "NEWSWIRE_CHECKER_ADDRESS", "NEWSWIRE_CHECKER_KEY"
CHECKER_SERVICE = run_services.Service("newswire checks", "the served runs' Great Expectations checker",
                                       SERVICE_ADDRESS, SERVICE_KEY)
SERVICE_START_SECONDS = run_services.START_SECONDS


def _serve_checks(connection: Connection) -> None:
    """The checker process: import Great Expectations, then answer (staging, previous,
    accept_drift) requests with (True, manifest entry) or (False, the exception) until the pipe
    closes. The run logs what the entry records (its handlers are in its own process); Ctrl-C goes
    to the run's process group, and the run decides when the checker ends. It leaves as the run's
    workers do (newswire.process_exit), after multiprocessing's own exit work: that releases the
    lock the suites' progress bars register with multiprocessing's resource tracker, which warns
    of a leaked semaphore at the run's end when the checker is killed instead."""
    _start_checking()
    _answer(connection)


def _start_checking() -> None:
    leave_without_teardown()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):  # a failed import raises where the suites run
        import newswire.gx_validation  # noqa: F401  (first: it sets GX's environment)

        import great_expectations.expectations  # noqa: F401  (the suites' classes: most of the import)


def _answer(connection: Connection) -> None:
    run_services.answer_requests(connection, _check)


def _answer_and_prepare(connection: Connection) -> None:
    """The served checker's answers to one run, then the next run's checks prepared against the
    release the run published (or kept): gx_validation.prepare_next_checks, in the idle time
    between runs. The run closes its connection once it has published."""
    staged: list[Path] = []

    def check(staging_dir: Path, *rest) -> dict:
        staged.append(Path(staging_dir))
        return _check(staging_dir, *rest)

    run_services.answer_requests(connection, check)
    if staged:
        _prepare_after(staged[-1])


def _prepare_after(staging_dir: Path) -> None:
    """The next run's checks prepared against the latest release of the folder staging_dir was in."""
    from newswire import gx_validation
    from newswire.release import latest_release

    try:
        latest = latest_release(staging_dir.parent)
    except OSError:
        latest = None
    if latest is not None:
        gx_validation.prepare_next_checks(latest)


def _check(staging_dir: Path, previous_dir: Path | None, accept_drift: bool, arrival: Arrival | None = None) -> dict:
    """The suites (a failure, such as ReleaseBlocked when they block the release, goes to the run)."""
    from newswire import gx_validation  # raises here if the import failed

    return gx_validation.check_staged(staging_dir, previous_dir, accept_drift, warn=False, arrival=arrival)


class _Checker:
    def __init__(self, method: str) -> None:
        context = multiprocessing.get_context(method)
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve_checks, args=(theirs,), name="newswire checks", daemon=True)
        self.process.start()
        theirs.close()
        self.used = False

    def check(self, staging_dir: Path, previous_dir: Path | None, accept_drift: bool,
              arrival: Arrival | None) -> tuple[bool, object]:
        """Raises OSError or EOFError when the checker is gone."""
        self.used = True
        self.connection.send((staging_dir, previous_dir, accept_drift, arrival))
        return self.connection.recv()

    def stop(self) -> None:
        """A checker that ran the suites leaves on its own once its pipe closes (~10 ms); one that
        did not (the run ended before publishing, or published nothing) holds nothing to release
        and may still be importing: it is stopped at once."""
        self.connection.close()
        self.process.join(STOP_GRACE_SECONDS if self.used else 0)
        end(self.process)


class _ServedChecker(_Checker):
    """A run's connection to its serve's checker (checker_service), which outlives the run."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.used = False

    def stop(self) -> None:
        self.connection.close()


_checker: _Checker | None = None


@contextmanager
def checker_service(timeout: float = SERVICE_START_SECONDS) -> Iterator[None]:
    """For `newswire serve`: one checker process for all the runs it serves, forked from the fork
    server that preloaded Great Expectations (newswire.served_runs, newswire.run_services), so that
    a run's suites start at once instead of after a checker's imports (a spawned one: ~4.5 CPU-s,
    and a +1 article run over the BBC corpus waited for it). The runs, forked from the same server,
    inherit its address and key through the environment (checker_ahead). A service that does not
    start in time is left: the runs then start their own checkers, as unserved runs do."""
    with run_services.started(CHECKER_SERVICE, _start_checking, _answer_and_prepare, timeout,
                              warm_up=_check_the_rehearsal):
        yield


def _check_the_rehearsal() -> None:
    """The served checker's warm-up: the suites and their Data Docs over the fork server's rehearsal
    release, so that the first served run does not also pay for Great Expectations' first
    validation in the process."""
    from newswire import gx_validation
    from newswire.rehearsal import warm_up_on_rehearsed_release

    warm_up_on_rehearsed_release(lambda release: gx_validation.validate_release(
        release, release, release / gx_validation.DOCS_FOLDER))


def _served_checker() -> _Checker | None:
    """The connection to this run's serve's checker, or None (no serve, or its checker is gone)."""
    connection = run_services.connect(CHECKER_SERVICE, logging.getLogger(__name__))
    return _ServedChecker(connection) if connection is not None else None


def _started_checker(method: str) -> _Checker | None:
    """A checker process, or None when it cannot start (no processes left, no memory): the suites
    then run in this process, and the run goes on."""
    try:
        return _Checker(method)
    except Exception as error:
        logging.getLogger(__name__).warning("the Great Expectations checker process did not start (%s: %s): "
                                            "the suites run in the flow process", type(error).__name__, error)
        return None


class NearEnd:
    """Calls `start` once, when the batches not finished yet would take `lead` wall seconds or less at
    the rate (items a second, all workers together) the finished ones went. on_finished(index) is
    called as each batch finishes."""

    def __init__(self, sizes: Sequence[int], lead: float, start: Callable[[], None],
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.sizes, self.lead, self.start, self.clock = list(sizes), lead, start, clock
        self.left, self.done = sum(self.sizes), 0
        self.began = clock()
        self.started = False

    def on_finished(self, index: int) -> None:
        self.left -= self.sizes[index]
        self.done += self.sizes[index]
        rate = self.done / max(self.clock() - self.began, 1e-9)
        if not self.started and self.left <= self.lead * rate:
            self.started = True
            self.start()


class CheckerStart:
    """What the extract stage holds within checker_ahead: near_end(batches) gives the NearEnd that
    starts the checker, or None when no checker can run (no fork server: the suites run in the flow
    process)."""

    def __init__(self, allowed: bool) -> None:
        self.allowed = allowed

    def start(self) -> None:
        from newswire import worker_pool  # imports Prefect: not in a spawned checker

        global _checker
        if self.allowed and _checker is None:
            _checker = _started_checker(worker_pool.START_METHOD)

    def near_end(self, batches: Sequence[Sequence]) -> NearEnd | None:
        return NearEnd([len(batch) for batch in batches], LEAD_SECONDS, self.start) if self.allowed else None


def spawns_checker(out_dir: Path, expects_workers: bool) -> bool:
    """Whether a run without workers publishing under out_dir spawns its checker: when the latest
    release there holds more than SPAWNED_CHECKER_ARTICLES articles (the next one will hardly be
    smaller). Known before the run, so the command does not import Great Expectations for nothing."""
    from newswire.release import DamagedRelease, latest_release, read_manifest

    latest = None if expects_workers else latest_release(out_dir)
    if latest is None or multiprocessing.current_process().daemon:
        return False
    try:
        return read_manifest(latest)["tables"]["articles"]["rows"] > SPAWNED_CHECKER_ARTICLES
    except (DamagedRelease, KeyError, TypeError):
        return False


@contextmanager
def checker_ahead(out_dir: Path | None = None) -> Iterator[CheckerStart]:
    """Within the block, check_staged runs the suites in a checker process once one is started (by
    the CheckerStart yielded), when this process runs the workers' fork server; without it, in a
    checker spawned at once when spawns_checker(out_dir). Otherwise (also in a daemonic process,
    which may not start children) the suites run in this one."""
    from newswire import worker_pool

    global _checker
    if multiprocessing.current_process().daemon or _checker is not None:
        yield CheckerStart(False)
        return
    _checker = _served_checker()
    forks = _checker is None and worker_pool.fork_server_running()
    if _checker is None and not forks and out_dir is not None and spawns_checker(out_dir, expects_workers=False):
        _checker = _started_checker("spawn")
    try:
        yield CheckerStart(forks)
    finally:
        checker, _checker = _checker, None
        if checker is not None:
            checker.stop()


def checks_elsewhere() -> bool:
    """Whether check_staged runs the suites in a checker process (then worth asking for while the
    tables are still being staged: newswire.release.StagedAhead)."""
    return _checker is not None


def check_staged(staging_dir: Path, previous_dir: Path | None, arrival: Arrival | None = None,
                 accept_drift: bool = False) -> dict:
    """gx_validation.check_staged, in the checker process when one runs (arrival: the tables are
    still being staged)."""
    from newswire import gx_validation

    if _checker is not None:
        try:
            passed, value = _checker.check(staging_dir, previous_dir, accept_drift, arrival)
        except (OSError, EOFError):
            pass  # the checker died: the suites run here instead
        else:
            if passed:
                gx_validation.warn_of_waived(value)
                return value
            raise value
    return gx_validation.check_staged(staging_dir, previous_dir, accept_drift, arrival=arrival)


__all__ = ["CheckerStart", "NearEnd", "check_staged", "checker_ahead", "checker_service", "checks_elsewhere",
           "spawns_checker"]
