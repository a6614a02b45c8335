"""Whole-page figures on the dev set in tests/data/pages, ours and trafilatura's on the same pages.

    .venv/bin/python bench/bench_pages.py [PAGES_DIR]

For each page of gold.jsonl (see tests/data/pages/README.md), for the dev pages (the rules were
developed on them), the held-out pages (labelled, never tuned on, but read since) and the fresh
pages (labelled before any run, unseen) separately:
- whole-page text (text/NAME.txt, one line per block element): precision, recall and F1 of
  removing the non-article lines (headline, date, byline, standfirst lines are not scored),
  and headline accuracy on the pages that have an article; trafilatura's figures are for its
  extraction of the same page's HTML, a rendered line counting as kept when its text is in it;
- HTML (html/NAME.html): body word-4-gram F1 against the gold article lines, for newswire's
  structure stage and for trafilatura.extract alone (a page with no article scores 1 for an
  empty body), and the title against the gold headline.
Pass --pages to print the figures per page.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newswire.ingest import RawDocument, decode_bytes, normalise_text  # noqa: E402
from newswire.structure import body_text, structure  # noqa: E402

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"
NGRAM = 4


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def ngrams(text: str) -> Counter[tuple[str, ...]]:
    words = re.findall(r"\w+", norm(text))
    return Counter(tuple(words[i:i + NGRAM]) for i in range(max(0, len(words) - NGRAM + 1)))


def f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def ngram_f1(predicted: str, gold: str) -> float:
    p, g = ngrams(predicted), ngrams(gold)
    if not g:
        return 1.0 if not p else 0.0
    overlap = sum((p & g).values())
    return f1(overlap, sum(p.values()) - overlap, sum(g.values()) - overlap)[2]


def document(text: str, name: str, kind: str) -> RawDocument:
    return RawDocument(name, len(text.encode("utf-8")), "0" * 64, "utf-8", kind, text)


def trafilatura_text(html: str) -> tuple[str, str | None]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if extracted is None:
        return "", None
    return getattr(extracted, "text", None) or "", getattr(extracted, "title", None)


def headline_right(predicted: str | None, row: dict) -> bool:
    accepted = {norm(h) for h in [row["headline"], *row.get("also_headlines", [])] if h}
    return norm(predicted or "") in accepted


def line_counts(lines: list[str], kept: list[bool], row: dict) -> tuple[int, int, int]:
    """(non-article lines removed, article lines removed, non-article lines kept)."""
    article = {n for first, last in row["article"] for n in range(first, last + 1)}
    ignored = set(row["ignore"])
    tp = fp = fn = 0
    for number, keep in enumerate(kept, start=1):
        if number in ignored:
            continue
        if number in article:
            fp += not keep
        else:
            tp += not keep
            fn += keep
    return tp, fp, fn


def main(pages_dir: Path, per_page: bool) -> None:
    rows = [json.loads(line) for line in (pages_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for split in ("dev", "heldout", "fresh"):
        chosen = [row for row in rows if row.get("split", "dev") == split]
        if chosen:
            print(f"== {split}: {len(chosen)} pages ({sum(bool(row['article']) for row in chosen)} with an article)")
            score(pages_dir, chosen, per_page)


def score(pages_dir: Path, rows: list[dict], per_page: bool) -> None:
    totals = {"ours": [0, 0, 0], "trafilatura": [0, 0, 0]}
    headlines = {"ours": 0, "trafilatura": 0}
    html_headlines = {"ours": 0, "trafilatura": 0}
    html_f1: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    html_f1_with_article: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    with_article = 0
    for row in rows:
        text = (pages_dir / "text" / f"{row['page']}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        lines = lines[:-1] if lines and not lines[-1] else lines
        gold_body = "\n".join(lines[n - 1] for first, last in row["article"] for n in range(first, last + 1))
        ours = structure(document(text, row["page"] + ".txt", "text"))
        kept_numbers = {line.number for line in ours.body}
        ours_counts = line_counts(lines, [n in kept_numbers for n in range(len(lines))], row)

        html = decode_bytes((pages_dir / "html" / f"{row['page']}.html").read_bytes()).text
        html = normalise_text(html)
        traf_body, traf_title = trafilatura_text(html)
        traf_norm = norm(traf_body)
        traf_counts = line_counts(lines, [bool(norm(line)) and norm(line) in traf_norm for line in lines], row)
        ours_html = structure(document(html, row["page"] + ".html", "html"))

        for name, counts in (("ours", ours_counts), ("trafilatura", traf_counts)):
            totals[name] = [a + b for a, b in zip(totals[name], counts)]
        html_f1["ours"].append(ngram_f1(body_text(ours_html), gold_body))
        html_f1["trafilatura"].append(ngram_f1(traf_body, gold_body))
        if row["article"]:
            with_article += 1
            headlines["ours"] += headline_right(ours.title, row)
            headlines["trafilatura"] += headline_right(traf_title, row)
            html_headlines["ours"] += headline_right(ours_html.title, row)
            html_headlines["trafilatura"] += headline_right(traf_title, row)
            html_f1_with_article["ours"].append(html_f1["ours"][-1])
            html_f1_with_article["trafilatura"].append(html_f1["trafilatura"][-1])
        if per_page:
            print(f"{row['page'][:34]:34} text tp/fp/fn {ours_counts} headline "
                  f"{'ok' if headline_right(ours.title, row) else repr(ours.title)[:40]}"
                  f" | html F1 ours {html_f1['ours'][-1]:.3f} trafilatura {html_f1['trafilatura'][-1]:.3f}")
    for name in ("ours", "trafilatura"):
        precision, recall, f = f1(*totals[name])
        print(f"{name:12} whole-page text: non-article lines removed P {precision:.3f} R {recall:.3f} F1 {f:.3f}; "
              f"headline {headlines[name]}/{with_article} = {headlines[name] / max(1, with_article):.3f}; "
              f"HTML body word-{NGRAM}-gram F1 {mean(html_f1[name]):.3f} (pages with an article "
              f"{mean(html_f1_with_article[name]):.3f}), HTML title {html_headlines[name]}/{with_article}")


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0]) if arguments else PAGES, "--pages" in sys.argv)
