"""What a named thing is, from the words around every mention of it in the article.

The small model labels each mention on its own and often wrongly: footballers as ORG or GPE
("Juninho's agent"), a club as PERSON ("Burnley are yet to concede"), films and awards as
ORG ("the film Robots", "the Mercury Music Prize"). Each mention's context casts a vote — a
person noun before it or in apposition, what it possesses ("X's agent", "X's shares"), "X,
who", a plural verb after a singular name, a work noun before it, an event's head word
ending it, an honorific or a known given name opening it — and the votes of all mentions of
the same name in the article relabel every one of them. A name with no vote keeps the
model's label.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Span, Token

from newswire.actors.lexicon import (COMPANY_ENDINGS, EVENT_HEADS, INSTITUTION_WORDS, ORG_NAME_ENDINGS,
                                     ORG_POSSESSIONS, ORG_TRAILING_WORDS, PERSON_NOUNS, PERSON_POSSESSIONS, PERSONAL_HONORIFICS,
                                     THING_NOUNS, WORK_NOUNS)
from newswire.data import load as load_data
from newswire.gazetteer import LEADING_ARTICLE, POSSESSIVE, demonym_country, fold, lookup_place, organisation
from newswire.syntax import APPOSITIONS, AUXILIARIES, COMPOUNDS, CONJUNCTS, SUBJECTS

PERSON, ORG, NOT_ACTOR = "PERSON", "ORG", "NOT_ACTOR"
_GIVEN = load_data("actors/given_names.json")
GIVEN_NAMES = frozenset(_GIVEN["male"]) | frozenset(_GIVEN["female"]) | frozenset(_GIVEN["unknown_gender"])
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PLURAL, SINGULAR = "plural", "singular"


def name_of(span: Span) -> str:
    """The name a mention votes for: its folded text without a leading article or possessive."""
    return fold(POSSESSIVE.sub("", LEADING_ARTICLE.sub("", span.text)))


def _before(span: Span) -> Token | None:
    return span.doc[span.start - 1] if span.start > 0 else None


def _singular_noun(token: Token | None, words: frozenset[str]) -> bool:
    return token is not None and token.lower_ in words and token.tag_ not in PLURAL_NOUN_TAGS


def _name_tokens(span: Span) -> Span:
    """The span without a possessive ending or trailing space ("Dimitar Berbatov's")."""
    end = span.end
    while end > span.start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[span.start:end]


def _opening_vote(span: Span) -> str | None:
    """An honorific or a known given name opening the name ("Mr Cable", "Dimitar Berbatov")."""
    first = span[0]
    before = _before(span)
    if (first.lower_ in PERSONAL_HONORIFICS and first.is_title and len(span) > 1 and span[1].is_title) or (
            before is not None and before.lower_ in PERSONAL_HONORIFICS and before.is_title):
        return PERSON
    span = _name_tokens(span)
    if len(span) < 2 or first.lower_ not in GIVEN_NAMES or lookup_place(first.text) is not None:
        return None
    rest = span[1:]
    if not all(token.is_title or token.text in {"-", "'"} for token in rest) \
            or {token.lower_ for token in rest} & (COMPANY_ENDINGS | ORG_TRAILING_WORDS | INSTITUTION_WORDS):
        return None
    return PERSON


def _linked_nouns(span: Span) -> list[Token]:
    """The span's own apposition ("Juninho, the striker,") or the noun it is apposed to ("the film, Robots")."""
    root = span.root
    linked = [child for child in root.children if child.dep_ in APPOSITIONS and child.i >= span.end]
    if root.dep_ in APPOSITIONS and root.head.i < span.start:
        linked.append(root.head)
    return linked


def _list_opening(span: Span) -> Token | None:
    """The word before the list a later entry belongs to ("soap operas Knots Landing and [Falcon Crest]")."""
    top = span.root
    while top.dep_ in CONJUNCTS and top.head.i < top.i:
        top = top.head
    if top is span.root:
        return None
    start = top.left_edge.i
    while start < top.i and span.doc[start].is_lower:  # the list's own modifiers ("soap operas")
        start += 1
    return span.doc[start - 1] if start > 0 else None


def _role_vote(span: Span) -> str | None:
    """A work noun right before the name, before the list it ends, or in apposition to it ("the
    film Robots", "soap operas Knots Landing and Falcon Crest"): a work's title; a person noun
    there ("midfielder Edith Agoye"): a person."""
    before = _before(span)
    linked = _linked_nouns(span)
    if any(token is not None and token.lower_ in WORK_NOUNS and token.is_lower for token in (before, _list_opening(span))) \
            or any(token.lower_ in WORK_NOUNS for token in linked):
        return NOT_ACTOR
    # "the billionaire Bhs owner": a noun before a name that modifies another noun is that noun's
    names_itself = span.root.dep_ not in COMPOUNDS
    if (names_itself and _singular_noun(before, PERSON_NOUNS)) or any(_singular_noun(t, PERSON_NOUNS) for t in linked):
        return PERSON
    return None


