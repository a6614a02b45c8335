"""Character spans of the article text: its paragraphs, its heading lines, sorted span lookups."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newswire.text import is_sentence, word_count

# Heading lines restate body quotes in shortened form; quoting them would double count.
MAX_HEADING_WORDS = 15
# "Kuleba: Diplomacy is working." — a subheading that names its speaker before a colon.
_HEADLINE_ATTRIBUTION = re.compile(r"\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}:\s")


@dataclass(frozen=True)
class Spans:
    """Sorted, non-overlapping char spans with logarithmic lookups."""

    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> Spans:
        return cls(tuple(sorted(spans)))

    def covering(self, pos: int) -> tuple[int, int] | None:
        j = bisect.bisect_right(self.spans, (pos, float("inf"))) - 1
        return self.spans[j] if j >= 0 and self.spans[j][0] <= pos < self.spans[j][1] else None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        j = max(0, bisect.bisect_right(self.spans, (start, float("inf"))) - 1)
        out = []
        while j < len(self.spans) and self.spans[j][0] < end:
            if self.spans[j][1] > start:
                out.append(self.spans[j])
            j += 1
        return out


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def heading_lines(text: str) -> Spans:
    """Heading lines: short, and not ending like a sentence or opening with a headline-style
    attribution ("Name: words"), which stays a heading even with a full stop."""
    return Spans.of(  # the words counted last: the dearest test, and most paragraphs are sentences
        (start, end + 1) for start, end in paragraphs(text)
        if (not is_sentence(text[start:end]) or _HEADLINE_ATTRIBUTION.match(text, start, end))
        and word_count(text[start:end]) <= MAX_HEADING_WORDS
    )
