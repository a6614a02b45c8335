"""The release report: sections from a synthetic release (with events), hostile text escaped, empty tables."""

from __future__ import annotations

import re

import pytest

from newswire import release
from newswire.report import REPORT_FOLDER, clean_text, render_report, write_report
from newswire.tables import frame
from schemas import TABLES
from synthetic_release import synthetic_events, synthetic_tables, write_release


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
    retitled = tables["articles"].copy()
    retitled.loc[0, "title"] = "A new headline"
    second = release.publish({**tables, "articles": retitled, "quotes": tables["quotes"].iloc[:2],
                              "quote_clusters": tables["quote_clusters"].iloc[:1]}, out, {})
    page = (second.path / REPORT_FOLDER / "index.html").read_text(encoding="utf-8")
    assert first.version in page

    def counts(table: str) -> tuple[str, ...]:  # rows, previous, added, removed, changed
        return re.search(rf"<bdi>{table}</bdi></td>" + r"<td class=\"n\"><bdi>(\d+)</bdi></td>" * 5, page).groups()

    assert counts("quotes") == ("2", "3", "0", "1", "0")
    assert counts("articles") == ("4", "4", "0", "0", "1")


def test_chart_labels_drop_what_svg_cannot_hold(tmp_path):
    """vl-convert aborts the process (not an exception) on U+FFFF or a control character in a label."""
    tables = synthetic_tables()
    tables["actors"].loc[0, "name"] = "Blinken\uffff\ufdd0\x07\u202e"
    folder = write_release(tmp_path / "r", tables)
    page = render_report(folder, None)
    assert "Blinken\ufffd" in "".join(re.findall(r"<svg.*?</svg>", page, flags=re.S))


def test_clean_text():
    assert clean_text(None) == "" and clean_text(float("nan")) == ""
    assert clean_text(["a", "b"]) == "a, b"
    assert clean_text("a\nb\x00") == "a\ufffdb\ufffd"
    assert clean_text("x" * 500, limit=10) == "x" * 9 + "\u2026"


def test_cli_report_writes_into_a_release_without_one_and_elsewhere_after(tmp_path, capsys):
    from newswire.cli import main

    folder = write_release(tmp_path / "processed" / "r1", synthetic_tables())
    assert main(["report", "r1", "--out", str(tmp_path / "processed")]) == 0
    assert (folder / REPORT_FOLDER / "index.html").exists()
    before = (folder / REPORT_FOLDER / "index.html").read_bytes()
    assert main(["report", str(folder), "--report-dir", str(tmp_path / "again")]) == 0
    assert (tmp_path / "again" / "index.html").exists()
    assert (folder / REPORT_FOLDER / "index.html").read_bytes() == before
    assert main(["report", "missing", "--out", str(tmp_path / "processed")]) == 2


@pytest.mark.parametrize("first, later", [
    ('<linearGradient id="gradient_0"/><rect fill="url(#gradient_0)"/>',
     '<linearGradient id="gradient_41"/><rect fill="url(#gradient_41)"/>'),
    ('<g id="gradient_2"/><g id="gradient_5"/><rect fill="url(#gradient_5)"/><text>gradient_2</text>',
     '<g id="gradient_9"/><g id="gradient_12"/><rect fill="url(#gradient_12)"/><text>gradient_2</text>'),
])
def test_a_chart_names_its_gradients_the_same_whatever_the_process_drew_before(first, later):
    from newswire.report import _ids_of_the_chart

    named = _ids_of_the_chart(first, '{"mark": "rect"}')
    assert named == _ids_of_the_chart(later, '{"mark": "rect"}')
    assert "gradient_" not in named.replace("<text>gradient_2</text>", "")  # a label is not an id
    assert named != _ids_of_the_chart(first, '{"mark": "bar"}')  # two charts of one page: distinct ids


@pytest.mark.parametrize("series", [None, "kind"])
def test_a_time_chart_draws_the_svg_of_vegas_default_label_limit(monkeypatch, series):
    """time_chart lifts the day axis's label limit (checking each label against it was half of
    vl-convert's time): a day's label never reaches it, so the SVG is the one the default limit draws."""
    import json

    import pandas as pd
    import vl_convert

    from newswire import report

    days = pd.to_datetime([f"2024-{month:02d}-{day:02d}" for month in (1, 2, 11) for day in range(1, 29)], utc=True)
    data = pd.DataFrame({"day": days.repeat(2), "kind": ["CONSULT", "MATERIAL CONFLICT, a long label"] * len(days)})
    charts = []
    monkeypatch.setattr(report, "render_svg", lambda chart: charts.append(json.loads(chart.to_json())) or "")
    report.time_chart(data, "day", series, "Per day")
    spec = charts[0]
    assert spec["encoding"]["x"]["axis"] == {"labelLimit": 0}
    default = {**spec, "encoding": {**spec["encoding"], "x": {k: v for k, v in spec["encoding"]["x"].items() if k != "axis"}}}
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    assert svg == vl_convert.vegalite_to_svg(json.dumps(default))
    assert "2024-11-28" in svg and "2024-01-01" in svg
