"""Decoded document -> headline, kicker, standfirst, date, dateline, credits and body lines.

Works on plain text with one paragraph per line (the seeds, the BBC corpus) and on HTML via
trafilatura, which supplies the main text and metadata; both then share the same line rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
from functools import lru_cache

from newswire.boilerplate import Verdict, classify_lines, normalise_line, text_language
from newswire.data import load as load_data
from newswire.dedupe import TextFingerprint, fingerprint
from newswire.htmlpage import page_metadata, parse_iso_time, reconcile_body, strip_site_name
from newswire.ingest import RawDocument
from newswire.outlets import resolve
from newswire.outlets import page_metadata as outlet_metadata
from newswire.pagetext import PageArticle, chrome_inside_body, find_article, is_paragraph, stopwords
from newswire.text import is_sentence, stable_hash, word_count

# The header block (headline, kicker, standfirst, date) ends at the first line that reads
# like a body paragraph; see _starts_body.
MIN_BODY_PARAGRAPH_WORDS = 12
MAX_HEADER_LINE_WORDS = 40
# Kickers ("Ukraine Crisis") are a few words set above the headline.
MAX_KICKER_WORDS = 4
MAX_TITLE_CASE_KICKER_WORDS = 2
SECTION_CONNECTORS = {"and", "&", "/", "|", ">", "\u203a"}
# A first line this long, above a shorter one, is a deck printed above the headline.
MIN_DECK_WORDS = 15
# Dates and bylines are looked for in the header and in this many lines after it.
EARLY_BODY_LINES = 6
# Datelines open one of the first paragraphs (a deck or promo may come first).
DATELINE_SEARCH_LINES = 8
MAX_SUBHEADING_WORDS = 12
MAX_QUESTION_SUBHEADING_WORDS = 8
MAX_DATE_LINE_WORDS = 12
# Whole-page text (every menu item on its own line) is told from an article with some chrome by
# the lines the page detector leaves outside the article that no line rule explains: one
# paragraph per line articles have a handful (a kicker, a related link), pages have dozens.
MIN_PAGE_CHROME_LINES = 10

# News agencies whose names appear as credits: "(AP)", "fb/msh (AFP, AP, Reuters)".
_AGENCY_NAMES = {key: entry["name"] for key, entry in load_data("agencies.json").items()}
AGENCIES = set(_AGENCY_NAMES)
# Time-zone abbreviations that dateparser reads differently from English-language news:
# it takes IST as Israel Standard Time; in English news it is overwhelmingly India's.
# Generic zone names mean local time, summer or winter: "5:31 p.m. ET" in March is UTC-4.
TZ_REGIONS = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
TZ_OVERRIDES = {"IST": timedelta(hours=5, minutes=30), "PKT": timedelta(hours=5), "WIB": timedelta(hours=7)}

# htmldate (via trafilatura) returns the day only unless asked for the time and zone.
HTML_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_HINT = re.compile(rf"(\b\d{{1,2}}\s+[^\W\d_]{{3,10}}\.?\s+(?:19|20)\d{{2}}\b|\b{_MONTH}\s+\d{{1,2}}|\b\d{{1,2}}\s+{_MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})",
                        re.IGNORECASE)
# "Published July 13, 2024 Updated July 13, 2024 10:48am": the update time is cut off.
_SECOND_DATE = re.compile(r"\s+(?:updated|modified|last updated)\b.*$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
# "Published - October 09, 2023 12:20 pm IST - NEW DELHI": a dateline after the date.
_PLACE_AFTER_DATE = re.compile(r"\s+[-\u2013\u2014|]\s+(?P<place>[A-Z][A-Z .'-]{2,30})$")
# Between a publication and an update time, the publication time is the article's date.
_UPDATE_LABEL = re.compile(r"^\s*(updated|last updated|modified)\b", re.IGNORECASE)
# English first; then the languages whose month names English-language pages carry in their chrome.
DATE_LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "nl"]
# "Madrid - 26 ene 2022 - 13:12 CET": a place, then the date.
_PLACE_BEFORE_DATE = re.compile(r"^(?P<place>[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,2})\s+[-\u2013\u2014|]\s+(?=\d)")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DATE_LABEL = re.compile(r"^\s*(published|updated|posted|last updated|first published|date|created|issued|modified)\s*(on|at)?\s*[:\-\u2013]?\s*",
                         re.IGNORECASE)
# Page copy glues fields together: "January 28, 20222:47 PM GMT+0Updated 3 years ago".
_UPDATED_AGO = re.compile(r"\s*(?:updated|modified)?\s*\d+\s+\w+\s+ago\s*$", re.IGNORECASE)
_GLUED_YEAR_TIME = re.compile(r"\b((?:19|20)\d{2})(\d{1,2}:\d{2})")
_TZ_TOKEN = re.compile(r"\s+\(?([A-Z]{2,5})\)?\s*$")
_NAME = r"[A-Z][\w.'\u2019/-]*(?:\s+(?:[A-Z][\w.'\u2019/-]*|van|von|der|de|al|bin|da|di|le|la)){1,3}"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|AND|&)\s*{_NAME})*"
_JOB_WORDS = r"(?:correspondent|editor|reporter|writer|journalist|analyst|producer|chief|columnist|contributor|staff)"
# "By Jane Doe and John Roe, CNN"; "Author Elliot Douglas"; "Ewa Krukowska and Jonathan Stearns";
# "Peter Walker Political correspondent": bylines, printed with or without "By".
_BYLINE = re.compile(
    rf"^\s*(?:[Bb][Yy]|[Aa]uthors?|[Ww]ritten by|[Ww]ords by|[Tt]ext by)\s*:?\s+[A-Z][\w.,'\u2019/&-]*(?:\s+[\w.,'\u2019/&-]+){{0,8}}\s*$"
    rf"|^\s*{_NAME}\s*(?:,|and|&)\s*{_NAME}\s*$"
    rf"|^\s*(?:The\s+)?[A-Z][\w.&' -]{{1,30}}\s(?:Bureau|Desk|Staff Reporter|Staff Writers?|Correspondent)\s*$"
    rf"|^\s*{_NAME},?\s+(?:[A-Z]?[a-z]+\s+)?{_JOB_WORDS}\s*$"
)
# "MIGUEL GONZ\u00c1LEZ" under the headline: a byline in capitals (above it, capitals are a kicker).
_CAPS_NAME = re.compile(r"^[^\W\d_a-z]{2,}(?:[ -][^\W\d_a-z]{2,}){1,3}$")
# "Shahid Rizvi" under the headline: a byline with no "By".
_BARE_NAME = re.compile(r"^[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}$")
# The line under a byline naming the outlet and place: "BBC News, Berlin".
_BYLINE_PLACE = re.compile(r"^[A-Z][\w.&' -]{1,30},\s*[A-Z][\w.' -]{1,30}$")
_PLACE = r"[A-Z][A-Za-z.'\u2019-]+(?:\s+[A-Z][A-Za-z.'\u2019-]+){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"
_SHORT_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
# "WASHINGTON, United States \u2013 ", "KYIV, Ukraine (AP) \u2014 ", "KYIV, Jan 28 (Reuters) - ",
# "Moscow (Reuters) - ", "New Delhi, Jan 31 (PTI) India ...", "(Bloomberg) -- ".
_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}(?:,\s*(?!{_SHORT_DATE}\b){_PLACE})?)(?:,\s*{_SHORT_DATE}\.?)?"
    rf"\s*(?:\((?P<agency>[^)]{{1,40}})\)|/(?P<agency4>[A-Za-z]{{2,12}})/\.?)?\s*[\u2013\u2014-]{{1,2}}\s+(?=\S)"
    rf"|^(?P<place6>[A-Z]{{5,}}):\s+(?=[A-Z])"
    rf"|^(?P<place5>{_CAPS_PLACE}),\s*{_SHORT_DATE}\.?\s*/(?P<agency5>[A-Za-z]{{2,12}})/\.?\s+(?=\S)"
    rf"|^(?P<place2>{_PLACE}(?:,\s*(?!{_SHORT_DATE}\b){_PLACE})?)(?:,\s*{_SHORT_DATE})?\s*\((?P<agency2>[^)]{{1,40}})\)\s*(?:[\u2013\u2014-]{{1,2}}\s+|(?=[A-Z\u201c\"]))"
    rf"|^\((?P<agency3>[^)]{{1,40}})\)\s*[\u2013\u2014-]{{1,2}}\s+(?=\S)"
)
# A dateline printed on a line of its own: "Washington CNN \u2014".
_DATELINE_LINE = re.compile(rf"^(?P<place>{_PLACE}?)(?:\s+(?P<outlet>[A-Z]{{2,6}}))?\s*[\u2013\u2014-]{{1,2}}\s*$")
_CREDIT_LINE = re.compile(r"^\s*(?:[a-z]{1,5}(?:/[a-z]{1,5})*\s*)?\((?P<agencies>[^)]{1,60})\)\s*$")
# "With reporting by AFP and Current Time", "Additional reporting from Reuters".
_REPORTING_CREDIT = re.compile(r"^\s*(?:with\s+)?(?:additional\s+)?reporting\s+(?:by|from)\s+(?P<agencies>[^;]{2,80}?)\.?\s*$",
                               re.IGNORECASE)
# "AFP", "KYODO, JIJI": a line of agency names only.
_BARE_CREDIT_LINE = re.compile(r"^\s*(?P<agencies>[A-Za-z]{2,12}(?:\s*,\s*[A-Za-z]{2,12}){0,3})\s*$")
_TRAILING_CREDIT = re.compile(r"\((?P<agencies>[A-Za-z][A-Za-z ,/&.-]{0,50})\)\s*$")


@dataclass(frozen=True)
class Line:
    number: int  # 0-based line number in the normalised source text
    start: int  # character offsets into the normalised source text
    end: int
    text: str


@dataclass(frozen=True)
class RemovedLine:
    line: Line
    kind: str
    reason: str


@dataclass
class ParsedArticle:
    article_id: str
    content_hash: str
    source: str
    file_hash: str
    size: int
    encoding: str
    format: str
    title: str | None
    kicker: str | None
    standfirst: str | None
    byline: str | None
    published: datetime | None  # UTC when a zone is stated; the stated wall-clock time otherwise
    published_text: str | None
    published_tz: str | None  # "+05:30" as stated, None when the text states no zone
    dateline: str | None
    credits: list[str]
    language: str
    body: list[Line]  # content lines, in order
    removed: list[RemovedLine] = field(default_factory=list)
    decode_note: str | None = None
    outlet: str | None = None  # see newswire.outlets for where it comes from
    url: str | None = None
    encoding_confidence: float = 1.0
    no_article_reason: str | None = None  # a whole page with no article in it (home page, 404, login wall)
    # dedupe's fingerprint of the body text as structured (made here, in the workers, and cached with
    # the structure); None for an empty body and once the body changes (drop_recurring)
    fingerprint: TextFingerprint | None = None


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(number, offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # slow import; only needed when a line looks like a date

    return dateparser


def parse_date_line(line: str) -> tuple[datetime, str | None] | None:
    """A short line stating a publication date -> (datetime, "+hh:mm" or None)."""
    if word_count(line) > MAX_DATE_LINE_WORDS:
        return None
    candidate = _DATE_LABEL.sub("", line).strip(" ,|")
    candidate = _UPDATED_AGO.sub("", candidate)
    candidate = _GLUED_YEAR_TIME.sub(r"\1 \2", candidate).strip(" ,|")
    if not _YEAR.search(candidate) or not _DATE_HINT.search(candidate):
        return None
    candidate = _SECOND_DATE.sub("", candidate)
    override = zone = None
    tz_match = _TZ_TOKEN.search(candidate)
    if tz_match and tz_match.group(1) in TZ_OVERRIDES:
        override = TZ_OVERRIDES[tz_match.group(1)]
        candidate = candidate[: tz_match.start()]
    elif tz_match and tz_match.group(1) in TZ_REGIONS:
        zone = ZoneInfo(TZ_REGIONS[tz_match.group(1)])
        candidate = candidate[: tz_match.start()]
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    if _NUMERIC_DATE.search(candidate):
        # 08.02.2022 and 01/07/2024 are day first outside the US, whose news pages spell months out
        settings["DATE_ORDER"] = "DMY"
    try:
        parsed = (_dateparser().parse(candidate, languages=["en"], settings=settings)
                  or _dateparser().parse(candidate, languages=DATE_LANGUAGES, settings=settings))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    if override is not None:
        parsed = parsed.replace(tzinfo=timezone(override))
    elif zone is not None:
        parsed = parsed.replace(tzinfo=zone)
    offset = parsed.utcoffset()
    if offset is None:
        return parsed.replace(tzinfo=timezone.utc), None
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return parsed.astimezone(timezone.utc), f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_agencies(text: str) -> list[str] | None:
    """"AFP, AP, Reuters" -> ["AFP", "AP", "Reuters"]; "FRANCE 24 with AFP and Reuters" ->
    ["AFP", "Reuters"]: the known agencies, when every other part is a short outlet name."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|/|&|\band\b|\bwith\b)\s*", text, flags=re.IGNORECASE) if p.strip()]
    known = [p for p in parts if p.upper().rstrip(".") in AGENCIES]
    others = [p for p in parts if p not in known]
    if known and all(len(p.split()) <= 2 and p[:1].isupper() for p in others):
        return [_AGENCY_NAMES[p.upper().rstrip(".")] for p in known]
    return None


