"""Imported once by the local task runner's fork server (newswire.worker_pool): what every worker
needs before its first task, the pipeline's modules and the spaCy model with the extractors'
tables. A failure here is left for the worker's own first load, where it is reported."""

import contextlib

import flows.pipeline  # noqa: F401  (the tasks, Prefect's task engine, spaCy, the stages)
import prefect.task_engine  # noqa: F401

from newswire import extract

with contextlib.suppress(Exception):
    extract.warm_up()
