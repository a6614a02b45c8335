"""Parsed articles and rejections -> the spine's DataFrames (articles, boilerplate, quarantine)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from newswire.dedupe import DuplicateLink
from newswire.ingest import Rejection
from newswire.quotes import cluster_quotes
from newswire.structure import ParsedArticle, body_text, body_word_count, subheadings
from newswire.text import stable_hash
from schemas import TABLES

if TYPE_CHECKING:  # the extraction modules import quarantine_row from here
    from newswire.actors import Actor, Corpus
    from newswire.extract import ArticleExtraction


def _dtypes(table: str) -> dict[str, str]:
    """pandas dtype per column; list columns stay object."""
    dtypes = {}
    for name, column in TABLES[table].model.to_schema().columns.items():
        dtype = str(column.dtype)
        dtypes[name] = "str" if dtype.startswith("string") else dtype
    return dtypes


class UnknownColumns(ValueError):
    """Rows whose keys are not exactly the table's columns: a builder and its schema disagree."""


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows -> DataFrame with the table's column order and dtypes, sorted by primary key.
    Every row must carry exactly the table's columns: nothing is silently dropped or invented."""
    dtypes = _dtypes(table)
    expected = set(dtypes)
    for row in rows:
        if row.keys() != expected:
            raise UnknownColumns(f"{table}: unknown columns {sorted(row.keys() - expected)}, "
                                 f"missing columns {sorted(expected - row.keys())}")
    return _typed(table, pd.DataFrame(rows, columns=list(dtypes)))


def frame_from_columns(table: str, columns: dict[str, list]) -> pd.DataFrame:
    """frame() for a table built column by column: no dict per row (~1 KB each for the 25
    columns of articles, ~110 MB for 100,000 articles). Exactly the table's columns."""
    dtypes = _dtypes(table)
    if columns.keys() != dtypes.keys():
        raise UnknownColumns(f"{table}: unknown columns {sorted(columns.keys() - dtypes.keys())}, "
                             f"missing columns {sorted(dtypes.keys() - columns.keys())}")
    return _typed(table, pd.DataFrame(columns, columns=list(dtypes)))


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table's dtypes, rows sorted by primary key."""
    dtypes = _dtypes(table)
    for column, dtype in dtypes.items():
        if dtype.startswith("datetime64") and "UTC" in dtype:
            # an all-missing column arrives timezone-naive, and astype() refuses to add a zone
            df[column] = pd.to_datetime(df[column], utc=True).dt.as_unit("us")
    df = df.astype(dtypes)
    key = TABLES[table].key
    # rows already in key order (articles are built that way) skip sort_values, which copies
    # every column: the articles table is the spine's largest (~400 MB for 100,000 articles)
    if not df[key].is_monotonic_increasing:
        df = df.sort_values(key, kind="stable")
    return df.reset_index(drop=True)


def articles_table(articles: Iterable[ParsedArticle], links: Mapping[str, DuplicateLink]) -> pd.DataFrame:
    columns: dict[str, list] = {name: [] for name in _dtypes("articles")}
    # in key order, so that frame does not sort (copy) the table again
    for article in sorted(articles, key=lambda article: article.article_id):
        text = body_text(article)
        link = links.get(article.article_id)
        row = {
            "article_id": article.article_id, "content_hash": article.content_hash, "source": article.source,
            "outlet": article.outlet, "url": article.url,
            "file_hash": article.file_hash, "size": article.size, "encoding": article.encoding,
            "encoding_confidence": article.encoding_confidence, "decode_note": article.decode_note,
            "format": article.format, "title": article.title or "", "kicker": article.kicker,
            "standfirst": article.standfirst, "byline": article.byline,
            "published": pd.Timestamp(article.published).as_unit("us") if article.published else pd.NaT,
            "published_tz": article.published_tz, "published_text": article.published_text,
            "dateline": article.dateline or "", "credits": list(article.credits), "subheadings": subheadings(article),
            "language": article.language, "text": text, "word_count": body_word_count(article),
            "duplicate_of": link.duplicate_of if link else None, "similarity": link.similarity if link else None,
        }
        for name, value in row.items():  # the row's dict is dropped: only its values are kept
            columns[name].append(value)
    return frame_from_columns("articles", columns)


def boilerplate_table(articles: Iterable[ParsedArticle]) -> pd.DataFrame:
    return frame("boilerplate", [{
        "boilerplate_id": stable_hash(article.article_id, str(removed.line.number)),
        "article_id": article.article_id, "line_number": removed.line.number,
        "start": removed.line.start, "end": removed.line.end, "text": removed.line.text,
        "kind": removed.kind, "reason": removed.reason,
    } for article in articles for removed in article.removed])


def quarantine_table(rows: list[dict]) -> pd.DataFrame:
    return frame("quarantine", rows)


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
        f"published with an empty body: no body text left after removing {len(article.removed)} boilerplate "
        f"line(s) ({', '.join(kinds) or 'none'})"
        + (f"; headline only: {article.title!r}" if article.title else "")
        + (f"; {article.no_article_reason}" if article.no_article_reason else ""),
        article_id=article.article_id, file_hash=article.file_hash, size=article.size,
        payload={"title": article.title, "removed_lines": [r.line.text for r in article.removed]},
    )


def actors_table(actors: Sequence[Actor]) -> pd.DataFrame:
    return frame("actors", [dict(actor.__dict__) for actor in actors])


def mentions_table(columns: dict[str, list]) -> pd.DataFrame:
    """The mentions table from Corpus.tables's columns."""
    return frame_from_columns("mentions", columns)


