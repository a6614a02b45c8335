"""A nationality word used for the language ("in French", "speaks English", "my French and his
English", "three languages: English, French and Swiss-German"): no nationality actor."""

from __future__ import annotations

from spacy.tokens import Span

from newswire.actors.lexicon import LANGUAGE_CUES
from newswire.syntax import first_conjunct


def used_as_language(span: Span) -> bool:
    """The word ends its phrase (it modifies no noun: not "French troops") and a language cue is
    right before it, before the list it is in, or governs it ("speak", "fluent in")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return False
    first = first_conjunct(span.root)  # "English, French and German": the list's first
    opening = doc[first.left_edge.i - 1] if first.left_edge.i > 0 else None
    while opening is not None and opening.is_punct and opening.i > 0:  # "three languages: English"
        opening = doc[opening.i - 1]
    before = doc[span.start - 1] if span.start > 0 else None  # "my French"
    cues = [before, opening, first.head] if first.head.i < first.i else [before, opening]
    return any(token is not None and (token.lower_ in LANGUAGE_CUES or token.lemma_.lower() in LANGUAGE_CUES)
               for token in cues)