def _starts_body(line: str, header: list[Line]) -> bool:
    """Headlines and decks are short and rarely end like sentences; body paragraphs do.

    The first line may be a headline ending in "?" or ".", so a sentence ends the header only
    once a headline candidate exists, unless it is long.
    """
    if _DATELINE.match(line) or word_count(line) >= MAX_HEADER_LINE_WORDS:
        return True
    return is_sentence(line) and (bool(header) or word_count(line) >= MIN_BODY_PARAGRAPH_WORDS)


def is_subheading(line: str) -> bool:
    words = word_count(line)
    if line.rstrip().endswith("?"):
        return 0 < words <= MAX_QUESTION_SUBHEADING_WORDS
    return 0 < words <= MAX_SUBHEADING_WORDS and not is_sentence(line)


@dataclass(frozen=True)
class HtmlArticle:
    lines: list[Line]
    title: str | None
    byline: str | None
    published: tuple[datetime, str | None] | None  # a full timestamp stated in the markup, with its zone
    published_text: str | None
    date: str | None  # trafilatura's date, when the markup states no time
    no_article_reason: str | None
    above_body: dict[int, str] = field(default_factory=dict)  # line index -> see htmlpage.ReconciledBody
    language: str = "und"  # of trafilatura's text (or the title), for a page whose body is empty


