"""One article's entity mentions, from spaCy's entities and parse plus the gazetteer: names with
honorifics and possessives stripped, labels the small model gets wrong corrected, metonyms
mapped to the state, organisations keyed with their acronyms and short forms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.attrs import IS_ALPHA, IS_TITLE, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newswire.actors.chunks import joined_person_names
from newswire.actors.descriptions import add_descriptions
from newswire.actors.draft import Draft
from newswire.actors.evidence import relabelled, written_as_a_full_name
from newswire.actors.groups import add_national_groups
from newswire.actors.institutions import (country_qualified, is_institution, qualified_key, qualified_keys,
                                          unqualified_owner)
from newswire.actors.languages import used_as_language
from newswire.actors.lexicon import (BODY_HEADS, NATION_ADJECTIVES, COUNTY_ENDINGS, FIELD_OFFICES, FORMER_PREFIXES, GIVEN_NAMES, LOCATING_PREPOSITIONS, NEWSPAPER_ENDINGS, TITLE_PREPOSITIONS, TITLE_PRONOUNS, INSTITUTION_WORDS, ORG_NOUNS, DESCRIPTOR_NOUNS, CLUBS_OF_A_PLACE, DATE_WORDS, NATIONALITY_ENDINGS, PARTY_ADJECTIVES, GROUP_NEGATIONS, LAW_HEADS, NAME_PARTICLES, NAMED_ORG_NOUNS, NEWSPAPER_OPENINGS, ORG_PLACE_HEADS, ORG_TRAILING_WORDS, PERSON_DEMONYM_ENDINGS, PERSON_NOUNS, PERSONAL_HONORIFICS, REGIONAL_ADJECTIVES,
                                     FISCAL_EVENTS, GROUP_NAMES, GROUP_WORD_ENDINGS, PORTFOLIO_ENDINGS, POSTNOMINALS, RELIGIONS)
from newswire.actors.names import (INITIALS_NAME, add_person, add_unlabelled_surnames, names_a_role_holder,
                                   resolve_single_names, surnames_in)
from newswire.actors.places import is_agent, possessor_country
from newswire.actors.records import ArticleEntities, LocalMention
from newswire.actors.spans import clean_span, is_subject, tokens_between, tokens_with, word_ids
from newswire.data import load as load_data
from newswire.events.lexicon import agent_sector
from newswire.gazetteer import (LEADING_ARTICLE, country_in, demonym_country, fold, gazetteer, lookup_place, org_key, place_named,
                                organisation, role_data)
from newswire.syntax import doc_text, span_text

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
# "Christian Democratic Union (CDU)": an acronym introduced in brackets after a name.
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&.]{1,7})\)")
# an acronym written as a word ("the Association of Leading Visitor Attractions (Alva)", "(Wada)"): one only when it
# spells the name's initials, unlike a capitalised word in brackets ("(Reuters)")
WORD_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][a-z]{2,7})\)")
# Words that link a longer organisation name to a name inside it ("Commission for Africa", "Bank of England").
NAME_LINKS = {"for", "of", "and", "in", "on", "to", "at"}
# A name cut after its particles is extended over at most this many tokens ("Ursula von der Leyen").
MAX_PARTICLE_NAME_TOKENS = 6
# Words that never join the words of one name, only names ("Makelele, Lampard", "Arsenal or Sheffield United",
# "Brentford v Manchester United"); and words that join names but also the words of one ("Department of
# Trade and Industry", "Committee to Protect Journalists").
COORDINATION_SEPARATORS = {",", "or", "v", "vs"}
LINKING_SEPARATORS = {"and", "to"}
SEPARATORS = COORDINATION_SEPARATORS | LINKING_SEPARATORS
# Hyphens that join the names of a body's members ("Russia-NATO council").
HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}
# Words no name ends in, only links on to its next word ("the Internet Corporation for Assigned Names and" + "Numbers").
DANGLING_LINKS = {"and", "&"}
# word families that open or end names, as str.startswith and str.endswith take them (made once, not per name)
_GROUP_NEGATIONS = tuple(GROUP_NEGATIONS)
# names that are no actor whatever their label: faiths and fiscal statements (one set, asked of every name)
_NO_ACTOR_WORDS = RELIGIONS | FISCAL_EVENTS


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
    for state, abbreviations in load_data("actors/us_states.json").items():
        places |= {state, *abbreviations}
    orgs = {alias for entry in gazetteer()["org_entries"].values() for alias in entry.aliases}
    matcher.add("GPE", [nlp.make_doc(name) for name in sorted(places) if not name.startswith("the ")])
    matcher.add("ORG", [nlp.make_doc(name) for name in sorted(orgs)])
    return matcher


def _misspelt_countries(doc: Doc, found: list[Span]) -> list[Span]:
    """Runs of two or three capitalised words nobody tagged that are a country's name misspelt
    ("The Unites States consulted ..."): the gazetteer's fuzzy match finds them."""
    covered = {i for span in found for i in range(span.start, span.end)}
    # flags read as one array, then windows over them: a Token made per word, and a Span per
    # window, each cost more than the rest of the actor extractor
    titles, alphas = doc.to_array([IS_TITLE, IS_ALPHA]).T.tolist()
    candidate = [bool(title and alpha) and i not in covered for i, (title, alpha) in enumerate(zip(titles, alphas))]
    # run[i]: how many candidates in a row from token i, so only the windows that are all candidates are visited
    run = [0] * (len(doc) + 1)
    for i in range(len(doc) - 1, -1, -1):
        run[i] = run[i + 1] + 1 if candidate[i] else 0
    spans = []
    for length in (3, 2):
        for start in (i for i in range(len(doc) - length + 1) if run[i] >= length):
            if any(i in covered for i in range(start, start + length)):
                continue
            tokens = doc[start:start + length]
            place = lookup_place(tokens.text)
            if place is not None and place.key.startswith("GPE:") and fold(tokens.text) != fold(place.name):
                spans.append(Span(doc, start, start + length, label="GPE"))
                covered.update(t.i for t in tokens)
    return spans


_BODY_HEAD_IDS = word_ids(BODY_HEADS)


