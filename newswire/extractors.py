"""The registry of per-article extractors: name -> (version, Doc -> records).

Each extractor reads one article's Doc (parsed once, see nlp.py) and returns plain records.
Its version is a hash of the code its extract function runs and the data files that code names
(code_version.py reads the imports) plus the parse's version, so changing one extractor invalidates
that extractor's cache entries only, and changing corpus-level code (actor resolution, quote
clustering, event merging) invalidates none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from newswire import actors, nlp
from newswire.actors import ArticleEntities
from newswire.code_version import code_version
from newswire.events.mentions import EventMention, extract_events
from newswire.quotes import QuoteCandidate
from newswire.quotes.extract import extract_quotes


class BadRecords(ValueError):
    """Cached records that do not fit the article (wrong shape, offsets or text)."""


@dataclass(frozen=True)
class Extractor:
    name: str
    extract: Callable[[Doc], Any]
    to_json: Callable[[Any], Any]
    # (data, article text) -> records; raises on data that does not fit the text
    from_json: Callable[[Any, str], Any]
    empty: Callable[[], Any]
    # CPU seconds an article costs it, about (bench/profile_extractors.py on BBC articles, a worker's
    # first batches): how the extract stage weighs the work it has left
    seconds: float = 0.002

    @cached_property
    def version(self) -> str:
        return code_version([self.extract.__module__], nlp.parse_version())


def check_offsets(records: Iterable[Any], text: str) -> None:
    """Every record's [start, end) lies in the text, and its `text` (when it has one) is what is there."""
    for record in records:
        start, end = record.start, record.end
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise BadRecords(f"offsets {start!r}..{end!r} outside a text of {len(text)} characters")
        written = getattr(record, "text", None)
        if written is not None and text[start:end] != written:
            raise BadRecords(f"{written[:40]!r} is not at {start}..{end}")


def _entities(data: Any, text: str) -> ArticleEntities:
    if not isinstance(data, dict):
        raise BadRecords(f"entities must be an object, not {type(data).__name__}")
    entities = ArticleEntities.from_json(data)
    check_offsets(entities.mentions, text)
    return entities


def _quotes(data: Any, text: str) -> list[QuoteCandidate]:
    if not isinstance(data, list):
        raise BadRecords(f"quotes must be a list, not {type(data).__name__}")
    found = [QuoteCandidate(**quote) for quote in data]
    check_offsets(found, text)
    return found


ACTORS = Extractor(
    "actors", extract=actors.extract_mentions,
    to_json=lambda entities: entities.to_json(), from_json=_entities, empty=ArticleEntities, seconds=0.003)

QUOTES = Extractor(
    "quotes", extract=extract_quotes,
    to_json=lambda found: [quote.__dict__ for quote in found], from_json=_quotes, empty=list, seconds=0.001)

def _events(data: Any, text: str) -> list[EventMention]:
    if not isinstance(data, list):
        raise BadRecords(f"events must be a list, not {type(data).__name__}")
    found = [EventMention.from_json(mention) for mention in data]
    for mention in found:
        if text[mention.start:mention.end] != mention.trigger or not 0 <= mention.sentence_start <= mention.start:
            raise BadRecords(f"trigger {mention.trigger[:40]!r} is not at {mention.start}..{mention.end}")
        if any(not 0 <= start <= end <= len(text) for start, end in mention.sources + mention.targets):
            raise BadRecords("an argument lies outside the text")
    return found


EVENTS = Extractor(
    "events", extract=extract_events, to_json=lambda found: [mention.to_json() for mention in found], from_json=_events,
    empty=list, seconds=0.002)

EXTRACTORS: dict[str, Extractor] = {extractor.name: extractor for extractor in (ACTORS, QUOTES, EVENTS)}
