"""schemas.integrity.member_of: pandas' isin, by Arrow's hash lookup."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas._base import holds_lists_of_strings, is_list_of_strings
from schemas.integrity import _list_reference_check, member_of

_ids = st.sampled_from(["a", "b", "c", "actor-1", "é", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_ids, st.none()), max_size=30), st.sets(_ids, max_size=5),
       st.sampled_from(["str", "object"]))
def test_member_of_agrees_with_pandas_isin(values, ids, dtype):
    series = pd.Series(values, dtype=dtype, index=range(10, 10 + len(values)))
    expected = series.isin(ids).astype(bool)
    pd.testing.assert_series_equal(member_of(series, ids), expected)


@pytest.mark.parametrize("values", [[1, 2, None], [1.5, np.nan], ["a", 3]])
def test_values_that_are_no_strings_are_no_ids(values):
    series = pd.Series(values, dtype=object)
    assert member_of(series, {"a", "1"}).tolist() == [value == "a" for value in values]


# schemas._base.holds_lists_of_strings and the list reference check: one pass when every value is a
# plain list of plain strings, value by value otherwise; the same verdict either way
_items = st.one_of(_ids, st.none(), st.integers(0, 2), st.binary(max_size=2))
_values = st.one_of(st.lists(_items, max_size=3), st.lists(_ids, max_size=3), st.lists(_ids, max_size=3).map(tuple),
                    st.none(), _ids, st.sets(_ids, max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.lists(_values, max_size=12))
def test_list_columns_hold_lists_of_strings_as_each_value_says(values):
    series = pd.Series(values, dtype=object, index=range(5, 5 + len(values)))
    expected = pd.Series([is_list_of_strings(value) for value in values], index=series.index, dtype=bool)
    pd.testing.assert_series_equal(holds_lists_of_strings(series), expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_ids, max_size=3), max_size=12), st.sets(_ids, max_size=6))
def test_every_listed_id_must_exist_as_each_row_says(lists, known):
    df = pd.DataFrame({"co_speaker_ids": pd.Series(lists, dtype=object)})
    check = _list_reference_check("co_speaker_ids", "actors.actor_id", known)
    expected = [all(item in known for item in items) for items in lists]
    assert check(df).check_output.tolist() == expected


def test_the_checks_of_one_table_are_those_it_has_among_all_tables(sample_tables):
    from schemas.integrity import cross_table_checks

    every = cross_table_checks(sample_tables)
    assert {"mentions", "quotes", "events", "event_mentions"} <= every.keys()
    for table in sample_tables:
        alone = cross_table_checks(sample_tables, only=table)
        assert alone.keys() <= {table}
        assert [check.name for check in alone.get(table, [])] == [check.name for check in every.get(table, [])]
        for mine, theirs in zip(alone.get(table, []), every.get(table, [])):
            assert mine(sample_tables[table]).check_output.tolist() == theirs(sample_tables[table]).check_output.tolist()