def _named_bodies(doc: Doc) -> list[Span]:
    """Bodies named by their members and what they are, which the model leaves untagged or tags
    as their members ("the Russia-NATO council", "the Normandy format", "a 5,000-strong NATO
    rapid response force"): from the first proper noun among the head's modifiers to the head.
    A lone country before the head is that country's own body ("the US force"): left to the
    country and institution rules."""
    spans = []
    for head in tokens_with(doc, LOWER, _BODY_HEAD_IDS):
        if head.tag_ != "NN" or not head.is_lower:
            continue
        start = head.i
        while start > head.left_edge.i and _body_modifier(doc[start - 1]):
            start -= 1
        names = [t for t in doc[start:head.i] if t.pos_ == "PROPN"]
        if not names or (len(names) == 1 and country_in([names[0].text]) is not None):
            continue
        spans.append(Span(doc, names[0].i, head.i + 1, label="ORG"))
    return spans


def _body_modifier(token) -> bool:
    """A word of a body's name before its head: a name, a qualifier, a hyphen; not an article or a count."""
    if token.pos_ == "DET" or (token.like_num and token.pos_ != "PROPN"):
        return False
    return token.dep_ in {"compound", "amod", "nmod", "nummod"} or token.text in HYPHENS


def entity_spans(doc: Doc) -> list[Span]:
    """spaCy's entities plus gazetteer matches and named bodies; where they overlap the longer
    span wins."""
    found = [ent for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    found += [Span(doc, start, end, label=label) for label, start, end in _gazetteer_matcher()(doc)]
    found += _named_bodies(doc)
    found += _untagged_newspapers(doc)
    found += _misspelt_countries(doc, found)
    spans = sorted(filter_spans(found), key=lambda span: span.start)
    merged: list[Span] = []
    for span in spans:
        # "Ursula von der" + "Leyen": a person's name cut after its particles
        if merged and merged[-1].label_ == "PERSON" and merged[-1][-1].lower_ in NAME_PARTICLES and span.start == merged[-1].end:
            merged[-1] = Span(doc, merged[-1].start, span.end, label="PERSON")
        elif merged and (_runs_on_over(merged[-1], span) or _club_of_a_place(merged[-1], span)
                         or _one_name_its_acronym_spells(merged[-1], span)):
            merged[-1] = Span(doc, merged[-1].start, span.end, label="ORG")
        else:
            merged.append(span)
    merged = _with_places_served([_with_newspaper_opening(span) for span in merged])
    for index, span in enumerate(merged):
        end = span.end
        while span.label_ == "PERSON" and doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) \
                and (doc[end].lower_ in NAME_PARTICLES or doc[end].is_title) and end - span.start < MAX_PARTICLE_NAME_TOKENS:
            end += 1  # "Ursula von" + untagged "der Leyen"
        if end != span.end and (index + 1 == len(merged) or merged[index + 1].start >= end):
            merged[index] = Span(doc, span.start, end, label="PERSON")
    merged = [_before_a_possessive(_with_newspaper_ending(span)) for span in joined_person_names(merged)
              if not _title_runs_on(span)]
    return _split_coordinations([_without_leading_descriptor(_without_postnominals(_without_trailing_honorific(
        _without_trailing_date(_without_stray_words(span))))) for span in merged])


def _runs_on_over(previous: Span, span: Span) -> bool:
    """"the Internet Corporation for Assigned Names and" + "Numbers", "the Organisation for Economic Co-operation
    and" + "Development": an organisation the model ended on a link word (DANGLING_LINKS) runs on over the one
    capitalised word right after it; not over a name of more words ("the Power Page and" + "Apple Insider
    sites" are two), nor from a name linked before ("Food and Rural Affairs and" + "Trade and Industry")."""
    return previous.label_ == "ORG" and previous.end == span.start and len(span) == 1 and span[0].is_title \
        and previous[-1].lower_ in DANGLING_LINKS and not any(token.lower_ in DANGLING_LINKS for token in previous[:-1])


# Lower-case words the model runs into a name that are no part of one: an article, a preposition or a
# conjunction before it ("a Bob Deans try", "plus Ryan Giggs", "of Ireland"), a verb after it ("Pascal Cygan missed").
_STRAY_OPENING_TAGS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "ADV"})
_STRAY_ENDING_TAGS = frozenset({"VERB", "AUX"})


def _without_stray_words(span: Span) -> Span:
    """The span without the stray lower-case words at its ends; "the" stays (the mention's surface keeps
    it), and so do name particles ("da Silva", "Ursula von der Leyen")."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in _STRAY_ENDING_TAGS:
        end -= 1
    while end - start > 1 and doc[start].is_lower and doc[start].pos_ in _STRAY_OPENING_TAGS \
            and doc[start].lower_ != "the" and doc[start].lower_ not in NAME_PARTICLES:
        start += 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


_NEWSPAPER_ENDING_IDS = word_ids(NEWSPAPER_ENDINGS)


def _untagged_newspapers(doc: Doc) -> list[Span]:
    """"According to the Observer": one capitalised word that ends newspapers' names (NEWSPAPER_ENDINGS)
    after a lower-case "the", untagged and before no other capitalised word ("the Post Office"), is
    the newspaper of that name."""
    spans = []
    for token in tokens_with(doc, LOWER, _NEWSPAPER_ENDING_IDS):
        if token.i and token.is_title and token.ent_iob_ == "O" and doc[token.i - 1].text == "the" \
                and (token.i + 1 == len(doc) or not doc[token.i + 1].is_title):
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return spans


def _title_runs_on(span: Span) -> bool:
    """The name runs on into a work's title ("Georgia On My Mind"): a preposition and a capitalised
    pronoun right after it (TITLE_PREPOSITIONS, TITLE_PRONOUNS)."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    pronoun = doc[span.end + 1]
    return doc[span.end].lower_ in TITLE_PREPOSITIONS and pronoun.is_title and pronoun.lower_ in TITLE_PRONOUNS


