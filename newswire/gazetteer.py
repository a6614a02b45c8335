"""The gazetteer and name normalisation: countries, capitals, regions, seats of power,
organisations, agencies and role words (data in newswire/data/), and the folded keys names are
compared by."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from newswire.data import load as load_data
from newswire.text import without_accents

# Place names misspelt in the text ("Unites States") still match the gazetteer at this score.
PLACE_NAME_SIMILARITY = 90
POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
# Two or more single letters or digits in a row, as fold() leaves "F.B.I." ("f b i") and "G-8" ("g 8").
_LETTER_RUN = re.compile(r"\b[a-z0-9](?: [a-z0-9]\b)+")
_NON_WORD = re.compile(r"[^\w]+")
# fold and the keys and lookups built on it are pure functions of one string, called on the same few
# thousand names and words over and over (every rule of the actors extractor and of corpus resolution
# folds what it compares; fold was the largest single cost of both): each keeps its recent answers.
# Every answer is a string, a frozen Place or None, so no caller can change a kept one.
FOLD_CACHE = 1 << 16
_SPELLING_ENDING = re.compile(r"(?:iy|yy|yi|ij|ii)\b")
_DOUBLED_LETTER = re.compile(r"(\w)\1+")
_UNITED_NATIONS = re.compile(r"\bunited nations\b")
_UNITED_STATES = re.compile(r"\bunited states\b")


@lru_cache(maxsize=FOLD_CACHE)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for matching names."""
    return _NON_WORD.sub(" ", without_accents(text).lower().replace("\u2019", "'")).strip()


@lru_cache(maxsize=FOLD_CACHE)
def abbreviation_fold(text: str) -> str:
    """fold() with dotted and spaced abbreviations closed up: "F.B.I." and "FBI" -> "fbi"."""
    return _LETTER_RUN.sub(lambda run: run.group(0).replace(" ", ""), fold(text))


@dataclass(frozen=True)
class Organisation:
    name: str  # canonical
    aliases: tuple[str, ...]
    country: str | None  # ISO3; None for international bodies
    sector: str | None


@dataclass(frozen=True)
class Place:
    key: str  # "GPE:USA" for countries, "CITY:Moscow" for cities and regions
    name: str
    country: str | None
    capital_of: str | None = None  # ISO3 when this is a capital (metonym candidate)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, object]:
    data = load_data("places.json")
    places: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    for iso3, country in data["countries"].items():
        entry = Place(f"GPE:{iso3}", country["name"], iso3)
        for alias in [country["name"], *country["aliases"]]:
            places[fold(alias)] = entry
        for demonym in country["demonyms"]:
            demonyms[fold(demonym)] = iso3
        for capital in country["capitals"]:
            canonical = data["transliterations"].get(capital, capital)
            if fold(capital) in {"d c"}:
                continue
            places.setdefault(fold(capital), Place(f"CITY:{canonical}", canonical, iso3, capital_of=iso3))
    import pycountry  # official names of every other country

    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)} - {None}:
            places.setdefault(fold(name), Place(f"GPE:{country.alpha_3}",
                                                getattr(country, "common_name", None) or country.name, country.alpha_3))
    for region, iso3 in data["regions"].items():
        canonical = data["transliterations"].get(region, region)
        places.setdefault(fold(region), Place(f"CITY:{canonical}", canonical, iso3))
    for state, abbreviations in load_data("actors/us_states.json").items():
        for surface in [state, *abbreviations]:  # "Ga." is the state; "Georgia" alone stays the country
            places.setdefault(fold(surface), Place(f"CITY:{state}", state, "USA"))
    for surface, canonical in data["canonical_places"].items():
        places.setdefault(fold(surface), Place(f"CITY:{canonical}", canonical, None))
    seats = {fold(seat): iso3 for seat, iso3 in data["seats_of_power"].items()}
    organisations, org_references, org_entries = {}, {}, {}
    for canonical, entry in {**data["organisations"], **load_data("actors/institutions.json")}.items():
        org_entries[canonical] = Organisation(canonical, tuple(entry["aliases"]), entry.get("country"), entry.get("sector"))
        for alias in [canonical, *entry["aliases"]]:
            organisations[abbreviation_fold(alias)] = canonical
        for reference in entry["references"]:
            org_references[fold(reference)] = canonical
    country_names = {p.name: p for p in places.values() if p.key.startswith("GPE:")}
    return {"places": places, "demonyms": demonyms, "seats": seats, "organisations": organisations,
            "org_references": org_references, "org_entries": org_entries, "country_names": country_names,
            "brussels": data["brussels"]}


@lru_cache(maxsize=FOLD_CACHE)
def organisation(surface: str) -> str | None:
    """Canonical name of a gazetteer organisation written this way ("F.B.I.", "the Fed"), or None."""
    return gazetteer()["organisations"].get(abbreviation_fold(LEADING_ARTICLE.sub("", surface)))


@lru_cache(maxsize=1)
def role_data() -> dict:
    data = load_data("roles.json")
    return {
        "heads": set(data["role_heads"]),
        "honorifics": set(data["honorifics"]),
        "categories": {category: [fold(p) for p in phrases] for category, phrases in data["categories"].items()},
        "category_words": data["category_words"],
        "media_nouns": set(data["media_nouns"]),
        "media_suffixes": sorted(data["media_suffixes"], key=len, reverse=True),
    }


