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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from newswire.pagetext import find_article, is_paragraph, render_html_lines, stopwords, word_units

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


def reconcile_body(html: str, extracted_lines: list[str], language: str) -> tuple[list[str], str | None]:
    """trafilatura's lines, once each, without those the whole-page detector places outside the
    article (before its headline, after its body: the next story, teasers, comments); the
    detector's article when trafilatura found nothing. Second value: why the page has no article.

    When the two disagree about where the article is (trimming would keep less than
    MIN_AGREEMENT_SHARE of trafilatura's words), trafilatura's choice stands.
    """
    rendered = render_html_lines(html)
    decision = find_article(rendered, language)
    unique = list(dict.fromkeys(line for line in extracted_lines if line.strip()))
    if not decision.found:
        if any(is_paragraph(line, stopwords(language)) for line in unique):
            return unique, None
        return [], decision.no_article_reason  # a menu, a login form: trafilatura kept chrome
    assert decision.body_start is not None and decision.body_end is not None
    if not unique:
        return rendered[decision.body_start:decision.body_end + 1], None
    top = decision.headline if decision.headline is not None else decision.body_start
    position: dict[str, int] = {}
    for index, line in enumerate(rendered):
        position.setdefault(_key(line), index)
    # A line trafilatura rewrote (joined, trimmed) is not among the rendered lines: it stays. After
    # the body, short lines stay (tour dates, a closing credit) until the first paragraph of prose
    # the detector places outside the article: the next story or a teaser list begins there.
    inside = []
    for line in unique:
        where = position.get(_key(line), top)
        if where > decision.body_end and is_paragraph(line, stopwords(language)):
            break
        if where >= top:
            inside.append(line)
    if word_units("\n".join(inside)) < MIN_AGREEMENT_SHARE * word_units("\n".join(unique)):
        return unique, None
    return inside, None


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().lower()
