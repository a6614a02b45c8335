"""The memoised attribute ruler and lemmatizer give the stock components' annotations, token for token."""

from pathlib import Path

import pytest
import spacy

from newswire import nlp
from newswire.rule_components import AttributeRulerMemo, UnsupportedPattern, _token_test, use_memo_components

DATA = Path(__file__).parent / "data"
ARTICLES = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "unseen").glob("*/*.txt"))[:10]
# Word forms the ruler's word patterns and the lemmatizer's base-form branch are about.
SENTENCES = [
    "I ain't gonna say it, y'all, let's go: c'mon, there's nothing he gets or got.",
    "She saw the saw; they were sawing and he has sawn it. The leaves leave.",
    "The U.S. isn't ready, but can't wait.  \n\nOK?",
    # patterns of two tokens back to back, overlapping, at a Doc's edges, and beside one-token ones
    "Gonna gotta gon na let's Let's y'all y' all.  There is, there are, there were: ain't it?",
    "gonna",
    "There's",
    "Let",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def stock():
    model = spacy.load(nlp.MODEL, exclude=["senter"])
    model.add_pipe("newline_sentences", before="parser")
    return model


def test_the_seeds_and_unseen_articles_get_the_stock_annotations(stock):
    assert len(ARTICLES) >= 10
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES] + SENTENCES
    for ours, theirs in zip(nlp.load_nlp().pipe(texts), stock.pipe(texts), strict=True):
        assert annotations(ours) == annotations(theirs)


def test_the_memo_components_replace_the_stock_ones():
    names = nlp.load_nlp().pipe_names
    assert "attribute_ruler_memo" in names and "attribute_ruler" not in names
    assert "lemmatizer_memo" in names and "lemmatizer" not in names


@pytest.mark.parametrize("pattern, token, expected", [
    ({"TAG": "VBZ", "LOWER": "gets"}, ("VBZ", "gets", "ROOT", False), True),
    ({"TAG": "VBZ", "LOWER": "gets"}, ("VBD", "gets", "ROOT", False), False),
    ({"LOWER": {"IN": ["is", "are"]}}, ("VBZ", "is", "ROOT", False), True),
    ({"LOWER": {"NOT_IN": ["is", "are"]}}, ("VBZ", "is", "ROOT", False), False),
    ({"LOWER": {"REGEX": "^n'?t$"}}, ("RB", "n't", "neg", False), True),
    ({"IS_SPACE": True, "TAG": "_SP"}, ("_SP", "\n", "dep", True), True),
])
def test_a_one_token_pattern_tests_the_keyed_attributes(pattern, token, expected):
    assert _token_test(pattern)(token) is expected


@pytest.mark.parametrize("pattern", [{"ENT_TYPE": "PERSON"}, {"LOWER": {"FUZZY": "gets"}},
                                     {"LOWER": {"IN": ["a"], "NOT_IN": ["b"]}}])
def test_a_pattern_the_memo_cannot_key_on_keeps_the_stock_ruler(pattern):
    with pytest.raises(UnsupportedPattern):
        _token_test(pattern)
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[pattern]], {"POS": "NOUN"})
    with pytest.raises(UnsupportedPattern):
        AttributeRulerMemo(ruler)


def test_a_model_whose_ruler_the_memo_cannot_key_on_keeps_its_stock_components():
    model = spacy.blank("en")
    model.add_pipe("attribute_ruler").add([[{"ENT_TYPE": "PERSON"}]], {"POS": "PROPN"})
    use_memo_components(model)
    assert model.pipe_names == ["attribute_ruler"]
