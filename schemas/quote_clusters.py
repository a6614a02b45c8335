from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel, UtcTimestamp, list_of_strings

VERSION = "1.1"


class QuoteClusters(TableModel):
    """One statement, merged across the articles and outlets that quote it."""

    cluster_id: Series[str] = pa.Field(unique=True, description=(
        "stable id: first given as the hash of the member quote ids, then kept across releases while its quotes "
        "persist (changes in id_history)"))
    speaker_id: Series[str] = pa.Field(nullable=True, description="actor_id of the speaker (in actors)")
    speaker: Series[str] = pa.Field(nullable=True, description="canonical name of the speaker")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="the longest form of the words")
    kind: Series[str] = pa.Field(description="kind of the longest form")
    quote_count: Series[int] = pa.Field(ge=1, description="member rows in quotes")
    article_count: Series[int] = pa.Field(ge=1, description="distinct articles carrying the statement")
    sources: Series[object] = list_of_strings("source files of those articles")
    outlets: Series[object] = list_of_strings("distinct outlets of those articles (articles.outlet), where known")
    outlet_count: Series[int] = pa.Field(ge=0, description="distinct outlets carrying the statement (length of outlets)")
    first_published: Series[UtcTimestamp] = pa.Field(nullable=True, description="earliest stated publication time among them")
