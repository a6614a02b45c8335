"""A killed `newswire run` leaves no process behind: not Prefect's temporary API server, not the
run's watchdog. Real CLI runs are killed (the run's pid only, as a user or an OOM killer would)
at several points, repeatedly; every process that belonged to the run must be gone soon after.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

if not Path("/proc").is_dir():
    pytest.skip("needs /proc to find the run's processes", allow_module_level=True)

STARTUP_TIMEOUT = 240
REAP_TIMEOUT = 30


def _environ(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie holds no port, file or memory; only its exit status


def processes_of(prefect_home: Path) -> list[int]:
    """Live processes whose environment names this test's PREFECT_HOME: the run and all it started."""
    needle = f"PREFECT_HOME={prefect_home}\0".encode()
    return [int(p.name) for p in Path("/proc").iterdir()
            if p.name.isdigit() and int(p.name) != os.getpid() and needle in _environ(int(p.name)) and _alive(int(p.name))]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def server_of(run: subprocess.Popen) -> int | None:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _alive(int(entry.name)):
            try:
                parent = int(Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == run.pid and "uvicorn" in _cmdline(int(entry.name)):
                return int(entry.name)
    return None


@pytest.fixture
def run_env(tmp_path: Path, seeds_dir: Path) -> tuple[dict[str, str], Path]:
    home = tmp_path / "prefect-home"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update({"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_LOGGING_LEVEL": "WARNING", "PREFECT_SERVER_UI_ENABLED": "false",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90", "GX_ANALYTICS_ENABLED": "false"})
    shutil.copytree(seeds_dir, tmp_path / "raw")
    return env, home


def start_run(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newswire.cli", "run", "--raw", "raw", "--out", "processed",
                             "--quiet", "--no-cache"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_runs_leave_no_process_behind(run_env, tmp_path, signum):
    env, home = run_env
    # Killed once the server has started, then again a few seconds later (server up, stages running).
    for delay in (0.0, 4.0):
        run = start_run(tmp_path, env)
        wait_until(lambda: server_of(run) is not None or run.poll() is not None, STARTUP_TIMEOUT,
                   "the run to start its Prefect server")
        assert run.poll() is None, "the run ended before it could be killed"
        server = server_of(run)
        time.sleep(delay)
        os.kill(run.pid, signum)
        run.wait(timeout=60)
        wait_until(lambda: not processes_of(home), REAP_TIMEOUT,
                   f"the run's processes to end (left: {[(p, _cmdline(p)[:80]) for p in processes_of(home)]})")
        # the watchdog's SIGTERM lets the server shut down cleanly: give it the same time to go
        wait_until(lambda: not _alive(server), REAP_TIMEOUT, f"the Prefect server {server} to end")


def test_a_run_that_finishes_leaves_no_process_behind(run_env, tmp_path):
    env, home = run_env
    run = start_run(tmp_path, env)
    assert run.wait(timeout=STARTUP_TIMEOUT) == 0
    wait_until(lambda: not processes_of(home), REAP_TIMEOUT, "the finished run's processes to end")
