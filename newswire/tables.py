"""Parsed articles and rejections -> the spine's DataFrames (articles, boilerplate, quarantine)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import pandas as pd

from newswire.dedupe import DuplicateLink
from newswire.ingest import Rejection
from newswire.structure import ParsedArticle, body_text, subheadings
from newswire.text import stable_hash, word_count
from schemas import TABLES


def _dtypes(table: str) -> dict[str, str]:
    """pandas dtype per column; list columns stay object."""
    dtypes = {}
    for name, column in TABLES[table].model.to_schema().columns.items():
        dtype = str(column.dtype)
        dtypes[name] = "str" if dtype.startswith("string") else dtype
    return dtypes


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows -> DataFrame with the table's column order and dtypes, sorted by primary key."""
    dtypes = _dtypes(table)
    df = pd.DataFrame(rows, columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype.startswith("datetime64") and "UTC" in dtype:
            # an all-missing column arrives timezone-naive, and astype() refuses to add a zone
            df[column] = pd.to_datetime(df[column], utc=True).dt.as_unit("us")
    df = df.astype(dtypes)
    return df.sort_values(TABLES[table].key, kind="stable").reset_index(drop=True)


def article_rows(articles: Iterable[ParsedArticle], links: Mapping[str, DuplicateLink]) -> list[dict]:
    rows = []
    for article in articles:
        text = body_text(article)
        link = links.get(article.article_id)
        rows.append({
            "article_id": article.article_id, "content_hash": article.content_hash, "source": article.source,
            "file_hash": article.file_hash, "size": article.size, "encoding": article.encoding,
            "format": article.format, "title": article.title or "", "kicker": article.kicker,
            "standfirst": article.standfirst, "byline": article.byline,
            "published": pd.Timestamp(article.published).as_unit("us") if article.published else pd.NaT,
            "published_tz": article.published_tz, "published_text": article.published_text,
            "dateline": article.dateline or "", "credits": list(article.credits), "subheadings": subheadings(article),
            "language": article.language, "text": text, "word_count": word_count(text),
            "duplicate_of": link.duplicate_of if link else None, "similarity": link.similarity if link else None,
        })
    return rows


def boilerplate_rows(articles: Iterable[ParsedArticle]) -> list[dict]:
    return [{
        "boilerplate_id": stable_hash(article.article_id, str(removed.line.number)),
        "article_id": article.article_id, "line_number": removed.line.number,
        "start": removed.line.start, "end": removed.line.end, "text": removed.line.text,
        "kind": removed.kind, "reason": removed.reason,
    } for article in articles for removed in article.removed]


def quarantine_row(stage: str, source: str, reason: str, detail: str, *, table: str | None = None,
                   article_id: str | None = None, file_hash: str | None = None, size: int | None = None,
                   payload: Mapping | None = None) -> dict:
    payload_json = json.dumps(payload, default=str, ensure_ascii=False, sort_keys=True) if payload is not None else None
    return {
        "quarantine_id": stable_hash(stage, source, table or "", article_id or "", reason, payload_json or ""),
        "stage": stage, "source": source, "table": table, "article_id": article_id, "reason": reason,
        "detail": detail, "file_hash": file_hash, "size": size, "payload": payload_json,
    }


def rejection_row(rejection: Rejection) -> dict:
    return quarantine_row("ingest", rejection.source, rejection.reason, rejection.detail,
                          file_hash=rejection.file_hash, size=rejection.size)


def no_content_row(article: ParsedArticle) -> dict:
    kinds = sorted({removed.kind for removed in article.removed})
    return quarantine_row(
        "structure", article.source, "no_content",
        f"no body text left after removing {len(article.removed)} boilerplate line(s) ({', '.join(kinds) or 'none'})"
        + (f"; headline only: {article.title!r}" if article.title else ""),
        article_id=article.article_id, file_hash=article.file_hash, size=article.size,
        payload={"title": article.title, "removed_lines": [r.line.text for r in article.removed]},
    )
