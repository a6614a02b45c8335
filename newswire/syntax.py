"""Dependency-label sets and tree helpers, defined once for every extractor.

Labels are ClearNLP's, as spaCy's English models produce them.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

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
# coarse parts of speech (Universal Dependencies) of verbs, auxiliaries included
VERBAL = frozenset({"VERB", "AUX"})
_TEXT_KEY = "newswire_text"
# spaCy's English noun chunks (spacy/lang/en/syntax_iterators.py): the labels that make a noun, proper noun or
# pronoun a chunk's head, and the label of a word coordinated with one
_CHUNK_HEAD_DEPS = frozenset(get_string_id(label) for label in (
    "oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"))
_CONJUNCT_ID = get_string_id("conj")


def doc_text(doc: Doc) -> str:
    """doc.text, read once per Doc: spaCy joins every token afresh on each read, which per mention
    costs more than the rest of the actors extractor (kept in user_data, which stored parses leave out)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """span.text, sliced from the Doc's text read once (spaCy joins the span's tokens on every read)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each of doc.noun_chunks of an English Doc, found as spaCy's English iterator finds them
    but with the parts of speech, labels and heads read in one Doc.to_array: the iterator makes a Token of every
    word of the article to ask its part of speech, and doc.noun_chunks a Span of every chunk, which together cost
    more than all the descriptions read from the few chunks that open with a determiner."""
    columns = doc.to_array([POS, DEP, HEAD])
    deps = columns[:, 1].tolist()
    heads = columns[:, 2].view(numpy.int64).tolist()  # offsets to the head, negative ones stored as uint64
    chunks = []
    chunk_end = -1
    parts_of_speech = columns[:, 0]
    nominal = (parts_of_speech == NOUN) | (parts_of_speech == PROPN) | (parts_of_speech == PRON)
    for i in numpy.flatnonzero(nominal).tolist():
        head = i
        if deps[i] == _CONJUNCT_ID:  # the first conjunct of the list the word is a later entry of heads it
            head += heads[i]
            while deps[head] == _CONJUNCT_ID and heads[head] < 0:
                head += heads[head]
        if deps[head] not in _CHUNK_HEAD_DEPS:
            continue
        start = doc[i].left_edge.i
        if start > chunk_end:  # no chunk nested in another
            chunk_end = i
            chunks.append((start, i + 1))
    return chunks


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


def first_conjunct(token: Token) -> Token:
    """The first entry of the list the token is a later entry of ("English, French and [German]":
    English); the token itself when it is first or in no list."""
    while token.dep_ in CONJUNCTS and token.head.i < token.i:
        token = token.head
    return token


def ancestors_until_sentence_root(token: Token) -> Iterator[Token]:
    while token.head.i != token.i:
        token = token.head
        yield token


def first_token_from(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after a character offset (len(doc) if none)."""
    text_end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    span = doc.char_span(char, text_end, alignment_mode="contract") if char < text_end else None
    return span.start if span is not None else len(doc)


def has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in VERBAL for t in tokens)


def is_negated(token: Token) -> bool:
    return any(child.dep_ in NEGATIONS for child in token.children)


def is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def newline_between(a: Token, b: Token) -> bool:
    """A line break between two tokens: they sit in different paragraphs. Read off the Doc's text, not its
    tokens: a token's trailing whitespace is one space at most, a line break is a token of its own."""
    first, last = (a, b) if a.i <= b.i else (b, a)
    return "\n" in doc_text(a.doc)[first.idx:last.idx]


def span_roots(tokens: list[Token]) -> list[Token]:
    """Tokens of a stretch attached outside it (or the sentence root): the stretch's heads."""
    ids = {t.i for t in tokens}
    # each read of t.head makes a new Token: read once
    return [t for t in tokens if (head := t.head.i) not in ids or head == t.i]


def subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i: token.right_edge.i + 1]


def tokens_within(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying entirely inside the characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="contract") if start < end else None
    return list(span) if span is not None else []
