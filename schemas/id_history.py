from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel

VERSION = "1.0"


class IdHistory(TableModel):
    """How ids of earlier releases changed: an actor, quote cluster or event id is kept across
    releases, except when a run merges two of them (the older id stays) or splits one (the part
    with most of its members keeps it). Follow old_id -> new_id, in sequence order, to find a
    cited id in this release. Cumulative: every change since the output folder's first release."""

    history_id: Series[str] = pa.Field(unique=True, description="hash of table, sequence and both ids")
    table: Series[str] = pa.Field(isin=["actors", "quote_clusters", "events"],
                                  description="the table whose id changed")
    sequence: Series[int] = pa.Field(ge=0, description="order of the change among that table's changes")
    old_id: Series[str] = pa.Field(description="the id an earlier release had")
    new_id: Series[str] = pa.Field(description="the id that carries its members on: absorbed into, or split off to")
    change: Series[str] = pa.Field(isin=["merged", "split"], description=(
        "merged: old_id's members joined new_id (the older id) and old_id is no longer used; "
        "split: some of old_id's members now form new_id, while old_id lives on"))
    key: Series[str] = pa.Field(description=(
        "a member that links the two ids: an actor's alias key, a quote_id or an event_mentions.mention_id"))
