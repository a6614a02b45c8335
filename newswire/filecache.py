"""Content-addressed files under one cache folder, written atomically.

Each stage that caches (structure, the parse, each extractor) keeps its entries in its own
subfolder, one folder per version of its code (so entries of old versions can be pruned
whole), keyed by a hash of its version and its input: <root>/<stage>/<version>/ab/abcd…. A missing root (None) caches nothing;
a write that fails (full disk, a path taken by a folder) costs a recomputation later, nothing more.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Entries `newswire serve`'s fork server read before forking its runs (newswire.served_memory):
# path -> the decoded entry. A path names its stage's code version and its input's hash, so the
# entry remembered under it is the one its file holds.
REMEMBERED: dict[Path, object] = {}
# (root, folder, version, key text, suffix) -> the entry's path, kept alongside REMEMBERED: a served
# run looks up ~14,000 paths (each article's structure, parse and records) before its corpus
# resolution, each a sha256 of the article's text and a Path (~10 us: ~0.12 s of the run); found
# here, a dict lookup. A path is a function of the key alone, so a kept one is never stale.
PATHS: dict[tuple[str, str, str, str, str], Path] = {}
_remembering = False


@contextmanager
def remembering() -> Iterator[None]:
    """While open, every entry a cache of this process reads is kept in REMEMBERED."""
    global _remembering
    _remembering = True
    try:
        yield
    finally:
        _remembering = False


class FileCache:
    def __init__(self, root: Path | None):
        self.root = root
        self._root_text = os.fspath(root) if root is not None else ""
        self.rejected = 0  # entries a reader found unreadable or not fitting their input

    def recalled(self, path: Path) -> object | None:
        return REMEMBERED.get(path) if REMEMBERED else None

    def remembered(self, path: Path, entry: object) -> object:
        if _remembering:
            REMEMBERED[path] = entry
        return entry

    def path(self, folder: str, version: str, key_text: str, suffix: str) -> Path | None:
        if self.root is None:
            return None
        if PATHS and (kept := PATHS.get((self._root_text, folder, version, key_text, suffix))) is not None:
            return kept
        key = hashlib.sha256((version + "\0" + key_text).encode("utf-8", "surrogatepass")).hexdigest()
        # one Path made from the joined string rather than four joins of Paths: a served run builds
        # ~11,000 of these (each article's structure and records), ~0.15 s the other way
        path = Path(os.path.join(self._root_text, folder, version, key[:2], f"{key}{suffix}"))
        if _remembering:
            PATHS[(self._root_text, folder, version, key_text, suffix)] = path
        return path

    @staticmethod
    def write(path: Path | None, data: bytes) -> None:
        if path is None:
            return
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)
