"""The pages a forked process copied from its parent, found in /proc/self/pagemap, and copied ahead
with madvise (newswire.copied_pages): what a served run records and its successor copies while it
waits (newswire.standby_runs)."""

from __future__ import annotations

import ctypes
import mmap
import os
import pickle
import sys

import numpy as np
import pytest

from newswire import copied_pages
from newswire.copied_pages import PAGE

LINUX = sys.platform.startswith("linux")


def _private_pages(count: int) -> tuple[mmap.mmap, int]:
    memory = mmap.mmap(-1, count * PAGE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    for page in range(count):
        memory[page * PAGE] = 1  # present in this process
    return memory, ctypes.addressof(ctypes.c_char.from_buffer(memory))


def _in_child(work):
    """work() in a forked child while this process keeps its pages; what it returned."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        try:
            answer = pickle.dumps(work())
        except BaseException as error:  # the test shows it
            answer = pickle.dumps(error)
        os.write(writing, answer)
        os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as answer:
        result = pickle.loads(answer.read())
    os.waitpid(pid, 0)
    if isinstance(result, BaseException):
        raise result
    return result


needs_pagemap = pytest.mark.skipif(not LINUX or not copied_pages.private_spans(), reason="Linux's /proc only")


@needs_pagemap
def test_a_fork_holds_alone_the_pages_it_wrote_and_shares_the_rest():
    memory, start = _private_pages(16)

    def write_some():
        for page in (3, 4, 5, 10):
            memory[page * PAGE] = 2
        return copied_pages.held_alone([(start, start + 16 * PAGE)])

    assert _in_child(write_some) == [(start + 3 * PAGE, start + 6 * PAGE), (start + 10 * PAGE, start + 11 * PAGE)]
    # the parent's own pages: its own alone again once the child has gone
    assert copied_pages.held_alone([(start, start + 16 * PAGE)]) == [(start, start + 16 * PAGE)]


@needs_pagemap
def test_copying_ahead_makes_the_pages_the_forks_own_with_the_parents_contents():
    memory, start = _private_pages(8)
    memory[2 * PAGE] = 7

    def copy_two_to_four():
        if not copied_pages.copy_ahead((start + 2 * PAGE, start + 5 * PAGE)):
            pytest.skip("this kernel cannot populate pages (Linux < 5.14)")
        return copied_pages.held_alone([(start, start + 8 * PAGE)]), memory[2 * PAGE], memory[3 * PAGE]

    assert _in_child(copy_two_to_four) == ([(start + 2 * PAGE, start + 5 * PAGE)], 7, 1)


@needs_pagemap
def test_anonymous_private_memory_is_among_the_private_spans():
    memory, start = _private_pages(4)
    assert any(low <= start and start + 4 * PAGE <= high for low, high in copied_pages.private_spans())


def test_copying_ahead_a_span_no_longer_mapped_does_no_harm():
    memory, start = _private_pages(4)
    memory.close()  # unmapped: the record of an earlier run may name freed memory
    assert copied_pages.copy_ahead((start, start + 4 * PAGE)) in (True, False)


P = PAGE


@pytest.mark.parametrize(("wanted", "spans", "expected"), [
    ([], [(0, 10 * P)], []),
    ([(2 * P, 4 * P)], [], []),
    ([(2 * P, 4 * P)], [(0, 10 * P)], [(2 * P, 4 * P)]),
    ([(2 * P, 12 * P)], [(0, 10 * P)], [(2 * P, 10 * P)]),  # cut at the span's end
    ([(2 * P, 12 * P)], [(0, 3 * P), (5 * P, 6 * P), (11 * P, 20 * P)], [(2 * P, 3 * P), (5 * P, 6 * P), (11 * P, 12 * P)]),
    ([(0, P), (4 * P, 5 * P), (30 * P, 31 * P)], [(3 * P, 6 * P)], [(4 * P, 5 * P)]),
    ([(0, 2 * P), (3 * P, 4 * P)], [(P, 5 * P)], [(P, 2 * P), (3 * P, 4 * P)]),
])
def test_the_wanted_pages_within_the_spans(wanted, spans, expected):
    assert copied_pages.within(wanted, spans) == expected


@pytest.mark.parametrize(("spans", "size", "expected"), [
    ([], 4 * P, []),
    ([(0, 10 * P)], 4 * P, [(0, 4 * P), (4 * P, 8 * P), (8 * P, 10 * P)]),
    ([(0, 2 * P), (6 * P, 7 * P)], 4 * P, [(0, 2 * P), (6 * P, 7 * P)]),
    ([(0, 3 * P)], 1, [(0, P), (P, 2 * P), (2 * P, 3 * P)]),  # never less than a page
])
def test_spans_in_pieces(spans, size, expected):
    assert list(copied_pages.in_pieces(spans, size)) == expected


def test_a_record_reads_back_sorted(tmp_path):
    record = tmp_path / "pages.npy"
    copied_pages.write_record(record, [(5 * P, 9 * P), (P, 2 * P)])
    assert copied_pages.read_record(record) == [(P, 2 * P), (5 * P, 9 * P)]
    copied_pages.write_record(record, [])
    assert copied_pages.read_record(record) == []
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("content", [None, b"", b"not numpy at all", "wrong shape", "unaligned", "pickled objects"])
def test_a_missing_or_damaged_record_asks_for_nothing(tmp_path, content):
    record = tmp_path / "pages.npy"
    if content == "wrong shape":
        np.save(record, np.arange(6, dtype=np.uint64))
    elif content == "unaligned":
        np.save(record, np.array([[P + 1, 2 * P], [3 * P, 3 * P]], dtype=np.uint64))
    elif content == "pickled objects":
        np.save(record, np.array([[P, object()]], dtype=object), allow_pickle=True)
    elif content is not None:
        record.write_bytes(content)
    assert copied_pages.read_record(record) == []
