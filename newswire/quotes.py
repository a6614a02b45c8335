"""Quotations in an article: direct, partial, indirect (reported) and scare quotes.

Two passes over the cleaned article text:

1. `find_marked` pairs quote marks at the character level (every style, broken marks
   recovered), independent of the parser, so offsets are exact and a parse error never
   loses a quote.
2. Each marked span is attributed with the dependency parse: the cue verb that governs
   it (or sits in the attribution next to it), the cue's subject as the speaker, the
   addressee as the relaying outlet. Cue verbs with a reported clause and no quote marks
   give indirect quotes.

`cluster_quotes` groups the same words quoted across articles.

Rules that match language live in newswire/data/cue_verbs.json and quotes_markers.json.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from newswire.text import is_sentence, word_count

DATA_DIR = Path(__file__).parent / "data"

# --- quote marks -------------------------------------------------------------------------
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
# German „…“ closes with the glyph English uses to open.
LOW_OPENERS = frozenset({"\u201e", "\u201a"})
APOSTROPHES = frozenset({"'", "\u2019", "\u2018"})
# Characters that may precede an opening mark / follow a closing one.
OPEN_CONTEXT = "([{/\u2014\u2013-" + "\u201c\u201e\u00ab\u2018\u201a\u2039"
CLOSE_CONTEXT = ".,;:!?)]}/\u2014\u2013-\u2026" + "\u201d\u00bb\u2019\u203a"

# --- attribution -------------------------------------------------------------------------
SENTENCE_END_TOKENS = frozenset({".", "!", "?", "\u2026"})
# An inverted or trailing attribution ('"...," the Russian Foreign Ministry said') has its
# cue within a few tokens of the closing mark; further on, a verb belongs to new prose.
MAX_TRAILING_CUE_DISTANCE = 8
# Steps up the tree from a subjectless cue ("..., saying", "but warned") to the verb whose
# subject is the speaker.
MAX_SUBJECT_CLIMB = 3
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "prep"})
# Scare quotes are labels: a few words, no clause of their own.
MAX_SCARE_WORDS = 4
# A fragment this short with no verb reads as a term even at the start of a sentence.
MIN_DIRECT_WORDS = 3
# Reported clauses shorter than this are mostly parser noise ("he said so").
MIN_INDIRECT_WORDS = 3
# Heading lines restate body quotes in shortened form; quoting them would double count.
MAX_HEADING_WORDS = 15
NOMINAL_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
SUBJECT_DEPS = frozenset({"nsubj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

CONFIDENCE = {
    "direct": 0.9, "direct_continued": 0.75, "direct_unattributed": 0.5,
    "partial": 0.8, "partial_uncued": 0.5, "indirect": 0.7, "indirect_frame": 0.6,
    "scare": 0.6,
}
# Confidence multiplier for a span whose opening or closing mark was missing.
RECOVERED_MARKS_FACTOR = 0.8


@dataclass(frozen=True)
class QuoteCandidate:
    start: int
    end: int
    text: str
    kind: str  # "direct" | "partial" | "indirect" | "scare"
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    via: str | None
    confidence: float


@dataclass(frozen=True)
class Marked:
    """Words between a pair of quote marks: content [start, end), marks included [outer_start, outer_end)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    recovered: bool  # a mark was missing and the span was closed by a rule


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    not_clausal: frozenset[str]
    frames: dict[str, tuple[tuple[str, ...], ...]]
    scare_markers: frozenset[str]
    according: dict[str, str]
    carrier_nouns: frozenset[str]
    carrier_preps: frozenset[str]
    outlets: tuple[str, ...]
    outlet_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    question_words: frozenset[str]
    unasserting_aux: frozenset[str]
    unasserting_marks: frozenset[str]
    unasserting_governors: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    cues = json.loads((data_dir / "cue_verbs.json").read_text(encoding="utf-8"))
    marks = json.loads((data_dir / "quotes_markers.json").read_text(encoding="utf-8"))
    return Lexicon(
        speech=frozenset(cues["speech_verbs"]),
        not_clausal=frozenset(cues["not_clausal"]),
        frames={k: tuple(tuple(alt) for alt in v) for k, v in cues["complement_frames"].items()},
        scare_markers=frozenset(marks["scare_markers"]),
        according=dict(marks["according"]),
        carrier_nouns=frozenset(marks["carrier_nouns"]),
        carrier_preps=frozenset(marks["carrier_preps"]),
        # longest first so "The Washington Post" wins over "Washington Post"
        outlets=tuple(sorted(marks["outlets"], key=len, reverse=True)),
        outlet_nouns=frozenset(marks["outlet_nouns"]),
        addressee_verbs=frozenset(marks["addressee_verbs"]),
        question_words=frozenset(cues["question_words"]),
        unasserting_aux=frozenset(cues["unasserting"]["aux"]),
        unasserting_marks=frozenset(cues["unasserting"]["marks"]),
        unasserting_governors=frozenset(cues["unasserting"]["governors"]),
    )


