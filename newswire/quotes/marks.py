"""Pass 1: words between quote marks, paired at the character level.

Independent of the parser, so offsets are exact and a parse error never loses a quote:
every quote style, nested quotes, quotes running over several paragraphs, and a lost
opening or closing mark recovered by rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newswire.quotes.spans import paragraph_start, paragraphs, strip_span
from newswire.syntax import doc_text

# Quote glyphs are typography, not language rules: the same table serves every language.
# `''` and `` are typewriter/LaTeX double quotes ("measures,'' he said").
_MARK = re.compile("''|``|[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a]")
DOUBLE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "''", "``"})
# A glyph's role when its neighbours do not decide it (both sides spaces, or both words).
GLYPH_ROLE = {
    "\u201c": "open", "\u201e": "open", "\u00ab": "open", "\u2018": "open", "\u201a": "open",
    "\u2039": "open", "``": "open",
    "\u201d": "close", "\u00bb": "close", "\u2019": "close", "\u203a": "close", "''": "close",
    '"': "either", "'": "none",
}
OPENING_ROLES = ("open", "either")
CLOSING_ROLES = ("close", "either")
# German „…“ closes with the glyph English uses to open.
LOW_OPENERS = frozenset({"\u201e", "\u201a"})
LOW_OPENER_CLOSERS = ("\u201c", "\u2018")
APOSTROPHES = frozenset({"'", "\u2019", "\u2018"})
# Characters that may precede an opening mark / follow a closing one.
OPEN_CONTEXT = "([{/\u2014\u2013-" + "\u201c\u201e\u00ab\u2018\u201a\u2039"
CLOSE_CONTEXT = ".,;:!?)]}/\u2014\u2013-\u2026" + "\u201d\u00bb\u2019\u203a"
# How far into the next paragraph a continuing quote's opening mark is looked for.
CONTINUATION_LOOKAHEAD = 8


@dataclass(frozen=True)
class Marked:
    """Words between a pair of quote marks: content [start, end), marks included [outer_start, outer_end)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    recovered: bool  # a mark was missing and the span was closed by a rule


# (position, glyph, role) of one quote mark; (position, glyph) of a mark left open
_Mark = tuple[int, str, str]
_Open = tuple[int, str]


_MARKED_KEY = "newswire_marked"


def marked_in(doc: Doc) -> list[Marked]:
    """find_marked of an article's Doc, found once per Doc: the quote and the event extractors both read it
    (kept in user_data, which stored parses leave out; read only, never changed)."""
    marked = doc.user_data.get(_MARKED_KEY)
    if marked is None:
        marked = doc.user_data[_MARKED_KEY] = find_marked(doc_text(doc))
    return marked


def find_marked(text: str) -> list[Marked]:
    """Spans of words between quote marks, in text order.

    A double quote still open at a paragraph end continues when the next paragraph opens
    with a quote mark (the newspaper convention for a multi-paragraph quote); otherwise it
    is closed at the paragraph end (the closing mark was lost).
    """
    all_marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    out: list[Marked] = []
    carried: _Open | None = None
    k = 0
    for p_start, p_end in paragraphs(text):
        para: list[_Mark] = []
        while k < len(all_marks) and all_marks[k][0] < p_end:
            pos, mark = all_marks[k]
            para.append((pos, mark, _mark_role(text, pos, mark)))
            k += 1
        if carried is not None:
            if _opens_paragraph(para, strip_span(text, p_start, p_end)[0]):
                para = para[1:]
            else:
                carried = None
        spans, open_at = _pair_marks(text, para, carried)
        out.extend(spans)
        carried = None
        if open_at is not None:
            if _next_paragraph_opens_with_a_quote(text, p_end):
                carried = open_at
            else:
                s, e = strip_span(text, open_at[0] + len(open_at[1]), p_end)
                if s < e:
                    out.append(Marked(s, e, open_at[0], e, True))
    return _outermost([m for m in out if m.start < m.end])


