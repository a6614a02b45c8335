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


def test_the_rehearsed_release_passes_the_suites_and_is_drawn_then_is_removed():
    """Serve's checker and painter warm up on it and hide a failure (a run would meet it): so it
    must be a release the suites pass and the report draws, compared with itself as the previous."""
    from newswire import gx_validation, report
    from newswire.rehearsal import rehearsed_release

    rehearse()
    with rehearsed_release() as release:
        assert {path.stem for path in release.glob("*.parquet")} >= {"articles", "quotes", "events"}
        assert gx_validation.validate_release(release, release, release / "docs").passes()
        assert report.draw(release, release).before_validation
    assert not release.exists()


_FIRST_VALIDATION = """
import json, sys, tempfile
from pathlib import Path
import jinja2
from newswire import gx_validation, staged_checks
from newswire.rehearsal import rehearse
if sys.argv[2] == "warm":
    rehearse()
    staged_checks._check_the_rehearsal()
compiled = []
compile_source = jinja2.Environment.compile
def recording(self, source, name=None, *args, **kwargs):
    compiled.append(name)
    return compile_source(self, source, name, *args, **kwargs)
jinja2.Environment.compile = recording
report = gx_validation.validate_release(Path(sys.argv[1]), None, Path(tempfile.mkdtemp()) / "docs")
print(json.dumps({"passes": report.passes(), "compiled": [name for name in compiled if name is not None]}))
"""


def test_the_served_checker_warms_up_on_the_rehearsal_so_the_first_run_compiles_nothing(sample_release):
    """In a fresh process, as serve's checker starts: after its warm-up the first real validation
    compiles no Data Docs template; without it, it compiles them all."""
    def first_validation(mode: str) -> dict:
        done = subprocess.run([sys.executable, "-c", _FIRST_VALIDATION, str(sample_release), mode], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, check=True, timeout=300)
        return json.loads(done.stdout.strip().splitlines()[-1])

    warm, cold = first_validation("warm"), first_validation("cold")
    assert warm == {"passes": True, "compiled": []}
    assert cold["passes"] and cold["compiled"]