def quote_speakers(extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
                   corpus: Corpus) -> dict[tuple[str, int], list[str]]:
    """(article_id, quote start) -> actor keys of its speakers, resolved the way mentions are.
    Resolution may add actors (an office named only as a speaker), so it runs before corpus.tables()."""
    speakers = {}
    for extraction in extractions:
        for quote in extraction.quotes:
            found = []
            if quote.speaker_start is not None and quote.speaker_end is not None:
                found = corpus.resolve_speakers(extraction.article_id, texts[extraction.article_id],
                                                quote.speaker_start, quote.speaker_end)
            speakers[(extraction.article_id, quote.start)] = list(dict.fromkeys(speaker.key for speaker in found))
    return speakers


def speaker_ids(extractions: Sequence[ArticleExtraction], speakers: Mapping[tuple[str, int], list[str]],
                corpus: Corpus) -> dict[str, str]:
    """Speaker key -> actor id, for every speaker of the quotes, asked of the corpus in quote order
    (an actor's first lookup may give it its id from the registry: the order is the ids')."""
    return {key: corpus.actor_id(key) for extraction in extractions for quote in extraction.quotes
            for key in speakers[(extraction.article_id, quote.start)]}


def quotes_table(extractions: Sequence[ArticleExtraction], speakers: Mapping[tuple[str, int], list[str]],
                 actor_ids: Mapping[str, str], actors: Sequence[Actor]) -> pd.DataFrame:
    """One row per quotation with its speakers' actor ids (actor_ids: speaker_ids) and its cluster."""
    names = {actor.actor_id: actor.name for actor in actors}
    rows = []
    for extraction in extractions:
        for quote in extraction.quotes:
            keys = speakers[(extraction.article_id, quote.start)]
            speaker_id = actor_ids[keys[0]] if keys else None
            rows.append({
                "quote_id": stable_hash(extraction.article_id, str(quote.start), str(quote.end), quote.kind),
                "article_id": extraction.article_id, "text": quote.text, "kind": quote.kind,
                "speaker_id": speaker_id, "speaker": names.get(speaker_id) or quote.speaker_text or "",
                "co_speaker_ids": [actor_ids[key] for key in keys[1:]],
                "speaker_text": quote.speaker_text, "cue": quote.cue, "via": quote.via,
                "start": quote.start, "end": quote.end, "confidence": quote.confidence, "cluster_id": "",
            })
    quotes = frame("quotes", rows)
    if len(quotes):
        quotes["cluster_id"] = cluster_quotes(quotes)
    return quotes


def quote_clusters_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster: the longest wording, its speaker, and the articles carrying it."""
    if quotes.empty:
        return frame("quote_clusters", [])
    info = articles.set_index("article_id")[["source", "outlet", "published"]]
    merged = quotes.join(info, on="article_id")
    by_cluster: dict[str, list[dict]] = {}
    # plain records, not a pandas group per cluster: most clusters are one quote, and pandas
    # work per group cost ~4 ms each (10 s for 2,600 clusters of 400 BBC articles); built from
    # each column's tolist(), the values to_dict("records") gives, at a third of its cost
    names = ["cluster_id", "speaker_id", "speaker", "text", "kind", "article_id", "source", "outlet", "published"]
    for values in zip(*(merged[name].tolist() for name in names)):
        record = dict(zip(names, values))
        by_cluster.setdefault(record["cluster_id"], []).append(record)
    rows = [_quote_cluster_row(cluster_id, members) if len(members := by_cluster[cluster_id]) > 1 else
            _one_quote_cluster_row(cluster_id, members[0]) for cluster_id in sorted(by_cluster)]
    return frame("quote_clusters", rows)


def _quote_cluster_row(cluster_id: str, members: list[dict]) -> dict:
    longest = max(members, key=lambda m: len(m["text"]))  # the first of the longest
    speakers = Counter(m["speaker_id"] for m in members if not _missing(m["speaker_id"]))
    top = max(speakers.values(), default=0)
    speaker_id = min(s for s, n in speakers.items() if n == top) if speakers else None
    named = [m["speaker"] for m in members if m["speaker_id"] == speaker_id and not _missing(m["speaker"])]
    published = [m["published"] for m in members if not _missing(m["published"])]
    outlets = sorted({m["outlet"] for m in members if not _missing(m["outlet"])})
    return {
        "cluster_id": cluster_id, "speaker_id": speaker_id, "speaker": named[0] if named else None,
        "text": longest["text"], "kind": longest["kind"], "quote_count": len(members),
        "article_count": len({m["article_id"] for m in members}), "sources": sorted({m["source"] for m in members}),
        "outlets": outlets, "outlet_count": len(outlets), "first_published": min(published) if published else pd.NaT,
    }


def _one_quote_cluster_row(cluster_id: str, quote: dict) -> dict:
    """_quote_cluster_row of a cluster of one quote (~96 % of the BBC corpus's), without its counting
    and sorting: ~0.1 s of a served run's corpus resolution."""
    speaker_id = None if _missing(quote["speaker_id"]) else quote["speaker_id"]
    outlets = [] if _missing(quote["outlet"]) else [quote["outlet"]]
    return {
        "cluster_id": cluster_id, "speaker_id": speaker_id,
        "speaker": quote["speaker"] if quote["speaker_id"] == speaker_id and not _missing(quote["speaker"]) else None,
        "text": quote["text"], "kind": quote["kind"], "quote_count": 1, "article_count": 1, "sources": [quote["source"]],
        "outlets": outlets, "outlet_count": len(outlets),
        "first_published": pd.NaT if _missing(quote["published"]) else quote["published"],
    }


def _missing(value: object) -> bool:
    if isinstance(value, str):  # most values: never missing, and pd.isna costs a few µs a value
        return False
    return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))


def events_table(rows: list[dict]) -> pd.DataFrame:
    return frame("events", rows)


def event_mentions_table(rows: list[dict]) -> pd.DataFrame:
    return frame("event_mentions", rows)
