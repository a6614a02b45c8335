"""Imported once by the local task runner's fork server (newswire.worker_pool): what every worker
needs before its first task, the pipeline's modules and the spaCy model with the extractors'
tables. A failure here is left for the worker's own first load, where it is reported. The server
itself leaves without tearing its heap down (newswire.process_exit): the command waits for it
at the end of a run, ~0.9 s for a normal interpreter exit; its forked children end with
os._exit, as multiprocessing ends them, whatever it registers.

Last, everything the server holds is frozen out of the cyclic collector's reach (gc.freeze, as
Python's documentation advises before forking without exec): a worker's collections then walk
only what its batches make, not the model and the modules it inherited, and leave the inherited
pages unwritten (a write copies a page the worker shares with the server). Parsing 300 BBC
articles in a forked worker: its collections 0.8 -> 0.33 s, its CPU 24.2 -> 22.7 s."""

import contextlib
import gc

import flows.pipeline  # noqa: F401  (the tasks, Prefect's task engine, spaCy, the stages)
import prefect.task_engine  # noqa: F401

from newswire import extract
from newswire.process_exit import leave_without_teardown

leave_without_teardown()
with contextlib.suppress(Exception):
    extract.warm_up()
gc.collect()
gc.freeze()
