"""People, organisations and places: mentions per article, then one actor per real-world entity.

Two steps, so the expensive one can be cached per article:
1. `extract_mentions(doc)` (mentions.py) — per article, from spaCy's entities and parse: names
   (names.py) with honorifics and possessives stripped, names the model cut joined back (chunks.py),
   each name's type voted by the context of all its mentions (evidence.py; the kind nouns around a
   name, kinds.py; a name used as a place, "in Spennymoor", "a win at Twickenham", locatives.py), nationality words used for a language left out (languages.py), roles (roles.py)
   from appositions and
   pre-name titles, metonyms ("Moscow has demanded", "the Kremlin") mapped to the state and
   locative uses of capitals kept as cities (places.py), surnames and given names resolved to
   the full name introduced in the article, and descriptions ("the Secretary of State", "the
   US diplomat", descriptions.py) kept for resolution. Output: plain records (records.py).
2. `Corpus(articles)` (corpus.py) — across the corpus: spelling variants and transliterations of
   a person merge, bare surnames join the one person of that surname, organisations and places
   merge on normalised names and the gazetteer (newswire/gazetteer.py).
   `Corpus.resolve_speakers` (speakers.py) serves the quote stage, and lists a resolved pronoun
   among its actor's mentions only when the antecedent is clear (pronoun_listing.py); `Corpus.tables()` gives
   actor rows and mention rows. Given an `IdRegistry` (newswire/registry.py), actor ids are those
   of earlier releases, merges and splits recorded.
Word families the rules use are data: newswire/data/actors/words.json (lexicon.py).
"""

from newswire.actors.corpus import Corpus
from newswire.actors.descriptions import match_description
from newswire.actors.mentions import extract_mentions
from newswire.actors.records import Actor, ArticleEntities, Description, LocalMention

__all__ = ["Actor", "ArticleEntities", "Corpus", "Description", "LocalMention", "extract_mentions", "match_description"]
