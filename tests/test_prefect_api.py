"""One Prefect API per run: the server newswire starts when none is configured, and its failures."""

from __future__ import annotations

import os
import sys

import pytest

from newswire import prefect_api


def test_a_configured_api_is_used_and_nothing_is_started(monkeypatch):
    monkeypatch.setenv(prefect_api.API_URL_VARIABLE, "http://example.invalid/api")
    monkeypatch.setattr(prefect_api.subprocess, "Popen", lambda *a, **k: pytest.fail("started a server"))
    with prefect_api.local_server() as url:
        assert url == "http://example.invalid/api"
    assert os.environ[prefect_api.API_URL_VARIABLE] == "http://example.invalid/api"


def test_a_server_that_exits_is_one_clear_error(monkeypatch):
    monkeypatch.delenv(prefect_api.API_URL_VARIABLE, raising=False)
    monkeypatch.setattr(prefect_api, "_embedded_server_command", lambda port: [
        sys.executable, "-c", "import sys; print('database is locked', file=sys.stderr); sys.exit(3)"])
    with pytest.raises(prefect_api.ServerDidNotStart, match="exited with code 3.*database is locked"):
        with prefect_api.local_server(timeout=30):
            pytest.fail("entered without a server")
    assert prefect_api.API_URL_VARIABLE not in os.environ


def test_a_server_that_never_answers_times_out_and_is_stopped(monkeypatch):
    monkeypatch.delenv(prefect_api.API_URL_VARIABLE, raising=False)
    started = []
    real_popen = prefect_api.subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(prefect_api.subprocess, "Popen", popen)
    monkeypatch.setattr(prefect_api, "_embedded_server_command",
                        lambda port: [sys.executable, "-c", "import time; time.sleep(60)"])
    with pytest.raises(prefect_api.ServerDidNotStart, match="did not answer .* within 1 s"):
        with prefect_api.local_server(timeout=1):
            pytest.fail("entered without a server")
    assert started and started[0].poll() is not None  # stopped, not left running


def test_a_real_server_answers_and_is_stopped_on_exit(tmp_path, monkeypatch):
    monkeypatch.delenv(prefect_api.API_URL_VARIABLE, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / ".prefect"))
    import httpx

    with prefect_api.local_server(timeout=120) as url:
        assert os.environ[prefect_api.API_URL_VARIABLE] == url
        assert httpx.get(f"{url}/health", timeout=10).status_code == 200
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{url}/health", timeout=2)


def test_a_server_starts_only_when_no_other_run_of_the_project_is_starting_one(tmp_path, monkeypatch):
    """Two runs started at once took turns, not one SQLite database at once (one could fail)."""
    import fcntl
    import threading

    monkeypatch.delenv(prefect_api.API_URL_VARIABLE, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / ".prefect"))
    started = threading.Event()
    monkeypatch.setattr(prefect_api.subprocess, "Popen", lambda *a, **k: started.set() or pytest.fail("started"))
    (tmp_path / ".prefect").mkdir()
    with open(tmp_path / ".prefect" / prefect_api.SERVER_START_LOCK, "a+b") as other_run:
        fcntl.flock(other_run, fcntl.LOCK_EX)  # another run's server is starting

        def start():
            with pytest.raises(BaseException), prefect_api.local_server(timeout=1):
                pass

        starting = threading.Thread(target=start)
        starting.start()
        assert not started.wait(1.5)  # waits its turn
        fcntl.flock(other_run, fcntl.LOCK_UN)
        starting.join(10)
    assert started.is_set() and not starting.is_alive()
