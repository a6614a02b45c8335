"""`newswire serve`'s scheduled runs against a cold `newswire run`, measured in one run (issue 15).

    PYTHONPATH=$PWD .venv/bin/python bench/bench_served.py [--corpus ../shared/corpus/bbc] [--work DIR]
                                                           [--new 3] [--interval 20] [--code DIR]

A cold `newswire run` over the corpus (its seconds: the full run), then `newswire serve
--interval` over the release and cache it left: the first scheduled run finds no new input,
then before each of the next --new runs one new article (a seed of ../shared/seeds, not in the
BBC corpus) is added to the raw folder, and a last run finds nothing new again. Each scheduled
run is timed from the moment its process appears (a new descendant of serve), or from its
scheduled time if that is later (Prefect's runner starts a run's process up to 10 s ahead, and
the run then waits for its time), to the line its summary prints last: the seconds include the
run's start-up but not the wait for the schedule. Prints each run's seconds and share of the cold run, and each run's stage seconds.
Prefect's server lets a run start when its scheduled time is less than half a second away (it
rounds the wait to whole seconds), so a run may start up to 0.5 s before that time, or later when
the runner is late: each run's seconds from the start Prefect recorded for it (the flow run's
start_time, when it entered Running) are printed too, without that jitter.
--code runs another checkout's code (e.g. a `git archive` of main) for before/after figures;
--state serves over a copy of the releases and cache a cold run left (and --cold gives its seconds).
Linux only (the run's process is found in /proc). Figures vary by ~10 % between runs here.
"""

from __future__ import annotations

import argparse
import json
import os
import urllib.request
from datetime import datetime
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


class ProcessClock:
    """When serve's descendants first appear (its flow runs, their checkers and workers)."""

    def __init__(self, pid: int, settle: float = 3.0) -> None:
        self.pid, self.settle, self.appeared = pid, settle, []
        self.seen: list[tuple[float, int, str]] = []  # (when, pid, command line) of each new process
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        time.sleep(self.settle)  # serve's own helpers (Prefect server, fork server, checker) first
        known = _descendants(self.pid)
        while True:
            fresh = _descendants(self.pid) - known
            if fresh:
                self.appeared.append(time.monotonic())
                self.seen.extend((self.appeared[-1], pid, _command(pid)) for pid in fresh)
                known |= fresh
            time.sleep(0.2)

    def first_after(self, moment: float) -> float | None:
        return min((t for t in self.appeared if t > moment), default=None)


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return "?"


def cold_run(code: Path, work: Path) -> float:
    began = time.monotonic()
    subprocess.run([sys.executable, "-m", "newswire.cli", "run", "--raw", str(work / "raw"), "--out", str(work / "out"),
                    "--cache", str(work / "cache"), "--quiet"], cwd=code, env=_environment(code), check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - began


def _environment(code: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    return {**environment, "PYTHONPATH": str(code)}


def served_runs(code: Path, work: Path, new_files: list[Path], interval: float,
                log=None) -> list[tuple[str, float, float, str]]:
    """(what the run had, seconds, seconds from its recorded start, its stage seconds) of each scheduled run."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "newswire.cli", "serve", "--interval", f"{interval:g}", "--raw", str(work / "raw"),
         "--out", str(work / "out"), "--cache", str(work / "cache")],
        cwd=code, env=_environment(code), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.monotonic(), line.rstrip("\n")))
                                     for line in iter(serve.stdout.readline, "")], daemon=True).start()
    clock = ProcessClock(serve.pid)
    plan = ["no new input (serve starting)", *(f"+1 article ({path.name})" for path in new_files), "no new input"]
    figures, stages, last, api, ended = [], "", 0.0, None, []
    try:
        while len(figures) < len(plan):
            moment, line = lines.get(timeout=600)
            if line.startswith("newswire serve: ") and "Prefect API " in line:
                api = line.split("Prefect API ", 1)[1].split(";")[0]
            if log is not None:
                print(f"{moment:.2f} {line}", file=log, flush=True)
            if line.startswith("seconds"):
                stages = line.removeprefix("seconds").strip()
            if not line.startswith("release "):
                continue
            ended.append((moment, time.time()))
            figures.append((plan[len(figures)], clock.first_after(last), stages))
            last = moment
            if len(figures) <= len(new_files):
                shutil.copy(new_files[len(figures) - 1], work / "raw" / f"zz_{new_files[len(figures) - 1].name}")
        scheduled = _scheduled_starts(api) if api else []
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=120)
    timed = []
    for (what, appeared, stages), (moment, wall) in zip(figures, ended):
        # the run's scheduled time, on the monotonic clock: the latest scheduled before its end
        run = max((pair for pair in scheduled if pair[0] <= wall), key=lambda pair: pair[0], default=None)
        due = moment - (wall - run[0]) if run else None
        began = max(t for t in (appeared, due) if t is not None) if (appeared or due) else None
        started = moment - (wall - run[1]) if run and run[1] is not None else None
        timed.append((what, moment - began if began else float("nan"),
                      moment - started if started is not None else float("nan"), stages))
    if log is not None:
        for when, pid, command in clock.seen:
            print(f"{when:.2f} new process {pid}: {command}", file=log)
    return timed


def _scheduled_starts(api: str) -> list[tuple[float, float | None]]:
    """(scheduled time, recorded start time or None), Unix seconds, of the server's completed and
    running flow runs (the last run prints its summary before it completes)."""
    request = urllib.request.Request(f"{api}/flow_runs/filter", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"flow_runs": {"state": {"type": {"any_": ["COMPLETED", "RUNNING"]}}},
                                                      "sort": "EXPECTED_START_TIME_DESC", "limit": 50}).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return [(_unix(run["expected_start_time"]), _unix(run["start_time"]) if run.get("start_time") else None)
                for run in json.load(response) if run.get("expected_start_time")]


def _unix(moment: str) -> float:
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "bbc")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--new", type=int, default=3, help="scheduled runs with one new article each")
    parser.add_argument("--interval", type=float, default=20.0)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--log", type=Path, default=None, help="every line serve prints, with its time")
    parser.add_argument("--state", type=Path, default=None,
                        help="serve over a copy of STATE/out and STATE/cache (releases and cache a cold run of the "
                             "corpus left) instead of making them with a cold run")
    parser.add_argument("--cold", type=float, default=None, help="with --state: the cold run's seconds")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-served-"))
    new_files = sorted((SHARED / "seeds").glob("*.txt"))[:args.new]
    for folder in ("raw", "out", "cache"):
        shutil.rmtree(work / folder, ignore_errors=True)
    shutil.copytree(args.corpus, work / "raw")
    if args.state:
        for folder in ("out", "cache"):
            shutil.copytree(args.state / folder, work / folder, symlinks=True)
    cold = (args.cold or float("nan")) if args.state else cold_run(args.code, work)
    print(f"corpus {args.corpus} ({sum(1 for p in (work / 'raw').rglob('*') if p.is_file())} files), code {args.code}, "
          f"{os.cpu_count()} cores")
    print(f"cold newswire run: {cold:.1f} s")
    log = args.log.open("w", encoding="utf-8") if args.log else None
    for what, seconds, from_start, stages in served_runs(args.code, work, new_files, args.interval, log):
        print(f"served, {what:<40} {seconds:5.1f} s = {100 * seconds / cold:4.1f} % of the cold run, "
              f"{from_start:5.2f} s from its recorded start   ({stages})")


if __name__ == "__main__":
    main()
