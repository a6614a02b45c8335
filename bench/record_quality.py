"""Record measured quality figures in bench/quality.json, which every release's dataset card quotes.

    .venv/bin/python bench/record_quality.py CORPUS METRIC=VALUE [METRIC=VALUE ...] [--date YYYY-MM-DD]

Figures of a corpus are merged (metrics not given keep their value); the date is today's unless given.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

QUALITY_FILE = Path(__file__).resolve().parent / "quality.json"


def record(corpus: str, figures: dict[str, float], measured: str | None = None, path: Path = QUALITY_FILE) -> None:
    quality = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(figures) - set(quality["metrics"])
    if unknown:
        raise ValueError(f"unknown metrics {sorted(unknown)}; known: {sorted(quality['metrics'])}")
    entry = quality["corpora"].setdefault(corpus, {"description": corpus, "figures": {}})
    entry["figures"] = {**entry["figures"], **{name: round(value, 3) for name, value in figures.items()}}
    entry["measured"] = measured or date.today().isoformat()
    path.write_text(json.dumps(quality, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    when = None
    if "--date" in arguments:
        index = arguments.index("--date")
        when = arguments[index + 1]
        del arguments[index:index + 2]
    if len(arguments) < 2 or not all("=" in pair for pair in arguments[1:]):
        sys.exit(__doc__)
    record(arguments[0], {name: float(value) for name, value in (pair.split("=", 1) for pair in arguments[1:])}, when)