def _with_newspaper_ending(span: Span) -> Span:
    """"the Los Angeles Daily News": an organisation ending in a newspaper's opening word (NEWSPAPER_OPENINGS)
    runs on over the untagged capitalised word after it that ends newspapers' names (NEWSPAPER_ENDINGS)."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc) or span[-1].lower_ not in NEWSPAPER_OPENINGS:
        return span
    after = doc[span.end]
    if after.is_title and after.lower_ in NEWSPAPER_ENDINGS and after.ent_iob_ == "O":
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


def _before_a_possessive(span: Span) -> Span:
    """"Joseph O'Connor's Star of the Sea": a person's name ends at a possessive inside the span."""
    if span.label_ != "PERSON":
        return span
    cut = next((token.i for token in tokens_between(span.doc, span.start + 1, span.end - 1) if token.tag_ == "POS"), None)
    return Span(span.doc, span.start, cut, label="PERSON") if cut is not None else span


def _without_leading_descriptor(span: Span) -> Span:
    """A nationality or a person noun the model ran into a person's name is not part of it:
    "Russian Igor Andreev", "Russian Korzhanenko" (a nationality that is no given name before a
    name), "Producer Brian Grazer", "Centre Parker" (a person noun opening the sentence, capitalised
    there), "Olympian Andy Turner" (a descriptor noun, DESCRIPTOR_NOUNS). A given name stays ("Norman"
    is no nationality). A name the model labelled an organisation that such a noun describes is a
    person's ("Frenchman Arnaud Clement", "Veteran Spaniard Conchita Martinez")."""
    if span.label_ == "ORG" and _described_person(span):
        return _without_leading_descriptor(Span(span.doc, span.start + 1, span.end, label="PERSON"))
    if span.label_ != "PERSON" or len(span) < 2 or not span[1].is_title:
        return span
    first = span[0]
    nationality = demonym_country(first.text) is not None and first.lower_ not in GIVEN_NAMES
    role = (first.is_sent_start and first.lower_ in PERSON_NOUNS or first.lower_ in DESCRIPTOR_NOUNS) \
        and first.lower_ not in GIVEN_NAMES
    party = first.lower_ in PARTY_ADJECTIVES and first.lower_ not in GIVEN_NAMES and len(span) > 2  # "Tory Dominic Grieve"
    if first.is_title and (nationality or role or party):  # and again: "Lib Dem Norman Baker"
        return _without_leading_descriptor(Span(span.doc, span.start + 1, span.end, label=span.label_))
    return span


def _person_descriptor(token: Token) -> bool:
    """A capitalised noun only a person is described with (DESCRIPTOR_NOUNS; PERSON_NOUNS where a sentence
    opens), that is no given name."""
    return token.is_title and token.lower_ not in GIVEN_NAMES and (
        token.lower_ in DESCRIPTOR_NOUNS or (token.is_sent_start and token.lower_ in PERSON_NOUNS))


def _described_person(span: Span) -> bool:
    """A person's descriptor and then a person's full name ("Fellow Travellers Ltd" is none)."""
    return written_as_a_full_name(span[1:]) and _person_descriptor(span[0])


def _with_newspaper_opening(span: Span) -> Span:
    """"The Sunday Telegraph says": a newspaper's first word the model left out (it reads "Sunday" as a
    date) after "the" opens the name, which is an organisation's."""
    doc = span.doc
    if span.start < 2 or span.label_ not in {"PERSON", "ORG"} or not span[0].is_title:
        return span
    opening, article = doc[span.start - 1], doc[span.start - 2]
    if opening.lower_ in NEWSPAPER_OPENINGS and opening.is_title and article.lower_ == "the":
        return Span(doc, span.start - 1, span.end, label="ORG")
    return span


