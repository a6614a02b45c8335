"""Titles held by people, as the text states them: before a name ("U.S. Secretary of State
Antony Blinken") or in apposition ("John Sullivan, the US ambassador to Moscow,")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from newswire.actors.lexicon import NOT_TITLES
from newswire.gazetteer import fold, role_data
from newswire.syntax import APPOSITIONS

# At most this many words in an apposition taken as a title; longer ones are clauses.
MAX_APPOSITION_WORDS = 12


def is_title(role: str) -> bool:
    """A role names an office ("Secretary of State"), not a relation or class ("his counterpart")."""
    words = {w.lower() for w in re.findall(r"[\w-]+", role)}
    return bool(words & role_data()["heads"]) and not words & NOT_TITLES


def role_before(span: Span) -> str | None:
    """A title written in front of a name: "U.S. Secretary of State Antony Blinken" -> "U.S. Secretary of State"."""
    heads = role_data()["heads"]
    tokens = []
    index = span.start - 1
    doc = span.doc
    while index >= 0:
        token = doc[index]
        if token.is_punct and token.text not in {"-"} or token.lower_ in {"the", "a", "an", "said", "by", "and"}:
            break
        if not (token.text[:1].isupper() or token.lower_ in {"of", "to", "for", "-", "deputy"} or token.lower_ in heads):
            break
        tokens.insert(0, token)
        index -= 1
    while tokens and tokens[0].lower_ in {"of", "to", "for", "-"}:
        tokens.pop(0)
    if not any(t.lower_ in heads for t in tokens):
        return None
    return doc[tokens[0].i: tokens[-1].i + 1].text


def role_apposition(span: Span) -> str | None:
    """"John Sullivan, the US ambassador to Moscow," -> "US ambassador to Moscow"."""
    heads = role_data()["heads"]
    root = span.root
    # children after the name are right children: Token.rights skips the walk over the left ones
    candidates = [child for child in root.rights if child.dep_ in APPOSITIONS and child.i >= span.end]
    if root.dep_ in APPOSITIONS and root.head.i < span.start:
        candidates.append(root.head)
    for head in candidates:
        if head.lemma_.lower() not in heads and head.lower_ not in heads:
            continue
        if head.i > span.start:  # "John Sullivan, the US ambassador": the apposition's own words
            tokens = [t for t in head.subtree if t.i >= span.end]
        else:  # "the US ambassador to Russia, John Sullivan": the words before the name
            tokens = [t for t in head.subtree if t.i < span.start]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"the", "a", "an"}):
            tokens.pop(0)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if tokens and len(tokens) <= MAX_APPOSITION_WORDS:
            return span.doc[tokens[0].i: tokens[-1].i + 1].text
    return None


def most_specific(roles: list[str]) -> list[str]:
    """Drop roles contained in a longer one ("President" beside "U.S. President"), keep order."""
    folded = [fold(r) for r in roles]
    kept = []
    for index, (role, f) in enumerate(zip(roles, folded)):
        if f in folded[:index] or any(f != g and re.search(rf"\b{re.escape(f)}\b", g) for g in folded):
            continue
        kept.append(role)
    return kept
