"""A nationality with an agent noun names a part of that country ("Russian troops", "the
Ukrainian military", "Chinese companies"): an actor of its own, with the country and the sector
PETRARCH's agents dictionary gives the noun. Plural members stand for the sector only where they
make it up (COLLECTIVE_SECTORS: "Russian troops" are the Russian military); elsewhere each kind of
member is a group of its own ("US investors", "US tobacco companies"). Government nouns ("Russian
officials") stand for the state itself and are left to the speaker rules."""

from __future__ import annotations

from spacy.attrs import POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Token

from newswire.actors.draft import Draft
from newswire.actors.lexicon import COLLECTIVE_SECTORS, GROUP_NEGATIONS, MEMBER_COUNTS, SECTOR_COLLECTIVES
from newswire.actors.records import LocalMention
from newswire.actors.sectors import sector_of_code
from newswire.actors.spans import is_subject, tokens_with
from newswire.events.lexicon import agent_sector
from newswire.gazetteer import country_in
from newswire.syntax import CONJUNCTS, NOMINAL_MODIFIERS, doc_text

STATE_SECTOR = "government"
_NOUN = frozenset({NOUN})  # the POS value of a common noun


def _nationality(noun: Token) -> Token | None:
    """The country word modifying the noun ("Russian" of "Russian troops"), if any; not a negated
    one ("Non-British citizens"), nor one joined to others ("Chinese and foreign")."""
    for child in noun.lefts:  # the children before the noun (Token.children walks the ones after it too)
        if child.dep_ in NOMINAL_MODIFIERS and child.text[:1].isupper() and country_in([child.text]):
            return None if _negated(child) or _joined_to_others(child) else child
    return None


def _joined_to_others(word: Token) -> bool:
    """"Chinese and foreign entrepreneurs": a nationality joined to a lower-case word for others is a
    class of people of no one country."""
    return any(child.dep_ in CONJUNCTS and child.is_lower for child in word.rights)


def _counted(noun: Token) -> bool:
    """"the two Japanese companies", "both firms": a count of members the article has named."""
    words = {child.lower_ for child in noun.lefts}
    return "both" in words or ("the" in words and bool(words & MEMBER_COUNTS))


def _negated(word: Token) -> bool:
    before = doc_text(word.doc)[max(0, word.idx - 6):word.idx].lower()
    return any(before.endswith(prefix) and (len(before) == len(prefix) or not before[-len(prefix) - 1].isalpha())
               for prefix in GROUP_NEGATIONS)


def sector_key(country: str, sector: str, member: str | None = None) -> str:
    """The key of a country's sector, or of one kind of its members ("US investors"); the sector last."""
    return f"SECTOR:{country}|{member}|{sector}" if member else f"SECTOR:{country}|{sector}"


def add_national_groups(draft: Draft, doc: Doc) -> None:
    taken = [(m.start, m.end) for m in draft.entities.mentions if m.type in {"PERSON", "ORG"}]
    for noun in tokens_with(doc, POS, _NOUN):
        if (nationality := _nationality(noun)) is None:
            continue
        sector = sector_of_code(agent_sector(noun.lemma_) or agent_sector(noun.lower_))
        if sector is None or sector == STATE_SECTOR:
            continue
        if noun.tag_ == "NN" and noun.lower_ not in SECTOR_COLLECTIVES:
            continue  # "the US newspaper", "the Norwegian politician": one body or person, resolved elsewhere
        if _counted(noun):
            continue  # "the two Japanese companies": the members named before
        start, end = nationality.idx, noun.idx + len(noun)
        if any(s < end and start < e for s, e in taken):
            continue
        country = country_in([nationality.text])
        span = doc[nationality.i: noun.i + 1]
        if noun.tag_ == "NN" or sector in COLLECTIVE_SECTORS:
            # a sector's collective noun ("the Russian military") is a name; its members ("Russian troops") refer to it
            key, name = sector_key(country, sector), f"{nationality.text} {sector}"
        else:  # "US investors" and "US tobacco companies", "British people" and "UK voters": groups apart
            key, name = sector_key(country, sector, noun.lemma_.lower()), f"{nationality.text} {noun.lower_}"
        kind = "name" if noun.tag_ == "NN" else "title"
        draft.add(LocalMention(start, end, span.text, "ORG", kind, key, is_subject(span)), name)
        draft.entities.countries.setdefault(key, country)
        taken.append((start, end))
