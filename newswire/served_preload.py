"""Imported once by `newswire serve`'s fork server after newswire.worker_preload (the pipeline and
the model): what a scheduled run loads on first use besides, Great Expectations included, and a
rehearsal of a small run's stages (newswire.rehearsal), so that every run forked from the server
starts with them (newswire.served_runs).

Then every object the server holds is frozen out of the cyclic collector's reach (gc.freeze, as
Python's documentation advises before forking without exec): a run's full collections then walk
only what the run made, not the modules and the model it inherited, and do not write into the
inherited pages (each write would copy a page the run shares with the server). A failure of the
rehearsal is left for the run that meets it."""

import contextlib
import gc

from newswire.stages import load_what_runs_use

load_what_runs_use(suites_here=True)
with contextlib.suppress(Exception):
    from newswire.rehearsal import rehearse

    rehearse()
gc.collect()
gc.freeze()