def _html_article(html: str, language_hint: str | None = None) -> HtmlArticle:
    """Main text of an HTML page as lines: trafilatura's, trimmed to the article the whole-page
    detector finds on the same page; title (site name stripped), byline and publication time
    from the page's markup, trafilatura's as a fallback."""
    import trafilatura

    options = {"include_comments": False, "include_tables": False}
    document = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=HTML_DATE_PARAMS, **options)
    markup = page_metadata(html)
    extracted = getattr(document, "text", None) or "" if document is not None else ""
    title = (getattr(document, "title", None) if document is not None else None) or markup.title
    site_name = markup.site_name or (getattr(document, "sitename", None) if document is not None else None)
    title = strip_site_name(title, site_name) if title else None
    texts = [line.strip() for line in extracted.split("\n") if line.strip()]
    # a second opinion: trafilatura's own extraction, without the fallback extractors it
    # compares it with (on a teaser-heavy page the fallback may take the teasers)
    fast = trafilatura.extract(html, fast=True, **options) or ""
    language = language_hint or text_language("\n".join(texts) or title or "")
    reconciled = reconcile_body(html, [texts, fast.split("\n")], language, title)
    published = published_text = None
    if markup.published and (stated := parse_iso_time(markup.published)) and stated[1]:
        moment, _ = stated
        offset = moment.utcoffset()
        if offset is None:
            published = (moment.replace(tzinfo=timezone.utc), None)
        else:
            sign = "-" if offset < timedelta(0) else "+"
            minutes = abs(int(offset.total_seconds())) // 60
            published = (moment.astimezone(timezone.utc), f"{sign}{minutes // 60:02d}:{minutes % 60:02d}")
        published_text = markup.published
    author = getattr(document, "author", None) if document is not None else None
    return HtmlArticle(split_lines("\n".join(reconciled.lines)), title, markup.byline or author, published, published_text,
                       getattr(document, "date", None) if document is not None else None, reconciled.no_article_reason,
                       reconciled.above_body, language)


