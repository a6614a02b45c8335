"""A name the sentence uses as a place, whatever the model's label: "cookers made in Spennymoor",
"a street in Mayfair" (the object of "in" that modifies nothing after it), "meet on 12 March at
Twickenham", "a hard-fought win at Portsmouth" (the object of "at" after a word for a match or a
meeting: a venue, where "an analyst at Commerzbank" is an employer), "Bouira, about 100 kilometres
south of the capital", "50 miles north of Carlisle" (a distance from or to it), "Leslie Gray, 43, of
Tuxford, Nottingham" (where a person of a given age lives), "a huntsman from Ledbury, Herefordshire"
(the county after a town). The words are data
(VENUE_HEADS, NON_LOCATIVE_IN_HEADS, DISTANCE_UNITS in newswire/data/actors/words.json).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newswire.actors.lexicon import (DATE_WORDS, DISTANCE_UNITS, EVENT_HEADS, GIVEN_NAMES, INSTITUTION_WORDS, LOCATING_PREPOSITIONS,
                                     NON_LOCATIVE_IN_HEADS, VENUE_HEADS)
from newswire.syntax import PREPOSITION_OBJECTS, doc_text, span_text

PLACE = "GPE"
_UNITS = "|".join(sorted(DISTANCE_UNITS, key=len, reverse=True))
# "Bouira, about 100 kilometres (60 miles) south of": a distance right after the name
_DISTANCE_AFTER = re.compile(r"^,?\s+(?:about |some |around |roughly |nearly |almost |just )?[\d,.]+\s?(?:" + _UNITS + r")\b")
# "100 kilometres (60 miles) south of Bouira", "20 miles north-west of": a direction and "of" right before it
_DISTANCE_BEFORE = re.compile(r"\b(?:" + _UNITS + r")\)?\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$")


def _in_place(span: Span) -> bool:
    """One word, the object of "in" that modifies no noun after it ("in Spennymoor.", not "in ITV
    drama", "in Microsoft's program"), whose "in" is not a share's or a part's ("shares in GE"), and no
    given name ("confident in Andy winning")."""
    root = span.root
    doc = span.doc
    if len(span) != 1 or root.dep_ not in PREPOSITION_OBJECTS or root.head.lower_ != "in" or root.head.i != span.start - 1:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.tag_ == "POS" or after.text in {"'", "\u2019"} or after.pos_ in {"NOUN", "PROPN"}):
        return False
    heads = {root.head.head.lemma_.lower(), doc[root.head.i - 1].lemma_.lower() if root.head.i else ""}
    return not heads & NON_LOCATIVE_IN_HEADS and root.lower_ not in INSTITUTION_WORDS and root.lower_ not in GIVEN_NAMES


def _at_venue(span: Span) -> bool:
    """The object of "at" after a word for a match, a win or a meeting ("win at Portsmouth", "meet at Twickenham")."""
    root = span.root
    if root.dep_ not in PREPOSITION_OBJECTS or root.head.lower_ != "at" or root.head.i != span.start - 1:
        return False
    return root.head.head.lemma_.lower() in VENUE_HEADS


# "Leslie Gray, 43, of Tuxford, Nottingham": where a person of a given age is from, town and county
_RESIDENCE = re.compile(r"\b\d{1,3},\s+(?:of|from)\s+(?:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?,\s+)?$")


def _distance_from(span: Span) -> bool:
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 60):span.start_char]
    # the patterns before the name are anchored at the text's end, so a search tries them from every character of
    # it: each is searched only where the text has the words it needs ("... of " right before, "of" or "from")
    return bool(_DISTANCE_AFTER.match(text[span.end_char:span.end_char + 40])
                or before.rstrip().endswith("of") and _DISTANCE_BEFORE.search(before)
                or ("of" in before or "from" in before) and _RESIDENCE.search(before))


# what may close the phrase of a county written after its town
_PHRASE_ENDS = frozenset({",", ".", ";", ")"})
# the model's labels of a town (none, or a place's or, as often, an organisation's), not a person's or a date's
_TOWN_LABELS = frozenset({"", "GPE", "LOC", "FAC", "ORG"})


def _county_of_town(span: Span) -> bool:
    """"a speech in Burnley, Lancashire", "a huntsman from Ledbury, Herefordshire": one word after a
    comma and a town that something is in, at or from (LOCATING_PREPOSITIONS; not a person, "from
    Blair, Brown", nor a date), ending its phrase, is the town's county."""
    doc = span.doc
    if len(span) != 1 or span.start < 3 or doc[span.start - 1].text != ",":
        return False
    town = doc[span.start - 2]
    preposition = doc[span.start - 3]
    if not (town.is_title and preposition.lower_ in LOCATING_PREPOSITIONS and town.ent_type_ in _TOWN_LABELS
            and town.lower_ not in DATE_WORDS):
        return False  # "In November, Barclays, which owns": a month, not a town
    return span.end == len(doc) or doc[span.end].text in _PHRASE_ENDS


def _a_bare_name(span: Span) -> bool:
    """A name as places are written: no article before it ("at the World Indoor Tournament" is an
    event), no event's head word or digit in it ("in MPEG-4")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (before is None or before.lower_ != "the") and span[0].lower_ != "the" and span[-1].lower_ not in EVENT_HEADS \
        and not any(map(str.isdigit, span_text(span))) and not any(token.like_num for token in span)


def locative_vote(span: Span) -> str | None:
    """PLACE when the sentence puts something in, at or some distance from the name."""
    if _distance_from(span) or _county_of_town(span):
        return PLACE
    # what the sentence does with the name first: it rules out most names with a word or two, the name's own
    # form takes a pass over its words
    return PLACE if (_in_place(span) or _at_venue(span)) and _a_bare_name(span) else None
