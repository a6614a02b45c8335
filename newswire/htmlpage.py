"""HTML page -> the article's metadata from the page's own markup, and its body lines reconciled
between trafilatura and the whole-page detector.

trafilatura is one opinion. It leaves out what the page states plainly in its markup: the
author in JSON-LD or <meta name="author">, the publication time and zone in
article:published_time or JSON-LD datePublished (htmldate often keeps the day only), and the
site name glued to the title ("Headline | Site"). Its body sometimes runs on into the next
story or a teaser list; the whole-page detector (newswire.pagetext), run on the same page
rendered as lines, says where the article's prose ends.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from newswire.pagetext import (MIN_ARTICLE_WORDS, find_article, find_headline, is_header_line, is_paragraph, is_teaser, line_scores,
                                prose_runs, render_html_lines, stopwords, word_units)

# schema.org types whose headline, author and datePublished describe the article itself.
ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                 "BlogPosting", "BackgroundNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle", "WebPage"}
# <meta> names and properties, most specific first.
PUBLISHED_META = ["article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
                  "dc.date.issued", "sailthru.date", "parsely-pub-date"]
AUTHOR_META = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"]
TITLE_META = ["og:title", "twitter:title"]
SITE_NAME_META = ["og:site_name", "application-name", "twitter:site"]
# "Headline | Site", "Headline - Site", "Site: Headline".
_TITLE_SEPARATOR = re.compile(r"(\s*\|\s*|\s+[\u2013\u2014\u00b7\u2022\u00bb\u00ab-]{1,2}\s+|\s*:{1,2}\s+)")
# A title segment this short, at either end, naming the site, is the site name.
MAX_SITE_NAME_WORDS = 6
_DOMAIN = re.compile(r"https?://|www\.|\b[\w-]+\.(com|org|net|info|co|uk|de|fr|es|it|pt|br|in|cl|tt|tn|pe)\b", re.IGNORECASE)
# Below this share of trafilatura's words left after trimming, the detector found another block.
MIN_AGREEMENT_SHARE = 0.5
# A line the page prints this many times ("Advertisement", "CONTINUE READING") is page chrome.
MIN_CHROME_REPEATS = 3
# A kicker glued to the headline ("Nach Corona-Lockerungen Autohäuser rechnen ...") has up to this many words.
MAX_KICKER_WORDS = 5
_WORD = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W_]+")
TITLE_WORD_SHARE = 0.8
# A cookie notice, in any language that borrowed the word ("Nous utilisons des cookies ...").
_COOKIE_NOTICE = re.compile(r"\bcookies?\b", re.IGNORECASE)
MAX_COOKIE_NOTICE_WORDS = 45
# A byline or date line this close under the body's first paragraph makes that paragraph a standfirst.
STANDFIRST_HEADER_GAP = 3
_BY = re.compile(r"^\s*(by|von|par|por)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    site_name: str | None
    byline: str | None
    published: str | None  # as stated in the markup, ISO 8601


def _meta(root, names: list[str]) -> str | None:
    for name in names:
        for element in root.xpath("//meta[@property=$n or @name=$n or @itemprop=$n]", n=name):
            content = (element.get("content") or "").strip()
            if content:
                return content
    return None


def _json_ld_objects(root) -> Iterator[dict]:
    for script in root.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue  # broken JSON-LD is common; the other sources remain
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(item[key] for key in ("@graph", "mainEntity", "mainEntityOfPage") if key in item)


def _text(value) -> str | None:
    """A JSON-LD string, its HTML entities decoded ("&#8216;" is common in WordPress output)."""
    return html_lib.unescape(value).strip() or None if isinstance(value, str) else None


def _types(item: dict) -> set[str]:
    kinds = item.get("@type")
    return set(kinds) if isinstance(kinds, list) else {kinds} if isinstance(kinds, str) else set()


def _names(value) -> list[str]:
    """Author names from a JSON-LD author value: a string, a Person, or a list of them."""
    if isinstance(value, str):
        return [text] if (text := _text(value)) else []
    if isinstance(value, dict):
        return [text] if (text := _text(value.get("name"))) else []
    if isinstance(value, list):
        return [name for entry in value for name in _names(entry)]
    return []


def _plausible_author(name: str, site_name: str | None) -> bool:
    """A person or a desk, not the outlet's name, a domain or a profile URL."""
    name = name.strip()
    return bool(name) and not _DOMAIN.search(name) and (site_name is None or name.lower() != site_name.lower()) \
        and not name.startswith("@")


