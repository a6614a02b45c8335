"""Places as places or as governments: a capital that acts ("Moscow has demanded") stands for
its state; one that locates ("talks in Moscow") stays a city."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newswire.actors.lexicon import AGENTIVE_OBJECT_VERBS, COMMUNICATION_HEADS, LOCATIVE_PREPOSITIONS
from newswire.gazetteer import fold, gazetteer
from newswire.syntax import AGENTS, CONJUNCTS, DIRECT_OBJECTS, INDIRECT_OBJECTS, PREPOSITION_OBJECTS, SUBJECTS

POSSESSORS = frozenset({"poss"})
# Prepositions after which a place is a party to something ("talks with Moscow", "sanctions against Beijing").
PARTY_PREPOSITIONS = frozenset({"with", "by", "against", "for", "on", "of"})


def is_agent(token: Token) -> bool:
    """True when a place name acts as a government (subject, possessor, object of talk) rather than a location."""
    if token.dep_ in DIRECT_OBJECTS | INDIRECT_OBJECTS:
        return token.head.lemma_.lower() in AGENTIVE_OBJECT_VERBS
    if token.dep_ in CONJUNCTS:
        return is_agent(token.head) if token.head is not token else False
    if token.dep_ in SUBJECTS | POSSESSORS | AGENTS:
        return True
    if token.dep_ in PREPOSITION_OBJECTS and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        # "the response from Washington", "reply to Moscow": governments exchanging messages
        return token.head.lower_ in {"from", "to"} and token.head.head.lemma_.lower() in COMMUNICATION_HEADS
    return token.dep_ in PREPOSITION_OBJECTS and token.head.lower_ in PARTY_PREPOSITIONS


def possessor_country(span: Span) -> tuple[str | None, int]:
    """"Russia's Security Council": the country and the start offset of "Russia's"."""
    if span.start >= 2 and span.doc[span.start - 1].lower_ in {"'s", "\u2019s"}:
        owner = span.doc[span.start - 2]
        place = gazetteer()["places"].get(fold(owner.text))
        if place is not None and place.key.startswith("GPE:"):
            return place.country, owner.idx
    return None, span.start_char