def _with_places_served(spans: list[Span]) -> list[Span]:
    """"The Muslim Council of Britain", "the National Alerting Service for the Netherlands": an
    organisation ending in a head word that the model ends before "of" or "for" and the place it
    serves runs on over the place; a nationality right before such a name opens it ("British" +
    "Retail Consortium"), and so does a name joined to it by "and" that is no name of its own in
    the article ("the World Travel" + "and Tourism Council")."""
    alone = Counter(fold(span_text(span)) for span in spans)
    out: list[Span] = []
    for span in spans:
        previous = out[-1] if out else None
        if previous is not None and span.label_ == "GPE" and previous.label_ == "ORG" and _serves(previous, span):
            out[-1] = Span(span.doc, previous.start, span.end, label="ORG")
        elif previous is not None and span.label_ == "ORG" and _opens(previous, span, alone[fold(span_text(previous))]):
            out[-1] = Span(span.doc, previous.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


def _opens(first: Span, org: Span, named: int) -> bool:
    """The first span opens the organisation's name: a nationality right before it, or an
    unknown name named once and joined by "and"."""
    if org[-1].lower_ not in ORG_PLACE_HEADS or not org[-1].is_title:
        return False
    between = [token.lower_ for token in tokens_between(org.doc, first.end, org.start)]
    if first.label_ == "NORP" and not between and len(first) == 1 and demonym_country(first.text) is not None:
        return True
    return first.label_ == "ORG" and between == ["and"] and named == 1 and first[-1].lower_ not in ORG_PLACE_HEADS \
        and organisation(first.text) is None and lookup_place(first.text) is None


def _serves(org: Span, place: Span) -> bool:
    """The organisation ends in a head word and "of" or "for" (and "the") joins it to the place."""
    between = [token.lower_ for token in tokens_between(org.doc, org.end, place.start)]
    return org[-1].lower_ in ORG_PLACE_HEADS and org[-1].is_title and between in (["of"], ["for"], ["for", "the"], ["of", "the"])


def _without_trailing_date(span: Span) -> Span:
    """"the Commons on Thursday": a day or month the model ran a name into after "on" or "in" is no part of it."""
    if len(span) > 2 and span[-1].lower_ in DATE_WORDS and span[-2].lower_ in {"on", "in"}:
        return Span(span.doc, span.start, span.end - 2, label=span.label_)
    return span


def _without_trailing_honorific(span: Span) -> Span:
    """"the Sunday Times Mr Campbell": an honorific the model ran a name on into opens the next name."""
    if len(span) > 1 and span[-1].lower_ in PERSONAL_HONORIFICS and span[-1].is_title:  # not "Jason King"
        return Span(span.doc, span.start, span.end - 1, label=span.label_)
    return span


def _one_name_its_acronym_spells(previous: Span, span: Span) -> bool:
    """"Successor Identification Friend" + "or" + "Foe" + " (SIFF)": an organisation and a name one link word
    after it that the acronym after them spells out are one name."""
    return previous.label_ == "ORG" and previous.end + 1 == span.start and span.doc[previous.end].lower_ in NAME_LINKS | {"or"} \
        and _spelt_out_before_its_acronym(span.doc[previous.start:span.end])


def _club_of_a_place(place: Span, nationality: Span) -> bool:
    """"R Russell (London Irish)", "beat London Welsh": a place and a nationality word right after it, which
    modifies no noun after it, are one club's name, the model's two names."""
    if nationality.label_ != "NORP" or place.end != nationality.start or place.label_ not in {"GPE", "LOC"} \
            or len(nationality) != 1 or nationality.text.endswith("s") or demonym_country(nationality.text) is None:
        return False
    doc = nationality.doc
    return nationality.end == len(doc) or doc[nationality.end].pos_ not in {"NOUN", "PROPN"}


def _without_postnominals(span: Span) -> Span:
    """"Philippe Sands QC", "Guy Mansfield QC" (labelled an organisation): honours and ranks written after a
    name (POSTNOMINALS) are not part of it, and only people bear them: the name is a person's."""
    end = span.end
    while span.label_ in {"PERSON", "ORG"} and end - span.start > 2 and span.doc[end - 1].is_upper \
            and span.doc[end - 1].lower_ in POSTNOMINALS:
        end -= 1
    return span if end == span.end else Span(span.doc, span.start, end, label="PERSON")


def _spelt_out_before_its_acronym(span: Span) -> bool:
    """"Successor Identification Friend or Foe (SIFF)": the acronym in brackets right after the name is the
    initials of its capitalised words (all of them: "the BPI and the British Association of Record Dealers
    (BARD)" are two)."""
    acronym = ACRONYM_AFTER.match(doc_text(span.doc), span.end_char)
    if acronym is None:
        return False
    initials = _capital_initials(token.text for token in span if token.is_alpha)
    return initials == "".join(letter for letter in acronym.group(1) if letter.isalpha())


def _capital_initials(words: Iterable[str]) -> str:
    """The first letters of the capitalised words, which an acronym of the name spells ("Association of Leading
    Visitor Attractions" -> ALVA)."""
    return "".join(word[0] for word in words if word[:1].isupper())


def _split_coordinations(spans: list[Span]) -> list[Span]:
    """Names the model ran together into one span, split at commas, "or" and "v" ("Makelele,
    Lampard", "Arsenal or Sheffield United"), and at "and" and "to" when a part is named on its
    own in the article or known to the gazetteer ("Everton and Arsenal", "from Arsenal to Real
    Madrid"; not "Department of Trade and Industry", "Committee to Protect Journalists"), or when every
    part is two capitalised words or more ("UK Sport and Sport England", "Heineken Cup and Celtic League":
    one name's "and" joins single words, "Arts and Humanities Research Council"), or when the later parts open
    with a capitalised "The" ("The Independent and The Times"). Every
    part must open with a capital; a name the gazetteer knows whole stays ("Washington, D.C."), and
    so do places, which name their region after a comma ("Windsor, Slough"): a town split off would
    join a person of its name, and so does a name its acronym spells out ("Successor Identification Friend or
    Foe (SIFF)"). The parts keep the span's label."""
    # "Guide To The Galaxy" is one title
    cuts_of = [[token.i for token in tokens_between(span.doc, span.start + 1, span.end - 1) if token.text in SEPARATORS]
               for span in spans]
    if not any(cuts_of):  # one name in each span (most articles): nothing to split, nor to ask the gazetteer
        return spans
    alone = {fold(span_text(span)) for span in spans} | {fold(span[-1].text) for span in spans if span.label_ == "PERSON"}
    out = []
    for span, cuts in zip(spans, cuts_of):
        if not cuts:
            out.append(span)
            continue
        doc = span.doc
        names = [doc[start:end] for start, end in zip([span.start] + [cut + 1 for cut in cuts], cuts + [span.end])]
        separators = {doc[cut].text for cut in cuts}
        own_names = _names_of_their_own(names)
        known = own_names or any(fold(part.text) in alone or lookup_place(part.text) or organisation(part.text) for part in names)
        if not (own_names or all(len(part) and part[0].is_title for part in names)) or span.label_ == "GPE" \
                or (separators & LINKING_SEPARATORS and not known) or lookup_place(span.text) or organisation(span.text) \
                or _spelt_out_before_its_acronym(span):
            out.append(span)
            continue
        out.extend(Span(span.doc, part.start, part.end, label=span.label_) for part in names)
    return out


def _names_of_their_own(parts: list[Span]) -> bool:
    """Every part two capitalised words or more, past a leading "The", and nothing else, or every later part
    opening with a capitalised "The" ("The Independent and The Times"): names of their own, which one name's
    "and" or "to" does not join ("The Economic and Social Research Council" joins "Economic", "the School of
    Oriental and African Studies" "Oriental"); not when the last part ends in a body's or a law's head word."""
    def capitalised_words(part: Span) -> bool:
        words = part[1:] if len(part) and part[0].lower_ == "the" else part
        return len(words) >= 2 and all(token.text[:1].isupper() for token in words)
    if parts[-1][-1].lower_ in _ONE_BODYS_ENDINGS:
        return False  # "US Securities and Exchange Commission", "the Serious Organised Crime and Police Bill": one name
    return all(map(capitalised_words, parts)) or all(len(part) and part[0].text == "The" for part in parts[1:])


# last words of a body's or a law's name, whose "and" joins the fields it is named by ("Securities and Exchange Commission")
_ONE_BODYS_ENDINGS = INSTITUTION_WORDS | NAMED_ORG_NOUNS | LAW_HEADS


def _media_context(span: Span) -> bool:
    """"newspaper Bild": a media noun before the name; not a capitalised one ("the Child Support Agency
    Doug Smith") nor before a given name ("fellow broadcaster Michael Pointon" is a person)."""
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lemma_.lower() in role_data()["media_nouns"] and previous.is_lower \
        and not (len(span) > 1 and span[0].lower_ in GIVEN_NAMES)


def _org_name(surface: str) -> str:
    """"The Guardian newspaper" -> "The Guardian": a media suffix is not part of the name (but a
    capitalised one-word suffix other than "News" is: "the Environment Agency", "the European Space
    Agency"; "Los Angeles Daily News" ends in one after a newspaper's opening word, and "the Beijing
    News" after a place's name, which alone would be the place's); nor
    are lower-case words the model ran on into ("Forum for the Future research")."""
    for suffix in role_data()["media_suffixes"]:
        if surface.lower().endswith(" " + suffix) and len(surface) > len(suffix) + 2:
            rest = surface[: -len(suffix) - 1]
            capitalised = surface[-len(suffix)].isupper()
            if capitalised and (" " not in suffix and suffix != "news" or rest.split()[-1].lower() in NEWSPAPER_OPENINGS
                                or place_named(rest)):
                # "the Environment Agency", "Los Angeles Daily News", "the Beijing News": the suffix is the name's
                return surface
            return rest
    words = surface.split(" ")
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower() and words[-1] not in ORG_TRAILING_WORDS \
            and any(ch.isupper() for ch in " ".join(words[:-1])):
        words.pop()
    return " ".join(words)


def _office_before_name(span: Span) -> bool:
    """"Tory Treasurer" in "former Tory Treasurer Lord Ashcroft": a span ending in an office's head
    word, right before a capitalised name, that opens with no given name ("Mervyn King said" is one)."""
    doc = span.doc
    return len(span) > 1 and span[-1].lower_ in role_data()["heads"] and span[0].lower_ not in GIVEN_NAMES \
        and span.end < len(doc) and doc[span.end].is_title and doc[span.end].is_alpha


def _no_actor_form(span: Span, bare: str) -> bool:
    """Forms that name no actor whatever the model's label: a lone honorific ("[Mr] Justice
    Sullivan"), a former employer hyphened to its prefix ("the ex-Yukos boss", FORMER_PREFIXES), a
    lower-case stance or span ("pro-Chavez squatters", "trans-Atlantic differences"),
    a nationality used for its language ("in French") or hyphened to a word ("Scottish-based band"),
    the opening of an office's title ("Shadow Home Secretary David Davis"), its field ("Lib Dem Home Affairs
    spokesman", labelled a person's or an organisation's name), a faith ("Islam", RELIGIONS), a
    fiscal statement ("his Budget", FISCAL_EVENTS)."""
    if len(span) == 1 and span[0].lower_ in PERSONAL_HONORIFICS:
        return True
    if len(span) > 2 and span[0].lower_ in FORMER_PREFIXES and span[1].text in HYPHENS:
        return True  # "the ex-Yukos boss": the boss's, whose label the model gives the firm
    if bare[:1].islower() and bare.startswith(_GROUP_NEGATIONS):
        return True
    if _hyphened_to_a_word(span) and (demonym_country(bare) is not None or bare.lower().endswith(NATIONALITY_ENDINGS)):
        return True
    if _title_opening(span, bare) or _portfolio_before_office(span) or bare.lower() in _NO_ACTOR_WORDS:
        return True  # a title's opening; a faith ("the teachings of Islam"), whose followers are the group; "his Budget"
    return span.label_ == "NORP" and demonym_country(bare) is not None and used_as_language(span)


def _hyphened_to_a_word(span: Span) -> bool:
    """"Scottish-based", "British-born": the name, a hyphen and a lower-case word make one adjective."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text in HYPHENS and doc[span.end + 1].is_lower \
        and not doc[span.end].whitespace_ and not span[-1].whitespace_


def _title_opening(span: Span, bare: str) -> bool:
    """"Shadow Home" of "Shadow Home Secretary David Davis", "Health" of "Health Secretary John Reid":
    a name the gazetteer does not know, right before an office's capitalised head word and a name (or,
    one word, before the head word ending its phrase: "when he was Home Secretary.");
    not an organisation's name (one ending in an institution's head word)."""
    doc = span.doc
    if span.end >= len(doc) or span.label_ == "PERSON":
        return False
    head = doc[span.end]
    following = doc[span.end + 1] if span.end + 1 < len(doc) else None
    holder_named = following is not None and following.is_title and following.is_alpha
    office_alone = len(span) == 1 and (following is None or following.is_punct)  # "when he was Home Secretary."
    if not (head.is_title and head.lower_ in role_data()["heads"] and (holder_named or office_alone)):
        return False
    if span[-1].lower_ in INSTITUTION_WORDS | ORG_PLACE_HEADS:
        return False  # "Metropolitan Police Commissioner Sir John Stevens": the police force is named
    if _second_field(span):
        return True  # "Economy and Labour Minister Wolfgang Clement": the office's second field, not the party
    return organisation(bare) is None and lookup_place(bare) is None and demonym_country(bare) is None \
        and country_in(bare.split()[:1]) is None  # "US Treasury Secretary John Snow": the US Treasury


def _second_field(span: Span) -> bool:
    """"Economy and Labour" of "Economy and Labour Minister Wolfgang Clement": one word after "and" and a
    capitalised word the model tagged as no name, before an office's head word (see _title_opening), is the
    second field of a joint office, whatever organisation the word also names."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].lower_ != "and":
        return False
    field = doc[span.start - 2]
    return field.is_title and field.is_alpha and field.ent_iob_ == "O"


