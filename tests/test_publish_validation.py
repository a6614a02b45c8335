"""pandera validation runs while the staged release is checked and its report drawn
(newswire.release.publish): the release is the one validation decides on, whatever it does."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from newswire import release, validation
from newswire.release import BLOCKED_FOLDER, read_table, sha256_path
from newswire.staged_checks import check_staged


def _published_as_manifested(path: Path) -> dict:
    manifest = json.loads((path / release.MANIFEST).read_text())
    for table, entry in manifest["tables"].items():
        assert sha256_path(path / f"{table}.parquet") == entry["sha256"]
    return manifest


def _counted(check):
    calls = []

    def counted(staging, previous):
        calls.append(staging)
        return check(staging, previous)

    return counted, calls


def test_the_suites_and_the_report_start_while_pandera_validates(sample_tables, tmp_path):
    checks_started = threading.Event()

    def check(staging, previous):
        checks_started.set()
        return {"outcome": "passed"}

    def validate(tables):
        assert checks_started.wait(60), "the checks waited for validation to end"
        return validation.validate_for_release(tables)

    check, calls = _counted(check)
    result = release.publish(sample_tables, tmp_path / "out", {}, check_staged=check, validate=validate)
    assert result.created and len(calls) == 1  # validation passed every row: the staged tables stood
    manifest = _published_as_manifested(result.path)
    assert manifest["validation"]["outcome"] == "passed"
    assert manifest["validation"]["pandera"]["quotes"] == {"rows_in": len(sample_tables["quotes"]),
                                                           "rows_out": len(sample_tables["quotes"]), "quarantined": 0}
    assert (result.path / "report" / "index.html").exists()
    assert all(result.tables[table].equals(df) for table, df in sample_tables.items())


def test_rows_validation_sets_aside_are_not_published_though_they_were_staged_first(sample_tables, tmp_path):
    quotes = sample_tables["quotes"].copy()
    quotes.loc[0, "kind"] = "shouted"  # not a kind of quote: pandera moves the row to quarantine
    bad = {**sample_tables, "quotes": quotes}
    out = tmp_path / "out"
    check, calls = _counted(check_staged)  # the real suites: they block the first staging, with the row
    result = release.publish(bad, out, {}, check_staged=check, validate=validation.validate_for_release)
    assert len(calls) == 2  # the staged tables, then the tables validation gave
    published = read_table(result.path / "quotes.parquet")
    assert quote_ids(published) == quote_ids(quotes) - {quotes.loc[0, "quote_id"]}
    quarantine = read_table(result.path / "quarantine.parquet")
    assert (quarantine["table"] == "quotes").sum() == 1
    manifest = _published_as_manifested(result.path)
    assert manifest["validation"]["outcome"] == "passed"
    assert manifest["validation"]["pandera"]["quotes"]["quarantined"] == 1
    # the suites' verdict on the first staging was not the release's: its Data Docs are not kept
    assert not list((out / BLOCKED_FOLDER).glob("*"))
    assert not list(out.glob(f"{release.STAGING_PREFIX}*"))


def quote_ids(quotes: pd.DataFrame) -> set[str]:
    return set(quotes["quote_id"])


def test_a_table_validation_blocks_is_not_published_and_no_suite_verdict_is_kept(sample_tables, tmp_path):
    actors = pd.concat([sample_tables["actors"], sample_tables["actors"].iloc[:1]], ignore_index=True)  # a repeated id
    out = tmp_path / "out"
    with pytest.raises(validation.ReleaseBlocked, match="actors failed validation as a whole"):
        release.publish({**sample_tables, "actors": actors}, out, {}, check_staged=check_staged,
                        validate=validation.validate_for_release)
    assert release.latest_release(out) is None
    assert not list((out / BLOCKED_FOLDER).glob("*"))
    assert not list(out.glob(f"{release.STAGING_PREFIX}*"))


def test_tables_of_the_latest_release_are_validated_before_anything_is_checked(sample_tables, tmp_path):
    out = tmp_path / "out"
    first = release.publish(sample_tables, out, {}, validate=validation.validate_for_release)
    validated = []

    def validate(tables):
        validated.append(True)
        return validation.validate_for_release(tables)

    check, calls = _counted(lambda staging, previous: {"outcome": "passed"})
    again = release.publish(sample_tables, out, {}, check_staged=check, validate=validate)
    assert (again.created, again.path, validated, calls) == (False, first.path, [True], [])


def test_tables_with_rows_validation_sets_aside_publish_nothing_new_the_second_time(sample_tables, tmp_path):
    quotes = sample_tables["quotes"].copy()
    quotes.loc[0, "kind"] = "shouted"
    bad = {**sample_tables, "quotes": quotes}
    out = tmp_path / "out"
    passed = lambda staging, previous: {"outcome": "passed"}  # noqa: E731
    first = release.publish(bad, out, {}, check_staged=passed, validate=validation.validate_for_release)
    again = release.publish(bad, out, {}, check_staged=passed, validate=validation.validate_for_release)
    assert first.created and (again.created, again.path) == (False, first.path)
    assert [p.name for p in out.iterdir() if not p.name.startswith(".") and p.is_dir() and not p.is_symlink()] == [first.path.name]


def _registry_files(out: Path) -> dict[str, bytes]:
    folder = release.registry_dir(out)
    return {path.name: path.read_bytes() for path in folder.iterdir()} if folder.exists() else {}


def test_the_registry_is_written_while_the_suites_run_and_kept_only_when_the_release_is_published(
        sample_tables, tmp_path, monkeypatch):
    from newswire import stages, staged_checks
    from newswire.registry import Registries

    out = tmp_path / "out"
    registry = Registries.empty()
    registry.actors.assign("P", ["p"])
    registry.save(release.registry_dir(out))
    before = _registry_files(out)
    registry.actors.assign("Q", ["q"])

    def blocked(staging, previous, accept_drift=False):
        deadline = time.monotonic() + 60
        while len(_registry_files(out)) == len(before) and time.monotonic() < deadline:
            time.sleep(0.01)  # the suites still running: the flow writes the registry meanwhile
        assert len(_registry_files(out)) > len(before)  # written, under temporary names
        raise validation.ReleaseBlocked("the suites blocked it")

    monkeypatch.setattr(staged_checks, "check_staged", blocked)
    with pytest.raises(validation.ReleaseBlocked, match="the suites blocked it"):
        stages.publish(sample_tables, out, {}, lock_wait=5.0, registry=registry)
    assert _registry_files(out) == before and release.latest_release(out) is None
    monkeypatch.undo()
    published = stages.publish(sample_tables, out, {}, lock_wait=5.0, registry=registry)
    assert published.created
    assert Registries.load(release.registry_dir(out)).actors.ids == {"p": "P", "q": "Q"}
    assert sorted(_registry_files(out)) == sorted(before)  # no temporary file left
