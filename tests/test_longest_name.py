"""newswire.longest_name.LongestName: what one regex of every name, longest first, finds in a text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.longest_name import LongestName


def _by_one_regex(names: list[str], text: str) -> str | None:
    """The regex LongestName stands for: every name, longest first, tried at each position."""
    ordered = sorted(dict.fromkeys(names), key=lambda name: -len(name))
    if not ordered:
        return None
    pattern = re.compile("(?=\\b(" + "|".join(map(re.escape, ordered)) + ")\\b)")
    found = [m.group(1) for m in pattern.finditer(text)]
    return max(found, key=len) if found else None


# few letters, word and non-word, so that names overlap, nest and meet boundaries often
_pieces = st.sampled_from(["NATO", "UN", "U.S.", "Army", "A", "&", "-", " ", ".", "é", "_", "(", "1"])
_strings = st.lists(_pieces, min_size=1, max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_strings, max_size=8), st.lists(_pieces, max_size=14).map("".join))
def test_finds_what_the_regex_of_every_name_finds(names, text):
    assert LongestName(names)(text) == _by_one_regex(names, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("NATO Secretary-General", "NATO"),
    ("Secretary-General of the North Atlantic Treaty Organization", "North Atlantic Treaty Organization"),
    ("US Army chief of staff", "US Army"),  # the longer of two names at one place
    ("head of the UN and of NATO", "NATO"),  # the longer of two names at two places
    ("UNICEF director", None),  # inside a word: no boundary
    ("envoy to the U.S.", None),  # as the regex: \b needs a word character on one side of it
    ("U.S.A. envoy", "U.S."),
    ("envoy", None),
])
def test_rules(text, expected):
    names = ["NATO", "North Atlantic Treaty Organization", "US Army", "Army", "UN", "U.S."]
    assert LongestName(names)(text) == expected
