"""CPU seconds of the spine's steps without spaCy, in one process and without Prefect; and a
check that a change to them leaves their output byte-identical.

    .venv/bin/python bench/profile_structure.py [--raw ../shared/corpus/bbc] [--profile tottime]
    .venv/bin/python bench/profile_structure.py --snapshot DIR [--raw R ...]  # save the outputs
    .venv/bin/python bench/profile_structure.py --compare DIR [--raw R ...]   # fail on any difference

Times, as CPU seconds of this process (time.process_time, not wall time: other jobs may load
the machine), each step that stages.spine_without_prefect runs: discover, read and decode
(ingest), structure (line rules, language identification, whole-page decision), clean_corpus
(dedupe, corpus-recurring lines) and spine_tables (articles, boilerplate, quarantine).
--profile adds cProfile's top functions over the same steps, sorted by the given key.

--snapshot and --compare run stages.spine_without_prefect itself on each --raw folder (several
may be given) and save, or compare with the saved ones, its spine tables (DataFrame.equals and
the dtypes) and the structured articles (dataclass equality, every field and line).
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newswire import stages, tables  # noqa: E402
from newswire.ingest import Rejection, read_document  # noqa: E402
from newswire.structure import structure  # noqa: E402

DEFAULT_RAW = ROOT.parent / "shared" / "corpus" / "bbc"


def timed_steps(raw: Path) -> dict[str, float]:
    """CPU seconds of each step, run as spine_without_prefect runs them (without the cache)."""
    seconds: dict[str, float] = {}

    def step(name: str, work):
        started = time.process_time()
        result = work()
        seconds[name] = time.process_time() - started
        return result

    files, rejected = step("discover", lambda: stages.discover_inputs(raw))
    documents = step("read and decode", lambda: [read_document(*found) for found in files])
    articles = step("structure", lambda: [structure(d) for d in documents if not isinstance(d, Rejection)])
    quarantine = rejected + [tables.rejection_row(d) for d in documents if isinstance(d, Rejection)]
    corpus = step("clean_corpus", lambda: stages.clean_corpus(articles))
    step("spine_tables", lambda: stages.spine_tables(corpus, quarantine))
    return seconds


def spine_outputs(raw: Path) -> dict:
    structured, rejected, corpus = stages.spine_without_prefect(raw)
    return {"tables": stages.spine_tables(corpus, rejected + structured.quarantine),
            "articles": structured.articles, "links": corpus.links, "recurring": corpus.recurring}


def differences(before: dict, after: dict) -> list[str]:
    found = []
    for name, frame in before["tables"].items():
        other = after["tables"][name]
        if not (frame.equals(other) and frame.dtypes.equals(other.dtypes) and list(frame.columns) == list(other.columns)):
            found.append(f"table {name} differs")
    for key in ("articles", "links", "recurring"):
        if before[key] != after[key]:
            found.append(f"{key} differ")
    return found


def _snapshot_name(raw: Path) -> str:
    return re.sub(r"\W+", "_", str(raw.resolve())) + ".pickle"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, action="append", help="raw folder (repeatable); the BBC corpus by default")
    parser.add_argument("--profile", choices=("tottime", "cumulative"), help="print cProfile's top functions")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--snapshot", type=Path, help="save the spine's outputs for each raw folder here")
    parser.add_argument("--compare", type=Path, help="compare the spine's outputs with those saved here")
    args = parser.parse_args()
    raws = [raw.resolve() for raw in args.raw or [DEFAULT_RAW]]

    if args.snapshot or args.compare:
        failed = False
        for raw in raws:
            outputs = spine_outputs(raw)
            if args.snapshot:
                args.snapshot.mkdir(parents=True, exist_ok=True)
                (args.snapshot / _snapshot_name(raw)).write_bytes(pickle.dumps(outputs))
                print(f"saved {raw}: {len(outputs['articles'])} articles")
            else:
                saved = pickle.loads((args.compare / _snapshot_name(raw)).read_bytes())
                found = differences(saved, outputs)
                failed |= bool(found)
                print(f"{raw}: " + ("; ".join(found) if found else f"identical ({len(outputs['articles'])} articles)"))
        sys.exit(1 if failed else 0)

    for raw in raws:
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        seconds = timed_steps(raw)
        if profiler:
            profiler.disable()
        print(f"{raw}: CPU seconds " + ", ".join(f"{name} {value:.2f}" for name, value in seconds.items())
              + f"; total {sum(seconds.values()):.2f}")
        if profiler:
            pstats.Stats(profiler).sort_stats(args.profile).print_stats(args.top)


if __name__ == "__main__":
    main()
