"""Raw files' documents kept by serve's fork server (newswire.unchanged_files): taken unread while
a file is unchanged; read again once it is written (even back to its size and modification time),
replaced or removed, and never kept when it had not settled before it was read; its sources.csv row
always as the file says now."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newswire import stages, unchanged_files
from newswire.ingest import RawDocument, Rejection, read_document


@pytest.fixture(autouse=True)
def _kept_here(monkeypatch):
    monkeypatch.setattr(unchanged_files, "KEPT", {})
    monkeypatch.setattr(unchanged_files, "SETTLED_SECONDS", 0.0)


def _raw(tmp_path: Path, text: str = "A headline\n\nThe minister said the talks would go on.\n") -> Path:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    (raw / "a.txt").write_text(text, encoding="utf-8")
    return raw


def _found(raw: Path, source: str = "a.txt"):
    files, _ = stages.discover_inputs(raw)
    return next(found for found in files if found.source == source)


def _unreadable(monkeypatch) -> None:
    monkeypatch.setattr(unchanged_files, "read_document", lambda *args: pytest.fail("read again"))


def _written_after_a_tick(path: Path, text: str) -> None:
    """Write the file again later than the file system's clock tick after it was kept."""
    time.sleep(0.05)
    path.write_text(text, encoding="utf-8")


def test_an_unchanged_file_is_taken_unread(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    kept = unchanged_files.keep(_found(raw))
    assert isinstance(kept, RawDocument) and kept == read_document(*_found(raw))
    _unreadable(monkeypatch)
    assert unchanged_files.document(_found(raw)) == kept


def test_a_file_written_again_is_read_even_with_its_size_and_modification_time_put_back(tmp_path):
    raw = _raw(tmp_path, "A headline\n\nThe talks go on.\n")
    path = raw / "a.txt"
    unchanged_files.keep(_found(raw))
    before = os.stat(path)
    _written_after_a_tick(path, "A headline\n\nThe talks ended.\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    document = unchanged_files.document(_found(raw))
    assert isinstance(document, RawDocument) and "The talks ended." in document.text


def test_a_replaced_file_and_a_removed_one_are_read(tmp_path):
    raw = _raw(tmp_path)
    path, discovered = raw / "a.txt", _found(raw)
    unchanged_files.keep(discovered)
    (raw / "new.tmp").write_text("A headline\n\nAnother story altogether.\n", encoding="utf-8")
    os.replace(raw / "new.tmp", path)
    assert "Another story" in unchanged_files.document(_found(raw)).text
    replaced = unchanged_files.document(discovered)  # the file discovery saw is gone: not read through
    assert isinstance(replaced, Rejection) and replaced.reason == "replaced"
    unchanged_files.keep(_found(raw))
    path.unlink()
    vanished = unchanged_files.document(discovered)
    assert isinstance(vanished, Rejection) and vanished.reason == "vanished"


def test_a_file_written_just_before_it_was_read_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(unchanged_files, "SETTLED_SECONDS", 3600.0)
    raw = _raw(tmp_path)
    assert isinstance(unchanged_files.keep(_found(raw)), RawDocument)
    assert not unchanged_files.KEPT


def test_a_rejected_file_is_not_kept(tmp_path):
    raw = _raw(tmp_path, " \n")
    assert isinstance(unchanged_files.keep(_found(raw)), Rejection)
    assert not unchanged_files.KEPT


def test_the_sources_row_is_the_one_sources_csv_gives_now(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    listings = raw / "sources.csv"
    listings.write_text("file,outlet\na.txt,The Daily Planet\n", encoding="utf-8")
    assert unchanged_files.keep(_found(raw)).listing.outlet == "The Daily Planet"
    _written_after_a_tick(listings, "file,outlet\na.txt,The Evening Star\n")
    _unreadable(monkeypatch)
    assert unchanged_files.document(_found(raw)).listing.outlet == "The Evening Star"
