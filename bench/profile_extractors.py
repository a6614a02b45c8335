"""CPU cost of the per-article extractors (events, quotes, actors), with their profiles and a fingerprint of
their records (no assertions).

    PYTHONPATH=$PWD .venv/bin/python bench/profile_extractors.py [--extractor events quotes] [--n 600] [--seed 22]
        [--repeat 3] [--top 30] [--no-profile] [--parses /tmp/parses.spacy]

Draws --n BBC files by the recipe of bench/actor_sample.py (random.Random(seed).sample over the sorted files of
/work/shared/corpus/bbc, category folders kept), runs the spine on them in this process and parses the extraction
inputs once (with --parses, the Docs are stored there, as the pipeline's cache stores them, and read back on the next
run of the same sample and parse version instead of parsing again). Then, for each extractor named (all three by
default), it measures `EXTRACTORS[name].extract(doc)` over every Doc in CPU seconds (time.process_time: other jobs
on the machine do not count), the first run and the least of --repeat runs, each run on Docs with their user data
cleared (so a per-Doc cache is paid for in every run, as a pipeline run pays it once per article) but for the Doc's
text, which a pipeline run reads once per article before any extractor runs (extract.Cache.doc), and prints:
  - ms per article;
  - a fingerprint (sha256 of the records' JSON, `EXTRACTORS[name].to_json`, over the sample in order): a change
    that should keep every output must keep it, checked at a glance before the full release comparison;
  - unless --no-profile, a cProfile of one run (top functions by own time and by cumulative time).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from sampling import fingerprint, print_profile, sample_spine
from spacy.tokens import Doc

from newswire import extract, nlp, stages, syntax
from newswire.extractors import EXTRACTORS


def texts_of_sample(n: int, seed: int) -> list[str]:
    """The texts the extractors read, in the order stages.extraction_inputs gives them."""
    return [extract.analysed_text(text) for _, _, text in stages.extraction_inputs(sample_spine(n, seed)["articles"])]


def parsed(texts: list[str], store: Path | None) -> list[Doc]:
    """The Docs of the texts: read from the store when it holds this sample's parses of this parse version."""
    key = hashlib.sha256("\0".join([nlp.parse_version(), *texts]).encode()).hexdigest()[:16]
    stored = store.with_name(f"{store.stem}-{key}{store.suffix}") if store is not None else None
    if stored is not None and stored.exists():
        docs = nlp.docs_from_bytes(stored.read_bytes())
        print(f"{len(docs)} articles read from {stored}")
        return docs
    started = time.process_time()
    docs = list(nlp.load_nlp().pipe(texts, batch_size=nlp.BATCH_SIZE))
    seconds = time.process_time() - started
    print(f"{len(docs)} articles parsed in {seconds:.1f} CPU s ({1000 * seconds / len(docs):.1f} ms per article)")
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(nlp.docs_to_bytes(docs))
        # the stored Docs are what a pipeline run reads back: measure on them, not on the fresh ones
        docs = nlp.docs_from_bytes(stored.read_bytes())
    return docs


def fresh(docs: list[Doc]) -> None:
    """The Docs as a pipeline run hands them to its extractors: no per-Doc cache left from an earlier run or another
    extractor, the text read (extract.Cache.doc reads it before any extractor runs)."""
    for doc in docs:
        doc.user_data.clear()
        syntax.doc_text(doc)


def cpu(extract_one: Callable[[Doc], object], docs: list[Doc], repeat: int) -> tuple[list[float], list]:
    """CPU seconds of each of `repeat` runs over the Docs, and the first run's records."""
    seconds, result = [], None
    for _ in range(repeat):
        fresh(docs)
        started = time.process_time()
        records = [extract_one(doc) for doc in docs]
        seconds.append(time.process_time() - started)
        result = records if result is None else result
    return seconds, result


def profile(title: str, extract_one: Callable[[Doc], object], docs: list[Doc], top: int) -> None:
    fresh(docs)
    print_profile(title, lambda: [extract_one(doc) for doc in docs], top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", nargs="+", choices=sorted(EXTRACTORS), default=sorted(EXTRACTORS))
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--parses", type=Path, help="where to keep the sample's Docs between runs")
    args = parser.parse_args()
    docs = parsed(texts_of_sample(args.n, args.seed), args.parses)
    for name in args.extractor:
        extractor = EXTRACTORS[name]
        seconds, records = cpu(extractor.extract, docs, args.repeat)
        print(f"{name}: {1000 * seconds[0] / len(docs):.2f} ms per article first run, "
              f"{1000 * min(seconds) / len(docs):.2f} least of {args.repeat} ({min(seconds):.2f} CPU s); "
              f"records {fingerprint([extractor.to_json(found) for found in records])}")
    if not args.no_profile:
        for name in args.extractor:
            profile(f"{name} extractor", EXTRACTORS[name].extract, docs, args.top)


if __name__ == "__main__":
    main()
