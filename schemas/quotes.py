from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel, list_of_strings

VERSION = "1.0"
KINDS = ["direct", "partial", "indirect", "scare"]


class Quotes(TableModel):
    """Every direct, partial and indirect quotation (and scare quote), with its speaker; articles.text[start:end] == text."""

    quote_id: Series[str] = pa.Field(unique=True, description="hash of article_id, offsets and kind")
    article_id: Series[str] = pa.Field(description="article (in articles)")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="the quoted words, without quote marks")
    kind: Series[str] = pa.Field(isin=KINDS, description="direct, partial (fragment in reporter's prose), indirect (reported speech) or scare (no speaker)")
    speaker: Series[str] = pa.Field(description=(
        "canonical name of the speaking actor; the speaker expression as written when it names no known actor; "
        "empty when the text names no speaker (never null, so string comparisons need no null handling)"))
    speaker_id: Series[str] = pa.Field(nullable=True, description="actor_id of the speaker (in actors)")
    co_speaker_ids: Series[object] = list_of_strings(
        "further speakers of a joint statement ('The United States and NATO said'), actor_ids")
    speaker_text: Series[str] = pa.Field(nullable=True, description="the speaker expression as written ('he', 'the diplomat', 'Blinken')")
    cue: Series[str] = pa.Field(nullable=True, description="lemma of the cue verb ('say', 'stress', 'accord' for 'according to')")
    via: Series[str] = pa.Field(nullable=True, description="outlet that relayed the words ('CNN' in 'told CNN')")
    start: Series[int] = pa.Field(ge=0, description="offset into articles.text")
    end: Series[int] = pa.Field(ge=0, description="end offset (exclusive) into articles.text")
    cluster_id: Series[str] = pa.Field(description="quote_clusters row: the same words carried by several articles")
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0, description="extractor's confidence in the quote and its speaker")
