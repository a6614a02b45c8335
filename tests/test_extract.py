"""One parse per article, extractors from the registry, and a cache keyed per extractor."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from pathlib import Path

import pytest
import spacy
import srsly.msgpack
from spacy.tokens import DocBin

from newswire import extract, nlp, stages
from newswire.events import lexicon
from newswire.extractors import EXTRACTORS

ITEMS = [("a1", "a.txt", "Russian Foreign Minister Sergey Lavrov said Moscow would respond.\n"
                         "NATO said it was ready to talk.")]


def test_cache_hit_skips_parsing_and_gives_the_same_extraction(tmp_path):
    first = extract.extract_batch(ITEMS, tmp_path)
    second = extract.extract_batch(ITEMS, tmp_path)
    assert (first.parsed, second.parsed) == (1, 0)
    assert second.extractor_runs == {} and second.docs_from_cache == 0
    assert first.extractions[0].to_json() == second.extractions[0].to_json()
    assert any(m.text == "Sergey Lavrov" for m in second.extractions[0].entities.mentions)


def test_a_changed_extractor_reruns_alone_on_the_stored_parse(tmp_path, monkeypatch):
    extract.extract_batch(ITEMS, tmp_path)
    quotes = EXTRACTORS["quotes"]
    changed = dataclasses.replace(quotes)
    changed.__dict__["version"] = "changed"  # as if quotes' code had been edited
    monkeypatch.setitem(EXTRACTORS, "quotes", changed)
    again = extract.extract_batch(ITEMS, tmp_path)
    assert (again.parsed, again.docs_from_cache, again.extractor_runs) == (0, 1, {"quotes": 1})
    assert [q.text for q in again.extractions[0].quotes] == ["Moscow would respond", "it was ready to talk"]


def test_the_work_left_counts_a_parse_or_less_for_a_stored_one(tmp_path, monkeypatch):
    assert extract.work_left(ITEMS, tmp_path) == pytest.approx(extract.new_article_seconds())
    extract.extract_batch(ITEMS, tmp_path)
    assert extract.work_left(ITEMS, tmp_path) == 0.0
    changed = dataclasses.replace(EXTRACTORS["quotes"])
    changed.__dict__["version"] = "changed"
    monkeypatch.setitem(EXTRACTORS, "quotes", changed)
    assert extract.work_left(ITEMS, tmp_path) == pytest.approx(extract.STORED_PARSE_SECONDS + changed.seconds)
    assert extract.work_left(ITEMS, None) == pytest.approx(extract.new_article_seconds())  # no cache


def test_the_work_left_stops_counting_once_it_passes_enough(tmp_path, monkeypatch):
    many = [(f"a{index}", "source", text) for index in range(5) for _, _, text in ITEMS]
    one = extract.new_article_seconds()
    assert extract.work_left(many, tmp_path) == pytest.approx(5 * one)
    assert extract.work_left(many, tmp_path, enough=1.5 * one) == pytest.approx(2 * one)
    # two workers pay off above twice their start-up: decided by 3 articles' work, before 4 and 5
    for start_up, pays_off in ((1.2 * one, True), (2.6 * one, False)):
        monkeypatch.setattr(stages, "WORKER_START_SECONDS", start_up)
        assert stages.extraction_pays_off(many, tmp_path, 2) is pays_off
        assert stages.workers_pay_off(extract.work_left(many, tmp_path), 2) is pays_off
    assert not stages.extraction_pays_off(many, tmp_path, 1)


@pytest.mark.parametrize("workers, work, pays_off", [
    (2, 3.0, False), (2, 8.0, True), (8, 5.0, True), (1, 1000.0, False),
])
def test_workers_pay_off_when_the_work_outlasts_their_start_up(workers, work, pays_off):
    assert stages.workers_pay_off(work, workers) is pays_off


@pytest.mark.parametrize("content", [
    '{"entities": ', "[]", "{}", '{"mentions": 3}', "null",
    json.dumps({"mentions": [{"start": 0, "end": 999, "text": "x", "type": "PERSON", "kind": "name", "key": "k"}],
                "names": {}, "roles": {}, "countries": {}, "descriptions": [], "aliases": {}, "acronyms": {}}),
], ids=["torn", "list", "empty-object", "wrong-field", "null", "offsets-outside-text"])
def test_a_bad_cache_entry_is_extracted_again_and_counted(tmp_path, content):
    extract.extract_batch(ITEMS, tmp_path)
    for path in (tmp_path / "actors").rglob("*.json"):
        path.write_text(content, encoding="utf-8")
    again = extract.extract_batch(ITEMS, tmp_path)
    assert again.cache_rejected == 1 and again.extractor_runs == {"actors": 1}
    assert any(m.text == "Sergey Lavrov" for m in again.extractions[0].entities.mentions)


def test_quotes_whose_text_no_longer_matches_are_extracted_again(tmp_path):
    extract.extract_batch(ITEMS, tmp_path)
    for path in (tmp_path / "quotes").rglob("*.json"):
        quotes = json.loads(path.read_text())
        quotes[0]["text"] = "something else"
        path.write_text(json.dumps(quotes))
    assert extract.extract_batch(ITEMS, tmp_path).cache_rejected == 1


def test_cache_paths_taken_by_folders_cost_a_reextraction_not_the_run(tmp_path):
    extract.extract_batch(ITEMS, tmp_path)
    for path in list(tmp_path.rglob("*.json")) + list(tmp_path.rglob("*.spacy")):
        path.unlink()
        path.mkdir()
    again = extract.extract_batch(ITEMS, tmp_path)
    assert again.parsed == 1 and not again.quarantine


def test_an_extractor_that_fails_quarantines_the_article_and_the_run_goes_on(monkeypatch):
    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setitem(EXTRACTORS, "quotes", dataclasses.replace(EXTRACTORS["quotes"], extract=broken))
    batch = extract.extract_batch(ITEMS, None)
    assert [(row["reason"], row["detail"]) for row in batch.quarantine] == [("extract_error", "quotes: RuntimeError: boom")]
    assert batch.extractions[0].quotes == [] and batch.extractions[0].entities.mentions


def test_very_long_article_is_analysed_in_part_and_says_so(monkeypatch):
    monkeypatch.setattr(extract, "MAX_EXTRACT_CHARS", 60)
    text = "Jens Stoltenberg said the Alliance was ready.\n" * 5
    batch = extract.extract_batch([("a1", "long.txt", text)], None)
    assert [row["reason"] for row in batch.quarantine] == ["extract_truncated"]
    assert all(m.end <= 60 for m in batch.extractions[0].entities.mentions)


@pytest.mark.parametrize("text, sentences", [
    ("WASHINGTON, Jan 26\nThe United States rejected the demands.",
     ["WASHINGTON, Jan 26\n", "The United States rejected the demands."]),
    ("Talks ended without a deal\n\nMinisters will meet again", ["Talks ended without a deal\n\n", "Ministers will meet again"]),
    ("One line with two sentences. Here is the second.", ["One line with two sentences. ", "Here is the second."]),
    ("A line ending in a space \nNext line", ["A line ending in a space \n", "Next line"]),
])
def test_a_line_break_always_starts_a_sentence(text, sentences):
    assert [s.text_with_ws for s in nlp.load_nlp()(text).sents] == sentences


def test_stored_parse_round_trips():
    doc = nlp.load_nlp()("NATO said on Monday it would send troops to Poland.")
    back = nlp.docs_from_bytes(nlp.docs_to_bytes([doc]))[0]
    assert [(t.text, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in back] == \
           [(t.text, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]
    assert [s.text for s in back.sents] == [s.text for s in doc.sents]


@pytest.mark.parametrize("entry_points", [True, False])
def test_stored_parses_do_not_depend_on_srslys_msgpack_hooks(monkeypatch, entry_points):
    """Stored parses are packed and unpacked without srsly's hook registry (nor its scans of installed
    packages for entry points), whatever that registry is set to."""
    doc = nlp.load_nlp()("The Bank of England said on 3 May it would hold rates at 4.5%.")
    stored = nlp.docs_to_bytes([doc])
    for registry in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders):
        monkeypatch.setattr(registry, "entry_points", entry_points)
    assert nlp.docs_to_bytes([doc]) == stored
    assert nlp.docs_from_bytes(stored)[0].to_json() == doc.to_json()


STORED_PARSE_TEXTS = [
    "", " ", "\n\n", "_", "Ms_Smith wrote _ and __init__.",
    "The Bank of England said on 3 May it would hold rates at 4.5%.\nMr Carney agreed.",
    "\"We will not back down,\" said Nicolas Sarkozy in Paris on Tuesday, as the EU's talks stalled.",
]


@pytest.mark.parametrize("texts", [[text] for text in STORED_PARSE_TEXTS] + [STORED_PARSE_TEXTS])
def test_a_stored_parse_is_spacys_docbin_message(texts):
    """The faster DocBin stores the message spaCy's DocBin would (strings, arrays, flags), reads
    spaCy's back, and spaCy's DocBin reads it back: the same Docs either way."""
    docs = list(nlp.load_nlp().pipe(texts))
    stock = DocBin(attrs=nlp.DOC_ATTRS, docs=docs, store_user_data=False).to_bytes()
    ours = nlp.docs_to_bytes(docs)
    assert zlib.decompress(ours) == zlib.decompress(stock)
    expected = [doc.to_json() for doc in docs]
    assert [doc.to_json() for doc in nlp.docs_from_bytes(stock)] == expected
    assert [doc.to_json() for doc in DocBin().from_bytes(ours).get_docs(nlp.load_nlp().vocab)] == expected
    assert [[str(token.morph) for token in doc] for doc in nlp.docs_from_bytes(ours)] == \
           [[str(token.morph) for token in doc] for doc in docs]


def test_a_warm_up_reads_what_the_extractors_load_on_first_use():
    lexicon.verb_entry.cache_clear()
    extract.warm_up()
    assert lexicon.verb_entry.cache_info().currsize > 0  # the petrarch2 dictionary (events/verbs.json) is read


def test_the_parse_version_names_the_pipeline_the_model_loads_as():
    # parse_version reads the model's meta.json instead of loading it: it must describe what load_nlp builds
    loaded = nlp.load_nlp()
    assert tuple(loaded.pipe_names) == nlp.PIPELINE
    meta = loaded.meta
    assert nlp.parse_version() == hashlib.sha256(
        f"{meta['name']}-{meta['version']}-{','.join(loaded.pipe_names)}-{spacy.__version__}".encode()
        + Path(nlp.__file__).read_bytes()).hexdigest()[:16]
