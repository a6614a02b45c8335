"""Documents of the raw files newswire serve's fork server read, taken again unread by its runs
while the files have not changed.

A run reads every raw file to find the few that changed (stages.structure_from_cache: reading,
hashing and decoding, ~0.1 ms a file, ~0.2 s of a served +1 article run over the BBC corpus). The
fork server reads them once (newswire.served_memory), keeping each document with the file's
status before reading it: device, inode, type, size, modification and status-change times. A run
forked from it takes the document kept while the file's status is the same (one os.stat, a few
microseconds), as git's index and rsync's quick check do: any write to a file sets its
status-change time to the clock's, and no program can set that time back. The kernel's clock for
it ticks coarsely (milliseconds), so a file written less than SETTLED_SECONDS before it was read
is not kept: a write just after the read could fall in the same tick and leave the status as
it was. The file's sources.csv row is looked up afresh (that file changes on its own), and
anything else (a new, changed, replaced or vanished file) is read as ever (ingest.read_document).
"""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

from newswire.ingest import DiscoveredFile, FileIdentity, RawDocument, Rejection, read_document
from newswire.outlets import listing

# A file whose status changed this recently when the fork server read it is read by every run.
SETTLED_SECONDS = 2.0


class FileStatus(NamedTuple):
    device: int
    inode: int
    mode: int
    size: int
    modified_ns: int
    changed_ns: int


# path -> the file's status before it was read, and its document
KEPT: dict[Path, tuple[FileStatus, RawDocument]] = {}


def keep(found: DiscoveredFile) -> RawDocument | Rejection:
    """Read a discovered file (ingest.read_document), keeping its document when the file held
    still while read and had settled before."""
    read_at = time.time_ns()
    before = _status(found.path)
    document = read_document(*found)
    if isinstance(document, RawDocument) and before is not None and _is(before, found) \
            and before.changed_ns < read_at - SETTLED_SECONDS * 1e9 and _status(found.path) == before:
        KEPT[found.path] = (before, document)
    return document


def document(found: DiscoveredFile) -> RawDocument | Rejection:
    """The file's document: the one kept when the file's status is as it was then, else read."""
    kept = KEPT.get(found.path) if KEPT else None
    if kept is not None and kept[1].source == found.source and _is(kept[0], found) and _status(found.path) == kept[0]:
        return dataclasses.replace(kept[1], listing=listing(found.path))
    return read_document(*found)


def _is(status: FileStatus, found: DiscoveredFile) -> bool:
    """The regular file discovery saw (its device and inode)."""
    return stat.S_ISREG(status.mode) and FileIdentity(status.device, status.inode) == found.identity


def _status(path: Path) -> FileStatus | None:
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return FileStatus(info.st_dev, info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


__all__ = ["KEPT", "SETTLED_SECONDS", "document", "keep"]
