"""Batch-level stage functions: plain data in, plain data out, no Prefect.

flows/ wraps each in a task; tests call them directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from newswire.actors import Corpus
from newswire.boilerplate import recurring_lines
from newswire.dedupe import DedupeInput, DuplicateLink, find_duplicates
from newswire.extract import ArticleExtraction
from newswire.ingest import Rejection, discover, read_document
from newswire.quotes import cluster_quotes
from newswire.structure import ParsedArticle, body_text, drop_recurring, structure
from newswire.tables import article_rows, boilerplate_rows, frame, no_content_row, rejection_row
from newswire.text import stable_hash

T = TypeVar("T")


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class StructuredBatch:
    articles: list[ParsedArticle] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)


def discover_inputs(raw_dir: Path) -> tuple[list[tuple[Path, str]], list[dict]]:
    """Files to read, and quarantine rows for paths that cannot be articles (symlinks, ...)."""
    files, rejected = [], []
    for found in discover(raw_dir):
        if isinstance(found, Rejection):
            rejected.append(rejection_row(found))
        else:
            files.append(found)
    return files, rejected


def structure_batch(files: Iterable[tuple[Path, str]]) -> StructuredBatch:
    """Read, decode and structure a batch of files."""
    batch = StructuredBatch()
    for path, source in files:
        document = read_document(path, source)
        if isinstance(document, Rejection):
            batch.quarantine.append(rejection_row(document))
            continue
        try:
            batch.articles.append(structure(document))
        except Exception as error:  # one malformed article must not stop the run; it is kept with the reason
            batch.quarantine.append(rejection_row(Rejection(
                source, document.size, document.file_hash, "structure_error", f"{type(error).__name__}: {error}")))
    return batch


@dataclass
class CleanCorpus:
    articles: list[ParsedArticle]
    links: dict[str, DuplicateLink]
    quarantine: list[dict]
    recurring: set[str]


def clean_corpus(articles: list[ParsedArticle]) -> CleanCorpus:
    """Duplicates, then corpus-learned chrome (counted over canonical articles only)."""
    with_content = [a for a in articles if body_text(a).strip()]
    empty = [a for a in articles if not body_text(a).strip()]
    links = find_duplicates([DedupeInput(a.article_id, a.source, body_text(a), a.published) for a in with_content])
    canonical = [a for a in with_content if a.article_id not in links]
    recurring = recurring_lines([line.text for line in a.body] for a in canonical)
    cleaned = [drop_recurring(a, recurring) for a in with_content]
    still_content = [a for a in cleaned if body_text(a).strip()]
    empty += [a for a in cleaned if not body_text(a).strip()]
    return CleanCorpus(still_content, links, [no_content_row(a) for a in empty], recurring)


def spine_tables(corpus: CleanCorpus, quarantine: list[dict], all_articles: list[ParsedArticle]) -> dict[str, pd.DataFrame]:
    """articles, boilerplate and quarantine DataFrames (boilerplate covers quarantined articles too)."""
    return {
        "articles": frame("articles", article_rows(corpus.articles, corpus.links)),
        "boilerplate": frame("boilerplate", boilerplate_rows(all_articles)),
        "quarantine": frame("quarantine", quarantine + corpus.quarantine),
    }


def extraction_inputs(articles: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(article_id, source, text) of the articles extraction runs on: canonical copies with text."""
    canonical = articles[articles["duplicate_of"].isna() & (articles["text"].str.len() > 0)]
    return list(zip(canonical["article_id"], canonical["source"], canonical["text"]))


def extracted_tables(articles: pd.DataFrame, extractions: Sequence[ArticleExtraction]) -> dict[str, pd.DataFrame]:
    """actors, mentions, quotes and quote_clusters from the per-article extractions."""
    by_id = articles.set_index("article_id")
    credits = [(e.article_id, list(by_id.at[e.article_id, "credits"])) for e in extractions]
    corpus = Corpus([(e.article_id, e.entities) for e in extractions], credits)
    quote_rows = []
    for extraction in extractions:
        text = by_id.at[extraction.article_id, "text"]
        for quote in extraction.quotes:
            speakers = []
            if quote.speaker_start is not None and quote.speaker_end is not None:
                speakers = corpus.resolve_speakers(extraction.article_id, text, quote.speaker_start, quote.speaker_end)
            keys = list(dict.fromkeys(speaker.key for speaker in speakers))
            quote_rows.append({
                "quote_id": stable_hash(extraction.article_id, str(quote.start), str(quote.end), quote.kind),
                "article_id": extraction.article_id, "text": quote.text, "kind": quote.kind,
                "speaker_key": keys[0] if keys else None, "co_speaker_keys": keys[1:],
                "speaker_text": quote.speaker_text, "cue": quote.cue, "via": quote.via,
                "start": quote.start, "end": quote.end, "confidence": quote.confidence,
            })
    actors, mention_rows = corpus.tables()
    names = {actor.actor_id: actor.name for actor in actors}
    for row in quote_rows:
        key = row.pop("speaker_key")
        row["speaker_id"] = corpus.actor_id(key) if key else None
        row["speaker"] = names.get(row["speaker_id"]) or row["speaker_text"] or ""
        row["co_speaker_ids"] = [corpus.actor_id(k) for k in row.pop("co_speaker_keys")]
    quotes_df = frame("quotes", [{**row, "cluster_id": ""} for row in quote_rows])
    if len(quotes_df):
        quotes_df["cluster_id"] = cluster_quotes(quotes_df)
    return {
        "actors": frame("actors", [actor.__dict__ for actor in actors]),
        "mentions": frame("mentions", mention_rows),
        "quotes": quotes_df,
        "quote_clusters": frame("quote_clusters", cluster_rows(quotes_df, articles)),
    }


def cluster_rows(quotes: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """One row per cluster: the longest wording, its speaker, and the articles carrying it."""
    if quotes.empty:
        return []
    info = articles.set_index("article_id")[["source", "published"]]
    merged = quotes.join(info, on="article_id")
    rows = []
    for cluster_id, members in merged.groupby("cluster_id", sort=True):
        longest = members.loc[members["text"].str.len().idxmax()]
        speakers = members["speaker_id"].dropna()
        speaker_id = speakers.mode().sort_values().iloc[0] if len(speakers) else None
        named = members.loc[members["speaker_id"] == speaker_id, "speaker"].dropna()
        published = members["published"].dropna()
        rows.append({
            "cluster_id": cluster_id, "speaker_id": speaker_id, "speaker": named.iloc[0] if len(named) else None,
            "text": longest["text"], "kind": longest["kind"], "quote_count": len(members),
            "article_count": members["article_id"].nunique(), "sources": sorted(members["source"].unique()),
            "first_published": published.min() if len(published) else pd.NaT,
        })
    return rows
