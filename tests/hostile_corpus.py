"""A raw folder of hostile inputs, each with the outcome the pipeline must give it.

`build_hostile_corpus(raw_dir)` writes the files and returns {source: Expect}, where source is
the path relative to raw_dir exactly as the pipeline reports it (articles.source or
quarantine.source). Used by tests/test_hostile.py (via the fixtures in conftest.py) and by
bench/hostile_figures.py, so it imports nothing from pytest.

Article bodies are paragraphs of the seed articles (tests/data/seeds). Cases that test an
encoding use a whole seed, so the published text can be compared with the UTF-8 original;
every other case gets its own disjoint handful of seed paragraphs, so that no two inputs
are near-duplicates except the one pair meant to be.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newswire.boilerplate import classify_line
from newswire.text import is_sentence, word_count

SEEDS_DIR = Path(__file__).resolve().parent / "data" / "seeds"
SEED_CP1252 = "002_938be92725bdc9c3.txt"  # curly quotes, apostrophes and an en dash
SEED_LATIN1 = "000_4efa51a7752c072d.txt"  # é í ó º and a no-break space, nothing outside latin-1
SEED_UTF16_LE = "001_2643c82c3a0dc6eb.txt"  # Cyrillic: only a Unicode encoding can hold it
SEED_UTF16_BE = "004_e38e69d9be152fb8.txt"
SEED_UTF16_NO_BOM = "003_b9c2a02033c2881e.txt"

LARGE_FILE_NAME = "huge_50mb.txt"
LARGE_FILE_BYTES = 50 * 1024 * 1024
LONG_FILE_NAME = "lines_100k.txt"
LONG_FILE_LINES = 100_000
# Markers that live only in <script> and <style> and must never reach the published text.
SCRIPT_MARKER = "trackingPixelSentinel"
STYLE_MARKER = "styleSentinelClass"
OUTSIDE_SECRET = "This file lives outside the raw folder and must never be read."
BAD_NAME_BYTES = b"bad-\xff-name.txt"  # not UTF-8: os.fsdecode gives a lone surrogate
SPARSE_FILE_NAME = "sparse_5gb.txt"
SPARSE_FILE_BYTES = 5 * 1024**3  # a hole on disk: rejecting it must cost no more than a small file

# News in the encodings of the world's archives (issue 18): published, with their encoding named.
RUSSIAN_ARTICLE = (
    "Лавров: ответ США не "
    "содержит главного\n\n"
    "Министр иностранных дел "
    "России Сергей Лавров "
    "заявил в четверг, что "
    "письменный ответ США "
    "и НАТО не содержит "
    "положительной реакции "
    "на главный вопрос.\n\n"
    "По его словам, Москва "
    "внимательно изучит "
    "документ, после чего "
    "президент примет "
    "решение о дальнейших "
    "шагах.\n")
RUSSIAN_WORD = "документ"  # "документ"
# Other Russian reports, each its own text (the same body in two encodings would be duplicates).
RUSSIAN_REPORTS = {
    "koi8-r": ("Песков прокомментировал ответ НАТО\n\nПресс-секретарь Кремля Дмитрий Песков сказал журналистам, "
               "что Кремлю потребуется время на анализ полученных ответов и спешить с выводами не стоит.\n\n"
               "По его словам, президент ознакомился с документами, однако окончательная позиция будет "
               "сформулирована позже, после консультаций с министерствами.\n"),
    "utf-16-le": ("Госдума обсудит ситуацию на Украине\n\nДепутаты Государственной думы на следующей неделе "
                  "рассмотрят обращение к президенту о признании самопровозглашённых республик Донбасса.\n\n"
                  "Спикер парламента Вячеслав Володин заявил, что вопрос будет вынесен на пленарное заседание "
                  "после консультаций с фракциями.\n"),
    "utf-32-le": ("Биржи отреагировали на новости из Вашингтона\n\nКурс рубля снизился на торгах Московской биржи "
                  "в четверг после публикации ответов Соединённых Штатов и альянса.\n\nАналитики банков ожидают, "
                  "что волатильность сохранится до конца месяца, пока стороны продолжают переговоры.\n"),
}
JAPANESE_ARTICLE = (
    "岸田首相、ロシアとの対話継続を表明\n\n"
    "岸田文雄首相は水曜日、ロシアとの対話を"
    "続ける考えを示した。外務省によると、"
    "日本政府は欧米と連携して対応する方針だ。\n\n"
    "記者会見で首相は「緊張緩和が重要だ」と"
    "述べた。政府は引き続き情勢を注視する。\n")
JAPANESE_WORD = "外務省"  # "外務省"


@dataclass(frozen=True)
class Expect:
    """What the pipeline must do with one input path."""

    outcome: str  # "published" (a row in articles) or "quarantined" (a row in quarantine)
    reason: str | None = None  # quarantine.reason when quarantined, or published with an empty body
    stage: str | None = None  # quarantine.stage likewise
    encoding: str | None = None  # articles.encoding when published
    same_text_as: str | None = None  # seed whose UTF-8 original must give the same title, text and boilerplate
    contains: tuple[str, ...] = ()  # substrings of articles.text
    absent: tuple[str, ...] = ()  # substrings that must appear in no column of the article's row
    duplicate_of: str | None = None  # source of the canonical copy (articles.duplicate_of points at its id)
    format: str = "text"
    note: str = ""
    empty_body: bool = False  # published with an empty text, and a quarantine row (reason, stage) saying why

    @property
    def published(self) -> bool:
        return self.outcome == "published"

    @property
    def outcomes(self) -> list[str]:
        """The rows the input must end up in: one, or an empty-body article and its quarantine row."""
        quarantine = f"quarantined:{self.stage}:{self.reason}"
        return (["published", quarantine] if self.empty_body else ["published"]) if self.published else [quarantine]


def published(**kwargs) -> Expect:
    return Expect("published", **kwargs)


def quarantined(reason: str, stage: str = "ingest", **kwargs) -> Expect:
    return Expect("quarantined", reason=reason, stage=stage, **kwargs)


def published_empty(reason: str = "no_content", stage: str = "structure", **kwargs) -> Expect:
    """No article in it (a home page, a login wall, a file of boilerplate lines): an articles row
    with an empty text, and a quarantine row saying why."""
    return Expect("published", reason=reason, stage=stage, empty_body=True, **kwargs)


def seed_text(name: str) -> str:
    return (SEEDS_DIR / name).read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """Long sentence paragraphs of all seeds that no boilerplate rule touches, dealt round-robin."""
    per_seed = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
        per_seed.append([line for line in lines if word_count(line) >= 15 and is_sentence(line)
                         and classify_line(line, "en", "LATIN") is None])
    dealt = []
    for round_ in range(max(map(len, per_seed))):
        dealt.extend(paragraphs[round_] for paragraphs in per_seed if round_ < len(paragraphs))
    return dealt


class _Paragraphs:
    """Hands out seed paragraphs, each at most once, so the made-up articles stay distinct."""

    def __init__(self) -> None:
        self._pool = seed_paragraphs()

    def take(self, count: int, non_ascii: bool = False) -> list[str]:
        chosen = []
        if non_ascii:
            first = next(p for p in self._pool if any(ch in p for ch in "\u201c\u201d\u2019"))
            self._pool.remove(first)
            chosen.append(first)
        while len(chosen) < count:
            chosen.append(self._pool.pop(0))
        return chosen


def article(headline: str, paragraphs: list[str], newline: str = "\n") -> str:
    return newline.join([headline, ""] + [line for p in paragraphs for line in (p, "")])


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_large_file(path: Path, size: int = LARGE_FILE_BYTES) -> Path:
    """A plain UTF-8 text file of `size` bytes: seed text repeated, streamed to disk."""
    block = (seed_text(SEED_CP1252) * 50).encode("utf-8")
    with path.open("wb") as handle:
        written = 0
        while written < size:
            chunk = block[: size - written]
            handle.write(chunk)
            written += len(chunk)
    return path


def build_hostile_corpus(raw_dir: Path, large_file: Path | None = None) -> dict[str, Expect]:
    """Write the hostile inputs into raw_dir (created); return {source: expectation}.

    large_file: an existing 50 MB file to hard-link in (a session fixture makes it once);
    without it one is written. Symlink targets go to a sibling folder, outside raw_dir.
    """
    raw_dir.mkdir(parents=True, exist_ok=True)
    outside = raw_dir.parent / f"{raw_dir.name}-outside"
    outside.mkdir(exist_ok=True)
    paragraphs = _Paragraphs()
    expected: dict[str, Expect] = {}

    def made_up(source: str, headline: str, count: int = 3, newline: str = "\n", encoding: str = "utf-8",
                **kwargs) -> list[str]:
        chosen = paragraphs.take(count)
        _write(raw_dir / source, article(headline, chosen, newline).encode(encoding))
        expected[source] = published(encoding=kwargs.pop("expect_encoding", encoding),
                                     contains=tuple(chosen) + kwargs.pop("contains", ()), **kwargs)
        return chosen

    # --- nothing to read --------------------------------------------------------------------
    _write(raw_dir / "empty.txt", b"")
    expected["empty.txt"] = quarantined("empty")
    _write(raw_dir / "whitespace.txt", b"  \n\t\r\n   \n")
    expected["whitespace.txt"] = quarantined("empty")
    _write(raw_dir / "utf16_whitespace.txt", "\ufeff \n\t \n".encode("utf-16-le"))
    expected["utf16_whitespace.txt"] = quarantined("empty", note="not empty as bytes; only whitespace once decoded")

    # --- binary and undecodable -------------------------------------------------------------
    rng = random.Random(20220127)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(8192))
    _write(raw_dir / "photo_disguised.txt", png)
    expected["photo_disguised.txt"] = quarantined("binary", note="PNG header and random bytes under a .txt name")
    garbage = b"Breaking news\n" + bytes(rng.randrange(1, 256) for _ in range(8192))
    _write(raw_dir / "garbage.txt", garbage)
    expected["garbage.txt"] = quarantined("binary", note="one text line, then random bytes without NUL")
    _write(raw_dir / "bad_bom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41" + bytes(rng.randrange(256) for _ in range(999)))
    expected["bad_bom.txt"] = quarantined("undecodable", note="UTF-16 BOM, then a lone surrogate and odd length")

    # --- encodings: whole seeds, so the decoded text can be compared with the UTF-8 original -
    _write(raw_dir / "utf16le_bom.txt", codecs.BOM_UTF16_LE + seed_text(SEED_UTF16_LE).encode("utf-16-le"))
    expected["utf16le_bom.txt"] = published(encoding="utf-16", same_text_as=SEED_UTF16_LE)
    _write(raw_dir / "utf16be_bom.txt", codecs.BOM_UTF16_BE + seed_text(SEED_UTF16_BE).encode("utf-16-be"))
    expected["utf16be_bom.txt"] = published(encoding="utf-16", same_text_as=SEED_UTF16_BE)
    _write(raw_dir / "utf16le_no_bom.txt", seed_text(SEED_UTF16_NO_BOM).encode("utf-16-le"))
    expected["utf16le_no_bom.txt"] = published(encoding="utf-16", same_text_as=SEED_UTF16_NO_BOM)
    _write(raw_dir / "cp1252_quotes.txt", seed_text(SEED_CP1252).encode("cp1252"))
    expected["cp1252_quotes.txt"] = published(encoding="cp1252", same_text_as=SEED_CP1252,
                                              contains=("\u201cThere is no change, there will be no change,\u201d",
                                                        "Alliance\u2019s open door policy"))
    _write(raw_dir / "latin1.txt", seed_text(SEED_LATIN1).encode("latin-1"))
    # Bytes 0xA0-0xFF mean the same in latin-1 and cp1252; the cascade names the superset.
    expected["latin1.txt"] = published(encoding="cp1252", same_text_as=SEED_LATIN1)
    made_up("utf8_bom.txt", "Allies answer Moscow, with a byte-order mark", encoding="utf-8-sig",
            expect_encoding="utf-8 with BOM", absent=("\ufeff",))
    chosen = paragraphs.take(3, non_ascii=True)
    body = article("Allies answer Moscow, one byte damaged", chosen).encode("utf-8")
    cut = body.index(b" ", body.index(chosen[1][:40].encode("utf-8")) + 20)  # between words, not inside a character
    _write(raw_dir / "invalid_utf8.txt", body[:cut] + b"\xff" + body[cut:])
    expected["invalid_utf8.txt"] = published(encoding="utf-8", contains=(chosen[0], chosen[2], "\ufffd"),
                                             note="one invalid byte is replaced, the rest stays UTF-8")
    for source, text, codec, encoding, word in (
            ("ru_cp1251.txt", RUSSIAN_ARTICLE, "cp1251", "cp1251", RUSSIAN_WORD),
            ("ru_koi8r.txt", RUSSIAN_REPORTS["koi8-r"], "koi8-r", "koi8-r", "Кремля"),
            ("ru_utf16le_no_bom.txt", RUSSIAN_REPORTS["utf-16-le"], "utf-16-le", "utf-16", "Володин"),
            ("ru_utf32le_no_bom.txt", RUSSIAN_REPORTS["utf-32-le"], "utf-32-le", "utf-32", "рубля"),
            ("ja_shift_jis.txt", JAPANESE_ARTICLE, "shift_jis", "cp932", JAPANESE_WORD)):
        _write(raw_dir / source, text.encode(codec))
        expected[source] = published(encoding=encoding, contains=(word,), note=f"{codec}: ordinary news encoding")
    english = paragraphs.take(2)
    _write(raw_dir / "ja_en_shift_jis.txt",
           (JAPANESE_ARTICLE.replace("岸田首相、", "首相、", 1) + "\n"
            + "\n\n".join(english) + "\n").encode("shift_jis", errors="replace"))
    # English-majority: the Japanese lines go to boilerplate as foreign-language chrome, decoded right
    expected["ja_en_shift_jis.txt"] = published(encoding="cp932", contains=(english[0][:60],),
                                                note="Japanese and English paragraphs in one Shift-JIS file")
    chosen = paragraphs.take(2, non_ascii=True)  # the first has curly quotes: it is the cp1252 line
    mixed = [line.encode("cp1252" if line == chosen[0] else "utf-8") for line in
             article("Allies answer Moscow in two encodings \u2013 one file", chosen).split("\n")]
    _write(raw_dir / "mixed_utf8_cp1252.txt", b"\n".join(mixed))
    expected["mixed_utf8_cp1252.txt"] = published(encoding="utf-8", contains=tuple(chosen),
                                                  note="UTF-8 and cp1252 lines: each line read in its own encoding")
    chosen = paragraphs.take(1, non_ascii=True)
    russian_quote = "«ответ без ответа»"
    text = article("Moscow papers answer the allies", [*chosen, f"The daily Izvestia called it {russian_quote}."])
    _write(raw_dir / "en_with_ru_cp1251.txt", text.encode("cp1251", errors="replace"))
    expected["en_with_ru_cp1251.txt"] = published(encoding="cp1251", contains=(russian_quote,),
                                                  note="English with a few Russian words saved as Windows-1251")
    chosen = paragraphs.take(2, non_ascii=True)
    body = bytearray(article("Allies answer Moscow, download damaged", chosen).encode("utf-8"))
    for position in range(101, len(body), 199):  # 0.5 % of the bytes
        if body[position] < 0x80:
            body[position] = 0xFF
    _write(raw_dir / "utf8_damaged.txt", bytes(body))
    expected["utf8_damaged.txt"] = published(encoding="utf-8", contains=("\ufffd",),
                                             note="0.5 % bad bytes: replaced, with a decode note and confidence < 1")
    # quarantined before deduplication: its text may repeat another's
    body = bytearray(seed_text(SEED_CP1252).encode("utf-8"))
    for position in range(7, len(body), 19):  # 5 % of the bytes
        body[position] = 0xFF
    _write(raw_dir / "utf8_garbled.txt", bytes(body))
    expected["utf8_garbled.txt"] = quarantined("garbled", note="5 % bad bytes: garbage, not published as mojibake")

    # --- line endings, size, shape -----------------------------------------------------------
    made_up("crlf.txt", "Allies answer Moscow over CRLF", newline="\r\n", absent=("\r",))
    made_up("cr.txt", "Allies answer Moscow over bare CR", newline="\r", absent=("\r",))
    if large_file is not None:
        try:
            os.link(large_file, raw_dir / LARGE_FILE_NAME)
        except OSError:  # another filesystem: fall back to writing it
            write_large_file(raw_dir / LARGE_FILE_NAME)
    else:
        write_large_file(raw_dir / LARGE_FILE_NAME)
    expected[LARGE_FILE_NAME] = quarantined("too_large")
    with (raw_dir / SPARSE_FILE_NAME).open("wb") as handle:
        handle.truncate(SPARSE_FILE_BYTES)
    expected[SPARSE_FILE_NAME] = quarantined("too_large", note="rejected on its size, a bounded prefix hashed")
    # 100,000 lines, nearly all blank or whitespace (a broken export): every line-based step
    # sees them, the NLP stages only the three paragraphs. (100,000 lines of words would make
    # a 200,000-word article: about 100 s of spaCy on 2 cores, too slow for a test fixture.)
    spread = paragraphs.take(3)
    padding = (LONG_FILE_LINES - 6) // 2
    lines = ["Allies answer Moscow, padded", spread[0], *[""] * padding, spread[1], *[" \t "] * padding, spread[2]]
    _write(raw_dir / LONG_FILE_NAME, ("\n".join(lines) + "\n" * (LONG_FILE_LINES - len(lines) + 1)).encode())
    expected[LONG_FILE_NAME] = published(encoding="utf-8", contains=tuple(spread), note=f"{LONG_FILE_LINES} lines")
    html_paragraphs = paragraphs.take(3)
    html = (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Allies answer Moscow in HTML</title>\n"
        f"<style>.{STYLE_MARKER} {{ color: red; }} body {{ margin: 0 }}</style>\n"
        f"<script>var {SCRIPT_MARKER} = 'https://tracker.example/p.gif'; document.write('<p>injected</p>');</script>\n"
        "</head><body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>\n"
        "<article><h1>Allies answer Moscow in HTML</h1>\n"
        + "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>\n" for p in html_paragraphs)
        + f"<script>window.{SCRIPT_MARKER}2 = true;</script></article>\n"
        "<footer><p>Related Articles</p><p>Back to top button</p></footer></body></html>\n"
    )
    _write(raw_dir / "page.html", html.encode("utf-8"))
    expected["page.html"] = published(encoding="utf-8", format="html", contains=tuple(html_paragraphs),
                                      absent=(SCRIPT_MARKER, STYLE_MARKER, "color: red", "injected"))
    _write(raw_dir / "boilerplate_only.txt", "\n".join([
        "Related Articles", "", "Back to top button", "", "Follow us on Twitter", "Share this article",
        "Sign up for our newsletter", "Advertisement", ""]).encode())
    expected["boilerplate_only.txt"] = published_empty(note="boilerplate lines only")
    _write(raw_dir / "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    expected["report.pdf"] = quarantined("unsupported_type")

    # --- whole web pages: the article among menus, or no article at all -------------------------
    menu = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Weather", "Podcasts", "Sign in", "Subscribe"]
    teasers = [f"Teaser headline number {i} about another story" for i in range(12)]
    page_paragraphs = paragraphs.take(3)
    _write(raw_dir / "whole_page.txt", "\n".join(
        menu + menu + ["Allies answer Moscow, on a whole page", "27 January 2022", *page_paragraphs, "Most read",
                       *teasers, "Privacy policy", "Terms of use", "About us"]).encode())
    expected["whole_page.txt"] = published(encoding="utf-8", contains=tuple(page_paragraphs),
                                           absent=("Teaser headline number", "Podcasts"),
                                           note="text copied from a whole page: menus, the article, a teaser list")
    cyrillic_menu = ["Главная", "Новости", "Политика", "Экономика", "Спорт", "Культура", "Погода", "Войти"]
    mixed_paragraphs = paragraphs.take(3)
    _write(raw_dir / "mixed_scripts_page.txt", "\n".join(
        cyrillic_menu + cyrillic_menu + ["Allies answer Moscow, between two scripts", *mixed_paragraphs, *menu]).encode())
    expected["mixed_scripts_page.txt"] = published(encoding="utf-8", contains=tuple(mixed_paragraphs),
                                                   absent=("Главная", "Войти"))
    _write(raw_dir / "home_page.txt", "\n".join(menu + teasers + menu).encode())
    expected["home_page.txt"] = published_empty(note="a home page: links, no article")
    _write(raw_dir / "login_wall.html", (
        "<html><head><title>Sign in to continue reading</title></head><body><nav><a>Home</a><a>World</a></nav>"
        "<form><h2>Subscribe to continue reading</h2><label>Email</label><input name=email><label>Password</label>"
        "<input type=password><button>Sign in</button><a>Forgot password?</a></form></body></html>").encode())
    expected["login_wall.html"] = published_empty(format="html")
    _write(raw_dir / "video_only.html", (
        "<html><head><title>Watch: the summit in 90 seconds</title></head><body><h1>Watch: the summit in 90 seconds</h1>"
        "<video src='summit.mp4' controls></video><p>Video</p><p>01:30</p></body></html>").encode())
    expected["video_only.html"] = published_empty(format="html")
    _write(raw_dir / "frames.html", (
        "<html><head><title>Frames</title></head><frameset cols='50%,50%'><frame src='menu.html'>"
        "<frame src='story.html'></frameset></html>").encode())
    expected["frames.html"] = published_empty(format="html",
                                          note="the text is in other files; this one holds only frames")

    # --- the same article under two names -----------------------------------------------------
    duplicate = article("Allies answer Moscow, twice", paragraphs.take(3)).encode()
    _write(raw_dir / "dup_a.txt", duplicate)
    _write(raw_dir / "dup_b.txt", duplicate)
    expected["dup_a.txt"] = published(encoding="utf-8")
    expected["dup_b.txt"] = published(encoding="utf-8", duplicate_of="dup_a.txt")

    # --- awkward names -------------------------------------------------------------------------
    made_up("with spaces in name.txt", "Allies answer Moscow, spaced out")
    made_up("new\nline.txt", "Allies answer Moscow, newline in the name")
    made_up("статья ü.txt", "Allies answer Moscow, Cyrillic file name")
    made_up("-rf.txt", "Allies answer Moscow, dash first")
    made_up("no_extension", "Allies answer Moscow, no suffix")
    made_up("dir.txt/inside.txt", "Allies answer Moscow, in a folder named like a file")
    made_up("\x1b[31mred\x1b[0m.txt", "Allies answer Moscow, escape sequences in the name", count=1)
    made_up("<img src=x onerror=alert(1)>.html.txt", "Allies answer Moscow, markup in the name", count=1)
    made_up("n" * 251 + ".txt", "Allies answer Moscow, a 255-byte name", count=1)
    # NFC and NFD spellings of one name are two files to the filesystem and two sources here.
    made_up(unicodedata.normalize("NFC", "caf\u00e9.txt"), "Allies answer Moscow, composed accent in the name", count=1)
    made_up(unicodedata.normalize("NFD", "caf\u00e9.txt"), "Allies answer Moscow, decomposed accent in the name", count=1)
    bad_name = os.fsdecode(BAD_NAME_BYTES)
    _write(raw_dir / bad_name, article("Allies answer Moscow, undecodable name", paragraphs.take(1)).encode())
    expected[BAD_NAME_BYTES.decode("utf-8", "backslashreplace")] = quarantined(
        "bad_name", note="a file name that is not UTF-8 cannot be a source string")

    # --- things that are not regular files -------------------------------------------------------
    (outside / "secret.txt").write_text(article(OUTSIDE_SECRET, [OUTSIDE_SECRET] * 3))
    (outside / "folder").mkdir(exist_ok=True)
    (outside / "folder" / "secret.txt").write_text(article(OUTSIDE_SECRET, [OUTSIDE_SECRET] * 3))
    os.symlink(outside / "secret.txt", raw_dir / "outside_link.txt")
    expected["outside_link.txt"] = quarantined("symlink")
    os.symlink(outside / "folder", raw_dir / "outside_dir_link", target_is_directory=True)
    expected["outside_dir_link"] = quarantined("symlink")
    os.symlink("dup_a.txt", raw_dir / "inside_link.txt")
    expected["inside_link.txt"] = quarantined("symlink", note="inside the raw folder: following it would count dup_a twice")
    os.symlink("does-not-exist.txt", raw_dir / "dangling_link.txt")
    expected["dangling_link.txt"] = quarantined("symlink")
    os.mkfifo(raw_dir / "fifo.txt")
    expected["fifo.txt"] = quarantined("not_a_file", note="reading a FIFO would block the run forever")
    (raw_dir / "empty_folder").mkdir()

    # --- paths that change between discovery and reading (apply_races runs in between) ----------
    prepare_races(raw_dir)
    expected[RACE_FIFO] = quarantined("not_a_file", note="swapped for a FIFO after discovery: not read, no hang")
    expected[RACE_SYMLINK] = quarantined("symlink", note="swapped for a symlink to a file outside after discovery")
    expected[RACE_FOLDER_LINK] = quarantined("replaced", note="its folder swapped for a symlink to one outside")
    expected[RACE_REPLACED] = quarantined("replaced", note="another file renamed over it after discovery")
    expected[RACE_DELETED] = quarantined("vanished", note="deleted after discovery")
    return expected


RACE_FIFO = "race/fifo_swap.txt"
RACE_SYMLINK = "race/symlink_swap.txt"
RACE_FOLDER_LINK = "race_folder/inside.txt"
RACE_REPLACED = "race/replaced.txt"
RACE_DELETED = "race/deleted.txt"


def prepare_races(raw_dir: Path) -> None:
    """Write (or put back) the files apply_races swaps; each is an ordinary article until then
    (never read by the run, so they may share text)."""
    race, folder = raw_dir / "race", raw_dir / "race_folder"
    if folder.is_symlink():
        folder.unlink()
    for source in (RACE_FIFO, RACE_SYMLINK, RACE_FOLDER_LINK, RACE_REPLACED, RACE_DELETED):
        path = raw_dir / source
        if path.is_symlink() or path.exists():
            path.unlink()
        _write(path, seed_text(SEED_LATIN1).encode())
    assert race.is_dir()


def apply_races(raw_dir: Path) -> None:
    """What a concurrent writer does after the run has listed the raw folder."""
    outside = raw_dir.parent / f"{raw_dir.name}-outside"
    (raw_dir / RACE_FIFO).unlink()
    os.mkfifo(raw_dir / RACE_FIFO)  # nobody writes to it: a blocking open would hang the run
    (raw_dir / RACE_SYMLINK).unlink()
    os.symlink(outside / "secret.txt", raw_dir / RACE_SYMLINK)
    shutil.rmtree(raw_dir / "race_folder")
    os.symlink(outside / "folder", raw_dir / "race_folder", target_is_directory=True)
    (outside / "folder" / "inside.txt").write_text(article(OUTSIDE_SECRET, [OUTSIDE_SECRET] * 3))
    replacement = raw_dir.parent / f"{raw_dir.name}-replacement.txt"
    replacement.write_text(article(OUTSIDE_SECRET, [OUTSIDE_SECRET] * 3))
    os.replace(replacement, raw_dir / RACE_REPLACED)
    (raw_dir / RACE_DELETED).unlink()


def iter_expectations(expected: dict[str, Expect], outcome: str) -> Iterator[tuple[str, Expect]]:
    return ((source, e) for source, e in sorted(expected.items()) if e.outcome == outcome)


def run_stages(raw_dir: Path, batch_size: int = 200, races: bool = False) -> dict:
    """The release flow's spine without Prefect: discover, structure, clean, tables, validate.

    With races, apply_races runs between discovery and reading, and the swapped files are put
    back after.
    """
    from newswire import stages, validation

    with races_after_discovery(raw_dir) if races else contextlib.nullcontext():
        structured, rejected, corpus = stages.spine_without_prefect(raw_dir, batch_size)
    valid, _ = validation.validate_tables(stages.spine_tables(corpus, rejected + structured.quarantine))
    return valid


@contextlib.contextmanager
def races_after_discovery(raw_dir: Path) -> Iterator[None]:
    """stages.discover_inputs followed by apply_races, for the stages or the flow run inside;
    the swapped files are put back after."""
    from newswire import stages

    discover_inputs = stages.discover_inputs

    def discover_then_race(raw: Path):
        found = discover_inputs(raw)
        apply_races(raw)
        return found

    stages.discover_inputs = discover_then_race
    try:
        yield
    finally:
        stages.discover_inputs = discover_inputs
        prepare_races(raw_dir)


@dataclass
class Accounting:
    """Where each input path ended up, against the expectations."""

    outcomes: dict[str, list[str]]  # source -> ["published"], ["quarantined:<stage>:<reason>"] or both
    lost: list[str]  # expected sources found nowhere
    unexpected: list[str]  # sources in the tables that no input explains
    counted_twice: list[str]  # two articles rows, or two quarantine rows, for one input
    mismatched: list[str]  # found, but with the wrong outcome
    crashes: list[str]  # quarantine rows that record a caught exception

    @property
    def ok(self) -> bool:
        return not (self.lost or self.unexpected or self.counted_twice or self.mismatched or self.crashes)

    @property
    def accounted(self) -> int:
        """Inputs found in articles or quarantine; one with both (an empty-body article and the
        row saying why) counts once."""
        return len(self.outcomes)


def account(tables: dict, expected: dict[str, Expect]) -> Accounting:
    """An input is accounted for when it is published, quarantined, or both (a page with no
    article: an empty-body articles row and its quarantine row); it is counted twice when it has
    two rows in the same table."""
    outcomes: dict[str, list[str]] = {}
    for source in tables["articles"]["source"]:
        outcomes.setdefault(source, []).append("published")
    for row in tables["quarantine"].itertuples():
        outcomes.setdefault(row.source, []).append(f"quarantined:{row.stage}:{row.reason}")
    counted_twice = sorted(s for s, got in outcomes.items()
                           if got.count("published") > 1 or sum(g.startswith("quarantined:") for g in got) > 1)
    mismatched = []
    for source, expect in expected.items():
        got = outcomes.get(source, [])
        if got and source not in counted_twice and sorted(got) != sorted(expect.outcomes):
            mismatched.append(f"{source!r}: expected {' + '.join(expect.outcomes)}, got {' + '.join(got)}")
    crashes = [f"{row.source!r}: {row.detail}" for row in tables["quarantine"].itertuples()
               if row.reason in ("structure_error", "crash")]
    return Accounting(
        outcomes=outcomes,
        lost=sorted(s for s in expected if s not in outcomes),
        unexpected=sorted(s for s in outcomes if s not in expected),
        counted_twice=counted_twice,
        mismatched=mismatched,
        crashes=crashes,
    )
