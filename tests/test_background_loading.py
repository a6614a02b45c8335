"""What a run loads on first use is loaded on a thread while the command waits for its Prefect
server, off the critical path: what the spine needs first, then what publishing imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_background_thread_loads_what_dedupe_structuring_and_publishing_need():
    program = ("import sys; from newswire import boilerplate, dedupe, stages\n"
               "assert 'great_expectations' not in sys.modules and 'datasketch' not in sys.modules\n"
               "stages.load_in_background().join()\n"
               "print(sorted(m for m in ('altair', 'great_expectations.expectations', 'newswire.gx_validation',"
               " 'newswire.report', 'datasketch') if m in sys.modules))\n"
               "print(dedupe.band_ranges.cache_info().currsize, boilerplate._language_identifier.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded, cached = done.stdout.split("\n")[:2]
    assert loaded == str(['altair', 'datasketch', 'great_expectations.expectations', 'newswire.gx_validation',
                          'newswire.report'])
    assert cached == "1 1"  # dedupe's bands and the language identifier, kept for the run