def strip_site_name(title: str, site_name: str | None) -> str:
    """"Headline | Site" -> "Headline": a short segment at either end naming the site goes."""
    site = re.sub(r"\W+", "", (site_name or "").lower())
    if not site:
        return title.strip()

    def names_site(part: str) -> bool:
        """The site's name, or a date printed beside it ("| DW | 23.05.2011")."""
        key = re.sub(r"\W+", "", part.lower())
        dated = not re.search(r"[^\W\d_]", part)
        return dated or (bool(key) and len(part.split()) <= MAX_SITE_NAME_WORDS and (key in site or site in key))

    pieces = _TITLE_SEPARATOR.split(title)  # part, separator, part, ...
    while len(pieces) > 2 and names_site(pieces[-1]):
        pieces = pieces[:-2]
    while len(pieces) > 2 and names_site(pieces[0]):
        pieces = pieces[2:]
    return "".join(pieces).strip()


def page_metadata(html: str) -> PageMetadata:
    """Title, site name, byline and publication time as the page's markup states them."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return PageMetadata(None, None, None, None)
    articles = [item for item in _json_ld_objects(root) if _types(item) & ARTICLE_TYPES]
    article = next((item for item in articles if _types(item) - {"WebPage"}), articles[0] if articles else {})
    publisher = article.get("publisher")
    site_name = _meta(root, SITE_NAME_META) or (_text(publisher.get("name")) if isinstance(publisher, dict) else None)
    site_name = site_name.lstrip("@") if site_name else None

    page_title = root.findtext(".//title")
    title = _text(article.get("headline")) or _meta(root, TITLE_META) or (page_title.strip() if page_title else None)

    authors = [_BY.sub("", name).strip() for name in _names(article.get("author"))]
    if not authors and (meta_author := _meta(root, AUTHOR_META)):
        authors = [_BY.sub("", meta_author).strip()]
    authors = list(dict.fromkeys(name for name in authors if _plausible_author(name, site_name)))

    published = _text(article.get("datePublished")) or _meta(root, PUBLISHED_META)
    return PageMetadata(title, site_name, " / ".join(authors) or None, published)


def parse_iso_time(text: str) -> tuple[datetime, bool] | None:
    """An ISO 8601 timestamp from markup -> (datetime, whether it states a time of day)."""
    cleaned = text.strip().replace(" ", "T", 1)
    cleaned = re.sub(r"(\.\d{6})\d+", r"\1", cleaned)  # microseconds beyond six digits
    cleaned = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", cleaned)  # +0100 -> +01:00
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        return None
    return parsed, "T" in cleaned


@dataclass(frozen=True)
class ReconciledBody:
    """The article's lines in page order, and what the lines above its body are."""

    lines: list[str]
    # index into lines -> "standfirst" (a paragraph between the headline and the body) or "header"
    # (a date, a byline or chrome between the headline and the body). Lines not named are body lines.
    above_body: dict[int, str]
    no_article_reason: str | None = None