# ========================================================================================
# Pass 1: quote marks
# ========================================================================================


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


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_marks(
    text: str, marks: list[tuple[int, str, str]], carried: tuple[int, str] | None
) -> tuple[list[Marked], tuple[int, str] | None]:
    """Pair the marks of one paragraph. Returns the spans and a double quote left open.

    `carried` is a double quote opened in an earlier paragraph (position, glyph). The
    first mark of one family opens the outer quote; marks of the other family inside it
    are nested quotes and stay part of its words. A stray opener inside an open quote is
    kept as part of the words (the quote ends at the first closing mark). A single-quote
    opener that never closes was an apostrophe: the paragraph is paired again without it.
    """
    roles = [role for _, _, role in marks]
    while True:
        spans: list[Marked] = []
        open_at: tuple[int, str] | None = carried
        failed_single: int | None = None
        single_index = -1
        seen_double = carried is not None
        for k, (pos, mark, _) in enumerate(marks):
            role = roles[k]
            if role == "none":
                continue
            double = mark in DOUBLE_MARKS
            if open_at is None:
                if role in ("open", "either"):
                    open_at = (pos, mark)
                    single_index = -1 if double else k
                    seen_double = seen_double or double
                elif double and not seen_double:
                    # a closing mark with no opener in the paragraph: the opener was lost
                    # at the paragraph start ('Russia must choose," he said.')
                    p_start = _strip_span(text, _para_start(text, pos), pos)[0]
                    if p_start < pos:
                        spans.append(Marked(p_start, pos, p_start, pos + len(mark), True))
                    seen_double = True
                continue
            open_double = open_at[1] in DOUBLE_MARKS
            if double != open_double:
                continue  # nested quote of the other family
            closes = role in ("close", "either") or (
                open_at[1] in LOW_OPENERS and mark in ("\u201c", "\u2018")
            )
            if closes:
                start, end = _strip_span(text, open_at[0] + len(open_at[1]), pos)
                spans.append(Marked(start, end, open_at[0], pos + len(mark), False))
                open_at = None
        if open_at is not None and open_at[1] not in DOUBLE_MARKS:
            failed_single = single_index
        if failed_single is None or failed_single < 0:
            return spans, open_at
        roles[failed_single] = "none"


def _para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def find_marked(text: str) -> list[Marked]:
    """Spans of words between quote marks, in text order.

    A double quote still open at a paragraph end continues when the next paragraph opens
    with a quote mark (the newspaper convention for a multi-paragraph quote); otherwise it
    is closed at the paragraph end (the closing mark was lost).
    """
    all_marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    out: list[Marked] = []
    carried: tuple[int, str] | None = None
    k = 0
    for p_start, p_end in _paragraphs(text):
        para: list[tuple[int, str, str]] = []
        while k < len(all_marks) and all_marks[k][0] < p_end:
            pos, mark = all_marks[k]
            para.append((pos, mark, _mark_role(text, pos, mark)))
            k += 1
        first = _strip_span(text, p_start, p_end)[0]
        if carried is not None:
            opens_para = bool(para) and para[0][0] == first and para[0][1] in DOUBLE_MARKS \
                and para[0][2] in ("open", "either")
            if opens_para:
                para = para[1:]
            else:
                carried = None
        spans, open_at = _pair_marks(text, para, carried)
        out.extend(spans)
        carried = None
        if open_at is not None:
            following = text[p_end + 1:p_end + 1 + 8].lstrip()
            if following[:1] in DOUBLE_MARKS or following[:2] in DOUBLE_MARKS:
                carried = open_at
            else:
                start = open_at[0] + len(open_at[1])
                s, e = _strip_span(text, start, p_end)
                if s < e:
                    out.append(Marked(s, e, open_at[0], e, True))
    return _outermost([m for m in out if m.start < m.end])


def _outermost(spans: list[Marked]) -> list[Marked]:
    """Drop spans lying inside another (a recovered span can swallow a nested quote)."""
    kept: list[Marked] = []
    for m in sorted(spans, key=lambda m: (m.outer_start, -m.outer_end)):
        if kept and m.outer_start < kept[-1].outer_end:
            continue
        kept.append(m)
    return kept


# ========================================================================================
# Pass 2: attribution with the parse
# ========================================================================================


@dataclass(frozen=True)
class _Chunk:
    offset: int
    end: int  # offset + length of the chunk (Doc.text rebuilds the string: read it once)
    doc: Doc
    starts: tuple[int, ...]  # global char offset of each token

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens lying entirely inside [start, end) of the article text."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.starts) and self.starts[i] < end:
            tok = self.doc[i]
            if self.starts[i] + len(tok.text) <= end:
                out.append(tok)
            i += 1
        return out

    def token_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def g(self, tok: Token) -> int:
        return self.offset + tok.idx


def _chunks(docs: Iterable[tuple[int, Doc]], text_len: int) -> list[_Chunk]:
    out = []
    for offset, doc in docs:
        end = offset + len(doc.text)
        if offset < 0 or end > text_len:
            continue  # a Doc that is not a piece of this text: nothing safe to attribute
        out.append(_Chunk(offset, end, doc, tuple(offset + t.idx for t in doc)))
    return sorted(out, key=lambda c: c.offset)


def _chunk_for(chunks: list[_Chunk], pos: int) -> _Chunk | None:
    for c in reversed(chunks):
        if c.offset <= pos < c.end:
            return c
    return None


