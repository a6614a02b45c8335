"""Actor figures on every hand-annotated actor gold we have, in one printout (no assertions).

    .venv/bin/python bench/bench_actors.py [--hooks ../shared/hooks] [--only bbc_actors] [--keep DIR] [--details]

For each set (raw folder + gold folder with actors.jsonl) it runs the pipeline end to end with the CLI of this
interpreter's environment (`newswire run --raw RAW --out TMP --no-cache --quiet`) into a temporary releases folder,
then scores processed/latest with `HOOKS/score_gold.py actors` (gold aliases on their actor, false merges, score).
Sets: the seeds (raw/ with ../shared/gold), tests/data/bbc_actors (16 BBC articles, not tuned on),
tests/data/unseen and tests/data/heldout. Paths are relative to the repository root.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {  # label: (raw dir, gold dir), relative to the repository root
    "seeds": ("raw", "../shared/gold"),
    "bbc_actors": ("tests/data/bbc_actors/raw", "tests/data/bbc_actors/gold"),
    "unseen": ("tests/data/unseen/raw", "tests/data/unseen/gold"),
    "heldout": ("tests/data/heldout/raw", "tests/data/heldout/gold"),
}


def newswire_cli() -> list[str]:
    """The newswire entry point of the running interpreter's environment (so a worktree venv runs its own code)."""
    script = Path(sys.executable).parent / "newswire"
    if script.exists():
        return [str(script)]
    found = shutil.which("newswire")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from newswire.cli import main; sys.exit(main())"]


def run_set(label: str, raw: Path, gold: Path, hooks: Path, out: Path, details: bool) -> dict:
    started = time.perf_counter()
    run = subprocess.run([*newswire_cli(), "run", "--raw", str(raw), "--out", str(out), "--no-cache", "--quiet"],
                         cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        print(f"[{label}] newswire run failed ({run.returncode}):\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
        return {"label": label, "error": "run failed"}
    score = subprocess.run([sys.executable, str(hooks / "score_gold.py"), "actors", str(out / "latest"), str(raw), str(gold)],
                           cwd=ROOT, capture_output=True, text=True)
    lines = score.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("actors alias accuracy"):
        print(f"[{label}] scoring failed:\n{score.stdout[-2000:]}{score.stderr[-2000:]}")
        return {"label": label, "error": "score failed"}
    print(f"[{label}] {raw.relative_to(ROOT)} vs {gold.relative_to(ROOT)} ({seconds:.0f} s to run)")
    misses = lines[:-2]
    for line in misses if details else misses[:12]:
        print(f"    {line}")
    if not details and len(misses) > 12:
        print(f"    ... {len(misses) - 12} more (--details)")
    for line in lines[-2:]:
        print(f"  {line}")
    right, total = map(int, re.search(r"(\d+)/(\d+)", lines[-2]).groups())
    acc, merges, fig = re.search(r"accuracy ([\d.]+) false merges (\d+) score ([\d.]+)", lines[-1]).groups()
    return {"label": label, "right": right, "total": total, "accuracy": float(acc), "false_merges": int(merges),
            "score": float(fig)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hooks", type=Path, default=Path("../shared/hooks"),
                        help="folder of score_gold.py (default ../shared/hooks, relative to the repository root)")
    parser.add_argument("--only", nargs="*", choices=sorted(SETS), help="score only these sets")
    parser.add_argument("--keep", type=Path, help="write the releases under this folder (one per set) instead of a temporary one")
    parser.add_argument("--details", action="store_true", help="print every split, miss and false merge")
    args = parser.parse_args()
    hooks = args.hooks if args.hooks.is_absolute() else ROOT / args.hooks
    if not (hooks / "score_gold.py").exists():
        sys.exit(f"no score_gold.py in {hooks}")

    results = []
    with tempfile.TemporaryDirectory(prefix="bench_actors_") as tmp:
        base = args.keep or Path(tmp)
        for label in args.only or list(SETS):
            raw, gold = (ROOT / p for p in SETS[label])
            if not (gold / "actors.jsonl").exists() or not raw.is_dir():
                print(f"[{label}] skipped: no {gold / 'actors.jsonl'} or no {raw}")
                continue
            results.append(run_set(label, raw, gold, hooks, base / label, args.details))

    print("\nactors: gold aliases on their actor, false merges, score (score_gold.py actors)")
    print(f"{'set':<12} {'aliases':>11} {'accuracy':>9} {'merges':>7} {'score':>7}")
    for r in results:
        if "error" in r:
            print(f"{r['label']:<12} {r['error']}")
        else:
            print(f"{r['label']:<12} {r['right']:>5}/{r['total']:<5} {r['accuracy']:>9.3f} {r['false_merges']:>7} {r['score']:>7.3f}")


if __name__ == "__main__":
    main()
