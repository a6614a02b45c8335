"""What a match result says of the names in it.

"Galatasaray went down 3-0 to Fenerbahce", "Chelsea beat Barcelona 4-2", "Arsenal drew 1-1 with
Porto", "Porto won 2-1": the sides of a result verb (RESULT_VERBS in newswire/data/actors/words.json)
with one score in its sentence are teams, organisations, whatever the model labels a club named
after its town. A national side is its country by the project's convention: the gazetteer's
places keep their label (evidence._verdict). Singles players are sides too, but their results are
written with a score per set ("beat Hewitt 6-3 6-4"): a sentence of two scores or more is left alone.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newswire.actors.lexicon import CONTEST_NOUNS, GIVEN_NAMES, RESULT_VERBS
from newswire.syntax import DIRECT_OBJECTS, PREPOSITION_OBJECTS, PREPOSITIONS, SUBJECTS, VERBAL

ORG = "ORG"
# RESULT_VERBS' slots: where the opponent is written
_OBJECT, _TO, _WITH = "object", "to", "with"
_PARTICLE_VERBS = {verb.split()[0]: verb for verb in RESULT_VERBS if " " in verb}  # "go" -> "go down"


def _score_at(token: Token) -> bool:
    """"3-0": a number, a hyphen and a number written together, the first at this token."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-" or not (token.is_digit and doc[token.i + 2].is_digit):
        return False
    return not token.whitespace_ and not doc[token.i + 1].whitespace_


def _one_score(sentence: Span) -> bool:
    return sum(map(_score_at, sentence)) == 1


def _result_verb(verb: Token) -> str | None:
    """The RESULT_VERBS entry the verb is ("went" with "down" is "go down"), if any."""
    lemma = verb.lemma_.lower()
    phrase = _PARTICLE_VERBS.get(lemma)
    if phrase is not None and any(child.lower_ == phrase.split()[1] for child in verb.children):
        return phrase
    return lemma if lemma in RESULT_VERBS and " " not in lemma else None


def _side_of(root: Token) -> Token | None:
    """The verb the name is a side of: its subject, its object, or the object of its opponent's preposition."""
    if root.dep_ in SUBJECTS or root.dep_ in DIRECT_OBJECTS:
        return root.head
    preposition = root.head
    if root.dep_ in PREPOSITION_OBJECTS and preposition.dep_ in PREPOSITIONS and preposition.lower_ in {_TO, _WITH}:
        return preposition.head
    return None


def result_vote(span: Span) -> str | None:
    """ORG for a side of a result verb with one score in its sentence (see the module's docstring)."""
    if any(token.is_digit for token in span):
        return None  # "beating [Argentina 3-0]": the model ran a side into the score; a country so cut is not told
    root = span.root
    verb = _side_of(root)
    if verb is None or verb.pos_ not in VERBAL:
        return None
    entry = _result_verb(verb)
    if entry is None:
        return None
    slot = RESULT_VERBS[entry]
    opponent = (root.dep_ in DIRECT_OBJECTS and slot == _OBJECT) or (root.dep_ in PREPOSITION_OBJECTS and root.head.lower_ == slot)
    if not (opponent or root.dep_ in SUBJECTS):
        return None
    return ORG if _one_score(span.sent) else None


def opponent_vote(span: Span) -> str | None:
    """ORG for the side a match noun (CONTEST_NOUNS) is "against" ("a home tie against Lancashire rivals Blackburn"):
    a team; not a name the model labelled a person's of two words or opening with a given name ("the game against
    Jonah", a player named before)."""
    root = span.root
    preposition = root.head
    if root.dep_ not in PREPOSITION_OBJECTS or preposition.lower_ != "against" or span.label_ == "PERSON" and len(span) > 1 \
            or span[0].lower_ in GIVEN_NAMES:
        return None
    return ORG if preposition.head.lemma_.lower() in CONTEST_NOUNS else None
