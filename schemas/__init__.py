"""One pandera model per published table: the single source of truth for columns.

`TABLES` maps table name -> (model, schema version, primary key). The README's data
dictionary is generated from it (`newswire dictionary`).
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import actors, articles, boilerplate, events, id_history, mentions, quarantine, quote_clusters, quotes
from schemas._base import TableModel, arrow_schema


@dataclass(frozen=True)
class TableSpec:
    model: type[TableModel]
    version: str
    key: str


TABLES: dict[str, TableSpec] = {
    "articles": TableSpec(articles.Articles, articles.VERSION, "article_id"),
    "boilerplate": TableSpec(boilerplate.Boilerplate, boilerplate.VERSION, "boilerplate_id"),
    "actors": TableSpec(actors.Actors, actors.VERSION, "actor_id"),
    "mentions": TableSpec(mentions.Mentions, mentions.VERSION, "mention_id"),
    "quotes": TableSpec(quotes.Quotes, quotes.VERSION, "quote_id"),
    "quote_clusters": TableSpec(quote_clusters.QuoteClusters, quote_clusters.VERSION, "cluster_id"),
    "events": TableSpec(events.Events, events.VERSION, "event_id"),
    "event_mentions": TableSpec(events.EventMentions, events.VERSION, "mention_id"),
    "id_history": TableSpec(id_history.IdHistory, id_history.VERSION, "history_id"),
    "quarantine": TableSpec(quarantine.Quarantine, quarantine.VERSION, "quarantine_id"),
}

__all__ = ["TABLES", "TableSpec", "arrow_schema"]
