"""The model's two rule-based components, computed from tables keyed by what their rules read.

spaCy's `attribute_ruler` runs a `Matcher` of 179 token patterns over every token (~22 us a token:
more CPU than the tagger and the parser together) and its `lemmatizer` looks each token up again
(~16 us); together about a fifth of the whole parse. Both are pure functions of a few token
attributes, so the results are kept per key:

- `attribute_ruler_memo`: the ruler's one-token patterns test only TAG, LOWER, DEP and IS_SPACE,
  so what they set on a token (POS, MORPH, LEMMA, DEP, TAG: later patterns win) is computed once
  per (tag, lower, dep, is_space). The few patterns of two tokens ("gon na", "let 's") go through
  a `Matcher` of their own, only in a Doc that holds the first word of one of them; such a Doc
  takes the ruler's own `set_annotations` with every match, in the ruler's order.
- `lemmatizer_memo`: the rule lemmatizer's answer depends on the token's text, POS and morphology
  only (its own cache is keyed the same way but skips base forms), so each answer is kept per
  (orth, pos, morph).

Both read and write a Doc's attributes as arrays (`Doc.to_array` / `Doc.from_array`) rather than
through a `Token` per word: making the Token objects and reading their attributes one by one cost
more than the lookups themselves (the two components: ~13 us a token before, ~5 now, less as the
memos fill).

Same annotations as the stock components, token for token (tests/test_rule_components.py compares
them on the seeds and the test articles; checked on the whole BBC corpus when written). A model
whose ruler uses a pattern form or sets an attribute this module does not know keeps spaCy's own
component.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# What a one-token pattern may test: a token's key is these attributes, read as one array per Doc.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_ATTR_IDS = [IDS[name] for name in _KEY_ATTRS]
# What the ruler's patterns may set, as array columns. A ruler that sets anything else (a lexical
# attribute, an extension) keeps spaCy's component: from_array could not set it the same way.
_SETTABLE = [POS, MORPH, LEMMA, DEP, TAG]
_SETTABLE_COLUMN = {attr: column for column, attr in enumerate(_SETTABLE)}
_LEMMA_KEY_ATTR_IDS = [ORTH, POS, MORPH, LEMMA]


class UnsupportedPattern(ValueError):
    """A ruler pattern tests something the memo cannot key on: keep spaCy's component."""


def _value_test(spec: object) -> Callable[[object], bool]:
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if len(spec) != 1:
        raise UnsupportedPattern(spec)
    (operator, argument), = spec.items()
    if operator == "IN":
        return lambda value: value in argument
    if operator == "NOT_IN":
        return lambda value: value not in argument
    if operator == "REGEX":
        pattern = re.compile(argument)
        return lambda value: bool(pattern.search(str(value)))
    raise UnsupportedPattern(spec)


def _token_test(token_pattern: dict) -> Callable[[tuple], bool]:
    if set(token_pattern) - set(_KEY_ATTRS):
        raise UnsupportedPattern(token_pattern)
    tests = [(_KEY_ATTRS.index(attr), _value_test(spec)) for attr, spec in token_pattern.items()]
    return lambda key: all(test(key[position]) for position, test in tests)


class _TestsByForm:
    """Token tests indexed by the lower-case form they ask for: a key is tested against the tests
    naming its form and the few testing the form otherwise; what the tests ignoring the form (tag
    mappings, mostly) pass is kept per (tag, dep, is_space). Most keys are rare words: each costs a
    handful of tests, not all of them."""

    def __init__(self) -> None:
        self.by_lower: dict[str, list[tuple[object, Callable[[tuple], bool]]]] = {}
        self.testing_lower: list[tuple[object, Callable[[tuple], bool]]] = []
        self.ignoring_lower: list[tuple[object, Callable[[tuple], bool]]] = []
        self.formless: dict[tuple, list] = {}

    def add(self, payload: object, token_pattern: dict) -> None:
        test = (payload, _token_test(token_pattern))
        lower = token_pattern.get("LOWER")
        forms = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) else None
        if isinstance(forms, list):  # the test still runs in full, on tokens of these forms only
            for form in forms:
                self.by_lower.setdefault(form, []).append(test)
        elif lower is None:
            self.ignoring_lower.append(test)
        else:
            self.testing_lower.append(test)

    def passed(self, key: tuple, readable: tuple) -> list:
        """The payloads of the tests a token with this key (and its readable form) passes."""
        formless_key = (key[0], key[2], key[3])
        formless = self.formless.get(formless_key)
        if formless is None:
            formless = self.formless[formless_key] = [payload for payload, test in self.ignoring_lower
                                                      if test(readable)]
        tests = self.by_lower.get(readable[1], []) + self.testing_lower
        return [payload for payload, test in tests if test(readable)] + formless


@dataclass(frozen=True)
class _LongerPattern:
    """A ruler pattern of several tokens, each tested on its key; it sets attrs on token `index`."""
    attr_id: int
    match_id: int
    length: int
    index: int


