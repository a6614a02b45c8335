"""Files under the raw folder -> decoded, normalised documents (or rejections with a reason).

Every path found under the raw folder yields exactly one `RawDocument` or one `Rejection`:
nothing is skipped silently.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newswire.outlets import SOURCES_FILE, Listing, listing

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}

# A news article is at most a few hundred KB of text; anything far larger is a dump, a log
# or a mistake, and would stall the NLP stages. It is quarantined without being read whole.
MAX_ARTICLE_BYTES = 5_000_000

# Share of control characters (other than whitespace) above which decoded "text" is binary.
MAX_CONTROL_CHAR_RATIO = 0.01

# Characters that could be neither decoded nor repaired (U+FFFD) above which a file that is
# mostly UTF-8 is garbled beyond use: one damaged byte in a hundred costs a word here and there;
# one in fifty, words in every sentence.
MAX_UNREPAIRED_SHARE = 0.02

# charset-normalizer's "mess" ratio (suspicious character sequences per character) above which
# a legacy-encoding guess is not believed. 0.2 is the library's own cut-off for a match.
MAX_LEGACY_MESS = 0.2

# Below this many characters the mess ratio is noise (one odd symbol in "00'–" is 25 %): short
# text is read as cp1252 unless it has words that only another script explains.
MIN_CHARS_FOR_MESS = 200

# Detectors confuse Latin code pages on English text (cp1252 is routinely guessed as cp1250).
# cp1252 is what Western news archives are in, so it wins when it reads about as cleanly.
WESTERN_PREFERENCE_MARGIN = 0.01

# Well-formed multi-byte UTF-8 sequences per byte that is not UTF-8 from which a file counts as
# UTF-8 with damage or mixed-in lines; legacy text forms such sequences only by rare chance.
MIN_VALID_PER_STRAY = 0.02
# Below this confidence (share of characters that needed no repair) a repaired UTF-8 reading gives
# way to a legacy encoding that reads the whole file: Shift-JIS often forms valid UTF-8 sequences.
MIN_REPAIRED_CONFIDENCE = 0.5
# Well-formed multi-byte UTF-8 sequences only (RFC 3629; Unicode table 3-7): a looser pattern took
# cp1252 "\u00e0\u2013\u00a0" (E0 96 A0, no UTF-8: E0 needs A0-BF next) for a UTF-8 character, and
# the text for damaged UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}")

# A line in a UTF-8 file with at least this many stray bytes, making up this share of the line,
# most of them not readable as cp1252 punctuation or accented letters, is a line in some other
# legacy encoding (cp1251, KOI8-R, ...), not damage.
MIN_LEGACY_LINE_BYTES = 4
MIN_LEGACY_LINE_SHARE = 0.2

# UTF-16/32 without a byte-order mark: share of code units whose high byte is NUL (spaces,
# digits, punctuation and Latin letters) in the right byte order, while the other order has
# almost none. Random binary data has ~1/256 NULs in both positions.
# Japanese has few such characters (newlines, digits) and NUL low bytes of its own (U+3000).
MIN_HIGH_NUL_SHARE = 0.01
MIN_HIGH_TO_LOW_NUL_RATIO = 4

# Bytes hashed of a file rejected as too large: its identity without reading gigabytes.
TOO_LARGE_HASHED_BYTES = 1 << 20

# cp1252's punctuation and symbols in 0x80-0xBF (smart quotes, dashes, euro, no-break space,
# guillemets, degree, pound, ...): bytes never valid alone in UTF-8, and the usual cp1252
# survivors in a mixed file.
_CP1252_PUNCTUATION = frozenset(b for b in range(0x80, 0xC0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
# cp1252 letters in 0xC0-0xFE (À-þ without × and ÷): read as such only next to an ASCII letter.
_CP1252_LETTERS = frozenset(b for b in range(0xC0, 0xFF) if b not in (0xD7, 0xF7))

_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


@dataclass(frozen=True)
class RawDocument:
    source: str  # path relative to the raw folder, POSIX separators
    size: int
    file_hash: str  # sha256 of the bytes on disk
    encoding: str
    kind: str  # "text" or "html"
    text: str  # decoded, NFC, "\n" line endings
    decode_note: str | None = None  # how the encoding was found and what was repaired, when not certain
    encoding_confidence: float = 1.0
    listing: Listing | None = None  # the file's row in its folder's sources.csv


@dataclass(frozen=True)
class Rejection:
    source: str
    size: int | None
    file_hash: str | None
    reason: str
    detail: str


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    confidence: float  # 1.0 for a byte-order mark or valid UTF-8; lower for detected or repaired text
    note: str | None = None  # how the encoding was found and what was repaired


class FileIdentity(NamedTuple):
    device: int
    inode: int


class DiscoveredFile(NamedTuple):
    path: Path
    source: str
    identity: FileIdentity  # of the regular file discovery saw: reading checks it is still that file


class DecodeError(ValueError):
    """Bytes that cannot be read as text in any supported encoding."""

    reason = "undecodable"


class BinaryData(DecodeError):
    """Bytes that are not text at all (NUL bytes outside UTF-16/32): images, archives, executables."""

    reason = "binary"


class Garbled(DecodeError):
    """Mostly UTF-8, but with too many bytes that neither UTF-8 nor a repair can read."""

    reason = "garbled"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise_text(text: str) -> str:
    """NFC, "\\n" line endings, no NUL or U+FEFF characters, no trailing whitespace on lines."""
    # U+FEFF left after decoding is a doubled or mid-file byte-order mark (files saved twice or
    # concatenated), never content: kept, it made a whitespace-only file "text" and hid at the
    # start of titles. Both go before NFC: removed after, they could bring a base letter and a
    # combining mark together ("e", NUL, U+0301) and leave a non-NFC result.
    text = unicodedata.normalize("NFC", text.replace("\x00", "").replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


# Unicode's control characters (category Cc: C0, DEL and C1, a set fixed by its stability
# policy) other than the line and tab controls, matched at C speed instead of a category
# lookup per character.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL_CHARACTERS.findall(text)) / len(text) > MAX_CONTROL_CHAR_RATIO


def _confidence(mess: float) -> float:
    return round(max(0.0, 1.0 - mess), 3)


def _codec_name(encoding: str) -> str:
    """Python's canonical codec name ('koi8_r' -> 'koi8-r', 'cp932' stays)."""
    return codecs.lookup(encoding).name


