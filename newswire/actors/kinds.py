"""What a common noun for a kind of thing, written near a name, says the name is.

"the charity Mencap", "the British bank Abbey National", "Hato El Charcote, a cattle ranch",
"jazz composers John Coltrane and Theolonius Monk", "games like Warcraft, EverQuest, Ultima",
"vehicles such as the BMW X5", "the Anfield club": the noun right before the name, in
apposition to it, opening the list the name is in, before "like"/"such as" and the list of
examples, (for a few nouns) right after the name, or (for works and products) the name is "of"
("a remake of Fingerbobs"). The noun's kind is data (KIND_NOUNS,
PERSON_NOUNS, WORK_NOUNS in newswire/data/actors/words.json), so every name in the list
shares it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newswire.actors.lexicon import (EXAMPLE_OPENERS, FIRM_NOUNS_AFTER_NAME, KIND_NOUNS, KIND_NOUNS_AFTER_NAME,
                                     PERSON_NOUNS, WORK_NOUNS)
from newswire.syntax import ACTIVE_SUBJECTS, APPOSITIONS, COMPOUNDS, CONJUNCTS, first_conjunct

PERSON, NOT_ACTOR = "PERSON", "NOT_ACTOR"
# a list of examples is scanned back over at most this many tokens ("games like A, B, C and D")
MAX_EXAMPLE_LIST = 16
# tokens a list of names is written with, besides the names ("A, B and the C")
_LIST_WORDS = frozenset({",", "and", "or", "the", "&", "-", "'s"})
_BRACKETS = frozenset({"(", ")"})


def kind_of(token: Token | None, plural_person: bool = False) -> str | None:
    """The type a lower-case noun gives the names it classifies: ORG, GPE, NOT_ACTOR (a work, a
    product, an event) or, with plural_person, PERSON for a plural person noun ("composers")."""
    # the tagger may read a kind noun right before a name as an adjective ("telecoms giant Verizon")
    if token is None or not (token.is_lower or (token.is_sent_start and token.is_title)) or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None  # lower case, or capitalised where a sentence opens ("Tools such as Blogger")
    lemma = token.lemma_.lower()
    if token.lower_ in WORK_NOUNS or lemma in WORK_NOUNS:
        return NOT_ACTOR
    if plural_person and lemma in PERSON_NOUNS:
        return PERSON
    return KIND_NOUNS.get(lemma)


def _coordinated(span: Span) -> bool:
    root = span.root
    return root.dep_ in CONJUNCTS or any(child.dep_ in CONJUNCTS for child in root.children)


def list_opening(span: Span) -> Token | None:
    """The word before the list a later entry belongs to ("jazz composers John Coltrane and [Monk]",
    "soap operas Knots Landing and [Falcon Crest]")."""
    root = span.root
    top = first_conjunct(root)
    if top.i == root.i:  # the first entry, or no list
        return None
    start = top.left_edge.i
    while start < top.i and span.doc[start].is_lower:  # the list's own modifiers ("jazz composers")
        start += 1
    return span.doc[start - 1] if start > 0 else None


def _in_a_list(token: Token) -> bool:
    """A word of a list of names, or of one name ("titles like the acclaimed Knights Of The Old
    Republic and Jedi Knight"); the opener ends the list."""
    return token.lower_ not in EXAMPLE_OPENERS and not token.is_sent_start and (
        token.lower_ in _LIST_WORDS or token.is_title or token.pos_ in {"PROPN", "ADJ", "DET"})


def _example_noun(span: Span) -> Token | None:
    """"games - like Warcraft, EverQuest, [Ultima]", "vehicles (SUVs), such as the [BMW X5]", "such
    blockbusters as [Speed]", "the program was called [Bankash-A Trojan]", "the tool,
    called [Picasa]": the noun whose examples (or name) follow, read back over the names of the list to its opener."""
    doc = span.doc
    if (span.end < len(doc) and doc[span.end].tag_ == "POS") or span[-1].tag_ == "POS":
        return None  # "works such as Larry Niven's Ringworld": the example's owner, not an example
    i = span.start - 1
    while i >= max(0, span.start - MAX_EXAMPLE_LIST) and _in_a_list(doc[i]):
        i -= 1
    if i < 1 or doc[i].lower_ not in EXAMPLE_OPENERS:
        return None
    if doc[i].lower_ == "as":  # "games such as", "such blockbusters as"
        if doc[i - 1].lower_ == "such":
            i -= 2
        elif i > 1 and doc[i - 2].lower_ == "such":
            return doc[i - 1]
        else:
            return None
    else:
        if doc[i].dep_ in {"ROOT", "ccomp", "relcl", "conj"}:  # "the malicious program was called Bankash-A Trojan"
            subjects = [child for child in doc[i].children if child.dep_ == "nsubjpass"]
            if subjects:
                return subjects[0]
        i -= 1
    depth = 0
    while i >= 0 and (doc[i].is_punct or depth):  # "vehicles (SUVs), such as": past the brackets and commas
        depth += (doc[i].text == ")") - (doc[i].text == "(")
        i -= 1
    noun = doc[i] if i >= 0 else None
    while noun is not None and kind_of(noun, True) is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.i < noun.i:
        noun = noun.head.head  # "many of the games of the last 15 years such as": the games, not the years
    return noun


def _after_name(span: Span) -> Token | None:
    """"the Anfield club", "Sal Oppenheim investment bank": a kind noun after the name, which the name
    modifies, past the lower-case nouns that modify it too ("investment"); a firm's noun (FIRM_NOUNS_AFTER_NAME)
    only after a name labelled a person's or an organisation's."""
    root = span.root
    if root.dep_ not in COMPOUNDS | {"nmod", "amod"}:
        return None
    noun = root.head
    if noun.i < span.end or any(not (token.is_lower and token.dep_ in COMPOUNDS and token.head.i == noun.i)
                                for token in span.doc[span.end:noun.i]):
        return None
    lemma = noun.lemma_.lower()
    firm = lemma in FIRM_NOUNS_AFTER_NAME and span.label_ in {"PERSON", "ORG"}  # not "the Hollywood studio"
    return noun if lemma in KIND_NOUNS_AFTER_NAME or firm else None


def names_a_firm_noun(span: Span) -> bool:
    """"Sal Oppenheim investment bank": the name says which firm the noun after it is."""
    noun = _after_name(span)
    return noun is not None and noun.lemma_.lower() in FIRM_NOUNS_AFTER_NAME


def _predicate_noun(span: Span) -> Token | None:
    """"Leicester and Saracens are the only rugby union clubs", "Yukos is an oil firm": the noun a copula
    says the name (or the list it opens) is."""
    subject = first_conjunct(span.root)
    verb = subject.head
    if subject.dep_ not in ACTIVE_SUBJECTS or verb.lemma_ != "be":
        return None
    noun = next((child for child in verb.rights if child.dep_ == "attr"), None)
    # not a product's or a work's noun: a firm is loosely called "a brand", a person "a character"
    return noun if kind_of(noun, True) not in {None, NOT_ACTOR} else None


def _work_named_after(span: Span) -> Token | None:
    """"a remake of Fingerbobs", "a version of Windows": the noun the name is named after with "of",
    when it is a work's or a product's (a place noun is evidence.py's; "the charity of X" is not its name)."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.i >= span.start:
        return None
    noun = root.head.head
    return noun if kind_of(noun) == NOT_ACTOR else None


def _kind_nouns(span: Span) -> Iterator[tuple[Token | None, bool]]:
    """The nouns that may say what the name is, nearest evidence first, each with whether a plural
    person noun counts; a generator, so the searches after the first noun that tells are not made."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    names_itself = span.root.dep_ not in COMPOUNDS
    yield before if names_itself else None, before is not None and before.tag_ == "NNS" and _coordinated(span)
    # children after the name are right children: Token.rights skips the walk over the left ones
    yield from ((token, False) for token in span.root.rights if token.dep_ in APPOSITIONS and token.i >= span.end)
    yield list_opening(span), True
    yield _example_noun(span), True
    yield _after_name(span), False
    yield _work_named_after(span), False
    yield _predicate_noun(span), True


def kind_vote(span: Span) -> str | None:
    """The type the kind nouns around the name give it, first found first."""
    return next((kind for token, plural in _kind_nouns(span)
                 if token is not None and (kind := kind_of(token, plural)) is not None), None)
