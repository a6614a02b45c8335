"""Release diff: rows added, removed and changed per table, matched on primary key."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.cli import main
from newswire.diff import _differs, _lists_differ, diff_releases
from newswire.release import publish, write_table
from newswire.tables import frame


def boilerplate(n: int, **changes) -> dict:
    row = {"boilerplate_id": f"bp{n}", "article_id": f"a{n}", "line_number": n, "start": 0, "end": 5,
           "text": "Advert", "kind": "promo", "reason": "promo line"}
    return {**row, **changes}


def quarantine(n: int, **changes) -> dict:
    row = {"quarantine_id": f"q{n}", "stage": "ingest", "source": f"{n}.txt", "table": None, "article_id": None,
           "reason": "empty", "detail": "empty file", "file_hash": None, "size": 0, "payload": None}
    return {**row, **changes}


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "processed" / "A", tmp_path / "processed" / "B"
    a.mkdir(parents=True)
    b.mkdir()
    write_table(frame("boilerplate", [boilerplate(1), boilerplate(2), boilerplate(3)]), "boilerplate", a / "boilerplate.parquet")
    write_table(frame("boilerplate", [boilerplate(2), boilerplate(3, kind="footer", end=6), boilerplate(4)]),
                "boilerplate", b / "boilerplate.parquet")
    # Nulls equal nulls; a null that gains a value is a change.
    write_table(frame("quarantine", [quarantine(1), quarantine(2)]), "quarantine", a / "quarantine.parquet")
    write_table(frame("quarantine", [quarantine(1), quarantine(2, file_hash="f" * 64)]), "quarantine", b / "quarantine.parquet")
    return a, b


def test_added_removed_changed_by_key(releases):
    diff = diff_releases(*releases)
    assert diff["boilerplate"].added == ["bp4"]
    assert diff["boilerplate"].removed == ["bp1"]
    assert diff["boilerplate"].changed == ["bp3"]
    assert diff["boilerplate"].changed_columns == {"end": 1, "kind": 1}
    assert diff["quarantine"].changed == ["q2"]
    assert diff["quarantine"].changed_columns == {"file_hash": 1}


def test_identical_release_and_table_only_in_one(releases):
    a, b = releases
    assert all(d.unchanged for d in diff_releases(a, a).values())
    (b / "quarantine.parquet").unlink()
    diff = diff_releases(a, b)
    assert diff["quarantine"].removed == ["q1", "q2"] and diff["quarantine"].added == []


def test_the_tables_of_b_already_read_give_the_same_diff_and_are_not_read_again(releases, monkeypatch):
    import newswire.diff as diff_module

    a, b = releases
    read = {path.stem: pd.read_parquet(path) for path in b.glob("*.parquet")}
    expected = diff_releases(a, b)
    opened = []
    monkeypatch.setattr(diff_module, "read_table", lambda path: opened.append(path) or pd.read_parquet(path))
    assert diff_releases(a, b, read) == expected
    assert sorted(path.parent for path in opened) == [a, a]
    opened.clear()
    assert diff_releases(a, b, {"boilerplate": read["boilerplate"]}) == expected  # not B's tables: read them
    assert sorted(path.parent for path in opened) == [a, a, b, b]


def article(n: int, **changes) -> dict:
    row = {"article_id": f"{n:016x}", "content_hash": "c" * 64, "source": f"{n}.txt", "outlet": None, "url": None,
           "file_hash": "f" * 64,
           "size": 10, "encoding": "utf-8", "encoding_confidence": 1.0, "decode_note": None, "format": "text", "title": "", "kicker": None, "standfirst": None,
           "byline": None, "published": pd.Timestamp("2022-01-27", tz="UTC").as_unit("us"), "published_tz": None, "published_text": None, "dateline": "",
           "credits": ["AP"], "subheadings": [], "language": "en", "text": "Some text.", "word_count": 2,
           "duplicate_of": None, "similarity": None}
    return {**row, **changes}


def test_list_columns_compare_by_value_across_published_releases(tmp_path: Path, capsys):
    out = tmp_path / "processed"
    first = publish({"articles": frame("articles", [article(1), article(2)])}, out, {}).path
    publish({"articles": frame("articles", [article(1), article(2, credits=["AP", "AFP"])])}, out, {})
    diff = diff_releases(first, out / "latest")
    assert diff["articles"].changed == [f"{2:016x}"]
    assert diff["articles"].changed_columns == {"credits": 1}
    assert main(["diff", first.name, "latest", "--out", str(out)]) == 0
    assert "changed      1  (credits 1)" in capsys.readouterr().out


def test_cli_diff_prints_counts(releases, capsys):
    a, b = releases
    assert main(["diff", "A", "B", "--out", str(a.parent)]) == 0
    printed = capsys.readouterr().out
    assert "A -> B" in printed
    line = next(l for l in printed.splitlines() if l.startswith("boilerplate"))
    assert line.split()[1:7] == ["added", "1", "removed", "1", "changed", "1"]
    assert "kind 1" in line


def test_cli_diff_unknown_release(tmp_path: Path, capsys):
    assert main(["diff", "nope", "nada", "--out", str(tmp_path)]) == 2


def test_rows_align_by_key_whatever_their_order_and_types():
    """Rows are matched on the key, not on position, in frames in any order; typed columns compare
    as values, list columns element by element, and a column whose type changed value by value."""
    from newswire.diff import diff_table

    a = pd.DataFrame({"boilerplate_id": ["b3", "b1", "b2"], "end": [3, 1, 2], "kind": pd.array(["x", "y", None], dtype="str"),
                      "tags": [["p"], ["q", "r"], []], "score": [3, 1, 2]})
    b = pd.DataFrame({"boilerplate_id": ["b1", "b2", "b4", "b3"], "end": [1, 5, 4, 3],
                      "kind": pd.array(["y", "z", "w", "x"], dtype="str"),
                      "tags": [["q", "r"], [], ["s"], ["p", "t"]], "score": [1.0, 2.0, 4.0, 3.5]})
    diff = diff_table("boilerplate", a, b)
    assert (diff.added, diff.removed) == (["b4"], [])
    assert diff.changed == ["b2", "b3"]
    assert diff.changed_columns == {"end": 1, "kind": 1, "tags": 1, "score": 1}


_ITEMS = st.text(alphabet="ab\x00é", max_size=3)
_LISTS = st.lists(_ITEMS, max_size=3)
_CONTAINERS = st.one_of(_LISTS, _LISTS.map(tuple), _LISTS.map(lambda items: np.array(items, dtype=object)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_CONTAINERS, _CONTAINERS), min_size=1, max_size=8))
def test_columns_of_lists_of_strings_differ_in_arrow_as_their_tuples_do(pairs):
    a, b = [left for left, _ in pairs], [right for _, right in pairs]
    expected = [tuple(x) != tuple(y) for x, y in pairs]
    assert _lists_differ(a, b).tolist() == expected
    assert _differs(pd.Series(a, dtype=object), pd.Series(b, dtype=object)).tolist() == expected


@pytest.mark.parametrize("a, b", [
    (["ab"], [["a", "b"]]),          # a string is no list of its characters
    ([[b"ab"]], [["ab"]]),           # nor are bytes strings
    ([["a"]], [[1]]),
    ([{"a"}], [["a"]]),
])
def test_values_other_than_lists_of_strings_compare_as_python_values(a, b):
    assert _lists_differ(a, b) is None
    assert _differs(pd.Series(a, dtype=object), pd.Series(b, dtype=object)).tolist() == [True]


_KEYS = st.sampled_from(["k1", "k2", "k3", "k4", "é5"])
_ROWS = st.lists(st.fixed_dictionaries({
    "key": _KEYS,
    "text": st.one_of(st.none(), st.sampled_from(["", "a", "b", "é"])),
    "count": st.integers(-2, 2),
    "share": st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.5, float("nan")])),
    "tags": st.one_of(st.none(), st.lists(st.one_of(st.none(), st.sampled_from(["x", "y", ""])), max_size=3)),
    "flag": st.one_of(st.none(), st.booleans()),
}), max_size=6)


def _parquet_pair(tmp_path: Path, name: str, rows: list[dict], drop: str | None) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("key", pa.string()), ("text", pa.string()), ("count", pa.int64()), ("share", pa.float64()),
                        ("tags", pa.list_(pa.string())), ("flag", pa.bool_())])
    table = pa.Table.from_pylist(rows, schema=schema)
    if drop is not None:
        table = table.drop_columns([drop])
    path = tmp_path / f"{name}.parquet"
    pq.write_table(table, path)
    return path


@settings(max_examples=300, deadline=None)
@given(a_rows=_ROWS, b_rows=_ROWS, dropped=st.sampled_from([None, "text", "tags"]), side=st.booleans())
def test_tables_compared_in_arrow_differ_as_their_frames_do(tmp_path_factory, a_rows, b_rows, dropped, side):
    """diff_arrow_tables over the Parquet files = diff_table over the frames read from them: keys
    repeated (the first row counts), nulls and NaN, -0.0, lists with null items, a column in one only."""
    import pyarrow.parquet as pq

    from newswire.diff import diff_arrow_tables, diff_table

    folder = tmp_path_factory.mktemp("arrow_diff")
    a = _parquet_pair(folder, "a", a_rows, dropped if side else None)
    b = _parquet_pair(folder, "b", b_rows, None if side else dropped)
    assert diff_arrow_tables("things", pq.read_table(a), pq.read_table(b)) == \
        diff_table("things", pd.read_parquet(a), pd.read_parquet(b))
