"""Structure and boilerplate on the seed articles (golden) and on the cases each rule exists for."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.ingest import RawDocument, read_document
from newswire.structure import body_text, html_main_text, parse_date_line, split_lines, structure, subheadings
from newswire.tables import boilerplate_table

SEEDS = Path(__file__).parent / "data" / "seeds"
GOLDEN = json.loads((Path(__file__).parent / "golden" / "seed_structure.json").read_text(encoding="utf-8"))


def parse_seed(name: str):
    return structure(read_document(SEEDS / name, name))


def document(text: str, source: str = "a.txt") -> RawDocument:
    return RawDocument(source, len(text), "0" * 64, "utf-8", "text", text)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_seed_structure_matches_golden(name):
    article, want = parse_seed(name), GOLDEN[name]
    assert article.title == want["title"]
    assert article.kicker == want["kicker"]
    assert article.standfirst == want["standfirst"]
    assert (article.published.isoformat() if article.published else None) == want["published"]
    assert article.published_tz == want["published_tz"]
    assert article.dateline == want["dateline"]
    assert article.credits == want["credits"]
    assert article.language == want["language"]
    assert subheadings(article) == want["subheadings"]
    assert [[r.kind, r.line.text] for r in article.removed] == want["removed"]


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_seed_text_keeps_every_other_line(name):
    """Every source line is in exactly one place: text, a header field, or the boilerplate list."""
    article = parse_seed(name)
    text = body_text(article)
    removed = {r.line.text for r in article.removed}
    header = {article.title, article.kicker} | set((article.standfirst or "").split("\n"))
    for line in split_lines((SEEDS / name).read_text(encoding="utf-8")):
        in_text = line.text in text
        assert in_text or line.text in removed or line.text in header, line.text
        if line.text in removed:
            assert line.text not in text


def test_title_in_text_is_never_repeated():
    article = parse_seed("004_e38e69d9be152fb8.txt")
    assert not body_text(article).startswith(article.title)


def test_dateline_is_recorded_and_kept_in_text_with_inline_credit():
    article = parse_seed("002_938be92725bdc9c3.txt")
    text = body_text(article)
    assert text.startswith("WASHINGTON, United States \u2013 The Biden and NATO administrations told Russia")
    assert text.rstrip().endswith("said Kremlin envoy Dmitry Kozak. (AP)")
    assert article.credits == ["AP"]


@pytest.mark.parametrize(("line", "utc", "tz"), [
    ("27 January 2022, 05:46 PM", datetime(2022, 1, 27, 17, 46, tzinfo=timezone.utc), None),
    ("Published : January 27, 2022 17:03 IST", datetime(2022, 1, 27, 11, 33, tzinfo=timezone.utc), "+05:30"),
    ("Updated: Wed 26 Jan 2022 18.02 GMT", datetime(2022, 1, 26, 18, 2, tzinfo=timezone.utc), "+00:00"),
    ("2022-01-27T10:00:00+02:00", datetime(2022, 1, 27, 8, 0, tzinfo=timezone.utc), "+02:00"),
])
def test_date_lines(line, utc, tz):
    assert parse_date_line(line) == (utc, tz)


@pytest.mark.parametrize("line", [
    "The talks lasted until January 27, 2022 when the sides agreed to meet again in Berlin for further dialogue.",
    "Ukraine Crisis", "", "2022", "On Dec. 17, Russia issued demands",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_dateline_with_agency_in_parentheses():
    article = structure(document("Headline here\n\nKYIV, Ukraine (AP) \u2014 Russian forces shelled the city on Monday, officials said, "
                                 "in the heaviest attack for weeks on the capital.\n"))
    assert article.dateline == "KYIV, Ukraine"
    assert article.credits == ["AP"]
    assert body_text(article).startswith("KYIV, Ukraine (AP) \u2014 Russian forces shelled")


def test_byline_kicker_and_standfirst():
    text = ("Diplomacy\n\nTalks resume in Geneva\n\nBy Jane Doe and John Roe\n\n"
            "Negotiators meet again after weeks of deadlock over the border\n\n"
            "Negotiators from both sides met in Geneva on Monday for the first time in a month, officials said.\n")
    article = structure(document(text))
    assert (article.kicker, article.title, article.byline) == ("Diplomacy", "Talks resume in Geneva", "By Jane Doe and John Roe")
    assert article.standfirst == "Negotiators meet again after weeks of deadlock over the border"
    # a deck below the headline may be an unpunctuated lede, so it also opens the text
    assert body_text(article).startswith("Negotiators meet again after weeks of deadlock over the border\nNegotiators from both")


def test_deck_above_the_headline_is_not_body():
    article = parse_seed("000_4efa51a7752c072d.txt")
    assert article.standfirst and article.standfirst not in body_text(article)


def test_only_a_headline_is_kept_as_title_with_empty_text():
    article = structure(document("Just a headline\n"))
    assert article.title == "Just a headline"
    assert body_text(article) == ""


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_structure_never_raises_and_text_is_made_of_source_lines(text):
    from newswire.ingest import normalise_text

    normalised = normalise_text(text)
    if not normalised.strip():
        return
    article = structure(document(normalised))
    source_lines = {line.text for line in split_lines(normalised)}
    for index, line in enumerate(body_text(article).split("\n")):
        if line:
            assert line in source_lines or (index == 0 and any(s.endswith(line) for s in source_lines))
    for removed in article.removed:
        assert normalised[removed.line.start:removed.line.end] == removed.line.text


def test_html_article_through_trafilatura():
    path = Path(__file__).parent / "data" / "html" / "nato_reply.html"
    article = structure(read_document(path, path.name))
    text = body_text(article)
    assert article.format == "html"
    assert article.title == "NATO replies to Moscow's security demands"
    assert (article.published, article.published_tz) == (datetime(2022, 1, 26, 18, 2, tzinfo=timezone.utc), "+00:00")
    assert article.dateline == "BRUSSELS"
    assert text.startswith("BRUSSELS \u2014 NATO Secretary General Jens Stoltenberg said on Wednesday")
    assert "Sergei Lavrov said Moscow would study" in text
    for chrome in ("tracking", "evil", "color:red", "Copyright", "Home", article.title):
        assert chrome not in text


def test_html_boilerplate_offsets_index_the_extracted_main_text(tmp_path):
    """As the boilerplate schema says: for HTML, line numbers and offsets index the main text
    trafilatura extracts from the page (what the line rules read), not the markup."""
    html = (Path(__file__).parent / "data" / "html" / "nato_reply.html").read_text(encoding="utf-8")
    html = html.replace("<p>Russian Foreign", "<p>Photo: Reuters/John Smith</p>\n<p>Russian Foreign").replace(
        "</article>", "<p>Read more: NATO allies send more troops to the east</p>\n<p>Follow us on Twitter</p></article>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    document = read_document(tmp_path / "page.html", "page.html")
    main_text = html_main_text(document.text)
    rows = boilerplate_table([structure(document)])
    assert set(rows["text"]) == {"Photo: Reuters/John Smith", "Read more: NATO allies send more troops to the east",
                                 "Follow us on Twitter"}
    for row in rows.itertuples():
        assert main_text[row.start:row.end] == row.text
        assert main_text.split("\n")[row.line_number].strip() == row.text


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=80))
def test_date_parsing_never_raises(line):
    parsed = parse_date_line(line)
    if parsed is not None:
        moment, offset = parsed
        assert moment.tzinfo is not None
        assert offset is None or (len(offset) == 6 and offset[0] in "+-")


def test_short_title_case_headline_above_a_deck_is_not_a_kicker():
    text = ("Putin Keeps West Guessing\n\nThe Kremlin gave no sign of its plans as troops massed near the border\n\n"
            "Russian President Vladimir Putin kept Western leaders guessing on Friday, officials in Washington said.\n")
    article = structure(document(text))
    assert (article.kicker, article.title) == (None, "Putin Keeps West Guessing")


def test_capitals_kicker_and_byline_in_capitals():
    text = ("UKRAINE CRISIS\nSpain sends frigate to the Black Sea\nMIGUEL GONZ\u00c1LEZ\nMadrid - 26 ene 2022 - 13:12 CET\n"
            "The Spanish government has dispatched a frigate to the Black Sea as part of a NATO deployment, ministers said.\n")
    article = structure(document(text))
    assert (article.kicker, article.title, article.byline) == ("UKRAINE CRISIS", "Spain sends frigate to the Black Sea",
                                                               "MIGUEL GONZ\u00c1LEZ")
    assert article.dateline == "Madrid"
    assert (article.published, article.published_tz) == (datetime(2022, 1, 26, 12, 12, tzinfo=timezone.utc), "+01:00")


def test_wire_dateline_with_date_and_agency_stays_in_text():
    text = ("Zelenskiy urges calm\n\nKYIV, Jan 28 (Reuters) - Ukrainian President Volodymyr Zelenskiy on Friday urged "
            "Western leaders not to create panic over a possible Russian invasion.\n")
    article = structure(document(text))
    assert (article.dateline, article.credits) == ("KYIV", ["Reuters"])
    assert body_text(article).startswith("KYIV, Jan 28 (Reuters) - Ukrainian President")


def test_section_kicker_publication_time_over_update_and_dateline_after_the_date():
    text = ("News / National\n\nAssembly elections 2023: Polling in five States from November 7\n\n"
            "Updated - October 09, 2023 10:44 pm IST\n\nPublished - October 09, 2023 12:20 pm IST - NEW DELHI\n\n"
            "The Election Commission on Monday announced the schedule for Assembly elections in five States, officials said.\n")
    article = structure(document(text))
    assert (article.kicker, article.title) == ("News / National", "Assembly elections 2023: Polling in five States from November 7")
    assert article.published == datetime(2023, 10, 9, 6, 50, tzinfo=timezone.utc)
    assert article.dateline == "NEW DELHI"


@pytest.mark.parametrize(("line", "utc"), [
    ("March 12, 2024, 5:31 p.m. ET", datetime(2024, 3, 12, 21, 31, tzinfo=timezone.utc)),  # daylight saving time
    ("January 12, 2024, 5:31 p.m. ET", datetime(2024, 1, 12, 22, 31, tzinfo=timezone.utc)),
    ("Issued on: 01/07/2024 - 02:41", datetime(2024, 7, 1, 2, 41, tzinfo=timezone.utc)),
    ("Published July 13, 2024 Updated July 13, 2024 10:48am", datetime(2024, 7, 13, tzinfo=timezone.utc)),
])
def test_more_date_lines(line, utc):
    assert parse_date_line(line)[0] == utc


@pytest.mark.parametrize(("opening", "place", "credits"), [
    ("MOSCOW, December 27. /TASS/. Russian Foreign Minister Sergey Lavrov met his Indian counterpart on Wednesday.", "MOSCOW", ["TASS"]),
    ("ISLAMABAD: Pakistan and the International Monetary Fund have reached a staff-level agreement on a loan.", "ISLAMABAD", []),
    ("BISHKEK -- A court in the Kyrgyz capital has sentenced four journalists to prison terms on Thursday.", "BISHKEK", []),
])
def test_dateline_forms(opening, place, credits):
    article = structure(document(f"A headline about the news\n\n{opening}\n"))
    assert (article.dateline, article.credits) == (place, credits)


def test_credit_lines_normalise_agency_names():
    text = ("A headline about the news\n\nThe talks in Paris lasted more than eight hours and ended without agreement, diplomats said.\n\n"
            "KYODO, JIJI\n\nWith reporting by AFP and Current Time\n")
    assert structure(document(text)).credits == ["Kyodo", "Jiji", "AFP"]
