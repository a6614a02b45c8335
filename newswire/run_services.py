"""Processes that `newswire serve` starts once for all the runs it serves: the Great Expectations
checker (newswire.staged_checks) and the report's painter (newswire.report_painter).

Each is forked from the fork server the served runs fork from too (newswire.served_runs: what
they need already imported), prepares once what every run would otherwise pay for, then answers
one run's connection at a time on a Unix socket until serving ends. The runs find it through two
environment variables, its address and its key, which `started` sets while it runs. A service that
does not start in time is left, and a run that cannot reach it does the work itself.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import AuthenticationError, Client, Connection, Listener, arbitrary_address

STOP_GRACE_SECONDS = 2.0
START_SECONDS = 120.0  # the fork server's preload first (~6 s on two idle cores)


@dataclass(frozen=True)
class Service:
    name: str  # its process's name
    label: str  # what logs call it ("the served runs' Great Expectations checker")
    address_variable: str
    key_variable: str


def _serve(prepare: Callable[[], None], answer: Callable[[Connection], None], address: str, authkey: bytes,
           listening, warm_up: Callable[[], None] | None) -> None:
    prepare()
    with Listener(address, family="AF_UNIX", authkey=authkey) as listener:
        listening.set()
        if warm_up is not None:
            warm_up()  # serve goes on meanwhile: a run that connects waits in the listener's queue
        while True:
            try:
                connection = listener.accept()
            except (OSError, AuthenticationError):
                continue  # a client that left or was not a run of this serve: the next one
            with connection:
                answer(connection)
            # between runs: what a run's work left (Great Expectations' contexts hold cycles) grew the
            # checker by ~20 MiB a run without it, and it stays at ~550 MiB on the BBC corpus with it
            gc.collect()


@contextmanager
def started(service: Service, prepare: Callable[[], None], answer: Callable[[Connection], None],
            timeout: float = START_SECONDS, warm_up: Callable[[], None] | None = None) -> Iterator[None]:
    """The service's process while the block runs, forked from the fork server: prepare() once,
    then warm_up() once it listens (serve does not wait for it), then answer(connection) for each
    run's connection. Module-level functions: the fork server receives them pickled."""
    from newswire import worker_pool

    context = multiprocessing.get_context(worker_pool.START_METHOD)
    address, authkey, listening = arbitrary_address("AF_UNIX"), os.urandom(32), context.Event()
    process = context.Process(target=_serve, args=(prepare, answer, address, authkey, listening, warm_up),
                              name=service.name, daemon=True)
    process.start()
    found = {service.address_variable: address, service.key_variable: authkey.hex()}
    if not listening.wait(timeout):
        found = {}
        logging.getLogger(__name__).warning("%s did not start in %.0f s: each run does its work itself",
                                            service.label, timeout)
    try:
        with environment(found):
            yield
    finally:
        end(process)


@contextmanager
def environment(values: Mapping[str, str | None]) -> Iterator[None]:
    """The variables set (None: unset) while the block runs, and their earlier values back after:
    serve's fork server and the runs it forks take them from this process's environment."""
    earlier = {name: os.environ.get(name) for name in values}
    _set(values)
    try:
        yield
    finally:
        _set(earlier)


def _set(values: Mapping[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _given(service: Service) -> tuple[str, str] | None:
    """The service's address and key, when this run's serve gave them."""
    address, key = os.environ.get(service.address_variable), os.environ.get(service.key_variable)
    return (address, key) if address and key else None


def offered(service: Service) -> bool:
    """Whether this run was given the service's address (by its serve)."""
    return _given(service) is not None


def connect(service: Service, logger: logging.Logger) -> Connection | None:
    """A connection to this run's serve's service, or None (no serve, or the service is gone: said)."""
    if (given := _given(service)) is None:
        return None
    address, key = given
    try:
        return Client(address, family="AF_UNIX", authkey=bytes.fromhex(key))
    except (OSError, ValueError, EOFError, AuthenticationError) as error:
        logger.warning("%s did not answer (%s: %s)", service.label, type(error).__name__, error)
        return None


def answer_requests(connection: Connection, handle: Callable[..., object]) -> None:
    """Each request (a tuple of arguments) -> (True, handle(*request)) or (False, the exception it
    raised, for the run to raise), until the run closes its connection. A run that is gone before
    its answer (killed while its tables were still being staged: the checks and drawing asked ahead
    then end, newswire.release.arrivals) ends the connection, not the service."""
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer = (True, handle(*request))
        except Exception as error:
            answer = (False, error if _picklable(error) else RuntimeError(f"{type(error).__name__}: {error}"))
        try:
            connection.send(answer)
        except OSError:
            return


def _picklable(error: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


def end(process: multiprocessing.process.BaseProcess) -> None:
    """A process still running is terminated, and killed if it has not left after STOP_GRACE_SECONDS."""
    if process.is_alive():
        process.terminate()
        process.join(STOP_GRACE_SECONDS)
    if process.is_alive():
        process.kill()
        process.join()


__all__ = ["Service", "answer_requests", "connect", "end", "environment", "offered", "started"]
