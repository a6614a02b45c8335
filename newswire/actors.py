"""People, organisations and places: mentions per article, then one actor per real-world entity.

Two steps, so the expensive one can be cached per article:
1. `extract_mentions(text, docs)` — per article, from spaCy's entities and parse: names with
   honorifics and possessives stripped, roles from appositions and pre-name titles, metonyms
   ("Moscow has demanded", "the Kremlin") mapped to the state, locative uses of capitals kept
   as cities, surnames and given names resolved to the full name introduced in the article,
   and descriptions ("the Secretary of State", "the US diplomat") resolved to the person who
   holds that role in the article. Output: plain `LocalMention` records with local keys.
2. `Corpus(articles)` — across the corpus: spelling variants and transliterations of a
   person merge (rapidfuzz on given names, guarded by surname, type and country); bare
   surnames join the one person of that surname; organisations and places merge on
   normalised names and the gazetteer (newswire/gazetteer.py). `Corpus.resolve_speakers`
   serves the quote stage; `Corpus.tables()` gives actor rows and mention rows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newswire.data import load as load_data
from newswire.gazetteer import (LEADING_ARTICLE, POSSESSIVE, categories_of, country_in, demonym_country, fold, gazetteer,
                                lookup_place, name_key, org_key, role_data)
from newswire.text import stable_hash

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
# Given names of one person across transliterations (Sergey/Sergei 83, Antony/Anthony 92,
# Alexandr/Alexander 93) score above this; different people (John/Joan 75, Ivan/Igor 50) below.
GIVEN_NAME_SIMILARITY = 80
# A bare surname joins the leading person of that surname when it has this share of mentions.
DOMINANT_SHARE = 0.8
# Descriptions ("the diplomat") refer back; a forward reference reaches this far at most.
CATAPHORA_CHARS = 300
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "into", "across", "outside", "inside", "around", "from", "to", "toward",
                         "towards", "via", "through", "within", "over", "between", "throughout"}
# Heads that make "from Washington"/"to Moscow" agentive: messages travel between governments.
COMMUNICATION_HEADS = {"response", "reply", "answer", "message", "demand", "statement", "proposal", "letter", "offer",
                       "respond", "reply", "answer", "send", "deliver", "submit", "say", "tell", "warn", "write",
                       "signal", "request", "note", "position", "assurance", "guarantee", "concern", "threat"}
# Role words that describe a relation or a class of people rather than an office.
NOT_TITLES = {"counterpart", "counterparts", "politician", "diplomat", "diplomats", "official", "officials", "analyst"}
# Generic institution names are named with their country ("Russia's Security Council");
# brand names ("Russia's Interfax") are not.
INSTITUTION_WORDS = {"council", "ministry", "parliament", "government", "army", "military", "navy", "senate",
                     "congress", "court", "committee", "service", "assembly", "cabinet", "duma", "administration",
                     "police", "guard", "forces", "office", "department", "commission", "bank"}
DETERMINERS = {"the", "his", "her", "their", "its"}
# Words of a description that carry no role information.
DESCRIPTION_FILLERS = {"the", "his", "her", "their", "its", "a", "an", "top", "senior", "former", "then", "'s", "s"}
NAME_KINDS = {"name", "surname", "given_name"}
APPOSITION_COMMA = re.compile(r"\s*,\s*")
# "the Komeito party", "the Wagner group": an organisation's name followed by what it is.
# "the regulator said": nouns that stand for an organisation named just before.
ORG_NOUNS = {"regulator", "lender", "group", "company", "firm", "ministry", "agency", "party", "court", "commission",
             "committee", "government", "administration", "bank", "fund", "organisation", "organization", "operator",
             "watchdog", "union", "bloc", "council", "authority", "board", "body", "giant", "producer", "insurer"}
# ... of which these name the kind of organisation, which its name repeats ("the Interior Ministry").
NAMED_ORG_NOUNS = {"ministry", "party", "court", "commission", "committee", "council", "bank", "agency", "union", "fund",
                   "board", "authority", "government", "administration"}
ORG_HEAD_WORDS = {"party", "group", "company", "bank", "agency", "movement", "alliance", "bloc", "coalition", "union"}
SUBJECTS = {"nsubj", "nsubjpass"}
NAME_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "al", "bin", "ibn", "dos", "das"}
_INITIALS_NAME = re.compile(r"^(?:[A-Z]\.?\s+){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
# "Christian Democratic Union (CDU)": an acronym introduced in brackets after a name.
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&.]{1,7})\)")
# Verbs whose object is a government, not a place: "criticized Berlin", "urged Moscow".
AGENTIVE_OBJECT_VERBS = {"criticize", "criticise", "urge", "warn", "accuse", "tell", "ask", "call", "pressure",
                         "press", "blame", "condemn", "sanction", "support", "back", "threaten", "thank", "praise",
                         "reassure", "persuade", "convince", "inform", "notify", "answer", "join"}
# A pronoun looks back this many sentences for the person it stands for.
PRONOUN_SENTENCES_BACK = 4
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
# "Russian officials said": speakers standing for their state.
STATE_BODIES = {"officials", "authorities", "government", "diplomats", "leaders", "lawmakers", "negotiators",
                "sources", "ministers"}
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "his": "PERSON", "hers": "PERSON",
            "they": "GROUP", "them": "GROUP", "their": "GROUP", "it": "GROUP", "its": "GROUP", "we": "GROUP", "i": "PERSON"}


@dataclass(frozen=True)
class LocalMention:
    start: int  # offsets into the article text
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, NORP
    kind: str  # name, surname, given_name, title, metonym, pronoun
    key: str  # entity key, stable within the article (see _person_key etc.)
    subject: bool = False  # the mention is the subject of its clause (salience for pronouns)


@dataclass
class ArticleEntities:
    """What one article says about its entities; plain data, cacheable as JSON."""

    mentions: list[LocalMention] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # key -> best surface name in the article
    roles: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    descriptions: list[Description] = field(default_factory=list)  # resolved by Corpus
    aliases: dict[str, list[str]] = field(default_factory=dict)  # name forms not kept as mentions ("Mr Scholz")
    acronyms: dict[str, str] = field(default_factory=dict)  # "CDU" -> key of "Christian Democratic Union"

    def to_json(self) -> dict:
        return {"mentions": [m.__dict__ for m in self.mentions], "names": self.names, "roles": self.roles,
                "countries": self.countries, "descriptions": [d.__dict__ for d in self.descriptions],
                "aliases": self.aliases, "acronyms": self.acronyms}

    @classmethod
    def from_json(cls, data: dict) -> ArticleEntities:
        return cls([LocalMention(**m) for m in data["mentions"]], data["names"], data["roles"], data["countries"],
                   [Description(**{**d, "content": tuple(d["content"])}) for d in data["descriptions"]],
                   data["aliases"], data["acronyms"])


# ---------------------------------------------------------------- per article


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim possessive endings and surrounding punctuation/space from [start, end)."""
    surface = text[start:end]
    if match := POSSESSIVE.search(surface):
        end -= len(match.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _is_subject(span: Span) -> bool:
    """The span is its clause's subject, directly or as an apposition to it ("Russia's envoy, X, said")."""
    root = span.root
    return root.dep_ in SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in SUBJECTS)


