"""`newswire sql` and processed/newswire.sql: tables with comments, formats, errors, no way to touch files."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import duckdb
import pytest

from newswire import release
from newswire.cli import main
from newswire.sql import VIEWS_FILE, connect
from synthetic_release import synthetic_events, synthetic_tables, write_release


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A releases folder with one published release (which writes its newswire.sql)."""
    out = tmp_path_factory.mktemp("sql") / "processed"
    result = release.publish(synthetic_tables(), out, {})
    return out, result.path


def tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_table_is_there_with_its_column_comments(published):
    _, path = published
    connection = connect(path)
    tables = {name for (name,) in connection.sql("SHOW TABLES").fetchall()}
    assert tables == set(synthetic_tables())
    comment = connection.sql("SELECT comment FROM duckdb_columns() WHERE table_name = 'articles' "
                             "AND column_name = 'outlet'").fetchall()[0][0]
    assert comment.startswith("publishing outlet: the folder's sources.csv")
    assert connection.sql("SELECT comment FROM duckdb_tables() WHERE table_name = 'quotes'").fetchall()[0][0].startswith(
        "Every direct, partial and indirect quotation")


def test_tables_beyond_the_schemas_are_queryable(tmp_path):
    events, mentions = synthetic_events()
    folder = write_release(tmp_path / "r", {**synthetic_tables(), "events": events, "event_mentions": mentions})
    connection = connect(folder)
    assert connection.sql("SELECT count(*) FROM events e JOIN event_mentions m USING (event_id)").fetchall() == [(4,)]


@pytest.mark.parametrize("statement", [
    "COPY articles TO '{path}/articles.parquet' (FORMAT parquet)",
    "COPY (SELECT 1) TO '/tmp/newswire-sql-test.csv'",
    "SELECT * FROM read_csv('/etc/hostname')",
    "ATTACH '{path}/x.duckdb'",
    "SET enable_external_access = true",
])
def test_queries_cannot_reach_files(published, statement):
    _, path = published
    connection = connect(path)
    before = tree(path)
    with pytest.raises(duckdb.Error):
        connection.execute(statement.format(path=path))
    assert tree(path) == before


def test_cli_formats(published, capsys):
    out, _ = published
    query = "SELECT source, outlet FROM articles WHERE outlet IS NOT NULL ORDER BY source"
    assert main(["sql", query, "--out", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["source,outlet", "001.txt,Reuters", "002.txt,AP",
                                                    '003.txt,"<script>alert(""x"")</script> \u202eevil\u202c \x07bell"']
    assert main(["sql", query + " LIMIT 1", "--out", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"source": "001.txt", "outlet": "Reuters"}
    assert main(["sql", "SELECT count(*) AS n FROM quotes", "--out", str(out)]) == 0
    assert re.search(r"│\s+3\s+│", capsys.readouterr().out)


def test_cli_bad_query_is_one_line_and_non_zero(published, capsys):
    out, _ = published
    assert main(["sql", "SELEC 1", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("newswire sql: Parser Error") and error.count("\n") == 1


def test_cli_prompt_reads_statements_until_semicolon(published):
    out, _ = published
    result = subprocess.run([sys.executable, "-m", "newswire.cli", "sql", "--out", str(out)],
                            input="SELECT count(*) AS n\nFROM articles;\n.quit\n", capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert "newswire> " in result.stdout and "4" in result.stdout.split("...>")[1]


def test_views_file_works_from_another_folder(published, tmp_path, monkeypatch):
    out, path = published
    views = (out / "latest" / VIEWS_FILE).read_text(encoding="utf-8")
    assert f"read_parquet('{path.resolve()}/articles.parquet')" in views  # the release's own files, absolutely
    monkeypatch.chdir(tmp_path)
    connection = duckdb.connect()
    connection.execute(views)
    assert connection.sql("SELECT count(*) FROM articles").fetchall() == [(4,)]
    assert connection.sql("SELECT comment FROM duckdb_columns() WHERE table_name = 'quotes' AND column_name = 'speaker'"
                          ).fetchall()[0][0].startswith("canonical name of the speaking actor")
