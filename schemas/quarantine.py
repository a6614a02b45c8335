from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel

VERSION = "1.0"


class Quarantine(TableModel):
    """Inputs and rows that could not be published, each with a reason; nothing is dropped silently."""

    quarantine_id: Series[str] = pa.Field(unique=True, description="hash of stage, source, table and row")
    stage: Series[str] = pa.Field(description="stage that rejected it: ingest, structure, validate")
    source: Series[str] = pa.Field(description="path relative to the raw folder")
    table: Series[str] = pa.Field(nullable=True, description="table the row was meant for (validate stage)")
    article_id: Series[str] = pa.Field(nullable=True, description="article id when one was assigned")
    reason: Series[str] = pa.Field(description=(
        "short machine-readable reason (empty, binary, undecodable, garbled, too_large, changing, replaced, vanished, "
        "symlink, not_a_file, schema, ...)"))
    detail: Series[str] = pa.Field(description="human-readable explanation")
    file_hash: Series[str] = pa.Field(nullable=True, description=(
        "sha256 of the file's bytes, when read; of its first MiB only for too_large files (detail says so)"))
    size: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="file size in bytes, when known")
    payload: Series[str] = pa.Field(nullable=True, description="the rejected row as JSON, when there was one")