def html_main_text(html: str) -> str:
    """The text an HTML article's line rules read (trafilatura's main text, reconciled with the
    whole-page detector, one paragraph per line): line numbers and offsets of an HTML
    article's removed lines index it, not the markup."""
    return "\n".join(line.text for line in _html_article(html).lines)


def _is_label(line: str) -> bool:
    """A kicker is a topic label: one or two capitalised words ("Ukraine Crisis", "Conflicts"),
    or a few in capitals ("UKRAINE CRISIS"). Longer title-case lines are headlines of outlets
    that capitalise every word ("Putin Keeps West Guessing")."""
    words = [w for w in line.split() if w.lower() not in SECTION_CONNECTORS]
    capitalised = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    section_path = len(words) < len(line.split())  # "Energy and Climate", "News / National"
    return capitalised and (0 < len(words) <= MAX_TITLE_CASE_KICKER_WORDS
                            or (len(words) <= MAX_KICKER_WORDS and (line.upper() == line or section_path)))


def _pick_header(candidates: list[Line]) -> tuple[Line | None, Line | None, list[Line]]:
    """(kicker, title, standfirst lines) from the lines above the first paragraph.

    The headline is the first line, after an optional kicker ("Ukraine Crisis"), unless that
    line is a deck printed above it: a long line followed by a shorter one.
    """
    if not candidates:
        return None, None, []
    kicker = None
    if len(candidates) >= 2 and _is_label(candidates[0].text) and word_count(candidates[0].text) < word_count(candidates[1].text):
        kicker, candidates = candidates[0], candidates[1:]
    title = candidates[0]
    if len(candidates) >= 2 and word_count(title.text) >= MIN_DECK_WORDS and word_count(candidates[1].text) < word_count(title.text):
        title = candidates[1]
    return kicker, title, [c for c in candidates if c is not title]


