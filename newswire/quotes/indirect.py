"""Pass 2 without quote marks: indirect (reported) quotes.

A cue verb with a reported clause ("Blinken said he would speak ..."), a noun with its
that-clause ("demanded assurances that ..."), a complement frame ("accused NATO of ...") or
an "according to" source gives an indirect quote, unless nothing was asserted ("did not
say", "declined to say", "asked whether") or the words are quoted already.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from newswire.quotes.attribution import according_source, coordinated_cue, is_cue, speaker_fields, speaker_token, via
from newswire.quotes.lexicon import Lexicon
from newswire.quotes.marks import Marked
from newswire.quotes.records import CONFIDENCE, QuoteCandidate, candidate
from newswire.quotes.spans import Spans
from newswire.syntax import (AGENTS, AUXILIARIES, CLAUSAL_SUBJECTS, CONJUNCTS, DIRECT_OBJECTS, EXPLETIVES,
                             PREPOSITION_OBJECTS, PREPOSITIONS, SUBJECTS, VERBAL, children, has_verb, is_negated,
                             is_word, span_roots, subtree_span)

# Reported clauses shorter than this are mostly parser noise ("he said so").
MIN_INDIRECT_WORDS = 3
CLAUSE_SUBJECTS = SUBJECTS | EXPLETIVES | CLAUSAL_SUBJECTS
# Clauses a frame word ("call for", "accuse ... of") may introduce as a subordinator.
FRAMED_CLAUSES = frozenset({"advcl", "xcomp", "ccomp"})
# Nouns a cue's words are about ("demanded assurances that", "said the same day that").
CONTENT_NOUN_DEPS = frozenset({"dobj", "npadvmod"})
# The parser takes a noun's that-clause for any of these.
NOUN_THAT_CLAUSES = frozenset({"acl", "ccomp", "relcl"})
# A participial speech act ("..., saying ...") hangs as one of these.
PARTICIPIAL_SPEECH = frozenset({"advcl", "conj"})
# Links through which a cue sits inside another cue's reported clause.
REPORTED_LINKS = frozenset({"ccomp", "conj", "xcomp", "advcl"})


def indirect_candidates(doc: Doc, text: str, marked: list[Marked], headings: Spans,
                        quoted: list[QuoteCandidate], lex: Lexicon) -> list[QuoteCandidate]:
    """Indirect quotes of the cues (and "according to" sources) outside quote marks and headings."""
    outer = Spans.of((m.outer_start, m.outer_end) for m in marked)
    spoken = Spans.of((q.start, q.end) for q in quoted if q.kind != "scare")
    out: list[QuoteCandidate] = []
    seen: set[tuple[int, int]] = set()
    for tok in _cue_and_according_words(doc, lex):
        if outer.covering(tok.idx) is not None or headings.covering(tok.idx) is not None:
            continue
        found = _reported_clauses(tok, spoken, lex)
        if found is None:
            continue
        clauses, key, speaker = found
        relay = via(tok, lex) if is_cue(tok, lex) else None
        for tokens, _ in _rejoin(clauses, lex):
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(candidate(text, start, end, "indirect", tok.lemma_.lower(), speaker_fields(speaker, text),
                                 relay, CONFIDENCE[key]))
    return out


def _cue_and_according_words(doc: Doc, lex: Lexicon) -> list[Token]:
    """The "according" words and the tokens with a cue's lemma, in text order: only these have content
    _indirect_for finds (is_cue is asked of these few). Found by their string ids in one array, each
    distinct word read as a string once, not by making and asking every token."""
    strings = doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T.tolist()
    according = {key for key in set(lowers) if strings[key] in lex.according}
    speech = {key for key in set(lemmas) if strings[key].lower() in lex.speech}
    return [doc[i] for i, (lower, lemma) in enumerate(zip(lowers, lemmas)) if lower in according or lemma in speech]


_Clause = tuple[list[Token], bool]  # the clause's tokens, and whether it kept all its words


def _reported_clauses(tok: Token, spoken: Spans,
                      lex: Lexicon) -> tuple[list[_Clause], str, Token | None] | None:
    """The first candidate content of a cue (best first) that leaves reported words:
    (its clauses, confidence key, speaker head)."""
    for clauses, key, speaker in _indirect_for(tok, lex):
        kept: list[_Clause] = []
        for tokens in clauses:
            tokens = _drop_according(_trim(_cut_nested_speech(tok, tokens, lex), lex), lex)
            clipped = _trim(_clip_to_quotes(tokens, spoken), lex)
            if sum(is_word(t) for t in clipped) >= MIN_INDIRECT_WORDS:
                kept.append((clipped, clipped == tokens))
        if kept:
            return kept, key, speaker
    return None


def _indirect_for(tok: Token, lex: Lexicon) -> Iterator[tuple[list[list[Token]], str, Token | None]]:
    if is_cue(tok, lex):
        if _unasserted(tok, lex) or _reported_within(tok, lex):
            return
        speaker = speaker_token(tok, lex)
        for clauses, key in _reported_content(tok, lex):
            yield clauses, key, speaker
        return
    source = according_source([tok], lex)
    if source is None or tok.head.i == tok.i:
        return
    # "X said A, according to a statement": the speech verb and its subject win
    if any(is_cue(anc, lex) and not _unasserted(anc, lex) and next(_reported_content(anc, lex), None)
           for anc in tok.ancestors):
        return
    yield [_without(tok.head, tok, lex)], "indirect_frame", source[1]


def _reported_content(cue: Token, lex: Lexicon) -> Iterator[tuple[list[list[Token]], str]]:
    """Candidate reported contents for a cue verb, best first: (its clauses, confidence key).

    A reported clause coordinated with another ("said A and that B") is a clause of its
    own; each is one indirect quote.
    """
    if cue.lemma_.lower() not in lex.not_clausal:
        comp = _child(cue, "ccomp")
        if comp is not None:
            yield [c for c in _coordinated_clauses(comp, lex) if not _is_question(c, lex)], "indirect"
        for obj in _content_nouns(cue):
            for clause in _that_clauses(obj):
                yield [list(subtree_span(clause))], "indirect"
    for alternative in lex.frames.get(cue.lemma_.lower(), ()):
        framed = _framed_content(cue, alternative)
        if framed is not None:
            yield [framed], "indirect_frame"
    if cue.dep_ == "advcl" and children(cue, AGENTS) and cue.head.i < cue.i:
        yield [_without(cue.head, cue, lex)], "indirect_frame"  # "..., as reported by X"


def _that_clauses(obj: Token) -> Iterator[Token]:
    """A noun's that-clause right after it: "demanded assurances that NATO will ...", "the
    mantra that ...", "said in a statement that ..."; and a that-clause the parser took for a
    relative clause of a time or place noun ("said the same day that ...", "said at a news
    conference that ..."): its "that" is no argument of the clause, so it cannot be a
    relative pronoun."""
    for clause in obj.children:
        if clause.dep_ in NOUN_THAT_CLAUSES and any(
            c.i == obj.i + 1 and c.lower_ == "that"
            and (c.dep_ == "mark" or (clause.dep_ == "relcl" and c.dep_ == "advmod"))
            for c in clause.children
        ) and (clause.dep_ != "relcl" or _has_subject(clause)):
            yield clause


def _framed_content(cue: Token, alternative: tuple[str, ...]) -> list[Token] | None:
    """The stretch from the first to the last child a complement frame asks for, when all are there."""
    found = [_child(cue, spec) for spec in alternative]
    if not all(found):
        return None
    first = min(f.left_edge.i for f in found if f is not None)
    last = max(f.right_edge.i for f in found if f is not None)
    tokens = list(cue.doc[first:last + 1])
    # "call for X": the preposition belongs to the verb, not to the content
    words = {spec.partition(":")[2] for spec in alternative}
    if tokens and tokens[0].lower_ in words and tokens[0].dep_ in ("prep", "mark"):
        tokens = tokens[1:]
    return tokens


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
        for obj in children(tok, DIRECT_OBJECTS):
            for child in children(obj, PREPOSITIONS):
                if child.lower_ == word and child.i > obj.i:
                    return child
        for child in children(tok, FRAMED_CLAUSES):
            if any(c.dep_ == "mark" and c.lower_ == word for c in child.children):
                return child
    return None


def _content_nouns(cue: Token) -> Iterator[Token]:
    for child in cue.children:
        if child.dep_ in CONTENT_NOUN_DEPS:
            yield child
        elif child.dep_ in PREPOSITIONS:
            yield from children(child, PREPOSITION_OBJECTS)


def _has_subject(tok: Token) -> bool:
    return bool(children(tok, CLAUSE_SUBJECTS))


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
        for child in children(stack.pop(), CONJUNCTS):
            if child.i < comp.i:
                continue
            if not _has_subject(child) and coordinated_cue(child, lex) is not None:
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
        clauses.append([t for t in subtree_span(head) if t.i < stop])
    return clauses


def _is_question(tokens: list[Token], lex: Lexicon) -> bool:
    """An embedded question ("how many troops would go", "whether talks resume") reports
    what was asked or left open, not something stated."""
    words = _trim([t for t in tokens if t.lower_ != "that" or t.dep_ != "mark"], lex)
    if not words or words[0].lower_ not in lex.question_words:
        return False
    heads = span_roots(words)
    anc = words[0].head
    # "when the troops arrive, talks end": the question word belongs to a clause inside
    while anc.i != anc.head.i and anc not in heads:
        if anc.pos_ in VERBAL:
            return False
        anc = anc.head
    return True


def _unasserted(cue: Token, lex: Lexicon) -> bool:
    """A cue under which nothing was said: negated ("did not say"), hypothetical or yet to
    come ("would say", "if he says"), or the object of a refusal or an intention
    ("declined to say", "is expected to announce")."""
    if is_negated(cue) or any(aux.lower_ in lex.unasserting_aux for aux in children(cue, AUXILIARIES)):
        return True
    if any(c.dep_ == "mark" and c.lower_ in lex.unasserting_marks for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.unasserting_governors


def _reported_within(cue: Token, lex: Lexicon) -> bool:
    """A cue inside another cue's reported clause ("the State Department said Blinken had
    urged Russia to ...") is part of that indirect quote, not a second one."""
    if coordinated_cue(cue, lex) is not None:
        return False
    tok = cue
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and is_cue(tok.head, lex) and not _unasserted(tok.head, lex) \
                and tok.head.lemma_.lower() not in lex.not_clausal:
            return True
        if tok.dep_ not in REPORTED_LINKS:
            return False
        tok = tok.head
    return False


def _trim(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Drop what frames a reported clause without being reported: the complementizer
    ("that"), a sentence connective ("Meanwhile,"), edge punctuation."""
    while tokens:
        first = tokens[0]
        if first.is_punct or first.is_space or first.dep_ == "cc" or (
            first.dep_ == "mark" and first.lower_ in lex.complementizers
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
    return any(t.dep_ in SUBJECTS | EXPLETIVES and t.left_edge.i == tok.i for t in tokens)


def _without(whole: Token, part: Token, lex: Lexicon) -> list[Token]:
    """The longer contiguous piece of whole's subtree left when part's subtree is removed."""
    left = list(whole.doc[whole.left_edge.i:part.left_edge.i])
    right = list(whole.doc[part.right_edge.i + 1:whole.right_edge.i + 1])
    return left if len(_trim(left, lex)) >= len(_trim(right, lex)) else right


def _cut_nested_speech(cue: Token, tokens: list[Token], lex: Lexicon) -> list[Token]:
    """End the reported content where a participial speech act starts ("..., saying ...")."""
    for tok in tokens:
        if tok.i != cue.i and tok.tag_ == "VBG" and tok.dep_ in PARTICIPIAL_SPEECH and is_cue(tok, lex) \
                and tok.left_edge.i > tokens[0].i:
            return [t for t in tokens if t.i < tok.left_edge.i]
    return tokens


def _drop_according(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """'..., according to a ministry statement' closing a reported clause names the
    channel of the cue's words, not reported words."""
    for tok in tokens:
        if tok.lower_ in lex.according and according_source([tok], lex) is not None:
            if tok.right_edge.i >= tokens[-1].i and tok.left_edge.i > tokens[0].i:
                return [t for t in tokens if t.i < tok.left_edge.i]
    return tokens


def _rejoin(clauses: list[_Clause], lex: Lexicon) -> list[_Clause]:
    """Coordinated reported clauses that kept all their words ("said A, and that B") read as
    one statement and stay one indirect quote; they are split only where quoted words or
    another speech act of the speaker stand between them."""
    out: list[_Clause] = []
    for tokens, whole in clauses:
        if out and whole and out[-1][1]:
            prev = out[-1][0]
            between = prev[0].doc[prev[-1].i + 1:tokens[0].i]
            if prev[-1].i < tokens[0].i and not any(is_cue(t, lex) for t in between):
                out[-1] = (list(prev[0].doc[prev[0].i:tokens[-1].i + 1]), True)
                continue
        out.append((tokens, whole))
    return out


def _clip_to_quotes(tokens: list[Token], spoken: Spans) -> list[Token]:
    """Reported content that holds quoted words is a partial or direct quote already.

    The exception is a reported clause whose own words come first and whose quoted words
    are a whole clause of their own ('The letter would not be made public, "because we
    think ...," Blinken said'): the unquoted head clause is an indirect quote.
    """
    if not tokens:
        return tokens
    inside = spoken.overlapping(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if not inside:
        return tokens
    qs, qe = min(inside)
    quoted = [t for t in tokens if qs <= t.idx < qe]
    unquoted = [t for t in tokens if t.idx < qs]
    heads = span_roots(quoted)
    root_outside = any(t.head.i == t.i or t.head not in tokens for t in span_roots(tokens) if t in unquoted)
    clause = len(heads) == 1 and heads[0].pos_ in VERBAL and any(
        c.dep_ in ("mark", "nsubj") and c in quoted for c in heads[0].children)
    if root_outside and clause and has_verb(unquoted):
        return unquoted
    return []
