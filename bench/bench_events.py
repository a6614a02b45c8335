"""Event coder on hand-coded sentences: PLOVER type precision/recall per type (no assertions).

    .venv/bin/python bench/bench_events.py [tests/data/events/sentences.jsonl] [--split tune|holdout]

Each sentence is parsed alone and coded by newswire.events; a type counts as found in a
sentence when the coder gives that type to any mention there (the held-out evaluation of
the issue scores types per sentence the same way). Also prints what the coder says on the
bad inputs (it should say nothing), and negation/hypothetical agreement on matched events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newswire.events.mentions import extract_events  # noqa: E402
from newswire.nlp import load_nlp  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "events" / "sentences.jsonl"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(path: Path, split: str | None = None) -> None:
    """split: only the sentences of that split (the fresh set's `tune` half, or its `holdout` half,
    which is scored and never studied)."""
    nlp = load_nlp()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if split is None or r.get("split") == split]
    tp, fp, fn = Counter(), Counter(), Counter()
    flags = Counter()
    confusions = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        found = extract_events(doc)
        predicted = {m.plover_type for m in found}
        gold = {e["plover"] for e in record["events"]}
        for t in predicted & gold:
            tp[t] += 1
        for t in predicted - gold:
            fp[t] += 1
        for t in gold - predicted:
            fn[t] += 1
            for other in predicted - gold:
                confusions[(t, other)] += 1
        for event in record["events"]:
            match = next((m for m in found if m.plover_type == event["plover"]), None)
            if match is not None:
                flags["matched"] += 1
                flags["negated"] += match.negated == event.get("negated", False)
                flags["hypothetical"] += match.hypothetical == event.get("hypothetical", False)
    types = sorted(set(tp) | set(fp) | set(fn))
    print(f"{len(records)} sentences ({sum(1 for r in records if not r['events'])} with no event), {path}"
          + (f", split {split}" if split else ""))
    print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for t in types:
        p, r, f = prf(tp[t], fp[t], fn[t])
        print(f"{t:<10} {p:6.3f} {r:6.3f} {f:6.3f}  {tp[t]:3d} {fp[t]:3d} {fn[t]:3d}")
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    macro = sum(prf(tp[t], fp[t], fn[t])[2] for t in types) / len(types)
    print(f"{'micro':<10} {p:6.3f} {r:6.3f} {f:6.3f}  {sum(tp.values()):3d} {sum(fp.values()):3d} {sum(fn.values()):3d}")
    print(f"macro F1 {macro:.3f}")
    if flags["matched"]:
        print(f"on {flags['matched']} matched events: negated agrees {flags['negated'] / flags['matched']:.3f}, "
              f"hypothetical {flags['hypothetical'] / flags['matched']:.3f}")
    print("top confusions (gold -> predicted): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in confusions.most_common(8)))
    bad = path.with_name("bad_inputs.jsonl")
    if bad.exists():
        texts = [json.loads(line)["text"] for line in bad.read_text(encoding="utf-8").splitlines() if line.strip()]
        coded = sum(len(extract_events(doc)) for doc in nlp.pipe(texts))
        print(f"bad inputs: {len(texts)}, events coded on them: {coded} (should be 0)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--split", choices=("tune", "holdout"))
    arguments = parser.parse_args()
    main(arguments.path, arguments.split)
