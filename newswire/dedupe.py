"""Exact and near-duplicate articles: MinHash LSH (datasketch signatures), linear in articles.

Each duplicate points at the canonical article of its group: the earliest published, then
the longest, then the first by source path, so the choice does not depend on input order.

Memory stays small at scale (issue 15: 100,000 articles within 2 GiB with the rest of the
spine): texts are read once and not kept, exact copies are found by a digest of their
normalised text, each distinct text keeps one row of a uint32 signature matrix, and the LSH
bands index only band values that several texts share.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 5
# Syndicated copies with light edits (a changed headline, a dropped paragraph) stay above
# 0.8 estimated Jaccard on word 5-shingles; unrelated articles on one story stay below 0.1.
NEAR_DUPLICATE_THRESHOLD = 0.8
# 128-bit digests of normalised texts: a chance collision among 10^6 texts is ~10^-27.
DIGEST_BYTES = 16


# datasketch is imported where it is used, not with this module: its package imports every
# sketch it has and SciPy (~0.3 s), and every worker process of a run imports this module
# through the flow, also the extract stage's workers, which never fingerprint.
@functools.cache
def _reference():
    """The permutations depend only on NUM_PERM and SEED: drawn once and shared by every signature
    instead of being drawn again (and stored again) for each article."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


@functools.cache
def band_ranges() -> tuple[tuple[int, int], ...]:
    """datasketch's own choice of bands and rows for the threshold (9 bands of 13 values for 0.8)."""
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM).hashranges)


@dataclass(frozen=True)
class TextFingerprint:
    """What dedupe needs of a text: a digest of its normalised form (exact copies) and its MinHash
    signature (near copies). Made where the text is made, in the structure stage's workers, and
    cached with the structure, so that dedupe, which runs over the whole corpus in one process,
    only compares (the signatures were ~1 s of a run's serial time, a warm rerun's too)."""
    digest: bytes
    signature: bytes  # NUM_PERM uint32 values


@dataclass(frozen=True)
class DedupeInput:
    article_id: str
    source: str
    text: str
    published: datetime | None
    fingerprint: TextFingerprint | None = None  # fingerprint(text), when already made


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


def _signature(normalised: str) -> np.ndarray:
    """The MinHash values of the text's shingles (NUM_PERM uint32)."""
    from datasketch import MinHash

    reference = _reference()
    signature = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=reference.permutations, scheme=reference.scheme)
    signature.update_batch(list(shingles(normalised)))
    return signature.hashvalues


def fingerprint(text: str) -> TextFingerprint:
    normalised = normalise_for_comparison(text)
    return TextFingerprint(hashlib.blake2b(normalised.encode("utf-8"), digest_size=DIGEST_BYTES).digest(),
                           _signature(normalised).astype(np.uint32).tobytes())


def _jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity, computed as datasketch's MinHash.jaccard does."""
    return float(np.count_nonzero(first == second)) / float(NUM_PERM)


def _shared_band_groups(signatures: np.ndarray) -> list[np.ndarray]:
    """Per LSH band, each text's group of equal band values, or -1 when no other text has its
    value (it can never be a candidate in that band, so it is not indexed)."""
    groups = []
    for start, end in band_ranges():
        band = np.ascontiguousarray(signatures[:, start:end]).view(np.dtype((np.void, 4 * (end - start)))).ravel()
        _, inverse, counts = np.unique(band, return_inverse=True, return_counts=True)
        groups.append(np.where(counts[inverse] > 1, inverse, -1))
    return groups


def find_duplicates(articles: Iterable[DedupeInput]) -> dict[str, DuplicateLink]:
    """article_id -> link to its canonical article, for every article that is a duplicate.

    Articles are read once, in any order: their texts are not kept."""
    ids: list[str] = []
    priorities: list[tuple] = []
    text_of: list[int] = []  # article row -> row of its normalised text in `signatures`
    text_rows: dict[bytes, int] = {}
    signatures: list[np.ndarray] = []
    for article in articles:
        if not article.text.strip():
            continue
        found = article.fingerprint or fingerprint(article.text)
        if found.digest not in text_rows:  # exact copies share one signature
            text_rows[found.digest] = len(signatures)
            signatures.append(np.frombuffer(found.signature, dtype=np.uint32))
        ids.append(article.article_id)
        published = article.published.timestamp() if article.published else float("inf")
        priorities.append((published, -len(article.text), article.source, article.article_id))
        text_of.append(text_rows[found.digest])
    del text_rows
    if not ids:
        return {}
    matrix = np.vstack(signatures)
    del signatures
    groups = _shared_band_groups(matrix)

    # In priority order, as an LSH index queried then filled one article at a time: an article
    # is compared with the canonical articles before it that share a band value with it.
    owner: dict[int, int] = {}  # text row -> first article with that text
    members: list[dict[int, list[int]]] = [{} for _ in band_ranges()]  # band -> group -> canonical rows
    canonical_of: list[int] = list(range(len(ids)))  # an exact copy links to its owner's canonical article
    links: dict[str, DuplicateLink] = {}
    for row in sorted(range(len(ids)), key=priorities.__getitem__):
        text = text_of[row]
        if text in owner:
            links[ids[row]] = DuplicateLink(ids[canonical_of[owner[text]]], 1.0)
            continue
        owner[text] = row
        signature = matrix[text]
        candidates = {candidate for band, group in zip(members, groups) if group[text] >= 0
                      for candidate in band.get(int(group[text]), ())}
        best, best_similarity = None, 0.0
        for candidate in candidates:
            similarity = _jaccard(signature, matrix[text_of[candidate]])
            # ties broken by id so the result never depends on set order
            if (similarity, ids[candidate]) > (best_similarity, ids[best] if best is not None else ""):
                best, best_similarity = candidate, similarity
        if best is not None and best_similarity >= NEAR_DUPLICATE_THRESHOLD:
            canonical_of[row] = best  # candidates are canonical articles
            links[ids[row]] = DuplicateLink(ids[best], round(best_similarity, 4))
        else:
            for band, group in zip(members, groups):
                if group[text] >= 0:
                    band.setdefault(int(group[text]), []).append(row)
    return links