def _with_name_particles(span: Span) -> Span:
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


def _names_a_role_holder(span: Span) -> bool:
    """A capitalised name in apposition to an office ("the ambassador, X,") or right after a
    title ("Ambassador X") is a person, whatever the model's label."""
    if len(span) < 2 or not all(token.text[:1].isupper() for token in span):
        return False
    heads = role_data()["heads"]
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in heads and root.head.i < span.start:
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and (previous.lower_ in heads or previous.text in role_data()["honorifics"])


def _strip_honorifics(span: Span) -> tuple[int, list[str]]:
    """Index of the first name token after honorifics ("Minister Lavrov" -> Lavrov), and the honorifics."""
    honorifics = role_data()["honorifics"]
    index, stripped = 0, []
    while index < len(span) - 1 and span[index].text in honorifics:
        stripped.append(span[index].text)
        index += 1
    return index, stripped


def _is_title(role: str) -> bool:
    """A role names an office ("Secretary of State"), not a relation or class ("his counterpart")."""
    words = {w.lower() for w in re.findall(r"[\w-]+", role)}
    return bool(words & role_data()["heads"]) and not words & NOT_TITLES


def _person_key(surname: str, given: str) -> str:
    return f"PERSON:{name_key(surname)}|{name_key(given)}"


def _is_agent(token: Token) -> bool:
    """True when a place name acts as a government (subject, possessor, object of talk) rather than a location."""
    if token.dep_ in {"dobj", "dative"}:
        return token.head.lemma_.lower() in AGENTIVE_OBJECT_VERBS
    if token.dep_ in {"nsubj", "nsubjpass", "poss", "agent", "conj"}:
        if token.dep_ == "conj":
            return _is_agent(token.head) if token.head is not token else False
        return True
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        # "the response from Washington", "reply to Moscow": governments exchanging messages
        return token.head.lower_ in {"from", "to"} and token.head.head.lemma_.lower() in COMMUNICATION_HEADS
    if token.dep_ == "pobj" and token.head.lower_ in {"with", "by", "against", "for", "on", "of"}:
        return True
    return False


def _role_before(text: str, doc_offset: int, span: Span) -> tuple[str | None, int]:
    """A title written in front of a name: "U.S. Secretary of State Antony Blinken" -> "U.S. Secretary of State"."""
    heads = role_data()["heads"]
    tokens = []
    index = span.start - 1
    doc = span.doc
    while index >= 0:
        token = doc[index]
        if token.is_punct and token.text not in {"-"} or token.lower_ in {"the", "a", "an", "said", "by", "and"}:
            break
        if not (token.text[:1].isupper() or token.lower_ in {"of", "to", "for", "-", "deputy"} or token.lower_ in heads):
            break
        tokens.insert(0, token)
        index -= 1
    while tokens and tokens[0].lower_ in {"of", "to", "for", "-"}:
        tokens.pop(0)
    if not any(t.lower_ in heads for t in tokens):
        return None, span.start_char
    start = tokens[0].idx
    return text[doc_offset + start: doc_offset + tokens[-1].idx + len(tokens[-1])], start


def _role_apposition(span: Span) -> str | None:
    """"John Sullivan, the US ambassador to Moscow," -> "US ambassador to Moscow"."""
    heads = role_data()["heads"]
    root = span.root
    candidates = [child for child in root.children if child.dep_ == "appos" and child.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        candidates.append(root.head)
    for head in candidates:
        if head.lemma_.lower() not in heads and head.lower_ not in heads:
            continue
        if head.i > span.start:  # "John Sullivan, the US ambassador": the apposition's own words
            tokens = [t for t in head.subtree if t.i >= span.end]
        else:  # "the US ambassador to Russia, John Sullivan": the words before the name
            tokens = [t for t in head.subtree if t.i < span.start]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"the", "a", "an"}):
            tokens.pop(0)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if tokens and len(tokens) <= 12:
            return span.doc[tokens[0].i: tokens[-1].i + 1].text
    return None


