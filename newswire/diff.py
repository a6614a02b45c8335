"""What changed between two releases, table by table, matched on primary key.

added: keys only in B; removed: keys only in A; changed: keys in both whose values differ in
any column the two share (nulls equal nulls, list columns compare element by element).
Columns present in only one release are reported as such rather than marking every row changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def _key(table: str, columns: Sequence[str]) -> str:
    # A table newer than this code's schemas: its first column is its id by house convention.
    return TABLES[table].key if table in TABLES else columns[0]


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
    return _list_columns_differ(pa.array(a, type=_LIST_OF_STRINGS), pa.array(b, type=_LIST_OF_STRINGS))


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
        keys = sorted(present[_key(table, present.columns)].tolist())
        return TableDiff(added=keys if a is None else [], removed=keys if b is None else [])
    key = _key(table, b.columns)
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


def diff_arrow_tables(table: str, a: pa.Table, b: pa.Table) -> TableDiff:
    """diff_table over the tables as Parquet gives them, compared in Arrow: the rows of the shared
    keys aligned by Arrow's index_in (the first row of each key, as _rows_of keeps), then each
    shared column compared as a whole where Arrow compares values as pandas does (same type:
    strings, numbers, timestamps, lists of strings), the other columns by diff_table's own
    comparison of those rows. ~4x less than diff_table over the frames read from the same files
    (~0.35 s of a served run's report over the BBC release), in the painter at the run's end.
    Tables whose key has nulls are compared by diff_table."""
    key = _key(table, b.column_names)
    if key not in a.column_names or key not in b.column_names or a[key].null_count or b[key].null_count:
        return diff_table(table, a.to_pandas(), b.to_pandas())
    a_keys, b_keys = a[key].combine_chunks(), b[key].combine_chunks()
    in_b, in_a = pc.is_in(a_keys, value_set=b_keys), pc.is_in(b_keys, value_set=a_keys)
    common = pc.unique(pc.filter(a_keys, in_b))
    common = common.take(pc.sort_indices(common))
    left = a.take(pc.index_in(common, value_set=a_keys))
    right = b.take(pc.index_in(common, value_set=b_keys))
    shared_columns = [c for c in b.column_names if c in a.column_names and c != key]
    changed_rows = np.zeros(len(common), dtype=bool)
    changed_columns = {}
    for column in shared_columns:
        differs = _arrow_differs(left[column].combine_chunks(), right[column].combine_chunks())
        if differs is None:
            differs = _differs(left[column].to_pandas(), right[column].to_pandas())
        if differs.any():
            changed_columns[column] = int(differs.sum())
            changed_rows |= differs
    return TableDiff(
        added=sorted(set(pc.filter(b_keys, pc.invert(in_a)).to_pylist())),
        removed=sorted(set(pc.filter(a_keys, pc.invert(in_b)).to_pylist())),
        changed=common.filter(pa.array(changed_rows)).to_pylist(), changed_columns=changed_columns,
        columns_added=[c for c in b.column_names if c not in a.column_names],
        columns_removed=[c for c in a.column_names if c not in b.column_names])


def _comparable_in_arrow(type_: pa.DataType) -> bool:
    return (pa.types.is_string(type_) or pa.types.is_large_string(type_) or pa.types.is_integer(type_)
            or pa.types.is_floating(type_) or pa.types.is_boolean(type_) or pa.types.is_timestamp(type_)
            or pa.types.is_date(type_))


def _arrow_differs(a: pa.Array, b: pa.Array) -> np.ndarray | None:
    """Row by row whether two aligned columns differ as _differs finds (nulls, and NaN, equal
    each other), for columns of one type Arrow compares as pandas does; None for the others."""
    if a.type != b.type:
        return None
    if pa.types.is_list(a.type) and (pa.types.is_string(a.type.value_type) or pa.types.is_large_string(a.type.value_type)):
        return _list_columns_differ(a, b)
    if not _comparable_in_arrow(a.type):
        return None
    return _values_differ(a, b)


def _missing(values: pa.Array) -> pa.Array:
    """Null, or NaN (pandas' isna: missing either way)."""
    missing = values.is_null()
    return pc.or_(missing, pc.fill_null(pc.is_nan(values), False)) if pa.types.is_floating(values.type) else missing


def _values_differ(a: pa.Array, b: pa.Array) -> np.ndarray:
    a_missing, b_missing = _missing(a), _missing(b)
    unequal = pc.and_(pc.and_(pc.invert(a_missing), pc.invert(b_missing)), pc.fill_null(pc.not_equal(a, b), True))
    return pc.or_(pc.xor(a_missing, b_missing), unequal).to_numpy(zero_copy_only=False)


def _list_columns_differ(a: pa.Array, b: pa.Array) -> np.ndarray:
    """Lists of strings compared as tuples (_comparable), in Arrow: null lists equal each other, then
    lengths, then the items of lists of equal length (a null item equals a null item only)."""
    a_missing, b_missing = a.is_null(), b.is_null()
    differs = pc.xor(a_missing, b_missing).to_numpy(zero_copy_only=False)
    both = pc.and_(pc.invert(a_missing), pc.invert(b_missing)).to_numpy(zero_copy_only=False)
    lengths_differ = pc.fill_null(pc.not_equal(pc.list_value_length(a), pc.list_value_length(b)), False)
    same_length = both & ~lengths_differ.to_numpy(zero_copy_only=False)
    differs |= both & ~same_length
    kept = pa.array(same_length)
    left, right = a.filter(kept), b.filter(kept)
    items_differ = _values_differ(pc.list_flatten(left), pc.list_flatten(right))
    rows = np.bincount(pc.list_parent_indices(left).to_numpy(), weights=items_differ, minlength=len(left))
    differs[np.flatnonzero(same_length)] = rows > 0
    return differs


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
