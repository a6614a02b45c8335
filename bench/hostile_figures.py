"""Hostile-input figures: build the hostile corpus in a temp dir, run the stages, count outcomes.

    .venv/bin/python bench/hostile_figures.py [--keep]

Prints inputs tried, published, quarantined (by reason), duplicates, lost and crashes, and
whether each input got the outcome tests/hostile_corpus.py expects. Exits non-zero if any
input is lost or counted twice, or anything crashed. Figures only: no timed assertions.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import account, build_hostile_corpus, run_stages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and print its path")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="newswire-hostile-"))
    try:
        started = time.perf_counter()
        expected = build_hostile_corpus(workdir / "raw")
        built = time.perf_counter() - started
        started = time.perf_counter()
        try:
            tables = run_stages(workdir / "raw")
        except Exception:  # a crash of the whole run: every input is lost
            traceback.print_exc()
            print(f"inputs tried   {len(expected)}\nlost           {len(expected)}\ncrashes        1 (the run itself)")
            return 1
        ran = time.perf_counter() - started
        result = account(tables, expected)
        articles, quarantine = tables["articles"], tables["quarantine"]
        by_reason = Counter(f"{stage}/{reason}" for stage, reason in zip(quarantine["stage"], quarantine["reason"]))
        duplicates = int(articles["duplicate_of"].notna().sum())
        encodings = Counter(articles["encoding"])

        print(f"inputs tried   {len(expected)}  (paths in the raw folder; corpus built in {built:.1f} s)")
        print(f"published      {len(articles)}  ({duplicates} marked duplicate_of; encodings: "
              + ", ".join(f"{e}={n}" for e, n in sorted(encodings.items())) + ")")
        print(f"quarantined    {len(quarantine)}")
        for reason, count in sorted(by_reason.items()):
            print(f"  {reason:<24} {count}")
        print(f"duplicates     {duplicates}")
        print(f"lost           {len(result.lost)}" + (f"  {result.lost}" if result.lost else ""))
        print(f"counted twice  {len(result.counted_twice)}" + (f"  {result.counted_twice}" if result.counted_twice else ""))
        print(f"unexplained    {len(result.unexpected)}" + (f"  {result.unexpected}" if result.unexpected else ""))
        print(f"crashes        {len(result.crashes)}" + (f"  {result.crashes}" if result.crashes else ""))
        print(f"outcome as expected  {len(expected) - len(result.mismatched) - len(result.lost)}/{len(expected)}")
        for line in result.mismatched:
            print(f"  unexpected outcome: {line}")
        print(f"stages ran in  {ran:.1f} s")
        if args.keep:
            print(f"kept {workdir}")
        return 1 if (result.lost or result.counted_twice or result.crashes) else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
