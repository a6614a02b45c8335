"""What the profile benches share: a seeded BBC sample, its extraction inputs, a fingerprint of
outputs, and a cProfile printed by own and by cumulative time."""

from __future__ import annotations

import cProfile
import hashlib
import io
import json
import pstats
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newswire import stages  # noqa: E402

BBC = Path("/work/shared/corpus/bbc")


def sample(raw: Path, n: int, seed: int) -> None:
    """n BBC files by the recipe of bench/actor_sample.py (random.Random(seed).sample over the sorted
    files, category folders kept), copied into raw."""
    for path in random.Random(seed).sample(sorted(BBC.glob("*/*.txt")), n):
        (raw / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, raw / path.relative_to(BBC))


def sample_spine(n: int, seed: int) -> dict[str, pd.DataFrame]:
    """The spine tables of the sample, run in this process."""
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder)
        sample(raw, n, seed)
        structured, rejected, clean = stages.spine_without_prefect(raw)
        return stages.spine_tables(clean, rejected + structured.quarantine)


def fingerprint(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def print_profile(title: str, run: Callable[[], object], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(run)
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        body = out.getvalue()
        print(f"\n--- {title}, by {order} ---\n" + body[body.find("   ncalls"):].rstrip())
