"""Imported once by `newswire serve`'s fork server after newswire.worker_preload (the pipeline and
the model): what a scheduled run loads on first use besides, Great Expectations included, and a
rehearsal of a small run's stages (newswire.rehearsal), and the cache entries of serve's corpus
(newswire.served_memory), so that every run forked from the server starts with them
(newswire.served_runs).

Then what these made is frozen with the rest (as newswire.worker_preload freezes the pipeline and
the model): a run's full collections walk only what the run makes. A failure of the rehearsal is
left for the run that meets it, as is a cache the server could not read."""

import contextlib
import gc

from newswire.stages import load_what_runs_use

load_what_runs_use(suites_here=True)
with contextlib.suppress(Exception):
    from newswire.rehearsal import rehearse

    rehearse()
with contextlib.suppress(Exception):
    from newswire.served_memory import remember_served_corpus

    remember_served_corpus()
gc.collect()
gc.freeze()
