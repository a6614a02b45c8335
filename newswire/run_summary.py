"""What a run reports: counts per stage, wall seconds per stage, the release it made."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm


class StageClock:
    """Wall seconds per stage, in the order the stages ran."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def gather(futures: Sequence[Any], desc: str, progress: bool,
           rerun: Callable[[int], Any] | None = None, on_finished: Callable[[int], None] | None = None) -> list[Any]:
    """Results of mapped batch tasks in submission order, with a progress bar as they finish
    (and on_finished called with the index of each).

    A worker process that dies (killed, out of memory) takes its batch, and the batches
    queued behind it, down with a BrokenProcessPool that Prefect's retries never see (they
    run inside the worker). With rerun, each such batch is run again by rerun(index) in this
    process, so nothing is lost; other errors propagate."""
    from prefect.futures import as_completed  # the only Prefect import here: futures are Prefect's

    index_of = {id(future): index for index, future in enumerate(futures)}
    with tqdm(total=len(futures), desc=desc, unit="batch", disable=not progress, leave=False) as bar:
        for finished in as_completed(list(futures)):
            bar.update(1)
            if on_finished is not None:
                on_finished(index_of[id(finished)])
    results = []
    for index, future in enumerate(futures):
        try:
            results.append(future.result())
        except BrokenProcessPool:
            if rerun is None:
                raise
            logging.getLogger(__name__).warning("%s batch %d lost its worker process: running it again", desc, index)
            results.append(rerun(index))
    return results


@dataclass
class RunSummary:
    version: str | None
    created: bool
    release_path: str | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    note: str | None = None  # why the run stopped early

    @classmethod
    def of(cls, result: Any, counts: dict[str, dict[str, int]], clock: StageClock) -> RunSummary:
        return cls(result.version, result.created, str(result.path), counts, dict(clock.seconds))

    @classmethod
    def kept(cls, latest: Path, counts: dict[str, dict[str, int]], clock: StageClock) -> RunSummary:
        """A run that found the latest release made from its very inputs by its very code."""
        return cls(latest.name, False, str(latest), counts, dict(clock.seconds),
                   note="the same input files and code as the latest release: its tables would come out the same")

    def lines(self) -> list[str]:
        """What the run did, as the CLI prints it: counts per stage, seconds per stage, the outcome."""
        counts = [f"{stage:<12} " + "  ".join(f"{name}={value}" for name, value in figures.items())
                  for stage, figures in self.counts.items()]
        seconds = f"{'seconds':<12} " + "  ".join(f"{stage}={s:.1f}" for stage, s in self.seconds.items())
        state = "published" if self.created else "unchanged, latest release kept"
        return [*counts, *([f"{'kept':<12} {self.note}"] if self.note else []), seconds,
                f"release {self.version} {state}: {self.release_path}"]
