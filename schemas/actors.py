from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from newswire.data import load as load_data
from schemas._base import TableModel, list_of_strings

VERSION = "1.1"
SECTORS = sorted(set(load_data("actors/sectors.json").values()))
TYPES = ["PERSON", "ORG", "GPE", "NORP"]


class Actors(TableModel):
    """One row per real-world actor across all articles, whatever the spelling, title or metonym."""

    actor_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$",
                                     description=(
        "stable id: first given as the hash of the actor's canonical key, then kept across releases for all "
        "its aliases (changes in id_history)"))
    name: Series[str] = pa.Field(str_length={"min_value": 1}, description="canonical display name (full name for people)")
    type: Series[str] = pa.Field(isin=TYPES, description="PERSON, ORG, GPE (countries, cities, regions) or NORP (nationalities)")
    aliases: Series[object] = list_of_strings("every name form seen in the text ('Sergei Lavrov', 'Lavrov')")
    references: Series[object] = list_of_strings(
        "descriptions, metonyms and pronouns resolved to the actor ('the diplomat', 'the Kremlin', 'Moscow')")
    roles: Series[object] = list_of_strings("titles held according to the text ('Russian Foreign Minister')")
    country: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$",
                                    description="ISO 3166 alpha-3 country, or affiliation stated in the text")
    sector: Series[str] = pa.Field(nullable=True, isin=SECTORS,
                                   description="what part of society the actor belongs to (government, military, media, party, ...): "
                                               "from the gazetteer, else from its role or name via PETRARCH's agents dictionary; "
                                               "null when nothing says")
    mention_count: Series[int] = pa.Field(ge=0, description="rows in mentions for this actor")
    article_count: Series[int] = pa.Field(ge=0, description="articles that mention the actor (or credit it, for agencies)")
