"""What a run loads on first use is loaded on a thread while the command waits for its Prefect
server, off the critical path: what the spine needs first, then what publishing imports in this
process (Great Expectations only when the suites run here, not in a checker process:
newswire.staged_checks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLISHING = ['altair', 'datasketch', 'newswire.report']
SUITES = ['great_expectations.expectations', 'newswire.gx_validation']


@pytest.mark.parametrize(("suites_here", "expected"), [(True, sorted(PUBLISHING + SUITES)), (False, PUBLISHING)])
def test_the_background_thread_loads_what_dedupe_structuring_and_publishing_need(suites_here, expected):
    program = ("import sys; from newswire import boilerplate, dedupe, stages\n"
               "assert 'great_expectations' not in sys.modules and 'datasketch' not in sys.modules\n"
               f"stages.load_in_background(suites_here={suites_here}).join()\n"
               "print(sorted(m for m in ('altair', 'great_expectations.expectations', 'newswire.gx_validation',"
               " 'newswire.report', 'datasketch') if m in sys.modules))\n"
               "print(dedupe.band_ranges.cache_info().currsize, boilerplate._language_identifier.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded, cached = done.stdout.split("\n")[:2]
    assert loaded == str(expected)
    assert cached == "1 1"  # dedupe's bands and the language identifier, kept for the run