def _clause_vote(span: Span) -> str | None:
    """What the clause says of the name: what it possesses ("X's agent", "X's shares", "X boss
    Mark McGhee"); "X, who"
    with a singular verb; a plural verb after a singular name ("Burnley are", "City, who are")."""
    root = span.root
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" and root.dep_ == "poss":
        if root.head.lower_ in PERSON_POSSESSIONS:
            return PERSON
        if root.head.lower_ in ORG_POSSESSIONS:
            return ORG
    if after is not None and after.lower_ in ORG_POSSESSIONS and after.is_lower and after.tag_ == "NN" \
            and span.end + 1 < len(doc) and doc[span.end + 1].is_title:  # "Brighton boss Mark McGhee"
        return ORG
    if root.tag_ != "NNP" or any(child.dep_ in CONJUNCTS for child in root.children):
        return None
    for child in root.children:  # "Juninho, who has", but "Manchester City, who are"; "who said" tells nothing
        if child.dep_ == "relcl" and any(t.lower_ == "who" and t.dep_ in SUBJECTS for t in child.children):
            return {PLURAL: ORG, SINGULAR: PERSON}.get(_verb_number(child))
    if root.dep_ in SUBJECTS and _verb_number(root.head) == PLURAL:
        return ORG
    return None


def _verb_number(verb: Token) -> str | None:
    """PLURAL or SINGULAR when the verb or one of its auxiliaries shows its number ("are", "have
    won", "were"; "has", "is", "was"), else None."""
    verbs = [verb, *(child for child in verb.children if child.dep_ in AUXILIARIES)]
    if any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs):
        return PLURAL
    if any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs):
        return SINGULAR
    return None


def _head_vote(span: Span) -> str | None:
    """A name ending in an event's or award's head word ("the African Nations Cup") is no actor,
    one ending in an organisation's ("Manchester United") an organisation;
    nor is one word labelled PERSON after a lower-case "the" ("at the Maracana"): people's names
    take no article ("the Balco scandal": the article is the scandal's)."""
    name = _name_tokens(span)
    if len(name) > 1 and name[-1].lower_ in EVENT_HEADS:
        return NOT_ACTOR
    if len(name) > 1 and name[-1].lower_ in ORG_NAME_ENDINGS and name[-1].is_title:
        return ORG
    before = _before(span)
    if span.label_ == PERSON and len(span) == 1 and before is not None and before.lower_ == "the" and before.is_lower \
            and span.root.dep_ not in COMPOUNDS:
        return NOT_ACTOR
    return None


def mention_votes(span: Span) -> list[str]:
    """Every vote this mention's context casts: PERSON, ORG or NOT_ACTOR."""
    return [vote for rule in (_opening_vote, _role_vote, _clause_vote, _head_vote) if (vote := rule(span))]


def _modifies_a_thing(span: Span) -> bool:
    """The name modifies a noun for a thing after it ("the Zafi virus", "the Jerwood painting prize")."""
    head = _name_tokens(span).root.head
    return span.root.dep_ in COMPOUNDS | {"nmod", "amod"} and head.i >= span.end and head.lemma_.lower() in THING_NOUNS \
        and head.is_lower


def _known(name: str) -> bool:
    """A name the gazetteer knows as a place, an organisation or a nationality ("the unseeded
    Argentine, who") keeps its label."""
    return lookup_place(name) is not None or organisation(name) is not None or demonym_country(name) is not None


def relabelled(spans: list[Span]) -> list[Span]:
    """The article's entity spans with labels the votes of all mentions of each name decide; a
    name voted no actor is left out. A lone word also counts the person and organisation votes
    of the full names it ends ("Berbatov" after "Dimitar Berbatov", "United" after "Manchester United")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    thing_modifiers: dict[str, list[bool]] = defaultdict(list)
    for span in spans:
        name = name_of(span)
        votes[name].update(mention_votes(span))
        thing_modifiers[name].append(_modifies_a_thing(span))
    for name, modifies in thing_modifiers.items():
        if all(modifies):  # "the Zafi virus" and never Zafi on its own
            votes[name][NOT_ACTOR] += len(modifies) + sum(votes[name].values())
    for name, counts in list(votes.items()):
        words = name.split()
        if len(words) > 1 and words[-1] in votes:
            votes[words[-1]].update({PERSON: counts[PERSON], ORG: counts[ORG]})
    out = []
    for span in spans:
        name = name_of(span)
        label = _verdict(span.label_, votes.get(name, Counter()), _known(span.text) or _known(name))
        if label is None:
            continue
        out.append(span if label == span.label_ else Span(span.doc, span.start, span.end, label=label))
    return out


def _verdict(label: str, counts: Counter, known: bool) -> str | None:
    """The label the votes give a name of this model label; None: no actor. A name the gazetteer
    knows is never dropped or made a person."""
    if counts[NOT_ACTOR] > counts[PERSON] + counts[ORG] and not known:
        return None
    if counts[PERSON] > counts[ORG] and label != PERSON and not known:
        return PERSON
    if counts[ORG] > counts[PERSON] and label in {PERSON, "GPE", "LOC"} and not known:
        return ORG
    return label
