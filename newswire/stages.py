"""Batch-level stage functions: plain data in, plain data out, no Prefect.

flows/pipeline.py wires them (mapped batch tasks for the per-file and per-article stages);
benchmarks run that flow, and tests call these functions directly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import importlib.metadata
import json
import math
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from newswire import extract, forked, nlp, release, split_resolution, tables, unchanged_files, validation
from newswire.actors import Corpus
from newswire.boilerplate import recurring_lines
from newswire.dedupe import DedupeInput, DuplicateLink, find_duplicates
from newswire.events import merge, parties
from newswire.extract import ArticleExtraction, ExtractedBatch
from newswire.ingest import DiscoveredFile, Rejection, discover, read_document
from newswire.outlets import SOURCES_FILE
from newswire.registry import Registries, WrittenFiles, keep_ids
from newswire.structure import ParsedArticle, body_text, drop_recurring, structure
from newswire.structure_cache import StructureCache

T = TypeVar("T")
# Batches of article text shipped to a worker stay around this size: big enough that task
# overhead (~15 ms) is noise, small enough to travel cheaply to a remote worker.
MAX_BATCH_CHARS = 1_000_000
# The spaCy model is English; "und" is text too short to tell, which extraction still reads.
MODEL_LANGUAGES = frozenset({"en", "und"})
# The smallest batch guided_batches makes for extraction: below this, a task's own cost (~15 ms, an
# API call or two) is no longer noise against parsing (~50 ms an article). Structure batches have
# their own floor (FEWEST_STRUCTURE_FILES).
MIN_BATCH_ITEMS = 16
# Starting the task runner's worker processes costs seconds on two cores (a Python process each,
# its imports, and for extraction the spaCy model). Fewer files than this are structured in the flow
# process, where they take less time than that start-up alone (~1 ms a file).
INLINE_FILES = 200
# Structuring a file costs ~1.3 ms and a task some 30 ms of the flow's, the workers' and the API's
# time, so the structure stage's batches are larger than extraction's and stop shrinking at ~0.13 s
# of work: 10 tasks for the BBC corpus's 2,226 files, not 20 (its stage 5.7-5.8 -> 5.4 s, one run).
STRUCTURE_BATCH_FILES = 1000
FEWEST_STRUCTURE_FILES = 100
# Files of the structure stage's last batches that the flow process structures itself while the
# workers start: it has nothing else to do then, and in a first run the workers wait ~1.5-2 s more
# for their fork server to load the spaCy model (newswire.worker_pool). On the BBC corpus the flow
# process did 295 files in < 1 s and then waited ~0.5 s for the workers' first results.
FLOW_STRUCTURES_FILES = 500
# Wall seconds from asking for worker processes to their first batch of extraction (a Python process
# each, Prefect and spaCy imported, the model loaded; 2 cores). On the BBC corpus's warm rerun
# (2,070 stored parses, one extractor re-run, ~5.5 CPU-s) the flow process alone took 15.0-15.4 s
# and two workers 15.7-16.1 s, so the start-up costs more than 5.5 / 2 s; the margin above that
# allows for the workers' imports slowing the flow process's own structuring and dedupe.
WORKER_START_SECONDS = 3.5
# Quotes from which corpus resolution makes the quotes table in a forked child (newswire.forked).
# BBC corpus (~15,000 quotes, served-like): the child's quotes took 0.35 s (it copies the pages it
# touches), its answer ~0.03 s more, while the parent's branch took 0.56-0.63 s; corpus resolution
# 2.66-2.72 -> 2.42-2.44 s. The fork itself ~12 ms. Below this, the ~0.1 s the child adds
# outweighs what it saves.
FORKED_QUOTES = 4000


def workers_pay_off(cpu_seconds: float, workers: int) -> bool:
    """Whether `workers` processes started now finish cpu_seconds of work (extract.work_left's
    estimate) before the flow process would alone: start-up + work / workers < work."""
    return workers > 1 and cpu_seconds > _break_even_seconds(workers)


def _break_even_seconds(workers: int) -> float:
    return WORKER_START_SECONDS * workers / (workers - 1)


def extraction_pays_off(items: Sequence[tuple[str, str, str]], cache_dir: Path | None, workers: int) -> bool:
    """workers_pay_off for the extraction the items still need (counted only as far as it decides)."""
    return workers > 1 and workers_pay_off(extract.work_left(items, cache_dir, _break_even_seconds(workers)), workers)


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class StructuredBatch:
    articles: list[ParsedArticle] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    from_cache: int = 0  # articles whose structure was read from the cache
    cache_rejected: int = 0  # structure cache entries that were unreadable or not their file's

    @classmethod
    def merge(cls, batches: Iterable[StructuredBatch]) -> StructuredBatch:
        merged = cls()
        for batch in batches:
            merged.articles.extend(batch.articles)
            merged.quarantine.extend(batch.quarantine)
            merged.from_cache += batch.from_cache
            merged.cache_rejected += batch.cache_rejected
        return merged


def discover_inputs(raw_dir: Path) -> tuple[list[DiscoveredFile], list[dict]]:
    """Files to read, and quarantine rows for paths that cannot be articles (symlinks, ...)."""
    files, rejected = [], []
    for found in discover(raw_dir):
        if isinstance(found, Rejection):
            rejected.append(tables.rejection_row(found))
        else:
            files.append(found)
    return files, rejected


def structure_batch(files: Iterable[DiscoveredFile], cache_dir: Path | None = None) -> StructuredBatch:
    """Read, decode and structure a batch of files; unchanged files come from the cache."""
    cached, uncached = structure_from_cache(files, cache_dir)
    return StructuredBatch.merge([cached, structure_files(uncached, cache_dir)])


def structure_from_cache(files: Iterable[DiscoveredFile],
                         cache_dir: Path | None) -> tuple[StructuredBatch, list[DiscoveredFile]]:
    """Read every file (~0.1 ms each; a served run takes the document of each file serve's fork
    server read and that has not changed since: newswire.unchanged_files) and take its structure
    from the cache: the articles and ingest rejections found, and the files left to structure (as
    paths, which travel to a worker cheaply and are read there again). With nothing cached (a
    first run), nothing is read here: every file is left to structure."""
    batch = StructuredBatch()
    cache = StructureCache(cache_dir)
    if cache.holds_nothing():
        return batch, list(files)
    uncached = []
    for found in files:
        document = unchanged_files.document(found)  # read, unless serve's fork server did and it is unchanged
        if isinstance(document, Rejection):
            batch.quarantine.append(tables.rejection_row(document))
        elif (article := cache.get(document)) is not None:
            batch.articles.append(article)
        else:
            uncached.append(found)
    batch.from_cache, batch.cache_rejected = cache.hits, cache.rejected
    return batch, uncached


def structure_files(files: Iterable[DiscoveredFile], cache_dir: Path | None = None) -> StructuredBatch:
    """Read, decode and structure files, and keep each structure in the cache."""
    batch = StructuredBatch()
    cache = StructureCache(cache_dir)
    for path, source, identity in files:
        document = read_document(path, source, identity)
        if isinstance(document, Rejection):
            batch.quarantine.append(tables.rejection_row(document))
            continue
        try:
            article = structure(document)
        except Exception as error:  # one malformed article must not stop the run; it is kept with the reason
            batch.quarantine.append(tables.rejection_row(Rejection(
                source, document.size, document.file_hash, "structure_error", f"{type(error).__name__}: {error}")))
        else:
            batch.articles.append(article)
            cache.put(document, article)
    return batch


@dataclass(frozen=True)
class CleanCorpus:
    # every structured article, published: with body text left (recurring chrome removed) or none;
    # the boilerplate rows come from here too
    articles: list[ParsedArticle]
    links: dict[str, DuplicateLink]
    quarantine: list[dict]  # a no_content row for each published article with no body text
    recurring: frozenset[str]


def _has_text(article: ParsedArticle) -> bool:
    """Whether body_text(article).strip() is non-empty, without joining the lines."""
    return any(line.text.strip() for line in article.body)


# A child extracting a run's new articles ahead (extraction_ahead) is waited for at most this many
# times the seconds extract.new_article_seconds() gives for them, plus EXTRACTED_AHEAD_WAIT_SECONDS:
# a child that hangs costs that long, then the extract stage does the work.
EXTRACTED_AHEAD_WAIT_FACTOR = 10.0
EXTRACTED_AHEAD_WAIT_SECONDS = 2.0


class ExtractedAhead:
    """What a child extracted ahead (extraction_ahead): per article id, the text it extracted, the
    parse it made (0 or 1) and the extractors it ran."""

    def __init__(self) -> None:
        self.made: dict[str, tuple[str, int, dict[str, int]]] = {}

    def counted(self, extracted: ExtractedBatch, items: Sequence[tuple[str, str, str]]) -> ExtractedBatch:
        """The extract stage's batch over items with the parses and extractor runs made ahead for
        them (the stage found those in the cache): the run's counts, wherever its work was done."""
        ahead = [self.made[article_id] for article_id, _, text in items
                 if article_id in self.made and self.made[article_id][0] == text]
        if not ahead:
            return extracted
        runs = Counter(extracted.extractor_runs)
        for _, _, extractor_runs in ahead:
            runs.update(extractor_runs)
        return dataclasses.replace(extracted, parsed=extracted.parsed + sum(parsed for _, parsed, _ in ahead),
                                   extractor_runs=dict(sorted(runs.items())))


