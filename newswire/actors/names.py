"""People's names: full names and their keys, lone surnames and given names resolved within the
article, and spelling variants of one person merged across the corpus."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from newswire.actors.draft import Draft
from newswire.actors.lexicon import NAME_PARTICLES, NAME_SUFFIXES
from newswire.actors.records import LocalMention
from newswire.actors.roles import role_apposition, role_before
from newswire.actors.spans import clean_span, is_subject, tokens_between
from newswire.actors.gender import agreed, compatible, given_name_gender, honorific_gender, person_gender
from newswire.gazetteer import fold, lookup_place, name_key, role_data
from newswire.syntax import APPOSITIONS, span_text

PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})

# Given names of one person across transliterations (Sergey/Sergei 83, Antony/Anthony 92,
# Alexandr/Alexander 93) score above this; different people (John/Joan 75, Ivan/Igor 50) below.
GIVEN_NAME_SIMILARITY = 80
# A given name this long that begins a longer one is its short form ("Tim" of "Timothy").
MIN_SHORT_FORM = 3
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
    # a plural role noun names a class the name belongs to, not its office: "analysts Screen Digest"
    if root.dep_ in APPOSITIONS and root.head.lemma_.lower() in heads and root.head.i < span.start \
            and root.head.tag_ not in PLURAL_NOUN_TAGS:
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and ((previous.lower_ in heads and previous.tag_ not in PLURAL_NOUN_TAGS)
                                     or previous.text in role_data()["honorifics"])


def strip_honorifics(span: Span) -> tuple[int, list[str]]:
    """Index of the first name token after honorifics ("Minister Lavrov" -> Lavrov), and the honorifics."""
    honorifics = role_data()["honorifics"]
    index, stripped = 0, []
    while index < len(span) - 1 and span[index].text in honorifics:
        stripped.append(span[index].text)
        index += 1
    return index, stripped


def surnames_in(spans: Iterable[Span]) -> set[str]:
    """Last words of the article's full names among its entity spans (including those labelled
    ORG or GPE but written as a role holder's name, "Chancellor Olaf Scholz"), without what the
    model ran on into ("Greg Rusedski 4-6": Rusedski)."""
    surnames = set()
    for ent in spans:
        name = name_part(ent)
        if len(name) >= 2 and name[-1].text[:1].isupper() \
                and (ent.label_ == "PERSON" or (ent.label_ in {"ORG", "GPE"} and names_a_role_holder(ent)
                                                and lookup_place(span_text(ent)) is None)):
            surnames.add(name[-1].text)
    return surnames


def name_part(span: Span) -> Span:
    """The span up to where it stops being a name: a spaced dash, a number or a lower-case word that
    is no particle ("Moazzam Begg - have" -> "Moazzam Begg", "Greg Rusedski 4" in a score line), as
    in run-on lists the model tags whole."""
    doc = span.doc
    for token in tokens_between(doc, span.start + 1, span.end):
        spaced_punctuation = token.is_punct and token.text != "." and (doc[token.i - 1].whitespace_ or token.whitespace_)
        if spaced_punctuation or token.is_digit or (token.is_alpha and token.is_lower and token.lower_ not in NAME_PARTICLES):
            return doc[span.start:token.i]
    return span


def add_person(draft: Draft, span: Span, start: int, end: int, subject: bool) -> None:
    """A person's name: a full name becomes a mention now, a lone name waits for the article's full names."""
    text = draft.text
    if (named := name_part(span)) is not span and len(named) < len(span):
        span = named
        start, end = clean_span(text, start, named.end_char)
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
    if len(tokens) >= 3 and tokens[-1].lower().rstrip(",") in NAME_SUFFIXES:
        tokens = tokens[:-1]  # "King Jr." has the surname King
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


def may_be(key: str, written: list[str], name_forms: list[str], roles: list[str]) -> bool:
    """A lone surname written with these titles and honorifics ("President Clinton", "Mrs Clinton")
    may be the person `key`: their genders agree, and a title it carries is among the person's
    roles whenever the person has roles ("President Clinton" is not "Secretary of State Hillary Clinton")."""
    gender = agreed(honorific_gender(word) for form in written for word in form.split())
    if not compatible(gender, person_gender(key, name_forms)):
        return False
    heads = role_data()["heads"]
    titles = {word for form in written for word in fold(form).split() if word in heads}
    held = {word for role in roles for word in fold(role).split()}
    return not titles or not held or bool(titles & held)


def resolve_single_names(draft: Draft) -> None:
    """Lone names take the full name of the article's person with that surname (or given name),
    when titles and gender allow."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_given: dict[str, set[str]] = defaultdict(set)
    for key in draft.persons:
        surname, given = key.removeprefix("PERSON:").split("|")
        by_surname[surname].add(key)
        by_given[given].add(key)
    for mention, titles, styled in draft.pending_single:
        folded = name_key(mention.text)
        written = [form for form in (*titles, styled) if form]
        initial = initial_before(draft.text, mention.start)
        namesakes = {key for key in by_surname.get(folded, ())
                     if may_be(key, written, draft.entities.aliases.get(key, []), draft.entities.roles.get(key, []))
                     and given_names_match(initial, key.split("|")[1])}
        name = None  # a known person's name stays theirs
        if len(namesakes) == 1:
            key, kind = next(iter(namesakes)), "surname"
        elif len(by_given.get(folded, ())) == 1 and not by_surname.get(folded):
            key, kind = next(iter(by_given[folded])), "given_name"
        else:  # "T Smith": the initial stays with the surname, so the person joins no other Smith
            key, kind, name = f"PERSON:{folded}|{initial}", "surname", mention.text
        draft.add(replace(mention, key=key, kind=kind), name)
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
        if len(words) >= 3 and words[-1].lower() in NAME_SUFFIXES:
            words = words[:-1]
        if not key.startswith("PERSON:") or len(words) < 2 or len(words[-1]) < 3:
            continue
        for start, end in _whole_words(draft.text, words[-1]):
            initial = initial_before(draft.text, start)
            if not any(s < end and start < e for s, e in taken) and given_names_match(initial, key.split("|")[1]):
                span = doc.char_span(start, end, alignment_mode="expand")
                draft.add(LocalMention(start, end, words[-1], "PERSON", "surname", key, span is not None and is_subject(span)))
                draft.persons[key].append(start)
                taken.append((start, end))


