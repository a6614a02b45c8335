"""Per-article NLP extraction (entities, quotes), cached by content hash.

spaCy dominates the cost, so each article's extraction is stored as JSON under the cache
folder, keyed by a hash of the article text and of the extractor code, data and model: an
unchanged article is never parsed twice, and any change to the extractors invalidates the
cache. Docs are streamed and dropped as soon as their article is extracted.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from newswire import actors, nlp, quotes
from newswire.actors import ArticleEntities
from newswire.quotes import QuoteCandidate
from newswire.tables import quarantine_row

_PACKAGE = Path(__file__).resolve().parent
# A news article is a few thousand words; a 100,000-line ticker costs minutes of parsing. Beyond
# this many characters (~35,000 words) an article is published whole but analysed in part.
MAX_EXTRACT_CHARS = 200_000


@dataclass
class ArticleExtraction:
    article_id: str
    entities: ArticleEntities = field(default_factory=ArticleEntities)
    quotes: list[QuoteCandidate] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"entities": self.entities.to_json(), "quotes": [asdict(q) for q in self.quotes]}

    @classmethod
    def from_json(cls, article_id: str, data: dict) -> ArticleExtraction:
        return cls(article_id, ArticleEntities.from_json(data["entities"]), [QuoteCandidate(**q) for q in data["quotes"]])


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of everything that shapes an extraction: code, data tables, model name and version."""
    digest = hashlib.sha256()
    code = [_PACKAGE / name for name in ("actors.py", "gazetteer.py", "quotes.py", "nlp.py", "text.py")]
    for path in sorted([*code, *(_PACKAGE / "data").glob("*.json")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    model = nlp.load_nlp()
    digest.update(f"{model.meta.get('name')}-{model.meta.get('version')}-{nlp.ENABLED}".encode())
    return digest.hexdigest()


def _analysed(text: str) -> str:
    """The part of an article the NLP stages read: all of it, up to MAX_EXTRACT_CHARS (cut at a line end)."""
    if len(text) <= MAX_EXTRACT_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_EXTRACT_CHARS)
    return text[: cut if cut > 0 else MAX_EXTRACT_CHARS]


def _cache_path(cache_dir: Path, text: str) -> Path:
    key = hashlib.sha256((extractor_version() + "\0" + text).encode("utf-8")).hexdigest()
    return cache_dir / key[:2] / f"{key}.json"


def _read_cache(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # missing or torn (a run killed mid-write): extract again


def _write_cache(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def extract_article(text: str, docs: list) -> dict:
    return ArticleExtraction("", actors.extract_mentions(text, docs), quotes.extract_quotes(text, docs)).to_json()


@dataclass
class ExtractedBatch:
    extractions: list[ArticleExtraction]
    quarantine: list[dict]
    parsed: int  # articles that went through spaCy (the rest came from the cache)


def extract_batch(items: Sequence[tuple[str, str, str]], cache_dir: Path | None, n_process: int = 1) -> ExtractedBatch:
    """items: (article_id, source, text). One extraction per item, in order; an article whose
    extraction fails gets an empty one and a quarantine row saying why."""
    results: dict[str, ArticleExtraction] = {}
    to_parse: list[tuple[str, str, str]] = []
    for article_id, source, text in items:
        cached = _read_cache(_cache_path(cache_dir, text)) if cache_dir else None
        if cached is not None:
            results[article_id] = ArticleExtraction.from_json(article_id, cached)
        else:
            to_parse.append((article_id, source, text))
    problems = []

    def texts() -> Iterator[str]:
        yield from (_analysed(text) for _, _, text in to_parse)

    for article_id, source, text in to_parse:
        if len(text) > MAX_EXTRACT_CHARS:
            problems.append(quarantine_row(
                "extract", source, "extract_truncated",
                f"article published whole, but only its first {len(_analysed(text))} of {len(text)} characters "
                f"were searched for actors and quotes", article_id=article_id))

    for (article_id, source, text), docs in zip(to_parse, nlp.parse(texts(), n_process=n_process)):
        try:
            data = extract_article(_analysed(text), docs)
        except Exception as error:  # one article's failure is recorded, not fatal
            problems.append(quarantine_row("extract", source, "extract_error", f"{type(error).__name__}: {error}",
                                           article_id=article_id))
            results[article_id] = ArticleExtraction(article_id)
            continue
        if cache_dir:
            _write_cache(_cache_path(cache_dir, text), data)
        results[article_id] = ArticleExtraction.from_json(article_id, data)
    return ExtractedBatch([results[article_id] for article_id, _, _ in items], problems, len(to_parse))