def _is_word(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


@dataclass(frozen=True)
class _Context:
    """What surrounds a marked span inside its sentence."""

    inside: list[Token]
    before: list[Token]  # from the sentence start (or the previous quote) to the opener
    after: list[Token]  # from the closer to the sentence end (or the next quote)


def _context(chunk: _Chunk, m: Marked, outer: _Spans) -> _Context:
    inside = chunk.tokens_between(m.start, m.end)
    doc = chunk.doc

    def in_other_quote(tok: Token) -> bool:
        span = outer.covering(chunk.g(tok))
        return span is not None and span != (m.outer_start, m.outer_end)

    before: list[Token] = []
    i = chunk.token_at_or_after(m.outer_start) - 1
    while i >= 0:
        tok = doc[i]
        if "\n" in tok.text or tok.text in SENTENCE_END_TOKENS or in_other_quote(tok):
            break
        if chunk.g(tok) + len(tok.text) <= m.outer_start:
            before.append(tok)
        i -= 1
    before.reverse()
    after: list[Token] = []
    i = chunk.token_at_or_after(m.outer_end)
    while i < len(doc):
        tok = doc[i]
        if "\n" in tok.text or in_other_quote(tok):
            break
        after.append(tok)
        if tok.text in SENTENCE_END_TOKENS:
            break
        i += 1
    return _Context(inside, before, after)


@dataclass(frozen=True)
class _Spans:
    """Sorted, non-overlapping char spans with logarithmic lookups."""

    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> _Spans:
        return cls(tuple(sorted(spans)))

    def covering(self, pos: int) -> tuple[int, int] | None:
        j = bisect.bisect_right(self.spans, (pos, float("inf"))) - 1
        return self.spans[j] if j >= 0 and self.spans[j][0] <= pos < self.spans[j][1] else None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        j = max(0, bisect.bisect_right(self.spans, (start, float("inf"))) - 1)
        out = []
        while j < len(self.spans) and self.spans[j][0] < end:
            if self.spans[j][1] > start:
                out.append(self.spans[j])
            j += 1
        return out


def _heads(tokens: list[Token]) -> list[Token]:
    """Tokens of the span attached outside it (the span's roots)."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.speech:
        return False
    # a bare passive participle ("Asked whether ..., Biden said", "the plan, announced
    # on Friday") names no speaker; "as reported by X" has its agent
    return not (tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod")
                and not any(c.dep_ == "agent" for c in tok.children))


def _ancestor_cue(heads: list[Token], allowed: set[int], lex: Lexicon) -> Token | None:
    best: tuple[int, Token] | None = None
    for h in heads:
        for depth, anc in enumerate(h.ancestors, start=1):
            if anc.i not in allowed:
                break
            if _is_cue(anc, lex) and (best is None or depth < best[0]):
                best = (depth, anc)
                break
    return best[1] if best else None


def _according_source(tokens: list[Token], lex: Lexicon) -> tuple[Token, Token] | None:
    """('according', its source noun) when the tokens hold 'according to X'."""
    for tok in tokens:
        prep = lex.according.get(tok.lower_)
        if prep is None:
            continue
        for child in tok.children:
            if child.lower_ == prep:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return tok, _carried_source(objs[0], lex)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == prep:
            objs = [c for c in nxt.children if c.dep_ == "pobj"]
            if objs:
                return tok, _carried_source(objs[0], lex)
    return None


def _carried_source(noun: Token, lex: Lexicon) -> Token:
    """'an estimate from the Ministry' -> Ministry: the source, not the document."""
    if noun.lemma_.lower() in lex.carrier_nouns and noun.pos_ == "NOUN":
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in lex.carrier_preps:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_):
                    return objs[0]
    return noun


def _speaker_token(cue: Token, exclude: frozenset[int] = frozenset()) -> Token | None:
    """Subject of the cue, climbing from a subjectless cue ("..., saying", "but warned") to
    the verb it hangs from; the agent of a passive ("as reported by X"). Tokens in
    `exclude` (the quoted words) are never the speaker."""
    tok = cue
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i not in exclude
                    and not _newline_between(c, tok)]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - tok.i))
            if subject.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            return subject
        for child in tok.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if tok.dep_ in ("relcl", "acl"):
            return tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        tok = _coordinated_cue(tok) or tok.head
    return None


def _coordinated_cue(tok: Token) -> Token | None:
    """The cue a subjectless speech verb is really coordinated with.

    In "X said A and called on all sides to B" the parser often hangs "called" off the
    reported clause A (conj of its verb) instead of off "said"; a subjectless speech verb
    there shares the subject of the outer cue, not of A.
    """
    lex = load_lexicon()
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.speech:
        return None
    head = tok.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "ccomp" and _is_cue(head.head, lex):
        return head.head
    return None


def _newline_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


def _np_bounds(head: Token) -> tuple[Token, Token]:
    """First and last token of a speaker expression: the head with its left modifiers
    ("NATO Secretary General Jens Stoltenberg", "the Russian Foreign Ministry"), and an
    'of' phrase after a common-noun head ("the head of Russian diplomacy"). Appositions,
    relative clauses and coordinated speakers are left out."""
    first = head
    for left in head.lefts:
        if left.dep_ not in ("punct", "cc", "conj", "appos", "prep", "advmod"):
            first = left.left_edge
            break
    while first.i < head.i and (first.is_punct or first.is_space or first.dep_ in ("cc", "preconj")
                                or _newline_between(first, head)):
        first = first.doc[first.i + 1]
    last = head
    for right in head.rights:
        # "the head of Russian diplomacy", "the Ministry of Defense of Ukraine"; not "Blinken of"
        if right.dep_ == "prep" and right.lower_ == "of" and (
            head.pos_ == "NOUN" or any(c.pos_ == "PROPN" for c in right.children)
        ) and not _newline_between(head, right.right_edge):
            last = right.right_edge
            break
    while last.i > head.i and last.is_punct:
        last = last.doc[last.i - 1]
    return first, last


def _via(cue: Token, lex: Lexicon) -> str | None:
    """The outlet that relayed the words: 'told CNN', 'said to Interfax',
    'in an interview with the BBC'."""
    if cue.lemma_.lower() not in lex.addressee_verbs:
        return None
    candidates: list[Token] = []
    for child in cue.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("to", "with"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "in":
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ == "with":
                        candidates.extend(c for c in p.children if c.dep_ == "pobj")
    for noun in candidates:
        first, last = _np_bounds(noun)
        span = noun.doc[first.i:last.i + 1]
        for outlet in lex.outlets:
            if re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", span.text):
                return outlet if outlet in span.text else None
        if noun.lemma_.lower() in lex.outlet_nouns:
            names = [t.text for t in span if t.pos_ == "PROPN" and t.dep_ != "poss"
                     and not any(a.dep_ == "poss" for a in t.ancestors if a.i in range(first.i, last.i + 1))]
            if names:
                return " ".join(names)
    return None


@dataclass(frozen=True)
class _Attribution:
    cue: Token | None
    speaker: Token | None  # head of the speaker expression
    cue_lemma: str | None


def _attribution_of(ctx: _Context, lex: Lexicon) -> tuple[_Attribution | None, bool]:
    """The attribution of a marked span and whether it reads as a full quote.

    A quote is direct when nothing but its attribution stands beside it in the sentence
    ("...," he said / he said: "..." / saying "..."); partial when reporter prose runs into
    it (the door "remains open", stressed that "...").
    """
    allowed = {t.i for t in ctx.before} | {t.i for t in ctx.after}
    for tok in ctx.inside[:1] + ctx.inside[-1:]:
        allowed |= {t.i for t in tok.sent}
    allowed -= {t.i for t in ctx.inside}
    quoted = frozenset(t.i for t in ctx.inside)
    before_words = [t for t in ctx.before if _is_word(t)]
    cue = (_ancestor_cue(_heads(ctx.inside), allowed, lex) if ctx.inside else None) \
        or _trailing_cue(ctx, lex) or _leading_cue(ctx, lex)
    direct = not before_words or (
        cue is not None and cue.i < (ctx.inside[0].i if ctx.inside else 0)
        and all(not _is_word(t) for t in ctx.before if t.i > cue.i)
    ) or (bool(ctx.before) and ctx.before[-1].text == ":")
    if cue is not None:
        return _Attribution(cue, _speaker_token(cue, quoted), cue.lemma_.lower()), direct
    source = _according_source(ctx.after[:MAX_TRAILING_CUE_DISTANCE], lex) \
        or _according_source(ctx.before, lex)
    if source is not None:
        return _Attribution(source[0], source[1], source[0].lemma_.lower()), direct
    if before_words and ctx.before[-1].text == ":" and before_words[-1].pos_ == "PROPN":
        # "Stoltenberg: ..." transcript-style attribution
        return _Attribution(None, before_words[-1], None), True
    return None, direct


def _trailing_cue(ctx: _Context, lex: Lexicon) -> Token | None:
    """Cue in an attribution right after the closing mark ('"...," said X' / '"...," X told')."""
    ends_clause = bool(ctx.inside) and ctx.inside[-1].text in (",", "?", "!", "\u2014", "-", "\u2026", ".")
    if not ends_clause and not (ctx.after and ctx.after[0].text == ","):
        return None
    for tok in ctx.after[:MAX_TRAILING_CUE_DISTANCE]:
        if _is_cue(tok, lex):
            return tok
        if tok.text in SENTENCE_END_TOKENS:
            break
    return None


def _leading_cue(ctx: _Context, lex: Lexicon) -> Token | None:
    """Cue right before the opening mark with nothing but punctuation between (he said: "...")."""
    for tok in reversed(ctx.before):
        if _is_cue(tok, lex):
            return tok
        if _is_word(tok):
            return None
    return None


def _scare_marked(ctx: _Context, lex: Lexicon) -> bool:
    """A label rather than someone's words: so-called "X", a "formal" document."""
    words = [t for t in ctx.inside if _is_word(t)]
    if not words or len(words) > MAX_SCARE_WORDS or _has_verb(words):
        return False
    prefix = " ".join(t.lower_ for t in ctx.before[-3:] if not t.is_punct or t.text == "-")
    if any(prefix.endswith(marker) or prefix.replace(" - ", "-").endswith(marker)
           for marker in lex.scare_markers):
        return True
    ids = {t.i for t in ctx.inside}
    heads = _heads(ctx.inside)
    return len(heads) == 1 and heads[0].dep_ in NOMINAL_MODIFIER_DEPS \
        and heads[0].head.i not in ids and heads[0].head.i > heads[0].i


# "Kuleba: Diplomacy is working." — a subheading that names its speaker before a colon.
_HEADLINE_ATTRIBUTION = re.compile(r"\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}:\s")


def _headings(text: str) -> _Spans:
    """Heading lines: short, and not ending like a sentence or opening with a headline-style
    attribution ("Name: words"), which stays a heading even with a full stop."""
    return _Spans.of(
        (start, end + 1) for start, end in _paragraphs(text)
        if word_count(text[start:end]) <= MAX_HEADING_WORDS and (
            not is_sentence(text[start:end]) or _HEADLINE_ATTRIBUTION.match(text, start, end))
    )


def _speaker_fields(chunk: _Chunk, speaker: Token | None, text: str) -> tuple[int | None, int | None, str | None]:
    if speaker is None:
        return None, None, None
    first, last = _np_bounds(speaker)
    s = chunk.g(first)
    e = chunk.g(last) + len(last.text)
    if not (0 <= s < e <= len(text)):
        return None, None, None
    return s, e, text[s:e]


def _candidate(text: str, start: int, end: int, kind: str, cue: str | None,
               speaker: tuple[int | None, int | None, str | None], via: str | None,
               confidence: float) -> QuoteCandidate:
    return QuoteCandidate(start, end, text[start:end], kind, cue, speaker[0], speaker[1],
                          speaker[2], via, round(confidence, 3))


def _marked_candidates(text: str, chunks: list[_Chunk], marked: list[Marked], headings: _Spans,
                       lex: Lexicon) -> list[QuoteCandidate]:
    outer = _Spans.of((m.outer_start, m.outer_end) for m in marked)
    out: list[QuoteCandidate] = []
    previous: QuoteCandidate | None = None
    for m in marked:
        if headings.covering(m.start) is not None:
            continue
        chunk = _chunk_for(chunks, m.start)
        factor = RECOVERED_MARKS_FACTOR if m.recovered else 1.0
        if chunk is None:
            out.append(_candidate(text, m.start, m.end, "direct", None, (None, None, None), None,
                                  CONFIDENCE["direct_unattributed"] * factor))
            continue
        ctx = _context(chunk, m, outer)
        words = [t for t in ctx.inside if _is_word(t)]
        if _scare_marked(ctx, lex):
            out.append(_candidate(text, m.start, m.end, "scare", None, (None, None, None), None,
                                  CONFIDENCE["scare"] * factor))
            continue
        attribution, direct = _attribution_of(ctx, lex)
        if direct and len(words) < MIN_DIRECT_WORDS and not _has_verb(words) \
                and bool(ctx.before) and _is_word(ctx.before[-1]):
            direct = False  # 'said "yes" to the deal' is a fragment; 'said: "Yes."' is not
        kind = "direct" if direct else "partial"
        if attribution is not None:
            speaker = _speaker_fields(chunk, attribution.speaker, text)
            via = _via(attribution.cue, lex) if attribution.cue is not None else None
            cand = _candidate(text, m.start, m.end, kind, attribution.cue_lemma, speaker, via,
                              CONFIDENCE[kind] * factor)
        elif direct and previous is not None and _near(text, previous, m):
            # '"X," he said. "Y"' and a quote-only paragraph after an attributed one
            cand = _candidate(text, m.start, m.end, kind, previous.cue,
                              (previous.speaker_start, previous.speaker_end, previous.speaker_text),
                              previous.via, CONFIDENCE["direct_continued"] * factor)
        elif len(words) > MAX_SCARE_WORDS or _has_verb(words):
            # words with a clause of their own but no cue: the subject of the verb they
            # hang from is the likeliest speaker ('Washington hopes to "advance ..."')
            speaker_tok = _uncued_speaker(ctx)
            cand = _candidate(text, m.start, m.end, kind, None,
                              _speaker_fields(chunk, speaker_tok, text), None,
                              CONFIDENCE["partial_uncued" if not direct else "direct_unattributed"] * factor)
        else:
            cand = _candidate(text, m.start, m.end, "scare", None, (None, None, None), None,
                              CONFIDENCE["scare"] * factor)
        out.append(cand)
        if cand.kind != "scare":
            previous = cand
    return out


def _near(text: str, previous: QuoteCandidate, m: Marked) -> bool:
    """The previous quote is in the same paragraph or the one just before."""
    return previous.speaker_text is not None and text.count("\n", previous.end, m.start) <= 1


def _uncued_speaker(ctx: _Context) -> Token | None:
    """Nearest subject outside the quoted words up the tree from them."""
    ids = {t.i for t in ctx.inside}
    for head in _heads(ctx.inside):
        tok: Token | None = head
        while tok is not None:
            for child in tok.children:
                if child.dep_ in SUBJECT_DEPS and child.i not in ids:
                    return child
            tok = tok.head if tok.head.i != tok.i else None
    return None


# --- indirect quotes ---------------------------------------------------------------------


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop what frames a reported clause without being reported: the complementizer
    ("that"), a sentence connective ("Meanwhile,"), edge punctuation."""
    while tokens:
        first = tokens[0]
        if first.is_punct or first.is_space or first.dep_ == "cc" or (
            first.dep_ == "mark" and first.lower_ in ("that", "as")
        ):
            tokens = tokens[1:]
        elif first.lower_ == "that" and len(tokens) > 1 and _opens_subject(tokens[1], tokens):
            tokens = tokens[1:]  # the parser sometimes takes the complementizer for an object
        elif first.dep_ == "advmod" and len(tokens) > 1 and tokens[1].text == ",":
            tokens = tokens[2:]
        else:
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _opens_subject(tok: Token, tokens: list[Token]) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.left_edge.i == tok.i for t in tokens)


def _subtree(tok: Token) -> list[Token]:
    return list(tok.doc[tok.left_edge.i:tok.right_edge.i + 1])


def _without(whole: Token, part: Token) -> list[Token]:
    """The longer contiguous piece of whole's subtree left when part's subtree is removed."""
    left = list(whole.doc[whole.left_edge.i:part.left_edge.i])
    right = list(whole.doc[part.right_edge.i + 1:whole.right_edge.i + 1])
    return left if len(_trim(left)) >= len(_trim(right)) else right


def _child(tok: Token, spec: str) -> Token | None:
    """A child matching a frame spec: "dobj", or "prep:for" — a prep child "for", or a
    clause child introduced by "for" ("calling for Russia and NATO to reopen ...")."""
    dep, _, word = spec.partition(":")
    for child in tok.children:
        if child.dep_ == dep and (not word or child.lower_ == word):
            return child
    if dep == "prep" and word:
        # "accused German politicians of ignoring ...": the parser often hangs the verb's
        # prepositional complement off its object
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ == word and child.i > obj.i:
                    return child
        for child in tok.children:
            if child.dep_ in ("advcl", "xcomp", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == word for c in child.children
            ):
                return child
    return None


def _cut_nested_speech(cue: Token, tokens: list[Token], lex: Lexicon) -> list[Token]:
    """End the reported content where a participial speech act starts ("..., saying ...")."""
    for tok in tokens:
        if tok.i != cue.i and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") and _is_cue(tok, lex) \
                and tok.left_edge.i > tokens[0].i:
            return [t for t in tokens if t.i < tok.left_edge.i]
    return tokens


def _content_nouns(cue: Token) -> Iterator[Token]:
    for child in cue.children:
        if child.dep_ in ("dobj", "npadvmod"):
            yield child
        elif child.dep_ == "prep":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _reported_content(cue: Token, lex: Lexicon) -> Iterator[tuple[list[list[Token]], str]]:
    """Candidate reported contents for a cue verb, best first: (its clauses, confidence key).

    A reported clause coordinated with another ("said A and that B") is a clause of its
    own; each is one indirect quote.
    """
    lemma = cue.lemma_.lower()
    if lemma not in lex.not_clausal:
        comp = _child(cue, "ccomp")
        if comp is not None:
            yield [c for c in _coordinated_clauses(comp, lex) if not _is_question(c, lex)], "indirect"
        for obj in _content_nouns(cue):
            # a noun and its that-clause right after it: "demanded assurances that NATO
            # will ...", "the mantra that ...", "said in a statement that ..."; and a
            # that-clause the parser took for a relative clause of a time or place noun
            # ("said the same day that ...", "said at a news conference that ..."): its
            # "that" is no argument of the clause, so it cannot be a relative pronoun
            for clause in obj.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                    c.i == obj.i + 1 and c.lower_ == "that"
                    and (c.dep_ == "mark" or (clause.dep_ == "relcl" and c.dep_ == "advmod"))
                    for c in clause.children
                ) and (clause.dep_ != "relcl" or _has_subject(clause)):
                    yield [_subtree(clause)], "indirect"
    for alternative in lex.frames.get(lemma, ()):
        found = [_child(cue, spec) for spec in alternative]
        if all(found):
            first = min(f.left_edge.i for f in found if f is not None)
            last = max(f.right_edge.i for f in found if f is not None)
            tokens = list(cue.doc[first:last + 1])
            # "call for X": the preposition belongs to the verb, not to the content
            words = {spec.partition(":")[2] for spec in alternative}
            if tokens and tokens[0].lower_ in words and tokens[0].dep_ in ("prep", "mark"):
                tokens = tokens[1:]
            yield [tokens], "indirect_frame"
    if cue.dep_ == "advcl" and any(c.dep_ == "agent" for c in cue.children) and cue.head.i < cue.i:
        yield [_without(cue.head, cue)], "indirect_frame"  # "..., as reported by X"


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in tok.children)


def _coordinated_clauses(comp: Token, lex: Lexicon) -> list[list[Token]]:
    """The reported clause and the clauses coordinated with it, each on its own.

    A conjunct with its own subject or its own "that" is a second reported clause; a
    subjectless speech verb there ("said A and called on ...") is the speaker's next cue,
    not reported words: it is left out (its own content is found from it).
    """
    heads = [comp]
    cuts: list[Token] = []
    stack = [comp]
    while stack:
        for child in stack.pop().children:
            if child.dep_ != "conj" or child.i < comp.i:
                continue
            if not _has_subject(child) and _coordinated_cue(child) is not None:
                cuts.append(child)
            elif _has_subject(child) or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                heads.append(child)
                cuts.append(child)
                stack.append(child)
            else:
                stack.append(child)
    clauses = []
    for head in heads:
        inner = [c.left_edge.i for c in cuts if c.i > head.i and head.left_edge.i <= c.i <= head.right_edge.i]
        stop = min(inner, default=head.right_edge.i + 1)
        clauses.append([t for t in _subtree(head) if t.i < stop])
    return clauses


def _is_question(tokens: list[Token], lex: Lexicon) -> bool:
    """An embedded question ("how many troops would go", "whether talks resume") reports
    what was asked or left open, not something stated."""
    words = _trim([t for t in tokens if t.lower_ != "that" or t.dep_ != "mark"])
    if not words or words[0].lower_ not in lex.question_words:
        return False
    heads = _heads(words)
    anc = words[0].head
    # "when the troops arrive, talks end": the question word belongs to a clause inside
    while anc.i != anc.head.i and anc not in heads:
        if anc.pos_ in ("VERB", "AUX"):
            return False
        anc = anc.head
    return True


def _unasserted(cue: Token, lex: Lexicon) -> bool:
    """A cue under which nothing was said: negated ("did not say"), hypothetical or yet to
    come ("would say", "if he says"), or the object of a refusal or an intention
    ("declined to say", "is expected to announce")."""
    for child in cue.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and child.lower_ in lex.unasserting_aux:
            return True
        if child.dep_ == "mark" and child.lower_ in lex.unasserting_marks:
            return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.unasserting_governors


def _drop_according(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """'..., according to a ministry statement' closing a reported clause names the
    channel of the cue's words, not reported words."""
    for tok in tokens:
        if tok.lower_ in lex.according and _according_source([tok], lex) is not None:
            if tok.right_edge.i >= tokens[-1].i and tok.left_edge.i > tokens[0].i:
                return [t for t in tokens if t.i < tok.left_edge.i]
    return tokens


def _indirect_candidates(text: str, chunks: list[_Chunk], marked: list[Marked], headings: _Spans,
                         quoted: list[QuoteCandidate], lex: Lexicon) -> list[QuoteCandidate]:
    outer = _Spans.of((m.outer_start, m.outer_end) for m in marked)
    spoken = _Spans.of((q.start, q.end) for q in quoted if q.kind != "scare")
    out: list[QuoteCandidate] = []
    seen: set[tuple[int, int]] = set()
    for chunk in chunks:
        for tok in chunk.doc:
            g = chunk.g(tok)
            if outer.covering(g) is not None or headings.covering(g) is not None:
                continue
            for clauses, key, speaker_tok in _indirect_for(tok, lex):
                kept: list[tuple[list[Token], bool]] = []
                for tokens in clauses:
                    tokens = _drop_according(_trim(_cut_nested_speech(tok, tokens, lex)), lex)
                    clipped = _trim(_clip_to_quotes(chunk, tokens, spoken))
                    if sum(_is_word(t) for t in clipped) >= MIN_INDIRECT_WORDS:
                        kept.append((clipped, clipped == tokens))
                if kept:
                    break
            else:
                continue
            kept = _rejoin(kept, lex)
            via = _via(tok, lex) if _is_cue(tok, lex) else None
            for tokens, _ in kept:
                s = chunk.g(tokens[0])
                e = chunk.g(tokens[-1]) + len(tokens[-1].text)
                if (s, e) in seen or not (0 <= s < e <= len(text)):
                    continue
                seen.add((s, e))
                out.append(_candidate(text, s, e, "indirect", tok.lemma_.lower(),
                                      _speaker_fields(chunk, speaker_tok, text), via, CONFIDENCE[key]))
    return out


def _reported_within(cue: Token, lex: Lexicon) -> bool:
    """A cue inside another cue's reported clause ("the State Department said Blinken had
    urged Russia to ...") is part of that indirect quote, not a second one."""
    if _coordinated_cue(cue) is not None:
        return False
    tok = cue
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and _is_cue(tok.head, lex) and not _unasserted(tok.head, lex) \
                and tok.head.lemma_.lower() not in lex.not_clausal:
            return True
        if tok.dep_ not in ("ccomp", "conj", "xcomp", "advcl"):
            return False
        tok = tok.head
    return False


def _rejoin(clauses: list[tuple[list[Token], bool]], lex: Lexicon) -> list[tuple[list[Token], bool]]:
    """Coordinated reported clauses that kept all their words ("said A, and that B") read as
    one statement and stay one indirect quote; they are split only where quoted words or
    another speech act of the speaker stand between them."""
    out: list[tuple[list[Token], bool]] = []
    for tokens, whole in clauses:
        if out and whole and out[-1][1]:
            prev = out[-1][0]
            between = prev[0].doc[prev[-1].i + 1:tokens[0].i]
            if prev[-1].i < tokens[0].i and not any(_is_cue(t, lex) for t in between):
                out[-1] = (list(prev[0].doc[prev[0].i:tokens[-1].i + 1]), True)
                continue
        out.append((tokens, whole))
    return out


def _indirect_for(tok: Token, lex: Lexicon) -> Iterator[tuple[list[list[Token]], str, Token | None]]:
    if _is_cue(tok, lex):
        if _unasserted(tok, lex) or _reported_within(tok, lex):
            return
        speaker = _speaker_token(tok)
        for clauses, key in _reported_content(tok, lex):
            yield clauses, key, speaker
        return
    source = _according_source([tok], lex)
    if source is None or tok.head.i == tok.i:
        return
    # "X said A, according to a statement": the speech verb and its subject win
    if any(_is_cue(anc, lex) and not _unasserted(anc, lex) and next(_reported_content(anc, lex), None)
           for anc in tok.ancestors):
        return
    yield [_without(tok.head, tok)], "indirect_frame", source[1]


def _clip_to_quotes(chunk: _Chunk, tokens: list[Token], spoken: _Spans) -> list[Token]:
    """Reported content that holds quoted words is a partial or direct quote already.

    The exception is a reported clause whose own words come first and whose quoted words
    are a whole clause of their own ('The letter would not be made public, "because we
    think ...," Blinken said'): the unquoted head clause is an indirect quote.
    """
    if not tokens:
        return tokens
    s = chunk.g(tokens[0])
    e = chunk.g(tokens[-1]) + len(tokens[-1].text)
    inside = spoken.overlapping(s, e)
    if not inside:
        return tokens
    qs, qe = min(inside)
    quoted = [t for t in tokens if qs <= chunk.g(t) < qe]
    unquoted = [t for t in tokens if chunk.g(t) < qs]
    heads = _heads(quoted)
    root_outside = any(t.head.i == t.i or t.head not in tokens for t in _heads(tokens) if t in unquoted)
    clause = len(heads) == 1 and heads[0].pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("mark", "nsubj") and c in quoted for c in heads[0].children)
    if root_outside and clause and _has_verb(unquoted):
        return unquoted
    return []


