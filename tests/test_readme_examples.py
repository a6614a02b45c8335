"""The README's worked examples, run in pandas and in DuckDB against the sample release: they must agree."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from synthetic_release import synthetic_events, synthetic_tables, write_release

README = Path(__file__).resolve().parent.parent / "README.md"
_EXAMPLE = re.compile(r"<!-- example:(?P<name>\w+):(?P<language>pandas|duckdb) -->\s*```\w+\n(?P<code>.*?)```", re.S)


def examples() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for match in _EXAMPLE.finditer(README.read_text(encoding="utf-8")):
        found.setdefault(match["name"], {})[match["language"]] = match["code"]
    return found


def run_both(name: str, project: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Run an example's two forms from project (which holds processed/latest); return the rows once they agree."""
    monkeypatch.chdir(project)
    namespace: dict = {}
    exec(examples()[name]["pandas"], namespace)  # noqa: S102  (our own README)
    from_pandas = [tuple(map(str, row)) for row in namespace["result"].itertuples(index=False)]
    from_duckdb = [tuple(map(str, row)) for row in duckdb.connect().sql(examples()[name]["duckdb"]).fetchall()]
    assert from_pandas == from_duckdb
    return from_duckdb


def test_readme_has_three_examples_in_both_forms():
    assert {name: sorted(forms) for name, forms in examples().items()} == {
        name: ["duckdb", "pandas"] for name in ("quotes_by_actor", "events_between_countries", "quoted_or_paraphrased")}


def test_quotes_by_one_actor(sample_release, monkeypatch):
    rows = run_both("quotes_by_actor", sample_release.parent.parent, monkeypatch)
    outlets = {outlet for outlet, _, _ in rows}
    assert {"AP", "NV", "000_4efa51a7752c072d.txt"} <= outlets
    assert ("AP", "direct", "There is no change, there will be no change,") in rows


def test_statements_quoted_by_some_and_paraphrased_by_others(sample_release, monkeypatch):
    rows = run_both("quoted_or_paraphrased", sample_release.parent.parent, monkeypatch)
    serious = [(outlet, kind) for _, outlet, kind, text in rows if "serious diplomatic path" in text]
    assert serious == [("AP", "direct"), ("000_4efa51a7752c072d.txt", "partial"), ("004_e38e69d9be152fb8.txt", "partial")]
    assert any(kind == "partial" and text.startswith("firmly believes that tensions") for _, _, kind, text in rows)


def test_events_between_two_countries(sample_release, monkeypatch, tmp_path):
    """On the sample release (the US and Russia on the day of the replies) and on a synthetic one with known counts."""
    rows = run_both("events_between_countries", sample_release.parent.parent, monkeypatch)
    assert rows and all(day.startswith("2022-01") for day, _, _ in rows)
    events, mentions = synthetic_events()
    write_release(tmp_path / "processed" / "r1", {**synthetic_tables(), "events": events, "event_mentions": mentions})
    (tmp_path / "processed" / "latest").symlink_to("r1")
    rows = run_both("events_between_countries", tmp_path, monkeypatch)
    assert rows == [("2022-01-26", "CONSULT", "1"), ("2022-01-27", "REJECT", "2")]  # e7 (US on US) is not between two
