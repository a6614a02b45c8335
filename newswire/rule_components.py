"""The model's two rule-based components, computed from tables keyed by what their rules read.

spaCy's `attribute_ruler` runs a `Matcher` of 179 token patterns over every token (~22 us a token:
more CPU than the tagger and the parser together) and its `lemmatizer` looks each token up again
(~16 us); together about a fifth of the whole parse. Both are pure functions of a few token
attributes, so the results are kept per key:

- `attribute_ruler_memo`: the ruler's one-token patterns test only TAG, LOWER, DEP and IS_SPACE,
  so the patterns a token matches are computed once per (tag, lower, dep, is_space); the few
  patterns of two tokens ("gon na", "let 's") still go through a `Matcher` of their own. The
  matches are then applied by the ruler's own `set_annotations`, in the ruler's order.
- `lemmatizer_memo`: the rule lemmatizer's answer depends on the token's text, POS and morphology
  only (its own cache is keyed the same way but skips base forms), so each answer is kept per
  (orth, pos, morph).

Same annotations as the stock components, token for token (tests/test_rule_components.py compares
them on the seeds and the test articles; checked on the whole BBC corpus when written). A model
whose ruler uses a pattern form this module does not know keeps spaCy's own component.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token

# What a one-token pattern may test, and how to read it off a token.
_TOKEN_ATTRS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
_KEY_ATTRS = tuple(_TOKEN_ATTRS)


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


class AttributeRulerMemo:
    """The attribute ruler's matches, one-token patterns memoised by the attributes they test.

    A new key is tested against the patterns that ask for its lower-case form or ask for none,
    not all 179: most patterns name one word."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.by_lower: dict[str, list[tuple[int, int, Callable[[tuple], bool]]]] = {}
        self.any_lower: list[tuple[int, int, Callable[[tuple], bool]]] = []
        self.multi = Matcher(ruler.vocab)
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = self.vocab.strings.add(str(attr_id))
            longer = [pattern for pattern in entry["patterns"] if len(pattern) > 1]
            if longer:
                self.multi.add(match_id, longer)
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self._index(attr_id, match_id, pattern[0])
        self.memo: dict[tuple, list[tuple[int, int]]] = {}

    def _index(self, attr_id: int, match_id: int, token_pattern: dict) -> None:
        rule = (attr_id, match_id, _token_test(token_pattern))
        lower = token_pattern.get("LOWER")
        if isinstance(lower, str):
            self.by_lower.setdefault(lower, []).append(rule)
        else:
            self.any_lower.append(rule)

    def _single_matches(self, token: Token) -> list[tuple[int, int]]:
        key = (token.tag, token.lower, token.dep, token.is_space)
        found = self.memo.get(key)
        if found is None:
            readable = tuple(read(token) for read in _TOKEN_ATTRS.values())
            rules = self.by_lower.get(readable[1], []) + self.any_lower
            found = sorted({(attr_id, match_id) for attr_id, match_id, test in rules if test(readable)})
            self.memo[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        matches = [(int(self.vocab.strings[match_id]), match_id, start, end)
                   for match_id, start, end in self.multi(doc, allow_missing=True)]
        for token in doc:
            matches.extend((attr_id, match_id, token.i, token.i + 1)
                           for attr_id, match_id in self._single_matches(token))
        matches.sort()  # the ruler's order: later patterns win
        self.ruler.set_annotations(doc, matches)
        return doc


class LemmatizerMemo:
    """The rule lemmatizer's lemma per (orth, pos, morph), for tokens no rule gave a lemma."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        memo = self.memo
        for token in doc:
            if token.lemma != 0 and not self.lemmatizer.overwrite:
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = memo.get(key)
            if lemma is None:
                token.lemma_ = self.lemmatizer.lemmatize(token)[0]
                memo[key] = token.lemma
            else:
                token.lemma = lemma
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
