"""The corpus's cache entries, read once by `newswire serve`'s fork server for every run it forks.

A served run (newswire.served_runs) finds most of its articles unchanged, and reads each one's
structure and each extractor's records from the cache: for the BBC corpus's 2,225 articles some
6,200 JSON files decoded into records (~0.7 s) and 2,226 pickles (~0.15 s), every run again. The
fork server reads them once, after its rehearsal (newswire.rehearsal), from the raw folder and the
cache that serve was given; each run forked from it then finds them in memory
(filecache.REMEMBERED). An entry is remembered under its file's path, which names its code version
and its input's hash: a run that looks it up gets what the file holds, and a file that changed,
or an article the server never saw, misses and is read or made as before. The paths themselves are
kept too (filecache.PATHS: a served +1 run's cache lookups before corpus resolution ~0.2 -> ~0.05 s),
and so is each raw file's document, which a run takes unread while the file is unchanged
(newswire.unchanged_files).

It then resolves that corpus once (the tables are dropped): the date of each event expression,
the sentence ends of each article and each quote's words and word trigrams (quote clustering:
0.31 -> 0.18 s of a served +1 run) are kept by the functions that find them (served +1 runs over the
BBC corpus: corpus resolution's median 3.7 -> 3.05 s, eight runs each; in one process, warm, ~3.2 ->
~2.95 s). Only pure functions keep what they found, so a run makes the same tables
(tests/test_served_memory.py).

Memory: the BBC corpus's 2,226 files add ~255 MiB to the server (73 MiB of entries, the rest
what resolving the corpus leaves: its caches, ~45 MiB of them the quotes' words and trigrams,
and the heap it grew), shared by the runs forked from
it; ~115 KB a file, so a corpus of more than MAX_REMEMBERED_FILES files is not remembered.
"""

from __future__ import annotations

import os
from pathlib import Path

from newswire import stages, unchanged_files
from newswire.extract import ArticleExtraction, Cache, ExtractedBatch, analysed_text
from newswire.extractors import EXTRACTORS
from newswire.filecache import REMEMBERED, remembering
from newswire.quotes.clusters import keeping_trigrams

# newswire serve's raw folder and cache, for its fork server (newswire.served_runs)
RAW_VARIABLE, CACHE_VARIABLE = "NEWSWIRE_SERVED_RAW", "NEWSWIRE_SERVED_CACHE"
MAX_REMEMBERED_FILES = 5_000  # ~570 MiB


def remember_served_corpus() -> int:
    """remember_corpus over serve's folders, when it has a cache; how many entries."""
    raw, cache = os.environ.get(RAW_VARIABLE), os.environ.get(CACHE_VARIABLE)
    return remember_corpus(Path(raw), Path(cache)) if raw and cache else 0


def remember_corpus(raw_dir: Path, cache_dir: Path, most_files: int = MAX_REMEMBERED_FILES) -> int:
    """Read the cached structure of every file in raw_dir and the cached records of every article
    extraction would read, keeping each in filecache.REMEMBERED; how many entries it holds. Reads
    only: nothing missing is structured or extracted here."""
    files, _ = stages.discover_inputs(raw_dir)
    if len(files) > most_files:
        return len(REMEMBERED)
    for found in files:  # each document kept while its file is unchanged (newswire.unchanged_files)
        unchanged_files.keep(found)
    with remembering():
        structured, _ = stages.structure_from_cache(files, cache_dir)
        spine = stages.spine_tables(stages.clean_corpus(structured.articles), [])
        cache = Cache(cache_dir)
        extractions = []
        # the cache's records only, not extract.extract_batch: that would parse what is missing
        for article_id, _, text in stages.extraction_inputs(spine["articles"]):
            extraction = ArticleExtraction(article_id)
            for extractor in EXTRACTORS.values():
                if (found := cache.records(extractor, analysed_text(text))) is not None:
                    extraction.records[extractor.name] = found
            if len(extraction.records) == len(EXTRACTORS):
                extractions.append(extraction)
    # once over the corpus, for the caches of what corpus resolution asks again every run (each
    # article's dates and sentence ends, each quote's trigrams): the tables themselves are made
    # again by every run; here, not in a forked child, whose caches would be lost with it
    with keeping_trigrams():
        stages.corpus_tables(spine, ExtractedBatch(extractions, [], 0), fork=False)
    return len(REMEMBERED)
