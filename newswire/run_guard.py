"""No process outlives a `newswire run`, however the run ends.

Prefect's embedded mode starts a temporary API server (uvicorn) as a child process and stops
it at interpreter exit; a run killed with SIGKILL (or SIGTERM, which skips atexit) leaves the
server running, holding its port and SQLite database, and repeated kills pile servers up.
Prefect offers no hook to set a parent-death signal on that child, so the run is guarded from
outside instead:

- the run puts a random token in its environment before anything starts a process, so every
  process started from it (the server, spaCy workers) carries the token in /proc/<pid>/environ;
- a small watchdog process, in its own session (a kill of the run's process group spares it),
  reads a pipe from the run; end of file means the run is gone, whichever way it ended;
- the watchdog then terminates every process carrying the token (SIGTERM, then SIGKILL) and exits.

Linux only (/proc); elsewhere the guard is not started.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

TOKEN_VARIABLE = "NEWSWIRE_RUN_TOKEN"
# Seconds the processes of a dead run get to exit on SIGTERM before SIGKILL.
TERMINATE_GRACE_SECONDS = 3.0
_PROC = Path("/proc")

# The watchdog of this process's run; held so that its pipe stays open until this process ends.
_watchdog: subprocess.Popen | None = None


def guard_this_run() -> None:
    """Tag this process's future children and start the watchdog that reaps them when it ends."""
    global _watchdog
    if _watchdog is not None or not _PROC.is_dir():
        return
    token = secrets.token_hex(16)
    environment = {key: value for key, value in os.environ.items() if key != TOKEN_VARIABLE}
    _watchdog = subprocess.Popen([sys.executable, "-m", "newswire.run_guard", token], stdin=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, env=environment, start_new_session=True, close_fds=True)
    os.environ[TOKEN_VARIABLE] = token


def processes_carrying(token: str) -> list[int]:
    """Pids of live processes whose environment holds the run token (other users' are unreadable)."""
    needle = f"{TOKEN_VARIABLE}={token}".encode() + b"\0"
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:  # gone meanwhile, or not ours
            continue
        if needle in environment + b"\0":
            found.append(int(entry.name))
    return found


def _signal_all(pids: list[int], signum: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, signum)
        except (ProcessLookupError, PermissionError):
            pass


def reap(token: str) -> list[int]:
    """Terminate every process carrying token; return the pids that were found."""
    found = processes_carrying(token)
    _signal_all(found, signal.SIGTERM)
    deadline = time.monotonic() + TERMINATE_GRACE_SECONDS
    while (alive := processes_carrying(token)) and time.monotonic() < deadline:
        time.sleep(0.1)
    _signal_all(alive, signal.SIGKILL)
    return found


def watch(token: str) -> None:
    """Block until the run's end of the pipe closes, then reap the run's processes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C meant for the run must not stop its guard
    while sys.stdin.buffer.read(1 << 16):
        pass
    reap(token)


if __name__ == "__main__":
    watch(sys.argv[1])
