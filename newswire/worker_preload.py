"""Imported once by the local task runner's fork server (newswire.worker_pool): what every worker
needs before its first task, the pipeline's modules and the spaCy model with the extractors'
tables. A failure here is left for the worker's own first load, where it is reported. The server
itself leaves without tearing its heap down (newswire.process_exit): the command waits for it
at the end of a run, ~0.9 s for a normal interpreter exit; its forked children end with
os._exit, as multiprocessing ends them, whatever it registers."""

import contextlib

import flows.pipeline  # noqa: F401  (the tasks, Prefect's task engine, spaCy, the stages)
import prefect.task_engine  # noqa: F401

from newswire import extract
from newswire.process_exit import leave_without_teardown

leave_without_teardown()
with contextlib.suppress(Exception):
    extract.warm_up()
