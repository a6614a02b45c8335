"""The suites in the checker process: the same manifest entry as in the flow process, a blocked
release raised in the run, a dead checker replaced by the suites in-process, no process left, and
no checker without the workers' fork server, none before it is started, a start near the
extraction's end, and `newswire serve`'s one checker for all its runs. On the sample release's tables (the checker forks
from the fork server: it sees the real schemas, not a test's stand-ins)."""

from __future__ import annotations

import functools
import multiprocessing
import os
from pathlib import Path

import pandas as pd
import pytest

from newswire import gx_validation, staged_checks, worker_pool
from newswire.release import latest_release, publish, read_manifest
from newswire.validation import ReleaseBlocked


def _shrunk(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Most boilerplate rows gone: a drift rule fails (row count vs the previous release)."""
    assert len(tables["boilerplate"]) >= 3
    return dict(tables, boilerplate=tables["boilerplate"].iloc[:1].reset_index(drop=True))


def _not_here(*args, **kwargs):
    raise AssertionError("the suites ran in the flow process")


def test_the_checker_process_runs_the_suites_and_the_run_logs_the_waived_rules(sample_tables, fork_server, tmp_path: Path,
                                                                                monkeypatch, caplog):
    alone, out = tmp_path / "alone", tmp_path / "processed"
    publish(sample_tables, alone, {})
    publish(sample_tables, out, {})
    expected = read_manifest(publish(_shrunk(sample_tables), alone, {}, check_staged=functools.partial(
        gx_validation.check_staged, accept_drift=True)).path)["validation"]
    assert expected["outcome"] == "passed with accepted drift"
    with staged_checks.checker_ahead() as start:
        start.start()
        checker = staged_checks._checker.process
        monkeypatch.setattr(gx_validation, "check_staged", _not_here)  # here only: the checker forked before
        with caplog.at_level("WARNING", logger="newswire.validation"):
            result = publish(_shrunk(sample_tables), out, {},
                             check_staged=functools.partial(staged_checks.check_staged, accept_drift=True))
        duplicated = dict(sample_tables, boilerplate=sample_tables["boilerplate"].iloc[[0, 0]].reset_index(drop=True))
        with pytest.raises(ReleaseBlocked, match="boilerplate_id: unique"):
            publish(duplicated, out, {}, check_staged=staged_checks.check_staged)
    assert not checker.is_alive() and staged_checks._checker is None
    entry = read_manifest(result.path)["validation"]
    assert {key: entry[key] for key in ("outcome", "accepted_drift", "great_expectations")} \
        == {key: expected[key] for key in ("outcome", "accepted_drift", "great_expectations")}
    assert (result.path / entry["data_docs"]).is_file()
    assert "--accept-drift: 1 drift rule(s) waived" in caplog.text
    assert latest_release(out) == result.path


def test_a_dead_checker_leaves_the_suites_to_the_flow_process(sample_tables, fork_server, tmp_path: Path):
    with staged_checks.checker_ahead() as start:
        start.start()
        staged_checks._checker.process.kill()
        staged_checks._checker.process.join()
        result = publish(sample_tables, tmp_path, {}, check_staged=staged_checks.check_staged)
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"


def test_without_the_fork_server_the_suites_run_in_the_flow_process(sample_tables, tmp_path: Path):
    worker_pool.stop_fork_server()
    with staged_checks.checker_ahead() as start:
        assert start.near_end([[1, 2], [3]]) is None
        start.start()
        assert staged_checks._checker is None
        result = publish(sample_tables, tmp_path, {}, check_staged=staged_checks.check_staged)
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"


def test_a_checker_never_started_leaves_the_suites_to_the_flow_process(sample_tables, fork_server, tmp_path: Path):
    with staged_checks.checker_ahead() as start:
        assert start.near_end([]) is not None and staged_checks._checker is None
        result = publish(sample_tables, tmp_path, {}, check_staged=staged_checks.check_staged)
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"


def test_the_checker_starts_once_when_the_batches_left_would_take_the_lead_or_less():
    now, started = [0.0], []
    near_end = staged_checks.NearEnd([4, 4, 2, 2, 1, 1], lead=3.0, start=lambda: started.append(now[0]),
                                     clock=lambda: now[0])
    # (time, batch): after batch 3, 12 items in 16 s = 0.75 a second, and 2 left take 2.7 s
    for now[0], index in ((10.0, 0), (10.0, 1), (15.0, 2), (16.0, 3), (17.0, 4), (17.5, 5)):
        near_end.on_finished(index)
    assert started == [16.0]


def test_a_run_without_workers_spawns_its_checker_only_over_a_large_latest_release(sample_release: Path, tmp_path,
                                                                                  monkeypatch):
    out = sample_release.parent
    assert not staged_checks.spawns_checker(tmp_path / "no releases yet", expects_workers=False)
    assert not staged_checks.spawns_checker(out, expects_workers=False)  # the sample: a handful of articles
    monkeypatch.setattr(staged_checks, "SPAWNED_CHECKER_ARTICLES", 0)
    assert staged_checks.spawns_checker(out, expects_workers=False)
    assert not staged_checks.spawns_checker(out, expects_workers=True)  # then it forks near the extraction's end


def test_the_spawned_checker_runs_the_suites(sample_tables, sample_release: Path, tmp_path: Path, monkeypatch):
    worker_pool.stop_fork_server()
    monkeypatch.setattr(staged_checks, "SPAWNED_CHECKER_ARTICLES", 0)
    with staged_checks.checker_ahead(sample_release.parent) as start:
        checker = staged_checks._checker.process
        assert start.near_end([[1]]) is None
        monkeypatch.setattr(gx_validation, "check_staged", _not_here)  # a fresh interpreter: not there
        result = publish(sample_tables, tmp_path, {}, check_staged=staged_checks.check_staged)
    assert not checker.is_alive() and staged_checks._checker is None
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"


@pytest.mark.parametrize("spawned", [False, True])
def test_a_checker_that_cannot_start_leaves_the_suites_to_the_flow_process(sample_tables, sample_release: Path, tmp_path: Path,
                                                                           monkeypatch, caplog, spawned):
    if spawned:
        worker_pool.stop_fork_server()
        monkeypatch.setattr(staged_checks, "SPAWNED_CHECKER_ARTICLES", 0)
    else:
        worker_pool.start_preloading()

    def no_process(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(staged_checks._Checker, "__init__", no_process)
    try:
        with caplog.at_level("WARNING", logger="newswire.staged_checks"):
            with staged_checks.checker_ahead(sample_release.parent) as start:
                start.start()
                assert staged_checks._checker is None
                result = publish(sample_tables, tmp_path, {}, check_staged=staged_checks.check_staged)
    finally:
        worker_pool.stop_fork_server()
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"
    assert "checker process did not start (OSError" in caplog.text


def test_the_served_runs_share_one_checker_that_outlives_each_run(sample_tables, fork_server, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(gx_validation, "check_staged", _not_here)  # here only: the service forked before
    with staged_checks.checker_service():
        assert os.environ[staged_checks.SERVICE_ADDRESS]
        for run in ("first", "second"):
            with staged_checks.checker_ahead(tmp_path / run) as start:
                assert isinstance(staged_checks._checker, staged_checks._ServedChecker)
                assert start.near_end([[1]]) is None  # no checker of the run's own, even with a fork server
                result = publish(sample_tables, tmp_path / run, {}, check_staged=staged_checks.check_staged)
            assert staged_checks._checker is None
            assert read_manifest(result.path)["validation"]["outcome"] == "passed"
        service = [child for child in multiprocessing.active_children() if child.name == "newswire checks"]
        assert len(service) == 1 and service[0].is_alive()
    assert not service[0].is_alive()
    assert staged_checks.SERVICE_ADDRESS not in os.environ and staged_checks.SERVICE_KEY not in os.environ


def test_a_run_whose_serve_checker_is_gone_checks_on_its_own(sample_tables, tmp_path: Path, monkeypatch, caplog):
    worker_pool.stop_fork_server()
    monkeypatch.setenv(staged_checks.SERVICE_ADDRESS, str(tmp_path / "no-such-socket"))
    monkeypatch.setenv(staged_checks.SERVICE_KEY, "00" * 32)
    with caplog.at_level("WARNING", logger="newswire.staged_checks"):
        with staged_checks.checker_ahead() as start:
            start.start()
            assert staged_checks._checker is None
            result = publish(sample_tables, tmp_path / "out", {}, check_staged=staged_checks.check_staged)
    assert read_manifest(result.path)["validation"]["outcome"] == "passed"
    assert "checker did not answer (FileNotFoundError" in caplog.text
