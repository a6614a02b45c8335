"""Corpus-level events: arguments resolved to actors, dates resolved, mentions merged.

Mentions of the same act are one event: same PLOVER type, same source and target actor,
same negation and hypothetical flags, and compatible dates (within a day when both are
day-precise; otherwise the coarser date contains the finer). Every mention is kept in
event_mentions. Joint actors ("Russia, Ukraine, France and Germany met") stay one event
with co-actors rather than a dyad per pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from newswire.events import lexicon
from newswire.events.dates import ResolvedDate, compatible, resolve
from newswire.events.mentions import EventMention
from newswire.text import stable_hash

PRECISION_ORDER = ("day", "week", "month", "year")
NEWS_DAY_WINDOW = 2
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

    @property
    def kind(self) -> tuple:
        return self.mention.plover_type, self.mention.negated, self.mention.hypothetical

    @property
    def key(self) -> tuple:
        return (*self.kind, self.sources[:1], self.targets[:1])

    @property
    def complete(self) -> bool:
        return bool(self.sources) and bool(self.targets)


def resolve_arguments(articles: Mapping[str, Article], mentions: Mapping[str, Sequence[EventMention]],
                      resolver: Resolver) -> list[ResolvedMention]:
    """Actor keys for every argument, then each mention's date: from its sentence's expression
    relative to the article's publication date (or, for an undated article, the date of the
    story it shares acts with), else that date itself."""
    argued = []
    for article_id, found in mentions.items():
        for mention in found:
            sources = _keys(resolver, article_id, mention.sources)
            targets = tuple(k for k in _keys(resolver, article_id, mention.targets) if k not in sources[:1])
            location = _keys(resolver, article_id, (mention.location,)) if mention.location else ()
            argued.append(ResolvedMention(article_id, mention, sources, targets, location[0] if location else None,
                                          None, "none"))
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
    dated articles reporting the same acts (or, failing that, the same actors) report on."""
    bases = {**published, **news_days}
    by_key: dict[tuple, Counter] = defaultdict(Counter)
    by_actor: dict[str, Counter] = defaultdict(Counter)
    for item in argued:
        if item.article_id in bases and item.complete:
            by_key[item.key][bases[item.article_id][0]] += 1
            for key in item.sources + item.targets:
                by_actor[key][bases[item.article_id][0]] += 1
    for article_id in {item.article_id for item in argued} - set(bases):
        mine = [item for item in argued if item.article_id == article_id]
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


def _clusters(items: list[ResolvedMention]) -> list[list[ResolvedMention]]:
    """Mentions of one key grouped by compatible dates, most precise dates first."""
    # dates stated in a sentence anchor clusters before dates borrowed from publication
    order = sorted(items, key=lambda m: (m.date is None, m.date_source != "sentence",
                                         PRECISION_ORDER.index(m.date.precision) if m.date else 9,
                                         m.date.day if m.date else date.min, m.article_id, m.mention.start))
    clusters: list[list[ResolvedMention]] = []
    for item in order:
        home = next((c for c in clusters if compatible(c[0].date, item.date)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    return clusters


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

    Mentions naming both source and target merge by key and compatible date. A mention that
    names one side only joins the event that side takes part in when exactly one such event
    (same type and flags, compatible date) exists; otherwise it stands alone, as does a
    mention that names neither: merging on what a text leaves out would join different acts.

    side(actor key) is the party an actor acts for when outlets name the same act differently
    ("the US ambassador" / "the United States" / "Washington"); by default the actor itself.
    """
    party = _memoised(side or (lambda key: actor_id(key) or key))
    groups: dict[tuple, list[ResolvedMention]] = defaultdict(list)
    for item in resolved:
        if item.complete:
            groups[_party_key(item, party)].append(item)
    events = [members for key in sorted(groups, key=repr) for members in _clusters(groups[key])]
    by_side = _events_by_side(events, party)
    alone = []
    for item in sorted((i for i in resolved if not i.complete), key=lambda i: (i.article_id, i.mention.start)):
        home = _only_candidate(item, by_side, party)
        if home is None:
            alone.append([item])
        else:
            home.append(item)
    event_rows, mention_rows = [], []
    for members in events + alone:
        row = _event_row(members, articles, actor_id)
        event_rows.append(row)
        mention_rows.extend(_mention_row(m, row["event_id"], articles, actor_id, texts_of) for m in members)
    return event_rows, mention_rows


def _memoised(party: Callable[[str], str | None]) -> Callable[[str], str | None]:
    known: dict[str, str | None] = {}

    def cached(key: str) -> str | None:
        if key not in known:
            known[key] = party(key)
        return known[key]

    return cached


def _party_key(item: ResolvedMention, party: Callable[[str], str | None]) -> tuple:
    return (*item.kind, party(item.sources[0]) if item.sources else None, party(item.targets[0]) if item.targets else None)


# where a one-sided mention names its side in a party key: the source (3) or the target (4)
SOURCE_SIDE, TARGET_SIDE = 3, 4


def _events_by_side(events: list[list[ResolvedMention]], party: Callable[[str], str | None]) -> dict[tuple, list]:
    """Events indexed by kind and the party on each side, in event order, so a one-sided
    mention finds its candidates without scanning every event."""
    index: dict[tuple, list[tuple[tuple, list[ResolvedMention]]]] = defaultdict(list)
    for members in events:
        key = _party_key(members[0], party)
        for side in (SOURCE_SIDE, TARGET_SIDE):
            index[(members[0].kind, side, key[side])].append((key, members))
    return index


def _only_candidate(item: ResolvedMention, by_side: dict[tuple, list],
                    party: Callable[[str], str | None]) -> list[ResolvedMention] | None:
    if not item.sources and not item.targets:
        return None
    side = SOURCE_SIDE if item.sources else TARGET_SIDE
    named = _party_key(item, party)[side]
    candidates = [(key, members) for key, members in by_side.get((item.kind, side, named), ())
                  if compatible(members[0].date, item.date)]
    if len({key for key, _ in candidates}) == 1:
        return candidates[0][1]
    # several acts fit; the article's own account settles it when it names exactly one of them
    # in full ("Washington responded to Moscow ... the response submitted by the US")
    in_article = [(key, members) for key, members in candidates
                  if any(m.article_id == item.article_id and m.complete for m in members)]
    return in_article[0][1] if len({key for key, _ in in_article}) == 1 else None


def most_voted(counts: Counter) -> Any:
    """The value with most votes; ties go to the smallest (the earliest day), so results never
    depend on the order articles come in."""
    top = max(counts.values())
    return min(value for value, n in counts.items() if n == top)


def _most_common(values: list) -> Any | None:
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
                                  mention.plover_type),
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