@dataclass(frozen=True)
class PageVerdicts:
    """The whole-page decision applied to lines: the headline and, per line, why it goes (or None)."""

    headline: Line | None
    standfirst: list[Line]
    reasons: list[str | None]
    no_article_reason: str | None


def _enough_page_chrome(texts: list[str], verdicts: list, stoplist: frozenset[str]) -> bool:
    """Whether MIN_PAGE_CHROME_LINES lines are neither explained by a line rule nor paragraphs.

    Stops as soon as the answer is known: is_paragraph is the costly part, and most articles
    have fewer unexplained lines in all than the threshold.
    """
    unexplained = [text for text, verdict in zip(texts, verdicts) if verdict is None]
    needed = MIN_PAGE_CHROME_LINES
    for index, text in enumerate(unexplained):
        if needed > len(unexplained) - index:
            return False
        if not is_paragraph(text, stoplist):
            needed -= 1
            if needed == 0:
                return True
    return False


def page_verdicts(lines: list[Line], verdicts: list, language: str) -> PageVerdicts | None:
    """For whole-page text, the lines outside the article; None for an article with a little chrome.

    Outside the detected body (before the headline, after the body's last paragraph) a line goes
    unless a line rule already removed it. Between the headline and the body only date lines,
    bylines (structure records both) and standfirst paragraphs stay.
    """
    texts = [line.text for line in lines]
    stoplist = stopwords(language)
    if not _enough_page_chrome(texts, verdicts, stoplist):
        return None  # not enough short unexplained lines for page chrome: an article, however long
    decision: PageArticle = find_article(texts, language)
    if decision.found:
        assert decision.body_start is not None and decision.body_end is not None
        top = decision.headline if decision.headline is not None else decision.body_start
        outside = [i for i in range(len(lines)) if i < top or i > decision.body_end]
    else:
        outside = list(range(len(lines)))
    if sum(verdicts[i] is None for i in outside) < MIN_PAGE_CHROME_LINES:
        return None
    if not decision.found:
        reason = decision.no_article_reason or "no article on the page"
        return PageVerdicts(None, [], [reason] * len(lines), reason)
    assert decision.body_start is not None and decision.body_end is not None
    reasons: list[str | None] = [None] * len(lines)
    inside = chrome_inside_body(texts, decision.body_start, decision.body_end, stoplist)
    for i, reason in inside.items():
        reasons[i] = reason
    for i in outside:
        reasons[i] = ("page chrome before the headline" if i < top else "page chrome after the article body "
                      "(whole-page decision: the body is the first dense run of prose)")
    standfirst = []
    for i in range(top + 1, decision.body_start):
        text = texts[i]
        if is_paragraph(text, stoplist) and verdicts[i] is None:
            standfirst.append(lines[i])
            reasons[i] = "standfirst above the body (recorded in standfirst)"
        elif parse_date_line(text) is None and not _BYLINE.match(text):
            reasons[i] = "page chrome between the headline and the body: not a date, a byline or a standfirst"
    headline = lines[decision.headline] if decision.headline is not None else None
    if headline is not None:
        reasons[decision.headline] = "headline (recorded in title)"
    return PageVerdicts(headline, standfirst, reasons, None)


def _html_verdicts(lines: list[Line], html: HtmlArticle) -> PageVerdicts:
    """The lines of an HTML article above its body (see htmlpage.reconcile_body): a standfirst
    paragraph is recorded in standfirst, date lines and bylines are read by the header rules,
    other lines there are page chrome."""
    reasons: list[str | None] = [None] * len(lines)
    standfirst = []
    for index, kind in html.above_body.items():
        text = lines[index].text
        if kind == "standfirst":
            standfirst.append(lines[index])
        elif parse_date_line(text) is None and not _BYLINE.match(text):
            reasons[index] = "page chrome between the headline and the body: not a date, a byline or a standfirst"
    return PageVerdicts(None, standfirst, reasons, None)