def _modifying_nationality(span: Span, bare: str) -> bool:
    """"Welsh households": a nationality word the model labelled an organisation, modifying a
    common noun after it, is the nationality."""
    if span.label_ != "ORG" or len(span) != 1 or span.end == len(span.doc):
        return False
    after = span.doc[span.end]
    nationality = demonym_country(bare) is not None or bare.lower().endswith(NATIONALITY_ENDINGS)
    return nationality and organisation(bare) is None and after.is_lower and after.pos_ == "NOUN"


def _no_organisation(span: Span, bare: str) -> bool:
    """Forms the model labels ORG that name none: an adjective ("Allied troops"), a law ("the
    Sarbanes-Oxley Act"), the field of an office ("Secretary of State", "the US Secretary of Energy")."""
    if len(span) == 1 and span[0].pos_ == "ADJ":
        return True
    if len(span) > 1 and span[-1].lower_ in LAW_HEADS:
        return True
    return _office_of(span) and lookup_place(bare) is None and organisation(bare) is None


def _portfolio_before_office(span: Span) -> bool:
    """"Home Affairs spokesman Mark Oaten": a name ending in a portfolio's word (PORTFOLIO_ENDINGS), with no
    institution's word, right before an office's head word in lower case."""
    doc = span.doc
    if span[-1].lower_ not in PORTFOLIO_ENDINGS or span.end >= len(doc) or any(t.lower_ in INSTITUTION_WORDS for t in span):
        return False
    after = doc[span.end]
    return after.is_lower and after.lower_ in role_data()["heads"]


