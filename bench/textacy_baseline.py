"""textacy's direct-quotation extractor on our articles: the baseline newswire.quotes must beat.

    python bench/textacy_baseline.py RAW_DIR GOLD_DIR

prints textacy's direct+partial precision, recall and F1 against GOLD_DIR/quotes.jsonl,
matching predictions to gold the way the gold scorer does (difflib ratio of the word
sequences >= 0.8, one-to-one, best pairs first; a prediction matching a gold scare quote
is not counted as a false positive).
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc
from textacy.extract.triples import direct_quotations

from newswire.ingest import read_document
from newswire.nlp import load_nlp
from newswire.structure import body_text, structure

MARKED_KINDS = ("direct", "partial")
MATCH_THRESHOLD = 0.8  # the scorer's threshold for direct and partial quotes
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`"


def textacy_quotes_from_doc(doc: Doc) -> list[dict[str, str]]:
    """textacy's (speaker, cue, content) triples as dicts with the quote marks stripped.

    textacy refuses a document with an odd number of quote-mark tokens (ValueError,
    "indicating an unclosed quotation"); that is its behaviour, so such an article
    yields nothing.
    """
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []
    return [
        {
            "text": t.content.text.strip(QUOTE_CHARS + " "),
            "speaker": " ".join(tok.text for tok in t.speaker),
            "cue": " ".join(tok.text for tok in t.cue),
        }
        for t in triples
    ]


def textacy_quotes(text: str) -> list[dict[str, str]]:
    return textacy_quotes_from_doc(load_nlp()(text))


# --- the scorer's matching ---------------------------------------------------------------


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", _norm(s).lower())


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(_words(a)), " ".join(_words(b))).ratio()


def match(golds: list[dict], preds: list[dict], threshold: float) -> list[tuple[dict, dict]]:
    pairs = sorted(
        ((_similar(g["text"], p["text"]), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < threshold:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((golds[i], preds[j]))
    return out


def score(preds_by_source: dict[str, list[dict]], gold_path: Path) -> tuple[int, int, int]:
    golds: dict[str, dict] = defaultdict(dict)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            golds[g["source"]].setdefault((g["text"], g["kind"]), g)
    tp = fp = fn = 0
    for source, by_key in golds.items():
        gold = [g for g in by_key.values() if g["kind"] in MARKED_KINDS]
        scare = [g for g in by_key.values() if g["kind"] == "scare"]
        preds = preds_by_source.get(source, [])
        matched = match(gold, preds, MATCH_THRESHOLD)
        matched_ids = {id(p) for _, p in matched}
        tp += len(matched)
        fp += sum(1 for p in preds if id(p) not in matched_ids and not match(scare, [p], MATCH_THRESHOLD))
        fn += len(gold) - len(matched)
    return tp, fp, fn


def main(raw_dir: Path, gold_dir: Path) -> None:
    nlp = load_nlp()
    sources = sorted(raw_dir.glob("*.txt"))
    texts = [body_text(structure(read_document(p, p.name))) for p in sources]
    preds: dict[str, list[dict]] = {}
    for path, doc in zip(sources, nlp.pipe(texts)):
        preds[path.name] = textacy_quotes_from_doc(doc)
        print(f"{path.name}: {len(preds[path.name])} quotes from textacy")
    tp, fp, fn = score(preds, gold_dir / "quotes.jsonl")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"textacy direct+partial: tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}")
    print(f"textacy direct+partial F1 {f1:.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
