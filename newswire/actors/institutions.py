"""Institutions named with their country ("U.S. Senate", "Russia's Security Council", "the
Russian foreign ministry") share one key, "ORG:senate|USA", with the bare name ("the Senate")
used in an article that names that country."""

from __future__ import annotations

from newswire.actors.lexicon import INSTITUTION_WORDS
from newswire.gazetteer import POSSESSIVE, country_in, org_key


def is_institution(name: str) -> bool:
    """Generic institution names ("Senate", "Foreign Ministry") need their country to name one body."""
    return bool({w.lower() for w in name.split()} & INSTITUTION_WORDS)


def qualified_key(name: str, country: str) -> str:
    return f"{org_key(name)}|{country}"


def country_qualified(name: str) -> tuple[str, str] | None:
    """("Senate", "USA") for "U.S. Senate", ("foreign ministry", "RUS") for "Russian foreign
    ministry"; None when the name does not open with a country word or is no generic institution."""
    words = name.split()
    if len(words) < 2 or (country := country_in([POSSESSIVE.sub("", words[0])])) is None:
        return None
    rest = " ".join(words[1:])
    if not is_institution(rest) or country_in(words[1:2]) is not None:
        return None
    return rest, country


def unqualified_owner(key: str, qualified: dict[str, set[str]], countries: set[str]) -> str | None:
    """The one country-qualified key ("ORG:senate|USA") a bare institution key ("ORG:senate")
    stands for, among the countries an article names; None if none or several."""
    if "|" in key or not key.startswith("ORG:"):
        return None
    owners = {k for k in qualified.get(key, set()) if k.rsplit("|", 1)[1] in countries}
    return owners.pop() if len(owners) == 1 else None


def qualified_keys(keys: set[str]) -> dict[str, set[str]]:
    """bare key -> its country-qualified keys ("ORG:senate" -> {"ORG:senate|USA"})."""
    found: dict[str, set[str]] = {}
    for key in keys:
        if key.startswith("ORG:") and "|" in key:
            found.setdefault(key.rsplit("|", 1)[0], set()).add(key)
    return found