@dataclass
class _Draft:
    """Working state for one article."""

    text: str
    entities: ArticleEntities = field(default_factory=ArticleEntities)
    persons: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # key -> mention starts
    pending_single: list[tuple[LocalMention, list[str], str | None]] = field(default_factory=list)

    def add(self, mention: LocalMention, name: str | None = None) -> None:
        self.entities.mentions.append(mention)
        if name:
            current = self.entities.names.get(mention.key)
            if current is None or len(name) > len(current):
                self.entities.names[mention.key] = name

    def add_alias(self, key: str, alias: str) -> None:
        aliases = self.entities.aliases.setdefault(key, [])
        if alias not in aliases:
            aliases.append(alias)

    def add_role(self, key: str, role: str) -> None:
        role = re.sub(r"\s+", " ", role).strip(" ,")
        if not _is_title(role):
            return
        roles = self.entities.roles.setdefault(key, [])
        if role and role not in roles:
            roles.append(role)
        if (country := country_in(role.split())) and key not in self.entities.countries:
            self.entities.countries[key] = country


def _surnames_in(docs: Sequence[tuple[int, Doc]]) -> set[str]:
    """Last words of the article's full names (including those the model labels ORG or GPE
    but that are written as a role holder's name, "Chancellor Olaf Scholz")."""
    return {ent[-1].text for _, doc in docs for ent in doc.ents
            if len(ent) >= 2 and ent[-1].text[:1].isupper()
            and (ent.label_ == "PERSON" or (ent.label_ in {"ORG", "GPE"} and _names_a_role_holder(ent)
                                             and lookup_place(ent.text) is None))}


def _media_context(span: Span) -> bool:
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lemma_.lower() in role_data()["media_nouns"]


def _org_name(surface: str) -> str:
    for suffix in role_data()["media_suffixes"]:
        if surface.lower().endswith(" " + suffix) and len(surface) > len(suffix) + 2:
            return surface[: -len(suffix) - 1]
    return surface


def _possessor_country(span: Span) -> tuple[str | None, int]:
    """"Russia's Security Council": the country and the start offset of "Russia's"."""
    if span.start >= 2 and span.doc[span.start - 1].lower_ in {"'s", "\u2019s"}:
        owner = span.doc[span.start - 2]
        place = gazetteer()["places"].get(fold(owner.text))
        if place is not None and place.key.startswith("GPE:"):
            return place.country, owner.idx
    return None, span.start_char


def _entity(draft: _Draft, offset: int, span: Span, surnames: set[str], article_orgs: set[str]) -> None:
    text = draft.text
    label = span.label_
    start, end = _clean_span(text, offset + span.start_char, offset + span.end_char)
    if end - start < 2 or not any(ch.isupper() for ch in text[start:end]):
        return
    surface = text[start:end]
    # "The Washington Post reports": a capitalised article inside a sentence belongs to the name
    keeps_article = surface.startswith("The ") and not span[0].is_sent_start
    bare = surface if keeps_article else LEADING_ARTICLE.sub("", surface)
    bare_start = start + (len(surface) - len(bare))
    subject = _is_subject(span)
    data = gazetteer()

    if label == "ORG" and len(span) == 1 and span[0].pos_ == "ADJ":
        return  # "Allied troops": an adjective, not an organisation
    if label == "ORG" and fold(bare) == "state" and span.start >= 2 and span.doc[span.start - 2].lower_ == "secretary":
        return  # the "State" of "Secretary of State"
    if label in {"ORG", "GPE", "PERSON"} and len(span) == 1 and bare in surnames:
        label = "PERSON"  # the small model labels lone surnames as ORG or GPE ("Blinken said")
    if label in {"ORG", "GPE"} and len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in NAME_PARTICLES \
            and lookup_place(bare) is None:
        label = "PERSON"  # "von der Leyen" with "Leyen" tagged as a place
    if label == "ORG" and _INITIALS_NAME.match(bare):
        label = "PERSON"  # "T S Tirumurti"
    if label in {"ORG", "GPE"} and lookup_place(bare) is None and fold(bare) not in data["organisations"] \
            and _names_a_role_holder(span):
        label = "PERSON"  # "deputy U.N. ambassador, Dmitry Polyanskiy," tagged ORG
    if label == "PERSON" and _media_context(span):
        label = "ORG"  # "German newspaper Bild"

    folded = fold(bare)
    if folded in data["seats"]:
        iso3 = data["seats"][folded]
        draft.add(LocalMention(start, end, surface, "GPE", "metonym", f"GPE:{iso3}", subject))
        return
    if folded in data["organisations"]:
        canonical = data["organisations"][folded]
        draft.add(LocalMention(bare_start, end, bare, "ORG", "name", f"ORG:{canonical}", subject), canonical)
        return
    if label != "PERSON" and (iso3 := demonym_country(bare)) and label in {"NORP", "GPE"}:
        draft.add(LocalMention(bare_start, end, bare, "NORP", "name", f"NORP:{iso3}", subject), bare)
        draft.entities.countries[f"NORP:{iso3}"] = iso3
        return
    if label == "ORG" and folded in data["org_references"] and f"ORG:{data['org_references'][folded]}" in article_orgs:
        key = f"ORG:{data['org_references'][folded]}"
        draft.add(LocalMention(start, end, surface, "ORG", "title", key, subject))  # "the Alliance" after NATO
        return
    if label in {"GPE", "LOC", "PERSON", "ORG", "NORP"} and (place := lookup_place(bare)) is not None \
            and not (label == "ORG" and len(span) > 1 and place.key.startswith("GPE:") and fold(bare) != fold(place.name)):
        if place.capital_of or fold(bare) == fold(data["brussels"]["city"]):
            if _is_agent(span.root):
                if fold(bare) == fold(data["brussels"]["city"]):
                    choices = [c for c in data["brussels"]["choices"] if f"ORG:{c}" in article_orgs]
                    key = f"ORG:{choices[0]}" if len(choices) == 1 else f"GPE:{data['brussels']['default_country']}"
                    draft.add(LocalMention(bare_start, end, bare, key.split(":")[0], "metonym", key, subject))
                else:
                    draft.add(LocalMention(bare_start, end, bare, "GPE", "metonym", f"GPE:{place.capital_of}", subject))
                return
        draft.add(LocalMention(bare_start, end, bare, "GPE", "name", place.key, subject), place.name)
        if place.country:
            draft.entities.countries.setdefault(place.key, place.country)
        return
    if label == "PERSON":
        _person(draft, offset, span, start, end, subject)
    elif label == "ORG":
        name = _org_name(bare)
        name_end = bare_start + len(name)
        country, owner_start = _possessor_country(span)
        if country and not {w.lower() for w in name.split()} & INSTITUTION_WORDS:
            draft.entities.countries.setdefault(org_key(name), country)
            country = None
        if country:  # "Russia's Security Council" is named with its possessor
            owner_start = offset + owner_start
            surface_name = text[owner_start:name_end]
            key = f"{org_key(name)}|{country}"
            draft.add(LocalMention(owner_start, name_end, surface_name, "ORG", "name", key, subject), surface_name)
        else:
            key = org_key(name)
            draft.add(LocalMention(bare_start, name_end, name, "ORG", "name", key, subject), name)
            country = country_in(name.split()[:2])
        if country:
            draft.entities.countries.setdefault(key, country)
        if (acronym := _ACRONYM_AFTER.match(text, name_end)) and acronym.group(1) != name:
            draft.entities.acronyms[acronym.group(1)] = key
            draft.add_alias(key, acronym.group(1))
    elif label == "NORP":
        draft.add(LocalMention(bare_start, end, bare, "NORP", "name", f"NORP:{fold(bare)}", subject), bare)
    elif label in {"GPE", "LOC"}:
        draft.add(LocalMention(bare_start, end, bare, "GPE", "name", f"CITY:{bare}", subject), bare)


