"""The same words quoted across articles: quote clusters.

One outlet quotes a fragment of another's full quote, with other punctuation and case: quotes
match when the shorter's words are found (fuzzily, rapidfuzz) inside the longer's and their
speakers agree.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain

import pandas as pd
from rapidfuzz import fuzz

_WORDS = re.compile(r"\w+")
# Quotes share a cluster when the shorter's words are found (fuzzily) inside the longer's.
MIN_CONTAINMENT = 90
# Below this many words a fragment is contained in too many quotes by chance: require
# near-equality instead of containment.
MIN_FRAGMENT_WORDS = 3
MIN_EQUALITY = 92
# Blocking: each quote is compared only with the quotes sharing one of its rarest word
# trigrams (a fragment of at least MIN_FRAGMENT_WORDS words shares its trigrams with the
# full quote); shorter quotes are blocked by their whole text. A trigram found in more
# quotes than MAX_BLOCK_SIZE is a stock phrase ("we will not") and would make blocks quadratic.
BLOCK_KEYS_PER_QUOTE = 5
MAX_BLOCK_SIZE = 200
# Each quote's words are kept (a pure function of its text, ~200 bytes a quote), and its word
# trigrams (~3 KB a quote) while serve's fork server resolves its corpus (keeping_trigrams,
# newswire.served_memory): a served run then makes them only for its new quotes (cluster_quotes of
# a +1 run over the BBC corpus's ~15,000 quotes 0.31 -> 0.18 s; ~45 MiB of the server). A one-shot
# run keeps no trigrams: they would only hold memory until it ends.
QUOTES_KEPT = 1 << 16
_trigrams_kept: dict[str, frozenset[str]] = {}
_keeping_trigrams = False


@contextmanager
def keeping_trigrams() -> Iterator[None]:
    """While open, the block keys of every quote clustered in this process are kept."""
    global _keeping_trigrams
    _keeping_trigrams = True
    try:
        yield
    finally:
        _keeping_trigrams = False


@lru_cache(maxsize=QUOTES_KEPT)
def normalise_quote(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(_WORDS.findall(text))


def _match_score(a: str, b: str) -> float:
    short, long_ = sorted((a, b), key=len)
    if not short:
        return 0.0
    if len(short.split()) < MIN_FRAGMENT_WORDS:
        score = fuzz.ratio(short, long_)
        return score if score >= MIN_EQUALITY else 0.0
    score = fuzz.partial_ratio(short, long_)
    return score if score >= MIN_CONTAINMENT else 0.0


def _block_keys(norm: str) -> frozenset[str]:
    if (kept := _trigrams_kept.get(norm)) is not None:
        return kept
    keys = _made_block_keys(norm)
    if _keeping_trigrams:
        _trigrams_kept[norm] = keys
    return keys


def _made_block_keys(norm: str) -> frozenset[str]:
    words = norm.split()
    if len(words) < MIN_FRAGMENT_WORDS:
        return frozenset({norm} if norm else ())
    return frozenset(" ".join(gram) for gram in zip(*(words[k:] for k in range(MIN_FRAGMENT_WORDS))))


def _candidate_pairs(norm: list[str]) -> set[tuple[int, int]]:
    keys = [_block_keys(t) for t in norm]
    counts = Counter(chain.from_iterable(keys))
    # A quote's rarest keys are taken by (posting length, key). Keys held by one quote alone
    # (length 1) come first and pair it with no one, so only the slots they leave go to the
    # shared keys; most quotes have enough words of their own to leave none. Postings are kept
    # for the shared keys only (most keys are held by one quote).
    repeated = {key for key, count in counts.items() if count > 1}
    shared = [ks & repeated for ks in keys]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(shared):
        for key in ks:
            postings[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, (ks, common) in enumerate(zip(keys, shared)):
        slots = BLOCK_KEYS_PER_QUOTE - (len(ks) - len(common))
        if slots <= 0 or not common:
            continue
        rarest = sorted((counts[k], k) for k in common if counts[k] <= MAX_BLOCK_SIZE)
        for _, key in rarest[:slots]:
            for j in postings[key]:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def cluster_quotes(quotes: pd.DataFrame) -> pd.Series:
    """Given a DataFrame with columns quote_id, article_id, text, kind, speaker_id (nullable),
    return a Series (same index) of cluster_id strings: quotes whose words match closely
    (normalised text; fuzzy containment via rapidfuzz — one outlet quotes a fragment of
    another's full quote) AND whose speaker agrees (same speaker_id, or one side null)
    share a cluster_id. Scare quotes get their own singleton clusters."""
    n = len(quotes)
    # plain lists: iterating an Arrow-backed column boxes each value (several times slower)
    ids = [str(q) for q in quotes["quote_id"].tolist()]
    kinds = [str(k) for k in quotes["kind"].tolist()]
    speakers = [None if pd.isna(s) else str(s) for s in quotes["speaker_id"].tolist()]
    norm = [normalise_quote(str(t)) if not pd.isna(t) else "" for t in quotes["text"].tolist()]
    eligible = [k != "scare" and bool(t) for k, t in zip(kinds, norm)]

    parent = list(range(n))
    # the non-null speakers of each component: a null-speaker quote may join one speaker's
    # cluster but must not bridge two speakers'
    comp_speakers: list[set[str]] = [{s} if s else set() for s in speakers]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = []
    for i, j in _candidate_pairs([t if ok else "" for t, ok in zip(norm, eligible)]):
        if not (eligible[i] and eligible[j]):
            continue
        if speakers[i] and speakers[j] and speakers[i] != speakers[j]:
            continue
        score = _match_score(norm[i], norm[j])
        if score:
            scored.append((-score, ids[i], ids[j], i, j))
    for _, _, _, i, j in sorted(scored):  # best matches first, ties by id: deterministic
        ri, rj = find(i), find(j)
        if ri == rj or len(comp_speakers[ri] | comp_speakers[rj]) > 1:
            continue
        parent[rj] = ri
        comp_speakers[ri] |= comp_speakers[rj]

    members: dict[int, list[str]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(ids[i])
    cluster = [
        hashlib.sha256("\x00".join(sorted(members[find(i)])).encode("utf-8")).hexdigest()[:16]
        for i in range(n)
    ]
    return pd.Series(cluster, index=quotes.index, name="cluster_id", dtype="str")
