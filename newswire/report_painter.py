"""The report of a staged release, drawn in `newswire serve`'s painter when one runs.

A run draws its report (newswire.report) beside the suites at its end, where both cores are busy.
In a served run, a fresh fork of serve's fork server, that first draw also starts vl-convert's
engine and compiles the first charts (~0.6 s of CPU: the first draw over the BBC release takes
2.5-3.0 s, a later one 1.3-1.9 s), and it cannot be started ahead: the engine, once started, hangs
in forked children, so the fork server must not start it, and a thread starting it in the run
slowed the corpus resolution beside it by more than it saved (it holds the GIL for much of it).
`newswire serve` therefore starts one painter for all its runs (newswire.run_services): it starts
the engine once and draws each run's report from the staged files while the run waits and the
checker runs the suites. A run without a painter, or whose painter is gone, draws here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from newswire import run_services
from newswire.process_exit import leave_without_teardown

if TYPE_CHECKING:
    from newswire.release import Arrival

PAINTER_SERVICE = run_services.Service("newswire painter", "the served runs' report painter",
                                       "NEWSWIRE_PAINTER_ADDRESS", "NEWSWIRE_PAINTER_KEY")

log = logging.getLogger(__name__)


# How much less of the CPU the painter asks for than the runs and the checker. At a served run's end
# three processes want the two cores: the checker (~2.1 CPU-s of suites, one after another: the
# end of the run waits for it), the flow process (~0.65 s of pandera) and the painter (~1.2 s).
# Shared evenly, the checker got ~80 % of a core and ended ~2.7 s after the tables were staged;
# the painter's drawing still ends before it when it takes what the other two leave.
PAINTER_NICENESS = 10


def _start_painting() -> None:
    """The painter's preparation: its priority lowered (before vl-convert's engine starts its
    threads, which take the priority of the thread that starts them), and the engine started (a
    failure is left for the drawing to raise)."""
    leave_without_teardown()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the serve's process group: serve ends it
    with contextlib.suppress(OSError):
        os.nice(PAINTER_NICENESS)
    with contextlib.suppress(Exception):
        _draw_each_kind()


def _draw_each_kind() -> None:
    """One chart of each kind the report draws, through the report's own path: the engine starts
    on the first, and compiles each kind on its first draw."""
    import pandas as pd

    from newswire.report import bar_chart, heatmap, time_chart

    counts = pd.DataFrame({"label": ["a", "b"], "other": ["c", "d"], "value": [1, 2],
                           "day": pd.to_datetime(["2026-01-01", "2026-01-02"], utc=True)})
    bar_chart(counts, "label", "value", "start")
    time_chart(counts, "day", None, "start")
    time_chart(counts, "day", "label", "start")
    heatmap(counts, "label", "other", "value", "start")


def _answer(connection: Connection) -> None:
    from newswire.report import draw as draw_here

    run_services.answer_requests(connection, draw_here)


@contextmanager
def painter_service(timeout: float = run_services.START_SECONDS) -> Iterator[None]:
    """For `newswire serve`: one painter for all the runs it serves, forked from the fork server
    (where Altair is imported and vl-convert's engine is not started). The runs find it through the
    environment; a painter that does not start in time is left, and the runs draw themselves."""
    with run_services.started(PAINTER_SERVICE, _start_painting, _answer, timeout, warm_up=_draw_the_rehearsal):
        yield


def _draw_the_rehearsal() -> None:
    """The painter's warm-up, once it listens: the report of the fork server's rehearsal release
    (its changes against itself included), so that the first served run's report is drawn as fast
    as later ones."""
    from newswire.rehearsal import warm_up_on_rehearsed_release
    from newswire.report import draw as draw_here

    warm_up_on_rehearsed_release(lambda release: draw_here(release, release))


def paints_elsewhere() -> bool:
    """Whether this run has a serve's painter to draw its report (then worth asking for while the
    tables are still being staged: newswire.release.StagedAhead; drawn here, it would take the
    flow process's time)."""
    return run_services.offered(PAINTER_SERVICE)


def draw(staging_dir: Path, previous_dir: Path | None, arrival: Arrival | None = None):
    """newswire.report.draw(staging_dir, previous_dir, arrival), in the serve's painter when it answers."""
    from newswire.report import draw as draw_here

    connection = run_services.connect(PAINTER_SERVICE, log)
    if connection is not None:
        with connection:
            try:
                connection.send((staging_dir, previous_dir, arrival))
                drawn, value = connection.recv()
            except (OSError, EOFError) as error:  # the painter died: draw here
                log.warning("%s did not answer (%s: %s)", PAINTER_SERVICE.label, type(error).__name__, error)
            else:
                if drawn:
                    return value
                raise value
    return draw_here(staging_dir, previous_dir, arrival)


__all__ = ["PAINTER_SERVICE", "draw", "painter_service", "paints_elsewhere"]