@contextlib.contextmanager
def extraction_ahead(articles: Sequence[ParsedArticle], cache_dir: Path | None, inline: bool) -> Iterator[ExtractedAhead]:
    """Within the block (the corpus's cleaning and dedupe), a forked child extracts the articles
    this run structured afresh, as they were structured, into the extraction cache; leaving it
    waits for the child. inline: their extraction would run in the flow process (too little for
    worker processes, which extract in parallel already). Only where the model is loaded already.
    The block's ExtractedAhead says what the child did, for the run's counts.

    A new article's text once cleaned is most often its text as structured (it rarely carries a
    line the corpus repeats), and extraction is a function of the text, stored under it: the
    extract stage then finds the entries, and on a served +1 article run the ~0.2 s of its
    extraction falls beside the cleaning, on the core that idles. A guess that misses (lines
    dropped as boilerplate, a duplicate, another language) costs only the child's core, as does a
    child that fails or hangs (ended after EXTRACTED_AHEAD_WAIT_*): the extract stage does the
    work as ever."""
    work = [(a.article_id, a.source, body_text(a)) for a in articles if _has_text(a)]
    # with the model loaded here (serve's runs fork from a process that loaded it): a child loading it
    # first would take longer than the cleaning it runs beside (a one-shot run of the seeds: 11.1 ->
    # 11.5 s). Asked here, not in nlp.py, which is hashed into every stored parse's version.
    worth = bool(work) and cache_dir is not None and inline and nlp.load_nlp.cache_info().currsize > 0
    done = ExtractedAhead()
    with forked.beside(functools.partial(_extract_into_cache, work, cache_dir), worth) as child:
        yield done
        made = child.finished(EXTRACTED_AHEAD_WAIT_SECONDS + EXTRACTED_AHEAD_WAIT_FACTOR * len(work) * extract.new_article_seconds())
        done.made = made or {}