def structure(doc: RawDocument) -> ParsedArticle:
    content_hash = stable_hash(doc.text, length=64)
    article_id = stable_hash(content_hash, doc.source)
    html = _html_article(doc.text) if doc.kind == "html" else None
    lines = html.lines if html is not None else split_lines(doc.text)
    language = text_language("\n".join(line.text for line in lines if word_count(line.text) >= 6)
                             or "\n".join(line.text for line in lines))
    if html is not None and not lines:  # no article: the language of what the page says
        language = html.language
    verdicts = classify_lines([line.text for line in lines], language)
    page = page_verdicts(lines, verdicts, language) if html is None else _html_verdicts(lines, html)
    stated_title = _stated_title(html, page)
    sorted_lines = _sort_lines(lines, verdicts, page)
    header = _read_header(sorted_lines.kept, in_header=stated_title is None and page is None)
    if html is not None:  # date lines above an HTML body are read (published), not kept
        above = {lines[i].number for i, kind in html.above_body.items() if kind == "header"}
        header.removed += [RemovedLine(line, "date", "date line above the body (read for published)")
                           for line in header.body if line.number in above]
        header.body = [line for line in header.body if line.number not in above]
    headline = _choose_headline(header, stated_title, page)
    body = headline.body
    credits = list(sorted_lines.credits)
    removed = sorted_lines.removed + header.removed
    dateline = header.dateline
    if (opening := _opening_dateline(body, header.published_text)) is not None:
        dateline = opening.place or dateline
        _add_credits(credits, opening.agencies)
        if opening.own_line is not None:
            removed.append(RemovedLine(body.pop(opening.own_line), "dateline",
                                       "dateline printed on its own line (recorded in dateline)"))
    _add_credits(credits, _trailing_credits(body))
    published, published_tz, published_text = _publication(header, html, body, sorted_lines.late_dates)
    # the markup names the author outright; a byline found in the text is a guess from its shape
    byline = (html.byline if html is not None else None) or " / ".join(header.bylines) or None
    outlet, url = resolve(doc.listing, outlet_metadata(doc.text) if html is not None else None, credits)

    article = ParsedArticle(
        article_id=article_id, content_hash=content_hash, source=doc.source, file_hash=doc.file_hash,
        size=doc.size, encoding=doc.encoding, format=doc.kind,
        title=headline.title, kicker=headline.kicker,
        standfirst=" ".join(line.text for line in headline.standfirst) or None, byline=byline,
        published=published, published_text=published_text, published_tz=published_tz,
        dateline=dateline, credits=credits, language=language,
        body=body, removed=removed, decode_note=doc.decode_note, encoding_confidence=doc.encoding_confidence,
        outlet=outlet, url=url,
        no_article_reason=(html.no_article_reason if html is not None
                           else page.no_article_reason if page is not None else None),
    )
    text = body_text(article)
    article.fingerprint = fingerprint(text) if text.strip() else None
    return article


def _stated_title(html: HtmlArticle | None, page: PageVerdicts | None) -> str | None:
    """The headline the markup or the whole-page decision names; None when the header lines tell it."""
    if html is not None:
        return html.title
    if page is not None:
        return page.headline.text if page.headline else None
    return None


def _add_credits(credits: list[str], agencies: list[str]) -> None:
    credits.extend(a for a in agencies if a not in credits)


@dataclass
class _SortedLines:
    """A document's lines sorted by the line rules and the whole-page decision."""

    kept: list[Line] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # agencies named by credit lines
    late_dates: list[str] = field(default_factory=list)  # "Date 08.02.2022" in a footer block


def _sort_lines(lines: list[Line], verdicts: list[Verdict | None], page: PageVerdicts | None) -> _SortedLines:
    """Kept lines, and removed ones with their reasons; a page's headline and standfirst are
    recorded in title and standfirst, so they are neither kept nor removed as chrome."""
    found = _SortedLines()
    for index, (line, verdict) in enumerate(zip(lines, verdicts)):
        page_reason = page.reasons[index] if page is not None else None
        if page is not None and (line is page.headline or line in page.standfirst):
            continue
        if (agencies := _credit_line_agencies(line.text)) is not None:
            # "fb/msh (AFP, AP, Reuters)": often in the footer block, but it names the sources
            _add_credits(found.credits, agencies)
            found.removed.append(RemovedLine(line, "credit", "agency credit line (recorded in credits)"))
        elif verdict is None and page_reason is None:
            found.kept.append(line)
        elif verdict is None:
            found.removed.append(RemovedLine(line, "page_chrome", page_reason))
        else:
            if _DATE_LABEL.match(line.text):
                found.late_dates.append(line.text)
            found.removed.append(RemovedLine(line, verdict.kind, verdict.reason))
    return found


