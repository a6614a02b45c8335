"""The event-coding dictionaries as typed values: CAMEO codes, their PLOVER types, verb
patterns and agent sectors (data in newswire/data/events/, built by
bench/build_event_lexicon.py from petrarch2, icews and PLOVER; licences in LICENSES.md).

Words are compared lower-case; verbs and nouns are expected as lemmas ("attack", "troop"),
multi-word verbs with spaces ("ask for").
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from newswire.data import load as load_data

Prep = tuple[str, str | None]  # (preposition, head of its object; None: any object)


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float  # -10 (most conflictual) .. +10 (most cooperative)
    root: str  # two-digit root, "01".."20"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict


@dataclass(frozen=True)
class PloverCode:
    type: str | None  # None: PLOVER does not code it (CAMEO 01, public statements)
    mode: str | None
    context: str | None  # may name several, "military; legal"


@dataclass(frozen=True)
class VerbPattern:
    """A refinement of a verb's code: all of its conditions must hold."""

    object_heads: frozenset[str]  # the direct object's head is one of these; empty: no condition
    preps: tuple[Prep, ...]  # each must be among the verb's prepositional phrases
    subject_heads: frozenset[str]  # the subject's head is one of these; empty: no condition
    code: str | None  # None: this use of the verb is no event

    @property
    def specificity(self) -> int:
        """Conditions count, a prepositional object counting apart from its preposition."""
        return (
            bool(self.object_heads)
            + bool(self.subject_heads)
            + sum(1 if noun is None else 2 for _, noun in self.preps)
        )

    def matches(self, object_heads: Set[str], preps: Set[Prep], subject_heads: Set[str]) -> bool:
        if self.object_heads and self.object_heads.isdisjoint(object_heads):
            return False
        if self.subject_heads and self.subject_heads.isdisjoint(subject_heads):
            return False
        prepositions = {preposition for preposition, _ in preps}
        return all(
            (preposition in prepositions) if noun is None else ((preposition, noun) in preps)
            for preposition, noun in self.preps
        )


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    code: str | None  # the verb's code on its own; None: the verb alone is no event
    patterns: tuple[VerbPattern, ...]

    def code_for(
        self,
        object_heads: Set[str],
        preps: Set[Prep],
        subject_heads: Set[str] = frozenset(),
    ) -> str | None:
        """The code of the most specific pattern that holds for these arguments, else the
        verb's default. Equally specific patterns: the first in the dictionary wins, as in
        PETRARCH. None means no event."""
        object_heads = {head.lower() for head in object_heads}
        subject_heads = {head.lower() for head in subject_heads}
        preps = {(preposition.lower(), noun.lower() if noun else None) for preposition, noun in preps}
        best: VerbPattern | None = None
        for pattern in self.patterns:
            if pattern.matches(object_heads, preps, subject_heads) and (
                best is None or pattern.specificity > best.specificity
            ):
                best = pattern
        return best.code if best else self.code


@lru_cache(maxsize=1)
def _cameo_codes() -> dict[str, CameoCode]:
    return {code: CameoCode(code=code, **entry) for code, entry in load_data("events/cameo_codes.json").items()}


@lru_cache(maxsize=1)
def _plover_codes() -> dict[str, PloverCode]:
    return {
        code: PloverCode(entry["plover_type"], entry["plover_mode"], entry["plover_context"])
        for code, entry in load_data("events/cameo_plover.json").items()
    }


def cameo_codes() -> tuple[str, ...]:
    """Every CAMEO code, in code order."""
    return tuple(_cameo_codes())


def cameo(code: str) -> CameoCode:
    """The CAMEO code's name, Goldstein value, root and quad class; KeyError if unknown."""
    return _cameo_codes()[code]


def plover(code: str) -> PloverCode:
    """The PLOVER type, mode and context of a CAMEO code; KeyError if unknown."""
    return _plover_codes()[code]


@lru_cache(maxsize=None)
def verb_entry(lemma: str) -> VerbEntry | None:
    """The verb's default code and patterns, or None if the dictionary has no such verb.
    An irregular form the dictionary lists ("said", "asked for") finds its lemma."""
    lemma = " ".join(lemma.lower().split())
    verbs = load_data("events/verbs.json")
    lemma = lemma if lemma in verbs else load_data("events/verb_forms.json").get(lemma, lemma)
    entry = verbs.get(lemma)
    if entry is None:
        return None
    patterns = tuple(
        VerbPattern(
            object_heads=frozenset(pattern["object_heads"]),
            preps=tuple((preposition, noun) for preposition, noun in pattern["preps"]),
            subject_heads=frozenset(pattern.get("subject_heads", ())),
            code=pattern["code"],
        )
        for pattern in entry["patterns"]
    )
    return VerbEntry(lemma=lemma, code=entry["code"], patterns=patterns)


def agent_sector(noun: str) -> str | None:
    """PETRARCH's agent code for a noun or phrase ("minister" -> "~GOV", "troop" -> "~MIL"),
    or None. '~' before the code: it follows an actor's code; after: it precedes it."""
    return load_data("events/agents.json").get(" ".join(noun.lower().split()))
