"""schemas.integrity.member_of: pandas' isin, by Arrow's hash lookup."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.integrity import member_of

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