@dataclass(frozen=True)
class _KeyAnswer:
    """What the ruler's patterns say of a token with one key."""
    matches: list[tuple[int, int]]  # (attr_id, match_id) of the one-token patterns it matches, in order
    effect: tuple[tuple[int, int], ...]  # (column of _SETTABLE, value) those matches leave on it
    steps: frozenset[tuple[int, int]]  # (longer pattern, position) whose token test it passes


class AttributeRulerMemo:
    """The attribute ruler's effect on a token, memoised by the attributes its patterns test."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        if any(set(attrs) - _SETTABLE_COLUMN.keys() for attrs in ruler.attrs):
            raise UnsupportedPattern(ruler.attrs)
        self.singles = _TestsByForm()  # payload: (attr_id, match_id)
        self.steps = _TestsByForm()  # payload: (longer pattern, position)
        self.longer: list[_LongerPattern] = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = self.vocab.strings.add(str(attr_id))
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self.singles.add((attr_id, match_id), pattern[0])
                    continue
                for position, token_pattern in enumerate(pattern):
                    self.steps.add((len(self.longer), position), token_pattern)
                self.longer.append(_LongerPattern(attr_id, match_id, len(pattern), entry.get("index", 0)))
        self.answers: dict[tuple, _KeyAnswer] = {}

    def _answer(self, key: tuple) -> _KeyAnswer:
        answer = self.answers.get(key)
        if answer is None:
            strings = self.vocab.strings
            readable = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
            matches = sorted(set(self.singles.passed(key, readable)))
            answer = self.answers[key] = _KeyAnswer(matches, tuple(self._applied(matches).items()),
                                                    frozenset(self.steps.passed(key, readable)))
        return answer

    def _applied(self, matches: list[tuple]) -> dict[int, int]:
        """What the matches (attr_id first, in the ruler's order) set: a later pattern overwrites an
        earlier one's attribute, as the ruler's set_annotations does."""
        effect: dict[int, int] = {}
        for attr_id, *_ in matches:
            effect.update((_SETTABLE_COLUMN[attr], value) for attr, value in self.ruler.attrs[attr_id].items())
        return effect

    def _longer_matches(self, answers: list[_KeyAnswer]) -> dict[int, list[tuple[int, int, int, int]]]:
        """Token -> the (attr_id, match_id, start, end) of longer-pattern matches that set its attributes."""
        targets: dict[int, list[tuple[int, int, int, int]]] = {}
        for start, answer in enumerate(answers):
            for number, position in answer.steps:
                pattern = self.longer[number]
                end = start + pattern.length
                if position == 0 and end <= len(answers) and all(
                        (number, offset) in answers[start + offset].steps for offset in range(1, pattern.length)):
                    target = range(start, end)[pattern.index]
                    targets.setdefault(target, []).append((pattern.attr_id, pattern.match_id, start, end))
        return targets

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        answers = [self._answer(key) for key in map(tuple, doc.to_array(_KEY_ATTR_IDS).tolist())]
        effects = [answer.effect for answer in answers]
        for i, matches in self._longer_matches(answers).items():  # rare: "gon na", "there is"
            singles = [(attr_id, match_id, i, i + 1) for attr_id, match_id in answers[i].matches]
            effects[i] = tuple(self._applied(sorted(singles + matches)).items())
        values = doc.to_array(_SETTABLE).tolist()
        for row, effect in zip(values, effects):
            for column, value in effect:
                row[column] = value
        doc.from_array(_SETTABLE, numpy.array(values, dtype=numpy.uint64))
        return doc


class LemmatizerMemo:
    """The rule lemmatizer's lemma per (orth, pos, morph), for tokens no rule gave a lemma."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        # The rule lemmatizer asks `form in index` of each candidate form, and the model ships each
        # part of speech's index as a list (57,528 nouns): ~80 us a new word. Sets answer the same.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for part_of_speech, words in list(index.items()):
            index[part_of_speech] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        memo = self.memo
        rows = doc.to_array(_LEMMA_KEY_ATTR_IDS).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0 or self.lemmatizer.overwrite:
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


@Language.factory("attribute_ruler_memo")
def make_attribute_ruler_memo(nlp: Language, name: str) -> AttributeRulerMemo:
    return AttributeRulerMemo(nlp.get_pipe("attribute_ruler"))


@Language.factory("lemmatizer_memo")
def make_lemmatizer_memo(nlp: Language, name: str) -> LemmatizerMemo:
    return LemmatizerMemo(nlp.get_pipe("lemmatizer"))


def use_memo_components(nlp: Language) -> None:
    """Put the memoised components in place of the stock ones (same annotations, less CPU)."""
    try:
        nlp.add_pipe("attribute_ruler_memo", after="attribute_ruler")
    except UnsupportedPattern:
        return
    nlp.remove_pipe("attribute_ruler")
    if nlp.get_pipe("lemmatizer").mode == "rule":
        nlp.add_pipe("lemmatizer_memo", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
