from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

from dataclasses import replace

from newswire.boilerplate import normalise_line
from newswire.dedupe import DedupeInput, find_duplicates, fingerprint
from newswire.ingest import read_document
from newswire.structure import body_text, drop_recurring, structure

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


def inputs():
    return [DedupeInput(f"id{i}", p.name, p.read_text(encoding="utf-8"), None) for i, p in enumerate(SEEDS)]


def test_distinct_seeds_are_not_duplicates():
    assert find_duplicates(inputs()) == {}


def test_exact_and_near_copies_point_at_the_canonical_article():
    originals = inputs()
    text = originals[2].text
    paragraphs = [p for p in text.split("\n") if p.strip()]
    light_edit = "\n".join(paragraphs[:6] + paragraphs[7:])  # a syndicating outlet dropped one paragraph
    copies = [DedupeInput("exact", "copy/exact.txt", text, None),
              DedupeInput("edited", "copy/edited.txt", light_edit, None)]
    links = find_duplicates(originals + copies)
    assert set(links) == {"exact", "edited"}
    assert links["exact"].duplicate_of == "id2" and links["exact"].similarity == 1.0
    assert links["edited"].duplicate_of == "id2" and 0.8 <= links["edited"].similarity < 1.0


def test_canonical_is_the_earliest_published_whatever_the_input_order():
    text = inputs()[0].text
    early = DedupeInput("late-name-early-date", "z.txt", text, datetime(2022, 1, 26, tzinfo=timezone.utc))
    late = DedupeInput("early-name-late-date", "a.txt", text, datetime(2022, 1, 27, tzinfo=timezone.utc))
    for order in ([early, late], [late, early]):
        assert find_duplicates(order)["early-name-late-date"].duplicate_of == "late-name-early-date"


def test_result_does_not_depend_on_input_order():
    items = inputs() + [DedupeInput("copy", "c.txt", inputs()[1].text, None)]
    expected = find_duplicates(items)
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert find_duplicates(shuffled) == expected


def test_empty_texts_are_ignored():
    assert find_duplicates([DedupeInput("a", "a.txt", "", None), DedupeInput("b", "b.txt", "  ", None)]) == {}


def test_articles_are_read_once_from_any_iterable():
    """clean_corpus passes a generator so that texts are not all held at once."""
    items = inputs() + [DedupeInput("copy", "c.txt", inputs()[1].text, None)]
    links = find_duplicates(item for item in items)
    assert links == find_duplicates(items) and set(links) == {"copy"}


def test_fingerprints_made_beforehand_give_the_same_links():
    originals = inputs()
    text = originals[2].text
    paragraphs = [p for p in text.split("\n") if p.strip()]
    articles = originals + [DedupeInput("exact", "copy/exact.txt", text, None),
                            DedupeInput("edited", "copy/edited.txt", "\n".join(paragraphs[:6] + paragraphs[7:]), None)]
    made = [replace(article, fingerprint=fingerprint(article.text)) for article in articles]
    assert find_duplicates(made) == find_duplicates(articles) != {}


def test_a_structured_article_carries_the_fingerprint_of_its_body_until_the_body_changes():
    article = structure(read_document(SEEDS[0], SEEDS[0].name))
    assert article.fingerprint == fingerprint(body_text(article))
    cleaned = drop_recurring(article, {normalise_line(article.body[1].text)})  # as if it recurred in the corpus
    assert len(cleaned.body) == len(article.body) - 1 and cleaned.fingerprint is None
