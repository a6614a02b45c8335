"""Cross-table rules: references between tables and offsets into articles.text.

Row-level pandera checks, built against the other tables of the same release, so a row that
breaks a rule is quarantined with the rule's name as the reason.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from itertools import chain

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute

# table -> (column, referenced table, referenced column, nullable)
REFERENCES = [
    ("mentions", "article_id", "articles", "article_id", False),
    ("mentions", "actor_id", "actors", "actor_id", False),
    ("quotes", "article_id", "articles", "article_id", False),
    ("quotes", "speaker_id", "actors", "actor_id", True),
    ("quotes", "cluster_id", "quote_clusters", "cluster_id", False),
    ("quote_clusters", "speaker_id", "actors", "actor_id", True),
    ("events", "source_actor_id", "actors", "actor_id", True),
    ("events", "target_actor_id", "actors", "actor_id", True),
    ("events", "location_actor_id", "actors", "actor_id", True),
    ("event_mentions", "event_id", "events", "event_id", False),
    ("event_mentions", "article_id", "articles", "article_id", False),
    ("event_mentions", "source_actor_id", "actors", "actor_id", True),
    ("event_mentions", "target_actor_id", "actors", "actor_id", True),
]
# list columns whose every element must exist in another table
LIST_REFERENCES = [("quotes", "co_speaker_ids", "actors", "actor_id"),
                   ("events", "co_source_actor_ids", "actors", "actor_id"),
                   ("events", "co_target_actor_ids", "actors", "actor_id")]
# tables whose start/end point into articles.text, and the column that must equal the slice
OFFSET_TABLES = {"mentions": "text", "quotes": "text", "event_mentions": "trigger"}


def member_of(values: pd.Series, ids: Collection[str]) -> pd.Series:
    """values.isin(ids) for string ids (False for a null value), through Arrow's hash lookup:
    pandas' isin on an Arrow-backed column first makes an Arrow scalar of every id, one by one
    (~0.2 s of every run's validation on the BBC corpus)."""
    try:
        strings = pyarrow.array(values, type=pyarrow.string(), from_pandas=True)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):  # a value that is no string: never an id
        return values.isin(ids).astype(bool)
    found = pyarrow.compute.is_in(strings, value_set=pyarrow.array(list(ids), type=pyarrow.string()))
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def _reference_check(column: str, target: str, values: set, nullable: bool) -> pa.Check:
    def check(df: pd.DataFrame) -> pd.Series:
        present = member_of(df[column], values)
        return present | df[column].isna() if nullable else present

    return pa.Check(check, name=f"{column} exists in {target}")


def _list_reference_check(column: str, target: str, values: set) -> pa.Check:
    def check(df: pd.DataFrame) -> pd.Series:
        lists = df[column].tolist()
        # plain lists whose items are all known (as tables are made): one set operation, not a call per row
        if all(type(items) is list for items in lists) and values.issuperset(chain.from_iterable(lists)):
            return pd.Series(True, index=df.index, dtype=bool)
        return df[column].map(lambda items: all(item in values for item in items)).astype(bool)

    return pa.Check(check, name=f"every {column} exists in {target}")


def _offset_check(text_column: str, texts: Mapping[str, str]) -> pa.Check:
    def check(df: pd.DataFrame) -> pd.Series:
        ok = [
            isinstance(article, str) and article in texts and 0 <= start <= end <= len(texts[article])
            and texts[article][start:end] == value
            # columns through tolist(): iterating Arrow-backed columns value by value costs ~6x more
            for article, start, end, value in zip(*(df[name].tolist() for name in ("article_id", "start", "end",
                                                                                   text_column)))
        ]
        return pd.Series(ok, index=df.index, dtype=bool)

    return pa.Check(check, name=f"articles.text[start:end] == {text_column}")


def cross_table_checks(tables: Mapping[str, pd.DataFrame], only: str | None = None) -> dict[str, list[pa.Check]]:
    """The cross-table checks of each table, against the other tables; only: of that table alone
    (validation asks table by table, against the tables validated so far: the id sets and article
    texts of the others' checks are not built for it)."""
    checks: dict[str, list[pa.Check]] = {}

    def wanted(table: str) -> bool:
        return table in tables and only in (None, table)

    @functools.cache
    def ids(target: str, column: str) -> set:
        # once per column; through tolist(), as iterating an Arrow-backed column value by value
        # costs ~6x more (a second of every run on the BBC corpus)
        return set(tables[target][column].dropna().tolist())

    for table, column, target, target_column, nullable in REFERENCES:
        if wanted(table) and target in tables:
            checks.setdefault(table, []).append(_reference_check(
                column, f"{target}.{target_column}", ids(target, target_column), nullable))
    for table, column, target, target_column in LIST_REFERENCES:
        if wanted(table) and target in tables:
            checks.setdefault(table, []).append(_list_reference_check(
                column, f"{target}.{target_column}", ids(target, target_column)))
    offset_tables = [(table, text_column) for table, text_column in OFFSET_TABLES.items() if wanted(table)]
    if "articles" in tables and offset_tables:
        # through tolist(), as ids()
        texts = dict(zip(tables["articles"]["article_id"].tolist(), tables["articles"]["text"].tolist()))
        for table, text_column in offset_tables:
            checks.setdefault(table, []).append(_offset_check(text_column, texts))
    return checks