# ========================================================================================
# Public API
# ========================================================================================


def extract_quotes(text: str, docs: list[tuple[int, Doc]]) -> list[QuoteCandidate]:
    """All quotations in an article. `text` is the cleaned article text (paragraphs joined by
    "\\n"); `docs` are spaCy Docs of consecutive chunks of it, each with its char offset into
    text (usually one chunk: [(0, doc)]). Never raises on odd input; offsets always valid."""
    if not text:
        return []
    lex = load_lexicon()
    chunks = _chunks(docs, len(text))
    marked = find_marked(text)
    headings = _headings(text)
    quoted = _marked_candidates(text, chunks, marked, headings, lex)
    indirect = _indirect_candidates(text, chunks, marked, headings, quoted, lex)
    return sorted(quoted + indirect, key=lambda q: (q.start, q.end, q.kind))


# --- clustering across articles ----------------------------------------------------------

_WORDS = re.compile(r"\w+")
# Quotes share a cluster when the shorter's words are found (fuzzily) inside the longer's.
MIN_CONTAINMENT = 90
# Below this many words a fragment is contained in too many quotes by chance: require
# near-equality instead of containment.
MIN_FRAGMENT_WORDS = 3
MIN_EQUALITY = 92
# Blocking: each quote is compared only with the quotes sharing one of its rarest word
# trigrams (a fragment of at least MIN_FRAGMENT_WORDS words shares its trigrams with the
# full quote); shorter quotes are blocked by their whole text. A trigram found in more
# quotes than MAX_BLOCK_SIZE is a stock phrase ("we will not") and would make blocks quadratic.
BLOCK_KEYS_PER_QUOTE = 5
MAX_BLOCK_SIZE = 200


