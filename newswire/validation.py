"""pandera validation of every table before publishing.

Row-level failures (a bad value in one row) move that row to quarantine with the failed check
as the reason. Table-level failures (duplicate primary keys, a broken cross-table reference
rule, a missing column) mean the data as a whole is wrong: the release is blocked.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from newswire.tables import frame, quarantine_row
from schemas import TABLES
from schemas.integrity import cross_table_checks

# Checks whose failure says the table as a whole is wrong, not one row.
TABLE_LEVEL_CHECKS = ("field_uniqueness", "unique", "multiple_fields_uniqueness", "column_in_dataframe",
                      "column_in_schema", "dataframe_column_labels_unique")


VALIDATION_ORDER = ["articles", "actors", "quote_clusters", "mentions", "quotes", "boilerplate"]


class ReleaseBlocked(RuntimeError):
    """Validation found a problem with a whole table: nothing may be published."""


@dataclass
class TableValidation:
    table: str
    rows_in: int
    rows_out: int
    quarantined: int


def _row_source(df: pd.DataFrame, index: object, articles_by_id: Mapping[str, str]) -> str:
    row = df.loc[index]
    if "source" in df.columns and isinstance(row.get("source"), str):
        return row["source"]
    return articles_by_id.get(row.get("article_id"), "")


def _schema(table: str, extra_checks: Sequence[pa.Check]) -> pa.DataFrameSchema:
    schema = copy.deepcopy(TABLES[table].model.to_schema())
    schema.checks = list(schema.checks) + list(extra_checks)
    return schema


def validate_table(table: str, df: pd.DataFrame, articles_by_id: Mapping[str, str],
                   extra_checks: Sequence[pa.Check] = ()) -> tuple[pd.DataFrame, list[dict], TableValidation]:
    """(valid rows, quarantine rows, summary). Raises ReleaseBlocked on table-level failures."""
    model = _schema(table, extra_checks)
    try:
        return model.validate(df, lazy=True), [], TableValidation(table, len(df), len(df), 0)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    fatal = cases[cases["check"].astype(str).str.contains("|".join(TABLE_LEVEL_CHECKS)) | cases["index"].isna()]
    if len(fatal):
        summary = "; ".join(f"{r.column}: {r.check} ({r.failure_case!r})" for r in fatal.head(10).itertuples())
        raise ReleaseBlocked(f"table {table} failed validation as a whole: {summary}")
    reasons: dict[object, list[str]] = {}
    for case in cases.itertuples():
        reasons.setdefault(case.index, []).append(f"{case.column}: {case.check} (value {case.failure_case!r})")
    quarantined = []
    for index, why in reasons.items():
        row = df.loc[index].to_dict()
        quarantined.append(quarantine_row(
            "validate", _row_source(df, index, articles_by_id), "schema", "; ".join(why), table=table,
            article_id=row.get("article_id"), payload=row))
    valid = df.drop(index=list(reasons))
    valid = model.validate(valid, lazy=True)
    return valid, quarantined, TableValidation(table, len(df), len(valid), len(quarantined))


def validate_tables(tables: Mapping[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[TableValidation]]:
    """Validate every table; rows that fail join the quarantine table, which is validated last."""
    articles_by_id = dict(zip(tables["articles"]["article_id"], tables["articles"]["source"])) if "articles" in tables else {}
    out: dict[str, pd.DataFrame] = {}
    summaries: list[TableValidation] = []
    extra_quarantine: list[dict] = []
    # referenced tables first, so a row quarantined there also quarantines the rows pointing at it
    order = sorted((t for t in tables if t != "quarantine"), key=lambda t: (VALIDATION_ORDER.index(t)
                                                                            if t in VALIDATION_ORDER else len(VALIDATION_ORDER), t))
    for table in order:
        extra = cross_table_checks({**tables, **out}, only=table).get(table, ())
        valid, quarantined, summary = validate_table(table, tables[table], articles_by_id, extra)
        out[table] = valid
        extra_quarantine.extend(quarantined)
        summaries.append(summary)
    quarantine = tables.get("quarantine", frame("quarantine", []))
    if extra_quarantine:
        quarantine = pd.concat([quarantine, frame("quarantine", extra_quarantine)], ignore_index=True)
    valid, _, summary = validate_table("quarantine", ordered_quarantine(quarantine), articles_by_id)
    out["quarantine"] = valid
    summaries.append(summary)
    return out, summaries


def ordered_quarantine(quarantine: pd.DataFrame) -> pd.DataFrame:
    """Each quarantine row once, in quarantine_id order (the frame itself when it already is)."""
    ids = quarantine["quarantine_id"]
    if ids.is_unique and ids.is_monotonic_increasing and quarantine.index.equals(pd.RangeIndex(len(quarantine))):
        return quarantine
    return quarantine.drop_duplicates("quarantine_id").sort_values("quarantine_id", kind="stable").reset_index(drop=True)


def validate_for_release(tables: Mapping[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], dict]:
    """newswire.release.publish's validator: (the valid tables, the manifest's pandera entry)."""
    valid, summaries = validate_tables(tables)
    return valid, {"pandera": {s.table: {"rows_in": s.rows_in, "rows_out": s.rows_out, "quarantined": s.quarantined}
                               for s in summaries}}
