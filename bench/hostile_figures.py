"""Hostile-input figures: the real `newswire run` on the hostile corpus, then killed runs.

    .venv/bin/python bench/hostile_figures.py [--keep] [--kills N] [--timeout S] [--code DIR]

Builds tests/hostile_corpus.py in a temp folder and runs the `newswire run` command on it in a
child process, with the corpus's races (files swapped, deleted) applied between discovery and
reading. Then starts N more runs and SIGKILLs each once its Prefect server is up. Prints inputs
tried, published, quarantined (by reason; a page with no article is both), lost, crashed, hung and orphaned processes (any
process of a run still alive 30 s after the run ended). --code runs another checkout of the
project (e.g. an export of main) for before/after figures. Exits non-zero if anything is lost,
crashed, hung or orphaned. Figures only: no timed assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import account, build_hostile_corpus  # noqa: E402

# The real command, with the corpus's races applied right after the flow's discover stage.
RUN_WITH_RACES = """
import sys
sys.path.insert(0, sys.argv[1])
from hostile_corpus import apply_races
from newswire import stages
from newswire.cli import main
discover_inputs = stages.discover_inputs
def discover_then_race(raw_dir):
    found = discover_inputs(raw_dir)
    apply_races(raw_dir)
    return found
stages.discover_inputs = discover_then_race
sys.exit(main(sys.argv[2:]))
"""
ORPHAN_WAIT_SECONDS = 30


def _environment(prefect_home: Path, code: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update({"PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_LOGGING_LEVEL": "WARNING", "PREFECT_SERVER_UI_ENABLED": "false",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90", "GX_ANALYTICS_ENABLED": "false",
                "PYTHONPATH": str(code)})
    return env


def _proc_text(pid: int, name: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    stat = _proc_text(pid, "stat").rsplit(b")", 1)
    return len(stat) == 2 and stat[1].split()[0] not in (b"Z", b"X")


def processes_of(prefect_home: Path) -> list[int]:
    """Live processes (zombies aside) whose environment names this PREFECT_HOME: a run and all it started."""
    needle = f"PREFECT_HOME={prefect_home}\0".encode()
    return [int(p.name) for p in Path("/proc").iterdir()
            if p.name.isdigit() and int(p.name) != os.getpid() and needle in _proc_text(int(p.name), "environ")
            and _alive(int(p.name))]


def orphans_after(prefect_home: Path) -> list[int]:
    deadline = time.monotonic() + ORPHAN_WAIT_SECONDS
    while (left := processes_of(prefect_home)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def _server_started(run: subprocess.Popen) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _proc_text(int(entry.name), "stat").rsplit(b")", 1)
            if len(stat) == 2 and stat[1].split()[1] == str(run.pid).encode() and b"uvicorn" in _proc_text(
                    int(entry.name), "cmdline"):
                return True
    return False


def _start(raw: Path, out: Path, env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    # Output to files, not pipes: an orphaned server would hold a pipe open and block the reader.
    with log.with_suffix(".out").open("w") as stdout, log.with_suffix(".err").open("w") as stderr:
        return subprocess.Popen([sys.executable, "-c", RUN_WITH_RACES, str(ROOT / "tests"), "run", "--raw", str(raw),
                                 "--out", str(out), "--quiet", "--no-cache"], cwd=cwd, env=env, stdout=stdout,
                                stderr=stderr, text=True, start_new_session=True)


def _kill_everything(prefect_home: Path) -> None:
    """Clean up after the figures (the figures are taken before this)."""
    for pid in processes_of(prefect_home):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and print its path")
    parser.add_argument("--kills", type=int, default=3, help="runs to SIGKILL once their Prefect server is up")
    parser.add_argument("--timeout", type=float, default=900, help="seconds after which a run counts as hung")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout of the project to run (default this one)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="newswire-hostile-"))
    prefect_home = workdir / "prefect"
    env = _environment(prefect_home, args.code.resolve())
    try:
        raw = workdir / "raw"
        expected = build_hostile_corpus(raw)
        started = time.perf_counter()
        run = _start(raw, workdir / "processed", env, workdir, workdir / "run")
        hung = 0
        try:
            run.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            hung = 1
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
        ran = time.perf_counter() - started
        err = (workdir / "run.err").read_text(errors="replace")
        orphaned = orphans_after(prefect_home)
        _kill_everything(prefect_home)
        crashed = int(run.returncode != 0 and not hung) + int("Traceback" in err)
        latest = workdir / "processed" / "latest"
        if latest.is_dir():
            tables = {table: pd.read_parquet(latest / f"{table}.parquet") for table in ("articles", "quarantine")}
        else:
            tables = {"articles": pd.DataFrame({"source": [], "duplicate_of": [], "encoding": []}),
                      "quarantine": pd.DataFrame({"source": [], "stage": [], "reason": [], "detail": []})}
        result = account(tables, expected)
        articles, quarantine = tables["articles"], tables["quarantine"]
        by_reason = Counter(f"{stage}/{reason}" for stage, reason in zip(quarantine["stage"], quarantine["reason"]))
        encodings = Counter(articles["encoding"])

        killed_orphans = []
        for attempt in range(args.kills):
            victim = _start(raw, workdir / f"killed-{attempt}", env, workdir, workdir / f"killed-{attempt}")
            deadline = time.monotonic() + args.timeout
            while not _server_started(victim) and victim.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(attempt)  # 0, 1, 2 ... s into the run
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()
            killed_orphans += orphans_after(prefect_home)
            _kill_everything(prefect_home)

        print(f"inputs tried   {len(expected)}  (paths in the raw folder, races included)")
        print(f"published      {len(articles)}  (encodings: " + ", ".join(f"{e}={n}" for e, n in sorted(encodings.items())) + ")")
        print(f"quarantined    {len(quarantine)}  (of them published with an empty body: "
              f"{len(set(quarantine['source']) & set(articles['source']))}; such an input counts once)")
        for reason, count in sorted(by_reason.items()):
            print(f"  {reason:<24} {count}")
        print(f"lost           {len(result.lost)}" + (f"  {result.lost}" if result.lost else ""))
        print(f"counted twice  {len(result.counted_twice)}" + (f"  {result.counted_twice}" if result.counted_twice else ""))
        print(f"unexplained    {len(result.unexpected)}" + (f"  {result.unexpected}" if result.unexpected else ""))
        print(f"crashed        {crashed + len(result.crashes)}" + (f"  (exit {run.returncode}) {err.strip().splitlines()[-1:]}"
                                                                  if crashed else "") + (f" {result.crashes}" if result.crashes else ""))
        print(f"hung           {hung}" + (f"  (no result after {args.timeout:.0f} s)" if hung else ""))
        print(f"orphaned       {len(orphaned) + len(killed_orphans)}  (after the run: {len(orphaned)}; "
              f"after {args.kills} SIGKILLed runs: {len(killed_orphans)})")
        print(f"outcome as expected  {len(expected) - len(result.mismatched) - len(result.lost)}/{len(expected)}")
        for line in result.mismatched:
            print(f"  unexpected outcome: {line}")
        print(f"run took       {ran:.1f} s")
        if args.keep:
            print(f"kept {workdir}")
        failed = result.lost or result.counted_twice or crashed or result.crashes or hung or orphaned or killed_orphans
        return 1 if failed else 0
    finally:
        _kill_everything(prefect_home)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
