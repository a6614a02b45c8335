"""`newswire cache info` and `newswire cache prune`: what the cache holds, and dropping what no
release needs.

The cache keeps one folder per stage and per version of that stage's code (see filecache.py).
Entries of versions other than the current code's are never read again; entries of the
current version are needed while an article of some release has that text (parse, extractor
records) or a release was built from that file (structure). Pruning keeps exactly those.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newswire.filecache import FileCache
from newswire.release import list_releases, read_manifest


@dataclass
class FolderFigures:
    stage: str
    version: str
    current: bool
    entries: int
    size: int  # bytes


def current_versions() -> dict[str, str]:
    """Stage folder -> the version this code writes (loads the spaCy model for the parse's version)."""
    from newswire import extract, nlp, structure_cache
    from newswire.extractors import EXTRACTORS

    return {structure_cache.FOLDER: structure_cache.structure_version(), extract.PARSE_FOLDER: nlp.parse_version(),
            **{name: extractor.version for name, extractor in EXTRACTORS.items()}}


def _entries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def cache_info(root: Path, versions: dict[str, str]) -> list[FolderFigures]:
    figures = []
    for stage_folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        for version_folder in sorted(p for p in stage_folder.iterdir() if p.is_dir()):
            entries = _entries(version_folder)
            figures.append(FolderFigures(stage_folder.name, version_folder.name,
                                         versions.get(stage_folder.name) == version_folder.name, len(entries),
                                         sum(p.stat().st_size for p in entries)))
    return figures


@dataclass
class Pruned:
    entries: int
    size: int
    kept: int


def _release_texts(out_dir: Path) -> set[str]:
    """The analysed text of every article any release extracted from."""
    from newswire.extract import analysed_text

    texts: set[str] = set()
    for listed in list_releases(out_dir):
        if listed.manifest is None:
            continue
        articles = pd.read_parquet(out_dir / listed.name / "articles.parquet", columns=["text"])
        texts.update(analysed_text(text) for text in articles["text"])
    return texts


def _release_files(out_dir: Path) -> set[tuple[str, str]]:
    """(source, file hash) of every file any release was built from."""
    files: set[tuple[str, str]] = set()
    for listed in list_releases(out_dir):
        if listed.manifest is not None:
            files.update(read_manifest(out_dir / listed.name).get("inputs", {}).get("files", {}).items())
    return files


def _structure_needed(path: Path, files: set[tuple[str, str]]) -> bool:
    try:
        article = pickle.loads(path.read_bytes())
        return (article.source, article.file_hash) in files
    except Exception:  # unreadable entries are rebuilt on demand anyway
        return False


def prune(root: Path, out_dir: Path, versions: dict[str, str]) -> Pruned:
    """Delete entries of old code versions, and current entries no release in out_dir needs."""
    from newswire import structure_cache

    removed = size = kept = 0
    texts, files = _release_texts(out_dir), _release_files(out_dir)
    cache = FileCache(root)
    for figures in cache_info(root, versions):
        folder = root / figures.stage / figures.version
        if not figures.current:
            shutil.rmtree(folder)
            removed, size = removed + figures.entries, size + figures.size
            continue
        entries = _entries(folder)
        if figures.stage == structure_cache.FOLDER:
            needed = {p for p in entries if _structure_needed(p, files)}
        else:
            needed = set(_needed_paths(cache, figures.stage, figures.version, texts))
        for path in entries:
            if path in needed:
                kept += 1
            else:
                size += path.stat().st_size
                path.unlink()
                removed += 1
    return Pruned(removed, size, kept)


def _needed_paths(cache: FileCache, stage: str, version: str, texts: Iterable[str]) -> Iterable[Path]:
    from newswire.extract import PARSE_FOLDER

    suffix = ".spacy" if stage == PARSE_FOLDER else ".json"
    return (cache.path(stage, version, text, suffix) for text in texts)
