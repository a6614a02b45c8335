"""A release staged as corpus resolution makes its tables (newswire.release.StagedAhead): the
suites check each table as it comes, and the release is the one a run staging it all at the end
would publish."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from newswire import extract, gx_validation, release, stages, validation
from newswire.gx_validation import tables_in_turn, tables_read_by, validate_release
from newswire.release import ABANDONED_MARK, Arrival, StagedAhead, read_table, staged_ahead, write_table
from newswire.registry import Registries
from newswire.release_errors import StagingAbandoned
from schemas import TABLES


def _stage_slowly(tables: dict[str, pd.DataFrame], folder: Path, order: list[str], pause: float = 0.05) -> threading.Thread:
    """Write the tables into folder one by one, in order, as corpus resolution would."""
    def write() -> None:
        for table in order:
            time.sleep(pause)
            write_table(tables[table], table, folder / f".{table}.partial")
            os.replace(folder / f".{table}.partial", folder / f"{table}.parquet")

    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_each_table_is_checked_once_it_and_the_tables_its_rules_read_are_staged(sample_tables, tmp_path):
    order = ["events", "actors", "mentions", "boilerplate", "quarantine", "event_mentions", "quotes",
             "quote_clusters", "id_history", "articles"]
    assert sorted(order) == sorted(sample_tables)
    writer = _stage_slowly(sample_tables, tmp_path, order)
    turns = []
    for table, loaded in tables_in_turn(tmp_path, Arrival(tuple(TABLES), os.getpid())):
        assert table in loaded and tables_read_by(table) <= loaded.keys()
        turns.append(table)
    writer.join()
    assert sorted(turns) == sorted(order)
    # what reads no article is checked before the articles, staged last, are there; the rest after, in schema order
    assert set(turns[:5]) == {"actors", "quarantine", "events", "quote_clusters", "id_history"}
    assert turns[5:] == ["articles", "boilerplate", "mentions", "quotes", "event_mentions"]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_tables_derived_checks_read_only_the_tables_it_waits_for(sample_tables, table):
    """Otherwise a table checked as it arrives would miss a table its rules read (and fail them)."""
    needed = {name: df for name, df in sample_tables.items() if name == table or name in tables_read_by(table)}
    alone = gx_validation.derived_checks(table, needed)
    whole = gx_validation.derived_checks(table, sample_tables)
    assert alone.keys() == whole.keys()
    for column, (name, values, share) in whole.items():
        assert alone[column][0] == name and alone[column][2] == share
        assert alone[column][1].equals(values), column


def test_suites_over_a_release_being_staged_find_what_they_find_over_the_staged_release(sample_tables, tmp_path):
    staged, arriving = tmp_path / "staged", tmp_path / "arriving"
    staged.mkdir()
    arriving.mkdir()
    for table, df in sample_tables.items():
        write_table(df, table, staged / f"{table}.parquet")
    writer = _stage_slowly(sample_tables, arriving, list(reversed(list(sample_tables))))
    as_they_come = validate_release(arriving, None, tmp_path / "docs_arriving", Arrival(tuple(TABLES), os.getpid()))
    writer.join()
    at_once = validate_release(staged, None, tmp_path / "docs_staged")
    assert as_they_come.success and at_once.success
    assert list(as_they_come.tables) == list(at_once.tables) == [t for t in TABLES if t in sample_tables]
    assert as_they_come.summary() == at_once.summary()
    assert as_they_come.docs_index is not None and as_they_come.docs_index.exists()


_VARYING = re.compile(r"\d{8}T\d{6}\.\d+Z|\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?|\d{2}:\d{2}:\d{2}|\d{10}\.\d+"
                      r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


_INDEX_ROWS = re.compile(r"(\s*data: \[\{)(.*)(\}\],?\s*)$")


def _site(docs: Path) -> dict[str, str]:
    """Each page of a Data Docs site by its path, run times and GX's random element ids left out
    (and the index's rows sorted: it lists the results by run time, and tables staged in another
    order are checked in another)."""
    def page(path: Path) -> str:
        lines = _VARYING.sub("", path.read_text(encoding="utf-8")).splitlines()
        return "\n".join(rows.group(1) + "}, {".join(sorted(rows.group(2).split("}, {"))) + rows.group(3)
                         if (rows := _INDEX_ROWS.match(line)) else line for line in lines)

    return {_VARYING.sub("", str(path.relative_to(docs))): page(path) for path in sorted(docs.rglob("*.html"))}


def test_data_docs_built_a_page_at_a_time_while_waiting_are_the_site_built_at_once(sample_tables, tmp_path, monkeypatch):
    built_waiting = []
    build_waiting = gx_validation.DocsAhead.build_waiting
    monkeypatch.setattr(gx_validation.DocsAhead, "build_waiting",
                        lambda self: build_waiting(self) and not built_waiting.append(1))
    staged, arriving = tmp_path / "staged", tmp_path / "arriving"
    staged.mkdir()
    arriving.mkdir()
    for table, df in sample_tables.items():
        write_table(df, table, staged / f"{table}.parquet")
    writer = _stage_slowly(sample_tables, arriving, list(sample_tables), pause=0.3)
    validate_release(arriving, None, tmp_path / "docs_arriving", Arrival(tuple(TABLES), os.getpid()))
    writer.join()
    validate_release(staged, None, tmp_path / "docs_staged")
    assert built_waiting  # pages were built in the waits
    as_they_come, at_once = _site(tmp_path / "docs_arriving"), _site(tmp_path / "docs_staged")
    assert "index.html" in at_once and len(at_once) == 1 + 2 * len(sample_tables)  # a suite page and a result page each
    assert as_they_come == at_once


def test_arrivals_do_the_work_given_instead_of_waiting(sample_tables, tmp_path):
    work, asked_after_done = [1, 2, 3], []

    def meanwhile() -> bool:
        if work:
            work.pop()
            return True
        asked_after_done.append(1)
        return False

    writer = _stage_slowly(sample_tables, tmp_path, ["articles"], pause=0.3)
    assert list(release.arrivals(tmp_path, Arrival(("articles",), os.getpid()), meanwhile)) == [["articles"]]
    writer.join()
    assert not work and asked_after_done  # all done in the wait, which went on as ever once there was none


def test_a_check_waiting_for_tables_ends_when_the_run_abandons_the_folder(sample_tables, tmp_path):
    write_table(sample_tables["boilerplate"], "boilerplate", tmp_path / "boilerplate.parquet")
    threading.Timer(0.2, lambda: (tmp_path / ABANDONED_MARK).touch()).start()
    with pytest.raises(StagingAbandoned, match="gave it up"):
        list(tables_in_turn(tmp_path, Arrival(tuple(TABLES), os.getpid())))


def test_a_check_waiting_for_tables_ends_when_the_run_staging_them_is_gone(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with pytest.raises(StagingAbandoned, match=f"pid {gone.stdout.strip()}"):
        list(tables_in_turn(tmp_path, Arrival(("articles",), int(gone.stdout))))


def _checks_recorded():
    calls = []

    def check(staging, previous, arrival=None):
        calls.append(arrival)
        if arrival is not None:  # wait for every table, as the suites do
            for _ in tables_in_turn(staging, arrival):
                pass
        return {"outcome": "passed"}

    return check, calls


def test_a_release_staged_ahead_is_the_release_staged_at_the_end(sample_tables, tmp_path):
    check, calls = _checks_recorded()
    at_end = release.publish(sample_tables, tmp_path / "at_end", {}, check_staged=check,
                             validate=validation.validate_for_release)
    out = tmp_path / "ahead"
    out.mkdir()
    with staged_ahead(out, check) as ahead:
        for table, df in sample_tables.items():
            ahead.stage(table, df)
        inodes = {table: (ahead.path / f"{table}.parquet").stat().st_ino for table in sample_tables}
        result = release.publish(sample_tables, out, {}, check_staged=check,
                                 validate=validation.validate_for_release, ahead=ahead)
    assert [call is None for call in calls] == [True, False]  # asked once ahead, not again
    assert result.created
    assert {table: (result.path / f"{table}.parquet").stat().st_ino for table in sample_tables} == inodes  # not written again
    manifests = [json.loads((path / release.MANIFEST).read_text()) for path in (at_end.path, result.path)]
    assert manifests[0]["fingerprint"] == manifests[1]["fingerprint"]
    assert manifests[0]["tables"] == manifests[1]["tables"]
    assert not list(out.glob(release.STAGING_PREFIX + "*"))


def test_tables_changed_after_staging_are_written_again(sample_tables, tmp_path):
    check, _ = _checks_recorded()
    with staged_ahead(tmp_path, check) as ahead:
        for table, df in sample_tables.items():
            ahead.stage(table, df)
        fewer = sample_tables["quotes"].iloc[:-1].reset_index(drop=True)
        tables = {**sample_tables, "quotes": fewer}
        result = release.publish(tables, tmp_path, {}, check_staged=check, validate=validation.validate_for_release,
                                 ahead=ahead)
    assert len(read_table(result.path / "quotes.parquet")) == len(fewer)


def test_a_run_that_stops_before_publishing_leaves_no_staging_and_no_check_waiting(sample_tables, tmp_path):
    ended = threading.Event()
    raised = []

    def check(staging, previous, arrival):
        try:
            list(tables_in_turn(staging, arrival))
        except StagingAbandoned as error:
            raised.append(error)
        ended.set()
        return {}

    with pytest.raises(RuntimeError, match="corpus resolution failed"):
        with staged_ahead(tmp_path, check) as ahead:
            ahead.stage("boilerplate", sample_tables["boilerplate"])
            raise RuntimeError("corpus resolution failed")
    assert ended.is_set() and raised  # the check ended before the block did
    assert not ahead.path.exists()


def test_a_publish_retried_after_a_failure_stages_afresh(sample_tables, tmp_path, monkeypatch):
    check, _ = _checks_recorded()
    written = release._write_staged
    failures = iter([OSError("disk hiccup")])

    def failing_once(df, table, staging):
        if table == "quotes" and (failure := next(failures, None)):
            raise failure
        return written(df, table, staging)

    monkeypatch.setattr(release, "_write_staged", failing_once)
    with staged_ahead(tmp_path, check) as ahead:
        ahead.stage("articles", sample_tables["articles"])
        with pytest.raises(OSError, match="disk hiccup"):
            release.publish(sample_tables, tmp_path, {}, check_staged=check, validate=validation.validate_for_release,
                            ahead=ahead)
        assert not ahead.path.exists()
        result = release.publish(sample_tables, tmp_path, {}, check_staged=check,
                                 validate=validation.validate_for_release, ahead=ahead)
    assert result.created and (result.path / "quotes.parquet").exists()


def test_tables_identical_to_the_latest_release_stop_the_checks_ahead_and_publish_nothing(sample_tables, tmp_path):
    check, _ = _checks_recorded()
    first = release.publish(sample_tables, tmp_path, {}, check_staged=check, validate=validation.validate_for_release)
    checked, ended, stopped = [], [], threading.Event()

    def slow_check(staging, previous, arrival=None):
        try:
            for table, _ in tables_in_turn(staging, arrival):
                checked.append(table)
                time.sleep(0.2)
        except StagingAbandoned:
            ended.append(staging.exists())  # the folder is still there for the check to end in
            stopped.set()
            raise
        return {"outcome": "passed"}

    def validate(tables):
        # the checks ahead are told to stop as soon as the tables are known, not after validation
        assert stopped.wait(10), "the checks ahead ran on while validation ran"
        return validation.validate_for_release(tables)

    with staged_ahead(tmp_path, slow_check) as ahead:
        for table, df in sample_tables.items():
            ahead.stage(table, df)
        again = release.publish(sample_tables, tmp_path, {}, check_staged=slow_check, validate=validate, ahead=ahead)
    assert not again.created and again.version == first.version
    assert ended == [True] and len(checked) < len(sample_tables)  # stopped at a table's end, not run through
    assert not ahead.path.exists()


@pytest.fixture(scope="module")
def seed_extractions(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("ahead") / "raw"
    shutil.copytree(seeds_dir, raw)
    files, rejected = stages.discover_inputs(raw)
    structured = stages.structure_batch(files)
    spine = stages.spine_tables(stages.clean_corpus(structured.articles), rejected + structured.quarantine)
    return spine, extract.extract_batch(stages.extraction_inputs(spine["articles"]), None)


def test_corpus_resolution_stages_each_table_once_as_the_very_frame_it_returns(seed_extractions):
    spine, extracted = seed_extractions
    staged: dict[str, pd.DataFrame] = {}

    def stage(table: str, frame: pd.DataFrame) -> None:
        assert table not in staged
        staged[table] = frame

    made = stages.corpus_tables(spine, extracted, Registries.empty(), stage=stage)
    assert staged.keys() == made.keys() == set(TABLES)
    assert all(staged[table] is made[table] for table in made)


def test_the_run_stages_ahead_with_the_suites_asked_at_once_when_they_run_in_a_checker(tmp_path, monkeypatch):
    from newswire import staged_checks

    asked = []
    monkeypatch.setattr(staged_checks, "checks_elsewhere", lambda: True)
    monkeypatch.setattr(staged_checks, "check_staged",
                        lambda staging, previous, arrival=None, accept_drift=False: asked.append((arrival, accept_drift)) or {})
    with stages.staging_ahead(tmp_path, 0, accept_drift=True) as ahead:
        assert isinstance(ahead, StagedAhead)
    assert asked == [(Arrival(tuple(TABLES), os.getpid()), True)]


def test_a_report_drawn_as_the_tables_are_staged_is_the_report_of_the_staged_release(sample_tables, sample_release,
                                                                                    tmp_path):
    from newswire.report import draw

    changed = {**sample_tables, "quotes": sample_tables["quotes"].iloc[1:].reset_index(drop=True)}
    staged, arriving = tmp_path / "staged", tmp_path / "arriving"
    staged.mkdir()
    arriving.mkdir()
    for table, df in changed.items():
        write_table(df, table, staged / f"{table}.parquet")
    writer = _stage_slowly(changed, arriving, list(changed))
    as_they_come = draw(arriving, sample_release, Arrival(tuple(TABLES), os.getpid()))
    writer.join()
    at_once = draw(staged, sample_release)
    assert as_they_come == at_once
    assert "<bdi>1</bdi></td>" in as_they_come.before_validation[0].body  # the quote removed is counted


def test_serve_s_painter_is_asked_to_draw_ahead_and_a_run_without_one_draws_at_publishing(tmp_path, monkeypatch):
    from newswire import report_painter

    asked = []
    monkeypatch.setattr(report_painter, "draw", lambda staging, previous, arrival=None: asked.append(arrival))
    for offered in (False, True):
        monkeypatch.setattr(report_painter, "paints_elsewhere", lambda: offered)
        with stages.staging_ahead(tmp_path, 0) as ahead:
            assert (ahead.drawing is not None) == offered
    assert asked == [Arrival(tuple(TABLES), os.getpid())]


class _Recording(dict):
    """The tables, noting which a section asks for (however it asks)."""

    def __init__(self, tables) -> None:
        super().__init__(tables)
        self.asked: set[str] = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.asked.add(key)
        return super().__contains__(key)


@pytest.mark.parametrize("section", ["articles_section", "actors_section", "speakers_section", "statements_section",
                                     "events_sections", "quarantine_section"])
def test_each_section_of_the_report_reads_only_the_tables_it_is_drawn_after(sample_tables, section):
    from newswire import report

    build = getattr(report, section)
    tables = _Recording(sample_tables)
    whole = build(tables)
    assert tables.asked and tables.asked <= report.SECTION_TABLES[build]
    assert build({t: sample_tables[t] for t in report.SECTION_TABLES[build]}) == whole
    assert set(report.SECTION_TABLES) == {*report.SECTION_BUILDERS, report.events_sections, report.quarantine_section}


def test_a_service_whose_run_left_before_its_answer_goes_on_serving():
    from multiprocessing import Pipe

    from newswire.run_services import answer_requests

    ours, theirs = Pipe()
    ours.send(("staging", "previous"))
    ours.close()  # the run is gone before the answer
    # returns (serve's loop then takes the next run's connection) instead of raising out of the service
    answer_requests(theirs, lambda *request: time.sleep(0.05) or "drawn")


@pytest.mark.parametrize("emptied", [None, "quotes"])
def test_checks_prepared_from_the_previous_release_check_as_checks_made_when_the_tables_come(
        sample_tables, sample_release, tmp_path, monkeypatch, emptied):
    """newswire serve's checker prepares the next run's checks between runs: each table's suite made
    from the previous release's table, and its page. A table whose rules are the same keeps it; one
    whose rules differ (its previous table was empty: no null-share rules) gets its suite made
    afresh. The reports and the sites are those of checks made when the tables come."""
    from synthetic_release import write_release

    previous = sample_release if emptied is None else \
        write_release(tmp_path / "previous", {**sample_tables, emptied: sample_tables[emptied].iloc[:0]})
    made_now = {}
    definition = gx_validation.SuitesAhead.definition

    def definition_recorded(self, table, rules):
        made = definition(self, table, rules)
        made_now[table] = made[1]
        return made

    monkeypatch.setattr(gx_validation.SuitesAhead, "definition", definition_recorded)
    staged, arriving = tmp_path / "staged", tmp_path / "arriving"
    staged.mkdir()
    arriving.mkdir()
    for table, df in sample_tables.items():
        write_table(df, table, staged / f"{table}.parquet")
    gx_validation.prepare_next_checks(previous)
    site = gx_validation._prepared.site
    assert sorted(gx_validation._prepared.suites.ahead) == sorted(sample_tables)
    writer = _stage_slowly(sample_tables, arriving, list(sample_tables))
    as_they_come = validate_release(arriving, previous, tmp_path / "docs_arriving", Arrival(tuple(TABLES), os.getpid()))
    writer.join()
    assert made_now == {table: table == emptied for table in sample_tables}
    assert gx_validation._prepared is None and not site.exists()  # taken, and its folder copied and removed
    at_once = validate_release(staged, previous, tmp_path / "docs_staged")
    assert made_now == {table: True for table in sample_tables}
    assert as_they_come.summary() == at_once.summary()
    assert _site(tmp_path / "docs_arriving") == _site(tmp_path / "docs_staged")


def test_checks_prepared_against_another_release_are_discarded(sample_tables, sample_release, tmp_path):
    from synthetic_release import write_release

    other = write_release(tmp_path / "other", sample_tables)
    gx_validation.prepare_next_checks(other)
    site = gx_validation._prepared.site
    arriving = tmp_path / "arriving"
    arriving.mkdir()
    writer = _stage_slowly(sample_tables, arriving, list(sample_tables))
    report = validate_release(arriving, sample_release, tmp_path / "docs", Arrival(tuple(TABLES), os.getpid()))
    writer.join()
    assert report.docs_index is not None and gx_validation._prepared is None and not site.exists()
    assert report.summary() == validate_release(arriving, sample_release, tmp_path / "docs_again").summary()


def test_the_served_checker_prepares_the_next_runs_checks_against_the_latest_release(sample_release, tmp_path):
    from newswire import staged_checks

    out = tmp_path / "processed"
    out.mkdir()
    shutil.copytree(sample_release, out / sample_release.name)
    os.symlink(sample_release.name, out / "latest")
    try:
        staged_checks._prepare_after(out / ".staging-of-a-run")
        assert gx_validation._prepared is not None
        assert gx_validation._prepared.previous_dir == (out / sample_release.name).resolve()
    finally:
        gx_validation.discard_prepared()
    staged_checks._prepare_after(tmp_path / "nothing published" / ".staging")
    assert gx_validation._prepared is None
