"""The release report: sections from a synthetic release (with events), hostile text escaped, empty tables."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from newswire import release
from newswire.report import REPORT_FOLDER, clean_text, render_report, write_report
from newswire.tables import frame
from schemas import TABLES

HOSTILE = '<script>alert("x")</script> \u202eevil\u202c \x07bell'
LONG_LINE = "word " * 20_000  # a 100 KB single line


def _hex(n: int) -> str:
    return f"{n:016x}"


def article(n: int, outlet: str | None, text: str, published: str | None = "2022-01-26T12:00:00Z") -> dict:
    return {"article_id": _hex(n), "content_hash": "a" * 64, "source": f"{n:03d}.txt", "outlet": outlet, "url": None,
            "file_hash": "b" * 64, "size": len(text), "encoding": "utf-8", "format": "text", "title": f"Title {n}",
            "kicker": None, "standfirst": None, "byline": None,
            "published": pd.Timestamp(published) if published else None, "published_tz": None,
            "published_text": None, "dateline": "", "credits": [], "subheadings": [], "language": "en", "text": text,
            "word_count": len(text.split()), "duplicate_of": None, "similarity": None}


def synthetic_tables() -> dict[str, pd.DataFrame]:
    articles = [article(1, "Reuters", f"Blinken said {HOSTILE}."), article(2, "AP", LONG_LINE),
                article(3, HOSTILE, "Lavrov said no.", published="2022-01-27T08:00:00Z"), article(4, None, "Undated.", None)]
    actors = [{"actor_id": "a1", "name": "Antony Blinken", "type": "PERSON", "aliases": [], "references": [], "roles": [],
               "country": "USA", "mention_count": 9, "article_count": 3},
              {"actor_id": "a2", "name": HOSTILE, "type": "PERSON", "aliases": [], "references": [], "roles": [],
               "country": "RUS", "mention_count": 4, "article_count": 1}]
    quotes = [{"quote_id": f"q{n}", "article_id": _hex(a), "text": words, "kind": "direct", "speaker": speaker,
               "speaker_id": sid, "co_speaker_ids": [], "speaker_text": None, "cue": "say", "via": None, "start": 0,
               "end": len(words), "cluster_id": cluster, "confidence": 0.9}
              for n, (a, words, speaker, sid, cluster) in enumerate([
                  (1, "We are ready", "Antony Blinken", "a1", "c1"), (2, "We are ready", "Antony Blinken", "a1", "c1"),
                  (3, HOSTILE, HOSTILE, "a2", "c2")])]
    clusters = [{"cluster_id": "c1", "speaker_id": "a1", "speaker": "Antony Blinken", "text": "We are ready",
                 "kind": "direct", "quote_count": 2, "article_count": 2, "sources": ["001.txt", "002.txt"],
                 "outlets": ["AP", "Reuters"], "outlet_count": 2, "first_published": None},
                {"cluster_id": "c2", "speaker_id": "a2", "speaker": HOSTILE, "text": HOSTILE, "kind": "direct",
                 "quote_count": 1, "article_count": 1, "sources": ["003.txt"], "outlets": [HOSTILE], "outlet_count": 1,
                 "first_published": None}]
    quarantine = [{"quarantine_id": "z1", "stage": "ingest", "source": "bad.bin", "table": None, "article_id": None,
                   "reason": "binary", "detail": HOSTILE, "file_hash": None, "size": 3, "payload": None}]
    return {"articles": frame("articles", articles), "boilerplate": frame("boilerplate", []),
            "actors": frame("actors", actors), "mentions": frame("mentions", []), "quotes": frame("quotes", quotes),
            "quote_clusters": frame("quote_clusters", clusters), "quarantine": frame("quarantine", quarantine)}


def synthetic_events() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The lead's events tables, by column name (their schemas are not in this branch)."""
    events = pd.DataFrame([
        {"event_id": "e1", "plover_type": "CONSULT", "plover_mode": "meet", "cameo_code": "040", "cameo_root": "04",
         "quad_class": 1, "goldstein": 1.0, "source_actor_id": "a1", "target_actor_id": "a2", "date": "2022-01-26",
         "date_precision": "day", "negated": False, "hypothetical": False, "num_mentions": 3, "num_articles": 2,
         "num_sources": 2, "first_seen": "2022-01-26", "last_seen": "2022-01-27", "confidence": 0.8},
        {"event_id": "e2", "plover_type": "THREATEN", "plover_mode": None, "cameo_code": "130", "cameo_root": "13",
         "quad_class": 3, "goldstein": -4.4, "source_actor_id": "a2", "target_actor_id": "a1", "date": "2022-01-27",
         "date_precision": "day", "negated": False, "hypothetical": False, "num_mentions": 1, "num_articles": 1,
         "num_sources": 1, "first_seen": "2022-01-27", "last_seen": "2022-01-27", "confidence": 0.6},
        {"event_id": "e3", "plover_type": "REJECT", "plover_mode": None, "cameo_code": "120", "cameo_root": "12",
         "quad_class": 3, "goldstein": -4.0, "source_actor_id": "a2", "target_actor_id": None, "date": None,
         "date_precision": None, "negated": False, "hypothetical": False, "num_mentions": 1, "num_articles": 1,
         "num_sources": 1, "first_seen": None, "last_seen": None, "confidence": 0.5}])
    mentions = pd.DataFrame([
        {"mention_id": f"em{n}", "event_id": event, "article_id": _hex(a), "start": 0, "end": 5, "sentence": HOSTILE,
         "trigger": "met", "date_text": None, "confidence": 0.8}
        for n, (event, a) in enumerate([("e1", 1), ("e1", 2), ("e2", 3), ("e3", 4)])])
    return events, mentions