def _person(draft: _Draft, offset: int, span: Span, start: int, end: int, subject: bool) -> None:
    text = draft.text
    if (extended := _with_name_particles(span)) is not span:
        span, start = extended, offset + extended.start_char
    first, honorifics = _strip_honorifics(span)
    name_start = offset + span[first].idx if first else start
    name_start = max(name_start, start)
    surface = text[name_start:end]
    tokens = surface.split()
    if not tokens:
        return
    role, _ = _role_before(text, offset, span)
    titles = [t for t in (role, " ".join(honorifics), _role_apposition(span)) if t]
    # "Mr Scholz", "President Biden": the form with its honorific is a name form too
    before = span.doc[span.start - 1] if span.start > 0 else None
    styled = f"{before.text} {surface}" if before is not None and before.text in role_data()["honorifics"] else (
        text[start:end] if honorifics else None)
    if len(tokens) >= 2:
        split = next((i for i, t in enumerate(tokens[1:], 1) if t.lower() in NAME_PARTICLES), len(tokens) - 1)
        # all given names and initials: "K. Chandrasekhar Rao" and "K.T. Rama Rao" are two people
        key = _person_key(" ".join(tokens[split:]), " ".join(tokens[:split]))
        mention = LocalMention(name_start, end, surface, "PERSON", "name", key, subject)
        draft.add(mention, surface)
        draft.persons[key].append(name_start)
        for title in titles:
            draft.add_role(key, title)
        if styled:
            draft.add_alias(key, styled)
    else:
        draft.pending_single.append((LocalMention(name_start, end, surface, "PERSON", "surname", "", subject), titles, styled))


def _resolve_single_names(draft: _Draft) -> None:
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


def _description_parts(words: Sequence[str]) -> tuple[str, list[str], str | None] | None:
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
    if head.endswith("s") and head[:-1] in heads | set(category_words):
        return None  # plural: a group, not one person
    if head not in heads and head not in category_words:
        return None
    country = country_in(words)
    content = [fold(w) for w in words if w.lower() not in {"of", "to", "for"} and country_in([w]) is None]
    return head, content, country


@dataclass(frozen=True)
class Description:
    """A definite description of a person ("the Secretary of State"), resolved across the corpus."""

    start: int
    end: int
    text: str
    head: str
    content: tuple[str, ...]
    country: str | None
    subject: bool

    @classmethod
    def from_words(cls, start: int, end: int, text: str, words: Sequence[str], subject: bool) -> Description | None:
        parts = _description_parts(words)
        if parts is None:
            return None
        head, content, country = parts
        return cls(start, end, text, head, tuple(content), country, subject)


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
        role_words = {fold(w) for role in person_roles for w in re.findall(r"[\w.'-]+", role)}
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


def _with_of_phrase(chunk: Span) -> Span:
    """"the Secretary" + "of State": spaCy's noun chunks stop before prepositional phrases."""
    doc, end = chunk.doc, chunk.end
    while end + 1 < len(doc) and doc[end].lower_ in {"of", "to"} and doc[end].head.i == chunk.root.i:
        right = doc[end].right_edge.i + 1
        if right - chunk.start > 10 or any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in doc[end:right]):
            break
        end = right
    return doc[chunk.start:end]


def _apposed_person(draft: _Draft, chunk: Span, offset: int) -> str | None:
    """"his Russian counterpart, Sergey Lavrov": a description in apposition names its person."""
    root = chunk.root
    linked = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos":
        linked.append(root.head)
    for token in linked:
        position = offset + token.idx
        for mention in draft.entities.mentions:
            if mention.type == "PERSON" and mention.start <= position < mention.end:
                return mention.key
    return None


