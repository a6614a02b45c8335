"""A small synthetic release (hostile text included, events optional), for report, SQL, card and example tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newswire import release
from newswire.tables import frame

HOSTILE = '<script>alert("x")</script> \u202eevil\u202c \x07bell'
LONG_LINE = "word " * 20_000  # a 100 KB single line


def _hex(n: int) -> str:
    return f"{n:016x}"


def article(n: int, outlet: str | None, text: str, published: str | None = "2022-01-26T12:00:00Z") -> dict:
    return {"article_id": _hex(n), "content_hash": "a" * 64, "source": f"{n:03d}.txt", "outlet": outlet, "url": None,
            "file_hash": "b" * 64, "size": len(text), "encoding": "utf-8", "encoding_confidence": 1.0, "decode_note": None,
            "format": "text", "title": f"Title {n}",
            "kicker": None, "standfirst": None, "byline": None,
            "published": pd.Timestamp(published) if published else None, "published_tz": None,
            "published_text": None, "dateline": "", "credits": [], "subheadings": [], "language": "en", "text": text,
            "word_count": len(text.split()), "duplicate_of": None, "similarity": None}


def synthetic_tables() -> dict[str, pd.DataFrame]:
    articles = [article(1, "Reuters", f"Blinken said {HOSTILE}."), article(2, "AP", LONG_LINE),
                article(3, HOSTILE, "Lavrov said no.", published="2022-01-27T08:00:00Z"), article(4, None, "Undated.", None)]
    actors = [{"actor_id": "a1", "name": "Antony Blinken", "type": "PERSON", "aliases": [], "references": [], "roles": [],
               "country": "USA", "sector": None, "mention_count": 9, "article_count": 3},
              {"actor_id": "a2", "name": HOSTILE, "type": "PERSON", "aliases": [], "references": [], "roles": [],
               "country": "RUS", "sector": None, "mention_count": 4, "article_count": 1},
              {"actor_id": "a3", "name": "United States", "type": "GPE", "aliases": [], "references": [], "roles": [],
               "country": "USA", "sector": None, "mention_count": 2, "article_count": 1},
              {"actor_id": "a4", "name": "Russia", "type": "GPE", "aliases": [], "references": [], "roles": [],
               "country": "RUS", "sector": None, "mention_count": 2, "article_count": 1}]
    quotes = [{"quote_id": f"q{n}", "article_id": _hex(a), "text": words, "kind": "direct", "speaker": speaker,
               "speaker_id": sid, "co_speaker_ids": [], "speaker_text": None, "cue": "say", "via": None, "start": 0,
               "end": len(words), "cluster_id": cluster, "confidence": 0.9}
              for n, (a, words, speaker, sid, cluster) in enumerate([
                  (1, "We are ready", "Antony Blinken", "a1", "c1"), (2, "We are ready", "Antony Blinken", "a1", "c1"),
                  (3, HOSTILE, HOSTILE, "a2", "c2")])]
    clusters = [{"cluster_id": "c1", "speaker_id": "a1", "speaker": "Antony Blinken", "text": "We are ready",
                 "kind": "direct", "quote_count": 2, "article_count": 2, "sources": ["001.txt", "002.txt"],
                 "outlets": ["AP", "Reuters"], "outlet_count": 2, "first_published": None},
                {"cluster_id": "c2", "speaker_id": "a2", "speaker": HOSTILE, "text": HOSTILE, "kind": "direct",
                 "quote_count": 1, "article_count": 1, "sources": ["003.txt"], "outlets": [HOSTILE], "outlet_count": 1,
                 "first_published": None}]
    quarantine = [{"quarantine_id": "z1", "stage": "ingest", "source": "bad.bin", "table": None, "article_id": None,
                   "reason": "binary", "detail": HOSTILE, "file_hash": None, "size": 3, "payload": None}]
    return {"articles": frame("articles", articles), "boilerplate": frame("boilerplate", []),
            "actors": frame("actors", actors), "mentions": frame("mentions", []), "quotes": frame("quotes", quotes),
            "quote_clusters": frame("quote_clusters", clusters), "quarantine": frame("quarantine", quarantine)}


EVENT_DEFAULTS = {
    "plover_mode": None, "goldstein": 0.0, "co_source_actor_ids": [], "co_target_actor_ids": [],
    "date_precision": "day", "negated": False, "hypothetical": False, "location": None, "location_actor_id": None,
    "num_mentions": 1, "num_articles": 1, "num_sources": 1, "first_seen": None, "last_seen": None, "confidence": 0.7}


def event(event_id: str, plover: str, code: str, quad: int, source: str | None, target: str | None, day: str | None,
          **changes: object) -> dict:
    return {**EVENT_DEFAULTS, "event_id": event_id, "plover_type": plover, "cameo_code": code, "cameo_root": code[:2],
            "quad_class": quad, "source_actor_id": source, "target_actor_id": target, "date": day,
            "date_precision": "day" if day else None, **changes}


def event_mention(n: int, event_id: str, article: int) -> dict:
    return {"mention_id": f"em{n}", "event_id": event_id, "article_id": _hex(article), "start": 0, "end": 3,
            "trigger": "met", "sentence": HOSTILE, "sentence_start": 0, "plover_type": "CONSULT", "cameo_code": "040",
            "source_actor_id": None, "target_actor_id": None, "source_text": None, "target_text": None,
            "negated": False, "hypothetical": False, "date_text": None, "date": None, "date_precision": None,
            "date_source": "none", "basis": "verb", "confidence": 0.8}


def synthetic_events() -> tuple[pd.DataFrame, pd.DataFrame]:
    """events and event_mentions: a meeting reported by two outlets, a threat, an undated rejection, and
    acts between the United States and Russia (e7 is the United States on itself)."""
    events = [
        event("e1", "CONSULT", "040", 1, "a1", "a2", "2022-01-26", plover_mode="meet", goldstein=1.0, num_mentions=3,
              num_articles=2, num_sources=2, confidence=0.8),
        event("e2", "THREATEN", "130", 3, "a2", "a1", "2022-01-27", goldstein=-4.4, confidence=0.6),
        event("e3", "REJECT", "120", 3, "a2", None, None, goldstein=-4.0, confidence=0.5),
        event("e4", "CONSULT", "040", 1, "a3", "a4", "2022-01-26"),
        event("e5", "REJECT", "120", 3, "a4", "a3", "2022-01-27"),
        event("e6", "REJECT", "120", 3, "a3", "a4", "2022-01-27"),
        event("e7", "CONSULT", "040", 1, "a3", "a3", "2022-01-27"),
    ]
    mentions = [event_mention(n, event_id, article)
                for n, (event_id, article) in enumerate([("e1", 1), ("e1", 2), ("e2", 3), ("e3", 4)])]
    return frame("events", events), frame("event_mentions", mentions)


def write_release(folder: Path, tables: dict[str, pd.DataFrame]) -> Path:
    folder.mkdir(parents=True)
    for table, df in tables.items():
        release.write_table(df, table, folder / f"{table}.parquet")
    return folder
