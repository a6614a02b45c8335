"""People's names: full names and their keys, lone surnames and given names resolved within the
article, and spelling variants of one person merged across the corpus."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from newswire.actors.draft import Draft
from newswire.actors.lexicon import NAME_PARTICLES
from newswire.actors.records import LocalMention
from newswire.actors.roles import role_apposition, role_before
from newswire.actors.spans import is_subject
from newswire.gazetteer import lookup_place, name_key, role_data
from newswire.syntax import APPOSITIONS

# Given names of one person across transliterations (Sergey/Sergei 83, Antony/Anthony 92,
# Alexandr/Alexander 93) score above this; different people (John/Joan 75, Ivan/Igor 50) below.
GIVEN_NAME_SIMILARITY = 80
# "T S Tirumurti": initials and a surname, which the small model takes for an organisation.
INITIALS_NAME = re.compile(r"^(?:[A-Z]\.?\s+){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def person_key(surname: str, given: str) -> str:
    return f"PERSON:{name_key(surname)}|{name_key(given)}"


def with_name_particles(span: Span) -> Span:
    """"Ursula von der Leyen": the model often tags only "Leyen"; take the particles and the given name."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_ in NAME_PARTICLES:
        start -= 1
    if start == span.start:
        return span
    previous = span.doc[start - 1] if start > 0 else None
    if previous is not None and previous.text[:1].isupper() and previous.is_alpha \
            and previous.text not in role_data()["honorifics"] and previous.lower_ not in role_data()["heads"]:
        start -= 1
    return Span(span.doc, start, span.end, label=span.label)


def names_a_role_holder(span: Span) -> bool:
    """A capitalised name in apposition to an office ("the ambassador, X,") or right after a
    title ("Ambassador X") is a person, whatever the model's label."""
    if len(span) < 2 or not all(token.text[:1].isupper() for token in span):
        return False
    heads = role_data()["heads"]
    root = span.root
    if root.dep_ in APPOSITIONS and root.head.lemma_.lower() in heads and root.head.i < span.start:
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and (previous.lower_ in heads or previous.text in role_data()["honorifics"])


def strip_honorifics(span: Span) -> tuple[int, list[str]]:
    """Index of the first name token after honorifics ("Minister Lavrov" -> Lavrov), and the honorifics."""
    honorifics = role_data()["honorifics"]
    index, stripped = 0, []
    while index < len(span) - 1 and span[index].text in honorifics:
        stripped.append(span[index].text)
        index += 1
    return index, stripped


def surnames_in(doc: Doc) -> set[str]:
    """Last words of the article's full names (including those the model labels ORG or GPE
    but that are written as a role holder's name, "Chancellor Olaf Scholz")."""
    return {ent[-1].text for ent in doc.ents
            if len(ent) >= 2 and ent[-1].text[:1].isupper()
            and (ent.label_ == "PERSON" or (ent.label_ in {"ORG", "GPE"} and names_a_role_holder(ent)
                                             and lookup_place(ent.text) is None))}


def add_person(draft: Draft, span: Span, start: int, end: int, subject: bool) -> None:
    """A person's name: a full name becomes a mention now, a lone name waits for the article's full names."""
    text = draft.text
    if (extended := with_name_particles(span)) is not span:
        span, start = extended, extended.start_char
    first, honorifics = strip_honorifics(span)
    name_start = span[first].idx if first else start
    name_start = max(name_start, start)
    surface = text[name_start:end]
    tokens = surface.split()
    if not tokens:
        return
    titles = [t for t in (role_before(span), " ".join(honorifics), role_apposition(span)) if t]
    # "Mr Scholz", "President Biden": the form with its honorific is a name form too
    before = span.doc[span.start - 1] if span.start > 0 else None
    styled = f"{before.text} {surface}" if before is not None and before.text in role_data()["honorifics"] else (
        text[start:end] if honorifics else None)
    if len(tokens) >= 2:
        split = next((i for i, t in enumerate(tokens[1:], 1) if t.lower() in NAME_PARTICLES), len(tokens) - 1)
        # all given names and initials: "K. Chandrasekhar Rao" and "K.T. Rama Rao" are two people
        key = person_key(" ".join(tokens[split:]), " ".join(tokens[:split]))
        mention = LocalMention(name_start, end, surface, "PERSON", "name", key, subject)
        draft.add(mention, surface)
        draft.persons[key].append(name_start)
        for title in titles:
            draft.add_role(key, title)
        if styled:
            draft.add_alias(key, styled)
    else:
        draft.pending_single.append((LocalMention(name_start, end, surface, "PERSON", "surname", "", subject), titles, styled))


def resolve_single_names(draft: Draft) -> None:
    """Lone names take the full name of the article's person with that surname (or given name)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_given: dict[str, set[str]] = defaultdict(set)
    for key in draft.persons:
        surname, given = key.removeprefix("PERSON:").split("|")
        by_surname[surname].add(key)
        by_given[given].add(key)
    for mention, titles, styled in draft.pending_single:
        folded = name_key(mention.text)
        if len(by_surname.get(folded, ())) == 1:
            key, kind = next(iter(by_surname[folded])), "surname"
        elif len(by_given.get(folded, ())) == 1 and not by_surname.get(folded):
            key, kind = next(iter(by_given[folded])), "given_name"
        else:
            key, kind = f"PERSON:{folded}|", "surname"
        draft.add(replace(mention, key=key, kind=kind), mention.text if key.endswith("|") else None)
        draft.persons[key].append(mention.start)
        for title in titles:
            draft.add_role(key, title)
        if styled:
            draft.add_alias(key, styled)


def add_unlabelled_surnames(draft: Draft, doc: Doc) -> None:
    """Surnames of the article's people that the model did not tag ("Price said", "Belarra")."""
    taken = [(m.start, m.end) for m in draft.entities.mentions]
    for key, name in list(draft.entities.names.items()):
        words = name.split()
        if not key.startswith("PERSON:") or len(words) < 2 or len(words[-1]) < 3:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", draft.text):
            start, end = match.span()
            if not any(s < end and start < e for s, e in taken):
                span = doc.char_span(start, end, alignment_mode="expand")
                draft.add(LocalMention(start, end, words[-1], "PERSON", "surname", key, span is not None and is_subject(span)))
                draft.persons[key].append(start)
                taken.append((start, end))


def given_names_match(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def person_groups(keys: Iterable[str], countries: dict[str, str]) -> dict[str, str]:
    """Full-name person keys -> representative key; spelling variants of one person share it.

    Blocked by surname, so the cost is linear in distinct names; within a surname, given
    names merge when they fuzzily agree and no stated countries conflict.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        surname, given = key.removeprefix("PERSON:").split("|")
        if given:
            by_surname[surname].append(key)
    representative: dict[str, str] = {}
    for members in by_surname.values():
        roots: list[str] = []
        for key in members:
            given = key.split("|")[1]
            for root in roots:
                if given_names_match(given, root.split("|")[1]) and not (
                        countries.get(key) and countries.get(root) and countries[key] != countries[root]):
                    representative[key] = root
                    break
            else:
                roots.append(key)
                representative[key] = key
    return representative
