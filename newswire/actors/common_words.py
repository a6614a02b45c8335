"""English verbs, adjectives and adverbs, as the model's own lemmatizer lists them (its WordNet-derived
"lemma_index" table): words a name the model labels a person's is seldom spelt like ("Entertain", "Approve",
"Forever"). Its nouns are left out: they hold people's and places' names too ("taylor", "madonna",
"glasgow")."""

from __future__ import annotations

from functools import lru_cache

# the lemma index's parts of speech that hold no proper names
_WORD_CLASSES = ("verb", "adj", "adv")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Every verb, adjective and adverb of the lemma index, lower case; read once, when first asked."""
    from newswire.nlp import load_nlp

    nlp = load_nlp()
    name = "lemmatizer_memo" if "lemmatizer_memo" in nlp.pipe_names else "lemmatizer"
    pipe = nlp.get_pipe(name)
    lemmatizer = getattr(pipe, "lemmatizer", pipe)  # the memo wraps the stock lemmatizer
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(word for word_class in _WORD_CLASSES for word in index.get(word_class, []))