def _extract_into_cache(items: list[tuple[str, str, str]], cache_dir: Path | None) -> dict[str, tuple[str, int, dict[str, int]]]:
    """The entries are the product; what was made for each article is counted by the run."""
    made = {}
    for item in items:
        batch = extract.extract_batch([item], cache_dir)
        made[item[0]] = (item[2], batch.parsed, batch.extractor_runs)
    return made


def clean_corpus(articles: list[ParsedArticle]) -> CleanCorpus:
    """Duplicates, then corpus-learned chrome (counted over canonical articles only).

    A document with no body text left (a home page, a login wall, a file of boilerplate lines) is
    published all the same, with its title and metadata and an empty text, and has a no_content
    quarantine row saying why. Empty bodies never enter dedupe: nothing in them says two pages
    carry the same article, so neither is a duplicate of the other.
    """
    with_content = [a for a in articles if _has_text(a)]
    empty = [a for a in articles if not _has_text(a)]
    # a generator, not a list: each body text is joined when dedupe reads it and dropped after,
    # instead of every article's text held at once (~170 MB for 100,000 articles)
    links = find_duplicates(DedupeInput(a.article_id, a.source, body_text(a), a.published, a.fingerprint)
                            for a in with_content)
    canonical = [a for a in with_content if a.article_id not in links]
    recurring = recurring_lines([line.text for line in a.body] for a in canonical)
    cleaned = [drop_recurring(a, recurring) for a in with_content]
    emptied = [a for a in cleaned if not _has_text(a)]
    emptied_ids = {a.article_id for a in emptied}
    # a duplicate of an article now empty is not a duplicate of anything published with text
    links = {article_id: link for article_id, link in links.items()
             if article_id not in emptied_ids and link.duplicate_of not in emptied_ids}
    return CleanCorpus(cleaned + empty, links,
                       [tables.no_content_row(a) for a in empty + emptied], frozenset(recurring))


def spine_without_prefect(raw_dir: Path, batch_size: int = 200) -> tuple[StructuredBatch, list[dict], CleanCorpus]:
    """The flow's spine (discover, structure, clean) in this process, for tests and benchmarks
    that measure it without a task runner."""
    files, rejected = discover_inputs(raw_dir)
    structured = StructuredBatch.merge(structure_batch(batch) for batch in batched(files, batch_size))
    return structured, rejected, clean_corpus(structured.articles)


def spine_tables(corpus: CleanCorpus, quarantine: list[dict]) -> dict[str, pd.DataFrame]:
    """articles, boilerplate and quarantine (boilerplate covers quarantined articles too)."""
    return {
        "articles": tables.articles_table(corpus.articles, corpus.links),
        "boilerplate": tables.boilerplate_table(corpus.articles),
        "quarantine": tables.quarantine_table(quarantine + corpus.quarantine),
    }