def _credit_line_agencies(text: str) -> list[str] | None:
    """The agencies a credit line names ("fb/msh (AFP, AP, Reuters)", "AFP, Reuters"); None for
    any other line. A line of bare names credits only when every name is an agency."""
    match = _CREDIT_LINE.match(text) or _REPORTING_CREDIT.match(text) or _BARE_CREDIT_LINE.match(text)
    if not match or not (agencies := parse_agencies(match.group("agencies"))):
        return None
    if match.re is _BARE_CREDIT_LINE and len(agencies) != len(re.split(r"\s*,\s*", text.strip())):
        return None
    return agencies


@dataclass
class _Header:
    """The kept lines read in order: the header block above the first paragraph, the body, and
    the date line and bylines printed in the header or the first lines of the body."""

    lines: list[Line] = field(default_factory=list)  # headline, kicker and standfirst candidates
    body: list[Line] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)  # the byline lines
    published: tuple[datetime, str | None] | None = None
    published_text: str | None = None
    dateline: str | None = None  # a place printed with the date: "Madrid - 26 ene 2022"

    def take_date(self, text: str, published: tuple[datetime, str | None], place: str | None) -> None:
        """The first date line is the article's date; between a publication and an update
        time, the publication time is."""
        replaces_update = self.published_text is not None and _UPDATE_LABEL.match(self.published_text) \
            and not _UPDATE_LABEL.match(text)
        if self.published is None or replaces_update:
            self.published, self.published_text = published, text
            self.dateline = place if place is not None else self.dateline


def _read_header(kept: list[Line], in_header: bool) -> _Header:
    """in_header: the text starts with the header block (False when the markup or the
    whole-page decision gives the headline)."""
    found = _Header()
    previous_byline = -2
    for index, line in enumerate(kept):
        early = in_header or len(found.body) < EARLY_BODY_LINES
        # The date line stays in the text (it is printed in the article); it is also parsed.
        dated = _read_date_line(line.text) if early else None
        if dated is not None:  # date lines stay in the text, never in the header
            found.take_date(line.text, *dated)
            found.body.append(line)
            continue
        if early and _is_byline(kept, index, previous_byline == index - 1, in_header and bool(found.lines)):
            found.bylines.append(line.text)
            found.removed.append(RemovedLine(line, "byline", "author line (recorded in byline)"))
            previous_byline = index
            continue
        if in_header and _starts_body(line.text, found.lines):
            in_header = False
        (found.lines if in_header else found.body).append(line)
    return found


def _read_date_line(text: str) -> tuple[tuple[datetime, str | None], str | None] | None:
    """(the date, the place printed with it) of a date line; None for any other line."""
    place = _PLACE_BEFORE_DATE.match(text)
    date_part = text[place.end():] if place else text
    place_after = _PLACE_AFTER_DATE.search(date_part)
    date_part = date_part[: place_after.start()] if place_after else date_part
    if (parsed := parse_date_line(date_part)) is None:
        return None
    printed_place = place.group("place") if place else place_after.group("place").strip() if place_after else None
    return parsed, printed_place


def _is_byline(kept: list[Line], index: int, after_byline: bool, under_headline: bool) -> bool:
    """An author line: "By Jane Doe" or the "BBC News, Berlin" line under it; under a headline,
    a name in capitals, or a bare name above the date line."""
    text = kept[index].text
    if _BYLINE.match(text) or (after_byline and _BYLINE_PLACE.match(text)):
        return True
    return under_headline and (bool(_CAPS_NAME.match(text)) or (
        bool(_BARE_NAME.match(text)) and index + 1 < len(kept) and parse_date_line(kept[index + 1].text) is not None))


@dataclass(frozen=True)
class _Headline:
    """What the header block gives, and the body it leaves."""

    kicker: str | None
    title: str | None
    standfirst: list[Line]
    body: list[Line]  # in line order