def _descriptions(draft: _Draft, docs: Sequence[tuple[int, Doc]]) -> None:
    """Descriptions of people (resolved later, with the corpus's roles) and references to
    organisations named in the article ("the Alliance" after NATO)."""
    taken = [(m.start, m.end) for m in draft.entities.mentions if m.type in {"PERSON", "ORG"}]
    org_keys = {m.key for m in draft.entities.mentions if m.type == "ORG"}
    org_references = gazetteer()["org_references"]
    for offset, doc in docs:
        for chunk in doc.noun_chunks:
            if chunk[0].lower_ not in DETERMINERS and chunk[0].dep_ != "poss":
                continue
            chunk = _with_of_phrase(chunk)
            start, end = offset + chunk.start_char, offset + chunk.end_char
            if any(s < end and start < e for s, e in taken):
                continue
            subject = chunk.root.dep_ in {"nsubj", "nsubjpass"}
            words = [t.text for t in chunk]
            reference = fold(" ".join(w for w in words if fold(w) not in DESCRIPTION_FILLERS))
            canonical = org_references.get(reference) or org_references.get(chunk.root.lemma_.lower())
            if canonical is not None:
                if f"ORG:{canonical}" in org_keys:
                    draft.add(LocalMention(start, end, draft.text[start:end], "ORG", "title", f"ORG:{canonical}", subject))
                continue
            description = Description.from_words(start, end, draft.text[start:end], words, subject)
            if description is None:
                continue
            if (key := _apposed_person(draft, chunk, offset)) is not None:
                draft.add(LocalMention(start, end, description.text, "PERSON", "title", key, subject))
            else:
                draft.entities.descriptions.append(description)


@lru_cache(maxsize=1)
def _gazetteer_matcher() -> PhraseMatcher:
    """Names from the gazetteer, matched verbatim: the small model misses some ("Kaliningrad")
    and splits others ("Washington, D.C.")."""
    from newswire.nlp import load_nlp

    nlp = load_nlp()
    data = load_data("places.json")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    places = set(data["regions"]) | set(data["seats_of_power"])
    for country in data["countries"].values():
        places |= {country["name"], *country["aliases"], *country["capitals"]}
    orgs = {alias for entry in data["organisations"].values() for alias in entry["aliases"]}
    matcher.add("GPE", [nlp.make_doc(name) for name in sorted(places) if not name.startswith("the ")])
    matcher.add("ORG", [nlp.make_doc(name) for name in sorted(orgs)])
    return matcher


def _misspelt_countries(doc: Doc, found: list[Span]) -> list[Span]:
    """Runs of two or three capitalised words nobody tagged that are a country's name misspelt
    ("The Unites States consulted ..."): the gazetteer's fuzzy match finds them."""
    covered = {i for span in found for i in range(span.start, span.end)}
    spans = []
    for length in (3, 2):
        for start in range(len(doc) - length + 1):
            tokens = doc[start:start + length]
            if any(t.i in covered for t in tokens) or not all(t.is_title and t.is_alpha for t in tokens):
                continue
            place = lookup_place(tokens.text)
            if place is not None and place.key.startswith("GPE:") and fold(tokens.text) != fold(place.name):
                spans.append(Span(doc, start, start + length, label="GPE"))
                covered.update(t.i for t in tokens)
    return spans


def _entity_spans(doc: Doc) -> list[Span]:
    """spaCy's entities plus gazetteer matches; where they overlap the longer span wins."""
    found = [ent for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    found += [Span(doc, start, end, label=label) for label, start, end in _gazetteer_matcher()(doc)]
    found += _misspelt_countries(doc, found)
    spans = sorted(filter_spans(found), key=lambda span: span.start)
    merged: list[Span] = []
    for span in spans:
        # "Ursula von der" + "Leyen": a person's name cut after its particles
        if merged and merged[-1].label_ == "PERSON" and merged[-1][-1].lower_ in NAME_PARTICLES and span.start == merged[-1].end:
            merged[-1] = Span(doc, merged[-1].start, span.end, label="PERSON")
        else:
            merged.append(span)
    for index, span in enumerate(merged):
        end = span.end
        while span.label_ == "PERSON" and doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) \
                and (doc[end].lower_ in NAME_PARTICLES or doc[end].is_title) and end - span.start < 6:
            end += 1  # "Ursula von" + untagged "der Leyen"
        if end != span.end and (index + 1 == len(merged) or merged[index + 1].start >= end):
            merged[index] = Span(doc, span.start, end, label="PERSON")
    return merged


def extract_mentions(text: str, docs: Sequence[tuple[int, Doc]]) -> ArticleEntities:
    """Entity mentions of one article, with local keys, roles and countries. Never raises on odd text."""
    draft = _Draft(text)
    surnames = _surnames_in(docs)
    spans = [(offset, span) for offset, doc in docs for span in _entity_spans(doc)]
    article_orgs = set()
    for offset, ent in spans:  # organisations named anywhere decide what "Brussels" stands for
        if (canonical := gazetteer()["organisations"].get(fold(LEADING_ARTICLE.sub("", ent.text)))) is not None:
            article_orgs.add(f"ORG:{canonical}")
    for offset, ent in spans:
        _entity(draft, offset, ent, surnames, article_orgs)
    _resolve_single_names(draft)
    _unlabelled_surnames(draft, docs)
    _short_forms(draft)
    _descriptions(draft, docs)
    draft.entities.mentions.sort(key=lambda m: (m.start, m.end))
    return draft.entities


def _span_at(docs: Sequence[tuple[int, Doc]], start: int, end: int) -> Span | None:
    for offset, doc in docs:
        if offset <= start and end <= offset + len(doc.text):
            return doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return None


def _unlabelled_surnames(draft: _Draft, docs: Sequence[tuple[int, Doc]]) -> None:
    """Surnames of the article's people that the model did not tag ("Price said", "Belarra")."""
    taken = [(m.start, m.end) for m in draft.entities.mentions]
    for key, name in list(draft.entities.names.items()):
        words = name.split()
        if not key.startswith("PERSON:") or len(words) < 2 or len(words[-1]) < 3:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", draft.text):
            start, end = match.span()
            if not any(s < end and start < e for s, e in taken):
                span = _span_at(docs, start, end)
                draft.add(LocalMention(start, end, words[-1], "PERSON", "surname", key, span is not None and _is_subject(span)))
                draft.persons[key].append(start)
                taken.append((start, end))


