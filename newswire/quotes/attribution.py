"""Who said it: cue verbs, their speakers, "according to" sources and relaying outlets."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from newswire.quotes.lexicon import Lexicon
from newswire.quotes.records import NO_SPEAKER, SpeakerFields
from newswire.syntax import (ACTIVE_SUBJECTS, AGENTS, CONJUNCTS, DIRECT_OBJECTS, INDIRECT_OBJECTS, PREPOSITION_OBJECTS,
                             PREPOSITIONS, VERBAL, children, newline_between, span_text)

# Steps up the tree from a subjectless cue ("..., saying", "but warned") to the verb whose
# subject is the speaker.
MAX_SUBJECT_CLIMB = 3
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "prep"})
# A cue hanging from a noun ("officials who said", "the ministry, speaking ..."): the noun speaks.
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Modifiers that a bare passive participle ("the plan, announced on Friday") attaches as.
PARTICIPLE_MODIFIERS = frozenset({"advcl", "acl", "amod"})
# Left dependents of a speaker's head that are not part of the speaker expression.
NOT_SPEAKER_LEFTS = frozenset({"punct", "cc", "conj", "appos", "prep", "advmod"})
COORDINATORS = frozenset({"cc", "preconj"})
ADDRESSEES = DIRECT_OBJECTS | INDIRECT_OBJECTS
NAME_POS = frozenset({"NOUN", "PROPN"})


def is_cue(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ not in VERBAL or tok.lemma_.lower() not in lex.speech:
        return False
    # a bare passive participle ("Asked whether ..., Biden said", "the plan, announced
    # on Friday") names no speaker; "as reported by X" has its agent
    return not (tok.tag_ == "VBN" and tok.dep_ in PARTICIPLE_MODIFIERS and not children(tok, AGENTS))


def ancestor_cue(heads: list[Token], allowed: set[int], lex: Lexicon) -> Token | None:
    """The nearest cue up the tree from the heads, through the allowed tokens only."""
    best: tuple[int, Token] | None = None
    for h in heads:
        for depth, anc in enumerate(h.ancestors, start=1):
            if anc.i not in allowed:
                break
            if is_cue(anc, lex) and (best is None or depth < best[0]):
                best = (depth, anc)
                break
    return best[1] if best else None


def according_source(tokens: list[Token], lex: Lexicon) -> tuple[Token, Token] | None:
    """('according', its source noun) when the tokens hold 'according to X'."""
    for tok in tokens:
        prep = lex.according.get(tok.lower_)
        if prep is None:
            continue
        # the parser hangs "to" off "according", or leaves it as the next token
        prepositions = [c for c in tok.children if c.lower_ == prep]
        if tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == prep:
            prepositions.append(tok.nbor(1))
        for preposition in prepositions:
            objs = children(preposition, PREPOSITION_OBJECTS)
            if objs:
                return tok, _carried_source(objs[0], lex)
    return None


def _carried_source(noun: Token, lex: Lexicon) -> Token:
    """'an estimate from the Ministry' -> Ministry: the source, not the document."""
    if noun.lemma_.lower() in lex.carrier_nouns and noun.pos_ == "NOUN":
        for child in children(noun, PREPOSITIONS):
            if child.lower_ in lex.carrier_preps:
                objs = children(child, PREPOSITION_OBJECTS)
                if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_):
                    return objs[0]
    return noun


def speaker_token(cue: Token, lex: Lexicon, exclude: frozenset[int] = frozenset()) -> Token | None:
    """Subject of the cue, climbing from a subjectless cue ("..., saying", "but warned") to
    the verb it hangs from; the agent of a passive ("as reported by X"). Tokens in
    `exclude` (the quoted words) are never the speaker."""
    tok = cue
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        subjects = [c for c in children(tok, ACTIVE_SUBJECTS) if c.i not in exclude and not newline_between(c, tok)]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - tok.i))
            if subject.lower_ in lex.relative_pronouns and tok.dep_ == "relcl":
                return tok.head
            return subject
        for agent in children(tok, AGENTS):
            objs = children(agent, PREPOSITION_OBJECTS)
            if objs:
                return objs[0]
        if tok.dep_ in NOUN_CLAUSES:
            return tok.head if tok.head.pos_ in NAME_POS else None
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        tok = coordinated_cue(tok, lex) or tok.head
    return None


def coordinated_cue(tok: Token, lex: Lexicon) -> Token | None:
    """The cue a subjectless speech verb is really coordinated with.

    In "X said A and called on all sides to B" the parser often hangs "called" off the
    reported clause A (conj of its verb) instead of off "said"; a subjectless speech verb
    there shares the subject of the outer cue, not of A.
    """
    if tok.dep_ not in CONJUNCTS or tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.speech:
        return None
    head = tok.head
    while head.dep_ in CONJUNCTS and head.head.i != head.i:
        head = head.head
    if head.dep_ == "ccomp" and is_cue(head.head, lex):
        return head.head
    return None


def np_bounds(head: Token) -> tuple[Token, Token]:
    """First and last token of a speaker expression: the head with its left modifiers
    ("NATO Secretary General Jens Stoltenberg", "the Russian Foreign Ministry"), and an
    'of' phrase after a common-noun head ("the head of Russian diplomacy"). Appositions,
    relative clauses and coordinated speakers are left out."""
    first = head
    for left in head.lefts:
        if left.dep_ not in NOT_SPEAKER_LEFTS:
            first = left.left_edge
            break
    while first.i < head.i and (first.is_punct or first.is_space or first.dep_ in COORDINATORS
                                or newline_between(first, head)):
        first = first.doc[first.i + 1]
    last = head
    for right in head.rights:
        # "the head of Russian diplomacy", "the Ministry of Defense of Ukraine"; not "Blinken of"
        if right.dep_ in PREPOSITIONS and right.lower_ == "of" and (
            head.pos_ == "NOUN" or any(c.pos_ == "PROPN" for c in right.children)
        ) and not newline_between(head, right.right_edge):
            last = right.right_edge
            break
    while last.i > head.i and last.is_punct:
        last = last.doc[last.i - 1]
    return first, last


def speaker_fields(speaker: Token | None, text: str) -> SpeakerFields:
    """The speaker expression around its head token, as offsets into the article text."""
    if speaker is None:
        return NO_SPEAKER
    first, last = np_bounds(speaker)
    start, end = first.idx, last.idx + len(last.text)
    return start, end, text[start:end]


def via(cue: Token, lex: Lexicon) -> str | None:
    """The outlet that relayed the words: 'told CNN', 'said to Interfax',
    'in an interview with the BBC'."""
    if cue.lemma_.lower() not in lex.addressee_verbs:
        return None
    for noun in _addressees(cue, lex):
        first, last = np_bounds(noun)
        span = noun.doc[first.i:last.i + 1]
        written = span_text(span)
        for outlet in lex.outlets:
            if outlet in written and _outlet_pattern(outlet).search(written):  # the substring test first: cheaper
                return outlet
        if noun.lemma_.lower() in lex.outlet_nouns:
            names = [t.text for t in span if t.pos_ == "PROPN" and t.dep_ != "poss"
                     and not any(a.dep_ == "poss" for a in t.ancestors if a.i in range(first.i, last.i + 1))]
            if names:
                return " ".join(names)
    return None


@lru_cache(maxsize=None)
def _outlet_pattern(outlet: str) -> re.Pattern:
    """The outlet's name as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(outlet)}(?!\w)")


def _addressees(cue: Token, lex: Lexicon) -> list[Token]:
    """Who the cue's words were addressed to: its objects, 'to'/'with' objects, and the
    'with' object of its setting ('in an interview with')."""
    found: list[Token] = []
    for child in cue.children:
        if child.dep_ in ADDRESSEES:
            found.append(child)
        elif child.dep_ in PREPOSITIONS and child.lower_ in lex.addressee_preps:
            found.extend(children(child, PREPOSITION_OBJECTS))
        elif child.dep_ in PREPOSITIONS and child.lower_ in lex.addressee_settings:
            for setting in children(child, PREPOSITION_OBJECTS):
                for p in children(setting, PREPOSITIONS):
                    if p.lower_ == lex.addressee_settings[child.lower_]:
                        found.extend(children(p, PREPOSITION_OBJECTS))
    return found