def _office_of(span: Span) -> bool:
    """One capitalised word after the head word of an office named by its field (FIELD_OFFICES) and "of"
    ("Secretary of Energy"); not an acronym ("President of AMBO" heads a body)."""
    doc = span.doc
    return len(span) == 1 and span.start >= 2 and span[0].is_title and doc[span.start - 1].lower_ == "of" \
        and doc[span.start - 2].is_title and doc[span.start - 2].lower_ in FIELD_OFFICES


def _lone_given_name(span: Span, bare: str) -> bool:
    """One word that is a given name and no place the gazetteer knows, not after a word that locates
    ("at Jack's") nor run on from a capitalised word ("Sao Paulo")."""
    if len(span) != 1 or bare.lower() not in GIVEN_NAMES or lookup_place(bare) is not None:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or not (before.lower_ in LOCATING_PREPOSITIONS or before.is_title or before.text.endswith(";"))


def _ends_in_a_number(span: Span) -> bool:
    """"Transport 2000": a name of words and a number of three digits or more (not a score, "Luczak 7-6",
    nor a date the model ran on into, "Adams' 11")."""
    last = span[-1]
    return len(span) > 1 and last.is_digit and len(last) >= 3 and all(token.is_alpha for token in span[:-1])


# an acronym is of at least this many capitals (two may be a person's initials, "JP McManus")
MIN_ACRONYM_LETTERS = 3


def _an_acronym(span: Span) -> bool:
    """One word of capitals only ("ESPN", "SAIC")."""
    word = span[0].text
    return len(span) == 1 and len(word) >= MIN_ACRONYM_LETTERS and word.isalpha() and word.isupper()


def _regional_adjective(span: Span, bare: str) -> bool:
    """"Russia's Siberian coast", "a Viennese opera house": a group word that is no country's nationality,
    modifying one thing (a singular common noun that names no agent, person or body), names no actor;
    "Muslim leaders", "the Kurdish community" are the group's. A region's adjective (REGIONAL_ADJECTIVES:
    "Nordic operator Teliasonera", "Western diplomats") names none whatever word it modifies; the same word
    alone ("Numbering (Caspian)") may be an acronym."""
    doc = span.doc
    if span.label_ == "NORP" and bare.lower() in REGIONAL_ADJECTIVES and span.end < len(doc) and doc[span.end].is_alpha:
        return True
    if span.label_ != "NORP" or len(span) != 1 or span.root.dep_ != "amod" or bare.lower() in PARTY_ADJECTIVES \
            or demonym_country(bare) is not None or organisation(bare) is not None:
        return False  # "the Tory idea", "former Conservative leader": the party's
    head = span.root.head
    lemma = head.lemma_.lower()
    return head.i > span.root.i and head.tag_ == "NN" and head.is_lower and lemma not in PERSON_NOUNS \
        and lemma not in ORG_NOUNS and lemma not in role_data()["heads"] and agent_sector(lemma) is None


# "the 31-year-old Scot", "the unseeded Argentine": the words a determiner may be separated from a nationality by
MAX_NATIONALITY_MODIFIERS = 6


def _singular_nationality(span: Span, bare: str) -> bool:
    """One word for one person of a nation: a nationality with a singular person's ending
    (PERSON_DEMONYM_ENDINGS), labelled a group or a place, or a descriptor noun (DESCRIPTOR_NOUNS: "Scot",
    "Briton"), whatever the label; not a given name ("German Gref")."""
    if len(span) != 1:
        return False
    word = bare.lower()
    if word in GIVEN_NAMES:
        return False
    if word in DESCRIPTOR_NOUNS:
        return True
    return span.label_ in {"NORP", "GPE"} and word.endswith(PERSON_DEMONYM_ENDINGS) and (
        span.label_ == "NORP" or lookup_place(bare) is not None or demonym_country(bare) is not None)


def _determiner_before(span: Span) -> Token | None:
    """The word before the name past its lower-case modifiers ("the unseeded", "a proud", "the 31-year-old")."""
    doc = span.doc
    i = span.start - 1
    while i >= max(0, span.start - MAX_NATIONALITY_MODIFIERS) and (doc[i].text in HYPHENS or (
            doc[i].pos_ in _MODIFIER_POS and (doc[i].is_lower or doc[i].like_num))):
        i -= 1
    return doc[i] if i >= 0 else None


# parts of speech of the words between a determiner and its noun ("the unseeded", "the 31-year-old")
_MODIFIER_POS = frozenset({"ADJ", "ADV", "NUM", "NOUN"})
# determiners of one person ("the Slovakian", "a Briton"), not of a group ("the Irish" has no singular ending)
DETERMINERS_OF_ONE = {"the", "a", "an"}


def _a_person_by_nationality(span: Span, bare: str) -> bool:
    """"The Slovakian will meet", "the unseeded Argentine, who", "a proud Welshman", "the 31-year-old Scot":
    one word for one person of a nation (_singular_nationality) after a determiner, heading its phrase, is a
    person called by the nation, not the nation ("the Irish", "the Italians" are); not a place's own name
    ("the Ukraine"), nor an organisation the gazetteer knows ("the Taliban")."""
    if not _singular_nationality(span, bare):
        return False
    doc, root = span.doc, span.root
    determiner = _determiner_before(span)
    after = doc[span.end] if span.end < len(doc) else None
    heads_phrase = root.dep_ not in {"amod", "compound", "nmod"} and (after is None or after.pos_ not in {"NOUN", "PROPN"})
    return determiner is not None and determiner.lower_ in DETERMINERS_OF_ONE and heads_phrase \
        and organisation(bare) is None and not place_named(bare)