def write_release(folder: Path, tables: dict[str, pd.DataFrame]) -> Path:
    folder.mkdir(parents=True)
    for table, df in tables.items():
        if table in TABLES:
            release.write_table(df, table, folder / f"{table}.parquet")
        else:
            df.to_parquet(folder / f"{table}.parquet", index=False)
    return folder


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    events, event_mentions = synthetic_events()
    folder = write_release(tmp_path_factory.mktemp("report") / "r1",
                           {**synthetic_tables(), "events": events, "event_mentions": event_mentions})
    return write_report(folder, None).read_text(encoding="utf-8")


def visible_text(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)


def test_report_has_every_section_in_order(page):
    titles = re.findall(r"<h2>([^<]+)</h2>", page)
    assert titles == ["Tables and changes since the previous release", "Articles per outlet and per day", "Top actors",
                      "Who is quoted by which outlet", "Statements carried by the most outlets", "Events over time",
                      "Most reported events and their sources", "Validation", "Quarantine"]


def test_report_is_self_contained_and_runs_no_script(page):
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "default-src 'none'" in page  # the browser refuses any request the page might still make
    assert page.count("<svg") >= 7  # outlets, days, actors x2, speaker x outlet, events by type and by quad class


def test_article_text_is_escaped_and_cleaned(page):
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "\x07" not in page and "\ufffdbell" in page
    # bidi overrides stay inside <bdi> in HTML, and are dropped from SVG labels
    assert "<bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; \u202eevil" in page
    svgs = "".join(re.findall(r"<svg.*?</svg>", page, flags=re.S))
    assert "\u202e" not in svgs and "&lt;script&gt;" in svgs


def test_long_lines_are_cut(page):
    assert "word " * 100 not in page
    assert len(page) < 200_000


def test_outlets_actors_and_speakers_are_counted(page):
    text = visible_text(page)
    assert re.search(r"Reuters\s*</bdi>\s*</td>\s*<td class=\"n\">\s*<bdi>1</bdi>", page)
    assert "(outlet unknown)" in text
    assert "4 articles (0 duplicates not counted)." in text and "1 article(s) state no publication date." in text
    # Blinken quoted once by AP and once by Reuters; the statement they share is carried by 2 outlets
    assert re.search(r"Antony Blinken</bdi></td><td><bdi>AP</bdi></td><td class=\"n\"><bdi>1</bdi>", page)
    assert re.search(r"We are ready</bdi></td><td><bdi>direct</bdi></td><td class=\"n\"><bdi>2</bdi></td>"
                     r"<td class=\"n\"><bdi>2</bdi></td><td><bdi>AP, Reuters</bdi>", page)


def test_events_sections_show_types_quad_classes_and_sources(page):
    svgs = "".join(re.findall(r"<svg.*?</svg>", page, flags=re.S))
    assert "CONSULT" in svgs and "THREATEN" in svgs
    assert "1 event(s) without a date are not plotted." in page
    top = page.split('id="top-events"')[1].split("</section>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", top)[1:]
    assert "CONSULT" in rows[0] and "Antony Blinken" in rows[0] and "AP, Reuters" in rows[0]
    assert "000004.txt" not in top and "004.txt" in top  # outlet unknown: the source file names the article


def test_quarantine_lists_reasons(page):
    section = page.split('id="quarantine"')[1]
    assert "binary" in section and "bad.bin" in section


def test_no_events_table_means_no_events_sections(tmp_path):
    folder = write_release(tmp_path / "r", synthetic_tables())
    assert "Events over time" not in render_report(folder, None)


def test_empty_release_still_gets_a_report_that_says_so(tmp_path):
    folder = write_release(tmp_path / "r", {table: frame(table, []) for table in TABLES})
    text = visible_text(write_report(folder, None).read_text(encoding="utf-8"))
    for message in ("No articles in this release.", "No actors in this release.",
                    "No quote with a named speaker in this release.", "No quote clusters in this release.",
                    "Nothing was quarantined."):
        assert message in text


def test_publish_puts_the_report_in_the_release_with_changes_since_the_previous(tmp_path):
    out = tmp_path / "processed"
    tables = synthetic_tables()
    first = release.publish(tables, out, {})
    assert (first.path / REPORT_FOLDER / "index.html").exists()
    fewer = {**tables, "quotes": tables["quotes"].iloc[:2], "quote_clusters": tables["quote_clusters"].iloc[:1]}
    second = release.publish(fewer, out, {})
    page = (second.path / REPORT_FOLDER / "index.html").read_text(encoding="utf-8")
    assert first.version in page
    assert re.search(r"<bdi>quotes</bdi></td><td class=\"n\"><bdi>2</bdi></td><td class=\"n\"><bdi>3</bdi></td>"
                     r"<td class=\"n\"><bdi>-1</bdi>", page)


def test_clean_text():
    assert clean_text(None) == "" and clean_text(float("nan")) == ""
    assert clean_text(["a", "b"]) == "a, b"
    assert clean_text("a\nb\x00") == "a\ufffdb\ufffd"
    assert clean_text("x" * 500, limit=10) == "x" * 9 + "\u2026"
