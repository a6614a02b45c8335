"""The memory pages a process forked from the fork server copies, found and copied ahead of time.

A served run is a fork of serve's fork server (newswire.served_runs), and shares its ~1.9 GiB of
private memory until it writes to it: each page it writes first is copied then, in a page fault
(~3.3 us here against ~1.5 us for a fresh page). Reading a Python object writes its reference
count, so a +1 article run over the BBC corpus ends holding ~260-300 MiB of the server's memory as
its own (copied, or first filled), and its pre-corpus steps and corpus resolution take ~0.25 s
longer than in a process whose pages are its own already: ~35,000 of their ~117,000 page faults
(a bench harness; bench/bench_served.py and the twenty-sixth session in the README for served runs).

Which pages a run copies barely changes from one run to the next: the server's memory does not
change, and each run reads the same remembered corpus. So a run records, as it ends, the pages of
the server's memory it holds as its own (Linux's /proc/self/pagemap: present and mapped by this
process alone), and the next run's process, forked before that run is due (newswire.standby_runs),
copies those pages while it waits (madvise MADV_POPULATE_WRITE, Linux 5.14). Kernels without
either simply do without: nothing is recorded, or nothing is copied ahead.

Why not the kernel's soft-dirty bits, which would say which pages a run wrote rather than which it
holds: this machine's kernel lacks them (CONFIG_MEM_SOFT_DIRTY). A page copied ahead and not
written stays recorded, so the record is a union over runs; it settles (~265 -> ~300 MiB over
five runs, bench harness) and MOST_BYTES bounds it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MADV_POPULATE_WRITE = 23  # <linux/mman.h>; Python's mmap module names it only from 3.12
# /proc/self/pagemap: one 64-bit entry per page of the address space
_PRESENT, _EXCLUSIVE = 1 << 63, 1 << 56
# what a record may ask to be copied ahead, at most: the rest of a run's pages are copied as it writes them
MOST_BYTES = 1 << 30

Span = tuple[int, int]  # [start, end) addresses, page-aligned


def private_spans() -> list[Span]:
    """The process's anonymous private writable memory (the heap, and what malloc and Python's
    allocator map): where a fork's writes copy its parent's pages. Empty where /proc is not Linux's."""
    spans: list[Span] = []
    try:
        with open("/proc/self/maps", encoding="ascii") as maps:
            for line in maps:
                fields = line.split()
                permissions, name = fields[1], (fields[5] if len(fields) > 5 else "")
                if permissions[1] == "w" and permissions[3] == "p" and name in ("", "[heap]"):
                    start, end = (int(address, 16) for address in fields[0].split("-"))
                    spans.append((start, end))
    except OSError:
        return []
    return spans


def held_alone(spans: Iterable[Span]) -> list[Span]:
    """The runs of pages within spans that are present and mapped by this process alone: those it
    copied (or filled) since its fork, and its own. Empty where pagemap cannot be read."""
    held: list[Span] = []
    try:
        with open("/proc/self/pagemap", "rb") as pagemap:
            for start, end in spans:
                pagemap.seek(start // PAGE * 8)
                entries = np.frombuffer(pagemap.read((end - start) // PAGE * 8), dtype=np.uint64)
                alone = ((entries & np.uint64(_PRESENT)) != 0) & ((entries & np.uint64(_EXCLUSIVE)) != 0)
                # the edges of each run of pages held alone
                edges = np.flatnonzero(np.diff(np.concatenate(([False], alone, [False])).astype(np.int8)))
                held.extend((start + int(first) * PAGE, start + int(last) * PAGE)
                            for first, last in zip(edges[::2], edges[1::2]))
    except OSError:
        return []
    return held


def within(wanted: Iterable[Span], spans: Sequence[Span]) -> list[Span]:
    """The parts of wanted that lie in spans (both sorted by address, neither overlapping itself)."""
    parts: list[Span] = []
    index = 0
    for start, end in wanted:
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        probe = index
        while probe < len(spans) and spans[probe][0] < end:
            parts.append((max(start, spans[probe][0]), min(end, spans[probe][1])))
            probe += 1
    return parts


def in_pieces(spans: Iterable[Span], size: int) -> Iterator[Span]:
    """spans cut into pieces of at most size bytes (page-aligned), in order."""
    size = max(PAGE, size // PAGE * PAGE)
    for start, end in spans:
        for piece in range(start, end, size):
            yield piece, min(end, piece + size)


def _libc_madvise():
    """libc's madvise, where there is one (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    call = ctypes.CDLL(None, use_errno=True).madvise
    call.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    call.restype = ctypes.c_int
    return call


_madvise = _libc_madvise()


def copy_ahead(span: Span) -> bool:
    """Copy (or fill) the span's pages now, as writing to each would; False where the kernel cannot
    (before Linux 5.14, or not Linux): then none of a record's pages can be."""
    if _madvise is None:
        return False
    if _madvise(span[0], span[1] - span[0], MADV_POPULATE_WRITE) == 0:
        return True
    # ENOMEM: part of the span is no longer mapped (freed since the record), the rest is done
    return ctypes.get_errno() == errno.ENOMEM


def write_record(path: Path, spans: Sequence[Span]) -> None:
    """spans to path, replaced whole (a reader sees the old record or the new)."""
    part = path.with_name(path.name + ".part")
    with part.open("wb") as out:
        np.save(out, np.asarray(spans, dtype=np.uint64).reshape(-1, 2))
    os.replace(part, path)


def read_record(path: Path) -> list[Span]:
    """The spans path records, sorted; none when it is missing or unreadable."""
    try:
        with path.open("rb") as record:
            pairs = np.load(record, allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return []
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        return []
    return sorted((int(start), int(end)) for start, end in pairs
                  if start % PAGE == 0 and end % PAGE == 0 and start < end)


__all__ = ["MOST_BYTES", "PAGE", "Span", "copy_ahead", "held_alone", "in_pieces", "private_spans", "read_record",
           "within", "write_record"]