def _short_forms(draft: _Draft) -> None:
    """One key per organisation within the article: an acronym introduced in brackets, or a
    shorter name that ends a longer one ("Podemos" after "Unidas Podemos", "Security Council"
    after "UN Security Council")."""
    mentions = draft.entities.mentions
    long_names = {fold(m.text): m.key for m in mentions if m.type == "ORG" and m.kind == "name" and len(m.text.split()) > 1}
    remap: dict[str, str] = {org_key(acronym): key for acronym, key in draft.entities.acronyms.items()}
    for mention in mentions:
        if mention.kind != "name" or mention.type not in {"ORG", "GPE"} or mention.key in remap:
            continue
        if mention.type == "GPE" and not mention.key.startswith("CITY:"):
            continue  # a known place stays a place
        folded = fold(mention.text)
        owners = {key for name, key in long_names.items() if name != folded and name.endswith(" " + folded)}
        if len(owners) == 1:
            remap[mention.key] = next(iter(owners))
    if remap:
        draft.entities.mentions = [replace(m, key=remap[m.key], type="ORG") if m.key in remap else m for m in mentions]


# ---------------------------------------------------------------- across articles


@dataclass
class Actor:
    actor_id: str
    name: str
    type: str
    aliases: list[str]
    references: list[str]
    roles: list[str]
    country: str | None
    mention_count: int
    article_count: int


def _most_specific(roles: list[str]) -> list[str]:
    """Drop roles contained in a longer one ("President" beside "U.S. President"), keep order."""
    folded = [fold(r) for r in roles]
    kept = []
    for index, (role, f) in enumerate(zip(roles, folded)):
        if f in folded[:index] or any(f != g and re.search(rf"\b{re.escape(f)}\b", g) for g in folded):
            continue
        kept.append(role)
    return kept


def _given_names_match(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def _person_groups(keys: Iterable[str], countries: dict[str, str]) -> dict[str, str]:
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
                if _given_names_match(given, root.split("|")[1]) and not (
                        countries.get(key) and countries.get(root) and countries[key] != countries[root]):
                    representative[key] = root
                    break
            else:
                roots.append(key)
                representative[key] = key
    return representative


_QUOTED = re.compile(r"\u201c[^\u201d\n]*(?:\u201d|(?=\n))|\"[^\"\n]*\"|\u00ab[^\u00bb\n]*\u00bb")
_CLOSING_QUOTE = re.compile(r"[\"\u201d\u00bb]|'(?=\s)|\u2019(?=[\s,])")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+|\n")


def _antecedent(text: str, position: int, earlier: list[LocalMention]) -> LocalMention | None:
    """The person a pronoun refers to: the subject of the nearest earlier sentence that names
    someone (else its first person), looking back a few sentences; else the latest mention."""
    # people named inside quotation marks are quoted, not quoting
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text, 0, position)]
    earlier = [m for m in earlier if not any(s < m.start < e for s, e in quoted)]
    if not earlier:
        return None
    boundaries = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
    # the pronoun's own sentence first: "Asked about it, he said" has no earlier person in it
    for start, end in list(zip(boundaries, boundaries[1:] + [position]))[::-1][:PRONOUN_SENTENCES_BACK]:
        inside = [m for m in earlier if start <= m.start < end]
        if end == position:  # the pronoun's own sentence: people named inside the quote are not its speaker
            inside = [m for m in inside if not _CLOSING_QUOTE.search(text, m.end, position)]
        if inside:
            subjects = [m for m in inside if m.subject]
            return (subjects or inside)[0]
    return earlier[-1]


