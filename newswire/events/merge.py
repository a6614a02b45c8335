"""Corpus-level events: arguments resolved to actors, dates resolved, mentions merged.

Mentions of the same act are one event: same PLOVER type, same negation and hypothetical
flags, the same parties (the states and organisations the actors act for), and compatible
dates (within a day when both are day-precise; otherwise the coarser date contains the
finer). Every mention is kept in event_mentions.

Who takes part: each of several doers named together does its own act ("the US and NATO
delivered their replies": a row each), except in mutual acts, where the participants are one
event ("Russia, Ukraine, France and Germany met": one meeting, not a dyad per pair). An act
between two people that two or more articles report is an event of its own, apart from what
their states do the same day ("Blinken hopes to meet Lavrov" is not "the US offers Russia a
path").

What keeps acts apart inside one article: two triggers of one sentence are two acts, and so
are two requests of one article that ask different things ("urged Russia to de-escalate",
"called on Russia to withdraw"). Perfect tenses without a date ("Russia has deployed",
"Russia had demanded") place an act before the report, not on its day: such a mention may
join an event dated earlier; a past perfect never joins one dated by the report's own day.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from newswire.events import lexicon
from newswire.events.dates import ResolvedDate, compatible, resolve
from newswire.events.mentions import EventMention
from newswire.events.rules import rules, synonym_groups
from newswire.text import stable_hash

PRECISION_ORDER = ("day", "week", "month", "year")
NEWS_DAY_WINDOW = 2
PERSON_KEY = "PERSON:"
# Expressions naming a day: weekdays, "yesterday", and month-day dates ("Jan. 26", "26 January").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DAY_EXPRESSION = re.compile(
    rf"\b(?:(?:on |last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|"
    rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH})\b")
MAX_CONFIDENCE = 0.99
HYPOTHETICAL_EVENT_FACTOR = 0.7

# (article_id, start, end) -> actor keys the expression refers to, in order
Resolver = Callable[[str, int, int], list[str]]


@dataclass(frozen=True)
class Article:
    article_id: str
    text: str
    published: pd.Timestamp | None
    outlet: str


@dataclass(frozen=True)
class ResolvedMention:
    article_id: str
    mention: EventMention
    sources: tuple[str, ...]  # actor keys
    targets: tuple[str, ...]
    location: str | None
    date: ResolvedDate | None
    date_source: str
    joint_index: int = 0  # the place of this row's source among several named together (one row each)

    @property
    def kind(self) -> tuple:
        return self.mention.plover_type, self.mention.negated, self.mention.hypothetical

    @property
    def key(self) -> tuple:
        return (*self.kind, self.sources[:1], self.targets[:1])

    @property
    def mutual(self) -> bool:
        return self.mention.lemma in rules().mutual_triggers.get(self.mention.plover_type, ())

    @property
    def symmetric(self) -> bool:
        """Of a type whose parties have no order: "Blinken met Lavrov" is "Lavrov met Blinken"."""
        return self.mention.plover_type in rules().mutual_triggers

    @property
    def participants(self) -> tuple[str, ...]:
        """The parties of an act of a type without direction: the doer and the one it is done
        with ("Blinken met Lavrov"), or, of a mutual act, all the doers when none is named
        apart ("Russia, Ukraine and France met")."""
        if self.targets:
            return self.sources[:1] + self.targets[:1]
        return self.sources if self.mutual else self.sources[:1]

    @property
    def complete(self) -> bool:
        if self.symmetric:
            return len(set(self.participants)) >= 2
        return bool(self.sources) and bool(self.targets)

    @property
    def date_stated(self) -> bool:
        return self.date_source == "sentence"


def resolve_arguments(articles: Mapping[str, Article], mentions: Mapping[str, Sequence[EventMention]],
                      resolver: Resolver) -> list[ResolvedMention]:
    """Every article's mentions argued (argue), then dated (dated)."""
    return dated(articles, [item for article_id, found in mentions.items() for item in
                            argue(article_id, articles[article_id].text if article_id in articles else "", found,
                                  resolver)])