def extraction_inputs(articles: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(article_id, source, text) of the articles extraction runs on: canonical copies with
    text, in a language the English model reads (others are published with text and metadata,
    without English-model actors, quotes or events)."""
    canonical = articles[_canonical_with_text(articles) & articles["language"].isin(MODEL_LANGUAGES)]
    return list(zip(canonical["article_id"], canonical["source"], canonical["text"]))


def not_in_model_language(articles: pd.DataFrame) -> int:
    """Articles with text in a language the English model does not read (empty pages are not counted)."""
    return int((_canonical_with_text(articles) & ~articles["language"].isin(MODEL_LANGUAGES)).sum())


def _canonical_with_text(articles: pd.DataFrame) -> pd.Series:
    """Not a duplicate, and with body text (a page with no article is published with none)."""
    return articles["duplicate_of"].isna() & (articles["text"].str.len() > 0)


# workers_expected's answer of latest_misses_extractions, for the flow's own question that follows
# it in the same run (~0.4 s of stat calls over the BBC corpus's cache each): taken once.
_answered: dict[tuple, bool] = {}
# in the releases' folder: the identity of the last run that made the latest release's tables again
SAME_RUN_FILE = ".same_run.json"


def latest_misses_extractions(out_dir: Path, cache_dir: Path | None, workers: int) -> bool:
    """Whether the latest release's articles miss more extraction in the cache (an extractor or the
    parse changed since) than the flow process does itself: the extract stage will then likely run
    on worker processes. Known before structuring, so the workers can load the spaCy
    model meanwhile; a guess that only decides what to start early, not what runs."""
    key = _question(out_dir, cache_dir, workers)
    if key in _answered:
        return _answered.pop(key)
    latest = release.latest_release(out_dir)
    if cache_dir is None or latest is None:  # without a cache every file is left to structure
        return False
    if _extracted_by_this_code(latest, cache_dir):  # nothing missed unless the cache lost entries since
        return False
    try:
        articles = pd.read_parquet(latest / "articles.parquet",
                                   columns=["article_id", "source", "text", "duplicate_of", "language"])
    except Exception:  # a damaged or older release: the real decision is made after dedupe all the same
        return False
    return extraction_pays_off(extraction_inputs(articles), cache_dir, workers)


def extraction_record(cache_dir: Path | None) -> dict:
    """What the manifest records of how the release's articles were extracted: the parse's and each
    extractor's versions and the cache that keeps their records."""
    return {"parse": nlp.parse_version(), "extractors": {name: e.version for name, e in extract.EXTRACTORS.items()},
            "cache": str(Path(cache_dir).absolute()) if cache_dir is not None else None}


def _extracted_by_this_code(latest: Path, cache_dir: Path) -> bool:
    """Whether the latest release's articles were extracted by this code into cache_dir: then the
    cache holds them all (unless entries were removed by hand since), which the manifest says at
    once where counting the cache's entries takes ~0.4 s of stat calls on the BBC corpus."""
    try:
        return release.read_manifest(latest).get("extraction") == extraction_record(cache_dir)
    except release.DamagedRelease:
        return False


def workers_expected(raw_dir: Path, out_dir: Path, cache_dir: Path | None, workers: int) -> bool:
    """Whether this run will likely structure or extract on worker processes: with nothing
    structured in the cache, more files than the flow process structures itself (a first run);
    otherwise, a latest release whose extractions the cache misses. A guess made before the flow
    starts, which only decides whether the workers' fork server loads the model early."""
    if StructureCache(cache_dir).holds_nothing():
        try:
            return sum(1 for _ in discover(raw_dir)) > INLINE_FILES
        except OSError:  # the flow reports an unreadable folder
            return False
    answer = latest_misses_extractions(out_dir, cache_dir, workers)
    _answered.clear()
    _answered[_question(out_dir, cache_dir, workers)] = answer
    return answer


def _question(out_dir: Path, cache_dir: Path | None, workers: int) -> tuple:
    return Path(out_dir).absolute(), cache_dir and Path(cache_dir).absolute(), workers


def structured_while_workers_start(batches: Sequence[Sequence]) -> int:
    """How many of the structure stage's last batches, FLOW_STRUCTURES_FILES files at most, the flow
    process runs itself; the first batch always goes to the workers."""
    here, files = 0, 0
    while here < len(batches) - 1 and files + len(batches[-1 - here]) <= FLOW_STRUCTURES_FILES:
        files += len(batches[-1 - here])
        here += 1
    return here


