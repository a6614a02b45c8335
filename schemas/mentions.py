from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel

VERSION = "1.0"
KINDS = ["name", "surname", "given_name", "title", "metonym", "pronoun"]


class Mentions(TableModel):
    """Every place an actor is mentioned; articles.text[start:end] == text."""

    mention_id: Series[str] = pa.Field(unique=True, description="hash of article_id and offsets")
    article_id: Series[str] = pa.Field(description="article (in articles)")
    actor_id: Series[str] = pa.Field(description="actor (in actors)")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="surface form as written")
    start: Series[int] = pa.Field(ge=0, description="offset into articles.text")
    end: Series[int] = pa.Field(ge=0, description="end offset (exclusive) into articles.text")
    kind: Series[str] = pa.Field(isin=KINDS, description="how the actor is referred to: " + ", ".join(KINDS))

    @pa.dataframe_check(name="start before end")
    @classmethod
    def _ordered(cls, df):
        return df["start"] < df["end"]
