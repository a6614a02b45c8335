"""An actor's sector (government, military, media, ...): from the gazetteer for known
institutions, else from PETRARCH's agents dictionary applied to its role or its name's head
noun ("Foreign Minister" -> government, "Interior Ministry" -> government, "troops" -> military)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from newswire.data import load as load_data
from newswire.events.lexicon import agent_sector
from newswire.gazetteer import FOLD_CACHE, country_in, fold

SECTOR_NAMES: dict[str, str] = load_data("actors/sectors.json")
PREPOSITIONS = {"of", "to", "for", "at", "in", "on"}


def sector_of_code(code: str | None) -> str | None:
    """"~GOVBUS" -> "government": the first code of an agent entry names the sector."""
    return SECTOR_NAMES.get(code.strip("~")[:3]) if code else None


def _tail_sector(words: list[str]) -> str | None:
    for start in range(len(words)):
        tail = " ".join(words[start:])
        code = agent_sector(tail) or (agent_sector(tail[:-1]) if tail.endswith("s") else None)
        if code:
            return sector_of_code(code)
    return None


@lru_cache(maxsize=FOLD_CACHE)  # asked of every role and organisation name of the corpus, many alike
def sector_of_phrase(phrase: str) -> str | None:
    """The sector of the longest final part of a phrase the agents dictionary knows ("Russian
    Foreign Minister" -> "foreign minister" -> government), else of the part before its first
    preposition ("ambassador to Moscow" -> "ambassador"). Country words are no part of a role."""
    words = [w for w in fold(phrase).split() if country_in([w]) is None]
    cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
    return _tail_sector(words) or _tail_sector(words[:cut])


def sector_of_roles(roles: Iterable[str]) -> str | None:
    """The sector of the first role that has one."""
    return next((sector for role in roles if (sector := sector_of_phrase(role))), None)
