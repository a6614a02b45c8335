"""How the flow cuts work into batches for the task runner: every item once, in order, in batches
that shrink as the work runs out (so the workers finish together), text-heavy batches cut again."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswire import stages

sizes = st.integers(min_value=1, max_value=300)
workers = st.integers(min_value=1, max_value=8)


@given(st.integers(min_value=0, max_value=3000), sizes, workers)
def test_guided_batches_keep_every_item_in_order_and_shrink(count, most, worker_count):
    items = list(range(count))
    batches = stages.guided_batches(items, most, worker_count)
    assert [item for batch in batches for item in batch] == items
    lengths = [len(batch) for batch in batches]
    assert all(0 < length <= most for length in lengths)
    assert lengths == sorted(lengths, reverse=True)
    if batches and count > most:  # enough work to shrink: the last batch is at most the floor
        assert lengths[-1] <= stages.MIN_BATCH_ITEMS


def test_guided_batches_on_a_corpus_the_size_of_the_bbc_one():
    lengths = [len(batch) for batch in stages.guided_batches(list(range(2070)), 200, 2)]
    assert lengths[:6] == [200] * 6  # the work left is large: full batches
    assert lengths[-3:] == [16, 16, 1]  # the end: batches of a second's work or less
    assert sum(lengths) == 2070


def test_structure_batches_of_the_bbc_corpus_are_few_and_none_tiny():
    lengths = [len(batch) for batch in stages.guided_batches(
        list(range(2226)), stages.STRUCTURE_BATCH_FILES, 2, stages.FEWEST_STRUCTURE_FILES)]
    assert lengths == [557, 418, 313, 235, 176, 132, 100, 100, 100, 95]


@pytest.mark.parametrize("lengths, here", [
    ([557, 418, 313, 235, 176, 132, 100, 100, 100, 95], 4),  # the BBC corpus: 427 files here
    ([100, 100, 50], 2),
    ([300], 0),  # the first batch always goes to the workers
    ([400, 501], 0),
    ([600, 300, 201], 1),
    ([], 0),
])
def test_the_flow_structures_the_last_batches_while_the_workers_start(lengths, here):
    batches = [["file"] * length for length in lengths]
    assert stages.structured_while_workers_start(batches) == here
    assert sum(lengths[len(lengths) - here:]) <= stages.FLOW_STRUCTURES_FILES


@given(st.lists(st.integers(min_value=0, max_value=400_000), max_size=60), sizes, workers)
def test_extraction_batches_cut_text_heavy_batches(text_lengths, most, worker_count):
    items = [(f"a{i}", f"s{i}", "x" * length) for i, length in enumerate(text_lengths)]
    batches = stages.extraction_batches(items, most, worker_count)
    assert [item for batch in batches for item in batch] == items
    for batch in batches:
        assert 0 < len(batch) <= most
        assert len(batch) == 1 or sum(len(text) for _, _, text in batch) <= stages.MAX_BATCH_CHARS
