"""Per-article NLP extraction: one parse per article, every registered extractor on its Doc.

spaCy dominates the cost, so both the parse and each extractor's records are cached under
the cache folder, keyed by the article text and a version:
  parse/<key>.spacy          the article's Doc (DocBin, no tensors), keyed by the parse version
  <extractor>/<key>.json     its records, keyed by the extractor's own version
An unchanged article is never parsed twice; a changed extractor re-runs on the stored Docs
(deserialising a Doc costs about a hundredth of parsing it) and the others read their
records. A cache entry that cannot be read or does not fit its article is extracted again
and counted, never fatal. Docs are streamed and dropped as soon as their article is done.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newswire import nlp, syntax
from newswire.actors import ArticleEntities
from newswire.events.mentions import EventMention
from newswire.extractors import EXTRACTORS, Extractor
from newswire.filecache import REMEMBERED, FileCache
from newswire.quotes import QuoteCandidate
from newswire.tables import quarantine_row

# A news article is a few thousand words; a 100,000-line ticker costs minutes of parsing. Beyond
# this many characters (~35,000 words) an article is published whole but analysed in part.
MAX_EXTRACT_CHARS = 200_000
PARSE_FOLDER = "parse"
# CPU seconds an article's Doc costs the extract stage before any extractor runs on it (BBC
# articles, 2 cores): parsed and stored, or its stored parse read back with the other records.
PARSE_SECONDS = 0.045
STORED_PARSE_SECONDS = 0.0015


@dataclass
class ArticleExtraction:
    article_id: str
    records: dict[str, Any] = field(default_factory=dict)  # extractor name -> its records

    def of(self, extractor: str) -> Any:
        """The records of one extractor, empty when it did not run."""
        return self.records[extractor] if extractor in self.records else EXTRACTORS[extractor].empty()

    @property
    def entities(self) -> ArticleEntities:
        return self.of("actors")

    @property
    def quotes(self) -> list[QuoteCandidate]:
        return self.of("quotes")

    @property
    def events(self) -> list[EventMention]:
        return self.of("events")

    def to_json(self) -> dict:
        return {name: EXTRACTORS[name].to_json(records) for name, records in sorted(self.records.items())}


@dataclass
class ExtractedBatch:
    extractions: list[ArticleExtraction]
    quarantine: list[dict]
    parsed: int  # articles that went through spaCy
    docs_from_cache: int = 0  # articles whose stored Doc was read instead
    extractor_runs: dict[str, int] = field(default_factory=dict)  # articles each extractor ran on
    cache_rejected: int = 0  # cache entries that were unreadable or did not fit their article


def analysed_text(text: str) -> str:
    """The part of an article the NLP stages read: all of it, up to MAX_EXTRACT_CHARS (cut at a line end)."""
    if len(text) <= MAX_EXTRACT_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_EXTRACT_CHARS)
    return text[: cut if cut > 0 else MAX_EXTRACT_CHARS]


class Cache(FileCache):
    """Parses and extractor records of articles, keyed by their text."""

    def records(self, extractor: Extractor, text: str) -> Any | None:
        path = self.path(extractor.name, extractor.version, text, ".json")
        if path is None:
            return None
        if (records := self.recalled(path)) is not None:
            return records
        try:
            return self.remembered(path, extractor.from_json(json.loads(path.read_text(encoding="utf-8")), text))
        except FileNotFoundError:
            return None
        except Exception:  # torn, wrong shape, or records that do not fit the text: extract again
            self.rejected += 1
            return None

    def put_records(self, extractor: Extractor, text: str, records: Any) -> None:
        self.write(self.path(extractor.name, extractor.version, text, ".json"),
                   json.dumps(extractor.to_json(records), ensure_ascii=False).encode("utf-8"))

    def doc(self, text: str) -> Doc | None:
        path = self.path(PARSE_FOLDER, nlp.parse_version(), text, ".spacy")
        if path is None:
            return None
        try:
            doc = nlp.docs_from_bytes(path.read_bytes())[0]
        except FileNotFoundError:
            return None
        except Exception:
            self.rejected += 1
            return None
        if syntax.doc_text(doc) != text:  # read once here, kept for the extractors
            self.rejected += 1
            return None
        return doc

    def put_doc(self, text: str, doc: Doc) -> None:
        self.write(self.path(PARSE_FOLDER, nlp.parse_version(), text, ".spacy"), nlp.docs_to_bytes([doc]))


def work_left(items: Iterable[tuple[str, str, str]], cache_dir: Path | None, enough: float = math.inf) -> float:
    """Estimated CPU seconds of extraction the items still need: for each article some extractor has
    no records for, its Doc (parsed, or cheaper, its stored parse read back) and those extractors.
    The entries are looked up by name, not read; the count stops once it passes `enough` (a
    decision that only needs to know that: ~0.4 s of a first run's stat calls, workers idle)."""
    cache = Cache(cache_dir)
    seconds = 0.0
    for _, _, text in items:
        analysed = analysed_text(text)
        missing = [extractor.seconds for extractor in EXTRACTORS.values()
                   if not _entry_exists(cache.path(extractor.name, extractor.version, analysed, ".json"))]
        if missing:
            stored = _entry_exists(cache.path(PARSE_FOLDER, nlp.parse_version(), analysed, ".spacy"))
            seconds += (STORED_PARSE_SECONDS if stored else PARSE_SECONDS) + sum(missing)
            if seconds > enough:
                break
    return seconds


def new_article_seconds() -> float:
    """What work_left counts for an article with nothing stored: its parse and every extractor."""
    return PARSE_SECONDS + sum(extractor.seconds for extractor in EXTRACTORS.values())


def _entry_exists(path: Path | None) -> bool:
    # an entry serve's fork server holds was there when read, and is what its file holds: no stat
    # call for it (a served run over the BBC corpus: ~4,500 of them, ~0.07 s)
    return path is not None and (path in REMEMBERED or path.exists())


# A quote, a reporting verb, event verbs from newswire's own table ("arrested") and from the
# petrarch2 dictionary ("invited"), a date, places and people: every extractor reads its tables.
WARM_UP_TEXT = ('Police in London arrested two men on Monday, and China invited the Pope, the minister said: '
                '"We acted fast."')


def warm_up() -> None:
    """Load the model and run every extractor once on a sentence, so that what they load on first use
    (the events lexicon: 4.7 MB of JSON) is read while a worker waits, not in its first batch."""
    doc = nlp.load_nlp()(WARM_UP_TEXT)
    for extractor in EXTRACTORS.values():
        extractor.extract(doc)


def extract_batch(items: Sequence[tuple[str, str, str]], cache_dir: Path | None,
                  extractors: Iterable[Extractor] | None = None) -> ExtractedBatch:
    """items: (article_id, source, text). One extraction per item, in order. An extractor that
    fails on an article leaves that article empty records and a quarantine row saying why."""
    chosen = list(extractors if extractors is not None else EXTRACTORS.values())
    cache = Cache(cache_dir)
    texts = {article_id: analysed_text(text) for article_id, _, text in items}
    sources = {article_id: source for article_id, source, _ in items}
    results = {article_id: ArticleExtraction(article_id) for article_id, _, _ in items}
    problems = [quarantine_row(
        "extract", source, "extract_truncated",
        f"article published whole, but only its first {len(texts[article_id])} of {len(text)} characters "
        f"were searched for actors, quotes and events", article_id=article_id)
        for article_id, source, text in items if len(text) > MAX_EXTRACT_CHARS]
    missing: dict[str, list[Extractor]] = {}
    for article_id, text in texts.items():
        for extractor in chosen:
            records = cache.records(extractor, text)
            if records is None:
                missing.setdefault(article_id, []).append(extractor)
            else:
                results[article_id].records[extractor.name] = records
    runs: Counter[str] = Counter()

    def run(article_id: str, doc: Doc) -> None:
        for extractor in missing[article_id]:
            runs[extractor.name] += 1
            try:
                records = extractor.extract(doc)
            except Exception as error:  # one article's failure is recorded, not fatal
                problems.append(quarantine_row("extract", sources[article_id], "extract_error",
                                               f"{extractor.name}: {type(error).__name__}: {error}",
                                               article_id=article_id))
                records = extractor.empty()
            else:
                cache.put_records(extractor, texts[article_id], records)
            results[article_id].records[extractor.name] = records

    to_parse = []
    from_cache = 0
    for article_id in missing:
        doc = cache.doc(texts[article_id])
        if doc is None:
            to_parse.append((article_id, texts[article_id]))
        else:
            from_cache += 1
            run(article_id, doc)
    for article_id, doc in nlp.parse(to_parse):
        cache.put_doc(texts[article_id], doc)
        run(article_id, doc)
    return ExtractedBatch([results[article_id] for article_id, _, _ in items], problems, len(to_parse),
                          from_cache, dict(sorted(runs.items())), cache.rejected)
