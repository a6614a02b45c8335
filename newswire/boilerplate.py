"""Body lines -> content lines and boilerplate lines, each removal with a kind and a reason.

Three families of evidence, strongest first:
1. the line's own shape: photo captions and credits, promos, navigation, social links,
   reader solicitations (patterns below, data rather than code);
2. language: chrome in another language or script than the article (Spanish captions in an
   English article, a Russian newsletter box);
3. position: short non-sentence lines in the tail after the last body paragraph that sit
   next to a line already judged boilerplate (newsletter boxes come as blocks);
and, across the corpus, short lines that recur verbatim in several unrelated articles
(`recurring_lines`).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newswire.data import load as load_data
from newswire.text import is_sentence, word_count

# The heading of a "read also" box inside an article ("Read also:", "Leia também", "Saiba mais").
READ_ALSO = "|".join(load_data("page_chrome.json")["read_also_headings"])

# Photo credits in front of a caption: "AP/EVAN VUCCI - ...", "AFP PHOTO / X /US Air Force - ...",
# "PHOTO/OTAN - ...", "REUTERS/Name - ...": an all-caps agency token, a slash, a dash.
_LEADING_PHOTO_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Z.&]+(?:\s+PHOTO)?|PHOTO|FOTO|Photo|Foto|Getty Images)\s*/\s*[^\n]{0,80}?\s[-\u2013\u2014|]\s"
)
# Credits at the end of a caption: "(Photo: Russian Ministry of Defense)", "Photo: picture
# alliance/Zoonar", "Image: Reuters", "Photograph: AP", "| Getty Images".
_TRAILING_PHOTO_CREDIT = re.compile(
    r"(?:\(\s*(?:photo|image|picture|foto|credit|source)s?\s*:[^)]*\)|"
    r"(?:^|[.\s\u00a0])(?:photo|photograph|image|picture|foto|credit)s?\s*(?:credit)?\s*:\s*[^.]{2,80}|"
    r"\|\s*(?:getty images|reuters|afp|ap|epa|shutterstock)[^.]*)\s*$",
    re.IGNORECASE,
)


def _has_trailing_photo_credit(line: str) -> bool:
    # Every form of the credit has a colon or a bar: a line with neither (most lines) is not
    # searched, which saves an unanchored search tried at every character.
    return (":" in line or "|" in line) and bool(_TRAILING_PHOTO_CREDIT.search(line))


# Whole-line chrome, matched against the lower-cased line.
_CHROME_PATTERNS: dict[str, list[str]] = {
    "caption": [
        r"^(photograph|photo|image|picture|video)s? by [^.]{2,60}$",
        r"^(media|image|video|photo|picture) (source|caption|credit)s?\s*[,:]",
        r"\bcredit\s*\.{2,}",
        r"\|\s*[^|]{2,60}/[^|]{2,40}$",
        r"\s[\u2014\u2013-]\s*[a-z]{2,10}/(file|photo|reuters|afp|ap)$",
        r"[.)]\s+[a-z][\w.' -]{2,40}\s/\s[a-z][\w ]{1,30}$",
        r"\[(file|photo|image)?\s*:?[^\]]*/[^\]]*\]$",
        r"^[^\"\u201c\u201d]{0,200}\((left|right|centre|center|top|bottom|front|far left|far right)\)[^\"\u201c\u201d]*$",
    ],
    "navigation": [
        r"^related (articles|stories|news|content|topics|coverage|subjects)\b",
        r"^more on this (story|topic)\b",
        r"^explore more\b",
        r"^(published|updated|posted|last updated|modified)\s*:?$",
        r"^\d+\s*(min|mins|minute|minutes)\s+read$",
        r"^(copy link|link copied|permalink)\b",
        r"^skip (next|to|ad|advertisement)\b",
        r"^supported by$",
        r"^share (full )?(article|story)$",
        r"^\d*\s*comments?$",
        r"^(press play|voiced by|listen to)\b.*\b(article|artificial intelligence|audio)\b",
        r"^\d+\s*min(ute)?s?\s+(reading time|read)$",
        r"^(tags?|topics?|keywords?|archived in|archivado en)\s*:?$",
        r"^most read\b",
        rf"^({READ_ALSO})\s*:?$",
        r"^(print|email|save)( this)?( article| story| page)?$",
        r"^back to (top|home)\b",
        r"^(show|load|see|read|view) (more|all)\b",
        r"^(more|also|further) (on|from|in) (this|the) (story|topic|section)\b",
        r"^(next|previous) (article|story|page)\b",
        r"^(home|menu|search)$",
        r"^(((skip|jump) (to )?(the )?(main )?(content|navigation|menu|search)|accessibility)\s*)+$",
        r"^(most (read|popular|viewed|shared)|top stories|trending( now)?|you may also like|recommended( for you)?)\b",
        r"^(read|see) (more|also)\s*:",
        r"^(also read|read next|read more)\b",
        r"^(tags?|topics?|categories|filed under)\s*:",
    ],
    "promo": [
        r"^videos?( of (the )?day)?\s*$",
        r"^register (now|for free|today)\b",
        r"^want more\b.*\?",
        r"\bunlimited access\b",
        r"^listen to (this|the) (article|story)\b",
        r"^(watch|video|videos|gallery|in pictures)\s*:",
        r"^(watch|listen)( now| live)?\s*:",
        r"\bnewsletters?\b",
        r"^(sign up|subscribe)\b",
        r"\bsubscribe (now|today|to our)\b",
        r"^(download|get) (our|the) (free )?(app|newsletter)",
        r"^advertisement:?$",
        r"^(sponsored|promoted)( content)?$",
        r"^(daily|weekly|every (day|week|morning)) at \d",
    ],
    "social": [
        r"^(follow|like|join) us\b",
        r"^follow\b.*\b(on|via) (twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|x)\b",
        r"^(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email)\b[^.]{0,30}\b(share|count|tweet|post)$",
        r"^(follow|read|watch|listen|visit|see)\b.*(https?://|www\.)",
        r"^share (this|on|via)\b",
        r"^(share|tweet|email|print|copy link)( this( article| story)?)?$",
        r"\b(twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin)\b.*\b(follow|join|subscribe|channel)\b",
    ],
    "footer": [
        r"^(send|tell) us (your|a) (news|story|tip)",
        r"^(reporting|writing|editing|additional reporting|compiled|edited) by\b",
        r"^our standards\s*:",
        r"\bcontributed (reporting )?to this (report|story|article)\.?$",
        r"^-*\s*with assistance (from|by)\b",
        r"^source\s*:.*\b(agency|agencies|news)\b",
        r"\bsyndicated feed\b",
        r"\bsupport (our |independent )?journalism\b",
        r"\btrust principles\b",
        r"^send us your feedback\b",
        r"\btrust project\b",
        r"^\(?this (story|article) has not been edited\b",
        r"^(a version of this article|correction:|an earlier version of this)",
        r"^reporting from [a-z]+( [a-z]+)?$",
        r"^[a-z][\w.' -]{2,40} (covers|reports on|writes about) .{3,160} for the [a-z][\w ]{1,40}",
        r"^(please )?(become a member|donate now|support (us|our work)|make a (donation|contribution))\b",
        r"^(subscribe|register|sign in|log in) (now|today|to (continue|read))\b",
        r"^\u00a9\s*\d{4}\b",
        r"^(got|have you got) a (news )?(tip|story)\b",
        r"^(support|donate to) (our|independent) (journalism|reporting)",
        r"^if you (have|know) (any )?(information|a tip)\b",
        r"^(copyright|\u00a9|all rights reserved)",
        r"^(this (article|story) (was|has been) (updated|corrected))\b",
        r"^(contact|write to) (us|the author|the editor)\b",
        r"^(terms of (use|service)|privacy policy|cookie (policy|settings))\b",
    ],
}
_CHROME = {kind: [re.compile(p) for p in patterns] for kind, patterns in _CHROME_PATTERNS.items()}

# Promos and navigation are short; a long sentence that mentions a newsletter is content.
# Captions and end-of-story credits ("Reporting by ...; Editing by ...") run longer.
DEFAULT_MAX_CHROME_WORDS = 14
MAX_CHROME_WORDS = {"caption": 60, "footer": 60, "social": 20}
# "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT" runs
# past MAX_CHROME_WORDS; an imperative call to action at the start of a line is a promo anyway.
_ANCHORED_PROMO = re.compile(r"^(sign up|subscribe|register now|get our|download (our|the)|want more\b.*\?|by signing up\b"
                             r"|get the\b.*\b(newsletter|edition|briefing)\b)")
MAX_ANCHORED_PROMO_WORDS = 30
# A line in another language is judged only when long enough for the identifier to be sure.
MIN_WORDS_FOR_LANGUAGE = 8
MIN_LANGUAGE_CONFIDENCE = 0.85
# The identifier reads a text's beginning: enough to tell, and its cost grows with the length.
MAX_IDENTIFIED_CHARS = 20_000
ENGLISH_FUNCTION_WORDS = {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "said", "has",
                          "have", "it", "by", "at", "from", "be", "are", "would", "will", "this", "which", "its"}
MIN_FUNCTION_WORDS = 3
# A whole text is plainly English prose when these function words are a fifth of its words
# (12-35 % in the BBC corpus, the lowest in sport results); the foreign-language pages of the
# tests, accents stripped, stay under a tenth.
MIN_ENGLISH_FUNCTION_WORD_SHARE = 0.2
MIN_WORDS_FOR_FUNCTION_WORD_SHARE = 30
_ASCII_WORD = re.compile(r"[a-z]+")
# A function word as a whole run of ASCII letters (an _ASCII_WORD), or of letters of any script,
# found by one search that stops at the first instead of listing every word of the line.
_FUNCTION_WORDS_PATTERN = "|".join(sorted(ENGLISH_FUNCTION_WORDS, key=len, reverse=True))
_ENGLISH_FUNCTION_WORD = re.compile(rf"(?<![a-z])(?:{_FUNCTION_WORDS_PATTERN})(?![a-z])")
_ENGLISH_FUNCTION_WORD_AMONG_LETTERS = re.compile(rf"(?<![^\W\d_])(?:{_FUNCTION_WORDS_PATTERN})(?![^\W\d_])")
_WORD_BEFORE_LOWER_CASE = re.compile(r"\b([^\W\d_]+)\s+(?=[^\W\d_A-Z\u00c0-\u00de])")
_WORD_CHARACTER = re.compile(r"\w")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")
# Another script (Cyrillic in a Latin-script article) is certain from a few letters.
MIN_LETTERS_FOR_SCRIPT = 8
_APPEAL_HEADING = re.compile(r"^(a (message|note) from\b|dear readers?\b|please support\b|we need your (help|support)\b"
                             r"|become a (member|subscriber|supporter)\b)")
# Headings that open a block of links; the block ends at the first line longer than a link title.
_BLOCK_HEADING = re.compile(r"^(related (articles|stories|topics|coverage|content|news)|more on this (story|topic)|most read"
                            rf"|explore more|you may also like|recommended|top stories|trending|more from|{READ_ALSO})\b")
MAX_LINK_TITLE_WORDS = 14
FOREIGN_FUNCTION_WORDS = {
    "el", "los", "las", "del", "para", "con", "por", "que", "más", "sin", "una", "sus", "nuestro", "nuestra",
    "le", "les", "des", "du", "pour", "avec", "est", "une", "dans", "plus", "nous", "vous", "notre",
    "der", "die", "das", "und", "mit", "für", "ist", "ein", "eine", "nicht", "auch", "sie", "wir",
}
# Tail lines this short and not sentences are chrome when a neighbour is chrome.
MAX_TAIL_CHROME_WORDS = 8
# Corpus-learned chrome: a short line seen verbatim in this many distinct articles.
RECURRING_MIN_ARTICLES = 3
RECURRING_MAX_WORDS = 12


@dataclass(frozen=True)
class Verdict:
    kind: str  # caption, navigation, promo, social, footer, foreign_language, trailing_chrome, recurring, credit
    reason: str


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import _load_identifier  # the package's own loader, probabilities normalised

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence; ("und", 0.0) when there is nothing to judge."""
    if not _WORD_CHARACTER.search(text):
        return "und", 0.0
    language, confidence = _language_identifier().classify(text[:MAX_IDENTIFIED_CHARS])
    return str(language), float(confidence)


