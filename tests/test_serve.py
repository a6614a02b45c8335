"""`newswire serve`: releases on Prefect's own schedule, with the server newswire starts itself.

A real `newswire serve --interval` in a child process, as a user runs it: the first scheduled run
publishes, the next finds nothing new and says so, a file added meanwhile is published by the
next scheduled run, and SIGTERM stops serving and the server with it.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newswire import run_guard

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SERVE_SECONDS = 420  # a fresh Prefect database and three flow runs, on two busy cores


def _lines(stream, into: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        into.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue, seen: list[str], predicate, deadline: float) -> str:
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if predicate(line):
            return line
    pytest.fail("serve did not get there in time; its output:\n" + "\n".join(seen[-40:]))


def _run_token(pid: int) -> str:
    """The run token serve gave its watchdog (its last argument): every process serve started carries it."""
    for entry in Path("/proc").iterdir():
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid and b"newswire.run_guard" in arguments:
            return arguments[arguments.index(b"newswire.run_guard") + 1].decode()
    pytest.fail("serve started no run_guard watchdog")


@pytest.mark.skipif(sys.platform != "linux", reason="run_guard's /proc check")
def test_scheduled_runs_publish_new_files_and_nothing_else(tmp_path, seeds_dir):
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = sorted(seeds_dir.iterdir())
    (raw / seeds[0].name).write_bytes(seeds[0].read_bytes())
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "newswire.cli", "serve", "--interval", "5", "--raw", "raw", "--out", "processed",
         "--cache", "cache"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**environment, "PYTHONPATH": str(PROJECT_ROOT)})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(serve.stdout, lines), daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + SERVE_SECONDS
    try:
        first = _wait_for(lines, seen, lambda line: line.startswith("release "), deadline)
        assert " published: " in first
        second = _wait_for(lines, seen, lambda line: line.startswith("release "), deadline)
        assert "unchanged, latest release kept" in second
        (raw / seeds[1].name).write_bytes(seeds[1].read_bytes())
        third = _wait_for(lines, seen, lambda line: line.startswith("release ") and "unchanged" not in line, deadline)
        assert " published: " in third and third.split()[1] != first.split()[1]
        assert any(line.startswith("ingest") and "paths=2" in line and "new=1  changed=0  removed=0" in line
                   for line in seen)
        token = _run_token(serve.pid)
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.kill()
            pytest.fail("serve did not stop on SIGTERM")
    assert serve.returncode == 0
    time.sleep(run_guard.TERMINATE_GRACE_SECONDS + 2)
    assert run_guard.processes_carrying(token) == [], "the Prefect server outlived serve"
    assert len([p for p in (tmp_path / "processed").iterdir() if not p.name.startswith(".") and p.is_dir()
                and p.name != "latest"]) == 2
