"""What publishing imports is imported on a thread while the workers parse, off the critical path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_background_thread_imports_what_publishing_needs():
    program = ("import sys; from newswire import stages\n"
               "assert 'great_expectations' not in sys.modules\n"
               "stages.import_publishing_in_background().join()\n"
               "print(sorted(m for m in ('altair', 'great_expectations.expectations', 'newswire.gx_validation',"
               " 'newswire.report') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == str(['altair', 'great_expectations.expectations', 'newswire.gx_validation',
                                               'newswire.report'])
