"""The pipeline over a raw folder of hostile inputs (tests/hostile_corpus.py).

Every input path must end up in articles.source or quarantine.source (a page with no article
in both: an empty-body article and the row saying why), with the outcome and reason its
expectation names: nothing lost, nothing counted twice, no crash.
The stage functions run without Prefect; the real Prefect flow runs once on the same folder
and must publish byte-identical tables.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from hostile_corpus import (LARGE_FILE_BYTES, LARGE_FILE_NAME, LONG_FILE_LINES, LONG_FILE_NAME, OUTSIDE_SECRET,
                            JAPANESE_WORD, SCRIPT_MARKER, SPARSE_FILE_BYTES, SPARSE_FILE_NAME, STYLE_MARKER, Expect, account,
                            apply_races, iter_expectations, prepare_races, run_stages)
from newswire import ingest, release
from newswire.ingest import RawDocument, read_document
from newswire.structure import body_text, structure

# Rejections of files that were opened: they carry the file's size and hash.
READ_REASONS = {"empty", "binary", "undecodable", "garbled", "unsupported_type", "too_large", "no_content"}


@pytest.fixture(scope="module")
def stage_tables(hostile_corpus) -> dict[str, pd.DataFrame]:
    raw_dir, _ = hostile_corpus
    return run_stages(raw_dir, races=True)


@pytest.fixture(scope="module")
def rows(stage_tables) -> dict[str, dict]:
    return {row["source"]: row for row in stage_tables["articles"].to_dict("records")}


def _failures_message(failures: list[str]) -> str:
    return "\n".join(failures)


def test_every_input_is_accounted_for_exactly_once(hostile_corpus, stage_tables):
    _, expected = hostile_corpus
    result = account(stage_tables, expected)
    assert not result.lost, f"lost: {result.lost}"
    assert not result.counted_twice, f"counted twice: {result.counted_twice}"
    assert not result.unexpected, f"sources no input explains: {result.unexpected}"
    assert not result.crashes, f"caught crashes: {result.crashes}"
    assert not result.mismatched, _failures_message(result.mismatched)
    assert result.accounted == len(expected)
    both = sum(expect.empty_body for expect in expected.values())
    assert len(stage_tables["articles"]) + len(stage_tables["quarantine"]) == len(expected) + both


def test_quarantine_rows_say_why_and_identify_the_file(hostile_corpus, stage_tables):
    _, expected = hostile_corpus
    for row in stage_tables["quarantine"].itertuples():
        assert row.detail.strip(), row
        if expected[row.source].reason in READ_REASONS:
            assert row.file_hash and len(row.file_hash) == 64 and row.size is not pd.NA, row
    no_content = stage_tables["quarantine"].set_index("source").loc["boilerplate_only.txt"]
    assert json.loads(no_content["payload"])["removed_lines"][:3] == ["Related Articles", "Back to top button",
                                                                      "Follow us on Twitter"]


def test_published_articles_have_the_expected_encoding_format_and_text(hostile_corpus, rows):
    _, expected = hostile_corpus
    failures = []
    for source, expect in iter_expectations(expected, "published"):
        row = rows[source]
        if expect.encoding and row["encoding"] != expect.encoding:
            failures.append(f"{source!r}: encoding {row['encoding']!r}, expected {expect.encoding!r}")
        if row["format"] != expect.format:
            failures.append(f"{source!r}: format {row['format']!r}, expected {expect.format!r}")
        failures += [f"{source!r}: text lacks {s[:60]!r}" for s in expect.contains if s not in row["text"]]
        every_column = " ".join(str(v) for v in row.values())
        failures += [f"{source!r}: {s!r} found in the row" for s in expect.absent if s in every_column]
        if expect.empty_body and row["text"] != "":
            failures.append(f"{source!r}: no article in it, but published with text {row['text'][:60]!r}")
        if "\r" in row["text"] or "\x00" in row["text"]:
            failures.append(f"{source!r}: text keeps a CR or NUL")
    assert not failures, _failures_message(failures)


def _from_seed(seeds_dir: Path, seed: str) -> tuple[str | None, str, list[str]]:
    """(title, text, removed lines) of a seed read as the UTF-8 original."""
    article = structure(read_document(seeds_dir / seed, seed))
    return article.title, body_text(article), sorted(r.line.text for r in article.removed)


def test_every_encoding_decodes_to_the_same_text_as_the_utf8_original(hostile_corpus, stage_tables, rows, seeds_dir):
    _, expected = hostile_corpus
    boilerplate = stage_tables["boilerplate"]
    checked = 0
    for source, expect in iter_expectations(expected, "published"):
        if expect.same_text_as is None:
            continue
        row = rows[source]
        title, text, removed = _from_seed(seeds_dir, expect.same_text_as)
        assert row["title"] == title, source
        assert row["text"] == text, source  # byte for byte, once encoded back to UTF-8
        assert row["text"].encode("utf-8") == text.encode("utf-8")
        assert sorted(boilerplate.loc[boilerplate["article_id"] == row["article_id"], "text"]) == removed, source
        checked += 1
    assert checked == 5


def test_cp1252_smart_quotes_and_latin1_accents_decode_to_the_right_characters(stage_tables, rows):
    cp1252 = rows["cp1252_quotes.txt"]["text"]
    assert "\u201cThere is no change, there will be no change,\u201d said" in cp1252
    assert "Alliance\u2019s open door policy" in cp1252
    for mojibake in ("\u00e2\u20ac", "\x93", "\x94", "\x92", "\ufffd"):
        assert mojibake not in cp1252
    removed = stage_tables["boilerplate"]
    latin1_lines = " ".join(removed.loc[removed["article_id"] == rows["latin1.txt"]["article_id"], "text"])
    assert "Escuadr\u00f3n de Puerto A\u00e9reo" in latin1_lines  # a caption, removed as boilerplate but decoded right
    assert "436\u00ba" in latin1_lines


def test_utf16_keeps_cyrillic_and_curly_quotes(rows, stage_tables):
    row = rows["utf16le_bom.txt"]
    assert row["title"] == "Moscow gets \u2018written response\u2019 it demanded from US and NATO"
    removed = stage_tables["boilerplate"]
    lines = " ".join(removed.loc[removed["article_id"] == row["article_id"], "text"])
    assert "\u0414\u0430\u0439\u0434\u0436\u0435\u0441\u0442" in lines  # "Дайджест": Russian chrome, removed, decoded right


def test_world_encodings_are_published_with_their_encoding_and_a_note(rows, stage_tables):
    for source in ("ru_cp1251.txt", "ru_koi8r.txt", "ru_utf16le_no_bom.txt", "ru_utf32le_no_bom.txt", "ja_shift_jis.txt",
                   "ja_en_shift_jis.txt", "en_with_ru_cp1251.txt"):
        row = rows[source]
        assert row["decode_note"] and 0.8 <= row["encoding_confidence"] <= 1.0, source
        assert "\ufffd" not in row["text"] and "\u00d0" not in row["text"], source  # no replacement, no mojibake
    assert rows["ru_cp1251.txt"]["language"] == "ru" and rows["ja_shift_jis.txt"]["language"] == "ja"
    removed = stage_tables["boilerplate"]
    japanese = " ".join(removed.loc[removed["article_id"] == rows["ja_en_shift_jis.txt"]["article_id"], "text"])
    assert JAPANESE_WORD in japanese  # removed as foreign-language chrome, but decoded right
    for source in ("utf8_damaged.txt", "mixed_utf8_cp1252.txt"):
        assert rows[source]["decode_note"] and rows[source]["encoding_confidence"] < 1.0, source
    assert "replaced with U+FFFD" in rows["utf8_damaged.txt"]["decode_note"]
    assert "\u00e2\u20ac" not in rows["mixed_utf8_cp1252.txt"]["text"]  # no "â€œ" mojibake of a curly quote
    # certain Unicode carries no note
    assert pd.isna(rows["with spaces in name.txt"]["decode_note"]) and rows["with spaces in name.txt"]["encoding_confidence"] == 1.0


def test_nfc_and_nfd_twins_of_a_name_are_two_sources(rows):
    nfc, nfd = unicodedata.normalize("NFC", "caf\u00e9.txt"), unicodedata.normalize("NFD", "caf\u00e9.txt")
    assert nfc != nfd and nfc in rows and nfd in rows and rows[nfc]["article_id"] != rows[nfd]["article_id"]


def test_the_sparse_5gb_file_is_rejected_by_its_size(stage_tables):
    row = stage_tables["quarantine"].set_index("source").loc[SPARSE_FILE_NAME]
    assert (row["reason"], row["size"]) == ("too_large", SPARSE_FILE_BYTES)
    assert row["file_hash"] == hashlib.sha256(b"\0" * ingest.TOO_LARGE_HASHED_BYTES).hexdigest()


def test_invalid_utf8_byte_is_replaced_not_fatal(rows):
    text = rows["invalid_utf8.txt"]["text"]
    assert text.count("\ufffd") == 1
    assert "\u00e2\u20ac" not in text  # no cp1252 mojibake of the valid curly quotes
    assert any(ch in text for ch in "\u201c\u201d\u2019")


def test_html_keeps_the_paragraphs_and_drops_script_and_style(rows):
    row = rows["page.html"]
    assert row["title"] == "Allies answer Moscow in HTML"
    for marker in (SCRIPT_MARKER, STYLE_MARKER, "document.write", "Home | World"):
        assert marker not in row["text"]


def test_the_same_article_under_two_names_is_kept_once_as_canonical(rows, stage_tables):
    a, b = rows["dup_a.txt"], rows["dup_b.txt"]
    assert a["text"] == b["text"] and a["article_id"] != b["article_id"]
    assert pd.isna(a["duplicate_of"])
    assert b["duplicate_of"] == a["article_id"] and b["similarity"] == 1.0
    others = stage_tables["articles"][~stage_tables["articles"]["source"].isin(["dup_a.txt", "dup_b.txt"])]
    assert others["duplicate_of"].isna().all(), "only the planted pair may be duplicates"


def test_awkward_names_are_kept_verbatim_as_sources(rows, stage_tables):
    for source in ("with spaces in name.txt", "new\nline.txt", "\u0441\u0442\u0430\u0442\u044c\u044f \u00fc.txt",
                   "-rf.txt", "no_extension", "dir.txt/inside.txt"):
        assert source in rows, source
    bad = stage_tables["quarantine"].set_index("source").loc["bad-\\xff-name.txt"]
    assert bad["reason"] == "bad_name"


def test_symlinks_are_not_followed(stage_tables):
    for table in stage_tables.values():
        for column in table.columns:
            if table[column].dtype == "str" or table[column].dtype == object:
                assert not table[column].astype(str).str.contains(OUTSIDE_SECRET, regex=False).any(), column
    quarantine = stage_tables["quarantine"].set_index("source")
    assert "outside the raw folder" in quarantine.loc["outside_link.txt", "detail"]
    assert "outside the raw folder" in quarantine.loc["outside_dir_link", "detail"]
    assert "inside the raw folder" in quarantine.loc["inside_link.txt", "detail"]
    assert not any(source.startswith("outside_dir_link/") for source in quarantine.index)


def test_the_100k_line_file_keeps_its_paragraphs_and_drops_the_blank_lines(hostile_corpus, rows):
    raw_dir, expected = hostile_corpus
    assert (raw_dir / LONG_FILE_NAME).read_bytes().count(b"\n") == LONG_FILE_LINES
    assert rows[LONG_FILE_NAME]["text"] == "\n".join(expected[LONG_FILE_NAME].contains)


def test_the_50mb_file_is_quarantined_without_being_read_whole(hostile_corpus, stage_tables, monkeypatch):
    raw_dir, _ = hostile_corpus
    path = raw_dir / LARGE_FILE_NAME
    row = stage_tables["quarantine"].set_index("source").loc[LARGE_FILE_NAME]
    assert (row["reason"], row["size"]) == ("too_large", LARGE_FILE_BYTES)

    def refuse(*args):
        raise AssertionError("a too-large file was read")

    monkeypatch.setattr(ingest.os, "read", refuse)
    rejection = read_document(path, LARGE_FILE_NAME)
    assert isinstance(rejection, ingest.Rejection) and rejection.reason == "too_large"
    # Only a bounded prefix is hashed, and the row says so.
    with path.open("rb") as handle:
        prefix = handle.read(ingest.TOO_LARGE_HASHED_BYTES)
    assert rejection.file_hash == row["file_hash"] == hashlib.sha256(prefix).hexdigest()
    assert f"first {ingest.TOO_LARGE_HASHED_BYTES} bytes only" in row["detail"]


def test_nothing_is_quarantined_by_validation(stage_tables):
    assert (stage_tables["quarantine"]["stage"] != "validate").all()


def test_the_real_prefect_flow_publishes_the_same_tables(hostile_corpus, stage_tables, prefect_harness, tmp_path,
                                                        monkeypatch):
    from flows.pipeline import release_flow
    from newswire import stages

    raw_dir, expected = hostile_corpus
    discover_inputs = stages.discover_inputs

    def discover_then_race(raw: Path):
        found = discover_inputs(raw)
        apply_races(raw)
        return found

    monkeypatch.setattr(stages, "discover_inputs", discover_then_race)
    try:
        summary = release_flow(raw_dir=str(raw_dir), out_dir=str(tmp_path / "processed"), batch_size=7, progress=False)
    finally:
        prepare_races(raw_dir)
    assert summary.created
    release_dir = Path(summary.release_path)
    assert release.latest_release(tmp_path / "processed") == release_dir
    published = {table: pd.read_parquet(release_dir / f"{table}.parquet") for table in ("articles", "quarantine")}
    result = account(published, expected)
    assert result.ok, (result.lost, result.counted_twice, result.unexpected, result.mismatched, result.crashes)
    assert summary.counts["ingest"]["paths"] == len(expected)
    assert summary.counts["dedupe"]["duplicates"] == 1
    assert summary.counts["extract"]["failed"] == 0
    # Byte-identical to what the stages give without Prefect (batches of 7 change nothing).
    manifest = release.read_manifest(release_dir)
    for table, df in stage_tables.items():
        release.write_table(df, table, tmp_path / f"{table}.parquet")
        assert release.sha256_path(tmp_path / f"{table}.parquet") == manifest["tables"][table]["sha256"], table
    # The manifest lists every input path, with the file hash of every one that was read.
    files = manifest["inputs"]["files"]
    assert set(files) == set(expected)
    read = {s for s, e in expected.items() if e.published or e.reason in READ_REASONS}
    assert {s for s, digest in files.items() if digest} == read


def _expectations_cover_every_case(expected: dict[str, Expect]) -> set[str]:
    return {e.reason for e in expected.values() if e.reason}


def test_the_corpus_covers_every_rejection_reason(hostile_corpus):
    _, expected = hostile_corpus
    assert _expectations_cover_every_case(expected) == {
        "empty", "binary", "undecodable", "garbled", "too_large", "unsupported_type", "symlink", "not_a_file",
        "bad_name", "no_content", "replaced", "vanished"}


def _tables(published: list[str], quarantined: list[tuple[str, str, str]]) -> dict[str, pd.DataFrame]:
    return {"articles": pd.DataFrame({"source": published}),
            "quarantine": pd.DataFrame({"source": [s for s, _, _ in quarantined], "stage": [t for _, t, _ in quarantined],
                                        "reason": [r for _, _, r in quarantined],
                                        "detail": ["why"] * len(quarantined)})}


def test_accounting_counts_an_empty_page_published_and_quarantined_once():
    from hostile_corpus import published, published_empty, quarantined

    expected = {"a.txt": published(), "home.html": published_empty(format="html"), "bin.txt": quarantined("binary")}
    result = account(_tables(["a.txt", "home.html"], [("home.html", "structure", "no_content"),
                                                     ("bin.txt", "ingest", "binary")]), expected)
    assert result.ok and result.accounted == 3


def test_accounting_finds_lost_twice_and_wrong_outcomes():
    from hostile_corpus import published, published_empty

    expected = {"a.txt": published(), "b.txt": published(), "home.html": published_empty(), "c.txt": published()}
    result = account(_tables(["a.txt", "a.txt", "home.html", "c.txt"], [("c.txt", "structure", "no_content")]), expected)
    assert result.lost == ["b.txt"]
    assert result.counted_twice == ["a.txt"]
    assert len(result.mismatched) == 2  # home.html lacks its quarantine row; c.txt has text and a quarantine row
    assert result.accounted == 3


def test_two_empty_pages_are_not_duplicates_of_each_other():
    from newswire import stages

    pages = [structure(RawDocument(f"home{i}.html", 10, "0" * 64, "utf-8", "html",
                                   "<html><head><title>Home</title></head><body><ul>"
                                   + "".join(f"<li><a>Section {n}</a></li>" for n in range(30)) + "</ul></body></html>"))
             for i in range(2)]
    corpus = stages.clean_corpus(pages)
    assert [body_text(a) for a in corpus.articles] == ["", ""]
    assert corpus.links == {}
    assert [row["reason"] for row in corpus.quarantine] == ["no_content", "no_content"]
    articles = stages.spine_tables(corpus, [])["articles"]
    assert list(articles["text"]) == ["", ""] and list(articles["title"]) == ["Home", "Home"]
    assert stages.extraction_inputs(articles) == []
