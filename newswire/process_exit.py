"""How newswire's processes end: at once, without freeing their heaps object by object.

The `newswire` command and the local task runner's workers hold the spaCy model, Great
Expectations and the run's tables. Leaving through a normal interpreter exit freed every
object one by one: ~1-1.5 s after the command's last line, ~0.4 s of every run that used
workers while the pool's shutdown joined them. Both leave after the standard exit work (the
exit handlers, the flushed streams; for a worker, multiprocessing's own exit function, which
flushes its queues, runs before the interpreter's), and the operating system reclaims the
memory whole."""

from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn


def leave_now(code: int = 0) -> NoReturn:
    """Flush the standard streams and end the process with code, skipping the heap's teardown."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def leave_without_teardown() -> None:
    """The worker initializer of the local task runner: registered first, this exit handler runs
    after every other one. A worker reaches its exit handlers only by leaving normally: code 0."""
    atexit.register(leave_now)
