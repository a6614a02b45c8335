"""Imported once by `newswire serve`'s fork server after newswire.worker_preload (the pipeline and
the model): what a scheduled run loads on first use besides, Great Expectations included, so that
every run forked from the server starts with it (newswire.served_runs)."""

from newswire.stages import load_what_runs_use

load_what_runs_use(suites_here=True)
