"""Batch-level stage functions: plain data in, plain data out, no Prefect.

flows/ wraps each in a task; tests call them directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from newswire.boilerplate import recurring_lines
from newswire.dedupe import DedupeInput, DuplicateLink, find_duplicates
from newswire.ingest import Rejection, discover, read_document
from newswire.structure import ParsedArticle, body_text, drop_recurring, structure
from newswire.tables import article_rows, boilerplate_rows, frame, no_content_row, rejection_row

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
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist or is not a directory")
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
