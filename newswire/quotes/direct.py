"""Pass 2 for marked words: direct, partial and scare quotes, attributed with the parse.

A quote is direct when nothing but its attribution stands beside it in the sentence
("...," he said / he said: "..." / saying "..."); partial when reporter prose runs into it
(the door "remains open", stressed that "..."); scare quotes are labels nobody is quoted as
saying (so-called "security guarantees").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newswire.quotes.attribution import ancestor_cue, according_source, is_cue, speaker_fields, speaker_token, via
from newswire.quotes.lexicon import Lexicon
from newswire.quotes.marks import Marked
from newswire.quotes.records import (CONFIDENCE, NO_SPEAKER, RECOVERED_MARKS_FACTOR, QuoteCandidate, SpeakerFields,
                                     candidate)
from newswire.quotes.spans import Spans
from newswire.syntax import ACTIVE_SUBJECTS, NOMINAL_MODIFIERS, first_token_from, has_verb, is_word, span_roots, \
    tokens_within

SENTENCE_END_TOKENS = frozenset({".", "!", "?", "\u2026"})
# Punctuation closing quoted words that leave the sentence to a trailing attribution ('"...," he said').
CLAUSE_END_TOKENS = frozenset({",", "?", "!", "\u2014", "-", "\u2026", "."})
# An inverted or trailing attribution ('"...," the Russian Foreign Ministry said') has its
# cue within a few tokens of the closing mark; further on, a verb belongs to new prose.
MAX_TRAILING_CUE_DISTANCE = 8
# Scare quotes are labels: a few words, no clause of their own.
MAX_SCARE_WORDS = 4
# A fragment this short with no verb reads as a term even at the start of a sentence.
MIN_DIRECT_WORDS = 3


@dataclass(frozen=True)
class _Context:
    """What surrounds a marked span inside its sentence."""

    inside: list[Token]
    before: list[Token]  # from the sentence start (or the previous quote) to the opener
    after: list[Token]  # from the closer to the sentence end (or the next quote)


@dataclass(frozen=True)
class _Attribution:
    cue: Token | None
    speaker: Token | None  # head of the speaker expression
    cue_lemma: str | None


def marked_candidates(doc: Doc, text: str, marked: list[Marked], headings: Spans,
                      lex: Lexicon) -> list[QuoteCandidate]:
    """One quote per marked span outside heading lines."""
    outer = Spans.of((m.outer_start, m.outer_end) for m in marked)
    out: list[QuoteCandidate] = []
    previous: QuoteCandidate | None = None
    for m in marked:
        if headings.covering(m.start) is not None:
            continue
        factor = RECOVERED_MARKS_FACTOR if m.recovered else 1.0
        ctx = _context(doc, m, outer)
        if _scare_marked(ctx, lex):
            out.append(candidate(text, m.start, m.end, "scare", None, NO_SPEAKER, None, CONFIDENCE["scare"] * factor))
            continue
        found = _quote(text, m, ctx, previous, lex, factor)
        out.append(found)
        if found.kind != "scare":
            previous = found
    return out


def _quote(text: str, m: Marked, ctx: _Context, previous: QuoteCandidate | None, lex: Lexicon,
           factor: float) -> QuoteCandidate:
    """The quote of a marked span that is no label: attributed by its cue, by the quote
    before it, or by the subject of the verb it hangs from; a scare quote when none fits."""
    words = [t for t in ctx.inside if is_word(t)]
    attribution, direct = _attribution_of(ctx, lex)
    if direct and len(words) < MIN_DIRECT_WORDS and not has_verb(words) \
            and bool(ctx.before) and is_word(ctx.before[-1]):
        direct = False  # 'said "yes" to the deal' is a fragment; 'said: "Yes."' is not
    kind = "direct" if direct else "partial"
    if attribution is not None:
        relay = via(attribution.cue, lex) if attribution.cue is not None else None
        return candidate(text, m.start, m.end, kind, attribution.cue_lemma, speaker_fields(attribution.speaker, text),
                         relay, CONFIDENCE[kind] * factor)
    if direct and previous is not None and _near(text, previous, m):
        # '"X," he said. "Y"' and a quote-only paragraph after an attributed one
        speaker: SpeakerFields = (previous.speaker_start, previous.speaker_end, previous.speaker_text)
        return candidate(text, m.start, m.end, kind, previous.cue, speaker, previous.via,
                         CONFIDENCE["direct_continued"] * factor)
    if len(words) > MAX_SCARE_WORDS or has_verb(words):
        # words with a clause of their own but no cue: the subject of the verb they
        # hang from is the likeliest speaker ('Washington hopes to "advance ..."')
        return candidate(text, m.start, m.end, kind, None, speaker_fields(_uncued_speaker(ctx), text), None,
                         CONFIDENCE["partial_uncued" if not direct else "direct_unattributed"] * factor)
    return candidate(text, m.start, m.end, "scare", None, NO_SPEAKER, None, CONFIDENCE["scare"] * factor)


def _context(doc: Doc, m: Marked, outer: Spans) -> _Context:
    def in_other_quote(tok: Token) -> bool:
        span = outer.covering(tok.idx)
        return span is not None and span != (m.outer_start, m.outer_end)

    before: list[Token] = []
    i = first_token_from(doc, m.outer_start) - 1
    while i >= 0:
        tok = doc[i]
        if "\n" in tok.text or tok.text in SENTENCE_END_TOKENS or in_other_quote(tok):
            break
        if tok.idx + len(tok.text) <= m.outer_start:
            before.append(tok)
        i -= 1
    before.reverse()
    after: list[Token] = []
    i = first_token_from(doc, m.outer_end)
    while i < len(doc):
        tok = doc[i]
        if "\n" in tok.text or in_other_quote(tok):
            break
        after.append(tok)
        if tok.text in SENTENCE_END_TOKENS:
            break
        i += 1
    return _Context(tokens_within(doc, m.start, m.end), before, after)


def _attribution_of(ctx: _Context, lex: Lexicon) -> tuple[_Attribution | None, bool]:
    """The attribution of a marked span and whether it reads as a full quote."""
    allowed = {t.i for t in ctx.before} | {t.i for t in ctx.after}
    for tok in ctx.inside[:1] + ctx.inside[-1:]:
        sentence = tok.sent
        allowed.update(range(sentence.start, sentence.end))
    allowed -= {t.i for t in ctx.inside}
    quoted = frozenset(t.i for t in ctx.inside)
    before_words = [t for t in ctx.before if is_word(t)]
    cue = (ancestor_cue(span_roots(ctx.inside), allowed, lex) if ctx.inside else None) \
        or _trailing_cue(ctx, lex) or _leading_cue(ctx, lex)
    direct = not before_words or (
        cue is not None and cue.i < (ctx.inside[0].i if ctx.inside else 0)
        and all(not is_word(t) for t in ctx.before if t.i > cue.i)
    ) or (bool(ctx.before) and ctx.before[-1].text == ":")
    if cue is not None:
        return _Attribution(cue, speaker_token(cue, lex, quoted), cue.lemma_.lower()), direct
    source = according_source(ctx.after[:MAX_TRAILING_CUE_DISTANCE], lex) or according_source(ctx.before, lex)
    if source is not None:
        return _Attribution(source[0], source[1], source[0].lemma_.lower()), direct
    if before_words and ctx.before[-1].text == ":" and before_words[-1].pos_ == "PROPN":
        # "Stoltenberg: ..." transcript-style attribution
        return _Attribution(None, before_words[-1], None), True
    return None, direct


def _trailing_cue(ctx: _Context, lex: Lexicon) -> Token | None:
    """Cue in an attribution right after the closing mark ('"...," said X' / '"...," X told')."""
    ends_clause = bool(ctx.inside) and ctx.inside[-1].text in CLAUSE_END_TOKENS
    if not ends_clause and not (ctx.after and ctx.after[0].text == ","):
        return None
    for tok in ctx.after[:MAX_TRAILING_CUE_DISTANCE]:
        if is_cue(tok, lex):
            return tok
        if tok.text in SENTENCE_END_TOKENS:
            break
    return None


def _leading_cue(ctx: _Context, lex: Lexicon) -> Token | None:
    """Cue right before the opening mark with nothing but punctuation between (he said: "...")."""
    for tok in reversed(ctx.before):
        if is_cue(tok, lex):
            return tok
        if is_word(tok):
            return None
    return None


def _scare_marked(ctx: _Context, lex: Lexicon) -> bool:
    """A label rather than someone's words: so-called "X", a "formal" document."""
    words = [t for t in ctx.inside if is_word(t)]
    if not words or len(words) > MAX_SCARE_WORDS or has_verb(words):
        return False
    prefix = " ".join(t.lower_ for t in ctx.before[-3:] if not t.is_punct or t.text == "-")
    if any(prefix.endswith(marker) or prefix.replace(" - ", "-").endswith(marker)
           for marker in lex.scare_markers):
        return True
    ids = {t.i for t in ctx.inside}
    heads = span_roots(ctx.inside)
    return len(heads) == 1 and heads[0].dep_ in NOMINAL_MODIFIERS \
        and heads[0].head.i not in ids and heads[0].head.i > heads[0].i


def _near(text: str, previous: QuoteCandidate, m: Marked) -> bool:
    """The previous quote is in the same paragraph or the one just before."""
    return previous.speaker_text is not None and text.count("\n", previous.end, m.start) <= 1


def _uncued_speaker(ctx: _Context) -> Token | None:
    """Nearest subject outside the quoted words up the tree from them."""
    ids = {t.i for t in ctx.inside}
    for head in span_roots(ctx.inside):
        tok: Token | None = head
        while tok is not None:
            for child in tok.children:
                if child.dep_ in ACTIVE_SUBJECTS and child.i not in ids:
                    return child
            tok = tok.head if tok.head.i != tok.i else None
    return None
