from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel, UtcTimestamp, list_of_strings

VERSION = "1.0"
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CAMEO_ROOTS = [f"{root:02d}" for root in range(1, 21)]
DATE_PRECISIONS = ["day", "week", "month", "year"]
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class Events(TableModel):
    """One row per real-world act (who did what to whom, when), merged across articles and outlets; every
    mention of it is in event_mentions."""

    event_id: Series[str] = pa.Field(unique=True, description=(
        "stable id: first given as the hash of type, source, target, negation, hypothetical and date, then kept "
        "across releases while its mentions persist (changes in id_history)"))
    plover_type: Series[str] = pa.Field(isin=PLOVER_TYPES, description="PLOVER event type (current names)")
    plover_mode: Series[str] = pa.Field(nullable=True, description="PLOVER mode of the CAMEO code, when PLOVER gives one")
    cameo_code: Series[str] = pa.Field(str_matches=r"^\d{3,4}$", description="CAMEO event code (3 or 4 digits)")
    cameo_root: Series[str] = pa.Field(isin=CAMEO_ROOTS, description="CAMEO root (first two digits)")
    quad_class: Series[int] = pa.Field(isin=[1, 2, 3, 4], description=(
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"))
    goldstein: Series[float] = pa.Field(ge=-10.0, le=10.0, description="Goldstein scale value of the CAMEO code")
    source_actor_id: Series[str] = pa.Field(nullable=True, description="actor_id of who acted (in actors); null when unresolved")
    target_actor_id: Series[str] = pa.Field(nullable=True, description="actor_id of whom the act was aimed at; null when none")
    co_source_actor_ids: Series[object] = list_of_strings(
        "further doers named together of an act aimed at no one named ('the United States and NATO delivered'; "
        "'Russia, Ukraine, France and Germany met'), actor_ids; aimed at someone ('the United States and NATO "
        "replied to Russia'), each doer's act is a row of its own")
    co_target_actor_ids: Series[object] = list_of_strings("further targets, actor_ids")
    date: Series[str] = pa.Field(nullable=True, str_matches=DATE_PATTERN, description=(
        "date of the act (YYYY-MM-DD; the first day of the month or year at coarser precision), from the sentence's "
        "date expression relative to the article's publication date, else the publication date"))
    date_precision: Series[str] = pa.Field(nullable=True, isin=DATE_PRECISIONS, description="day, week, month or year")
    negated: Series[bool] = pa.Field(description="the text says the act did not happen ('did not share details')")
    hypothetical: Series[bool] = pa.Field(description="conditional or possible act ('could be deployed'): not passed off as done")
    location: Series[str] = pa.Field(nullable=True, description="place the sentences name for the act ('in Geneva'), as written")
    location_actor_id: Series[str] = pa.Field(nullable=True, description="actor_id of that place (in actors)")
    num_mentions: Series[int] = pa.Field(ge=1, description="rows of event_mentions for this event")
    num_articles: Series[int] = pa.Field(ge=1, description="distinct articles mentioning it")
    num_sources: Series[int] = pa.Field(ge=1, description="distinct outlets mentioning it (articles.outlet, else source file)")
    first_seen: Series[UtcTimestamp] = pa.Field(nullable=True, description="earliest publication time of a mentioning article")
    last_seen: Series[UtcTimestamp] = pa.Field(nullable=True, description="latest publication time of a mentioning article")
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0, description=(
        "rises with independent corroboration (1 - product of each article's doubt), lower for hypothetical and "
        "weakly coded mentions"))


class EventMentions(TableModel):
    """Every mention of an event in an article, traceable: articles.text[start:end] == trigger."""

    mention_id: Series[str] = pa.Field(unique=True, description=(
        "hash of article_id, trigger offsets and type (and, for the second and further of doers named together, "
        "their place)"))
    event_id: Series[str] = pa.Field(description="the event mentioned (in events)")
    article_id: Series[str] = pa.Field(description="article (in articles)")
    start: Series[int] = pa.Field(ge=0, description="offset of the trigger into articles.text")
    end: Series[int] = pa.Field(ge=0, description="end offset (exclusive) of the trigger")
    trigger: Series[str] = pa.Field(str_length={"min_value": 1}, description="the trigger as written ('rejected', 'held talks')")
    sentence: Series[str] = pa.Field(description="the sentence the mention is in, as in articles.text")
    sentence_start: Series[int] = pa.Field(ge=0, description="offset of the sentence into articles.text")
    plover_type: Series[str] = pa.Field(isin=PLOVER_TYPES, description="PLOVER type of this mention (its event's)")
    cameo_code: Series[str] = pa.Field(str_matches=r"^\d{3,4}$", description="CAMEO code this mention was coded with")
    source_actor_id: Series[str] = pa.Field(nullable=True, description="actor_id of the source as this mention names it")
    target_actor_id: Series[str] = pa.Field(nullable=True, description="actor_id of the target as this mention names it")
    source_text: Series[str] = pa.Field(nullable=True, description="the source expression as written")
    target_text: Series[str] = pa.Field(nullable=True, description="the target expression as written")
    negated: Series[bool] = pa.Field(description="the mention says the act did not happen")
    hypothetical: Series[bool] = pa.Field(description="the mention presents the act as conditional or possible")
    date_text: Series[str] = pa.Field(nullable=True, description="the date expression as written ('on Wednesday'), null if none")
    date: Series[str] = pa.Field(nullable=True, str_matches=DATE_PATTERN, description="date this mention gives the act")
    date_precision: Series[str] = pa.Field(nullable=True, isin=DATE_PRECISIONS, description="day, week, month or year")
    date_source: Series[str] = pa.Field(isin=["sentence", "article", "published", "story", "none"], description=(
        "where the date comes from: the sentence's expression; the day the article reports on (the latest day it "
        "states within two days before publication); the article's publication date; the story's date from other "
        "articles sharing its events (undated articles); or none"))
    basis: Series[str] = pa.Field(description=(
        "what the coding rests on: verb, light_verb, governing, intent, stance, reported_obligation, noun, dictionary"))
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0, description="coder's confidence in this mention")