def text_language(text: str) -> str:
    """The language of an article's text: detect_language's, except that plainly English prose is
    told by its function words. The identifier walks every byte of the text in Python and was
    the structure stage's main cost; on such prose it answers "en" every time (all 2,307 such
    texts of the BBC corpus, the test pages and the hostile corpus)."""
    if _plainly_english_text(text[:MAX_IDENTIFIED_CHARS]):
        return "en"
    return detect_language(text)[0]


def _plainly_english_text(text: str) -> bool:
    """No letter outside ASCII, enough words, and a fifth of them English function words."""
    if _NON_ASCII_LETTER.search(text):
        return False
    words = _ASCII_WORD.findall(text.lower())
    return (len(words) >= MIN_WORDS_FOR_FUNCTION_WORD_SHARE
            and sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) >= MIN_ENGLISH_FUNCTION_WORD_SHARE * len(words))


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_letters(text: str) -> int:
    ascii_only = text.encode("ascii", errors="ignore")
    return len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS))  # C speed


def dominant_script(text: str) -> tuple[str | None, int]:
    """The script most letters belong to (first word of the Unicode name), and the letter count;
    of scripts with as many letters, the one that comes first in the text."""
    if text.isascii():  # the common case, without a Unicode lookup per character
        letters = _ascii_letters(text)
        return ("LATIN" if letters else None), letters
    # ASCII letters are Latin, counted at C speed; only the other characters are looked up
    # (a "£" or a curly quote in English text no longer costs a lookup per character)
    scripts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    if latin := _ascii_letters(text):
        scripts["LATIN"] = latin
        first_seen["LATIN"] = _ASCII_LETTER.search(text).start()
    for match in _NON_ASCII.finditer(text):
        if match.group().isalpha():
            script = _script(match.group())
            scripts[script] += 1
            first_seen[script] = min(first_seen.get(script, match.start()), match.start())
    if not scripts:
        return None, 0
    return max(scripts, key=lambda script: (scripts[script], -first_seen[script])), sum(scripts.values())


