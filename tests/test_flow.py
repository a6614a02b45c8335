"""The real Prefect flow on the bundled sample (plus a duplicate and an empty file)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from flows.pipeline import release_flow

SEEDS = Path(__file__).parent / "data" / "seeds"


@pytest.fixture(scope="module")
def first_run(prefect_harness, tmp_path_factory):
    root = tmp_path_factory.mktemp("flow")
    raw, out = root / "raw", root / "processed"
    shutil.copytree(SEEDS, raw)
    shutil.copy(SEEDS / "002_938be92725bdc9c3.txt", raw / "copy of 002.txt")
    (raw / "empty.txt").write_bytes(b"")
    summary = release_flow(raw_dir=str(raw), out_dir=str(out), batch_size=2, progress=False)
    return raw, out, summary


def test_release_has_tables_manifest_and_latest(first_run):
    raw, out, summary = first_run
    assert summary.created
    latest = out / "latest"
    assert latest.is_symlink() and latest.resolve().name == summary.version
    manifest = json.loads((latest / "manifest.json").read_text())
    assert set(manifest["tables"]) >= {"articles", "boilerplate", "quarantine"}
    assert manifest["inputs"]["files"].keys() == {p.name for p in raw.iterdir()}
    assert all(len(h) == 64 for h in manifest["inputs"]["files"].values())
    assert manifest["code_version"]["source_sha256"]
    for table, facts in manifest["tables"].items():
        assert len(pd.read_parquet(latest / f"{table}.parquet")) == facts["rows"]


def test_every_input_is_published_or_quarantined(first_run):
    raw, out, _ = first_run
    articles = pd.read_parquet(out / "latest" / "articles.parquet")
    quarantine = pd.read_parquet(out / "latest" / "quarantine.parquet")
    assert sorted(articles["source"]) + sorted(quarantine["source"]) == sorted(
        [p.name for p in raw.iterdir() if p.name != "empty.txt"]) + ["empty.txt"]
    assert quarantine.set_index("source").loc["empty.txt", "reason"] == "empty"
    copy = articles.set_index("source").loc["copy of 002.txt"]
    original = articles.set_index("source").loc["002_938be92725bdc9c3.txt"]
    assert copy["duplicate_of"] == original["article_id"] and copy["similarity"] == 1.0
    assert original["duplicate_of"] is None or pd.isna(original["duplicate_of"])


def test_duckdb_reads_the_release(first_run):
    _, out, _ = first_run
    path = out / "latest" / "articles.parquet"
    titles = duckdb.sql(f"SELECT title FROM '{path}' WHERE duplicate_of IS NULL ORDER BY source").fetchall()
    assert titles[0] == ("US rejects Russia's demands: NATO to continue enlargement policy",)
    credits = duckdb.sql(f"SELECT credits FROM '{path}' WHERE source LIKE '003%'").fetchall()[0][0]
    assert credits == ["AFP", "AP", "Reuters"]


def test_rerun_on_unchanged_input_publishes_nothing_new(first_run):
    raw, out, summary = first_run
    before = {p.name: p.read_bytes() for p in (out / summary.version).iterdir() if p.is_file()}
    again = release_flow(raw_dir=str(raw), out_dir=str(out), progress=False)
    assert not again.created and again.version == summary.version
    assert {p.name: p.read_bytes() for p in (out / summary.version).iterdir() if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(["latest", summary.version])


QUIET_DAY = "Markets rise\n\nShares in London rose on Monday as investors welcomed lower inflation figures.\n"


@pytest.mark.parametrize("files, published, quarantined", [
    ({"markets.txt": QUIET_DAY.encode()}, 1, 0),          # no quote at all: empty quotes table
    ({}, 0, 0),                                             # nothing to read
    ({"empty.txt": b"", "noise.txt": bytes(range(256)) * 8}, 0, 2),  # every file rejected
], ids=["quote-less", "empty-folder", "all-rejected"])
def test_releases_with_empty_tables_publish(prefect_harness, tmp_path, files, published, quarantined):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    for name, data in files.items():
        (raw / name).write_bytes(data)
    summary = release_flow(raw_dir=str(raw), out_dir=str(out), progress=False)
    assert summary.created
    latest = out / "latest"
    assert len(pd.read_parquet(latest / "articles.parquet")) == published
    quarantine = pd.read_parquet(latest / "quarantine.parquet")
    assert len(quarantine) == quarantined and quarantine["reason"].str.len().gt(0).all()
    assert json.loads((latest / "manifest.json").read_text())["validation"]["outcome"] == "passed"


def test_the_readme_event_queries_run_on_a_release(first_run):
    """The analyst queries of the README's Events section, as written, against this release."""
    _, out, _ = first_run
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Events", 1)[1].split("\n## ", 1)[0]
    sql = section.split("```sql", 1)[1].split("```", 1)[0].replace("processed/latest", str(out / "latest"))
    queries = [q for q in sql.split(";") if q.strip() and not all(
        line.strip().startswith("--") for line in q.strip().splitlines())]
    assert len(queries) == 2
    by_day, first = (duckdb.sql(q).df() for q in queries)
    assert list(by_day.columns) == ["date", "source", "plover_type", "target", "num_articles"]
    assert len(by_day) > 0 and set(by_day["plover_type"]) <= set(pd.read_parquet(out / "latest" / "events.parquet")["plover_type"])
    assert list(first.columns) == ["event_id", "plover_type", "first_outlet", "first_published"]


def test_events_are_published_and_traceable(first_run):
    _, out, _ = first_run
    latest = out / "latest"
    events = pd.read_parquet(latest / "events.parquet")
    mentions = pd.read_parquet(latest / "event_mentions.parquet")
    texts = pd.read_parquet(latest / "articles.parquet").set_index("article_id")["text"]
    assert len(events) > 20 and set(mentions["event_id"]) == set(events["event_id"])
    assert all(texts[m.article_id][m.start:m.end] == m.trigger for m in mentions.itertuples())
    assert (events["num_articles"] > 1).any()  # the seeds report the same acts: some merge across articles
    manifest = json.loads((latest / "manifest.json").read_text())
    assert manifest["tables"]["events"]["rows"] == len(events)
