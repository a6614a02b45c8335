"""End-to-end speed of `newswire run` against the NLP floor, measured in one run (no assertions).

    .venv/bin/python bench/bench_pipeline.py [--raw ../shared/corpus/bbc] [--workers N]

Prints, on the same machine and in the same run:
  - the floor: plain spaCy, the full pipeline of the same model, `nlp.pipe(texts,
    n_process=N, batch_size=64)` over the texts our extraction reads;
  - a cold `newswire run` (empty cache) end to end, as a user runs it: wall seconds, seconds
    per stage, peak memory of its processes; floor/pipeline ratio (goal >= 0.8); the CPU
    seconds of each (all processes), and the ratio that CPU allows (floor CPU / run CPU);
  - a warm rerun after one extractor changed (its cache entries gone, the stored parses and
    the other extractors' records kept): seconds and share of the cold run (goal < 20 %);
  - what each extractor costs on the same Docs, against the parse itself, in one process
    (events: goal at most 10 % of the extraction stage).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.pipeline import usable_cores  # noqa: E402
from newswire import extract, stages  # noqa: E402
from newswire.nlp import BATCH_SIZE, MODEL  # noqa: E402

from changed_code import change_extractor  # noqa: E402  (bench/, the script's folder)

DEFAULT_RAW = ROOT.parent / "shared" / "corpus" / "bbc"


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of every child it has waited for, with theirs."""
    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def floor_seconds(texts: list[str], workers: int) -> float:
    import spacy

    nlp = spacy.load(MODEL, exclude=["senter"])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
        pass
    return time.perf_counter() - started


def extractor_costs(texts: list[str]) -> None:
    from newswire.extractors import EXTRACTORS
    from newswire.nlp import load_nlp

    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    parse = time.perf_counter() - started
    costs = {}
    for name, extractor in EXTRACTORS.items():
        started = time.perf_counter()
        for doc in docs:
            extractor.extract(doc)
        costs[name] = time.perf_counter() - started
    stage = parse + sum(costs.values())
    print(f"extract stage on {len(texts)} articles, one process: parse {parse:.1f} s, "
          + ", ".join(f"{name} {seconds:.1f} s ({100 * seconds / stage:.1f} % of the stage)"
                      for name, seconds in costs.items()))


def newswire_run(raw: Path, out: Path, cache: Path, workers: int) -> tuple[float, str]:
    command = [str(Path(sys.executable).parent / "newswire"), "run", "--raw", str(raw), "--out", str(out),
               "--cache", str(cache), "--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    # run from the project folder, as `make run` does: Prefect's database there is created once
    # per project (~7 s of migrations on a user's first run), not once per run
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"newswire run failed:\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def stage_seconds(stdout: str, wall: float) -> str:
    """The run's seconds per stage, and the wall time outside them: starting the process, its
    imports and the run's Prefect server before the flow, and shutting them down after."""
    line = next((line for line in stdout.splitlines() if line.startswith("seconds")), "")
    stages = re.sub(r"^seconds\s+", "", line)
    inside = sum(float(value) for value in re.findall(r"=([0-9.]+)", stages))
    return f"{stages}  outside the stages={wall - inside:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW)
    parser.add_argument("--workers", type=int, default=usable_cores())
    parser.add_argument("--changed-extractor", default="quotes", help="extractor whose cache the warm rerun drops")
    parser.add_argument("--sample", type=int, default=300, help="articles for the per-extractor costs")
    args = parser.parse_args()

    structured, rejected, corpus = stages.spine_without_prefect(args.raw.resolve())
    spine = stages.spine_tables(corpus, rejected + structured.quarantine)
    texts = [extract.analysed_text(text) for _, _, text in stages.extraction_inputs(spine["articles"])]
    words = sum(len(text.split()) for text in texts)
    print(f"machine: {os.cpu_count()} cores ({args.workers} used), Python {sys.version.split()[0]}")
    print(f"corpus: {args.raw} — {len(structured.articles) + len(rejected) + len(structured.quarantine)} files, "
          f"{len(texts)} articles to parse ({words} words), {len(corpus.links)} duplicates")

    extractor_costs(texts[: args.sample])
    cpu = cpu_seconds()
    floor = floor_seconds(texts, args.workers)
    floor_cpu = cpu_seconds() - cpu
    print(f"floor  plain nlp.pipe n_process={args.workers}: {floor:7.1f} s  {words / floor:7.0f} words/s  "
          f"CPU {floor_cpu:.0f} s")

    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        work = Path(tmp)
        cpu = cpu_seconds()
        cold, stdout = newswire_run(args.raw.resolve(), work / "processed", work / "cache", args.workers)
        cold_cpu = cpu_seconds() - cpu
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"cold   newswire run (empty cache):      {cold:7.1f} s  floor/pipeline {floor / cold:.2f} (goal >= 0.80)")
        # Both are CPU-bound: spread perfectly over the same cores, the run could take at best
        # cold_cpu / floor_cpu times the floor's wall time, whatever else loads the machine.
        print(f"       CPU {cold_cpu:.0f} s = {cold_cpu / floor_cpu:.2f} x the floor's: the ratio can reach at most "
              f"{floor_cpu / cold_cpu:.2f} without cutting CPU work")
        print(f"       seconds per stage: {stage_seconds(stdout, cold)}")
        print(f"       peak memory of one process: {peak:.0f} MiB")
        change_extractor(work / "cache", work / "processed", args.changed_extractor)
        warm, stdout = newswire_run(args.raw.resolve(), work / "processed", work / "cache", args.workers)
        print(f"warm   rerun, {args.changed_extractor!r} changed:      {warm:7.1f} s  {100 * warm / cold:.0f} % of the "
              f"cold run (goal < 20 %)")
        print(f"       seconds per stage: {stage_seconds(stdout, warm)}")
        runs = next((line for line in stdout.splitlines() if line.startswith("extract")), "")
        print(f"       {runs}")


if __name__ == "__main__":
    main()
