"""Who acts in an event: event arguments resolved to actors as quote speakers are, people acting
for their organisation or country, and a country's people and capital acting for the state."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newswire.actors import Corpus
from newswire.events import merge
from newswire.events.rules import rules
from newswire.extract import ArticleExtraction
from newswire.gazetteer import lookup_place
from newswire.longest_name import LongestName


# Organisations of these sectors act for their state in an event: outlets write "the Russian
# Foreign Ministry", "the Kremlin" or "Moscow" for the same act.
STATE_SECTORS = frozenset({"government", "military"})


def party_of(actors: Sequence, actor_id) -> Callable[[str], str | None]:
    """The party an actor acts for in an event. A person: the organisation their role names
    ("NATO Secretary-General" -> NATO), else their country's row ("U.S. Secretary of State" ->
    the United States). A government or military body: its state's row ("Russian Foreign
    Ministry" -> Russia). Other organisations and places act for themselves."""
    by_id = {actor.actor_id: actor for actor in actors}
    organisations: dict[str, str] = {}
    for a in actors:
        if a.type == "ORG" and len(a.name) > 2:
            organisations.setdefault(a.name, a.actor_id)
    countries = {a.country: a.actor_id for a in actors if a.type == "GPE" and a.country}
    named_in = LongestName(organisations)  # the longest organisation a role names wins

    def organisation_in(role: str) -> str | None:
        name = named_in(role)
        return organisations[name] if name is not None else None

    def state_of(found: str | None) -> str | None:
        actor = by_id.get(found)
        if actor is not None and actor.type == "ORG" and actor.sector in STATE_SECTORS:
            return countries.get(actor.country, found)
        return found

    def party(key: str) -> str | None:
        found = actor_id(key)
        actor = by_id.get(found)
        if actor is None or actor.type != "PERSON":
            return state_of(found)
        for role in actor.roles:
            if (organisation := organisation_in(role)) is not None:
                return state_of(organisation)
        return countries.get(actor.country, found) if actor.roles else found

    return party


def event_resolver(corpus: Corpus, extractions: Sequence[ArticleExtraction], texts: dict[str, str]) -> merge.Resolver:
    """Event arguments resolve as quote speakers do (names, pronouns, titles, metonyms); an
    expression that resolves to nobody falls back to the last actor named inside it ("Russian
    troops": Russia)."""
    entities = {e.article_id: e.entities for e in extractions}

    def resolve(article_id: str, start: int, end: int) -> list[str]:
        found = [corpus.canonical(m.key) for m in corpus.resolve_speakers(article_id, texts[article_id], start, end)]
        if not found:
            inside = [m for m in entities[article_id].mentions if start <= m.start and m.end <= end]
            found = [corpus.canonical(inside[-1].key)] if inside else []
        words = texts[article_id][start:end].split()
        if words and words[-1].lower() in rules().government_heads:  # "Joe Biden's administration"
            found = [governed_state(corpus, key) for key in found]
        return [acting_state(key) for key in found]

    return resolve


def governed_state(corpus: Corpus, key: str) -> str:
    """The state a person's administration or government stands for: the country the corpus
    places the person in most often; the person when none."""
    countries = corpus.country_votes(key) if key.startswith("PERSON:") else None
    return STATE_KEY + merge.most_voted(countries) if countries else key


# Actor keys of a country ("GPE:RUS"), its people ("NORP:RUS") and its capital ("CITY:Moscow").
STATE_KEY, NATIONALITY_KEY, CITY_KEY = "GPE:", "NORP:", "CITY:"


def acting_state(key: str) -> str:
    """In an event, "Russian troops", "the Russians" and "Moscow" act for the state."""
    code = key[len(NATIONALITY_KEY):]
    if key.startswith(NATIONALITY_KEY) and len(code) == 3 and code.isupper():
        return STATE_KEY + code
    if key.startswith(CITY_KEY) and (place := lookup_place(key[len(CITY_KEY):])) is not None and place.capital_of:
        return STATE_KEY + place.capital_of
    return key
