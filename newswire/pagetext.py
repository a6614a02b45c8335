"""Whole-page text -> where the article is: its body lines, its headline, and why every other line goes.

A page copied or dumped from a browser carries every menu item, section link, cookie notice
and "most read" list on its own line, with the headline somewhere in the middle. Judged line
by line, a menu item and a one-line paragraph look alike; judged as a page they do not: the
article body is a mostly contiguous run of long, sentence-like, stopword-rich lines (the
signals jusText and trafilatura use on HTML blocks, applied to lines), and the headline is
the title-like line just above it.

`render_html_lines` turns HTML into the same kind of text (one line per block element, as a
naive scraper would), so one detector serves plain-text dumps and HTML pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from newswire.boilerplate import READ_ALSO, classify_line, dominant_script
from newswire.data import load as load_data
from newswire.text import without_accents

# Elements a browser lays out as blocks: each starts a new line in a naive text rendering.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "ul", "br", "option", "select", "button", "label", "legend", "iframe", "frameset",
    "frame", "noframes", "center",
})
# Elements whose text a reader never sees.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "object", "embed", "canvas",
                            "math", "video", "audio", "picture", "source", "track", "map"})
# Ruby annotations (the reading of a word, printed small above it: 子<rt>こ</rt>) are not text, and
# do not separate the word they annotate from the next.
RUBY_ANNOTATION_TAGS = frozenset({"rt", "rp"})


def render_html_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element, whitespace collapsed.

    Never raises: markup lxml cannot parse gives no lines.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return []
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buffer)).strip()
        if line:
            lines.append(line)
        buffer.clear()

    # an explicit stack rather than recursion: deeply nested markup must not hit Python's recursion limit
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        visible = bool(tag) and tag not in INVISIBLE_TAGS
        if leaving:
            if tag in BLOCK_TAGS:
                flush()
            buffer.append(element.tail or "")
            continue
        if tag in RUBY_ANNOTATION_TAGS:
            buffer.append(element.tail or "")
            continue
        if not visible:  # a comment or script between two words still separates them
            buffer.append(" " + (element.tail or ""))
            continue
        if tag in BLOCK_TAGS:
            flush()
        buffer.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return lines


_PAGE_DATA = load_data("page_chrome.json")
STOPLIST_NAMES: dict[str, str] = _PAGE_DATA["stoplists"]
# A heading that opens a list of other stories ("Related articles", "Up next", "Comments") ends
# the article: pages that append the next story (infinite scroll) or a teaser list full of
# sentence-like summaries would otherwise run on into it.
_END_OF_ARTICLE = re.compile(r"^(?:" + "|".join(_PAGE_DATA["end_of_article_headings"]) + r")\b[\s:.\u2026>\u00bb|-]*$",
                             re.IGNORECASE)

# A "read also" box inside the body: its heading and up to this many links to other stories.
_READ_ALSO = re.compile(rf"^(?:{READ_ALSO})\s*:?$", re.IGNORECASE)
_RELATED_BOX = re.compile(r"^(?:" + "|".join(_PAGE_DATA["related_box_headings"]) + r")\b[\s:.\u2026>\u00bb|-]*$",
                          re.IGNORECASE)
MAX_READ_ALSO_LINKS = 6

# Scripts written without spaces between words (Chinese, Japanese, Thai...): a line's length in
# words is estimated from its letters.
LETTERS_PER_UNSPACED_WORD = 2
# A body paragraph: this many words, enough stopwords to be running prose (jusText's
# stopword-density signal), and ending like a sentence unless it is long.
MIN_PARAGRAPH_WORDS = 10
MIN_STOPWORD_DENSITY = 0.15
MIN_UNENDED_PARAGRAPH_WORDS = 25
# A paragraph counts by its words, capped so that one huge block (a pasted table, a comment
# dump) does not outweigh the article.
MAX_PARAGRAPH_SCORE = 80
# Short lines cost the run this much: a menu of twenty links separates two blocks of prose,
# a subheading does not.
SHORT_LINE_COST = 4
# This many lines in a row that are not prose (a menu, a teaser list, a newsletter form) separate
# two stretches of the page; the article is the first stretch with at least FIRST_RUN_SHARE of the
# best stretch's prose (pages append the next story, or a bigger one, below the article).
MAX_GAP_LINES = 6
FIRST_RUN_SHARE = 0.5
# Inside the body: this many non-sentence lines in a row are a list of links, and a teaser
# box has up to this many title lines above its summary.
MIN_LINK_LIST_LINES = 3
TEASER_TITLE_LINES = 2
# A one-line paragraph ("The incident drew several curious onlookers.") neither adds nor costs.
MIN_SHORT_SENTENCE_WORDS = 3
# Below this many words of prose the page has no article (a home page, a 404 page, a login wall).
MIN_ARTICLE_WORDS = 40
# The headline is looked for among this many lines above the body.
HEADLINE_WINDOW = 20
# The article's script is judged on its first lines (enough letters, and a Unicode lookup per letter).
SCRIPT_SAMPLE_LINES = 3
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 30
# Bylines and date lines sit within a couple of lines of the headline; a date line is short.
HEADER_LINES_BELOW_HEADLINE = 3
MAX_DATE_LINE_WORDS = 20
# Share of capitalised words from which a line is in title case ("Two More Gunned Down").
TITLE_CASE_SHARE = 0.6
# The headline recurs (browser title, breadcrumb "Home > Tech > Headline", "most read", an audio
# player's title), inside lines not much longer than itself; a short line printed more often is chrome.
MAX_HEADLINE_REPEATS = 3
REPEAT_CONTEXT_SHARE = 1.5
REPEAT_CONTEXT_CHARS = 30
MIN_REPEATED_HEADLINE_WORDS = 4
# "CONTINUE READING THE MAIN STORY" is printed all over a page; so, on some, is the headline.
MIN_OFTEN_REPEATED_HEADLINE_WORDS = 6
# Of two title-like lines, the shorter one above the longer is the headline over its deck.
HEADLINE_OVER_DECK_BONUS = 1.0
# A headline longer than this that ends with a full stop is more likely a standfirst or a caption.
MAX_HEADLINE_SENTENCE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u0964]['\"\u201d\u2019\u00bb)\]]*$")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Clause punctuation of scripts without spaces: prose has it, a list of headlines does not.
_UNSPACED_CLAUSE_BREAK = re.compile(r"[\u3001\u3002\uff0c\uff01\uff1f\uff1a]")
# Teasers: a summary then "Read more" (or "... | mehr" on the same line).
_TEASER_LINK = re.compile(r"(^|\|\s*)(read more|read the rest|mehr|weiterlesen|lire la suite|leer m\u00e1s|leia mais"
                         r"|continua a leggere|full story|more)(\.\.\.|\u2026)?\s*$", re.IGNORECASE)
# An item of a list the writer bulleted ("- Increased spending on health"): article text, even
# when many in a row are short. Menus rendered from <li> carry no bullet characters; a dash
# before a name ("\u2013 David Dunkley") is a sign-off, not an item.
_BULLET = re.compile(r"^\s*([-\u2022*\u00b7\u25aa\u25cf]|\d{1,2}[.)])\s+\S")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_CHARACTER = re.compile(r"[^\W_]")
_PUNCTUATION = ("\"'.,;:!?()[]{}<>\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2026\u2014\u2013-*\u2022|/"
                "\u060c\u061f\u0964\u3001\u3002\uff0c")
# Not headlines: continuation lines ("& Sylvia Torres-Guillen, Director"), picture credits, addresses.
_NOT_A_HEADLINE = re.compile(r"^[&/|+\u2022\u00b7]|^(photo|photograph|image|credit|foto|bild|source|quelle|fuente|fonte"
                             r"|\u6765\u6e90|\u4f86\u6e90|\ucd9c\ucc98)\b"  # source: 来源, 來源, 출처
                             r"|https?://|www\.|\.(com|org|net)\b", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_SOCIAL_NETWORKS = r"(facebook|twitter|instagram|whatsapp|linkedin|youtube|telegram|pinterest|reddit|flipboard|e-?mail)"
_SOCIAL_NETWORK = re.compile(rf"^{_SOCIAL_NETWORKS}$", re.IGNORECASE)
# A breadcrumb or a menu on one line: short items between separators ("National / Crime & Legal",
# "Home > World"), or items run together where a naive scraper joined links ("AméricaMéxicoVenezuela").
_MENU_SEPARATOR = re.compile(r"\s+[/>\u00bb\u203a|]\s+")
MAX_MENU_ITEM_WORDS = 3
MIN_RUN_TOGETHER_JOINS = 2
# A share bar is mostly network names ("Share this Email, Facebook, Twitter"); a headline may name two.
SHARE_BAR_NETWORK_SHARE = 0.3
# "By Jane Roe", "Von ...", "Sarah Hinger, Staff Attorney": the byline under a headline.
_BYLINE_START = re.compile(r"^(by|von|par|por|de|author|autor|auteur|written by|text)\s*:?\s+\S"
                           r"|^[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){1,3},?\s+(\w+\s+)?(staff|reporter|correspondent"
                           r"|attorney|director|editor|writer|columnist|journalist|contributor)\b", re.IGNORECASE)
# A byline is short; "De acuerdo con la misma entidad, ..." is a sentence that starts like one.
MAX_BYLINE_WORDS = 12
# An author's name on its own line: a given name and one to three more words.
MIN_NAME_LINE_WORDS = 2
MAX_NAME_LINE_WORDS = 4
_NAME_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den",
                             "la", "le", "bin", "ibn", "al", "el", "y", "e"})
_GIVEN_NAMES = frozenset(name for names in load_data("actors/given_names.json").values() for name in names)
# An author's contact under the byline ("[email protected]" where a site hides the address).
_EMAIL = re.compile(r"^(\S+@\S+\.\w+|\[email\xa0protected\]|\[email protected\])$")
# Words of page controls; a headline rarely has them.
_CONTROL_WORDS = re.compile(r"\b(sign in|sign up|log in|login|comments?|share|subscribe|favou?rite|print|newsletter"
                            r"|advert\w*|cookies?|menu|search)\b|(previous|next) (article|post|story)", re.IGNORECASE)
# Date lines: a clock time, a date with a month name or in figures, "3 hours ago", a publication label.
_DATE_LIKE = re.compile(rf"\b\d{{1,2}}:\d{{2}}\b|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b"
                        rf"|\b\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}\b"
                        r"|\b\d+\s*(hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years?)\s+ago\b"
                        r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
                        r"|\d{1,4}\s*\u5e74\s*\d{1,2}\s*\u6708|\d{1,2}\s*\u6708\s*\d{1,2}\s*\u65e5"  # 2022年5月, 06月24日
                        r"|^(published|updated|posted|written|stand|publi\u00e9|publicado|pubblicato"
                        r"|ver\u00f6ffentlicht)\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class PageArticle:
    """Where the article is among a page's lines (indices into the list given)."""

    body_start: int | None  # first and last line of the body, inclusive; None when there is no article
    body_end: int | None
    headline: int | None
    no_article_reason: str | None = None

    @property
    def found(self) -> bool:
        return self.body_start is not None


