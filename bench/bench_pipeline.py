"""Speed and memory of the pipeline stages, printed as figures (no assertions).

    .venv/bin/python bench/bench_pipeline.py [--raw ../shared/corpus/bbc] [--limit 500]

Measures, on the same cleaned texts:
  - structure+boilerplate+dedupe (no NLP), articles/s;
  - plain spaCy `nlp.pipe` with the same components, on whole articles and on the same
    paragraph pieces our stage feeds it (the floor);
  - our extraction (the same parse + actors + quotes), articles/s and overhead over the floor;
  - corpus-level resolution (actors across articles, speakers, quote clusters);
  - peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newswire import actors, quotes, stages  # noqa: E402
from newswire.nlp import BATCH_SIZE, load_nlp, paragraphs, parse  # noqa: E402

DEFAULT_RAW = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW)
    parser.add_argument("--limit", type=int, default=500, help="articles to run the NLP figures on")
    args = parser.parse_args()

    started = time.perf_counter()
    files, rejected = stages.discover_inputs(args.raw)
    batch = stages.structure_batch(files)
    corpus = stages.clean_corpus(batch.articles)
    tables = stages.spine_tables(corpus, rejected + batch.quarantine, batch.articles)
    spine_seconds = time.perf_counter() - started
    items = stages.extraction_inputs(tables["articles"])[: args.limit]
    texts = [text for _, _, text in items]
    words = sum(len(text.split()) for text in texts)
    print(f"corpus: {len(files)} files, {len(tables['articles'])} articles, {len(corpus.links)} duplicates, "
          f"{len(tables['quarantine'])} quarantined")
    print(f"spine (ingest, structure, boilerplate, dedupe): {spine_seconds:.1f} s, {len(files) / spine_seconds:.0f} articles/s")

    nlp = load_nlp()
    nlp("warm up")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    whole = time.perf_counter() - started
    # the floor proper: the same pieces our stage feeds spaCy (one Doc per paragraph)
    pieces = [piece for text in texts for _, piece in paragraphs(text)]
    started = time.perf_counter()
    for _ in nlp.pipe(pieces, batch_size=BATCH_SIZE):
        pass
    floor = time.perf_counter() - started

    started = time.perf_counter()
    extracted = []
    for (article_id, _, text), docs in zip(items, parse(texts)):
        extracted.append((article_id, actors.extract_mentions(text, docs), quotes.extract_quotes(text, docs)))
    ours = time.perf_counter() - started

    started = time.perf_counter()
    corpus_actors = actors.Corpus([(article_id, entities) for article_id, entities, _ in extracted])
    actor_rows, mention_rows = corpus_actors.tables()
    resolve = time.perf_counter() - started

    print(f"NLP on {len(texts)} articles ({words} words):")
    print(f"  plain nlp.pipe, articles:  {whole:7.1f} s  {len(texts) / whole:6.1f} articles/s  {words / whole:7.0f} words/s")
    print(f"  plain nlp.pipe, paragraphs:{floor:7.1f} s  {len(texts) / floor:6.1f} articles/s  {words / floor:7.0f} words/s")
    print(f"  parse + actors + quotes:   {ours:7.1f} s  {len(texts) / ours:6.1f} articles/s  overhead {100 * (ours / floor - 1):+.1f} %")
    print(f"  corpus resolution:         {resolve:7.2f} s  ({len(actor_rows)} actors, {len(mention_rows)} mentions, "
          f"{sum(len(q) for _, _, q in extracted)} quotes)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