def _group_or_name(bare: str) -> str | None:
    """NORP for a people's or followers' name the model labels a group: a demonym the gazetteer knows, a group
    name (GROUP_NAMES) or a last word with a group word's ending (GROUP_WORD_ENDINGS: "Latin American", "Roman
    Catholics", "Islamists"); None for a negated nationality ("Non-British citizens" names no group); else an
    organisation's name ("Valve", "Euronext", "Bluebirds"), or a person's when a given name opens it."""
    if bare.lower().startswith(_GROUP_NEGATIONS) and demonym_country(bare) is None:
        return None
    words = fold(bare).split()
    if not words or demonym_country(bare) is not None or words[-1] in GROUP_NAMES or words[-1].endswith(GROUP_WORD_ENDINGS):
        return "NORP"
    return "PERSON" if words[0] in GIVEN_NAMES else "ORG"


def corrected_label(span: Span, bare: str, surnames: set[str]) -> str | None:
    """The entity's label after correcting what the small model gets wrong; None: not an entity."""
    label = span.label_
    if _no_actor_form(span, bare) or _regional_adjective(span, bare) or _a_person_by_nationality(span, bare):
        return None
    if _modifying_nationality(span, bare):
        return "NORP"
    if label == "ORG" and _no_organisation(span, bare):
        return None
    if label == "PERSON" and len(span) == 1 and bare.lower().endswith(COUNTY_ENDINGS):
        label = "GPE"  # "a plain-speaking Yorkshire man": a county
    if label == "PERSON" and len(span) == 1 and (demonym_country(bare) is not None or bare.lower() in NATION_ADJECTIVES) \
            and bare.lower() not in GIVEN_NAMES:
        label = "NORP"  # "many Britons are unhappy", "a poor Welsh scrum": the people, unless a surname of the article (below)
    if label in {"ORG", "GPE", "PERSON", "NORP"} and len(span) == 1 and bare in surnames \
            and not (label in {"GPE", "LOC"} and lookup_place(bare) is not None):
        # the small model labels lone surnames as ORG, GPE or NORP ("Blinken said", "A furious
        # Rusedski"); but a known place tagged as a place stays one, whoever bears its name
        # ("Michael London" and London)
        label = "PERSON"
    if label == "NORP" and (label := _group_or_name(bare)) is None:
        return None
    if label in {"PERSON", "GPE"} and (any(token.text.isalnum() and not token.is_alpha and not token.is_digit for token in span)
                                       or _ends_in_a_number(span) or (label == "PERSON" and _an_acronym(span))):
        # "MI6", "UB40", "O2", "Transport 2000": people's and places' names have no digits; "ESPN", "SAIC": nor
        # are people named by capitals alone
        label = "ORG"
    if label == "GPE" and _lone_given_name(span, bare):
        label = "PERSON"  # "I speak to Tommy regularly"
    if label == "PERSON" and _office_before_name(span):
        return None  # "former Tory Treasurer Lord Ashcroft": an office, not a name
    if label in {"ORG", "GPE"} and len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in NAME_PARTICLES \
            and lookup_place(bare) is None:
        label = "PERSON"  # "von der Leyen" with "Leyen" tagged as a place
    if label == "ORG" and INITIALS_NAME.match(bare):
        label = "PERSON"  # "T S Tirumurti"
    if label in {"ORG", "GPE"} and lookup_place(bare) is None and organisation(bare) is None \
            and names_a_role_holder(span):
        label = "PERSON"  # "deputy U.N. ambassador, Dmitry Polyanskiy," tagged ORG
    if label == "PERSON" and _media_context(span):
        label = "ORG"  # "German newspaper Bild"
    return label


def _add_place(draft: Draft, span: Span, label: str, bare: str, bare_start: int, end: int, subject: bool,
               article_orgs: set[str]) -> bool:
    """A place of the gazetteer, or the government a capital stands for; False if the name is no known place."""
    data = gazetteer()
    place = lookup_place(bare)
    if place is None or (label == "ORG" and len(span) > 1 and place.key.startswith("GPE:")
                         and fold(bare) != fold(place.name)):
        return False
    brussels = fold(bare) == fold(data["brussels"]["city"])
    if (place.capital_of or brussels) and is_agent(span.root):
        if brussels:  # the EU or NATO, whichever the article names; else Belgium
            choices = [c for c in data["brussels"]["choices"] if f"ORG:{c}" in article_orgs]
            key = f"ORG:{choices[0]}" if len(choices) == 1 else f"GPE:{data['brussels']['default_country']}"
            draft.add(LocalMention(bare_start, end, bare, key.split(":")[0], "metonym", key, subject))
        else:
            draft.add(LocalMention(bare_start, end, bare, "GPE", "metonym", f"GPE:{place.capital_of}", subject))
            # the city keeps its own row and name form, though this use stands for the state
            draft.add_alias(place.key, bare)
            draft.entities.countries.setdefault(place.key, place.country)
        return True
    draft.add(LocalMention(bare_start, end, bare, "GPE", "name", place.key, subject), place.name)
    if place.country:
        draft.entities.countries.setdefault(place.key, place.country)
    return True


def _add_organisation(draft: Draft, span: Span, bare: str, bare_start: int, subject: bool) -> None:
    name = _org_name(bare)
    name_end = bare_start + len(name)
    country, owner_start = possessor_country(span)
    if country and not is_institution(name):
        draft.entities.countries.setdefault(org_key(name), country)
        country = None
    if country:  # "Russia's Security Council" is named with its possessor
        surface_name = draft.text[owner_start:name_end]
        key = qualified_key(name, country)
        draft.add(LocalMention(owner_start, name_end, surface_name, "ORG", "name", key, subject), surface_name)
    elif (qualified := country_qualified(name)) is not None:  # "U.S. Senate": the Senate of the United States
        rest, country = qualified
        key = qualified_key(rest, country)
        draft.add(LocalMention(bare_start, name_end, name, "ORG", "name", key, subject), name)
    else:
        key = org_key(name)
        draft.add(LocalMention(bare_start, name_end, name, "ORG", "name", key, subject), name)
        country = country_in(name.split()[:2])
    if country:
        draft.entities.countries.setdefault(key, country)
    if (acronym := _acronym_after(draft.text, name_end, name)) is not None:
        draft.entities.acronyms[acronym] = key
        draft.add_alias(key, acronym)