def reconcile_body(html: str, extractions: list[list[str]], language: str, title: str | None = None) -> ReconciledBody:
    """The article's lines from trafilatura's extractions (its default one first, then others,
    e.g. without its fallback extractors), checked against the whole-page detector on the same
    page rendered as lines.

    - The extraction the detector scores highest (its prose counted, teasers and chrome costing)
      is taken; on a tie, the first. Lines the page prints three times or more ("Advertisement")
      and teasers of other stories (a summary above "Read more") go from it.
    - It is trimmed to the run of prose holding most of its words: the detector's article when
      that run holds at least MIN_AGREEMENT_SHARE of them, else another run of the page that does
      (trafilatura's fallback may pick a teaser list, the detector a long footer), else it stands.
      Lines above the run's headline go; after the run, short lines stay (tour dates, a closing
      credit) until the first paragraph of prose outside it (the next story, a teaser list).
    - Between the headline and the body's first paragraph, the headline printed again (alone or
      with a kicker glued to it) goes; a paragraph is marked as the standfirst, other lines as
      header lines (date, byline, chrome) for the caller to sort.
    When the detector finds no article and the extraction has fewer than MIN_ARTICLE_WORDS words
    of prose, the page has no article (a home page, a login wall, a video or audio page).
    """
    rendered = render_html_lines(html)
    stoplist = stopwords(language)
    scores = line_scores(rendered, stoplist)
    keys = [_key(line) for line in rendered]
    position: dict[str, int] = {}
    for index, key in enumerate(keys):
        position.setdefault(key, index)
    chrome = _chrome_test(rendered, keys, position)

    def worth(lines: list[str]) -> float:
        return sum(scores[position[_key(line)]] if _key(line) in position else line_scores([line], stoplist)[0]
                   for line in lines)

    candidates = [[line for line in dict.fromkeys(line.strip() for line in lines if line.strip()) if not chrome(line)]
                  for lines in extractions]
    unique = max(candidates, key=worth) if candidates else []
    decision = find_article(rendered, language)
    if not decision.found:
        prose = sum(word_units(line) for line in unique if is_paragraph(line, stoplist))
        if prose >= MIN_ARTICLE_WORDS:
            return ReconciledBody(_without_title(unique, title), {})
        return ReconciledBody([], {}, decision.no_article_reason)  # a menu, a login form: trafilatura kept chrome
    assert decision.body_start is not None and decision.body_end is not None
    if not unique:
        return ReconciledBody(rendered[decision.body_start:decision.body_end + 1], {})

    placed = _place(unique, position)
    runs = [(decision.headline if decision.headline is not None else decision.body_start,
             decision.body_start, decision.body_end)]
    for first, last, _ in prose_runs(rendered, scores):
        if first != decision.body_start:
            headline = find_headline(rendered, first, stoplist)
            runs.append((headline if headline is not None else first, first, last))
    total = word_units("\n".join(unique))
    trimmed = [_trim(unique, placed, rendered, stoplist, *run) for run in runs]
    shares = [word_units("\n".join(line for line, _ in inside)) / max(1, total) for inside in trimmed]
    chosen = 0 if shares[0] >= MIN_AGREEMENT_SHARE else max(range(len(runs)), key=lambda i: shares[i])
    if shares[chosen] < MIN_AGREEMENT_SHARE:
        return ReconciledBody(_without_title(unique, title), {})
    top, body_start, body_end = runs[chosen]
    inside = trimmed[chosen]
    body_start = _after_standfirst(rendered, scores, body_start, body_end)

    headline_key = keys[top] if top < body_start else None
    return _mark_above_body(inside, body_start, headline_key, title, stoplist)


def _chrome_test(rendered: list[str], keys: list[str], position: dict[str, int]):
    """A test for extracted lines that are page chrome: printed MIN_CHROME_REPEATS times or more
    (alone, or joined by trafilatura: "Advertisement Advertisement"), a cookie notice, a teaser."""
    counts = Counter(keys)
    repeated = [key for key, count in counts.items() if count >= MIN_CHROME_REPEATS and key]

    def chrome(line: str) -> bool:
        key = _key(line)
        if counts.get(key, 0) >= MIN_CHROME_REPEATS:
            return True
        left = key
        for other in repeated:
            left = left.replace(other, " ")
        if left != key and not _WORD.search(left):
            return True
        if _COOKIE_NOTICE.search(line) and word_units(line) <= MAX_COOKIE_NOTICE_WORDS:
            return True
        where = position.get(key)
        return where is not None and is_teaser(rendered, where)

    return chrome


