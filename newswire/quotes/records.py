"""The extractor's record, one per quotation, and the confidence each rule earns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteCandidate:
    start: int
    end: int
    text: str
    kind: str  # "direct" | "partial" | "indirect" | "scare"
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    via: str | None
    confidence: float


# (start, end, text) of the speaker expression in the article text; all None when none
SpeakerFields = tuple[int | None, int | None, str | None]
NO_SPEAKER: SpeakerFields = (None, None, None)

CONFIDENCE = {
    "direct": 0.9, "direct_continued": 0.75, "direct_unattributed": 0.5,
    "partial": 0.8, "partial_uncued": 0.5, "indirect": 0.7, "indirect_frame": 0.6,
    "scare": 0.6,
}
# Confidence multiplier for a span whose opening or closing mark was missing.
RECOVERED_MARKS_FACTOR = 0.8


def candidate(text: str, start: int, end: int, kind: str, cue: str | None, speaker: SpeakerFields,
              via: str | None, confidence: float) -> QuoteCandidate:
    return QuoteCandidate(start, end, text[start:end], kind, cue, speaker[0], speaker[1],
                          speaker[2], via, round(confidence, 3))