@lru_cache(maxsize=FOLD_CACHE)
def lookup_place(surface: str) -> Place | None:
    places = gazetteer()["places"]
    folded = fold(LEADING_ARTICLE.sub("", surface))
    if folded in places:
        return places[folded]
    if len(folded) >= 6:  # fuzzy only for names long enough to be unambiguous
        match = process.extractOne(folded, _names_of_similar_length(len(folded)), scorer=fuzz.ratio,
                                   score_cutoff=PLACE_NAME_SIMILARITY)
        if match:
            return gazetteer()["country_names"][_folded_country_names()[match[0]]]
    return None


def place_named(name: str) -> bool:
    """The name is a place's own, as the gazetteer writes it, not a fuzzy match nor a nationality that
    lookup_place also takes ("Slovakian" -> Slovakia; "America" is not "Latin America")."""
    place = lookup_place(name)
    return place is not None and fold(place.name) == fold(name)


@lru_cache(maxsize=256)
def _names_of_similar_length(length: int) -> tuple[str, ...]:
    """The folded country names a name of this length can be PLACE_NAME_SIMILARITY similar to, in their order
    (the first of equally good matches wins): fuzz.ratio is 100 * (1 - indel distance / total length) and the
    distance is at least the difference in length, so the others cannot reach it. Every surface not in the
    gazetteer is matched against the names once, most far longer or shorter than it."""
    most_apart = (100 - PLACE_NAME_SIMILARITY) / 100
    return tuple(name for name in _folded_country_names()
                 if abs(length - len(name)) <= most_apart * (length + len(name)))


@lru_cache(maxsize=1)
def _folded_country_names() -> dict[str, str]:
    """Folded country name -> the gazetteer's spelling, folded once rather than per lookup."""
    names: dict[str, str] = {}
    for name in gazetteer()["country_names"]:
        names.setdefault(fold(name), name)
    return names


@lru_cache(maxsize=FOLD_CACHE)
def demonym_country(word: str) -> str | None:
    return gazetteer()["demonyms"].get(fold(word))


def country_in(words: Iterable[str]) -> str | None:
    """ISO3 of the first demonym or country name among the words ("Russian", "US", "Russia's"),
    not counting words of a longer place name that is no country ("New Jersey" is not Jersey)."""
    words = list(words)
    inside_places = set()
    for length in (3, 2):
        for start in range(len(words) - length + 1):
            place = gazetteer()["places"].get(fold(" ".join(POSSESSIVE.sub("", w) for w in words[start:start + length])))
            if place is not None and not place.key.startswith("GPE:"):
                inside_places.update(range(start, start + length))
    for index, word in enumerate(words):
        if index in inside_places:
            continue
        bare = POSSESSIVE.sub("", word)
        if iso3 := demonym_country(bare):
            return iso3
        place = gazetteer()["places"].get(fold(bare))
        if place is not None and place.key.startswith("GPE:"):
            return place.country
        if (seat := gazetteer()["seats"].get(fold(bare))) is not None:
            return seat
    return None


@lru_cache(maxsize=FOLD_CACHE)
def categories_of(role: str) -> frozenset[str]:
    """The role categories a role is in ("any" always); kept per role, as corpus resolution asks of
    every candidate's roles for every description."""
    folded = fold(role)
    found = {category for category, phrases in role_data()["categories"].items()
             if any(re.search(rf"\b{re.escape(p)}\b", folded) for p in phrases)}
    return frozenset(found | {"any"})


@lru_cache(maxsize=FOLD_CACHE)
def name_key(name: str) -> str:
    """Spelling-insensitive form of a name: Zelensky/Zelenskiy/Zelenskyy, Kozak/Kozack."""
    key = fold(name)
    key = _SPELLING_ENDING.sub("y", key)
    return _DOUBLED_LETTER.sub(r"\1", key)


@lru_cache(maxsize=FOLD_CACHE)
def org_key(name: str) -> str:
    """Key of an organisation: folded with abbreviations closed up ("E.P.A." = "EPA"), with one
    spelling for the UN and the US and agencies' full names mapped to their short names
    ("Associated Press" -> AP)."""
    folded = abbreviation_fold(name)
    if (agency := _agency_names().get(fold(name))) is not None:
        return f"ORG:{fold(agency)}"
    folded = _UNITED_NATIONS.sub("un", folded)
    folded = _UNITED_STATES.sub("us", folded)
    return f"ORG:{folded}"


def is_news_agency(key: str) -> bool:
    """An organisation key of a news agency of agencies.json ("ORG:reuters", "ORG:ap")."""
    return key.removeprefix("ORG:") in _agency_keys()


@lru_cache(maxsize=1)
def _agency_keys() -> frozenset[str]:
    return frozenset(fold(name) for name in _agency_names().values())


@lru_cache(maxsize=1)
def _agency_names() -> dict[str, str]:
    names = {}
    for entry in load_data("agencies.json").values():
        for alias in [entry["name"], *entry.get("aliases", [])]:
            names[fold(alias)] = entry["name"]
    return names