def guided_batches(items: Sequence[T], most: int, workers: int, fewest: int = MIN_BATCH_ITEMS) -> list[Sequence[T]]:
    """Consecutive batches that shrink as the work runs out (guided self-scheduling): each holds
    at most `most` items and at most the items left over twice the workers, and no fewer than
    `fewest`. Workers take them in order, so the last ones are small and no core idles
    long while another finishes a big batch (at ~60 ms an article, a 130-article batch is ~8 s)."""
    batches: list[Sequence[T]] = []
    start = 0
    while start < len(items):
        size = min(most, max(fewest, math.ceil((len(items) - start) / (2 * workers))))
        batches.append(items[start:start + size])
        start += size
    return batches


def extraction_batches(items: Sequence[tuple[str, str, str]], max_articles: int,
                       workers: int) -> list[list[tuple[str, str, str]]]:
    """guided_batches of at most max_articles, each cut again where its text passes MAX_BATCH_CHARS."""
    batches: list[list[tuple[str, str, str]]] = []
    for guided in guided_batches(items, max_articles, workers):
        current: list[tuple[str, str, str]] = []
        chars = 0
        for item in guided:
            if current and chars + len(item[2]) > MAX_BATCH_CHARS:
                batches.append(current)
                current, chars = [], 0
            current.append(item)
            chars += len(item[2])
        batches.append(current)
    return batches


def merge_extracted(batches: Iterable[ExtractedBatch]) -> ExtractedBatch:
    merged = ExtractedBatch([], [], 0)
    runs: Counter[str] = Counter()
    for batch in batches:
        merged.extractions.extend(batch.extractions)
        merged.quarantine.extend(batch.quarantine)
        merged.parsed += batch.parsed
        merged.docs_from_cache += batch.docs_from_cache
        merged.cache_rejected += batch.cache_rejected
        runs.update(batch.extractor_runs)
    merged.extractor_runs = dict(sorted(runs.items()))
    return merged


def load_registry(out_dir: Path) -> Registries:
    """The actor, quote cluster and event ids of earlier releases under out_dir (empty for a
    new folder). An unreadable registry is treated as empty, like a damaged previous release:
    ids fall back to content hashes, and the next publish writes a good registry again."""
    try:
        return Registries.load(release.registry_dir(out_dir))
    except Exception as error:  # a damaged file must not stop the run
        import logging

        logging.getLogger(__name__).warning("id registry unreadable, starting afresh: %s", error)
        return Registries.empty()


