"""newswire.ingest: decoding per encoding, per-file outcomes, discovery; properties with hypothesis."""

from __future__ import annotations

import codecs
import os
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from newswire import ingest
from newswire.ingest import (BinaryData, DecodeError, Garbled, RawDocument, Rejection, decode_bytes, discover,
                             normalise_text, read_document)

SEED = "002_938be92725bdc9c3.txt"  # curly quotes, apostrophes, an en dash
PROPERTY = settings(max_examples=100, deadline=None)


@pytest.fixture(scope="module")
def seed(seeds_dir) -> str:
    return (seeds_dir / SEED).read_text(encoding="utf-8")


# --- decode_bytes, one encoding at a time ------------------------------------------------------

@pytest.mark.parametrize(("encode", "encoding", "certain"), [
    (lambda t: t.encode("utf-8"), "utf-8", True),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8 with BOM", True),
    (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16", True),
    (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16", True),
    (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32", True),
    (lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"), "utf-32", True),
    (lambda t: t.encode("utf-16-le"), "utf-16", False),
    (lambda t: t.encode("utf-16-be"), "utf-16", False),
    (lambda t: t.encode("utf-32-le"), "utf-32", False),
    (lambda t: t.encode("cp1252"), "cp1252", False),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom", "utf16le", "utf16be", "utf32le",
        "cp1252"])
def test_decode_bytes_reads_each_encoding_back_exactly(seed, encode, encoding, certain):
    decoded = decode_bytes(encode(seed))
    assert (decoded.text, decoded.encoding) == (seed, encoding)
    # Only what a BOM or valid UTF-8 makes certain goes without a note and full confidence.
    assert (decoded.note is None) == certain
    assert decoded.confidence == 1.0 if certain else 0.8 <= decoded.confidence <= 1.0


# News in the encodings of the world's archives: each must come back exactly, with its name.
RUSSIAN = ("Министр иностранных "
           "дел России Сергей Лавров "
           "заявил в среду, что ответ "
           "США не содержит положительного "
           "ответа на главный вопрос.\n"
           "Это важно для безопасности "
           "Европы, сказал он журналистам.\n")
JAPANESE = ("岸田文雄首相は水曜日、ロシアとの対話を"
            "続ける考えを示した。外務省によると、"
            "日本政府は欧米と連携して対応する方針だ。\n"
            "記者会見で首相は「緊張緩和が重要だ」と"
            "述べた。\n")


@pytest.mark.parametrize(("text", "codec", "encoding"), [
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8-r"),
    (RUSSIAN, "utf-16-le", "utf-16"),
    (RUSSIAN, "utf-32-be", "utf-32"),
    (JAPANESE, "shift_jis", "cp932"),
    (JAPANESE + "Kishida spoke to reporters in Tokyo on Wednesday.\n" * 3, "shift_jis", "cp932"),
    (JAPANESE, "utf-16-le", "utf-16"),
], ids=["ru-cp1251", "ru-koi8r", "ru-utf16le", "ru-utf32be", "ja-sjis", "ja-en-sjis", "ja-utf16le"])
def test_legacy_and_bomless_encodings_of_real_news_are_read(text, codec, encoding):
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert decoded.note and decoded.confidence >= 0.8


def test_english_with_a_few_russian_words_in_cp1251_is_not_mojibake(seed):
    text = seed[:1500] + "\nThe daily Известия called it «ответ без ответа».\n"
    decoded = decode_bytes(text.encode("cp1251", errors="replace"))
    assert decoded.encoding == "cp1251" and "Известия" in decoded.text
    assert "cp1251" in decoded.note


def test_a_file_mixing_utf8_and_cp1252_lines_is_repaired_line_by_line(seed):
    lines = [line for line in seed.split("\n") if line]
    text = "\n".join(lines)
    data = b"\n".join(line.encode("utf-8" if i % 2 else "cp1252") for i, line in enumerate(lines))
    assert not data.decode("utf-8", errors="ignore") == text  # really mixed
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, "utf-8")
    assert "read as cp1252" in decoded.note and decoded.confidence > 0.9


def test_a_utf8_file_with_cp1251_lines_decodes_those_lines_as_cp1251(seed):
    english = seed[:600]
    decoded = decode_bytes(english.encode("utf-8") + b"\n" + RUSSIAN.encode("cp1251"))
    assert decoded.text == english + "\n" + RUSSIAN and decoded.encoding == "utf-8"
    assert "line(s) decoded as cp1251" in decoded.note


def test_cp1252_smart_quotes_decode_to_curly_quotes():
    decoded = decode_bytes(b"\x93There is no change,\x94 he said. Russia\x92s reply \x96 soon.")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "\u201cThere is no change,\u201d he said. Russia\u2019s reply \u2013 soon."


def test_latin1_accents_decode_as_cp1252_which_agrees_on_them():
    decoded = decode_bytes("Escuadr\u00f3n de Puerto A\u00e9reo, 436\u00ba".encode("latin-1"))
    assert (decoded.text, decoded.encoding) == ("Escuadr\u00f3n de Puerto A\u00e9reo, 436\u00ba", "cp1252")


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1():
    # 0x81 has no cp1252 character; one stray control in real-length text is not "binary"
    decoded = decode_bytes(b"caf\xe9 \x81 na\xefve " + b"plain words " * 20)
    assert (decoded.text, decoded.encoding) == ("caf\u00e9 \x81 na\u00efve " + "plain words " * 20, "latin-1")


def test_one_bad_byte_in_long_utf8_text_is_replaced(seed):
    data = seed.encode("utf-8")
    decoded = decode_bytes(data[:2000] + b"\xff" + data[2000:])
    assert decoded.encoding == "utf-8" and "1 invalid" in decoded.note and decoded.confidence < 1.0
    assert decoded.text.replace("\ufffd", "", 1) == seed


def test_one_bad_byte_in_a_short_article_does_not_turn_it_into_mojibake():
    # Regression: with only a ratio (1 bad per 1000 characters), a short article with one
    # damaged byte was decoded as cp1252/latin-1: every curly quote became "\u00e2\u0080\u009c".
    decoded = decode_bytes("Blinken said \u201cyes\u201d and left.".encode("utf-8") + b"\xe2\x80")  # truncated download
    assert (decoded.text, decoded.encoding) == ("Blinken said \u201cyes\u201d and left.\ufffd", "utf-8") and decoded.note


def test_utf8_with_cp1252_quotes_pasted_in_keeps_both():
    data = "caf\u00e9".encode("utf-8") + b" he said, \x93a\x94 and \x93b\x94 then \x93c\x94 today"
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == ("caf\u00e9 he said, \u201ca\u201d and \u201cb\u201d then \u201cc\u201d today",
                                                "utf-8")
    assert "6 stray byte(s)" in decoded.note


@pytest.mark.parametrize("share", [0.002, 0.01])
def test_utf8_with_some_damage_is_published_with_a_note_and_lower_confidence(seed, share):
    data = bytearray(seed.encode("utf-8"))
    for position in range(50, len(data), int(1 / share)):
        data[position] = 0xFF
    decoded = decode_bytes(bytes(data))
    assert decoded.encoding == "utf-8" and "replaced with U+FFFD" in decoded.note
    assert 0.9 < decoded.confidence < 1.0


def test_utf8_damaged_beyond_use_is_garbled(seed):
    data = bytearray(seed.encode("utf-8"))
    for position in range(7, len(data), 25):  # 4 % of the bytes
        data[position] = 0xFF
    with pytest.raises(Garbled) as raised:
        decode_bytes(bytes(data))
    assert raised.value.reason == "garbled" and "could not be decoded" in str(raised.value)


def test_random_high_bytes_are_not_believed_as_single_byte_text():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(0xA0, 0x100)) * 4)


def test_nul_bytes_outside_utf16_are_binary():
    with pytest.raises(BinaryData) as raised:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert raised.value.reason == "binary"


def test_a_bom_over_bytes_that_are_not_that_encoding_is_undecodable():
    with pytest.raises(DecodeError) as raised:
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")  # lone surrogate, odd length
    assert raised.value.reason == "undecodable" and not isinstance(raised.value, BinaryData)


# --- normalise_text --------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ("a\r\nb\rc\nd", "a\nb\nc\nd"),
    ("a\u2028b\u2029c", "a\nb\nc"),
    ("trailing  \t\nspace ", "trailing\nspace"),
    ("nu\x00l", "nul"),
    ("cafe\u0301", "caf\u00e9"),
    ("e\x00\u0301", "\u00e9"),  # regression: NUL removed after NFC left "e\u0301"
])
def test_normalise_text(raw, clean):
    assert normalise_text(raw) == clean


