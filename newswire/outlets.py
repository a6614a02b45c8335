"""Which outlet published an article, and its URL.

The outlet is taken from the first of these that says anything:
  1. `sources.csv` in the article's folder (columns `file`, `outlet`, optional `url`): the
     user's own mapping, so it overrides whatever the page claims;
  2. the page's `<meta property="og:site_name">`;
  3. the `publisher` of the page's JSON-LD (`NewsArticle` and friends, also inside `@graph`);
  4. the host of the page's canonical URL (`<link rel="canonical">`, else `og:url`), without `www.`;
  5. the credit line, when it credits exactly one news agency (wire copy: "(AP)").
The URL is the one in `sources.csv`, else the canonical link, else `og:url`, else null.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

SOURCES_FILE = "sources.csv"


@dataclass(frozen=True)
class PageMetadata:
    site_name: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None
    og_url: str | None = None


@dataclass(frozen=True)
class Listing:
    """One row of a folder's sources.csv."""

    outlet: str | None
    url: str | None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _publisher_name(node: object) -> str | None:
    """publisher.name of a JSON-LD node, looking through lists and @graph."""
    if isinstance(node, list):
        return next((name for item in node if (name := _publisher_name(item))), None)
    if not isinstance(node, dict):
        return None
    publisher = node.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and (name := _text(publisher.get("name"))):
        return name
    if isinstance(publisher, str) and (name := _text(publisher)):
        return name
    return _publisher_name(node.get("@graph"))


def page_metadata(html: str) -> PageMetadata:
    """og:site_name, JSON-LD publisher, canonical link and og:url of an HTML page (absent -> None)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return PageMetadata()
    site_name = og_url = canonical = publisher = None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key == "og:site_name" and site_name is None:
            site_name = _text(meta.get("content"))
        elif key == "og:url" and og_url is None:
            og_url = _text(meta.get("content"))
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and canonical is None:
            canonical = _text(link.get("href"))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and publisher is None:
            try:
                publisher = _publisher_name(json.loads(script.text or ""))
            except ValueError:
                continue  # a broken JSON-LD block says nothing; other sources may
    return PageMetadata(site_name, publisher, _absolute(canonical), _absolute(og_url))


def _absolute(url: str | None) -> str | None:
    """Only absolute http(s) URLs: a relative canonical link names no host."""
    return url if url and urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname else None


def host(url: str | None) -> str | None:
    hostname = urlsplit(url).hostname if url else None
    return hostname.removeprefix("www.") if hostname else None


@lru_cache(maxsize=256)
def _read_listings(csv_path: Path, modified: float) -> dict[str, Listing]:
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "file" not in (reader.fieldnames or []) or "outlet" not in (reader.fieldnames or []):
            raise ValueError(f"{csv_path} needs the columns file and outlet (url optional); found {reader.fieldnames}")
        return {row["file"].strip(): Listing(_text(row.get("outlet")), _text(row.get("url")))
                for row in reader if _text(row.get("file"))}


def listing(path: Path) -> Listing | None:
    """The sources.csv row for path (by file name, in path's own folder), if there is one."""
    csv_path = path.parent / SOURCES_FILE
    if not csv_path.is_file():
        return None
    return _read_listings(csv_path, csv_path.stat().st_mtime).get(path.name)


def resolve(listed: Listing | None, page: PageMetadata | None, credits: list[str]) -> tuple[str | None, str | None]:
    """(outlet, url) in the order of the module docstring."""
    page = page or PageMetadata()
    page_url = page.canonical_url or page.og_url
    outlet = ((listed.outlet if listed else None) or page.site_name or page.publisher or host(page_url)
              or (credits[0] if len(credits) == 1 else None))
    return outlet, (listed.url if listed else None) or page_url


__all__ = ["SOURCES_FILE", "Listing", "PageMetadata", "host", "listing", "page_metadata", "resolve"]
