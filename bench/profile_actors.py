"""CPU cost of the actors extractor and of corpus-level actor resolution, with their profiles (no assertions).

    PYTHONPATH=$PWD .venv/bin/python bench/profile_actors.py [--n 300] [--seed 22] [--repeat 3] [--top 30]

Draws --n BBC files by the recipe of bench/actor_sample.py (random.Random(seed).sample over the sorted
files of /work/shared/corpus/bbc, category folders kept), runs the spine on them in this process, parses
the extraction inputs once, then measures in CPU seconds (time.process_time; the first run, caches filled on the way, and the least
of --repeat runs):
  - the actors extractor (`EXTRACTORS["actors"].extract(doc)`) over every Doc: ms per article;
  - corpus resolution: `Corpus(...)` and `.tables()` over the records, as stages.corpus_tables builds it
    (an empty registry, as a new output folder has), and the whole of `stages.corpus_tables`;
and prints a cProfile of one run of each (and of corpus_tables; top functions by own time and by cumulative time), and a
fingerprint (sha256) of the extractor's records and of the corpus tables, so a change that should keep
every output can be checked at a glance before the full release comparison.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from sampling import fingerprint, print_profile, sample_spine

from newswire import extract, stages
from newswire.actors import Corpus
from newswire.extractors import EXTRACTORS
from newswire.nlp import BATCH_SIZE, load_nlp
from newswire.registry import Registries


def cpu(run: Callable[[], object], repeat: int) -> tuple[str, object]:
    """CPU seconds of the first of `repeat` runs (the cost a pipeline run pays: caches filled on the way
    count) and the least of them, and the last run's result."""
    seconds, result = [], None
    for _ in range(repeat):
        started = time.process_time()
        result = run()
        seconds.append(time.process_time() - started)
    return f"{seconds[0]:.3f} CPU s first run, {min(seconds):.3f} least of {repeat}", result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    spine = sample_spine(args.n, args.seed)
    items = stages.extraction_inputs(spine["articles"])
    texts = [extract.analysed_text(text) for _, _, text in items]
    started = time.process_time()
    docs = list(load_nlp().pipe(texts, batch_size=BATCH_SIZE))
    parse = time.process_time() - started
    print(f"{len(docs)} articles parsed in {parse:.1f} CPU s ({1000 * parse / len(docs):.1f} ms per article)")

    actors = EXTRACTORS["actors"]
    started = time.process_time()
    entities = [actors.extract(doc) for doc in docs]
    seconds = time.process_time() - started
    print(f"actors extractor: {seconds:.2f} CPU s, {1000 * seconds / len(docs):.2f} ms per article "
          f"({100 * seconds / parse:.1f} % of the parse); records {fingerprint([e.to_json() for e in entities])}")
    seconds, _ = cpu(lambda: [actors.extract(doc) for doc in docs], args.repeat)
    print(f"actors extractor again: {seconds}")

    extracted = extract.ExtractedBatch([], [], len(docs))
    for (article_id, _, _), doc, found in zip(items, docs, entities):
        records = {"actors": found, **{name: extractor.extract(doc) for name, extractor in EXTRACTORS.items()
                                       if name != "actors"}}
        extracted.extractions.append(extract.ArticleExtraction(article_id, records))
    by_id = spine["articles"].set_index("article_id")
    pairs = [(e.article_id, e.entities) for e in extracted.extractions]
    credits = [(e.article_id, list(by_id.at[e.article_id, "credits"])) for e in extracted.extractions]

    def resolve() -> tuple:
        corpus = Corpus(pairs, credits, registry=Registries.empty().actors)
        return corpus.tables()

    seconds, (actor_rows, mention_columns) = cpu(resolve, args.repeat)
    mention_rows = [dict(zip(mention_columns, values)) for values in zip(*mention_columns.values())]
    print(f"corpus resolution (Corpus + tables): {seconds}; {len(actor_rows)} actors, "
          f"{len(mention_rows)} mentions; tables {fingerprint([[a.__dict__ for a in actor_rows], mention_rows])}")
    seconds, tables = cpu(lambda: stages.corpus_tables(spine, extracted, Registries.empty()), args.repeat)
    print(f"stages.corpus_tables: {seconds}; tables "
          f"{fingerprint({name: frame.to_dict('records') for name, frame in tables.items()})}")

    print_profile("actors extractor", lambda: [actors.extract(doc) for doc in docs], args.top)
    print_profile("corpus resolution", resolve, args.top)
    print_profile("stages.corpus_tables", lambda: stages.corpus_tables(spine, extracted, Registries.empty()), args.top)


if __name__ == "__main__":
    main()