def _acronym_after(text: str, name_end: int, name: str) -> str | None:
    """The acronym written in brackets right after the organisation's name, if any: in capitals ("(USADA)",
    unless it spells the initials after more letters, _cut_before) or as a word that spells its initials ("(Alva)")."""
    if (acronym := ACRONYM_AFTER.match(text, name_end)) is not None:
        found = acronym.group(1)
        return found if found != name and not _cut_before(name, found) else None
    if (acronym := WORD_ACRONYM_AFTER.match(text, name_end)) is not None:
        return acronym.group(1) if _capital_initials(name.split()) == acronym.group(1).upper() else None
    return None


def _cut_before(name: str, acronym: str) -> bool:
    """The acronym spells the name's initials after more letters: words the model split off the name's
    start ("US Anti-Doping Agency (USADA)" with "US" a place, "World Anti-Doping Agency (Wada)" with "World"
    left out), so kept for the cut name it would join the two agencies. Acronyms of another language
    ("France Unbowed (LFI)") or word order do not end with the initials and are kept."""
    initials = "".join(word[0] for word in fold(name).split())
    return len(acronym) > len(initials) and acronym.lower().endswith(initials)


def _add_entity(draft: Draft, span: Span, surnames: set[str], article_orgs: set[str]) -> None:
    text = draft.text
    start, end = clean_span(text, span.start_char, span.end_char)
    if end - start < 2 or not any(ch.isupper() for ch in text[start:end]):
        return
    surface = text[start:end]
    # "The Washington Post reports": a capitalised article inside a sentence belongs to the name
    keeps_article = surface.startswith("The ") and not span[0].is_sent_start
    bare = surface if keeps_article else LEADING_ARTICLE.sub("", surface)
    bare_start = start + (len(surface) - len(bare))
    subject = is_subject(span)
    data = gazetteer()
    label = corrected_label(span, bare, surnames)
    if label is None:
        return
    if bare in draft.entities.acronyms:
        label = "ORG"  # "the Association of Leading Visitor Attractions (Alva) ... Alva said": the model's "Alva" a person
    folded = fold(bare)
    if folded in data["seats"]:
        draft.add(LocalMention(start, end, surface, "GPE", "metonym", f"GPE:{data['seats'][folded]}", subject))
        return
    if (canonical := organisation(bare)) is not None:
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
    if label in ENTITY_LABELS and _add_place(draft, span, label, bare, bare_start, end, subject, article_orgs):
        return
    if label == "PERSON":
        add_person(draft, span, start, end, subject)
    elif label == "ORG":
        _add_organisation(draft, span, bare, bare_start, subject)
    elif label == "NORP":
        draft.add(LocalMention(bare_start, end, bare, "NORP", "name", f"NORP:{fold(bare)}", subject), bare)
    elif label in {"GPE", "LOC"}:
        draft.add(LocalMention(bare_start, end, bare, "GPE", "name", f"CITY:{bare}", subject), bare)


def _unify_short_forms(draft: Draft) -> None:
    """One key per organisation within the article: an acronym introduced in brackets, a bare
    institution named with its country elsewhere in the article ("Senate", "U.S. Senate"), or a
    shorter name that ends a longer one ("Podemos" after "Unidas Podemos", "Security Council"
    after "UN Security Council"); not a name the longer one links with a preposition ("Africa" of
    "Commission for Africa"), nor a place after "in" ("in Milan" is the city, not Inter Milan)."""
    mentions = draft.entities.mentions
    long_names = {fold(m.text): m.key for m in mentions if m.type == "ORG" and m.kind == "name" and len(m.text.split()) > 1}
    remap: dict[str, str] = {org_key(acronym): key for acronym, key in draft.entities.acronyms.items()}
    qualified = qualified_keys({m.key for m in mentions})
    countries = {key.rsplit("|", 1)[1] for keys in qualified.values() for key in keys}
    for mention in mentions:  # "the Senate" after "the U.S. Senate"
        if mention.type == "ORG" and (owner := unqualified_owner(mention.key, qualified, countries)) is not None:
            remap[mention.key] = owner
    for mention in mentions:
        if mention.kind != "name" or mention.type not in {"ORG", "GPE"} or mention.key in remap:
            continue
        if mention.type == "GPE" and (not mention.key.startswith("CITY:") or place_named(mention.text)
                                      or draft.text[:mention.start].endswith(" in ")):
            # a known place stays a place ("Wales" beside "BBC Sport Wales"), and so does one the text is in
            # ("he was in Milan", not Inter Milan)
            continue
        folded = fold(mention.text)
        owners = {key for name, key in long_names.items() if name != folded and name.endswith(" " + folded)
                  and name[: -len(folded) - 1].split()[-1] not in NAME_LINKS}
        if len(owners) == 1:
            remap[mention.key] = next(iter(owners))
    # "the two Milan sides": the city naming all its clubs is none of them
    clubs_of_place = {m.start for m in mentions if _next_word(draft.text, m.end) in CLUBS_OF_A_PLACE}
    if remap:
        draft.entities.mentions = [replace(m, key=remap[m.key], type="ORG") if m.key in remap and m.start not in clubs_of_place
                                   else m for m in mentions]


def _next_word(text: str, position: int) -> str:
    following = text[position:position + 40].split()
    return following[0] if following else ""


def extract_mentions(doc: Doc) -> ArticleEntities:
    """Entity mentions of one article (its Doc), with local keys, roles and countries. Never raises on odd text."""
    draft = Draft(doc_text(doc))
    spans, typed_by_context = relabelled(entity_spans(doc))
    draft.entities.typed_by_context = dict(sorted(typed_by_context.items()))
    surnames = surnames_in(spans)
    # organisations named anywhere decide what "Brussels" stands for
    article_orgs = {f"ORG:{canonical}" for ent in spans if (canonical := organisation(span_text(ent))) is not None}
    for span in spans:
        _add_entity(draft, span, surnames, article_orgs)
    resolve_single_names(draft)
    add_unlabelled_surnames(draft, doc)
    _unify_short_forms(draft)
    add_national_groups(draft, doc)
    add_descriptions(draft, doc)
    draft.entities.mentions.sort(key=lambda m: (m.start, m.end))
    return draft.entities
