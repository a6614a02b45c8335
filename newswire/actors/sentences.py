"""Sentence boundaries in an article's text, as the speaker and pronoun rules read them: where each
sentence before a position starts.

The rules asked `_SENTENCE_END.finditer(text, 0, position)` for every pronoun and quote, scanning the
article from its start each time (quadratic in its length, and a noticeable share of corpus
resolution); the text's boundaries are now found once and the scan up to a position is rebuilt from them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+|\n")


# Each article is asked about many times in a row; a served run's fork server finds its corpus's
# once for all the runs it forks (newswire.served_memory), hence room for every article it holds:
# resolution walks the corpus in the same order every pass, so a cache even a little smaller than
# the corpus keeps none of them until it is asked again.
SENTENCE_ENDS_KEPT = 8192


@lru_cache(maxsize=SENTENCE_ENDS_KEPT)
def _ends(text: str) -> list[int]:
    return [match.end() for match in SENTENCE_END.finditer(text)]


def sentence_ends(text: str, position: int) -> list[int]:
    """The ends of the sentence ends (the starts of the sentences after them) that a scan of the text
    stopped at position finds: [m.end() for m in SENTENCE_END.finditer(text, 0, position)].

    A match of the whole text that ends by position is found alike by the stopped scan (the pattern
    has no lookaround and its greedy space run stops where the whole text's does, or at position), and
    the scans agree up to there; a match running over position may be cut or missed by the stopped
    scan, so the rest is scanned as it would be, from the last match that ends by position."""
    ends = _ends(text)
    found = ends[:bisect_right(ends, position)]
    resume = found[-1] if found else 0
    return found + [match.end() for match in SENTENCE_END.finditer(text, resume, position)]


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding position starts (0 for the first)."""
    return max([0] + sentence_ends(text, position))
