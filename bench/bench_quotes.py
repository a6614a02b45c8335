"""Quote figures against any gold file in the format of ../shared/gold/quotes.jsonl, ours and textacy's.

    .venv/bin/python bench/bench_quotes.py RAW_DIR GOLD_DIR [--record CORPUS]

Runs the pipeline stages (no Prefect) on RAW_DIR and prints, for newswire: direct+partial
precision/recall/F1 (match: word-sequence ratio >= 0.8 in the same article), indirect
(ratio >= 0.5), speaker accuracy on matched quotes (the speaker must be the gold speaker's
canonical name or one of its multi-word aliases, from GOLD_DIR/actors.jsonl); then the same
direct+partial figures for textacy's `direct_quotations` on the same cleaned texts.
With --record CORPUS, newswire's figures go into bench/quality.json (the dataset card's source).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from record_quality import record  # noqa: E402
from textacy_baseline import _norm, match, textacy_quotes_from_doc  # noqa: E402

from newswire import extract, stages  # noqa: E402
from newswire.nlp import load_nlp  # noqa: E402

THRESHOLDS = {"marked": ({"direct", "partial"}, 0.8), "indirect": ({"indirect"}, 0.5)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(gold_dir: Path) -> tuple[dict[str, list[dict]], dict[str, set[str]]]:
    golds: dict[str, dict] = defaultdict(dict)
    for line in (gold_dir / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            golds[g["source"]].setdefault((g["text"], g["kind"]), {**g, "speakers": set()})["speakers"].add(g["speaker"])
    names: dict[str, set[str]] = defaultdict(set)
    actors_file = gold_dir / "actors.jsonl"
    for line in actors_file.read_text(encoding="utf-8").splitlines() if actors_file.exists() else []:
        if line.strip():
            a = json.loads(line)
            for alias in [a["name"], *a.get("aliases", [])]:
                if len(alias.split()) >= 2 or alias == a["name"]:
                    names[a["name"]].add(_norm(alias).lower())
    return {source: list(by_key.values()) for source, by_key in golds.items()}, names


def figures(preds: dict[str, list[dict]], golds: dict[str, list[dict]], names: dict[str, set[str]],
            label: str, kinds: set[str], threshold: float) -> tuple[tuple[float, float, float], int, int]:
    tp = fp = fn = speaker_ok = speaker_n = 0
    for source, gold_all in golds.items():
        gold = [g for g in gold_all if g["kind"] in kinds]
        scare = [g for g in gold_all if g["kind"] == "scare"]
        pred = [p for p in preds.get(source, []) if p.get("kind", "direct") in kinds]
        matched = match(gold, pred, threshold)
        matched_ids = {id(p) for _, p in matched}
        tp += len(matched)
        fp += sum(1 for p in pred if id(p) not in matched_ids and not match(scare, [p], threshold))
        fn += len(gold) - len(matched)
        for g, p in matched:
            speaker_n += 1
            speaker = p.get("speaker")
            got = _norm(speaker if isinstance(speaker, str) else "").lower()
            speaker_ok += any(got in names.get(s, {_norm(s).lower()}) for s in g["speakers"] if s)
    return prf(tp, fp, fn), speaker_ok, speaker_n


def main(raw_dir: Path, gold_dir: Path, record_as: str | None = None) -> None:
    structured, rejected, corpus = stages.spine_without_prefect(raw_dir)
    spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    items = stages.extraction_inputs(spine["articles"])
    tables = stages.corpus_tables(spine, extract.extract_batch(items, cache_dir=None))
    articles, quotes = tables["articles"], tables["quotes"]
    source_of = dict(zip(articles["article_id"], articles["source"]))
    ours: dict[str, list[dict]] = defaultdict(list)
    for row in quotes.to_dict("records"):
        ours[Path(source_of[row["article_id"]]).name].append(row)
    golds, names = load_gold(gold_dir)
    speaker_ok = speaker_n = 0
    measured: dict[str, float] = {}
    print(f"{len(items)} articles, {len(quotes)} quotes extracted, {sum(len(g) for g in golds.values())} gold quotes")
    for label, (kinds, threshold) in THRESHOLDS.items():
        (p, r, f), ok, n = figures(ours, golds, names, label, kinds, threshold)
        speaker_ok, speaker_n = speaker_ok + ok, speaker_n + n
        measured[f"quotes_{label}_f1"] = f
        print(f"newswire {label:<9} precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    print(f"newswire speaker accuracy {speaker_ok}/{speaker_n} = {speaker_ok / max(1, speaker_n):.3f}")
    if record_as is not None:
        record(record_as, {**measured, "speakers": speaker_ok / max(1, speaker_n)})
    textacy: dict[str, list[dict]] = {}
    for (_, source, _), doc in zip(items, load_nlp().pipe([text for _, _, text in items])):
        textacy[Path(source).name] = textacy_quotes_from_doc(doc)
    (p, r, f), ok, n = figures(textacy, golds, names, "marked", *THRESHOLDS["marked"])
    print(f"textacy  marked    precision={p:.3f} recall={r:.3f} F1={f:.3f}  speaker {ok}/{n} = {ok / max(1, n):.3f}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 5) or (len(sys.argv) == 5 and sys.argv[3] != "--record"):
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[4] if len(sys.argv) == 5 else None)