def _plainly_english(lowered: str, article_language: str) -> bool:
    """An English line in an English article: the identifier is the stage's main cost, and a
    line with several English function words is not chrome in another language."""
    if article_language != "en":
        return False
    found: set[str] = set()
    for match in _ENGLISH_FUNCTION_WORD.finditer(lowered):  # stops at the third, often early in the line
        found.add(match.group())
        if len(found) >= MIN_FUNCTION_WORDS:
            return True
    return False


def classify_line(line: str, article_language: str, article_script: str | None) -> Verdict | None:
    """Judge one line on its own evidence; None when it looks like content."""
    stripped = line.strip()
    words = word_count(stripped)
    if _LEADING_PHOTO_CREDIT.match(stripped):
        return Verdict("caption", "starts with a photo credit (AGENCY/PHOTOGRAPHER - ...)")
    if _has_trailing_photo_credit(stripped) and not stripped.endswith(('"', "\u201d")):
        return Verdict("caption", "ends with a photo credit (Photo: ...)")
    lowered = stripped.lower()
    if _ANCHORED_PROMO.match(lowered) and words <= MAX_ANCHORED_PROMO_WORDS:
        return Verdict("promo", "newsletter or subscription call to action")
    if not _LETTER_OR_DIGIT.search(stripped):
        return Verdict("navigation", "no letters or digits: a separator")
    for kind, patterns in _CHROME.items():
        if words > MAX_CHROME_WORDS.get(kind, DEFAULT_MAX_CHROME_WORDS):
            continue
        for pattern in patterns:
            if pattern.search(lowered):
                return Verdict(kind, f"matches {kind} pattern {pattern.pattern!r}")
    script, letters = dominant_script(stripped)
    if article_script and script and script != article_script and letters >= MIN_LETTERS_FOR_SCRIPT:
        return Verdict("foreign_language", f"written in {script.title()} script; the article is in {article_script.title()}")
    if words >= MIN_WORDS_FOR_LANGUAGE and article_language not in ("und", "") and not _plainly_english(lowered, article_language):
        language, confidence = detect_language(stripped)
        if language != article_language and confidence >= MIN_LANGUAGE_CONFIDENCE:
            return Verdict("foreign_language",
                           f"language {language} (confidence {confidence:.2f}); the article is in {article_language}")
    return None