@lru_cache(maxsize=8192)  # each line is measured several times (length, stopwords, headline)
def _words(line: str) -> tuple[str, ...]:
    """Whitespace-separated words, lower-cased, without surrounding punctuation. Not \\w+ runs:
    those break Bengali or Hindi words at every vowel sign."""
    # map and filter rather than a generator: a line has dozens of tokens, and the page decision
    # measures every line
    tokens = map(str.strip, line.lower().split(), repeat(_PUNCTUATION))
    return tuple(filter(_WORD_CHARACTER.search, tokens))


def word_units(line: str) -> int:
    """Words in the line; for scripts written without spaces, an estimate from its letters."""
    words = len(_words(line))
    unspaced = len(_UNSPACED_SCRIPT.findall(line))
    return max(words, unspaced // LETTERS_PER_UNSPACED_WORD) if unspaced else words


@lru_cache(maxsize=64)
def stopwords(language: str) -> frozenset[str]:
    """jusText's stoplist for the language; for a language it has no list for, all its lists together."""
    import justext

    name = STOPLIST_NAMES.get(language)
    if name is not None:
        return frozenset(justext.get_stoplist(name))
    return frozenset().union(*(justext.get_stoplist(n) for n in justext.get_stoplists()))


def stopword_density(line: str, stoplist: frozenset[str]) -> float:
    words = _words(line)
    return sum(map(stoplist.__contains__, words)) / len(words) if words else 0.0


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_paragraph(line: str, stoplist: frozenset[str]) -> bool:
    """Running prose: long, stopword-rich (or, in a script without spaces, punctuated inside), and
    ending like a sentence unless it is long."""
    units = word_units(line)
    if units < MIN_PARAGRAPH_WORDS:
        return False
    if _UNSPACED_SCRIPT.search(line):
        prose = bool(_UNSPACED_CLAUSE_BREAK.search(line))
    else:
        prose = stopword_density(line, stoplist) >= MIN_STOPWORD_DENSITY
    return prose and (ends_like_sentence(line) or units >= MIN_UNENDED_PARAGRAPH_WORDS)


def is_teaser(lines: list[str], index: int) -> bool:
    """A summary of another story: it ends with "| more", or the next line is a "Read more" link."""
    return bool(_TEASER_LINK.search(lines[index]) or (index + 1 < len(lines) and _TEASER_LINK.match(lines[index + 1].strip())))


def is_end_of_article(line: str) -> bool:
    return bool(_END_OF_ARTICLE.match(line.strip()))


def line_scores(lines: list[str], stoplist: frozenset[str]) -> list[float]:
    """What each line adds to a run of prose: its words for a paragraph, nothing for a one-line
    sentence or an item of a bulleted list, a cost for anything else. A summary followed by
    "Read more" is a teaser."""
    scores = []
    for index, line in enumerate(lines):
        teaser = is_teaser(lines, index)
        if is_paragraph(line, stoplist) and not teaser:
            scores.append(float(min(word_units(line), MAX_PARAGRAPH_SCORE)))
        elif not teaser and (_BULLET.match(line) or (word_units(line) >= MIN_SHORT_SENTENCE_WORDS
                                                       and ends_like_sentence(line) and stopword_density(line, stoplist) > 0)
                             or (word_units(line) > MAX_HEADLINE_SENTENCE_WORDS
                                 and stopword_density(line, stoplist) >= MIN_STOPWORD_DENSITY)):
            scores.append(0.0)
        else:
            scores.append(-SHORT_LINE_COST)
    return scores


def _best_run(scores: list[float], start: int, stop: int) -> tuple[int, int, float] | None:
    """Maximum-sum run of scores[start:stop], trimmed to begin and end on prose."""
    best: tuple[int, int, float] | None = None
    first, total = start, 0.0
    for index in range(start, stop):
        if total <= 0:
            first, total = index, 0.0
        total += scores[index]
        if scores[index] > 0 and (best is None or total > best[2]):
            best = (first, index, total)
    if best is None:
        return None
    first, last, total = best
    while first < last and scores[first] <= 0:
        first += 1
    # one-line paragraphs next to the run ("The incident drew several curious onlookers.") belong to it
    while last + 1 < stop and scores[last + 1] == 0:
        last += 1
    while first - 1 >= start and scores[first - 1] == 0:
        first -= 1
    return first, last, total


def _is_inline_box(lines: list[str], scores: list[float], index: int) -> bool:
    """The heading of a box of links inside the article: "Read also", or "Related coverage" when
    the article's prose follows within MAX_READ_ALSO_LINKS lines with no date or byline between
    (after the last paragraph, the same heading opens a list of other stories, or the next story)."""
    heading = lines[index].strip()
    if _READ_ALSO.match(heading):
        return True
    if not _RELATED_BOX.match(heading):
        return False
    for later in range(index + 1, min(len(lines), index + 2 + MAX_READ_ALSO_LINKS)):
        if scores[later] > 0:
            return True
        if is_header_line(lines[later]) or is_end_of_article(lines[later]):
            return False
    return False


def prose_runs(lines: list[str], scores: list[float]) -> list[tuple[int, int, float]]:
    """The densest run of prose in each stretch of the page between end-of-article headings and
    long gaps (MAX_GAP_LINES lines that are not prose: a menu, a teaser list, a form). A "read
    also" box inside the article (its heading and up to MAX_READ_ALSO_LINKS links) is no gap:
    the article goes on below it."""
    runs, start, gap, box_links_left = [], 0, 0, 0
    for index, line in enumerate(lines + [""]):
        inline_box = index < len(lines) and _is_inline_box(lines, scores, index)
        barrier = index == len(lines) or (is_end_of_article(line) and not inline_box)
        if inline_box:
            box_links_left = MAX_READ_ALSO_LINKS  # the box's heading: no gap
        elif box_links_left and index < len(lines) and scores[index] < 0:
            box_links_left -= 1  # a link of the box: no gap
        else:
            box_links_left = 0
            gap = gap + 1 if index < len(lines) and scores[index] < 0 else 0
        if barrier or gap >= MAX_GAP_LINES:
            stop = index if barrier else index - gap + 1
            if (run := _best_run(scores, start, stop)) is not None:
                runs.append(run)
            start = index + 1 if barrier else stop
    return runs


@lru_cache(maxsize=1)
def _dates_with_month_names() -> re.Pattern[str]:
    """"3 de mayo de 2022", "4. März 2022", "mai 12, 2021": a day, a month name in any language of
    the stoplists (dateparser's locale data: the library already knows every month's names and
    abbreviations), and a year."""
    from dateparser.languages import default_loader

    names: set[str] = set()
    for language in STOPLIST_NAMES:
        try:
            info = default_loader.get_locale(language).info
        except (KeyError, ValueError):  # a stoplist language dateparser has no locale for
            continue
        names.update(name.lower() for month in _MONTH_KEYS for name in info.get(month, []) if len(name) >= 3)
    months = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{months})\.?,?\s+(?:de\s+)?\d{{4}}\b"
                      rf"|\b(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}\b", re.IGNORECASE)


