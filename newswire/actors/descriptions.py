"""Definite descriptions of people ("the Secretary of State", "his Russian counterpart"):
found per article, resolved across the corpus to the person whose roles fit, nearest first."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span

from newswire.actors.draft import Draft
from newswire.actors.lexicon import DESCRIPTION_FILLERS, DETERMINERS
from newswire.actors.records import Description, LocalMention
from newswire.actors.spans import tokens_between
from newswire.gazetteer import FOLD_CACHE, POSSESSIVE, categories_of, country_in, fold, gazetteer, role_data
from newswire.syntax import APPOSITIONS, SUBJECTS, noun_chunk_bounds

# Descriptions ("the diplomat") refer back; a forward reference reaches this far at most.
CATAPHORA_CHARS = 300
# A description's "of"/"to" phrase longer than this many tokens is a clause, not part of the title.
MAX_DESCRIPTION_TOKENS = 10
_ROLE_WORD = re.compile(r"[\w.'-]+")


def description_parts(words: Sequence[str]) -> tuple[str, list[str], str | None] | None:
    """(head, content words, country) of a description given as words, or None if it is not one.

    "the top US diplomat" -> ("diplomat", ["diplomat"], "USA"); "the head of Russian diplomacy"
    -> ("diplomacy", ["head", "diplomacy"], "RUS"); "the Secretary of State" -> ("secretary",
    ["secretary", "state"], None).
    """
    heads, category_words = role_data()["heads"], role_data()["category_words"]
    words = [POSSESSIVE.sub("", w) for w in words]
    words = [w for w in words if fold(w) and fold(w) not in DESCRIPTION_FILLERS]
    if not words:
        return None
    cut = next((i for i, w in enumerate(words) if w.lower() in {"of", "to", "for"}), len(words))
    head = fold(words[cut - 1]) if cut else fold(words[0])
    if head in {"head", "chief", "leader"} and cut < len(words) and fold(words[-1]) in category_words:
        head = fold(words[-1])  # "the head of US diplomacy" is a diplomat
    if head.endswith("s") and (head[:-1] in heads or head[:-1] in category_words):
        return None  # plural: a group, not one person
    if head not in heads and head not in category_words:
        return None
    country = country_in(words)
    content = [fold(w) for w in words if w.lower() not in {"of", "to", "for"} and country_in([w]) is None]
    return head, content, country


def describe(start: int, end: int, text: str, words: Sequence[str], subject: bool) -> Description | None:
    """The description these words make, or None if they describe no one person."""
    parts = description_parts(words)
    if parts is None:
        return None
    head, content, country = parts
    return Description(start, end, text, head, tuple(content), country, subject)


@lru_cache(maxsize=FOLD_CACHE)
def _role_words(role: str) -> frozenset[str]:
    """The folded words of a role; kept per role, as every description asks of the roles of every
    person of its article."""
    return frozenset(fold(w) for w in _ROLE_WORD.findall(role))


def match_description(description: Description, persons: dict[str, list[int]], roles: dict[str, list[str]],
                      countries: dict[str, str], subjects_before: set[str]) -> str | None:
    """The person a description means: one whose roles fit it, nearest before it (or just after).

    persons: key -> positions of the person's mentions in the article; roles and countries are
    what is known of each key (the whole corpus's knowledge, after canonicalisation).
    """
    heads, category_words = role_data()["heads"], role_data()["category_words"]
    head, position = description.head, description.start
    candidates = []
    for key, starts in persons.items():
        person_roles = roles.get(key, [])
        country = countries.get(key)
        if description.country and country and country != description.country:
            continue
        role_words = set().union(*(_role_words(role) for role in person_roles))
        categories = set().union(*(categories_of(r) for r in person_roles)) if person_roles else set()
        wanted = category_words.get(head)
        if wanted == "counterpart":  # "his Russian counterpart": someone else, of the stated country
            fits = bool(person_roles) and description.country is not None and country == description.country \
                and key not in subjects_before
        elif wanted == "any":  # "the Norwegian politician"; "the IMF official" must be the IMF's
            qualifiers = set(description.content) - {head}
            fits = (bool(person_roles) or description.country is not None) and (
                not qualifiers or not person_roles or qualifiers <= role_words)
        elif wanted is not None:
            fits = wanted in categories
        else:
            fits = head in heads and bool(person_roles) and set(description.content) <= role_words
        if fits:
            before = [s for s in starts if s < position]
            after = [s for s in starts if position <= s <= position + CATAPHORA_CHARS]
            if before:
                candidates.append((0, position - max(before), key))
            elif after:
                candidates.append((1, min(after) - position, key))
    return min(candidates)[2] if candidates else None


def with_of_phrase(chunk: Span) -> Span:
    """"the Secretary" + "of State": spaCy's noun chunks stop before prepositional phrases."""
    doc, end = chunk.doc, chunk.end
    while end + 1 < len(doc) and doc[end].lower_ in {"of", "to"} and doc[end].head.i == chunk.root.i:
        right = doc[end].right_edge.i + 1
        if right - chunk.start > MAX_DESCRIPTION_TOKENS or any(t.pos_ in {"VERB", "AUX"} or t.is_punct
                                                               for t in tokens_between(doc, end, right)):
            break
        end = right
    return chunk if end == chunk.end else doc[chunk.start:end]  # most chunks have no such phrase: no slice made


def apposed_person(draft: Draft, chunk: Span) -> str | None:
    """"his Russian counterpart, Sergey Lavrov": a description in apposition names its person."""
    root = chunk.root
    linked = [child for child in root.children if child.dep_ in APPOSITIONS]
    if root.dep_ in APPOSITIONS:
        linked.append(root.head)
    for token in linked:
        for mention in draft.entities.mentions:
            if mention.type == "PERSON" and mention.start <= token.idx < mention.end:
                return mention.key
    return None


def _overlap_test(stretches: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether [start, end) overlaps any of the stretches: they are sorted by start, with the furthest end reached
    so far, so that each chunk of the article asks one bisection instead of a pass over every mention."""
    ordered = sorted(stretches)
    starts = [stretch_start for stretch_start, _ in ordered]
    furthest = list(accumulate((stretch_end for _, stretch_end in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        opened_before_end = bisect_left(starts, end)  # the stretches that start before the end
        return opened_before_end > 0 and furthest[opened_before_end - 1] > start

    return overlaps


def add_descriptions(draft: Draft, doc: Doc) -> None:
    """Descriptions of people (resolved later, with the corpus's roles) and references to
    organisations named in the article ("the Alliance" after NATO), read from its noun chunks."""
    taken = _overlap_test([(m.start, m.end) for m in draft.entities.mentions if m.type in {"PERSON", "ORG"}])
    org_keys = {m.key for m in draft.entities.mentions if m.type == "ORG"}
    org_references = gazetteer()["org_references"]
    for chunk_start, chunk_end in noun_chunk_bounds(doc):
        opening = doc[chunk_start]
        if opening.lower_ not in DETERMINERS and opening.dep_ != "poss":
            continue
        chunk = with_of_phrase(Span(doc, chunk_start, chunk_end))
        start, end = chunk.start_char, chunk.end_char
        if taken(start, end):
            continue
        subject = chunk.root.dep_ in SUBJECTS
        words = [t.text for t in chunk]
        reference = fold(" ".join(w for w in words if fold(w) not in DESCRIPTION_FILLERS))
        canonical = org_references.get(reference) or org_references.get(chunk.root.lemma_.lower())
        if canonical is not None:
            if f"ORG:{canonical}" in org_keys:
                draft.add(LocalMention(start, end, draft.text[start:end], "ORG", "title", f"ORG:{canonical}", subject))
            continue
        description = describe(start, end, draft.text[start:end], words, subject)
        if description is None:
            continue
        if (key := apposed_person(draft, chunk)) is not None:
            draft.add(LocalMention(start, end, description.text, "PERSON", "title", key, subject))
        else:
            draft.entities.descriptions.append(description)