def _wide_unicode_without_bom(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the NUL bytes sit.

    In UTF-16-LE the high byte of every ASCII character (spaces and newlines even in Russian or
    Greek) is the second of its pair and is NUL; the first byte of a pair is NUL only for rare
    characters. Big-endian is the mirror image; UTF-32 has two or three NULs per unit.
    """
    for encoding, unit, high, low in (("utf-32-le", 4, 3, 0), ("utf-32-be", 4, 0, 3),
                                      ("utf-16-le", 2, 1, 0), ("utf-16-be", 2, 0, 1)):
        if len(data) < 2 * unit or len(data) % unit:
            continue
        units = len(data) // unit
        high_nuls, low_nuls = data[high::unit].count(0), data[low::unit].count(0)
        if high_nuls < MIN_HIGH_NUL_SHARE * units or high_nuls < MIN_HIGH_TO_LOW_NUL_RATIO * low_nuls:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            continue
        # The NUL pattern and a strict decode decide; the mess ratio only grades the result.
        return Decoded(text, encoding[:6], _confidence(mess_ratio(text, maximum_threshold=1.0)),
                       f"no byte-order mark; NUL bytes place it as {encoding}")
    return None


# A word of four or more letters, none of them ASCII: what Cyrillic or Greek looks like read in
# cp1252 ("Èçâåñòèÿ"); Western languages mix accented letters with plain ones.
_ALL_ACCENTED_WORD = re.compile(r"\b[^\W\d_A-Za-z]{4,}\b")
# Single-byte code pages of other scripts that such words may really be in.
NON_LATIN_SINGLE_BYTE = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1253", "iso8859_7",
                         "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp874")


# Letters proper: modifier letters (the caron a Mac code page makes of 0xFF) say nothing of script.
_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})


def _other_script(text: str) -> bool:
    """True when most non-ASCII letters of text are not Latin (Cyrillic, CJK, Greek, ...): a
    reading in another script, not a Latin code page's (whose stray Greek π or Ω do not count)."""
    letters = [ch for ch in text if not ch.isascii() and unicodedata.category(ch) in _LETTERS]
    foreign = sum(not unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return foreign > 0 and foreign >= 0.5 * len(letters)


def _legacy(data: bytes) -> Decoded | None:
    """A single- or double-byte legacy encoding (cp1252, cp1251, KOI8-R, Shift-JIS, ...), or None.

    charset-normalizer proposes; cp1252 (or latin-1 where cp1252 leaves a byte undefined) wins
    when it reads about as cleanly as the proposal, or when the proposal is just another Latin
    code page: detectors tell Latin code pages apart badly on short or English text. It loses to
    a proposal in another script when it turns words into runs of accented letters (a few
    Russian words in an English text saved as cp1251 barely move the mess ratio).
    """
    best = from_bytes(data).best()
    try:
        western_text, western = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        western_text, western = data.decode("latin-1"), "latin-1"
    other_script = False
    if _ALL_ACCENTED_WORD.search(western_text):
        # The detector weighs a few foreign words in a long English text too lightly to propose
        # their code page at all: ask it about the non-Latin ones alone.
        if best is None or not _other_script(str(best)):
            best = from_bytes(data, cp_isolation=list(NON_LATIN_SINGLE_BYTE)).best() or best
        other_script = best is not None and _other_script(str(best))
    best_text = str(best) if best is not None else ""
    western_mess = mess_ratio(western_text, maximum_threshold=1.0)
    short = len(western_text) < MIN_CHARS_FOR_MESS
    if (short or western_mess <= MAX_LEGACY_MESS) and not _looks_binary(western_text) and not other_script and (
            short or best is None or western_mess <= best.chaos + WESTERN_PREFERENCE_MARGIN or not _other_script(best_text)):
        guess = f"; charset-normalizer's guess: {_codec_name(best.encoding)}" if best is not None else ""
        return Decoded(western_text, western, _confidence(western_mess),
                       f"not UTF-8; read as {western}, the Western European default{guess}")
    if best is None or best.chaos > MAX_LEGACY_MESS:
        return None
    encoding = _codec_name(best.encoding)
    languages = ", ".join(best.languages[:2]) or "language not recognised"
    return Decoded(best_text, encoding, _confidence(best.chaos),
                   f"not UTF-8; detected as {encoding} ({languages}) by charset-normalizer")


@dataclass
class _Repairs:
    as_cp1252: int = 0  # stray bytes read as cp1252 punctuation or letters
    replaced: int = 0  # bytes that could not be read: U+FFFD
    legacy_lines: dict[str, int] = field(default_factory=dict)  # encoding -> lines decoded with it
    legacy_chars: int = 0  # characters of those lines


def _repair_segment(line: bytes, start: int, end: int, repairs: _Repairs) -> str:
    """Characters for the invalid UTF-8 bytes line[start:end]."""
    if end - start > 1:  # a truncated multi-byte sequence: a damaged character, not cp1252
        repairs.replaced += 1
        return "\ufffd"
    byte = line[start]
    before = line[start - 1:start].isalpha()
    after = line[end:end + 1].isalpha()
    if byte in _CP1252_PUNCTUATION or (byte in _CP1252_LETTERS and (before or after)):
        repairs.as_cp1252 += 1
        return bytes([byte]).decode("cp1252")
    repairs.replaced += 1
    return "\ufffd"


def _repair_utf8_line(line: bytes, repairs: _Repairs) -> str:
    """A line of a UTF-8 file that is not valid UTF-8: stray cp1252 bytes read as cp1252, or the
    whole line decoded in the legacy encoding it is in, or U+FFFD for bytes nothing explains."""
    parts, position, scratch = [], 0, _Repairs()
    while position < len(line):
        try:
            parts.append(line[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            bad_start, bad_end = position + error.start, position + error.end
            parts.append(line[position:bad_start].decode("utf-8"))
            parts.append(_repair_segment(line, bad_start, bad_end, scratch))
            position = bad_end
    stray = scratch.as_cp1252 + scratch.replaced
    if (stray >= MIN_LEGACY_LINE_BYTES and stray >= MIN_LEGACY_LINE_SHARE * len(line)
            and scratch.replaced > scratch.as_cp1252):
        legacy = _legacy(line)
        if legacy is not None:
            repairs.legacy_lines[legacy.encoding] = repairs.legacy_lines.get(legacy.encoding, 0) + 1
            repairs.legacy_chars += len(legacy.text)
            return legacy.text
    repairs.as_cp1252 += scratch.as_cp1252
    repairs.replaced += scratch.replaced
    return "".join(parts)


def _written_as_utf8(data: bytes) -> bool:
    """Enough well-formed multi-byte UTF-8 sequences, against the bytes that are not UTF-8, to
    say the file was written as UTF-8 (then damaged or mixed) rather than in a legacy encoding.

    Legacy text forms a valid sequence only by chance (a Cyrillic capital before a guillemet in
    cp1251), far less often than it has stray bytes.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    stray = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > 0 and valid >= MIN_VALID_PER_STRAY * stray


def _mostly_utf8(data: bytes) -> Decoded:
    """A UTF-8 file with invalid bytes: repaired line by line, every repair counted in the note."""
    repairs = _Repairs()
    text = "\n".join(line.decode("utf-8") if _is_utf8(line) else _repair_utf8_line(line, repairs)
                     for line in data.split(b"\n"))
    # One damaged character is tolerated whatever the length (a truncated download of a short text).
    if repairs.replaced > max(1.0, MAX_UNREPAIRED_SHARE * len(text)):
        raise Garbled(f"mostly UTF-8, but {repairs.replaced} of {len(text)} characters could not be decoded or "
                      f"repaired (more than {MAX_UNREPAIRED_SHARE:.0%}): garbled text")
    notes = []
    if repairs.replaced:
        notes.append(f"{repairs.replaced} invalid UTF-8 sequence(s) replaced with U+FFFD")
    if repairs.as_cp1252:
        notes.append(f"{repairs.as_cp1252} stray byte(s) not valid UTF-8 read as cp1252")
    for encoding, count in sorted(repairs.legacy_lines.items()):
        notes.append(f"{count} line(s) decoded as {encoding} (mixed encodings)")
    # Confidence: the share of characters that needed no repair or guess.
    guessed = repairs.replaced + repairs.as_cp1252 + repairs.legacy_chars
    # Rounded down, so that any repair shows below 1.0.
    return Decoded(text, "utf-8", math.floor(1000 * max(0.0, 1.0 - guessed / max(1, len(text)))) / 1000, "; ".join(notes))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes. Raise DecodeError (or a subclass) for binary, garbled or undecodable data.

    Order matters: a byte-order mark is certain; then BOM-less UTF-32/16 (NUL bytes); valid
    UTF-8; UTF-8 with damaged bytes or mixed-in legacy lines, repaired line by line, when most of
    it needed no repair; then a legacy encoding detected by charset-normalizer (cp1252 preferred
    among Latin code pages); text that is neither is garbled or undecodable.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", " with BOM"), 1.0)
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}: {error}") from error
    if b"\x00" in data:
        decoded = _wide_unicode_without_bom(data)
        if decoded is not None:
            return decoded
        raise BinaryData("contains NUL bytes and is not UTF-16 or UTF-32: binary data, not text")
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    # ASCII control bytes mean the same in UTF-8 and every legacy encoding read here: no repair
    # or detection makes such bytes text.
    if sum(data.count(byte) for byte in _CONTROL_BYTES) > MAX_CONTROL_CHAR_RATIO * len(data):
        raise BinaryData(f"more than {MAX_CONTROL_CHAR_RATIO:.0%} of its bytes are control characters: binary data")
    repaired: Decoded | None = None
    garbled: Garbled | None = None
    if _UTF8_MULTIBYTE.search(data):
        try:
            repaired = _mostly_utf8(data)
        except Garbled as error:
            garbled = error
    if repaired is not None and repaired.confidence >= MIN_REPAIRED_CONFIDENCE:
        return _not_binary(repaired)
    legacy = _legacy(data)
    # A file with real UTF-8 in it read whole in a Latin code page is mojibake ("â€œ"); only a
    # reading in another script (Shift-JIS, cp1251 whose bytes formed UTF-8 by chance) beats it.
    if legacy is not None and (not _written_as_utf8(data) or _other_script(legacy.text)):
        return _not_binary(legacy)
    if garbled is not None:
        raise garbled
    if repaired is not None:
        return _not_binary(repaired)
    raise DecodeError("not UTF-8, UTF-16 or UTF-32, and no legacy encoding reads it as plausible text "
                      f"(charset-normalizer mess ratio above {MAX_LEGACY_MESS})")


def _not_binary(decoded: Decoded) -> Decoded:
    if _looks_binary(decoded.text):
        raise BinaryData(f"decoded as {decoded.encoding}, more than {MAX_CONTROL_CHAR_RATIO:.0%} control characters: "
                         "binary data")
    return decoded


def _too_large(source: str, fd: int, size: int) -> Rejection:
    digest = hashlib.sha256(os.pread(fd, TOO_LARGE_HASHED_BYTES, 0))
    return Rejection(source, size, digest.hexdigest(), "too_large",
                     f"{size} bytes exceeds the {MAX_ARTICLE_BYTES}-byte article limit; not read "
                     f"(file_hash is the sha256 of its first {TOO_LARGE_HASHED_BYTES} bytes only)")


def _opened_where_discovered(fd: int, path: Path) -> bool:
    """The kernel's name for the opened file is the discovered path: no folder on the way was
    swapped for a symlink. (The inode alone is not proof: a freed inode is soon reused.)"""
    try:
        return os.readlink(f"/proc/self/fd/{fd}") == os.fspath(path)
    except OSError:  # no /proc: the inode check stands alone
        return True


def _read_opened(fd: int, path: Path, source: str, identity: FileIdentity | None) -> tuple[bytes, int] | Rejection:
    """The bytes of an opened file, if it is still the regular file discovery saw and holds still."""
    before = os.fstat(fd)
    if not stat.S_ISREG(before.st_mode):
        return Rejection(source, None, None, "not_a_file",
                         "not a regular file when opened (a device, socket, pipe or folder put in its place after "
                         "discovery): not read")
    if identity is not None and (FileIdentity(before.st_dev, before.st_ino) != identity
                                 or not _opened_where_discovered(fd, path)):
        return Rejection(source, before.st_size, None, "replaced",
                         "replaced by another file between discovery and reading (device/inode differ): not read; "
                         "run again once the raw folder holds still")
    if before.st_size > MAX_ARTICLE_BYTES:
        return _too_large(source, fd, before.st_size)
    # One byte past the size fstat gave shows a file still being written, without chasing it.
    chunks, total, wanted = [], 0, before.st_size + 1
    while total < wanted:
        chunk = os.read(fd, min(1 << 20, wanted - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    after = os.fstat(fd)
    if total != before.st_size or (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        return Rejection(source, after.st_size, None, "changing",
                         f"file changed while it was read ({before.st_size} -> {after.st_size} bytes): a half-written "
                         "file is not published; run again once it is complete")
    return b"".join(chunks), total


def read_document(path: Path, source: str, identity: FileIdentity | None = None) -> RawDocument | Rejection:
    """Read one regular file. Never raises for bad content: returns a Rejection instead.

    The file is opened without following a symlink and without blocking on a FIFO, and the open
    descriptor is checked (regular file; the device and inode discovery saw, when given), so a
    path swapped after discovery is never read through.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return Rejection(source, None, None, "vanished", "file disappeared between discovery and reading")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Rejection(source, None, None, "symlink",
                             "became a symbolic link between discovery and reading: not followed")
        return Rejection(source, None, None, "unreadable", f"{type(error).__name__}: {error}")
    try:
        read = _read_opened(fd, path, source, identity)
    except OSError as error:
        return Rejection(source, None, None, "unreadable", f"{type(error).__name__}: {error}")
    finally:
        os.close(fd)
    if isinstance(read, Rejection):
        return read
    data, size = read
    file_hash = sha256_bytes(data)
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        return Rejection(source, size, file_hash, "unsupported_type",
                         f"suffix {suffix!r} is neither plain text (.txt) nor HTML (.html, .htm)")
    if not data.strip():
        return Rejection(source, size, file_hash, "empty", "file is empty or whitespace only")
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        return Rejection(source, size, file_hash, error.reason, str(error))
    if _looks_binary(decoded.text):
        return Rejection(source, size, file_hash, "binary",
                         f"decoded as {decoded.encoding} but more than {MAX_CONTROL_CHAR_RATIO:.0%} control characters")
    text = normalise_text(decoded.text)
    if not text.strip():
        return Rejection(source, size, file_hash, "empty", f"no visible text after decoding as {decoded.encoding}")
    return RawDocument(source, size, file_hash, decoded.encoding, kind, text, decoded.note, decoded.confidence,
                       listing(path))


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _is_unicode(source: str) -> bool:
    """False for names with bytes that are not UTF-8 (os.fsdecode turns them into lone surrogates)."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(source: str) -> str:
    """A lone-surrogate name as valid text: the undecodable bytes written as \\xNN."""
    return os.fsencode(source).decode("utf-8", errors="backslashreplace")


def discover(raw_dir: Path) -> Iterator[DiscoveredFile | Rejection]:
    """Yield a DiscoveredFile for every regular file under raw_dir, sorted, or a Rejection.

    `sources.csv` files are read with the articles they describe, not as articles.
    Symlinks are never followed: one pointing outside the raw folder would let a release
    depend on files nobody bundled; one pointing inside would count an article twice.
    A raw folder that is missing or not a folder is an error, not an empty corpus.
    """
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist or is not a directory")
    root = raw_dir.resolve()
    # Without onerror, os.walk skips a folder it cannot list and every file in it silently.
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unlisted.append):
        yield from _unlisted_folders(unlisted, root)
        dirnames.sort()
        current = Path(dirpath)
        # A folder's sources.csv is metadata about its articles (newswire.outlets), not an article.
        for name in sorted(set(filenames) - {SOURCES_FILE}) + [d for d in dirnames if (current / d).is_symlink()]:
            path = current / name
            source = _relative(path, root)
            if not _is_unicode(source):
                # Such a source cannot be hashed, compared or written to Parquet as a string; it
                # used to crash the run. The escaped name tells the operator which file to rename.
                yield Rejection(printable_name(source), None, None, "bad_name",
                                "file name is not valid UTF-8 (undecodable bytes shown as \\xNN); rename the file")
                continue
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                yield Rejection(source, None, None, "vanished", "file disappeared while the raw folder was listed")
                continue
            if stat.S_ISLNK(info.st_mode):
                target = os.readlink(path)
                inside = Path(os.path.realpath(path)).is_relative_to(root)
                where = "inside" if inside else "outside"
                yield Rejection(source, None, None, "symlink",
                                f"symbolic link to {target!r} ({where} the raw folder) is not followed")
            elif not stat.S_ISREG(info.st_mode):
                yield Rejection(source, None, None, "not_a_file", "not a regular file (device, socket or pipe)")
            else:
                yield DiscoveredFile(path, source, FileIdentity(info.st_dev, info.st_ino))
    yield from _unlisted_folders(unlisted, root)


def _unlisted_folders(errors: list[OSError], root: Path) -> Iterator[Rejection]:
    while errors:
        error = errors.pop(0)
        source = _relative(Path(error.filename), root) if error.filename else "."
        yield Rejection(source if _is_unicode(source) else printable_name(source), None, None, "unreadable",
                        f"folder could not be listed, so none of its files were read: {type(error).__name__}: "
                        f"{error.strerror}")


def ingest(raw_dir: Path) -> Iterator[RawDocument | Rejection]:
    """Every file under raw_dir, decoded; one result per path, in sorted path order."""
    for found in discover(raw_dir):
        if isinstance(found, Rejection):
            yield found
        else:
            yield read_document(*found)