def _mark_role(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'either' or 'none' (an apostrophe), from the mark and its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in APOSTROPHES and prev.isalnum() and nxt.isalnum():
        return "none"  # Russia's, we're, don't
    space_prev = prev.isspace() or prev in OPEN_CONTEXT
    space_next = nxt.isspace() or nxt in CLOSE_CONTEXT
    if mark == "\u2019" and space_prev:
        return "none"  # elision at a word start ('90s, 'em), almost never an opener
    if space_prev and not space_next:
        return "open"
    if space_next and not space_prev:
        return "close"
    return GLYPH_ROLE[mark]


def _opens_paragraph(para: list[_Mark], first_char: int) -> bool:
    """The paragraph's first character is a double quote that can open: a quote continues."""
    return bool(para) and para[0][0] == first_char and para[0][1] in DOUBLE_MARKS and para[0][2] in OPENING_ROLES


def _next_paragraph_opens_with_a_quote(text: str, p_end: int) -> bool:
    following = text[p_end + 1:p_end + 1 + CONTINUATION_LOOKAHEAD].lstrip()
    return following[:1] in DOUBLE_MARKS or following[:2] in DOUBLE_MARKS


def _pair_marks(text: str, marks: list[_Mark], carried: _Open | None) -> tuple[list[Marked], _Open | None]:
    """Pair the marks of one paragraph. Returns the spans and a double quote left open.

    `carried` is a double quote opened in an earlier paragraph (position, glyph). The
    first mark of one family opens the outer quote; marks of the other family inside it
    are nested quotes and stay part of its words. A stray opener inside an open quote is
    kept as part of the words (the quote ends at the first closing mark). A single-quote
    opener that never closes was an apostrophe: the paragraph is paired again without it.
    """
    roles = [role for _, _, role in marks]
    while True:
        spans, open_at, single_opener = _pair_once(text, marks, roles, carried)
        if open_at is None or open_at[1] in DOUBLE_MARKS or single_opener < 0:
            return spans, open_at
        roles[single_opener] = "none"


def _pair_once(text: str, marks: list[_Mark], roles: list[str],
               carried: _Open | None) -> tuple[list[Marked], _Open | None, int]:
    """One pairing pass: the spans, the quote left open, and the index of the single-quote
    mark that opened it (-1 when a double quote did)."""
    spans: list[Marked] = []
    open_at = carried
    single_opener = -1
    seen_double = carried is not None
    for k, (pos, mark, _) in enumerate(marks):
        role = roles[k]
        if role == "none":
            continue
        double = mark in DOUBLE_MARKS
        if open_at is None:
            if role in OPENING_ROLES:
                open_at = (pos, mark)
                single_opener = -1 if double else k
                seen_double = seen_double or double
            elif double and not seen_double:
                spans.extend(_lost_opener(text, pos, mark))
                seen_double = True
            continue
        if double != (open_at[1] in DOUBLE_MARKS):
            continue  # nested quote of the other family
        if role in CLOSING_ROLES or (open_at[1] in LOW_OPENERS and mark in LOW_OPENER_CLOSERS):
            start, end = strip_span(text, open_at[0] + len(open_at[1]), pos)
            spans.append(Marked(start, end, open_at[0], pos + len(mark), False))
            open_at = None
    return spans, open_at, single_opener


def _lost_opener(text: str, pos: int, mark: str) -> list[Marked]:
    """A closing mark with no opener in the paragraph: the opener was lost at the paragraph
    start ('Russia must choose," he said.')."""
    p_start = strip_span(text, paragraph_start(text, pos), pos)[0]
    return [Marked(p_start, pos, p_start, pos + len(mark), True)] if p_start < pos else []


def _outermost(spans: list[Marked]) -> list[Marked]:
    """Drop spans lying inside another (a recovered span can swallow a nested quote)."""
    kept: list[Marked] = []
    for m in sorted(spans, key=lambda m: (m.outer_start, -m.outer_end)):
        if kept and m.outer_start < kept[-1].outer_end:
            continue
        kept.append(m)
    return kept
