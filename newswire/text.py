"""Small text predicates shared by the structure and boilerplate stages."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")
_CLOSERS = "\"'\u201d\u2019\u00bb)]\u201c"
SENTENCE_END = ".!?\u2026"


def without_accents(text: str) -> str:
    """"Echeverría" -> "Echeverria": compatibility-decomposed, combining marks dropped."""
    if text.isascii():  # no ASCII character decomposes or combines: most names and words, returned as they are
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# The line rules count each line's words several times, and the spine counts every line of every
# article again in each run (its word_count column, its subheadings): ~0.2 s of a served run's
# boilerplate+dedupe over the BBC corpus (~18,000 lines), found once in serve's fork server when it
# resolves its corpus (newswire.served_memory) if they all fit. The keys are lines the articles hold.
WORD_COUNTS_KEPT = 1 << 16


@lru_cache(maxsize=WORD_COUNTS_KEPT)
def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_sentence(line: str) -> bool:
    """True when the line ends like a sentence (closing quotes and brackets ignored)."""
    return line.rstrip().rstrip(_CLOSERS).endswith(tuple(SENTENCE_END))


def stable_hash(*parts: str, length: int = 16) -> str:
    """Deterministic id: sha256 over the parts joined by NUL, hex, truncated."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:length]