class Corpus:
    """Every article's entities, canonicalised: one key per real-world actor.

    Build it once over all articles; then `resolve_span` serves the quote stage (speakers) and
    `tables` gives the actors and mentions rows.
    """

    def __init__(self, articles: Sequence[tuple[str, ArticleEntities]], credits: Sequence[tuple[str, list[str]]] = ()):
        self.articles = {article_id: entities for article_id, entities in articles}
        self.credits = list(credits)
        local_countries: dict[str, set[str]] = defaultdict(set)
        for entities in self.articles.values():
            for key, country in entities.countries.items():
                local_countries[key].add(country)
        single_country = {k: next(iter(v)) for k, v in local_countries.items() if len(v) == 1}
        person_keys = {m.key for e in self.articles.values() for m in e.mentions if m.type == "PERSON"}
        self.known_keys = {m.key for e in self.articles.values() for m in e.mentions}
        self.groups = _person_groups(person_keys, single_country)
        self._attach_lone_surnames(person_keys)
        self._attach_acronyms()
        self.roles: dict[str, list[str]] = defaultdict(list)
        self.countries: dict[str, Counter] = defaultdict(Counter)
        for entities in self.articles.values():
            for key, country in entities.countries.items():
                self.countries[self.canonical(key)][country] += 1
            for key, article_roles in entities.roles.items():
                for role in article_roles:
                    if role not in self.roles[self.canonical(key)]:
                        self.roles[self.canonical(key)].append(role)
        self.extra: dict[str, list[LocalMention]] = defaultdict(list)  # resolved descriptions and speakers
        self.unnamed: dict[tuple[str, str], LocalMention] = {}  # (article, head noun) -> who "an official" stood for
        for article_id, entities in self.articles.items():
            for description in entities.descriptions:
                if (mention := self._resolve_description(article_id, description)) is not None:
                    self.extra[article_id].append(mention)

    def _attach_lone_surnames(self, person_keys: set[str]) -> None:
        """A lone surname joins the dominant person of that surname across the corpus."""
        totals = Counter(self.groups.get(m.key, m.key) for e in self.articles.values() for m in e.mentions)
        owners: dict[str, Counter] = defaultdict(Counter)
        for key, root in self.groups.items():
            owners[key.removeprefix("PERSON:").split("|")[0]][root] += totals[root]
        # the small model often labels a lone surname ORG or GPE ("Lavrov said"): a one-word
        # organisation or place the gazetteer does not know, spelt like a known surname, is that person
        lone_words = {m.key for e in self.articles.values() for m in e.mentions
                      if m.type in {"ORG", "GPE"} and m.kind == "name" and " " not in m.text
                      and m.key in {org_key(m.text), f"CITY:{m.text}"}}
        for key in sorted(person_keys | lone_words):
            if key.startswith("PERSON:"):
                surname, given = key.removeprefix("PERSON:").split("|")
            else:
                surname, given = name_key(key.split(":", 1)[1]), ""
            if given or key in self.groups or not owners.get(surname):
                continue
            (top, count), total = owners[surname].most_common(1)[0], sum(owners[surname].values())
            if count / total >= DOMINANT_SHARE:
                self.groups[key] = top

    def _attach_acronyms(self) -> None:
        """"CDU" in one article is the "Christian Democratic Union (CDU)" of another, when only one
        organisation of the corpus was introduced with that acronym."""
        owners: dict[str, set[str]] = defaultdict(set)
        for entities in self.articles.values():
            for acronym, key in entities.acronyms.items():
                owners[org_key(acronym)].add(key)
        for acronym_key, keys in owners.items():
            if len(keys) == 1 and acronym_key not in keys:
                self.groups.setdefault(acronym_key, next(iter(keys)))

    def canonical(self, key: str) -> str:
        return self.groups.get(key, key)

    def country(self, key: str) -> str | None:
        counts = self.countries.get(key)
        return counts.most_common(1)[0][0] if counts else None

    def _people(self, article_id: str, before: int | None = None) -> tuple[dict[str, list[int]], set[str]]:
        persons: dict[str, list[int]] = defaultdict(list)
        subjects: set[str] = set()
        mentions = self.articles[article_id].mentions + self.extra.get(article_id, [])
        for mention in mentions:
            if mention.type == "PERSON":
                key = self.canonical(mention.key)
                persons[key].append(mention.start)
                if mention.subject and before is not None and mention.start < before:
                    subjects.add(key)
        return persons, subjects

    def _resolve_description(self, article_id: str, description: Description) -> LocalMention | None:
        persons, subjects = self._people(article_id, before=description.start)
        countries = {key: c for key in persons if (c := self.country(key))}
        key = match_description(description, persons, self.roles, countries, subjects)
        if key is None:
            return None
        if description.country and key not in countries:
            self.countries[key][description.country] += 1  # "the Norwegian politician" states a nationality
        return LocalMention(description.start, description.end, description.text, "PERSON", "title", key,
                            description.subject)

    def resolve_speakers(self, article_id: str, text: str, start: int, end: int) -> list[LocalMention]:
        """The actors a speaker expression refers to: a name ("Lavrov"), a pronoun ("he"), a
        description ("the diplomat", "the US newspaper", "Russian officials") or a coordination
        of names ("The United States and NATO", one actor each). Empty when unresolved.

        Pronouns and descriptions resolved here are remembered as mentions of their actor.
        """
        mentions = sorted(self.articles[article_id].mentions + self.extra.get(article_id, []), key=lambda m: m.start)
        # "The United States and NATO said": the expression may stop at the first conjunct
        while (joined := COORDINATION.match(text, end)) is not None:
            following = [m for m in mentions if m.start == joined.end()]
            if not following:
                break
            end = following[0].end
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if (comma := APPOSITION_COMMA.match(text, end)) is not None:
            # "Zelensky's spokesman, Sergii Nykyforov, wrote": the name in apposition is the speaker
            named = [m for m in mentions if m.start == comma.end() and m.type == "PERSON" and m.kind in NAME_KINDS]
            if named:
                return [replace(named[0], key=self.canonical(named[0].key))]
        head = text[start:end].rstrip(" ,.'\u2019s")
        named = [m for m in inside if m.end >= start + len(head) - 1 or COORDINATION.match(text, m.end)]
        if named:
            people = [m for m in named if m.type == "PERSON"]
            speakers = named if len(named) > 1 and all(COORDINATION.match(text, m.end) for m in named[:-1]) else \
                [people[-1] if people else named[-1]]
            return [replace(m, key=self.canonical(m.key)) for m in speakers]
        found = self._resolve_expression(article_id, text, start, end, mentions, inside)
        if found is not None:
            self.extra[article_id].append(found)
        return [found] if found is not None else []

    def _resolve_expression(self, article_id: str, text: str, start: int, end: int,
                            mentions: list[LocalMention], inside: list[LocalMention]) -> LocalMention | None:
        surface = text[start:end].strip()
        words = surface.split()
        last = fold(words[-1]) if words else ""
        if (wanted := PRONOUNS.get(surface.lower())) is not None:
            earlier = [m for m in mentions if m.end <= start and (m.type == "PERSON") == (wanted == "PERSON")]
            best = _antecedent(text, start, earlier)
            if best is None:
                return None
            return LocalMention(start, end, text[start:end], best.type, "pronoun", self.canonical(best.key), True)
        if last in INSTITUTION_WORDS and (country := country_in(words)) is not None:
            # "the Russian foreign ministry said": an institution of a state, named by description
            name = " ".join(w for w in LEADING_ARTICLE.sub("", surface).split())
            key = f"{org_key(name)}"
            self.countries[key][country] += 1
            return LocalMention(start, end, text[start:end], "ORG", "name", key, True)
        bare = LEADING_ARTICLE.sub("", surface)
        if (key := org_key(bare)) in self.known_keys:  # "the Russian foreign ministry", in lower case
            return LocalMention(start, end, text[start:end], "ORG", "name", self.canonical(key), True)
        if len(bare.split()) >= 2 and (key := org_key(" ".join(bare.split()[:-1]))) in self.known_keys \
                and fold(bare.split()[-1]) in ORG_HEAD_WORDS:
            return LocalMention(start, end, text[start:end], "ORG", "name", self.canonical(key), True)  # "the Komeito party"
        if len(bare.split()) >= 2:  # "the State Committee" for "the State Committee for National Security"
            longer = {m.key for m in mentions if m.type == "ORG" and m.kind == "name" and fold(m.text).startswith(fold(bare) + " ")}
            if len(longer) == 1:
                return LocalMention(start, end, text[start:end], "ORG", "title", self.canonical(longer.pop()), True)
        if words and words[0].lower() == "the" and (earlier := self.unnamed.get((article_id, last))) is not None:
            return replace(earlier, start=start, end=end, text=text[start:end], kind="title")  # "One Italian official" ... "the official"
        if words and words[0].lower() in {"a", "an", "one"}:
            # "a senior Ukrainian official", "a senior EU diplomat": someone unnamed, speaking for a state or body
            found = None
            if (country := country_in(words)) is not None:
                found = LocalMention(start, end, text[start:end], "GPE", "metonym", f"GPE:{country}", True)
            for word in words:
                if found is None and (canonical := gazetteer()["organisations"].get(fold(word))) is not None:
                    found = LocalMention(start, end, text[start:end], "ORG", "metonym", f"ORG:{canonical}", True)
            if found is not None:
                self.unnamed[(article_id, last)] = found
            return found
        if last in role_data()["media_nouns"]:  # "the US newspaper said": the outlet named last
            outlets = [m for m in mentions if m.end <= start and m.type == "ORG"]
            if outlets:
                return LocalMention(start, end, text[start:end], "ORG", "title", self.canonical(outlets[-1].key), True)
            return None
        if last in STATE_BODIES and (country := country_in(words[:-1])):  # "Russian officials said"
            return LocalMention(start, end, text[start:end], "GPE", "metonym", f"GPE:{country}", True)
        if (description := Description.from_words(start, end, text[start:end], words, True)) is not None:
            if (found := self._resolve_description(article_id, description)) is not None:
                return found
        if words and words[0].lower() == "the" and last in ORG_NOUNS:
            # "the regulator said", "the lender": the organisation named last before it; "the
            # ministry", "the party": the last one whose name says it is one
            organisations = [m for m in mentions if m.end <= start and m.type == "ORG"]
            if last in NAMED_ORG_NOUNS:
                organisations = [m for m in organisations if last in fold(m.text).split()]
            if organisations:
                return LocalMention(start, end, text[start:end], "ORG", "title", self.canonical(organisations[-1].key), True)
        return None

    def actor_id(self, key: str) -> str:
        return stable_hash("actor", key)

    def tables(self) -> tuple[list[Actor], list[dict]]:
        """(actors, mention rows); every mention's actor is among the actors."""
        surfaces: dict[str, Counter] = defaultdict(Counter)
        references: dict[str, set[str]] = defaultdict(set)
        types: dict[str, Counter] = defaultdict(Counter)
        mention_count: Counter = Counter()
        article_sets: dict[str, set[str]] = defaultdict(set)
        display: dict[str, Counter] = defaultdict(Counter)
        rows, seen = [], set()
        for article_id, entities in self.articles.items():
            for key, name in entities.names.items():
                display[self.canonical(key)][name] += 1
            for key, forms in entities.aliases.items():
                surfaces[self.canonical(key)].update({form: 0 for form in forms})
            for mention in entities.mentions + self.extra.get(article_id, []):
                key = self.canonical(mention.key)
                if (article_id, mention.start, mention.end) in seen:
                    continue
                seen.add((article_id, mention.start, mention.end))
                types[key][mention.type] += 1
                mention_count[key] += 1
                article_sets[key].add(article_id)
                (surfaces[key].update([mention.text]) if mention.kind in NAME_KINDS else references[key].add(mention.text))
                rows.append({"mention_id": stable_hash(article_id, str(mention.start), str(mention.end)),
                             "article_id": article_id, "actor_id": self.actor_id(key), "text": mention.text,
                             "start": mention.start, "end": mention.end, "kind": mention.kind})
        agencies = load_data("agencies.json")
        for article_id, names in self.credits:
            for agency in names:
                entry = agencies.get(agency.upper().rstrip("."), {"name": agency, "country": None})
                key = org_key(entry["name"])
                types[key]["ORG"] += 0
                article_sets[key].add(article_id)
                display[key][entry["name"]] += 1
                if entry["country"] and not self.countries[key]:
                    self.countries[key][entry["country"]] += 1
        country_places = {p.key: p for p in gazetteer()["country_names"].values()}
        organisations = load_data("places.json")["organisations"]
        actors = []
        for key in sorted(types):
            type_ = "PERSON" if key.startswith("PERSON:") else (
                max(types[key].items(), key=lambda kv: (kv[1], kv[0]))[0] if types[key] else key.split(":")[0])
            if key in country_places:
                name = country_places[key].name
            elif key.removeprefix("ORG:") in organisations:
                name = key.removeprefix("ORG:")
            else:
                spellings = display[key] + surfaces[key]
                if type_ in {"PERSON", "ORG"} and (full := Counter({n: c for n, c in spellings.items() if len(n.split()) > 1})):
                    spellings = full  # the commonest spelling of the full name, not a surname or an acronym
                name = max(spellings.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if spellings else key.split(":", 1)[1]
            aliases = set(surfaces[key]) | {name} if key.startswith("ORG:") and not surfaces[key] else set(surfaces[key])
            aliases |= {LEADING_ARTICLE.sub("", a) for a in aliases}
            country = country_places[key].country if key in country_places else self.country(key)
            actors.append(Actor(
                actor_id=self.actor_id(key), name=name, type=type_, aliases=sorted(aliases),
                references=sorted(references[key]), roles=_most_specific(self.roles.get(key, [])), country=country,
                mention_count=mention_count[key], article_count=len(article_sets[key])))
        return actors, rows
