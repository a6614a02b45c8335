"""One Prefect API for a whole run: the flow process and every task-runner worker use it.

In Prefect's embedded mode each process that needs the API starts its own temporary server:
the flow process, and then every worker process of the ProcessPoolTaskRunner (measured:
a two-worker map of a trivial task took 9.4 s the first time, of which ~6 s per worker was
its own server starting, on top of the flow's; with one shared server 1.9 s). So when
PREFECT_API_URL is not set, the run starts one server itself, before Prefect is imported,
and publishes its address in the environment that the workers inherit; it stops the server
when the run ends (and `run_guard` reaps it if the run is killed).

By default the server is the app Prefect's embedded mode would start (no UI, no scheduler):
enough for runs. Scheduled runs need the full server (`prefect server start`): full=True.
"""

from __future__ import annotations

import fcntl
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

API_URL_VARIABLE = "PREFECT_API_URL"
STARTUP_TIMEOUT_VARIABLE = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
HEALTH_POLL_SECONDS = 0.1
# A run's server skips registering Prefect's block types at start-up (and hashing them to see
# whether they changed, which costs as much): runs use no blocks (no result storage), and this
# was ~1-3 s of every run's start on two cores.
RUN_SERVER_SKIPS = {"PREFECT_API_BLOCKS_REGISTER_ON_START": "false", "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
STOP_GRACE_SECONDS = 5.0
SERVER_START_LOCK = "server-start.lock"


class ServerDidNotStart(RuntimeError):
    """The local Prefect server exited or never answered /api/health."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _embedded_server_command(port: int) -> list[str]:
    # the command Prefect's own embedded mode runs (prefect.server.api.server.SubprocessASGIServer)
    return [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app", "--host",
            "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]


def _full_server_command(port: int) -> list[str]:
    return [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"]


def _healthy(url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float, log=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStart(f"the local Prefect server exited with code {process.returncode} before answering "
                                    f"{url}/health{_last_line(log)}")
        if _healthy(url):
            return
        time.sleep(HEALTH_POLL_SECONDS)
    raise ServerDidNotStart(f"the local Prefect server did not answer {url}/health within {timeout:.0f} s "
                            f"(raise {STARTUP_TIMEOUT_VARIABLE} on a slow machine)")


def _last_line(log) -> str:
    if log is None:
        return ""
    log.seek(0)
    lines = [line.strip() for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    return f": {lines[-1]}" if lines else ""


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def local_server(full: bool = False, timeout: float | None = None,
                 while_starting: Callable[[], object] | None = None) -> Iterator[str]:
    """The API URL this process and its children use: PREFECT_API_URL when set, else a local
    server started here (the embedded app, or with full=True `prefect server start`, which
    also schedules), stopped on exit. Call before importing Prefect; while_starting runs while
    the server boots (the run's own imports take about as long as the server's start-up)."""
    if os.environ.get(API_URL_VARIABLE):
        if while_starting is not None:
            while_starting()
        yield os.environ[API_URL_VARIABLE]
        return
    timeout = timeout if timeout is not None else float(os.environ.get(STARTUP_TIMEOUT_VARIABLE, "90"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    command = _full_server_command(port) if full else _embedded_server_command(port)
    environment = os.environ | ({"PREFECT_UI_ENABLED": "0"} if full else
                                {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", **RUN_SERVER_SKIPS})
    log = tempfile.TemporaryFile()  # the server's stderr, for the one-line error if it fails to start
    process = None
    try:
        with servers_start_one_at_a_time():
            # its own session: a Ctrl-C or a SIGTERM to the run's process group must not take the API
            # away while the run shuts down; the run stops it (and run_guard reaps it if the run is killed)
            process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=log,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
            os.environ[API_URL_VARIABLE] = url
            if while_starting is not None:
                while_starting()
            wait_until_healthy(url, process, timeout, log)
        yield url
    finally:
        os.environ.pop(API_URL_VARIABLE, None)
        if process is not None:
            stop(process)
        log.close()


@contextmanager
def servers_start_one_at_a_time() -> Iterator[None]:
    """Held while this process's server starts, until it answers. Two runs of one project started
    at once started two servers on the project's one SQLite database at once, and one of them could
    fail ("Application startup failed", exit code 3: the database was locked). They take turns
    instead; once up, servers share the database as they always do. An flock: the operating system
    releases it if the process dies."""
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    home.mkdir(parents=True, exist_ok=True)
    with open(home / SERVER_START_LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