def argue(article_id: str, text: str, found: Sequence[EventMention], resolver: Resolver) -> list[ResolvedMention]:
    """One article's mentions in text order, with actor keys for every argument ("the parties",
    "both sides": the doers of the article's last act of several); not yet dated. The resolver is
    asked in that order, span by span (it may remember what it resolved: newswire.split_resolution
    replays it so)."""
    argued = []
    participant_nouns = rules().participant_nouns
    last_group: tuple[str, ...] = ()  # the doers of the article's last act of several
    for mention in _in_text_order(found):
        sources = _keys(resolver, article_id, mention.sources)
        if not sources and mention.sources and \
                text[slice(*mention.sources[0])].lower().split()[-1:] in ([noun] for noun in participant_nouns):
            sources = last_group  # "the parties agreed to meet again": those who just met
        if len(sources) >= 2:
            last_group = sources
        targets = tuple(k for k in _keys(resolver, article_id, mention.targets) if k not in sources[:1])
        location = _keys(resolver, article_id, (mention.location,)) if mention.location else ()
        argued.append(ResolvedMention(article_id, mention, sources, targets, location[0] if location else None,
                                      None, "none"))
    return argued


def argued_again(article_id: str, found: Sequence[EventMention],
                 arguments: Sequence[tuple[tuple[str, ...], tuple[str, ...], str | None]]) -> list[ResolvedMention]:
    """argue's result from the arguments it found ((sources, targets, location) of each mention,
    in text order): for a process that holds the mentions but not the result (a forked child's)."""
    return [ResolvedMention(article_id, mention, sources, targets, location, None, "none")
            for mention, (sources, targets, location) in zip(_in_text_order(found), arguments, strict=True)]


def _in_text_order(found: Sequence[EventMention]) -> list[EventMention]:
    return sorted(found, key=lambda m: m.start)


def dated(articles: Mapping[str, Article], argued: list[ResolvedMention]) -> list[ResolvedMention]:
    """Each argued mention's date: from its sentence's expression relative to the article's
    publication date (or, for an undated article, the date of the story it shares acts with),
    else that date itself."""
    published = {a.article_id: (a.published.date(), "published") for a in articles.values() if a.published is not None}
    news_days = _news_days(articles, published)
    bases = _bases(published, argued, {k: (d, "article") for k, d in news_days.items()})
    news_days |= _news_days(articles, {k: v for k, v in bases.items() if k not in published})
    stated = [replace(item, date=found, date_source="sentence")
              if (found := resolve(item.mention.date_text, bases.get(item.article_id, (None,))[0])) is not None else item
              for item in argued]
    resolved = []
    for item in stated:
        if item.date_source == "sentence":
            resolved.append(item)
        elif item.article_id in news_days:
            resolved.append(replace(item, date=ResolvedDate(news_days[item.article_id], "day"), date_source="article"))
        elif item.article_id in bases:
            base, base_source = bases[item.article_id]
            resolved.append(replace(item, date=ResolvedDate(base, "day"), date_source=base_source))
        else:
            resolved.append(item)
    return resolved


def _news_days(articles: Mapping[str, Article], bases: Mapping[str, tuple[date, str]]) -> dict[str, date]:
    """The day an article reports on: the latest day it names ("on Wednesday", "Jan. 26")
    within NEWS_DAY_WINDOW days before its reference day. Acts it reports without a date
    happened then, not on the day of printing ("on Wednesday" in Thursday's paper)."""
    days: dict[str, date] = {}
    for article_id, (base, _) in bases.items():
        if article_id not in articles:
            continue
        named: Counter = Counter()
        for match in DAY_EXPRESSION.finditer(articles[article_id].text):
            found = resolve(match.group(0), base)
            if found is not None and found.precision == "day" and 0 <= (base - found.day).days <= NEWS_DAY_WINDOW:
                named[found.day] += 1
        if named:  # the day named most often (a dateline names the printing day once); ties: the earlier
            days[article_id] = most_voted(named)
    return days