def _is_name_line(line: str) -> bool:
    """"María Victoria Echeverría" alone on a line near the headline: the author. A known given name
    (the actors' names-by-gender list), then only capitalised words or name particles."""
    words = line.split()
    if not MIN_NAME_LINE_WORDS <= len(words) <= MAX_NAME_LINE_WORDS or any(ch.isdigit() for ch in line):
        return False
    return without_accents(words[0]).lower() in _GIVEN_NAMES and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words[1:])


def is_header_line(line: str) -> bool:
    """A byline, an author's e-mail, or a date line: the headline sits just above (or below) these.
    (A bare name is not evidence: teasers print their authors' names too.)"""
    units = word_units(line)
    return bool((units <= MAX_BYLINE_WORDS and _BYLINE_START.match(line)) or _EMAIL.match(line.strip())
                or (units <= MAX_DATE_LINE_WORDS and (_DATE_LIKE.search(line) or _dates_with_month_names().search(line))))


def _is_share_bar(line: str) -> bool:
    words = _words(line)
    return sum(bool(_SOCIAL_NETWORK.match(word)) for word in words) >= SHARE_BAR_NETWORK_SHARE * len(words)


def is_menu_line(line: str) -> bool:
    """Links printed on one line: a breadcrumb ("National / Crime & Legal") or a menu whose items
    ran together ("NoticiasAméricaMéxico", "Bay AreaABC7 Newsteam BiosConnect with ABC7Take Action").
    A name such as "McDonald" or "DeSantis" joins case once, and a headline has one or two of them.
    """
    items = _MENU_SEPARATOR.split(line.strip())
    if len(items) >= 2 and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items):
        return True
    joins = [sum(a.islower() and b.isupper() for a, b in zip(word, word[1:])) for word in line.split()]
    return max(joins, default=0) >= MIN_RUN_TOGETHER_JOINS or sum(joins) > MIN_RUN_TOGETHER_JOINS


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if _LETTER.match(w[:1])]
    return len(words) >= MIN_HEADLINE_WORDS and sum(w[:1].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


def _headline_score(lines: list[str], index: int, body_start: int, repeated: bool, stoplist: frozenset[str],
                    article_script: str | None) -> float | None:
    """How title-like a line near the top of the body is; None when it cannot be the headline."""
    line = lines[index]
    units = word_units(line)
    if (not MIN_HEADLINE_WORDS <= units <= MAX_HEADLINE_WORDS or not _LETTER.search(line) or _NOT_A_HEADLINE.search(line)
            or _is_share_bar(line) or is_header_line(line) or is_end_of_article(line) or is_menu_line(line)
            or _is_name_line(line.strip())):
        return None
    script, _ = dominant_script(line)
    if classify_line(line, "und", article_script) is not None or (article_script and script != article_script):
        return None  # a caption, a share button, a promo; or chrome in another script
    score = min(units, 8) / 4 - abs(body_start - 1 - index) / 10
    # the page repeats its headline (browser title, breadcrumb, "most read"); section labels repeat in menus
    score += 2 if repeated and units >= MIN_REPEATED_HEADLINE_WORDS else 0
    score += 2 if stopword_density(line, stoplist) > 0 or _UNSPACED_SCRIPT.search(line) else 0
    score += 1 if _title_case(line) else 0
    score -= 2 if _CONTROL_WORDS.search(line) else 0
    near = lines[max(0, index - 1):index] + lines[index + 1:index + 1 + HEADER_LINES_BELOW_HEADLINE]
    score += 2 if any(is_header_line(other) for other in near) else 0
    if ends_like_sentence(line) and not line.rstrip().endswith("?"):
        score -= 2 if units <= MAX_HEADLINE_SENTENCE_WORDS else 3  # more likely a standfirst or a caption
    elif units > MAX_HEADLINE_SENTENCE_WORDS:
        score -= 1  # long even without a full stop: more often a standfirst than a headline
    return score


def find_headline(lines: list[str], body_start: int, stoplist: frozenset[str]) -> int | None:
    """The most title-like line in the lines above the body (or its first line)."""
    normalised = [" ".join(_words(line)) for line in lines]
    counts: dict[str, int] = {}
    for text in normalised:
        counts[text] = counts.get(text, 0) + 1
    article_script, _ = dominant_script(" ".join(lines[body_start:body_start + SCRIPT_SAMPLE_LINES]))
    best: tuple[float, int] | None = None
    below: tuple[int, float | None] = (body_start + 1, None)  # the line under this one, and its score
    for index in range(body_start, max(-1, body_start - 1 - HEADLINE_WINDOW), -1):
        text = normalised[index]
        if counts[text] > MAX_HEADLINE_REPEATS and word_units(lines[index]) < MIN_OFTEN_REPEATED_HEADLINE_WORDS:
            continue  # "Advertisement", "CONTINUE READING": chrome printed all over the page
        context = REPEAT_CONTEXT_SHARE * len(text) + REPEAT_CONTEXT_CHARS
        repeated = counts[text] > 1 or any(text in other for other in normalised if other != text and len(other) < context)
        score = _headline_score(lines, index, body_start, repeated, stoplist, article_script)
        if score is not None and below[1] is not None and word_units(lines[index]) < word_units(lines[below[0]]):
            score += HEADLINE_OVER_DECK_BONUS  # a headline over its longer deck, not the deck
        below = (index, score)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best else None


def chrome_inside_body(lines: list[str], first: int, last: int, stoplist: frozenset[str]) -> dict[int, str]:
    """Reasons for lines inside the body that belong to the page, not the article: teaser boxes
    (a kicker, a title, a summary ending in "| more") and lists of MIN_LINK_LIST_LINES or more
    lines in a row that are neither prose nor sentences (links to other stories). A lone short line
    is a subheading."""
    reasons: dict[int, str] = {}
    for index in range(first, last + 1):
        read_more_below = index + 1 <= last and _TEASER_LINK.match(lines[index + 1].strip())
        if _TEASER_LINK.search(lines[index]) or read_more_below:
            reasons[index] = "teaser for another story inside the body (a summary followed by 'read more')"
            for above in range(index - 1, max(first - 1, index - 1 - TEASER_TITLE_LINES), -1):
                if is_paragraph(lines[above], stoplist) or ends_like_sentence(lines[above]):
                    break
                reasons[above] = "title of a teaser for another story inside the body"
    index = first
    while index <= last:
        end = index
        while (end <= last and not is_paragraph(lines[end], stoplist) and not ends_like_sentence(lines[end])
               and not _BULLET.match(lines[end])):
            end += 1
        if end - index >= MIN_LINK_LIST_LINES:
            for listed in range(index, end):
                reasons.setdefault(listed, f"one of {end - index} non-sentence lines in a row inside the body: "
                                           "a list of links")
        index = max(end, index + 1)
    return reasons


def find_article(lines: list[str], language: str) -> PageArticle:
    """The page's article body (a run of prose) and its headline, decided over the whole page."""
    stoplist = stopwords(language)
    scores = line_scores(lines, stoplist)
    runs = prose_runs(lines, scores)
    if not runs:
        return PageArticle(None, None, None, "no article on the page: no line reads like a paragraph of prose")
    best = max(score for _, _, score in runs)
    first, last, _ = next(run for run in runs if run[2] >= FIRST_RUN_SHARE * best)
    prose_words = sum(word_units(lines[i]) for i in range(first, last + 1) if scores[i] > 0)
    if prose_words < MIN_ARTICLE_WORDS:
        return PageArticle(None, None, None, f"no article on the page: its run of prose has {prose_words} words "
                                             f"(fewer than {MIN_ARTICLE_WORDS}); a home page, an error page or a login wall")
    headline = find_headline(lines, first, stoplist)
    if headline == first:  # the body's first line was the headline (it ends with a full stop)
        first = next((i for i in range(first + 1, last + 1) if scores[i] > 0), last)
    return PageArticle(first, last, headline)
