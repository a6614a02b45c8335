"""Quote speakers and event arguments resolved in two parts, the second in a forked child
(newswire.split_resolution): at every cut, the same speakers, arguments and corpus state as
resolving in order; a country vote read across the parts, or a child that gives nothing, and the
first part is undone and everything resolved in order."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from newswire import forked, split_resolution
from newswire.actors import Corpus
from newswire.actors.corpus import CountryJournal
from newswire.events import parties

pytestmark = pytest.mark.skipif(not forked.usable(), reason="no fork beside this process here")


@pytest.fixture(scope="module")
def seeds(seeds_extracted):
    """The seeds' extractions and their articles' texts."""
    spine, extracted, _, _ = seeds_extracted
    return extracted.extractions, dict(zip(spine["articles"]["article_id"], spine["articles"]["text"]))


def _resolved(extractions, texts, fork: bool) -> tuple:
    """Speakers, argued mentions and the corpus's resolution state (the country votes in their
    order) after resolving on a fresh corpus."""
    corpus = Corpus([(e.article_id, e.entities) for e in extractions])
    speakers, argued = split_resolution.resolve(corpus, extractions, texts,
                                                parties.event_resolver(corpus, extractions, texts), fork)
    votes = [(key, list(counts.items())) for key, counts in corpus.countries.items()]
    extra = {article_id: mentions for article_id, mentions in corpus.extra.items() if mentions}
    return list(speakers.items()), argued, votes, extra, corpus.unnamed, corpus.unlisted


@pytest.fixture
def splitting(monkeypatch) -> dict[str, int]:
    """Any resolution splits; counts of the children started and of the fallbacks to one order."""
    monkeypatch.setattr(split_resolution, "FORKED_CALLS", 0)
    monkeypatch.setattr(forked, "usable", lambda: True)
    counts = {"children": 0, "in_order": 0}
    start, in_order = forked.Beside._fork, split_resolution._in_order

    def counted_fork(self):
        counts["children"] += 1
        start(self)

    def counted_in_order(*args):
        counts["in_order"] += 1
        return in_order(*args)

    monkeypatch.setattr(forked.Beside, "_fork", counted_fork)
    monkeypatch.setattr(split_resolution, "_in_order", counted_in_order)
    return counts


def test_every_cut_resolves_as_one_order_does(seeds, splitting, monkeypatch):
    extractions, texts = seeds
    in_order = _resolved(extractions, texts, fork=False)
    assert in_order[0] and in_order[1] and in_order[3]  # speakers, argued mentions, resolved mentions
    assert sum(1 for _, keys in in_order[0] if keys) > 20
    splitting["in_order"] = 0
    for cut in range(1, len(extractions)):
        monkeypatch.setattr(split_resolution, "_cut", lambda weights, share, cut=cut: cut)
        assert _resolved(extractions, texts, fork=True) == in_order, cut
    assert splitting["children"] == len(extractions) - 1
    assert splitting["in_order"] < len(extractions) - 1  # the parts' results were taken, not all redone


def test_a_vote_read_across_the_parts_resolves_in_order_again(seeds, splitting, monkeypatch):
    extractions, texts = seeds
    in_order = _resolved(extractions, texts, fork=False)
    splitting["in_order"] = 0
    monkeypatch.setattr(split_resolution, "_read_across", lambda first, second: True)
    assert _resolved(extractions, texts, fork=True) == in_order
    assert splitting == {"children": 1, "in_order": 1}


def test_a_child_that_gives_nothing_leaves_the_resolution_in_order(seeds, splitting, monkeypatch):
    extractions, texts = seeds
    in_order = _resolved(extractions, texts, fork=False)
    splitting["in_order"] = 0

    def failing(*args):
        raise RuntimeError("the child's part failed")

    monkeypatch.setattr(split_resolution, "_sent_part", failing)
    assert _resolved(extractions, texts, fork=True) == in_order
    assert splitting == {"children": 1, "in_order": 1}


def _journal(read=(), placed=()) -> CountryJournal:
    return CountryJournal(set(read), list(placed))


@pytest.mark.parametrize("first_speakers, second_speakers, first_arguments, second_arguments, across", [
    ((), (), (), (), False),
    # each part reads what it placed itself: as in order
    (_journal({"P:a"}, [("P:a", "NOR")]), _journal({"P:b"}, [("P:b", "SWE")]), _journal({"P:a"}), _journal({"P:b"}), False),
    # both place the same key, neither reads it: the votes add up whatever the order (replayed in it)
    (_journal(placed=[("O:x", "USA")]), _journal(placed=[("O:x", "USA")]), _journal(), _journal(), False),
    # the second's speakers read what the first's placed before them
    (_journal(placed=[("P:a", "NOR")]), _journal({"P:a"}), _journal(), _journal(), True),
    # the first's arguments read what the second's speakers placed before them
    (_journal(), _journal(placed=[("P:a", "NOR")]), _journal({"P:a"}), _journal(), True),
    # the second's arguments read what the first's arguments placed
    (_journal(), _journal(), _journal(placed=[("P:a", "NOR")]), _journal({"P:a"}), True),
    # the first's speakers read what the second's arguments place after them: as in order
    (_journal({"P:a"}), _journal(), _journal(), _journal(placed=[("P:a", "NOR")]), False),
    # the first's arguments come after the second's speakers, not after its arguments
    (_journal(), _journal(), _journal({"P:a"}), _journal(placed=[("P:a", "NOR")]), False),
])
def test_what_counts_as_read_across(first_speakers, second_speakers, first_arguments, second_arguments, across):
    first = split_resolution.Part({}, [], first_speakers or _journal(), first_arguments or _journal())
    second = split_resolution.SentPart({}, {}, second_speakers or _journal(), second_arguments or _journal(),
                                       None)  # type: ignore[arg-type]
    assert split_resolution._read_across(first, second) is across


def test_placings_undone_and_replayed_in_order_are_those_of_that_order():
    def corpus_with_votes() -> Corpus:
        corpus = Corpus([])
        corpus.countries = defaultdict(Counter, {"P:a": Counter({"GBR": 1}), "P:b": Counter()})
        return corpus

    here, elsewhere = corpus_with_votes(), corpus_with_votes()
    here.journal = mine = CountryJournal()
    for key, country in [("P:c", "USA"), ("P:a", "FRA"), ("P:a", "FRA")]:
        here.place(key, country)
    elsewhere.journal = theirs = CountryJournal()
    for key, country in [("P:a", "DEU"), ("P:d", "RUS"), ("P:c", "CAN")]:
        elsewhere.place(key, country)
    assert mine.before == {"P:c": None, "P:a": Counter({"GBR": 1})}

    here.unplace([mine])
    assert list(here.countries.items()) == list(corpus_with_votes().countries.items())
    here.replay([theirs, mine])
    in_that_order = corpus_with_votes()
    for key, country in theirs.placed + mine.placed:
        in_that_order.countries[key][country] += 1
    assert [(k, list(v.items())) for k, v in here.countries.items()] == \
        [(k, list(v.items())) for k, v in in_that_order.countries.items()]
    assert list(here.countries) == ["P:a", "P:b", "P:d", "P:c"]
    assert list(here.countries["P:a"].items()) == [("GBR", 1), ("DEU", 1), ("FRA", 2)]
