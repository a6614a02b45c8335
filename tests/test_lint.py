"""The lint step: ruff with the project's rules (pyproject.toml [tool.ruff]) on the library code.

McCabe complexity above 15 (C901), unused imports and undefined names (F) fail the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINTED = ["newswire", "flows", "schemas"]


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *LINTED],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