def corpus_tables(spine: dict[str, pd.DataFrame], extracted: ExtractedBatch,
                  registry: Registries | None = None, fork: bool = True,
                  stage: Callable[[str, pd.DataFrame], None] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the release: the spine's, and the extracted ones resolved across the
    corpus (actor, quote cluster and event ids from the registry when given, so they stay as
    earlier releases had them). fork: half of the articles' speakers and event arguments may be
    resolved, and the quotes table made, in forked children (not when the caller wants what
    resolving and making them leaves in this process's memory). stage(table, frame) is
    called with each table as soon as it is final (newswire.release.StagedAhead), the very frame
    returned."""
    # Resolution makes some million small objects that live on (rows, mentions, records), and
    # each full collection that triggers walks every article and extraction held: ~0.5 of 2.7
    # CPU-s over the BBC corpus. It leaves little cyclic garbage (the same peak memory with the
    # collector paused), so the collector waits until it is done.
    with _cyclic_gc_paused():
        return _corpus_tables(spine, extracted, registry, fork, stage or (lambda table, frame: None))


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _corpus_tables(spine: dict[str, pd.DataFrame], extracted: ExtractedBatch, registry: Registries | None,
                   fork: bool, stage: Callable[[str, pd.DataFrame], None]) -> dict[str, pd.DataFrame]:
    articles = spine["articles"]
    # in the order validation gives it, so that publishing finds the tables it staged unchanged
    quarantine = validation.ordered_quarantine(pd.concat([spine["quarantine"], tables.quarantine_table(
        extracted.quarantine)], ignore_index=True) if extracted.quarantine else spine["quarantine"])
    for table, frame in (("articles", articles), ("boilerplate", spine["boilerplate"]), ("quarantine", quarantine)):
        stage(table, frame)
    # columns as dicts by article id: a DataFrame lookup per article and column cost ~0.2 s a corpus
    column = {name: dict(zip(articles["article_id"], articles[name]))
              for name in ("credits", "text", "published", "outlet", "source") if name in articles.columns}
    extractions: Sequence[ArticleExtraction] = extracted.extractions
    credits = [(e.article_id, list(column["credits"][e.article_id])) for e in extractions]
    corpus = Corpus([(e.article_id, e.entities) for e in extractions], credits,
                    registry=registry.actors if registry else None)
    texts = {e.article_id: column["text"][e.article_id] for e in extractions}
    # every quote's speakers, then every event's arguments (half of the articles in a forked child)
    speakers, argued = split_resolution.resolve(corpus, extractions, texts,
                                                parties.event_resolver(corpus, extractions, texts), fork)
    outlets = column.get("outlet", {})
    event_articles = {e.article_id: merge.Article(
        e.article_id, texts[e.article_id], _timestamp(column["published"][e.article_id]),
        outlets.get(e.article_id) or column["source"][e.article_id]) for e in extractions}
    resolved_events = merge.dated(event_articles, argued)
    actors, mention_columns = corpus.tables()
    speaker_ids = tables.speaker_ids(extractions, speakers, corpus)  # before the events' lookups, as ever
    actors_frame, mentions_frame = tables.actors_table(actors), tables.mentions_table(mention_columns)
    stage("actors", actors_frame)
    stage("mentions", mentions_frame)
    # the quotes in a forked child while this process makes the event and actor tables (newswire.forked)
    with forked.beside(functools.partial(tables.quotes_table, extractions, speakers, speaker_ids, actors),
                       fork and len(speakers) >= FORKED_QUOTES) as quotes_beside:
        known = {actor.actor_id for actor in actors}

        def actor_id(key: str) -> str | None:
            found = corpus.actor_id(key)
            if found not in known and key.startswith(parties.STATE_KEY):  # no row for the state: its people's row
                found = corpus.actor_id(parties.NATIONALITY_KEY + key[len(parties.STATE_KEY):])
            return found if found in known else None

        event_rows, event_mention_rows = merge.event_tables(
            event_articles, resolved_events, actor_id, lambda article_id, start, end: texts[article_id][start:end],
            parties.party_of(actors, actor_id))
        events, event_mentions = tables.events_table(event_rows), tables.event_mentions_table(event_mention_rows)
        if registry is not None:
            events, event_mentions = keep_ids(registry.events, events, event_mentions, "event_id", "mention_id")
        stage("events", events)
        stage("event_mentions", event_mentions)
        quotes = quotes_beside.result()
    quote_clusters = tables.quote_clusters_table(quotes, articles)
    if registry is not None:
        quote_clusters, quotes = keep_ids(registry.quote_clusters, quote_clusters, quotes, "cluster_id", "quote_id")
    made = {
        "articles": articles,
        "boilerplate": spine["boilerplate"],
        "quarantine": quarantine,
        "actors": actors_frame,
        "mentions": mentions_frame,
        "quotes": quotes,
        "quote_clusters": quote_clusters,
        "events": events,
        "event_mentions": event_mentions,
        "id_history": tables.frame("id_history", registry.history_rows() if registry else []),
    }
    for table in ("quotes", "quote_clusters", "id_history"):
        stage(table, made[table])
    return made


def _timestamp(value: object) -> pd.Timestamp | None:
    return None if pd.isna(value) else pd.Timestamp(value)


def previous_inputs(out_dir: Path) -> dict[str, str] | None:
    """source -> file hash of the files the latest release was built from; None without one."""
    latest = release.latest_release(out_dir)
    if latest is None:
        return None
    try:
        return dict(release.read_manifest(latest).get("inputs", {}).get("files", {}))
    except release.DamagedRelease:  # treated as absent, as for drift
        return None


def _input_files(structured: StructuredBatch, rejected: list[dict]) -> dict[str, str]:
    ingest_rejections = [row for row in rejected + structured.quarantine if row["stage"] == "ingest"]
    return {a.source: a.file_hash for a in structured.articles} | {row["source"]: row["file_hash"]
                                                                    for row in ingest_rejections}


def run_identity(raw_dir: Path, structured: StructuredBatch, rejected: list[dict]) -> str:
    """A hash of everything a release's tables are made from: the input files (sources and byte
    hashes, including those quarantined at ingest), every sources.csv under raw_dir, the code that
    makes the tables, the model and extractors (their versions), and the installed packages (a
    new dateparser or pandas may change a table). The same identity, the same tables: ids come
    from the registry, which the latest release's own run left as it was."""
    digest = hashlib.sha256()
    for source, file_hash in sorted(_input_files(structured, rejected).items()):
        digest.update(f"file\0{source}\0{file_hash}\0".encode())
    for listing in sorted(Path(raw_dir).rglob(SOURCES_FILE)):
        with contextlib.suppress(OSError):  # an unreadable listing is quarantined with its articles
            digest.update(f"listing\0{listing.relative_to(raw_dir)}\0".encode() + hashlib.sha256(listing.read_bytes()).digest())
    record = {key: value for key, value in extraction_record(None).items() if key != "cache"}
    digest.update(json.dumps({"code": release.code_version()["source_sha256"], "extraction": record,
                              "packages": installed_packages()}, sort_keys=True).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def installed_packages() -> list[str]:
    return sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions() if d.metadata["Name"]})


