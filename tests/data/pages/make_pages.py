"""Regenerate text/NAME.txt from html/NAME.html and check gold.jsonl's headlines still match.

    .venv/bin/python tests/data/pages/make_pages.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from newswire.ingest import decode_bytes, normalise_text  # noqa: E402
from newswire.pagetext import render_html_lines  # noqa: E402


def main() -> None:
    gold = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for row in gold:
        html = decode_bytes((HERE / "html" / f"{row['page']}.html").read_bytes()).text
        lines = render_html_lines(normalise_text(html))
        (HERE / "text" / f"{row['page']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if row["headline"] and row["headline"] not in lines:
            raise SystemExit(f"{row['page']}: gold headline no longer a line of the rendered page")
    print(f"{len(gold)} pages rendered")


if __name__ == "__main__":
    main()