def _choose_headline(header: _Header, stated_title: str | None, page: PageVerdicts | None) -> _Headline:
    """Kicker, title and standfirst: the whole-page decision's or the markup's title when there
    is one, else picked from the header lines."""
    if page is not None:
        return _Headline(None, stated_title, list(page.standfirst), _in_line_order(header.body))
    if stated_title is not None:
        return _Headline(None, stated_title, [], _in_line_order(header.body))
    kicker, title, standfirst = _pick_header(header.lines)
    body = header.body
    # A deck below the headline may be the lede printed without its full stop (common in
    # the BBC corpus): it stays in the text as the opening paragraph. A deck above the
    # headline is never body.
    if title is not None:
        body = [line for line in standfirst if line.number > title.number] + body
    return _Headline(kicker.text if kicker else None, title.text if title else None, standfirst, _in_line_order(body))


def _in_line_order(lines: list[Line]) -> list[Line]:
    return sorted(lines, key=lambda line: line.number)


@dataclass(frozen=True)
class _Dateline:
    """A dateline at the top of the body: its place and the agencies it credits."""

    place: str
    agencies: list[str]
    own_line: int | None  # body index of a dateline printed on a line of its own


def _opening_dateline(body: list[Line], published_text: str | None) -> _Dateline | None:
    """The dateline opening one of the first paragraphs ("KYIV, Ukraine (AP) \u2014"), which
    stays in the text, as printed; or printed on a line of its own, above the paragraph."""
    openings = [i for i, line in enumerate(body[:DATELINE_SEARCH_LINES]) if line.text != published_text]
    for opening in openings:
        if (match := _DATELINE_LINE.match(body[opening].text)) and opening + 1 < len(body):
            # "Washington CNN \u2014" on a line of its own: the dateline of the paragraph below
            return _Dateline(match.group("place"), [], opening)
        match = _DATELINE.match(body[opening].text)
        if match and match.group("place2") and not parse_agencies(match.group("agency2")):
            match = None  # "Margaret Atwood (1998) ...": a mixed-case place needs a known agency after it
        if match:
            groups = match.groupdict()
            agency = next((groups[g] for g in ("agency", "agency2", "agency3", "agency4", "agency5") if groups[g]), "")
            return _Dateline((groups["place"] or groups["place2"] or groups["place5"] or groups["place6"] or "").strip(),
                             parse_agencies(agency) or [], None)
    return None


def _trailing_credits(body: list[Line]) -> list[str]:
    """The agencies credited at the end of the last paragraph: "... (AFP, Reuters)"."""
    if body and (match := _TRAILING_CREDIT.search(body[-1].text)):
        return parse_agencies(match.group("agencies")) or []
    return []


def _publication(header: _Header, html: HtmlArticle | None, body: list[Line],
                 late_dates: list[str]) -> tuple[datetime | None, str | None, str | None]:
    """(date, "+hh:mm" or None, the text it was read from): the markup's timestamp, which keeps
    the time and zone that htmldate and printed dates often lack; else the header's date line;
    else trafilatura's date, or a labelled date line of the body or the footer."""
    if html is not None and html.published is not None:
        return *html.published, html.published_text
    if header.published is not None:
        return *header.published, header.published_text
    labelled = [line.text for line in body if _DATE_LABEL.match(line.text)] + late_dates
    for date_text in [str(html.date)] if html is not None and html.date else labelled:
        if (parsed := parse_date_line(date_text)) is not None:
            return *parsed, date_text
    return None, None, None


def drop_recurring(article: ParsedArticle, recurring: set[str]) -> ParsedArticle:
    """Move body lines that recur across the corpus (see boilerplate.recurring_lines) out of the body."""
    if not recurring:
        return article
    keep, moved = [], []
    for index, line in enumerate(article.body):
        if index > 0 and normalise_line(line.text) in recurring:
            moved.append(RemovedLine(line, "recurring", "short line found verbatim in several unrelated articles"))
        else:
            keep.append(line)
    return replace(article, body=keep, removed=article.removed + moved, fingerprint=None) if moved else article


def body_text(article: ParsedArticle) -> str:
    """The cleaned text: body lines joined by "\\n"."""
    return "\n".join(line.text for line in article.body)


def body_word_count(article: ParsedArticle) -> int:
    """word_count(body_text(article)), counted line by line: no word runs across a line break, and
    the line rules have counted (and word_count kept) each line's words already."""
    return sum(word_count(line.text) for line in article.body)


def subheadings(article: ParsedArticle) -> list[str]:
    return [line.text for line in article.body if is_subheading(line.text)]


__all__ = ["Line", "ParsedArticle", "RemovedLine", "body_text", "body_word_count", "drop_recurring", "html_main_text",
           "parse_date_line", "split_lines", "structure", "subheadings"]
