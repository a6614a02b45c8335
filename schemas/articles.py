from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel, UtcTimestamp, list_of_strings

VERSION = "1.1"  # 1.1: encoding_confidence, decode_note, outlet and url added


class Articles(TableModel):
    """One row per ingested article, duplicates included (see duplicate_of)."""

    article_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$",
                                       description="sha256 of content_hash and source, 16 hex digits: stable across runs")
    content_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$",
                                         description="sha256 of the decoded, NFC-normalised file text")
    source: Series[str] = pa.Field(unique=True, description="path of the file relative to the raw folder (POSIX)")
    outlet: Series[str] = pa.Field(nullable=True, description=(
        "publishing outlet: the folder's sources.csv, else the page's og:site_name, else its JSON-LD publisher, "
        "else its canonical URL's host, else the one agency a credit line names ('AP'); null when none says"))
    url: Series[str] = pa.Field(nullable=True, description="canonical URL: sources.csv, else <link rel=canonical>, else og:url")
    file_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes")
    size: Series[int] = pa.Field(ge=0, description="file size in bytes")
    encoding: Series[str] = pa.Field(description=(
        "encoding the file was decoded from (utf-8, utf-16, cp1252, cp1251, koi8-r, cp932, ...); a file mixing "
        "encodings is named by its main one and decode_note lists the rest"))
    encoding_confidence: Series[float] = pa.Field(ge=0.0, le=1.0, description=(
        "1.0 for a byte-order mark or valid UTF-8; for a detected legacy encoding 1 - charset-normalizer's mess "
        "ratio; for repaired text the share of characters that needed no repair"))
    decode_note: Series[str] = pa.Field(nullable=True, description=(
        "how the encoding was found and what was repaired (bytes replaced with U+FFFD, lines in another "
        "encoding); null when the bytes were certain Unicode"))
    format: Series[str] = pa.Field(isin=["text", "html"], description="text (one paragraph per line) or html")
    title: Series[str] = pa.Field(description="headline; empty when the article has none")
    kicker: Series[str] = pa.Field(nullable=True, description="short label set above the headline")
    standfirst: Series[str] = pa.Field(nullable=True, description="summary line(s) next to the headline")
    byline: Series[str] = pa.Field(nullable=True, description="author line as printed ('By ...')")
    published: Series[UtcTimestamp] = pa.Field(nullable=True, description=(
        "publication time stated in the text, in UTC; when no zone is stated (published_tz null) "
        "this is the stated wall-clock time, tagged UTC"))
    published_tz: Series[str] = pa.Field(nullable=True, str_matches=r"^[+-]\d{2}:\d{2}$",
                                         description="UTC offset the text states ('+05:30'), null if none")
    published_text: Series[str] = pa.Field(nullable=True, description="the date line as printed")
    dateline: Series[str] = pa.Field(description="place line opening the body ('WASHINGTON, United States'); empty when none")
    credits: Series[object] = list_of_strings("news agencies credited ('AP', 'AFP', 'Reuters')")
    subheadings: Series[object] = list_of_strings("in-body subheadings, in order (they are also lines of text)")
    language: Series[str] = pa.Field(str_matches=r"^[a-z]{2,3}$", description="ISO 639-1 code of the body language")
    text: Series[str] = pa.Field(description=(
        "cleaned body: paragraphs and subheadings joined by '\\n', without title, dateline prefix "
        "and boilerplate; all start/end offsets of other tables point into it; empty for a page with no "
        "article (a home page, a login wall), which has a no_content quarantine row saying why"))
    word_count: Series[int] = pa.Field(ge=0, description="words in text")
    duplicate_of: Series[str] = pa.Field(nullable=True, description="article_id of the canonical copy, null if this is one")
    similarity: Series[float] = pa.Field(nullable=True, ge=0.0, le=1.0,
                                         description="estimated Jaccard similarity to duplicate_of (1.0 exact copy)")
