"""`newswire serve`'s flow runs fork from the preloaded fork server: Prefect's runner, which
starts each run with run_flow_in_subprocess in a "spawn" context, gets the fork server's context
while serving and its own again after, and a process forked from that server starts with the
pipeline, the model and Great Expectations already loaded. (tests/test_serve.py runs the whole
of `newswire serve`.)"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys

import prefect.flow_engine
import prefect.runner._starter_direct as direct_starter

from newswire import served_memory, served_runs, worker_pool


def _start_method_seen(flow, flow_run=None, parameters=None, wait_for=None, context=None, env=None):
    return flow, env, prefect.flow_engine.multiprocessing.get_context("spawn").get_start_method()


def test_while_serving_prefect_starts_flow_runs_from_the_fork_server(monkeypatch, tmp_path):
    real = direct_starter.run_flow_in_subprocess
    monkeypatch.setattr(prefect.flow_engine, "run_flow_in_subprocess", _start_method_seen)
    monkeypatch.setattr(served_runs, "start_preloading", lambda extra=(): None)
    monkeypatch.delenv(served_memory.RAW_VARIABLE, raising=False)
    monkeypatch.setenv(served_memory.CACHE_VARIABLE, "an earlier serve's cache")
    with served_runs.flow_runs_forked(tmp_path / "raw", None):
        assert direct_starter.run_flow_in_subprocess("flow", env={"A": "1"}) == ("flow", {"A": "1"}, "forkserver")
        # the fork server reads the cache entries of this serve's corpus, and with --no-cache none
        assert os.environ[served_memory.RAW_VARIABLE] == str(tmp_path / "raw")
        assert served_memory.CACHE_VARIABLE not in os.environ
    assert direct_starter.run_flow_in_subprocess is real
    assert prefect.flow_engine.multiprocessing.get_context("spawn").get_start_method() == "spawn"
    assert served_memory.RAW_VARIABLE not in os.environ
    assert os.environ[served_memory.CACHE_VARIABLE] == "an earlier serve's cache"


def _loaded(answer) -> None:
    from newswire import nlp

    answer.send([name in sys.modules for name in ("flows.pipeline", "great_expectations.expectations", "altair",
                                                  "newswire.rehearsal")]
                + [nlp.load_nlp.cache_info().currsize == 1, gc.get_freeze_count() > 0])


def test_a_served_run_starts_with_the_pipeline_the_model_and_the_suites_loaded_rehearsed_and_frozen(tmp_path):
    with served_runs.flow_runs_forked(tmp_path, tmp_path / "cache"):
        context = multiprocessing.get_context(worker_pool.START_METHOD)
        ours, theirs = context.Pipe()
        child = context.Process(target=_loaded, args=(theirs,))
        child.start()
        assert ours.recv() == [True] * 6
        child.join()
    assert not worker_pool.fork_server_running()


def test_serve_drops_the_runs_an_earlier_serve_left_scheduled_and_no_other(prefect_harness, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from prefect import flow, get_client
    from prefect.states import Completed, Scheduled

    @flow(name="served-flow")
    def served_flow(raw_dir: str = "raw") -> None:
        pass

    monkeypatch.setattr(served_runs, "DROP_PAGE", 2)  # more runs left than a page
    past = datetime.now(timezone.utc) - timedelta(minutes=5)
    with get_client(sync_client=True) as client:
        flow_id = client.create_flow(served_flow)
        served = client.create_deployment(flow_id, served_runs.SERVED_DEPLOYMENT, parameters={"raw_dir": "old"})
        other = client.create_deployment(flow_id, "by hand", parameters={"raw_dir": "old"})
        left = [client.create_flow_run_from_deployment(served, state=Scheduled(scheduled_time=past)).id
                for _ in range(3)]
        kept = [client.create_flow_run_from_deployment(served, state=Completed()).id,
                client.create_flow_run_from_deployment(other, state=Scheduled(scheduled_time=past)).id]
        assert served_runs.drop_runs_left_scheduled("served-flow") == 3
        assert served_runs.drop_runs_left_scheduled("served-flow") == 0
        remaining = {run.id for run in client.read_flow_runs()}
    assert not remaining & set(left) and set(kept) <= remaining
