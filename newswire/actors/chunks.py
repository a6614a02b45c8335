"""People's names the small model cut or split ("comedian [Sacha] (ORG) Baron [Cohen] (PERSON)",
"[Tory Dominic] Grieve"), joined back over the run of capitalised proper nouns they are in."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newswire.actors.evidence import GIVEN_NAMES
from newswire.actors.lexicon import PARTY_ADJECTIVES, PERSON_NOUNS, PERSONAL_HONORIFICS
from newswire.gazetteer import fold, lookup_place, organisation, role_data

# a person's name runs over at most this many tokens ("Sacha Baron Cohen", "Chris Rhys Jones")
MAX_NAME_TOKENS = 4


def _name_word(token: Token) -> bool:
    """A capitalised proper noun that may be part of a person's name: no honorific, title, role or
    party word (those are stripped or kept apart elsewhere), nor a place or organisation the gazetteer knows."""
    return token.tag_ == "NNP" and token.is_title and token.is_alpha \
        and token.lower_ not in PERSONAL_HONORIFICS | PERSON_NOUNS | PARTY_ADJECTIVES \
        and fold(token.text) not in role_data()["heads"] \
        and lookup_place(token.text) is None and organisation(token.text) is None


def _absorbable(token: Token, neighbour: Token, owner: dict[int, Span]) -> bool:
    """The token is a name word, untagged or the whole of a one-word span that is no person's name
    of its own, one space from its neighbour in the name; not across a possessive ("Gordon Brown's
    Budget") or a line break ("Nottingham Forest" / "Southampton")."""
    span = owner.get(token.i)
    first, second = sorted((token, neighbour), key=lambda t: t.i)
    return _name_word(token) and first.whitespace_ == " " and first.tag_ != "POS" and not first.text.endswith("'s") \
        and (span is None or (len(span) == 1 and span.label_ != "PERSON"))


def _complete(span: Span) -> bool:
    """A given name and a surname: nothing was cut ("Margaret Hodge" after "Families")."""
    return len(span) >= 2 and span[0].lower_ in GIVEN_NAMES


def _hyphened_on(span: Span, owner: dict[int, Span]) -> int:
    """The end of a full name the model cut at a hyphen inside its surname ("Professor Nadia
    [Magnenat]-Thalman"): a capitalised word written hyphened to its last word, in no other span. Not
    after one word, which may be one of two people so joined ("the Blair-Brown feud")."""
    doc, end = span.doc, span.end
    if len(span) >= 2 and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_title and doc[end + 1].is_alpha and end + 1 not in owner:
        return end + 2
    return end


def joined_person_names(spans: list[Span]) -> list[Span]:
    """Each person's span that is not already a given name and a surname, grown over the name words
    right before and after it (a one-word span there is absorbed), up to MAX_NAME_TOKENS; the spans
    it absorbed are dropped. A full name cut at a hyphen is joined back (_hyphened_on)."""
    if not spans:
        return spans
    doc = spans[0].doc
    owner = {i: span for span in spans for i in range(span.start, span.end)}
    grown: dict[int, Span] = {}
    for span in spans:
        if span.label_ == "PERSON" and (hyphened := _hyphened_on(span, owner)) != span.end:
            grown[span.start] = Span(doc, span.start, hyphened, label="PERSON")
            continue
        if span.label_ != "PERSON" or _complete(span):
            continue
        start, end = span.start, span.end
        while end < len(doc) and end - start < MAX_NAME_TOKENS and _absorbable(doc[end], doc[end - 1], owner):
            end += 1
        while start > 0 and end - start < MAX_NAME_TOKENS and not doc[start - 1].is_sent_start \
                and _absorbable(doc[start - 1], doc[start], owner) and not (start > 1 and doc[start - 2].pos_ == "ADP"):
            # not over the end of a title ("Secretary of State Hillary Clinton")
            start -= 1
        if (start, end) != (span.start, span.end):
            grown[span.start] = Span(doc, start, end, label="PERSON")
    absorbed = {id(owner[i]) for new in grown.values() for i in range(new.start, new.end) if i in owner
                and owner[i].start not in grown}
    return [grown.get(span.start, span) for span in spans if id(span) not in absorbed]
