"""Files under the raw folder -> decoded, normalised documents (or rejections with a reason).

Every path found under the raw folder yields exactly one `RawDocument` or one `Rejection`:
nothing is skipped silently.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newswire.outlets import SOURCES_FILE, Listing, listing

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}

# A news article is at most a few hundred KB of text; anything far larger is a dump, a log
# or a mistake, and would stall the NLP stages. It is quarantined without being read whole.
MAX_ARTICLE_BYTES = 5_000_000

# Share of control characters (other than whitespace) above which decoded "text" is binary.
MAX_CONTROL_CHAR_RATIO = 0.01

# Invalid UTF-8 sequences tolerated (and replaced) in a file that is otherwise UTF-8: a
# truncated download or one corrupted byte should not cost the whole article.
MAX_REPLACED_UTF8_RATIO = 0.001

# Share of ASCII characters below which a cp1252/latin-1 decoding is not believed.
MIN_ASCII_SHARE_SINGLE_BYTE = 0.7

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
    decode_note: str | None = None  # e.g. bytes replaced while decoding
    listing: Listing | None = None  # the file's row in its folder's sources.csv


@dataclass(frozen=True)
class Rejection:
    source: str
    size: int | None
    file_hash: str | None
    reason: str
    detail: str


class DecodeError(ValueError):
    """Bytes that cannot be read as text in any supported encoding."""

    reason = "undecodable"


class BinaryData(DecodeError):
    """Bytes that are not text at all (NUL bytes outside UTF-16): images, archives, executables."""

    reason = "binary"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def normalise_text(text: str) -> str:
    """NFC, "\\n" line endings, no NUL or U+FEFF characters, no trailing whitespace on lines."""
    # U+FEFF left after decoding is a doubled or mid-file byte-order mark (files saved twice or
    # concatenated), never content: kept, it made a whitespace-only file "text" and hid at the
    # start of titles. Both go before NFC: removed after, they could bring a base letter and a
    # combining mark together ("e", NUL, U+0301) and leave a non-NFC result.
    text = unicodedata.normalize("NFC", text.replace("\x00", "").replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls / len(text) > MAX_CONTROL_CHAR_RATIO


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte for ASCII-range characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    for encoding, nul_share in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nul_share > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Return (text, encoding, note). Raise DecodeError for binary or undecodable data.

    A fixed cascade rather than statistical detection (charset-normalizer): news arrives in
    a handful of encodings, and detectors misjudge short texts (an English article in
    cp1252 is routinely guessed as some other single-byte code page). Order matters: BOMs,
    strict UTF-8, BOM-less UTF-16, cp1252 (smart quotes 0x91-0x94), then latin-1.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", " with BOM"), None
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}: {error}") from error
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and not _looks_binary(text):
            return text, "utf-16", None
        raise BinaryData("contains NUL bytes: binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    has_multibyte = any(ord(ch) > 0x7F and ch != "\ufffd" for ch in replaced)
    # At least one bad sequence is tolerated whatever the length: with a ratio alone, one
    # damaged byte in a short article (< 1 / MAX_REPLACED_UTF8_RATIO characters) sent the whole
    # text to cp1252 / latin-1 mojibake ("\u201c" -> "\u00e2\u0080\u009c").
    if has_multibyte and bad <= max(1, MAX_REPLACED_UTF8_RATIO * len(replaced)):
        return replaced, "utf-8", f"{bad} invalid UTF-8 sequence(s) replaced with U+FFFD"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if _looks_binary(text):
        raise BinaryData(f"decoded as {encoding}, more than {MAX_CONTROL_CHAR_RATIO:.0%} control characters: binary data")
    # Western single-byte text is mostly ASCII; random high bytes decode "cleanly" but are not text
    if sum(ch.isascii() for ch in text) < MIN_ASCII_SHARE_SINGLE_BYTE * len(text):
        raise DecodeError(f"not UTF-8, and as {encoding} less than {MIN_ASCII_SHARE_SINGLE_BYTE:.0%} of it is ASCII: "
                          "no plausible encoding")
    return text, encoding, None


def read_document(path: Path, source: str) -> RawDocument | Rejection:
    """Read one regular file. Never raises for bad content: returns a Rejection instead."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return Rejection(source, size, sha256_file(path), "too_large",
                             f"{size} bytes exceeds the {MAX_ARTICLE_BYTES}-byte article limit")
        data = path.read_bytes()
    except OSError as error:
        return Rejection(source, None, None, "unreadable", f"{type(error).__name__}: {error}")
    file_hash = sha256_bytes(data)
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        return Rejection(source, size, file_hash, "unsupported_type",
                         f"suffix {suffix!r} is neither plain text (.txt) nor HTML (.html, .htm)")
    if not data.strip():
        return Rejection(source, size, file_hash, "empty", "file is empty or whitespace only")
    try:
        text, encoding, note = decode_bytes(data)
    except DecodeError as error:
        return Rejection(source, size, file_hash, error.reason, str(error))
    if _looks_binary(text):
        return Rejection(source, size, file_hash, "binary",
                         f"decoded as {encoding} but more than {MAX_CONTROL_CHAR_RATIO:.0%} control characters")
    text = normalise_text(text)
    if not text.strip():
        return Rejection(source, size, file_hash, "empty", f"no visible text after decoding as {encoding}")
    return RawDocument(source, size, file_hash, encoding, kind, text, note, listing(path))


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


def discover(raw_dir: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """Yield (path, source) for every regular file under raw_dir, sorted, or a Rejection.

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
            elif path.is_symlink():
                target = os.readlink(path)
                inside = Path(os.path.realpath(path)).is_relative_to(root)
                where = "inside" if inside else "outside"
                yield Rejection(source, None, None, "symlink",
                                f"symbolic link to {target!r} ({where} the raw folder) is not followed")
            elif not path.is_file():
                yield Rejection(source, None, None, "not_a_file", "not a regular file (device, socket or pipe)")
            else:
                yield path, source
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
