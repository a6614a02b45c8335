"""One article's quotations, from its Doc: the per-article (cached) half of the quote stage."""

from __future__ import annotations

from spacy.tokens import Doc

from newswire.quotes.direct import marked_candidates
from newswire.quotes.indirect import indirect_candidates
from newswire.quotes.lexicon import load_lexicon
from newswire.quotes.marks import marked_in
from newswire.quotes.records import QuoteCandidate
from newswire.quotes.spans import heading_lines
from newswire.syntax import doc_text


def extract_quotes(doc: Doc) -> list[QuoteCandidate]:
    """All quotations in an article's Doc, offsets into doc.text. Never raises on odd input."""
    text = doc_text(doc)
    if not text:
        return []
    lex = load_lexicon()
    marked = marked_in(doc)
    headings = heading_lines(text)
    quoted = marked_candidates(doc, text, marked, headings, lex)
    indirect = indirect_candidates(doc, text, marked, headings, quoted, lex)
    return sorted(quoted + indirect, key=lambda q: (q.start, q.end, q.kind))