def _keys(resolver: Resolver, article_id: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    keys: list[str] = []
    for start, end in spans:
        keys.extend(k for k in resolver(article_id, start, end) if k not in keys)
    return tuple(keys)


def _bases(published: Mapping[str, tuple[date, str]], argued: list[ResolvedMention],
           news_days: Mapping[str, tuple[date, str]]) -> dict[str, tuple[date, str]]:
    """Each article's reference day: its publication date, else the most common day that the
    dated articles reporting the same acts (or, failing that, naming the same people in their
    acts) report on.

    People only: they are specific to a news cycle, where countries and organisations are named in
    every year's news. Through any shared actor, one dated article of January 2022 added to the
    undated BBC corpus of 2004-05 dated 728 event mentions of BBC articles in 2022 (589 through
    actors alone, mostly countries) and regrouped 290 old mentions; through people, 139 and 67. On
    the seeds, also with all but one article's date removed, nothing changes: their undated
    articles share acts with the dated ones."""
    bases = {**published, **news_days}
    by_key: dict[tuple, Counter] = defaultdict(Counter)
    by_actor: dict[str, Counter] = defaultdict(Counter)
    for item in argued:
        if item.article_id in bases and item.complete:
            by_key[item.key][bases[item.article_id][0]] += 1
            for key in item.sources + item.targets:
                if key.startswith(PERSON_KEY):
                    by_actor[key][bases[item.article_id][0]] += 1
    by_article: dict[str, list[ResolvedMention]] = defaultdict(list)
    for item in argued:  # grouped once: a scan of every mention per undated article is quadratic
        by_article[item.article_id].append(item)
    for article_id in set(by_article) - set(bases):
        mine = by_article[article_id]
        votes: Counter = Counter()
        for item in mine:
            votes.update(by_key.get(item.key, {}))
        if not votes:
            for item in mine:
                for key in item.sources + item.targets:
                    votes.update(by_actor.get(key, {}))
        if votes:
            bases[article_id] = (most_voted(votes), "story")
    return {k: v for k, v in bases.items() if k not in news_days} | {k: published[k] for k in news_days}


class _Members(list):
    """An event's mentions, with what deciding whether another joins needs at hand, so that
    joining costs the same however many mentions an event has: one mention per distinct date
    reading, and the mentions of each article."""

    def __init__(self, items: Iterable[ResolvedMention] = ()):
        super().__init__()
        self.readings: dict[tuple, ResolvedMention] = {}
        self.by_article: dict[str, list[ResolvedMention]] = defaultdict(list)
        self.contents: set[str] = set()
        for item in items:
            self.append(item)

    def append(self, item: ResolvedMention) -> None:
        super().append(item)
        self.readings.setdefault((item.date, item.date_stated, item.mention.tense), item)
        self.by_article[item.article_id].append(item)
        if item.mention.content is not None:
            self.contents.add(item.mention.content)


def _clusters(items: list[ResolvedMention]) -> list[_Members]:
    """Mentions of one key grouped by compatible dates, most precise dates first."""
    # dates stated in a sentence anchor clusters before dates borrowed from publication
    order = sorted(items, key=lambda m: (m.date is None, not m.date_stated,
                                         PRECISION_ORDER.index(m.date.precision) if m.date else 9,
                                         m.date.day if m.date else date.min, m.article_id, m.mention.start))
    clusters: list[_Members] = []
    for item in order:
        home = _best_home(item, [c for c in clusters if _fits(c, item)])
        if home is None:
            clusters.append(_Members([item]))
        else:
            home.append(item)
    return clusters


def _best_home(item: ResolvedMention, candidates: list[_Members]) -> _Members | None:
    """The cluster a mention joins among those it fits: one of the same day before one it only
    may precede, one asking the same thing before others, else the first."""
    same_day = [c for c in candidates if compatible(c[0].date, item.date)]
    if not same_day and len(candidates) > 1:
        return None  # several earlier acts it may be: none
    candidates = same_day or candidates
    return next((c for c in candidates if _same_content(c, item)), candidates[0] if candidates else None)


def _same_content(members: _Members, item: ResolvedMention) -> bool:
    return item.mention.content is not None and item.mention.content in members.contents


def _fits(members: _Members, item: ResolvedMention) -> bool:
    return all(_dates_fit(reading, item) for reading in members.readings.values()) and \
        not _conflicts(members.by_article.get(item.article_id, ()), item)


# Tenses that without a date place an act off the report's own day: before it ("had
# demanded") or over a stretch of time ("is leading the negotiations").
NOT_ON_THE_DAY = frozenset({"pluperfect", "progressive"})
ONGOING = frozenset({"progressive"})


def _dates_fit(anchor: ResolvedMention, item: ResolvedMention) -> bool:
    """Could the anchor's act and the mention's be one? Dates compatible, except that a past
    perfect without a date is before the report's own day; and a perfect without a date
    (the date is the report's) may be of any earlier stated date, an act still going on not."""
    undated_perfect = [m for m in (anchor, item) if not m.date_stated and m.mention.tense is not None]
    if compatible(anchor.date, item.date):
        # two acts off the report's day, with no date to tie them, are one only when told alike
        # ("has denied", "has repeatedly denied"; "the US has long accused Russia" is not the
        # concerns about Russian actions its reply sets out)
        both_off = len(undated_perfect) == 2 and bool(set(_told(anchor, True)) & set(_told(item, True)))
        return not any(m.mention.tense in NOT_ON_THE_DAY for m in undated_perfect) or \
            both_off or anchor.date_stated or item.date_stated
    stated, borrowed = (anchor, item) if anchor.date_stated else (item, anchor)
    # an act still going on ("is leading the negotiations") is not the one day's act told before
    return stated.date_stated and borrowed in undated_perfect and borrowed.mention.tense not in ONGOING and \
        stated.date is not None and borrowed.date is not None and stated.date.day <= borrowed.date.day


def _conflicts(same_article: Sequence[ResolvedMention], item: ResolvedMention) -> bool:
    """Acts an article tells apart: two triggers of one sentence, or two requests asking
    different things."""
    for member in same_article:
        if member.mention.start == item.mention.start:
            continue
        if member.mention.sentence_start == item.mention.sentence_start:
            return True
        if member.mention.content and item.mention.content and member.mention.content != item.mention.content:
            return True
    return False


def _event_date(members: list[ResolvedMention]) -> ResolvedDate | None:
    """The finest, most common date the mentions state; dates borrowed from publication only
    when no sentence states one."""
    stated = [m.date for m in members if m.date is not None and m.date_source == "sentence"]
    dates = stated or [m.date for m in members if m.date is not None]
    if not dates:
        return None
    finest = min(PRECISION_ORDER.index(d.precision) for d in dates)
    return most_voted(Counter(_normalised(d) for d in dates if PRECISION_ORDER.index(d.precision) == finest))


def _normalised(resolved: ResolvedDate) -> ResolvedDate:
    """Month and year precision dated to their first day, so a date never claims more than it knows."""
    day = resolved.day
    if resolved.precision == "month":
        day = day.replace(day=1)
    elif resolved.precision == "year":
        day = day.replace(month=1, day=1)
    return ResolvedDate(day, resolved.precision)


def event_tables(articles: Mapping[str, Article], resolved: list[ResolvedMention], actor_id: Callable[[str], str],
                 texts_of: Callable[[str, int, int], str],
                 side: Callable[[str], str | None] | None = None) -> tuple[list[dict], list[dict]]:
    """Rows of events and event_mentions.

    Mentions naming both sides (or two participants of a mutual act) merge by their parties
    and compatible dates. A mention that names one side only joins the event that side takes
    part in (same type and flags, fitting date) when exactly one such event tells the act
    alike (the same verb, or asking the same thing), or when its own article names exactly one
    such event in full; failing that, another such mention told alike; otherwise it stands
    alone, as does a mention that names neither: merging on what a text leaves out would join
    different acts.

    side(actor key) is the party an actor acts for when outlets name the same act differently
    ("the US ambassador" / "the United States" / "Washington"); by default the actor itself.
    """
    party = _memoised(side or (lambda key: actor_id(key) or key))
    rows = [row for item in resolved for row in _per_source(item)]
    groups: dict[tuple, list[ResolvedMention]] = defaultdict(list)
    for item in rows:
        if item.complete:
            groups[_party_key(item, party)].append(item)
    events, between_people = [], []
    for key in sorted(groups, key=repr):
        for members in _clusters(groups[key]):
            state_level, personal = _personal_events(members, actor_id)
            events.extend(state_level)
            between_people.extend(personal)
    # a mention naming one side names a state or an organisation's act, not two people's
    by_side = _events_by_side(events, party)
    events += between_people
    partial: dict[tuple, dict[int, _Members]] = defaultdict(dict)  # (kind, side, party, told) -> groups
    alone = []
    # as in _clusters, dates stated in a sentence place mentions before dates borrowed from publication
    for item in sorted((i for i in rows if not i.complete),
                       key=lambda i: (not i.date_stated, i.article_id, i.mention.start, i.joint_index)):
        named = _named_side(item, party)
        home = _only_candidate(item, [by_side.get((item.kind, *named, told), ()) for told in _told(item)]) \
            if named else None
        if home is None and named and not item.mutual:  # "talks with Russia": too little to join others by
            home = _one_fitting(item, [partial[(item.kind, *named, told)].values() for told in _told(item)])
            if home is None:
                home = _Members()
                alone.append(home)
            for told in _told(item):
                partial[(item.kind, *named, told)][id(home)] = home
        if home is None:
            alone.append([item])
        else:
            home.append(item)
    every = events + alone
    event_rows = [_event_row(members, articles, actor_id) for members in every]
    # acts an article tells apart may share type, parties and day: their first mention tells them apart
    repeated = Counter(row["event_id"] for row in event_rows)
    for row, members in zip(event_rows, every):
        if repeated[row["event_id"]] > 1:
            article_id, start = min((m.article_id, m.mention.start) for m in members)
            row["event_id"] = stable_hash(row["event_id"], article_id, str(start))
    mention_rows = [_mention_row(m, row["event_id"], articles, actor_id, texts_of)
                    for row, members in zip(event_rows, every) for m in members]
    return event_rows, mention_rows


def _per_source(item: ResolvedMention) -> list[ResolvedMention]:
    """One row per doer named together ("the US and NATO rejected Moscow's demands", "the US
    and NATO replied to Russia", "they delivered written replies"): each did its own act. Doers
    of an act aimed at no one named stay one row when they may have done it together: the
    participants of a mutual act ("Russia, Ukraine and France met") and of the joint types
    ("Russia and Ukraine agreed", "protesters and police clashed")."""
    if len(item.sources) < 2 or not item.targets and (item.mutual or item.mention.plover_type in rules().joint_types):
        return [item]
    return [replace(item, sources=(source,), targets=tuple(t for t in item.targets if t != source), joint_index=index)
            for index, source in enumerate(item.sources)]


def _memoised(party: Callable[[str], str | None]) -> Callable[[str], str | None]:
    known: dict[str, str | None] = {}

    def cached(key: str) -> str | None:
        if key not in known:
            known[key] = party(key)
        return known[key]

    return cached


SOURCE, TARGET, WITH = "source", "target", "with"  # the side an actor is on: doer, aimed at, participant


def _party_key(item: ResolvedMention, party: Callable[[str], str | None]) -> tuple:
    if item.symmetric:
        return (*item.kind, WITH, tuple(sorted({p for k in item.participants if (p := party(k)) is not None})))
    return (*item.kind, party(item.sources[0]) if item.sources else None, party(item.targets[0]) if item.targets else None)


def _sides(key: tuple) -> list[tuple[str, str | None]]:
    if key[3] == WITH:
        return [(WITH, participant) for participant in key[4]]
    return [(SOURCE, key[3]), (TARGET, key[4])]


def _named_side(item: ResolvedMention, party: Callable[[str], str | None]) -> tuple[str, str | None] | None:
    """The one side a partial mention names, or None when it names neither."""
    if item.symmetric:
        return (WITH, party(item.participants[0])) if item.participants else (
            (WITH, party(item.targets[0])) if item.targets else None)
    if item.sources:
        return SOURCE, party(item.sources[0])
    return (TARGET, party(item.targets[0])) if item.targets else None


def _personal_events(members: _Members, actor_id: Callable[[str], str]) -> tuple[list[_Members], list[_Members]]:
    """(events of states and organisations, events between two people): an act between two
    people that two or more articles report is an event of its own, apart from what their
    states do the same day."""
    dyads = [_people(member, actor_id) for member in members]
    by_dyad: dict[tuple, list[ResolvedMention]] = defaultdict(list)
    for dyad, member in zip(dyads, members):
        by_dyad[dyad].append(member)
    personal = {dyad for dyad, group in by_dyad.items() if dyad and len({m.article_id for m in group}) >= 2}
    if not personal:
        return [members], []
    rest = _Members(member for dyad, member in zip(dyads, members) if dyad not in personal)
    return ([rest] if rest else []), [_Members(by_dyad[dyad]) for dyad in sorted(personal, key=repr)]


def _people(item: ResolvedMention, actor_id: Callable[[str], str]) -> tuple:
    """The two people an act is between, () unless both sides are people."""
    keys = tuple(dict.fromkeys(item.participants)) if item.symmetric else item.sources[:1] + item.targets[:1]
    if len(keys) != 2 or not all(key.startswith(PERSON_KEY) for key in keys):
        return ()
    ids = tuple(actor_id(key) or key for key in keys)
    return tuple(sorted(ids)) if item.symmetric else ids


def _told(item: ResolvedMention, any_synonym: bool = False) -> list[tuple[str, str]]:
    """How a mention tells its act: by its trigger's word ("denied", "has denied"), by what it
    asks, by a CAMEO act finer than its type's ("remains committed to" and "adhered to":
    052, defend verbally), and by the group of words outlets use for one act ("sent", "dispatched",
    "deployed"). A one-sided mention joins only an act told alike. A synonym does not tell a
    mutual act unless any_synonym: "ready to keep talking with Moscow" names too little to be
    told as any negotiation with Russia that day."""
    mention = item.mention
    told = [("lemma", mention.lemma)] if mention.lemma else []
    if mention.content is not None:
        told.append(("content", mention.content))
    if mention.cameo_code != rules().type_defaults.get(mention.plover_type):
        told.append(("code", mention.cameo_code))
    # a refusal governing another verb ("declined to publish") is told by what it governs
    if mention.content is None and (any_synonym or not item.mutual):
        # the light verb's own word too: "dispatching additional fighter jets" is told as "dispatch"
        words = (mention.lemma, *mention.trigger.split()[:1])
        told.extend(("synonym", str(group)) for group in synonym_groups(mention.plover_type, words))
    return told


def _events_by_side(events: list[_Members], party: Callable[[str], str | None]) -> dict[tuple, list[_Members]]:
    """Events indexed by kind, the party on each side and how their mentions naming both sides
    tell the act (a partial one joined by the same evidence would chain others in), in event
    order, so a one-sided mention finds its candidates without scanning every event."""
    index: dict[tuple, list[_Members]] = defaultdict(list)
    for members in events:
        told = sorted({way for member in members if member.complete for way in _told(member)})
        for side in _sides(_party_key(members[0], party)):
            for way in told:
                index[(members[0].kind, *side, way)].append(members)
    return index


def _distinct(groups: Iterable[Iterable[_Members]]) -> list[_Members]:
    return list({id(members): members for group in groups for members in group}.values())


def _only_candidate(item: ResolvedMention, alike: Iterable[Iterable[_Members]]) -> _Members | None:
    """The one event told alike that the mention fits; of several, the one its own article names
    in full, when exactly one ("Washington rejected Moscow's demands ... the rejection by the US")."""
    fitting = [members for members in _distinct(alike) if _fits(members, item)]
    if len(fitting) == 1:
        return fitting[0]
    in_article = [members for members in fitting if any(m.complete for m in members.by_article.get(item.article_id, ()))]
    return in_article[0] if len(in_article) == 1 else None


def _one_fitting(item: ResolvedMention, alike: Iterable[Iterable[_Members]]) -> _Members | None:
    """The one group of partial mentions told alike (naming the same side) that the mention fits."""
    fitting = [members for members in _distinct(alike) if _fits(members, item)]
    return fitting[0] if len(fitting) == 1 else None


def most_voted(counts: Counter) -> Any:
    """The value with most votes; ties go to the smallest (the earliest day), so results never
    depend on the order articles come in."""
    top = max(counts.values())
    return min(value for value, n in counts.items() if n == top)


def _most_common(values: list) -> Any | None:
    if len(values) == 1:  # an event of one mention (~91 % of the BBC corpus's): nothing to count
        return values[0]
    counts = Counter(v for v in values if v is not None)
    return most_voted(counts) if counts else None


def _event_row(members: list[ResolvedMention], articles: Mapping[str, Article],
               actor_id: Callable[[str], str]) -> dict:
    first = members[0].mention
    when = _event_date(members)
    cameo = _most_common([m.mention.cameo_code for m in members])
    code = lexicon.cameo(cameo)
    plover = lexicon.plover(cameo)
    anchor_item = next((m for m in members if m.complete), members[0])
    # the actors most mentions name: "the United States" over the one outlet's "the US ambassador"
    source = _most_common([m.sources[0] for m in members if m.sources]) if anchor_item.sources else None
    target = _most_common([m.targets[0] for m in members if m.targets]) if anchor_item.targets else None
    co_sources = sorted({actor_id(k) for m in members for k in m.sources} - {actor_id(source) if source else None})
    co_targets = sorted({actor_id(k) for m in members for k in m.targets} - {actor_id(target) if target else None})
    location = _most_common([m.location for m in members])
    location_text = _most_common([m.mention.location and articles[m.article_id].text[slice(*m.mention.location)]
                                  for m in members if m.location == location]) if location else None
    published = [articles[m.article_id].published for m in members if articles[m.article_id].published is not None]
    doubt_by_article: dict[str, float] = {}
    for m in members:
        doubt_by_article[m.article_id] = min(doubt_by_article.get(m.article_id, 1.0), 1.0 - m.mention.confidence)
    confidence = min(MAX_CONFIDENCE, 1.0 - math.prod(doubt_by_article.values()))
    if first.hypothetical:
        confidence *= HYPOTHETICAL_EVENT_FACTOR
    source_id, target_id = (actor_id(source) if source else None), (actor_id(target) if target else None)
    day = when.day.isoformat() if when else None
    anchor = members[0] if not anchor_item.complete else None  # an event of one partial mention: its place
    event_id = stable_hash("event", first.plover_type, source_id or "", target_id or "", str(first.negated),
                           str(first.hypothetical), when.iso if when else "",
                           f"{anchor.article_id}:{anchor.mention.start}" if anchor else "")
    return {
        "event_id": event_id, "plover_type": first.plover_type,
        "plover_mode": plover.mode if plover.type == first.plover_type else None,
        "cameo_code": cameo, "cameo_root": code.root, "quad_class": code.quad_class, "goldstein": code.goldstein,
        "source_actor_id": source_id, "target_actor_id": target_id,
        "co_source_actor_ids": co_sources, "co_target_actor_ids": co_targets,
        "date": day, "date_precision": when.precision if when else None,
        "negated": first.negated, "hypothetical": first.hypothetical,
        "location": location_text, "location_actor_id": actor_id(location) if location else None,
        "num_mentions": len(members), "num_articles": len({m.article_id for m in members}),
        "num_sources": len({articles[m.article_id].outlet for m in members}),
        "first_seen": min(published) if published else pd.NaT, "last_seen": max(published) if published else pd.NaT,
        "confidence": round(confidence, 3),
    }


def _mention_row(item: ResolvedMention, event_id: str, articles: Mapping[str, Article],
                 actor_id: Callable[[str], str], texts_of: Callable[[str, int, int], str]) -> dict:
    mention = item.mention
    text = articles[item.article_id].text
    when = _normalised(item.date) if item.date else None
    return {
        "mention_id": stable_hash("event_mention", item.article_id, str(mention.start), str(mention.end),
                                  mention.plover_type, *([str(item.joint_index)] if item.joint_index else [])),
        "event_id": event_id, "article_id": item.article_id, "start": mention.start, "end": mention.end,
        "trigger": mention.trigger, "sentence": text[mention.sentence_start:mention.sentence_end],
        "sentence_start": mention.sentence_start, "plover_type": mention.plover_type,
        "cameo_code": mention.cameo_code,
        "source_actor_id": actor_id(item.sources[0]) if item.sources else None,
        "target_actor_id": actor_id(item.targets[0]) if item.targets else None,
        "source_text": texts_of(item.article_id, *mention.sources[0]) if mention.sources else None,
        "target_text": texts_of(item.article_id, *mention.targets[0]) if mention.targets else None,
        "negated": mention.negated, "hypothetical": mention.hypothetical, "date_text": mention.date_text,
        "date": when.day.isoformat() if when else None, "date_precision": when.precision if when else None,
        "date_source": item.date_source, "basis": mention.basis, "confidence": mention.confidence,
    }
