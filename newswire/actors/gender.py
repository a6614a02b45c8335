"""A person's gender as the text shows it (honorifics, given names), so that pronouns and
titles agree with the person they resolve to. None when nothing says, or the evidence conflicts."""

from __future__ import annotations

from collections.abc import Iterable

from newswire.actors.lexicon import FEMALE_HONORIFICS, GENDERED_PRONOUNS, MALE_HONORIFICS
from newswire.data import load as load_data
from newswire.gazetteer import fold, name_key

MALE, FEMALE = "male", "female"
_GIVEN = load_data("actors/given_names.json")
# keyed like person keys' given names (name_key: "Hillary" -> "hilary")
GIVEN_NAME_GENDERS: dict[str, str] = {**{name_key(n): MALE for n in _GIVEN["male"]},
                                      **{name_key(n): FEMALE for n in _GIVEN["female"]}}


def honorific_gender(word: str) -> str | None:
    word = word.lower()
    return MALE if word in MALE_HONORIFICS else FEMALE if word in FEMALE_HONORIFICS else None


def given_name_gender(given: str) -> str | None:
    """Gender of the first given name ("Hillary Rodham" -> female); initials say nothing."""
    words = fold(given).split()
    return GIVEN_NAME_GENDERS.get(name_key(words[0])) if words else None


def pronoun_gender(pronoun: str) -> str | None:
    return GENDERED_PRONOUNS.get(pronoun.lower())


def agreed(genders: Iterable[str | None]) -> str | None:
    """The one gender all evidence states; None if none or conflicting."""
    found = {g for g in genders if g}
    return found.pop() if len(found) == 1 else None


def person_gender(key: str, name_forms: Iterable[str] = ()) -> str | None:
    """Gender of a person key ("PERSON:clinton|hillary") and the name forms written for it ("Mrs Clinton")."""
    given = key.removeprefix("PERSON:").split("|")[1] if "|" in key else ""
    return agreed([given_name_gender(given), *(honorific_gender(form.split()[0]) for form in name_forms if form.split())])


def compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b
