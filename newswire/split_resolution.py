"""Quote speakers and event arguments resolved article by article, the articles in two parts: the
first here, the second in a forked child (newswire.forked), with what resolving them all in order
gives, exactly.

Corpus resolution runs in the flow process alone, and in a served +1 article run over the BBC
corpus the other core idles while it resolves every quote's speaker and every event's arguments
(~0.75 of ~3 s). An article's resolution reads the corpus (names, roles, genders: made before, and
not changed by it) and writes into that article's own state (the mentions it resolved, the unnamed
speakers it remembered, the pronouns it left unlisted): articles are independent there, and the
child sends its articles' state back to be adopted. One thing crosses articles: a description ("the
Norwegian politician") or a state's institution ("the Russian foreign ministry") places an actor in a
country, and later descriptions and "Joe Biden's administration" in other articles read those
votes (Corpus.place, Corpus.country_votes). Each part of each pass keeps a journal of the keys it
read and placed. The order resolved in is every article's speakers, then every article's event
arguments (stages.corpus_tables's as ever): when no part read a key that another process placed
before it in that order, each part read what it would have read in order, the parts' results are
the order's, and the placings are replayed in that order. Otherwise, or when the child gives
nothing, the first part is undone and everything resolved here in order (over the BBC corpus, no
key was read across the parts).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newswire import forked, tables
from newswire.actors.corpus import ArticleResolution, Corpus, CountryJournal
from newswire.events import merge
from newswire.extract import ArticleExtraction

# Resolver calls (quotes with a speaker, event arguments) from which the second part goes to a
# forked child. BBC corpus (2,074 articles with extractions, 22,417 calls, ~31 us each): resolving
# in order 0.69-0.71 s, in two parts 0.49-0.51 s; the fork, the answer (~0.5 MB pickled) and
# taking it on cost ~0.08 s. Below this, that outweighs the half of the calls the child saves.
FORKED_CALLS = 5000
# The child's share of the calls: its part runs slower than the parent's (its first write to each
# page it touches copies it). BBC corpus: 0.45 left the parent waiting for nothing, 0.48 balanced.
CHILD_SHARE = 0.46

Speakers = dict[tuple[str, int], list[str]]
Arguments = tuple[tuple[str, ...], tuple[str, ...], str | None]  # an event mention's sources, targets, location


@dataclass
class Part:
    """One part's resolution: the speakers of its quotes, its event mentions argued (merge.argue),
    and the journals of its speakers' and its arguments' passes."""
    speakers: Speakers
    argued: list[merge.ResolvedMention]
    speakers_journal: CountryJournal
    arguments_journal: CountryJournal


@dataclass
class SentPart:
    """A part as the child sends it: its mentions' arguments rather than the mentions (the parent
    holds them: merge.argued_again), and the state it added to its articles."""
    speakers: Speakers
    arguments: dict[str, list[Arguments]]
    speakers_journal: CountryJournal
    arguments_journal: CountryJournal
    added: ArticleResolution


def resolve(corpus: Corpus, extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
            resolver: merge.Resolver, fork: bool = True) -> tuple[Speakers, list[merge.ResolvedMention]]:
    """(article_id, quote start) -> the speakers' actor keys (tables.quote_speakers), and every
    event mention argued (merge.argue), in extraction order; the corpus left as resolving them in
    that order leaves it."""
    weights = [_weight(e) for e in extractions]
    cut = _cut(weights, 1 - CHILD_SHARE)
    if not (fork and sum(weights) >= FORKED_CALLS and 0 < cut < len(extractions) and forked.usable()):
        return _in_order(corpus, extractions, texts, resolver)
    first, second = extractions[:cut], extractions[cut:]
    corpus.genders()  # built once, before the fork, rather than in each process
    state = corpus.article_state(e.article_id for e in first)
    with forked.beside(functools.partial(_sent_part, corpus, second, texts, resolver), True) as child:
        mine = _part(corpus, first, texts, resolver)
        theirs = child.answer()
    corpus.unplace([mine.speakers_journal, mine.arguments_journal])
    if theirs is None or _read_across(mine, theirs):
        corpus.restore(state)
        return _in_order(corpus, extractions, texts, resolver)
    corpus.adopt(theirs.added)
    corpus.replay([mine.speakers_journal, theirs.speakers_journal, mine.arguments_journal, theirs.arguments_journal])
    return mine.speakers | theirs.speakers, mine.argued + [
        item for e in second for item in merge.argued_again(e.article_id, e.events, theirs.arguments[e.article_id])]


def _in_order(corpus: Corpus, extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
              resolver: merge.Resolver) -> tuple[Speakers, list[merge.ResolvedMention]]:
    speakers = tables.quote_speakers(extractions, texts, corpus)
    return speakers, _argued(extractions, texts, resolver)


def _argued(extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
            resolver: merge.Resolver) -> list[merge.ResolvedMention]:
    return [item for e in extractions for item in merge.argue(e.article_id, texts[e.article_id], e.events, resolver)]


def _part(corpus: Corpus, extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
          resolver: merge.Resolver) -> Part:
    corpus.journal = speakers_journal = CountryJournal()
    try:
        speakers = tables.quote_speakers(extractions, texts, corpus)
        corpus.journal = arguments_journal = CountryJournal()
        argued = _argued(extractions, texts, resolver)
    finally:
        corpus.journal = None
    return Part(speakers, argued, speakers_journal, arguments_journal)


def _sent_part(corpus: Corpus, extractions: Sequence[ArticleExtraction], texts: Mapping[str, str],
               resolver: merge.Resolver) -> SentPart:
    state = corpus.article_state(e.article_id for e in extractions)
    part = _part(corpus, extractions, texts, resolver)
    arguments: dict[str, list[Arguments]] = {e.article_id: [] for e in extractions}
    for item in part.argued:
        arguments[item.article_id].append((item.sources, item.targets, item.location))
    return SentPart(part.speakers, arguments, part.speakers_journal, part.arguments_journal,
                    corpus.resolved_since(state))


def _read_across(first: Part, second: SentPart) -> bool:
    """Whether a part read a key that the other process placed before it in the order (the first
    part's speakers, the second's, the first's arguments, the second's)."""
    def placed(*journals: CountryJournal) -> set[str]:
        return {key for journal in journals for key, _ in journal.placed}
    return bool(placed(first.speakers_journal) & second.speakers_journal.read
                or placed(second.speakers_journal) & first.arguments_journal.read
                or placed(first.speakers_journal, first.arguments_journal) & second.arguments_journal.read)


def _weight(extraction: ArticleExtraction) -> int:
    """The resolver calls an article's resolution makes: one per quote with a speaker, one per
    event argument."""
    return sum(q.speaker_start is not None for q in extraction.quotes) + sum(
        len(m.sources) + len(m.targets) + (m.location is not None) for m in extraction.events)


def _cut(weights: Sequence[int], share: float) -> int:
    """Where the weights before are about that share of all."""
    total, running = sum(weights), 0
    for index, weight in enumerate(weights):
        if running >= share * total:
            return index
        running += weight
    return len(weights)
