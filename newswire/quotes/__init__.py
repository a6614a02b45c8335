"""Quotations in an article: direct, partial, indirect (reported) and scare quotes.

Two passes over one article's Doc (its text is the cleaned article text), in extract.py:

1. marks.py: `find_marked` pairs quote marks at the character level (every style, broken
   marks recovered), independent of the parser, so offsets are exact and a parse error
   never loses a quote.
2. direct.py attributes each marked span with the dependency parse: the cue verb that
   governs it (or sits in the attribution next to it), the cue's subject as the speaker, the
   addressee as the relaying outlet (attribution.py). indirect.py finds cue verbs with a
   reported clause and no quote marks: indirect quotes.

clusters.py groups the same words quoted across articles. Rules that match language live in
newswire/data/cue_verbs.json and quotes_markers.json (lexicon.py).
"""

from __future__ import annotations

from newswire.quotes.clusters import cluster_quotes, normalise_quote
from newswire.quotes.extract import extract_quotes
from newswire.quotes.lexicon import Lexicon, load_lexicon
from newswire.quotes.marks import Marked, find_marked, marked_in
from newswire.quotes.records import QuoteCandidate

__all__ = ["Lexicon", "Marked", "QuoteCandidate", "cluster_quotes", "extract_quotes", "find_marked", "load_lexicon",
           "marked_in", "normalise_quote"]