def release_of_the_same_run(out_dir: Path, identity: str) -> Path | None:
    """The latest release when it was made from the same inputs by the same code (run_identity), or
    a run of that identity found its tables the same as the latest's (SAME_RUN_FILE: after an
    upgrade that changed no table, say), and it is intact: a run would make the same tables again,
    and keep it. None otherwise."""
    latest = release.latest_release(out_dir)
    if latest is None:
        return None
    try:
        manifest = release.check_release(latest)
    except release.DamagedRelease:
        return None
    if manifest.get("inputs", {}).get("identity") == identity:
        return latest
    try:
        vouched = json.loads((Path(out_dir) / SAME_RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return latest if vouched == {"release": latest.name, "identity": identity} else None


def _vouch_for(out_dir: Path, latest: str, identity: str) -> None:
    """Record that a run of identity made the latest release's tables again (release_of_the_same_run)."""
    path = Path(out_dir) / SAME_RUN_FILE
    written = path.with_name(path.name + ".tmp")
    written.write_text(json.dumps({"release": latest, "identity": identity}), encoding="utf-8")
    os.replace(written, path)


def input_changes(previous: dict[str, str] | None, current: dict[str, str]) -> dict[str, int]:
    """Files new, changed and removed since the latest release (removed files leave the new release)."""
    if previous is None:
        return {"new": len(current), "changed": 0, "removed": 0}
    return {"new": sum(1 for source in current if source not in previous),
            "changed": sum(1 for source, digest in current.items() if source in previous and previous[source] != digest),
            "removed": sum(1 for source in previous if source not in current)}


def manifest_extra(raw_dir: str, structured: StructuredBatch, rejected: list[dict],
                   cache_dir: Path | None = None, identity: str | None = None) -> dict:
    """What the manifest records of this run beyond the tables and their validation: input hashes
    (and the run's identity, run_identity) and how the articles were extracted."""
    return {
        "inputs": {"raw_dir": str(raw_dir), "files": _input_files(structured, rejected),
                   **({"identity": identity} if identity is not None else {})},
        "extraction": extraction_record(cache_dir),
    }


def load_in_background(suites_here: bool = True) -> threading.Thread:
    """Load on a thread what a run would otherwise load on first use (load_what_runs_use), in the
    order the run needs it. The command starts it once the pipeline is imported, while it waits for
    the run's Prefect server (~1 s more than its own imports)."""
    thread = threading.Thread(target=load_what_runs_use, args=(suites_here,), name="load in background", daemon=True)
    thread.start()
    return thread


def load_what_runs_use(suites_here: bool = True) -> None:
    """What runs load on first use, in the order they need it:
      - datasketch's LSH bands, which dedupe asks for in every run: its package imports SciPy
        (~0.5 s of CPU in the dedupe stage of a +1 article run);
      - the language identifier, which structuring a new file asks for: its model is ~0.45 s of
        LZMA decompression (which runs beside the flow: it releases the GIL);
      - what publishing imports (Great Expectations, Altair: ~2 s of CPU): imported before the flow
        it was on the critical path of every run (a traced warm rerun spent 1.65 s on it after the
        server was up, then published nothing); imported at publishing, of every run that publishes.
        Great Expectations only when the suites run here (suites_here), not in a checker process
        (newswire.staged_checks).
    - the versions of the parse and of the extractors (hashes of their modules' code: ~0.3 s),
      which every run with a cache asks for, and the installed packages (~0.25 s of reading their
      metadata), which every run's identity holds (run_identity).
    A failure is left for the stage that needs the thing to raise where it loads it."""
    with contextlib.suppress(Exception):
        extraction_record(None)
        installed_packages()
    with contextlib.suppress(Exception):
        from newswire.boilerplate import detect_language
        from newswire.dedupe import band_ranges

        band_ranges()
        detect_language("news")  # loads the identifier
    with contextlib.suppress(Exception):
        import altair  # noqa: F401

        import newswire.report  # noqa: F401
    if suites_here:
        with contextlib.suppress(Exception):
            import great_expectations.expectations  # noqa: F401

            import newswire.gx_validation  # noqa: F401


@contextlib.contextmanager
def staging_ahead(out_dir: Path, lock_wait: float, accept_drift: bool = False) -> Iterator[release.StagedAhead]:
    """The release lock for the block, and a staging folder that corpus resolution fills as it goes
    (newswire.release.StagedAhead), with the suites asked for at once when they run in a checker
    process, and the report's drawing when serve's painter draws it (each table is checked and
    compared as it is staged, on the core corpus resolution leaves idle). publish(..., ahead=)
    within the block publishes from it."""
    from newswire.report_painter import draw, paints_elsewhere
    from newswire.staged_checks import check_staged, checks_elsewhere

    with _release_locked(out_dir, lock_wait):
        checks = functools.partial(check_staged, accept_drift=accept_drift) if checks_elsewhere() else None
        with release.staged_ahead(out_dir, checks, draw if paints_elsewhere() else None) as ahead:
            yield ahead


@contextlib.contextmanager
def _release_locked(out_dir: Path, lock_wait: float) -> Iterator[None]:
    """The release lock, once the staging folders of runs that died are removed."""
    with release.release_lock(out_dir, wait_seconds=lock_wait):
        release.remove_stale_staging(out_dir)
        yield


def publish(tables: dict[str, pd.DataFrame], out_dir: Path, extra: dict, lock_wait: float,
            accept_drift: bool = False, registry: Registries | None = None,
            ahead: release.StagedAhead | None = None) -> release.PublishResult:
    """Validate and publish (drift rules waived with accept_drift): the result holds the tables
    as validation gave them. Then keep the ids it used for the next run (only once the release passed).
    ahead: the staging folder of staging_ahead, whose block holds the lock."""
    from newswire.staged_checks import check_staged  # in the checker process, or here (imports GX: ~2 s)

    written: list[WrittenFiles] = []

    def write_registry() -> None:
        # while the suites and the report end the run (the registry is final once the tables are
        # made): ~0.05 s that came after them, on the path to the run's end
        if registry is not None:
            written.append(registry.written(release.registry_dir(out_dir)))

    with contextlib.nullcontext() if ahead is not None else _release_locked(out_dir, lock_wait):
        try:
            result = release.publish(tables, out_dir, extra,
                                     check_staged=functools.partial(check_staged, accept_drift=accept_drift),
                                     validate=validation.validate_for_release, ahead=ahead, meanwhile=write_registry)
        except BaseException:
            for files in written:
                files.discard()
            raise
        if not result.created and (identity := extra.get("inputs", {}).get("identity")):
            _vouch_for(out_dir, result.version, identity)
        if registry is not None:
            # written last with the registry as it is now (a retried publish writes it again)
            (written[-1] if written else registry.written(release.registry_dir(out_dir))).put_in_place()
        return result


def kept_run_counts(files: list, rejected: list[dict], structured: StructuredBatch,
                    previous: dict[str, str] | None) -> dict[str, dict[str, int]]:
    """The ingest and structure counts: all a run that kept the latest release after structuring
    has (release_of_the_same_run), and the first of a run's counts."""
    return {"ingest": {"paths": len(files) + len(rejected),
                       "quarantined": sum(1 for row in rejected + structured.quarantine if row["stage"] == "ingest"),
                       **input_changes(previous, _input_files(structured, rejected))},
            "structure": {"articles": len(structured.articles), "from_cache": structured.from_cache,
                          "cache_rejected": structured.cache_rejected}}


def run_counts(files: list, rejected: list[dict], structured: StructuredBatch, corpus: CleanCorpus,
               extracted: ExtractedBatch, valid: dict[str, pd.DataFrame],
               previous: dict[str, str] | None = None) -> dict[str, dict[str, int]]:
    counts = kept_run_counts(files, rejected, structured, previous)
    # the quarantine table's rows, as published (the same rows, unless pandera set one aside)
    counts["ingest"]["quarantined"] = int((valid["quarantine"]["stage"] == "ingest").sum())
    counts["structure"]["no_content"] = len(corpus.quarantine)
    counts |= {
        "boilerplate": {"lines_removed": len(valid["boilerplate"]), "recurring_patterns": len(corpus.recurring)},
        "dedupe": {"duplicates": len(corpus.links)},
        "extract": {"articles": len(extracted.extractions), "not_english": not_in_model_language(valid["articles"]),
                    "parsed": extracted.parsed,
                    "docs_from_cache": extracted.docs_from_cache,
                    **{f"ran_{name}": runs for name, runs in extracted.extractor_runs.items()},
                    "cache_rejected": extracted.cache_rejected,
                    "failed": sum(1 for row in extracted.quarantine if row["reason"] == "extract_error")},
        "actors": {"actors": len(valid["actors"]), "mentions": len(valid["mentions"])},
        "quotes": {"quotes": len(valid["quotes"]), "clusters": len(valid["quote_clusters"])},
        "events": {"events": len(valid["events"]), "mentions": len(valid["event_mentions"])},
    }
    counts["publish"] = {table: len(df) for table, df in valid.items()}
    return counts