def _mark_above_body(inside: list[tuple[str, int]], body_start: int, headline_key: str | None, title: str | None,
                     stoplist: frozenset[str]) -> ReconciledBody:
    """The lines above the body: the headline printed again goes, a paragraph is the standfirst,
    other lines are header lines; the detector's headline, when it is not the page's title, is
    the body's first line and stays."""
    lines: list[str] = []
    above: dict[int, str] = {}
    title_key = _key(title or "")
    for line, where in inside:
        key = _key(line)
        paragraph = is_paragraph(line, stoplist)
        if where < body_start or (not lines and title_key and key == title_key):
            if _is_title(line, title) or (key == headline_key and not paragraph and not title_key):
                continue  # the headline printed again (it is the title), as trafilatura's title line was
            if key != headline_key:
                above[len(lines)] = "standfirst" if paragraph else "header"
        lines.append(line)
    return ReconciledBody(lines, above)


def _after_standfirst(rendered: list[str], scores: list[float], body_start: int, body_end: int) -> int:
    """Where the body starts when its first paragraph is a standfirst: a byline or a date line
    under it (within STANDFIRST_HEADER_GAP lines) with more prose below: "Deck. / By Jane Roe / Body"."""
    if scores[body_start] <= 0:
        return body_start
    for index in range(body_start + 1, min(body_end, body_start + 1 + STANDFIRST_HEADER_GAP)):
        if scores[index] > 0:
            return body_start
        if is_header_line(rendered[index]) and any(score > 0 for score in scores[index + 1:body_end + 1]):
            return index + 1
    return body_start


def _is_title(line: str, title: str | None) -> bool:
    """The headline printed on the page: the title's words, give or take a kicker glued to it
    ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt" for "Daten von Rheinmetall
    gehackt - Interne Unterlagen im Netz") or the site's suffix."""
    if not title:
        return False
    words, title_words = set(_WORDS.findall(line.lower())), set(_WORDS.findall(title.lower()))
    if not words or not title_words:
        return _key(line) == _key(title)
    common = len(words & title_words)
    return (common >= TITLE_WORD_SHARE * len(title_words) and len(words - title_words) <= MAX_KICKER_WORDS) \
        or (common >= TITLE_WORD_SHARE * len(words) and len(title_words - words) <= MAX_KICKER_WORDS)


def _without_title(lines: list[str], title: str | None) -> list[str]:
    """The main text often repeats the page's <h1> headline as its first line."""
    while lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return lines


def _place(lines: list[str], position: dict[str, int]) -> list[int | None]:
    """Each extracted line's index among the rendered lines; None for a line trafilatura rewrote
    (joined, trimmed), which then counts as where the next line found is (or the last one)."""
    found = [position.get(_key(line)) for line in lines]
    placed: list[int | None] = list(found)
    following = None
    for index in range(len(lines) - 1, -1, -1):
        if found[index] is None:
            placed[index] = following
        else:
            following = found[index]
    previous = None
    for index in range(len(lines)):
        if placed[index] is None:
            placed[index] = previous
        previous = placed[index]
    return placed


def _trim(lines: list[str], placed: list[int | None], rendered: list[str], stoplist: frozenset[str],
          top: int, body_start: int, body_end: int) -> list[tuple[str, int]]:
    """The extracted lines from the run's headline to its end, with their rendered positions."""
    inside = []
    for line, where in zip(lines, placed):
        where = body_start if where is None else where
        if where > body_end and is_paragraph(line, stoplist):
            break
        if where >= top:
            inside.append((line, where))
    return inside


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().lower()
