"""Small helpers on the spans of one article's Doc."""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newswire.gazetteer import POSSESSIVE
from newswire.syntax import APPOSITIONS, SUBJECTS


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim possessive endings and surrounding punctuation/space from [start, end), and an
    unclosed bracket with what follows it ("Shanghai Cooperation Organization (SCO": the acronym
    is read after the name)."""
    surface = text[start:end]
    if (bracket := surface.find("(")) > 0 and ")" not in surface[bracket:]:
        end = start + bracket
        surface = text[start:end]
    if match := POSSESSIVE.search(surface):
        end -= len(match.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The ids spaCy stores these strings under (what Doc.to_array gives for LOWER, TAG, ...)."""
    return frozenset(get_string_id(word) for word in words)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of doc[start:end], an end past the Doc's stopping at it, without the Span a slice of the Doc
    makes (~1 us, more than most rules that read a few words cost)."""
    return [doc[i] for i in range(start, min(end, len(doc)))]


def tokens_with(doc: Doc, attr: int, values: frozenset[int]) -> list[Token]:
    """The tokens whose attribute (a spacy.attrs id: LOWER, POS, ...) has one of these values, read in
    one Doc.to_array: a rule that scans every word of the article for a few makes a Token of each and
    asks it for a string, which costs more than the rule. The column is compared with each value in numpy (the
    families are a few words), not turned into Python ints and looked up one by one."""
    column = doc.to_array(attr)
    wanted = numpy.zeros(len(column), dtype=bool)
    for value in values:
        wanted |= column == numpy.uint64(value)
    return [doc[i] for i in numpy.flatnonzero(wanted).tolist()]


def is_subject(span: Span) -> bool:
    """The span is its clause's subject, directly or as an apposition to it ("Russia's envoy, X, said")."""
    root = span.root
    return root.dep_ in SUBJECTS or (root.dep_ in APPOSITIONS and root.head.dep_ in SUBJECTS)