def normalise_quote(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(_WORDS.findall(text))


def _match_score(a: str, b: str) -> float:
    short, long_ = sorted((a, b), key=len)
    if not short:
        return 0.0
    if len(short.split()) < MIN_FRAGMENT_WORDS:
        score = fuzz.ratio(short, long_)
        return score if score >= MIN_EQUALITY else 0.0
    score = fuzz.partial_ratio(short, long_)
    return score if score >= MIN_CONTAINMENT else 0.0


def _block_keys(norm: str) -> set[str]:
    words = norm.split()
    if len(words) < MIN_FRAGMENT_WORDS:
        return {norm} if norm else set()
    return {" ".join(words[k:k + MIN_FRAGMENT_WORDS]) for k in range(len(words) - MIN_FRAGMENT_WORDS + 1)}


def _candidate_pairs(norm: list[str]) -> set[tuple[int, int]]:
    keys = [_block_keys(t) for t in norm]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for key in ks:
            postings[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        rarest = sorted((len(postings[k]), k) for k in ks if len(postings[k]) <= MAX_BLOCK_SIZE)
        for _, key in rarest[:BLOCK_KEYS_PER_QUOTE]:
            for j in postings[key]:
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def cluster_quotes(quotes: pd.DataFrame) -> pd.Series:
    """Given a DataFrame with columns quote_id, article_id, text, kind, speaker_id (nullable),
    return a Series (same index) of cluster_id strings: quotes whose words match closely
    (normalised text; fuzzy containment via rapidfuzz — one outlet quotes a fragment of
    another's full quote) AND whose speaker agrees (same speaker_id, or one side null)
    share a cluster_id. Scare quotes get their own singleton clusters."""
    n = len(quotes)
    ids = [str(q) for q in quotes["quote_id"]]
    kinds = [str(k) for k in quotes["kind"]]
    speakers = [None if pd.isna(s) else str(s) for s in quotes["speaker_id"]]
    norm = [normalise_quote(str(t)) if not pd.isna(t) else "" for t in quotes["text"]]
    eligible = [k != "scare" and bool(t) for k, t in zip(kinds, norm)]

    parent = list(range(n))
    # the non-null speakers of each component: a null-speaker quote may join one speaker's
    # cluster but must not bridge two speakers'
    comp_speakers: list[set[str]] = [{s} if s else set() for s in speakers]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = []
    for i, j in _candidate_pairs([t if ok else "" for t, ok in zip(norm, eligible)]):
        if not (eligible[i] and eligible[j]):
            continue
        if speakers[i] and speakers[j] and speakers[i] != speakers[j]:
            continue
        score = _match_score(norm[i], norm[j])
        if score:
            scored.append((-score, ids[i], ids[j], i, j))
    for _, _, _, i, j in sorted(scored):  # best matches first, ties by id: deterministic
        ri, rj = find(i), find(j)
        if ri == rj or len(comp_speakers[ri] | comp_speakers[rj]) > 1:
            continue
        parent[rj] = ri
        comp_speakers[ri] |= comp_speakers[rj]

    members: dict[int, list[str]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(ids[i])
    cluster = [
        hashlib.sha256("\x00".join(sorted(members[find(i)])).encode("utf-8")).hexdigest()[:16]
        for i in range(n)
    ]
    return pd.Series(cluster, index=quotes.index, name="cluster_id", dtype="str")