def _whole_words(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""(start, end) of each occurrence of the word that is no part of a longer word or hyphenated name,
    left to right without overlaps: what re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    finds, without compiling a pattern for every surname (that cost more than the rest of
    add_unlabelled_surnames). A character is \w when it is alphanumeric (str.isalnum) or "_"."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _joins_words(text[start - 1])) and (end == len(text) or not _joins_words(text[end])):
            yield start, end
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


def _joins_words(char: str) -> bool:
    return char.isalnum() or char in "_-"


# "T Smith", "J. White": an initial written right before a surname
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-Z])\.?\s+$")


def initial_before(text: str, start: int) -> str:
    """The initial (lower case) written right before a surname, else "": "T Smith" is not C Smith."""
    found = _INITIAL_BEFORE.search(text, max(0, start - 4), start)
    return found.group(1).lower() if found else ""


def _without_middle_initials(given: str) -> str:
    """"timothy j" -> "timothy": a middle initial after a full given name adds nothing to compare."""
    words = given.split()
    while len(words) > 1 and len(words[-1]) == 1 and len(words[0]) > 1:
        words.pop()
    return " ".join(words)


def given_names_match(a: str, b: str) -> bool:
    """Given names (person-key form) of one person: transliterations, an initial, a middle
    initial dropped, a short form ("tim" of "timothy") — and never two genders."""
    if not a or not b:
        return True
    if a[0] != b[0] or not compatible(given_name_gender(a), given_name_gender(b)):
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    a, b = _without_middle_initials(a), _without_middle_initials(b)
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= MIN_SHORT_FORM and " " not in shorter and longer.split()[0].startswith(shorter):
        return True
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def person_groups(keys: Iterable[str], countries: dict[str, str]) -> dict[str, str]:
    """Full-name person keys -> representative key; spelling variants of one person share it.

    Blocked by surname, so the cost is linear in distinct names; within a surname, given
    names merge when they fuzzily agree and no stated countries conflict.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    # full given names first: an initial then joins the one full name it fits, and never links two
    # ("J White" is Jason or Julian White, so neither joins the other through it)
    for key in sorted(keys, key=lambda key: (len(key.split("|")[1].replace(".", "")) == 1, key)):
        surname, given = key.removeprefix("PERSON:").split("|")
        if given:
            by_surname[surname].append(key)
    representative: dict[str, str] = {}
    for members in by_surname.values():
        roots: list[str] = []
        for key in members:
            given = key.split("|")[1]
            fitting = [root for root in roots if given_names_match(given, root.split("|")[1]) and not (
                countries.get(key) and countries.get(root) and countries[key] != countries[root])]
            if len(fitting) > 1 and len(given.replace(".", "")) == 1:
                fitting = []  # an initial that fits two people is neither
            representative[key] = fitting[0] if fitting else key
            if not fitting:
                roots.append(key)
    return representative
