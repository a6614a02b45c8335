"""Structured articles cached by what shapes them, so an unchanged file is never structured twice.

A file's structure depends only on its decoded document (bytes, name, encoding, its row in
sources.csv) and on the code and data of the structuring stage; the key hashes both. A rerun
over a mostly unchanged raw folder then reads and hashes every file (cheap: ~0.1 ms each)
and structures only the new and changed ones (~1 ms each on the BBC corpus, reading and caching included).

Entries are pickled ParsedArticles: they are nested dataclasses with datetimes that JSON
would need a codec for, and the cache is the user's own folder. An entry that cannot be read
or does not belong to its document is structured again and counted, never fatal.
"""

from __future__ import annotations

import pickle
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newswire.code_version import code_version
from newswire.filecache import FileCache
from newswire.ingest import RawDocument
from newswire.structure import ParsedArticle

FOLDER = "structure"
# the stage reads and decodes a file (ingest) and structures it (structure): their code and data,
# found by code_version from their imports, and the libraries that shape what they return
MODULES = ("newswire.ingest", "newswire.structure")
LIBRARIES = ("trafilatura", "lxml", "charset-normalizer", "dateparser")


@lru_cache(maxsize=1)
def structure_version() -> str:
    return code_version(MODULES, *(f"{library}={metadata.version(library)}" for library in LIBRARIES))


def _identity(document: RawDocument) -> str:
    return "\0".join(map(str, (document.source, document.file_hash, document.encoding, document.kind,
                               document.decode_note, document.encoding_confidence, document.listing)))


class StructureCache:
    """Structured articles under <cache>/structure/; a missing folder (None) caches nothing."""

    def __init__(self, root: Path | None):
        self.files = FileCache(root)
        self.hits = 0

    @property
    def rejected(self) -> int:
        return self.files.rejected

    def holds_nothing(self) -> bool:
        """No entry of the current code: every lookup would miss."""
        return self.files.root is None or not (self.files.root / FOLDER / structure_version()).is_dir()

    def get(self, document: RawDocument) -> ParsedArticle | None:
        path = self.files.path(FOLDER, structure_version(), _identity(document), ".pickle")
        if path is None:
            return None
        try:
            article = self.files.recalled(path)
            if article is None:
                article = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # torn or foreign: structure again
            self.files.rejected += 1
            return None
        if not isinstance(article, ParsedArticle) or (article.source, article.file_hash) != (document.source,
                                                                                             document.file_hash):
            self.files.rejected += 1
            return None
        self.hits += 1
        return self.files.remembered(path, article)

    def put(self, document: RawDocument, article: ParsedArticle) -> None:
        self.files.write(self.files.path(FOLDER, structure_version(), _identity(document), ".pickle"),
                         pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
