"""Exact and near-duplicate articles: MinHash LSH (datasketch), one pass, linear in articles.

Each duplicate points at the canonical article of its group: the earliest published, then
the longest, then the first by source path, so the choice does not depend on input order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
# Syndicated copies with light edits (a changed headline, a dropped paragraph) stay above
# 0.8 estimated Jaccard on word 5-shingles; unrelated articles on one story stay below 0.1.
NEAR_DUPLICATE_THRESHOLD = 0.8


@dataclass(frozen=True)
class DedupeInput:
    article_id: str
    source: str
    text: str
    published: datetime | None


@dataclass(frozen=True)
class DuplicateLink:
    duplicate_of: str
    similarity: float


def normalise_for_comparison(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return re.sub(r"\W+", " ", text).strip()


def shingles(normalised: str) -> set[bytes]:
    words = normalised.split()
    width = min(SHINGLE_WORDS, len(words))
    return {" ".join(words[i:i + width]).encode("utf-8") for i in range(len(words) - width + 1)}


def _minhash(normalised: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch(list(shingles(normalised)))
    return signature


def find_duplicates(articles: Sequence[DedupeInput]) -> dict[str, DuplicateLink]:
    """article_id -> link to its canonical article, for every article that is a duplicate."""
    def priority(article: DedupeInput) -> tuple:
        published = article.published.timestamp() if article.published else float("inf")
        return (published, -len(article.text), article.source, article.article_id)

    ordered = sorted((a for a in articles if a.text.strip()), key=priority)
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    exact_owner: dict[str, str] = {}
    signatures: dict[str, MinHash] = {}
    canonical_of: dict[str, str] = {}
    links: dict[str, DuplicateLink] = {}
    for article in ordered:
        normalised = normalise_for_comparison(article.text)
        if normalised in exact_owner:
            links[article.article_id] = DuplicateLink(canonical_of[exact_owner[normalised]], 1.0)
            continue
        signature = _minhash(normalised)
        best_id, best_similarity = None, 0.0
        for candidate in lsh.query(signature):
            similarity = signature.jaccard(signatures[candidate])
            # ties broken by id so the result never depends on the LSH's set order
            if (similarity, candidate) > (best_similarity, best_id or ""):
                best_id, best_similarity = candidate, similarity
        exact_owner[normalised] = article.article_id
        if best_id is not None and best_similarity >= NEAR_DUPLICATE_THRESHOLD:
            canonical = canonical_of[best_id]
            canonical_of[article.article_id] = canonical
            similarity = signature.jaccard(signatures[canonical]) if canonical != best_id else best_similarity
            links[article.article_id] = DuplicateLink(canonical, round(similarity, 4))
        else:
            canonical_of[article.article_id] = article.article_id
            signatures[article.article_id] = signature
            lsh.insert(article.article_id, signature)
    return links