def _navigation_blocks(lines: list[str], verdicts: list[Verdict | None]) -> None:
    """Under "More on this story" or "Most Read": link titles and dates, up to the next paragraph."""
    in_block = False
    for index, line in enumerate(lines):
        verdict = verdicts[index]
        if verdict is not None and verdict.kind in {"navigation", "promo"} and _BLOCK_HEADING.match(line.lower()):
            in_block = True
        elif in_block and verdict is None:
            if word_count(line) > MAX_LINK_TITLE_WORDS:
                in_block = False
            else:
                verdicts[index] = Verdict("navigation", "link title or date under a navigation heading")


def _appeal_block(lines: list[str], verdicts: list[Verdict | None]) -> None:
    """"A Message from The Moscow Times: Dear readers, ..." in the second half of an article:
    a reader appeal runs to the end, however long its sentences. Only after the article's prose
    has begun: on a whole page, "Become a member" in the menu above the article is a link."""
    first_paragraph = next((i for i, line in enumerate(lines) if verdicts[i] is None and is_sentence(line)
                            and word_count(line) > MAX_TAIL_CHROME_WORDS), len(lines))
    for index in range(max(len(lines) // 2, first_paragraph + 1), len(lines)):
        if _APPEAL_HEADING.match(lines[index].strip().lower()):
            for later in range(index, len(lines)):
                if verdicts[later] is None:
                    verdicts[later] = Verdict("promo", "reader appeal block at the end of the article")
            return


def _foreign_function_words(line: str, article_language: str) -> bool:
    """Another language's function words and none of English's ("Más información", a Spanish
    caption full of names): evidence the identifier misses on short or name-heavy lines."""
    if article_language != "en":
        return False
    if _ENGLISH_FUNCTION_WORD_AMONG_LETTERS.search(line.lower()):
        return False  # most lines: the costlier look for foreign function words is not needed
    # a function word before a capitalised word is a name particle ("van der Linde", "du Preez")
    foreign = [m.group(1).lower() for m in _WORD_BEFORE_LOWER_CASE.finditer(line)
               if m.group(1).lower() in FOREIGN_FUNCTION_WORDS and (m.start() == 0 or m.group(1)[0].islower())]
    return bool(foreign) and (len(foreign) >= 2 or not line.isascii())


def classify_lines(lines: list[str], article_language: str) -> list[Verdict | None]:
    """Verdicts for an article's body lines, in order, including the tail and block rules."""
    article_script, _ = dominant_script(" ".join(lines))
    verdicts = [classify_line(line, article_language, article_script) for line in lines]
    for index, line in enumerate(lines):
        if verdicts[index] is None and _foreign_function_words(line, article_language):
            verdicts[index] = Verdict("foreign_language", "function words of another language, none of English")
    _navigation_blocks(lines, verdicts)
    _appeal_block(lines, verdicts)
    last_paragraph = max((i for i, line in enumerate(lines) if verdicts[i] is None and is_sentence(line)
                          and word_count(line) > MAX_TAIL_CHROME_WORDS), default=-1)
    tail = range(last_paragraph + 1, len(lines))
    if any(verdicts[i] is not None for i in tail):
        for i in tail:
            if verdicts[i] is None and word_count(lines[i]) <= MAX_TAIL_CHROME_WORDS and not is_sentence(lines[i]):
                verdicts[i] = Verdict("trailing_chrome",
                                      "short non-sentence line after the last paragraph, in a block of chrome")
    return verdicts


def normalise_line(line: str) -> str:
    """NFKC, whitespace runs as one space, stripped, lower-cased. (split() and the regex \\s
    agree on what whitespace is, for every code point; split is several times faster.)"""
    return " ".join(unicodedata.normalize("NFKC", line).split()).lower()


def recurring_lines(articles_lines: Iterable[Iterable[str]]) -> set[str]:
    """Normalised short lines found verbatim in at least RECURRING_MIN_ARTICLES articles.

    Pass only canonical (non-duplicate) articles: syndicated copies share every line and
    would make real subheadings look like chrome.
    """
    seen_in: Counter[str] = Counter()
    for lines in articles_lines:
        seen_in.update({normalise_line(line) for line in lines if 0 < word_count(line) <= RECURRING_MAX_WORDS})
    return {line for line, count in seen_in.items() if count >= RECURRING_MIN_ARTICLES}
