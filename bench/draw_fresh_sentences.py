"""Seeded draw of BBC files for the fresh blind event set (tests/data/events/fresh_sentences.jsonl).

    python bench/draw_fresh_sentences.py [N_POLITICS N_BUSINESS N_TECH N_ENTERTAINMENT N_SPORT]
    python bench/draw_fresh_sentences.py --grep REGEX [LIMIT]

For each folder of ../shared/corpus/bbc (sorted file names, minus every file already an
`origin` of tests/data/events/sentences.jsonl) a random.Random(27) shuffles the list; the
first N files of each folder are printed, one numbered sentence a line, for a human to
pick from. With --grep, every unused file of all folders is taken in one random.Random(27)
order and the sentences matching REGEX (case-insensitive) are printed until LIMIT (40) is
reached: this is how sentences of the rare types were found. Sentences are split on end punctuation followed by a capital or a quote.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/bbc")
FOLDERS = ("politics", "business", "tech", "entertainment", "sport")
SEED = 27
SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["”]))\s+(?=["“A-Z])')


def used_origins() -> set[str]:
    dev = ROOT / "tests" / "data" / "events" / "sentences.jsonl"
    return {json.loads(line)["origin"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()}


def drawn_files(counts: dict[str, int]) -> list[str]:
    used = used_origins()
    out = []
    for folder in FOLDERS:
        names = sorted(p.name for p in (CORPUS / folder).glob("*.txt") if f"bbc:{folder}/{p.name}" not in used)
        random.Random(SEED).shuffle(names)
        out += [f"{folder}/{name}" for name in names[: counts[folder]]]
    return out


def sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n")[1:]:
        for piece in SPLIT.split(paragraph.strip()):
            if piece.strip():
                found.append(piece.strip())
    return found


def grep(pattern: str, limit: int = 40) -> None:
    used = used_origins()
    files = sorted(f"{d}/{p.name}" for d in FOLDERS for p in (CORPUS / d).glob("*.txt") if f"bbc:{d}/{p.name}" not in used)
    random.Random(SEED).shuffle(files)
    regex, printed = re.compile(pattern, re.I), 0
    for rel in files:
        for i, s in enumerate(sentences((CORPUS / rel).read_text(encoding="utf-8", errors="replace"))):
            if regex.search(s) and not s.startswith('"'):
                print(f"{rel}|{i}| {s}")
                printed += 1
        if printed >= limit:
            break


def main(args: list[str]) -> None:
    if args and args[0] == "--grep":
        grep(args[1], int(args[2]) if len(args) > 2 else 40)
        return
    numbers = [int(a) for a in args] if args else [45, 35, 12, 8, 8]
    for rel in drawn_files(dict(zip(FOLDERS, numbers))):
        text = (CORPUS / rel).read_text(encoding="utf-8", errors="replace")
        print(f"=== {rel} :: {text.splitlines()[0]}")
        for i, s in enumerate(sentences(text)):
            print(f"{i:2d} {s}")


if __name__ == "__main__":
    main(sys.argv[1:])
