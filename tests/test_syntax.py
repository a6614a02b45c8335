"""Tree helpers of newswire/syntax.py that stand in for spaCy's own, checked against them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire import nlp
from newswire.syntax import noun_chunk_bounds

SEEDS = sorted((Path(__file__).resolve().parent / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.stem)
def test_noun_chunks_are_spacys_on_the_seed_articles(path):
    doc = nlp.load_nlp()(path.read_text(encoding="utf-8"))
    assert noun_chunk_bounds(doc) == [(c.start, c.end) for c in doc.noun_chunks]


@pytest.mark.parametrize("text", [
    "The US, Britain and France, and the European Union's foreign ministers met the Russian envoy.",
    "Officials said they and their counterparts would meet him, her and the minister's aides.",
    "",
])
def test_noun_chunks_are_spacys_on_lists_and_pronouns(text):
    doc = nlp.load_nlp()(text)
    # stored parses are what the extractors read
    for parsed in (doc, nlp.docs_from_bytes(nlp.docs_to_bytes([doc]))[0]):
        assert noun_chunk_bounds(parsed) == [(c.start, c.end) for c in parsed.noun_chunks]
