"""The rehearsal `newswire serve`'s fork server runs (newswire.rehearsal): it goes through every
stage that makes rows, and a run after it makes the same tables as a run in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import PROJECT_ROOT

from newswire.rehearsal import rehearsal_articles, rehearse


def test_the_rehearsal_articles_are_text_pages_a_duplicate_and_an_html_page():
    articles = rehearsal_articles()
    texts = [path.read_bytes() for path in articles if path.suffix == ".txt"]
    assert len(texts) >= 3 and len(set(texts)) < len(texts)  # one text page is a copy of another
    assert any(path.suffix == ".html" for path in articles)


def test_the_rehearsal_makes_rows_in_every_extracted_table():
    counts = rehearse()
    for table in ("articles", "boilerplate", "actors", "mentions", "quotes", "quote_clusters", "events",
                  "event_mentions"):
        assert counts[table] > 0, table


_RUN = """
import json, sys, tempfile
from pathlib import Path
from newswire import extract, release, stages, validation
if sys.argv[2] == "rehearsed":
    from newswire.rehearsal import rehearse
    rehearse()
raw = Path(sys.argv[1])
structured, rejected, corpus = stages.spine_without_prefect(raw)
spine = stages.spine_tables(corpus, rejected + structured.quarantine)
extracted = extract.extract_batch(stages.extraction_inputs(spine["articles"]), None)
tables, _ = validation.validate_tables(stages.corpus_tables(spine, extracted))
hashes = {}
with tempfile.TemporaryDirectory() as work:
    for table, df in tables.items():
        path = Path(work) / f"{table}.parquet"
        release.write_table(df, table, path)
        hashes[table] = release.sha256_path(path)
print(json.dumps(hashes))
"""


def _table_hashes(raw, mode: str) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", _RUN, str(raw), mode], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_run_after_the_rehearsal_makes_the_same_tables_as_one_in_a_fresh_process(seeds_dir):
    fresh, rehearsed = _table_hashes(seeds_dir, "fresh"), _table_hashes(seeds_dir, "rehearsed")
    assert set(fresh) >= {"actors", "quotes", "events"}
    assert rehearsed == fresh