# --- read_document: one outcome per file ------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \r\n\t \n", "empty"),
    ("blank16.txt", "\ufeff \n".encode("utf-16"), "empty"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("controls.txt", b"title\n" + bytes(range(1, 9)) * 50, "binary"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "undecodable"),
    ("paper.pdf", b"%PDF-1.4\n", "unsupported_type"),
    ("IMAGE.PNG", b"\x89PNG", "unsupported_type"),
])
def test_read_document_rejects_with_a_reason(tmp_path, name, data, reason):
    result = read_document(_write(tmp_path, name, data), name)
    assert isinstance(result, Rejection)
    assert (result.source, result.reason, result.size) == (name, reason, len(data))
    assert result.file_hash == ingest.sha256_bytes(data) and result.detail


def test_read_document_rejects_a_large_file_by_size_alone_hashing_a_prefix(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_ARTICLE_BYTES", 1000)
    monkeypatch.setattr(ingest, "TOO_LARGE_HASHED_BYTES", 100)
    path = _write(tmp_path, "big.txt", b"word " * 1000)
    monkeypatch.setattr(os, "read", lambda fd, n: pytest.fail("read"))
    result = read_document(path, "big.txt")
    assert (result.reason, result.size) == ("too_large", 5000)
    assert result.file_hash == ingest.sha256_bytes(b"word " * 20)
    assert "first 100 bytes only" in result.detail


def test_a_sparse_5gb_file_is_rejected_at_once(tmp_path):
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:
        handle.truncate(5 * 1024**3)
    started = time.perf_counter()
    result = read_document(path, "sparse.txt")
    assert result.reason == "too_large" and result.size == 5 * 1024**3
    assert time.perf_counter() - started < 2  # ~200 s when the whole file was hashed


def test_read_document_reports_an_unreadable_path(tmp_path, monkeypatch):
    path = _write(tmp_path, "locked.txt", b"text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    result = read_document(path, "locked.txt")
    assert isinstance(result, Rejection) and result.reason == "unreadable" and result.file_hash is None
    assert "Permission denied" in result.detail


def test_a_folder_where_a_file_was_is_not_a_file(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    result = read_document(tmp_path / "folder.txt", "folder.txt")
    assert isinstance(result, Rejection) and result.reason == "not_a_file" and result.file_hash is None


# --- paths swapped between discovery and reading (TOCTOU) --------------------------------------

def _discovered(raw: Path, name: str) -> ingest.DiscoveredFile:
    [found] = [item for item in discover(raw) if not isinstance(item, Rejection) and item.source == name]
    return found


def test_a_file_swapped_for_a_fifo_after_discovery_is_not_read_and_does_not_hang(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw, "a.txt", b"An article.")
    found = _discovered(raw, "a.txt")
    (raw / "a.txt").unlink()
    os.mkfifo(raw / "a.txt")  # nobody ever writes to it: a blocking open would wait forever
    result = read_document(*found)
    assert isinstance(result, Rejection) and result.reason == "not_a_file"


def test_a_file_swapped_for_a_symlink_after_discovery_is_not_followed(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside.txt"
    raw.mkdir()
    outside.write_text("A secret from outside the raw folder.")
    _write(raw, "a.txt", b"An article.")
    found = _discovered(raw, "a.txt")
    (raw / "a.txt").unlink()
    os.symlink(outside, raw / "a.txt")
    result = read_document(*found)
    assert isinstance(result, Rejection) and result.reason == "symlink" and "secret" not in result.detail


def test_a_folder_swapped_for_a_symlink_after_discovery_is_caught_by_the_inode_check(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    (raw / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "a.txt").write_text("A secret from outside the raw folder.")
    _write(raw / "sub", "a.txt", b"An article.")
    found = _discovered(raw, "sub/a.txt")
    (raw / "sub" / "a.txt").unlink()
    (raw / "sub").rmdir()
    os.symlink(outside, raw / "sub")  # O_NOFOLLOW guards only the last component
    result = read_document(*found)
    assert isinstance(result, Rejection) and result.reason == "replaced"


def test_a_file_replaced_by_another_after_discovery_is_not_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw, "a.txt", b"An article.")
    found = _discovered(raw, "a.txt")
    _write(tmp_path, "other.txt", b"Another text.")
    os.replace(tmp_path / "other.txt", raw / "a.txt")
    assert read_document(*found).reason == "replaced"


def test_a_file_deleted_after_discovery_is_reported_as_vanished(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw, "a.txt", b"An article.")
    found = _discovered(raw, "a.txt")
    (raw / "a.txt").unlink()
    result = read_document(*found)
    assert (result.reason, result.source) == ("vanished", "a.txt") and "disappeared" in result.detail


def test_a_file_that_grows_while_it_is_read_is_not_published_half_written(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    path = _write(raw, "a.txt", b"First paragraph of an article.\n" * 10)
    found = _discovered(raw, "a.txt")
    real_read = os.read

    def read_while_a_writer_appends(fd, size):
        chunk = real_read(fd, size)
        with path.open("ab") as writer:
            writer.write(b"More text arriving.\n")
        return chunk

    monkeypatch.setattr(os, "read", read_while_a_writer_appends)
    result = read_document(*found)
    assert isinstance(result, Rejection) and result.reason == "changing" and "run again" in result.detail


@pytest.mark.parametrize(("name", "kind"), [("a.txt", "text"), ("b.HTML", "html"), ("c.htm", "html"),
                                            ("no_suffix", "text"), ("d.text", "text")])
def test_read_document_decodes_and_normalises(tmp_path, name, kind):
    data = codecs.BOM_UTF8 + "Title\r\n\r\nCaf\u0065\u0301 \u201cquoted\u201d.  \r\n".encode("utf-8")
    result = read_document(_write(tmp_path, name, data), name)
    assert isinstance(result, RawDocument)
    assert (result.kind, result.encoding, result.size) == (kind, "utf-8 with BOM", len(data))
    assert result.text == "Title\n\nCaf\u00e9 \u201cquoted\u201d.\n"
    assert result.file_hash == ingest.sha256_bytes(data)


def test_read_document_keeps_the_decode_note(tmp_path):
    data = "\u201cShort\u201d article.".encode("utf-8") + b"\xff"
    result = read_document(_write(tmp_path, "bad.txt", data), "bad.txt")
    assert result.text.endswith("\ufffd") and "replaced" in result.decode_note


# --- discover and ingest ------------------------------------------------------------------------

def test_discover_yields_every_path_once_and_follows_no_symlink(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    (raw / "sub dir" / "deeper").mkdir(parents=True)
    (raw / "dir.txt").mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    for name in ("b.txt", "a.txt", "-rf.txt", "new\nline.txt", "\u0441\u0442\u0430\u0442\u044c\u044f \u00fc.txt",
                 "sub dir/c.txt", "sub dir/deeper/d.txt", "dir.txt/e.txt"):
        (raw / name).write_text("text")
    os.symlink(outside / "secret.txt", raw / "out.txt")
    os.symlink(outside, raw / "out_dir")
    os.symlink("a.txt", raw / "in.txt")
    os.symlink("sub dir", raw / "in_dir")
    os.symlink("missing.txt", raw / "dangling.txt")
    os.mkfifo(raw / "fifo.txt")
    (raw / os.fsdecode(b"latin1-\xe9.txt")).write_text("text")

    found = list(discover(raw))
    files = [item[1] for item in found if not isinstance(item, Rejection)]
    rejected = {item.source: item for item in found if isinstance(item, Rejection)}
    assert sorted(files) == sorted(["-rf.txt", "a.txt", "b.txt", "dir.txt/e.txt", "new\nline.txt",
                                    "sub dir/c.txt", "sub dir/deeper/d.txt",
                                    "\u0441\u0442\u0430\u0442\u044c\u044f \u00fc.txt"])
    assert {s: r.reason for s, r in rejected.items()} == {
        "out.txt": "symlink", "out_dir": "symlink", "in.txt": "symlink", "in_dir": "symlink",
        "dangling.txt": "symlink", "fifo.txt": "not_a_file", "latin1-\\xe9.txt": "bad_name"}
    assert "outside" in rejected["out.txt"].detail and "inside" in rejected["in.txt"].detail
    for item in found:
        path = item[0] if not isinstance(item, Rejection) else None
        assert path is None or path.is_file() and not path.is_symlink()


def test_ingest_gives_one_result_per_path_in_order(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "b.txt").write_text("Second article.")
    (raw / "a.txt").write_text("First article.")
    (raw / "c.pdf").write_bytes(b"%PDF")
    results = list(ingest.ingest(raw))
    assert [r.source for r in results] == ["a.txt", "b.txt", "c.pdf"]
    assert [type(r) for r in results] == [RawDocument, RawDocument, Rejection]


def test_ingest_refuses_a_missing_raw_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(ingest.ingest(tmp_path / "nope"))
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileNotFoundError):
        list(ingest.ingest(tmp_path / "file"))


# --- properties ------------------------------------------------------------------------------------

_BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
hostile_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda bom, body: bom + body, st.sampled_from(_BOMS), st.binary(max_size=600)),
    st.builds(lambda text, codec: text.encode(codec, errors="ignore"), st.text(max_size=200),
              st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"])),
    st.builds(lambda text, junk, at: text.encode()[:at] + junk + text.encode()[at:],
              st.text(max_size=200), st.binary(min_size=1, max_size=4), st.integers(0, 400)),
)


@PROPERTY
@given(hostile_bytes)
@example(b"\xff\xfe\x00\x00\x00")  # UTF-32 BOM, truncated
@example(b"\xef\xbb\xbf\xff")  # UTF-8 BOM, then invalid
@example(b"\x00" * 8)
def test_decode_bytes_only_returns_text_or_raises_decode_error(data):
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        assert error.reason in ("binary", "undecodable", "garbled") and str(error)
        return
    assert isinstance(decoded.text, str) and isinstance(decoded.encoding, str)
    assert decoded.note is None or isinstance(decoded.note, str)
    assert 0.0 <= decoded.confidence <= 1.0
    decoded.text.encode("utf-8")  # no lone surrogates: every later stage hashes and writes it as UTF-8


# Few symbols, so that line breaks, NUL, BOM, combining marks and Hangul jamo meet often.
_newline_soup = st.lists(st.sampled_from(["e", "\x00", "\u0301", "\r", "\n", " ", "\ufeff", "\u2028", "\u1100",
                                          "\u1161"]), max_size=30).map("".join)


@PROPERTY
@given(st.one_of(st.text(max_size=300), _newline_soup))
@example("e\x00\u0301")  # regression: NUL removed after NFC left a decomposed "e\u0301"
@example("\u1100\ufeff\u1161")
def test_normalise_text_is_idempotent_nfc_and_leaves_no_cr_or_nul(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\x00" not in once
    assert unicodedata.is_normalized("NFC", once)
    assert all(line == line.rstrip() for line in once.split("\n"))


_no_nul_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300)


@PROPERTY
@given(_no_nul_text, st.sampled_from(["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32"]))
def test_unicode_encodings_round_trip(text, codec):
    assume(not (codec == "utf-8" and text.startswith("\ufeff")))  # that text *starts with* a UTF-8 BOM
    data = {
        "utf-8": lambda: text.encode("utf-8"),
        "utf-8-bom": lambda: codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16": lambda: text.encode("utf-16"),
        "utf-16-le-bom": lambda: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-32": lambda: text.encode("utf-32"),
    }[codec]()
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.note, decoded.confidence) == (text, None, 1.0)
    decoded = decoded.text
    assert normalise_text(decoded) == normalise_text(unicodedata.normalize("NFC", text))


# Mostly ASCII (the NUL-every-other-byte signal BOM-less UTF-16 is detected by), some not.
_mostly_ascii = st.text(alphabet=st.sampled_from(list("abcdefghij klmnopqrstuvwxyz.,ABC\n") +
                                                 list("\u00e9\u00fc\u201c\u201d\u2019\u2014\u0430\u0431\u0432")),
                        min_size=2, max_size=300)


@PROPERTY
@given(_mostly_ascii, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_bom_round_trips_for_mostly_latin_text(text, codec):
    assume(sum(ch.isascii() for ch in text) >= 0.6 * len(text))
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, "utf-16")


_cp1252_text = st.text(alphabet=st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:!?'\"()-\n") +
    list("\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u00e9\u00e8\u00e0\u00fc\u00f6\u00f1\u00e7\u00c9\u00dc\u00df\u00a0\u00b0")),
    max_size=300)


@PROPERTY
@given(_cp1252_text)
@example("\u201cThere is no change,\u201d said Blinken. Russia\u2019s \u2013 caf\u00e9")
@example("\u00e0\u2013\u00a00000000")  # E0 96 A0: shaped like a UTF-8 character, but not one
def test_cp1252_round_trips_when_unambiguous(text):
    data = text.encode("cp1252")
    # Bytes that also read as UTF-8 (pure ASCII aside) are ambiguous, not a cp1252 round trip:
    # "\u00c9\u201d" is C9 94, which UTF-8 reads as one character.
    as_utf8 = data.decode("utf-8", errors="replace")
    assume(not any(ord(ch) > 0x7F and ch != "\ufffd" for ch in as_utf8))
    # Mostly non-ASCII single-byte text is a detector's guess, not a round trip.
    assume(sum(ch.isascii() for ch in text) >= 0.7 * len(text))
    result = decode_bytes(data)
    decoded, encoding = result.text, result.encoding
    assert decoded == text
    assert encoding == ("utf-8" if text.isascii() else "cp1252")
    assert normalise_text(decoded) == normalise_text(unicodedata.normalize("NFC", text))


def test_discover_reports_a_folder_it_cannot_list(tmp_path, monkeypatch):
    # Regression: os.walk without onerror skipped an unreadable folder and its files silently.
    # (chmod 000 does not stop root, so the failure is injected.)
    raw = tmp_path / "raw"
    (raw / "locked").mkdir(parents=True)
    (raw / "locked" / "inside.txt").write_text("text")
    (raw / "open.txt").write_text("text")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover(raw))
    assert [item[1] for item in found if not isinstance(item, Rejection)] == ["open.txt"]
    [rejection] = [item for item in found if isinstance(item, Rejection)]
    assert (rejection.source, rejection.reason) == ("locked", "unreadable")
    assert "Permission denied" in rejection.detail
