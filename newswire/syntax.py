"""Dependency-label sets and tree helpers, defined once for every extractor.

Labels are ClearNLP's, as spaCy's English models produce them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

ACTIVE_SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
SUBJECTS = ACTIVE_SUBJECTS | PASSIVE_SUBJECTS
CLAUSAL_SUBJECTS = frozenset({"csubj", "csubjpass"})
EXPLETIVES = frozenset({"expl"})
DIRECT_OBJECTS = frozenset({"dobj"})
INDIRECT_OBJECTS = frozenset({"dative"})
AGENTS = frozenset({"agent"})  # "by" of a passive
CLAUSAL_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
NEGATIONS = frozenset({"neg"})
AUXILIARIES = frozenset({"aux", "auxpass"})
CONJUNCTS = frozenset({"conj"})
APPOSITIONS = frozenset({"appos"})
COMPOUNDS = frozenset({"compound"})
NOMINAL_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod"})
PREPOSITIONS = frozenset({"prep"})
PREPOSITION_OBJECTS = frozenset({"pobj"})


def children(token: Token, labels: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in labels]


def conjuncts_of(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("the US and NATO" -> US, NATO)."""
    out, stack, seen = [token], [token], {token.i}
    while stack:
        for child in stack.pop().children:
            if child.dep_ in CONJUNCTS and child.i not in seen:
                seen.add(child.i)
                out.append(child)
                stack.append(child)
    return out


def ancestors_until_sentence_root(token: Token) -> Iterator[Token]:
    while token.head.i != token.i:
        token = token.head
        yield token


def is_negated(token: Token) -> bool:
    return any(child.dep_ in NEGATIONS for child in token.children)


def subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i: token.right_edge.i + 1]
