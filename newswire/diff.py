"""What changed between two releases, table by table, matched on primary key.

added: keys only in B; removed: keys only in A; changed: keys in both whose values differ in
any column the two share (nulls equal nulls, list columns compare element by element).
Columns present in only one release are reported as such rather than marking every row changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newswire.release import read_table
from schemas import TABLES


@dataclass(frozen=True)
class TableDiff:
    added: list = field(default_factory=list)    # primary keys, sorted
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    changed_columns: dict[str, int] = field(default_factory=dict)  # column -> rows whose value changed
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)


def _tables(release: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted(release.glob("*.parquet"))}


def _key(table: str, df: pd.DataFrame) -> str:
    # A table newer than this code's schemas: its first column is its id by house convention.
    return TABLES[table].key if table in TABLES else df.columns[0]


def _comparable(values: list) -> list:
    """Lists/arrays -> tuples so that != compares them as values."""
    return [tuple(v) if isinstance(v, (list, tuple, np.ndarray)) else v for v in values]


def _differs(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Row by row (the two aligned by position), whether the values differ; nulls equal nulls."""
    a_null, b_null = a.isna().to_numpy(), b.isna().to_numpy()
    differs = a_null ^ b_null
    both = ~a_null & ~b_null
    if not both.any():
        return differs
    a, b = a[both], b[both]
    if a.dtype == b.dtype and a.dtype != object:
        # one typed comparison per column (strings, numbers, timestamps)
        differs[both] = a.to_numpy() != b.to_numpy()
    else:
        a_values, b_values = a.tolist(), b.tolist()
        lists = _lists_differ(a_values, b_values)
        # else Python equality per value: lists compared as tuples, and columns whose type changed
        differs[both] = lists if lists is not None else \
            [x != y for x, y in zip(_comparable(a_values), _comparable(b_values))]
    return differs


_LIST_TYPES = (list, tuple, np.ndarray)
_LIST_OF_STRINGS = pa.list_(pa.string())


def _lists_differ(a: list, b: list) -> np.ndarray | None:
    """Row by row, whether two aligned columns of lists of strings differ, as their tuples would
    (_comparable), compared in Arrow: lengths, then the items of rows of equal length (~4x less
    than a tuple per value: the list columns took ~0.1 s of each report's diff over the BBC corpus).
    None unless every value is a list, tuple or array of strings (Arrow would read a string as a
    list of its characters, and bytes as strings)."""
    if not all(type(value) in _LIST_TYPES for value in chain(a, b)) \
            or not all(type(item) is str for item in chain.from_iterable(chain(a, b))):
        return None
    left, right = pa.array(a, type=_LIST_OF_STRINGS), pa.array(b, type=_LIST_OF_STRINGS)
    differs = pc.list_value_length(left).to_numpy() != pc.list_value_length(right).to_numpy()
    same_length = pa.array(~differs)
    left, right = left.filter(same_length), right.filter(same_length)
    items_differ = pc.not_equal(pc.list_flatten(left), pc.list_flatten(right)).to_numpy(zero_copy_only=False)
    rows = np.bincount(pc.list_parent_indices(left).to_numpy(), weights=items_differ, minlength=len(left))
    differs[~differs] = rows > 0
    return differs


def _rows_of(df: pd.DataFrame, key: str, keys: list) -> pd.DataFrame:
    """The rows whose key is in keys, one per key, in key order: two such frames of the same keys
    align by position, without a label lookup per key (~0.3 s a BBC release). Arrow's is_in: pandas'
    isin converts each Arrow string to a Python one first."""
    rows = df.drop_duplicates(key)
    column = pa.array(rows[key])
    rows = rows[pc.is_in(column, value_set=pa.array(keys, type=column.type)).to_numpy(zero_copy_only=False)]
    return (rows if rows[key].is_monotonic_increasing else rows.sort_values(key, kind="stable")).reset_index(drop=True)


def diff_table(table: str, a: pd.DataFrame | None, b: pd.DataFrame | None) -> TableDiff:
    if a is None or b is None:
        present = a if a is not None else b
        keys = sorted(present[_key(table, present)].tolist())
        return TableDiff(added=keys if a is None else [], removed=keys if b is None else [])
    key = _key(table, b)
    a_keys, b_keys = set(a[key].tolist()), set(b[key].tolist())
    shared_columns = [c for c in b.columns if c in a.columns and c != key]
    common = list(a_keys & b_keys)
    left, right = _rows_of(a, key, common), _rows_of(b, key, common)
    changed_rows = np.zeros(len(left), dtype=bool)
    changed_columns = {}
    for column in shared_columns:
        differs = _differs(left[column], right[column])
        if differs.any():
            changed_columns[column] = int(differs.sum())
            changed_rows |= differs
    return TableDiff(
        added=sorted(b_keys - a_keys), removed=sorted(a_keys - b_keys),
        changed=sorted(left[key][changed_rows].tolist()), changed_columns=changed_columns,
        columns_added=[c for c in b.columns if c not in a.columns],
        columns_removed=[c for c in a.columns if c not in b.columns])


def diff_releases(a: Path, b: Path, b_read: Mapping[str, pd.DataFrame] | None = None,
                  done: Mapping[str, TableDiff] | None = None) -> dict[str, TableDiff]:
    """Per table (in either release) what B adds, removes and changes relative to A; b_read: B's
    tables as already read from its files (the report has them), read again otherwise; done: the
    diffs of tables already compared (newswire.report.draw compares each table as it is staged)."""
    a_tables, b_tables = _tables(Path(a)), _tables(Path(b))
    names = [t for t in TABLES if t in a_tables or t in b_tables]
    names += sorted((set(a_tables) | set(b_tables)) - set(names))
    b_read = b_read if b_read is not None and set(b_read) == set(b_tables) else {}
    done = done or {}
    return {table: done[table] if table in done else
            diff_table(table,
                       read_table(a_tables[table]) if table in a_tables else None,
                       (b_read[table] if table in b_read else read_table(b_tables[table]))
                       if table in b_tables else None)
            for table in names}
