"""`newswire serve`'s report painter: the served runs' reports drawn in one process that outlives
them, the same page as drawn in the run, its failures raised in the run, and a run whose painter is
gone drawing its report itself. On the sample release's tables (the painter forks from the fork
server: it sees the real schemas)."""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

import pytest

from newswire import report, report_painter
from newswire.release import publish
from newswire.report import REPORT_FOLDER, REPORT_FILE

PAINTER = report_painter.PAINTER_SERVICE


def _not_here(*args, **kwargs):
    raise AssertionError("the report was drawn in the run's process")


def _niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def _page(release: Path) -> str:
    """The report without what differs between two releases of the same tables (names, times)."""
    page = (release / REPORT_FOLDER / REPORT_FILE).read_text(encoding="utf-8")
    return re.sub(r"\d{8}T\d{6}Z-[0-9a-f]{8}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[^;<]*", "T", page)


def test_the_served_runs_share_one_painter_that_outlives_each_run(sample_tables, fork_server, tmp_path: Path, monkeypatch):
    here = publish(sample_tables, tmp_path / "here", {}).path
    changed = dict(sample_tables, boilerplate=sample_tables["boilerplate"].iloc[1:].reset_index(drop=True))
    here_again = publish(changed, tmp_path / "here", {}).path
    monkeypatch.setattr(report, "draw", _not_here)  # here only: the painter forked before
    with report_painter.painter_service():
        assert os.environ[PAINTER.address_variable]
        served = publish(sample_tables, tmp_path / "served", {}).path
        served_again = publish(changed, tmp_path / "served", {}).path
        painters = [child for child in multiprocessing.active_children() if child.name == PAINTER.name]
        assert len(painters) == 1 and painters[0].is_alive()
        # it leaves the cores to the checker and the run first
        assert _niceness(painters[0].pid) == min(19, _niceness(os.getpid()) + report_painter.PAINTER_NICENESS)
    assert not painters[0].is_alive()
    assert PAINTER.address_variable not in os.environ and PAINTER.key_variable not in os.environ
    assert _page(served) == _page(here)
    assert _page(served_again) == _page(here_again) and "<svg" in _page(served_again)


def test_a_drawing_that_fails_in_the_painter_fails_the_run(sample_tables, fork_server, tmp_path: Path):
    previous = publish(sample_tables, tmp_path / "out", {}).path
    (previous / "actors.parquet").write_bytes(b"not parquet")
    with pytest.raises(Exception) as here:
        report.draw(previous, previous)
    with report_painter.painter_service():
        with pytest.raises(type(here.value)) as served:
            report_painter.draw(previous, previous)
    assert str(served.value) == str(here.value) and "actors.parquet" in str(served.value)


def test_a_run_whose_painter_is_gone_draws_its_report_itself(sample_tables, tmp_path: Path, monkeypatch, caplog):
    monkeypatch.setenv(PAINTER.address_variable, str(tmp_path / "no-such-socket"))
    monkeypatch.setenv(PAINTER.key_variable, "00" * 32)
    with caplog.at_level("WARNING", logger="newswire.report_painter"):
        release = publish(sample_tables, tmp_path / "out", {}).path
    assert "<svg" in _page(release)
    assert "report painter did not answer (FileNotFoundError" in caplog.text


def test_the_painter_starts_with_each_kind_of_chart_the_report_draws(monkeypatch):
    import inspect

    drawn = []
    monkeypatch.setattr(report, "render_svg", lambda chart: drawn.append(chart.to_dict()))
    report_painter._draw_each_kind()
    kinds = {name for name, _ in inspect.getmembers(report, inspect.isfunction)
             if "render_svg(" in inspect.getsource(getattr(report, name)) and name != "render_svg"}
    assert kinds == {"bar_chart", "time_chart", "heatmap"}  # a new kind of chart: draw it at the start too
    assert [chart.get("mark", {}).get("type") for chart in drawn] == ["bar", "bar", "bar", None]
    assert "color" in drawn[2]["encoding"] and [layer["mark"]["type"] for layer in drawn[3]["layer"]] == ["rect", "text"]


def test_serve_s_variables_are_set_while_serving_and_the_earlier_ones_back_after(monkeypatch):
    from newswire.run_services import environment

    monkeypatch.setenv("NEWSWIRE_TEST_KEPT", "earlier")
    monkeypatch.delenv("NEWSWIRE_TEST_NEW", raising=False)
    with environment({"NEWSWIRE_TEST_KEPT": None, "NEWSWIRE_TEST_NEW": "while serving"}):
        assert "NEWSWIRE_TEST_KEPT" not in os.environ and os.environ["NEWSWIRE_TEST_NEW"] == "while serving"
    assert os.environ["NEWSWIRE_TEST_KEPT"] == "earlier" and "NEWSWIRE_TEST_NEW" not in os.environ
