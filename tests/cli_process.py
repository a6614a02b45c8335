"""The real `newswire` command in a child process, as a user runs it, for tests that need
whole runs: with no PREFECT_API_URL, so the command starts (and stops) its own Prefect API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def run_newswire(*args: str, cwd: Path, timeout: int = 400) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    return subprocess.run([sys.executable, "-m", "newswire.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**environment, "PYTHONPATH": str(PROJECT_ROOT)})
