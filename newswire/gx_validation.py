"""Great Expectations suites over a whole release: what row-level pandera cannot see.

pandera checks one table's rows as they are built; these suites look at the release as
published: primary keys unique, columns and types as the models declare, references between
tables resolvable, offsets inside the article text they point into, null rates and row counts
not collapsing against the previous release, coverage of quotes and actor mentions.

Column rules (nullability, value sets, patterns, ranges, uniqueness, types) are read from the
pandera models in `schemas.TABLES`, never restated here. Cross-table rules are computed with
pandas as boolean columns named `check__<rule>` (None where the rule does not apply, e.g. a null
speaker_id) and each is expected to be True; failing rows are reported by primary key.

Tables the schemas do not define, or a release does not hold, are skipped; a reference into a
table the release lacks fails (its ids cannot resolve).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from newswire.release import MANIFEST, Arrival, arrivals, blocked_docs_dir, given_up, read_manifest, read_table
from newswire.validation import ReleaseBlocked
from schemas import TABLES
from schemas import integrity

log = logging.getLogger("newswire.validation")

# Must be set before great_expectations is imported (it reads it at import time).
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

# --- thresholds -------------------------------------------------------------------------------

# A table that keeps fewer than this share of the previous release's rows fails: a stage broke.
MIN_KEPT_ROW_SHARE = 0.5
# Fewer quarantined inputs is good news (a fixed parser), so quarantine may shrink freely.
ROW_DROP_EXEMPT = frozenset({"quarantine"})
# The non-null share of a nullable column may fall by at most this much against the previous
# release (a date parser that stops matching shows up here first).
MAX_NON_NULL_SHARE_DROP = 0.25
# Lenient coverage floors over non-duplicate articles: most news articles quote someone and name
# at least one actor; far below that, extraction is broken rather than the news being dull.
MIN_SHARE_ARTICLES_WITH_QUOTE = 0.5
MIN_SHARE_ARTICLES_WITH_MENTION = 0.5
# The floors are statements about a sample: a handful of articles (a market report, a notice)
# may rightly have no quote at all, so they apply only from this many non-duplicate articles.
MIN_ARTICLES_FOR_COVERAGE_FLOORS = 20
# Likewise a non-null share compared with the previous release: between 1 and 2 articles it moves
# by halves (the second article has no standfirst), which says nothing about a broken parser.
MIN_ROWS_FOR_SHARE_DRIFT = 20

# --- rules the models cannot express (yet) ------------------------------------------------------

# Added unless the model already declares the same rule.
QUOTE_KINDS = ("direct", "partial", "indirect", "scare")
EXTRA_VALUE_SETS: dict[tuple[str, str], tuple[str, ...]] = {("quotes", "kind"): QUOTE_KINDS}
ISO3_PATTERN = r"^[A-Z]{3}$"
EXTRA_PATTERNS: dict[tuple[str, str], str] = {("actors", "country"): ISO3_PATTERN}

# Tables whose article_id is the article itself or may be absent from articles by design.
NOT_REFERRING_TO_ARTICLES = frozenset({"articles", "quarantine"})
# boilerplate keeps lines of articles that ended up with no text at all (published with an empty
# text and a no_content quarantine row; older releases quarantined them only).
ARTICLE_ID_TARGETS: dict[str, tuple[str, ...]] = {"boilerplate": ("articles", "quarantine")}
# (table, column) -> (target table, target column), from the one list of cross-table references
# (schemas/integrity.py) that pandera also checks row by row; article_id is handled above.
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    (table, column): (target, target_column)
    for table, column, target, target_column, _ in integrity.REFERENCES if column != "article_id"
}

CHECK_PREFIX = "check__"
DOCS_FOLDER = "validation"
SITE_NAME = "newswire"
FAILED_ROWS_SHOWN = 10
# A suite runs first with GX's BASIC results (counts and some failing values). SUMMARY also counts
# the failing values and finds the failing rows' keys: ~0.6 of 3.4 CPU-s over a 2,000-article
# release, for results that only a failed expectation needs, so only a suite that fails runs again
# with it.
PASS_FORMAT = {"result_format": "BASIC", "partial_unexpected_count": FAILED_ROWS_SHOWN}
FAILURE_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": FAILED_ROWS_SHOWN}


# Severities. An integrity rule failing means the release is wrong (a duplicate key, a dangling
# reference, an offset outside its text): it always blocks. A drift rule compares the release
# with the previous one or with what news usually looks like (row counts, null shares, coverage):
# failing, it blocks too, since a broken stage shows there first, unless the run is told the
# change is real with --accept-drift, which publishes and records the waived rules.
INTEGRITY = "integrity"
DRIFT = "drift"


@dataclass(frozen=True)
class ExpectationOutcome:
    name: str         # what the rule says, e.g. "article_id: unique"
    expectation: str  # GX expectation type
    success: bool
    observed: str     # observed value, or how many rows failed and their keys
    severity: str = INTEGRITY


@dataclass
class ValidationReport:
    release: Path
    tables: dict[str, list[ExpectationOutcome]]
    skipped: list[str] = field(default_factory=list)  # tables the schemas define but the release lacks
    docs_index: Path | None = None

    @property
    def success(self) -> bool:
        return all(outcome.success for outcomes in self.tables.values() for outcome in outcomes)

    def failures(self, severity: str | None = None) -> list[tuple[str, ExpectationOutcome]]:
        return [(table, o) for table, outcomes in self.tables.items() for o in outcomes
                if not o.success and severity in (None, o.severity)]

    def passes(self, accept_drift: bool = False) -> bool:
        """No integrity failure, and no drift failure unless drift is accepted."""
        return not self.failures(INTEGRITY) and (accept_drift or not self.failures(DRIFT))

    def summary(self) -> dict[str, dict[str, bool]]:
        return {table: {o.name: o.success for o in outcomes} for table, outcomes in self.tables.items()}


@dataclass(frozen=True)
class _Rule:
    name: str
    expectation: object  # a great_expectations Expectation
    severity: str = INTEGRITY


# --- loading ------------------------------------------------------------------------------------

def load_tables(release_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of the schemas that the release holds, in schema order."""
    return {table: read_table(release_dir / f"{table}.parquet")
            for table in TABLES if (release_dir / f"{table}.parquet").exists()}


def tables_read_by(table: str) -> frozenset[str]:
    """The other tables whose rows derived_checks(table) reads."""
    columns = TABLES[table].model.to_schema().columns
    read = set(ARTICLE_ID_TARGETS.get(table, ("articles",))) \
        if "article_id" in columns and table not in NOT_REFERRING_TO_ARTICLES else set()
    read |= {target for (source, _), (target, _) in REFERENCES.items() if source == table}
    if table in integrity.OFFSET_TABLES:
        read.add("articles")
    if table == "events":
        read.add("event_mentions")
    if table == "articles":
        read |= {"quotes", "mentions"}
    return frozenset(read - {table})


def expected_tables(release_dir: Path, arrival: Arrival | None = None) -> list[str]:
    """The tables to check, in schema order: those arrival names, else those the folder holds."""
    return [t for t in TABLES if (t in arrival.tables if arrival else (release_dir / f"{t}.parquet").exists())]


def tables_in_turn(release_dir: Path, arrival: Arrival | None = None,
                   meanwhile: Callable[[], bool] | None = None) -> Iterator[tuple[str, dict[str, pd.DataFrame]]]:
    """(table, the tables loaded so far) for each table of the release, once it and the tables its
    rules read are loaded (those the release holds: a reference into a table it lacks fails): in
    schema order among the tables ready together. Without arrival, the tables the folder holds; with
    it, the tables arrival names, waited for as they are staged (newswire.release.arrivals, which
    calls meanwhile() instead of waiting)."""
    expected = expected_tables(release_dir, arrival)
    loaded: dict[str, pd.DataFrame] = {}
    left = list(expected)
    for staged in arrivals(release_dir, arrival, meanwhile) if arrival else [expected]:
        for table in staged:
            loaded[table] = read_table(release_dir / f"{table}.parquet")
        ready = [table for table in left if table in loaded and tables_read_by(table) & set(expected) <= loaded.keys()]
        for table in ready:
            if arrival is not None:
                given_up(release_dir)
            left.remove(table)
            yield table, loaded


def _previous_rows(previous_dir: Path | None) -> dict[str, int]:
    if previous_dir is None or not (previous_dir / MANIFEST).exists():
        return {}
    return {table: int(info["rows"]) for table, info in read_manifest(previous_dir).get("tables", {}).items()}


def _previous_non_null_share(previous_dir: Path | None, table: str) -> dict[str, float]:
    """Non-null share per column of the previous release's table, from Parquet statistics."""
    path = previous_dir / f"{table}.parquet" if previous_dir is not None else None
    if path is None or not path.exists():
        return {}
    metadata = pq.read_metadata(path)
    if metadata.num_rows == 0:
        return {}
    nulls: dict[str, int] = {}
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        for index in range(row_group.num_columns):
            column = row_group.column(index)
            name = column.path_in_schema.split(".")[0]
            stats = column.statistics
            if stats is None or not stats.has_null_count:
                return {}
            # List columns have one leaf per element; only top-level scalar columns count here.
            if column.path_in_schema == name:
                nulls[name] = nulls.get(name, 0) + stats.null_count
    return {name: 1 - count / metadata.num_rows for name, count in nulls.items()}


# --- derived cross-table columns ------------------------------------------------------------------

def _ids(tables: Mapping[str, pd.DataFrame], targets: tuple[str, ...], column: str) -> set:
    ids: set = set()
    for target in targets:
        if target in tables and column in tables[target]:
            ids.update(tables[target][column].dropna().tolist())  # ~6x faster than iterating an Arrow column
    return ids


def _membership(values: pd.Series, ids: set) -> pd.Series:
    """True/False per value, None where the value is null (rule does not apply)."""
    found = integrity.member_of(values, ids).astype(object)
    found[values.isna()] = None
    return found


def derived_checks(table: str, tables: Mapping[str, pd.DataFrame]) -> dict[str, tuple[str, pd.Series, float]]:
    """check column -> (rule name, True/False/None per row, share of non-null rows that must be True)."""
    df = tables[table]
    checks: dict[str, tuple[str, pd.Series, float]] = {}
    if "article_id" in df and table not in NOT_REFERRING_TO_ARTICLES:
        targets = ARTICLE_ID_TARGETS.get(table, ("articles",))
        checks[f"{CHECK_PREFIX}article_id_in_{'_or_'.join(targets)}"] = (
            f"article_id in {' or '.join(targets)}", _membership(df["article_id"], _ids(tables, targets, "article_id")), 1.0)
    for (source, column), (target, target_column) in REFERENCES.items():
        if source == table and column in df:
            checks[f"{CHECK_PREFIX}{column}_in_{target}"] = (
                f"{column} in {target}", _membership(df[column], _ids(tables, (target,), target_column)), 1.0)
    if table in integrity.OFFSET_TABLES and {"article_id", "start", "end"} <= set(df.columns):
        lengths = tables["articles"].set_index("article_id")["text"].str.len() if "articles" in tables else pd.Series(dtype=int)
        # numeric even when the table is empty (an empty map keeps the key column's str dtype)
        length = pd.to_numeric(df["article_id"].map(lengths), errors="coerce")
        inside = (df["start"] >= 0) & (df["start"] <= df["end"]) & (df["end"] <= length)
        inside = inside.fillna(False).astype(bool).astype(object)
        inside[df["start"].isna() | df["end"].isna()] = None
        checks[f"{CHECK_PREFIX}offsets_within_article_text"] = ("offsets within article text", inside, 1.0)
    if table == "events" and "event_mentions" in tables:
        checks.update(_event_count_checks(df, tables["event_mentions"]))
    if table == "articles":
        canonical = df["duplicate_of"].isna() if "duplicate_of" in df else pd.Series(True, index=df.index)
        if "text" in df:  # a page with no article (published with an empty text) has nothing to quote
            canonical &= df["text"].str.len() > 0
        if canonical.sum() < MIN_ARTICLES_FOR_COVERAGE_FLOORS:
            return checks
        for other, rule, what, share in (("quotes", "has_quote", "a quote", MIN_SHARE_ARTICLES_WITH_QUOTE),
                                         ("mentions", "has_actor_mention", "an actor mention", MIN_SHARE_ARTICLES_WITH_MENTION)):
            if other in tables:
                has = integrity.member_of(df["article_id"], _ids(tables, (other,), "article_id")).astype(object)
                has[~canonical] = None  # duplicates count once, through their canonical copy
                checks[f"{CHECK_PREFIX}{rule}"] = (f"share of non-duplicate articles with {what}", has, share)
    return checks


def _event_count_checks(events: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, tuple[str, pd.Series, float]]:
    """Every event has its mentions, and its counts are theirs."""
    by_event = mentions.groupby("event_id")
    counted = {"num_mentions": by_event.size(), "num_articles": by_event["article_id"].nunique()}
    checks = {}
    for column, counts in counted.items():
        expected = events["event_id"].map(counts).fillna(0)
        checks[f"{CHECK_PREFIX}{column}_matches_event_mentions"] = (
            f"{column} matches event_mentions", (events[column] == expected).astype(object), 1.0)
    return checks


# --- suites ------------------------------------------------------------------------------------

def _gx_type(dtype: object) -> str:
    """The name ExpectColumnValuesToBeOfType compares with a pandas column's dtype.type."""
    return pd.api.types.pandas_dtype(str(dtype)).type.__name__


def _declares(column: object, check_name: str, **statistics: object) -> bool:
    return any(c.name == check_name and all((c.statistics or {}).get(k) == v for k, v in statistics.items())
               for c in getattr(column, "checks", []))


def _model_rules(table: str, gxe) -> Iterator[_Rule]:
    """Column rules read off the pandera model: existence, type, nullability, uniqueness, checks."""
    spec = TABLES[table]
    for name, column in spec.model.to_schema().columns.items():
        yield _Rule(f"{name}: type {_gx_type(column.dtype)}", gxe.ExpectColumnValuesToBeOfType(column=name, type_=_gx_type(column.dtype)))
        if not column.nullable:
            yield _Rule(f"{name}: not null", gxe.ExpectColumnValuesToNotBeNull(column=name))
        if column.unique or name == spec.key:
            yield _Rule(f"{name}: unique", gxe.ExpectColumnValuesToBeUnique(column=name))
        low = high = None
        strict_low = strict_high = False
        for check in column.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                yield _Rule(f"{name}: in set", gxe.ExpectColumnValuesToBeInSet(column=name, value_set=list(stats["allowed_values"])))
            elif check.name == "str_matches":
                yield _Rule(f"{name}: matches {stats['pattern']}", gxe.ExpectColumnValuesToMatchRegex(column=name, regex=stats["pattern"]))
            elif check.name in ("greater_than_or_equal_to", "greater_than"):
                low, strict_low = stats["min_value"], check.name == "greater_than"
            elif check.name in ("less_than_or_equal_to", "less_than"):
                high, strict_high = stats["max_value"], check.name == "less_than"
            elif check.name == "str_length":
                yield _Rule(f"{name}: length", gxe.ExpectColumnValueLengthsToBeBetween(
                    column=name, min_value=stats.get("min_value"), max_value=stats.get("max_value")))
            elif check.name == "in_range":
                low, high = stats["min_value"], stats["max_value"]
                strict_low, strict_high = not stats.get("include_min", True), not stats.get("include_max", True)
            # Other checks (custom element-wise functions) stay with pandera, which runs them per row.
        if low is not None or high is not None:
            yield _Rule(f"{name}: in range", gxe.ExpectColumnValuesToBeBetween(
                column=name, min_value=low, max_value=high, strict_min=strict_low, strict_max=strict_high))
    yield from _extra_rules(table, gxe)


def _extra_rules(table: str, gxe) -> Iterator[_Rule]:
    """Explicit rules for columns whose models do not carry them yet."""
    model_columns = TABLES[table].model.to_schema().columns
    for (rule_table, name), values in EXTRA_VALUE_SETS.items():
        if rule_table == table and name in model_columns and not _declares(model_columns[name], "isin"):
            yield _Rule(f"{name}: in set", gxe.ExpectColumnValuesToBeInSet(column=name, value_set=list(values)))
    for (rule_table, name), pattern in EXTRA_PATTERNS.items():
        if rule_table == table and name in model_columns and not _declares(model_columns[name], "str_matches", pattern=pattern):
            yield _Rule(f"{name}: matches {pattern}", gxe.ExpectColumnValuesToMatchRegex(column=name, regex=pattern))


def build_rules(table: str, tables: Mapping[str, pd.DataFrame], previous_dir: Path | None,
                checks: Mapping[str, tuple[str, pd.Series, float]]) -> list[_Rule]:
    import great_expectations.expectations as gxe

    spec = TABLES[table]
    df = tables[table]
    model_columns = list(spec.model.to_schema().columns)
    rules = [_Rule("columns as in the model", gxe.ExpectTableColumnsToMatchOrderedList(column_list=model_columns + list(checks)))]
    rules.extend(_model_rules(table, gxe))
    previous_rows = _previous_rows(previous_dir)
    # Rule names stay the same from release to release (they key the manifest); bounds go in kwargs.
    minimum = 0
    if table in previous_rows and table not in ROW_DROP_EXEMPT:
        minimum = math.ceil(previous_rows[table] * MIN_KEPT_ROW_SHARE)
    rules.append(_Rule("row count vs previous release", gxe.ExpectTableRowCountToBeBetween(min_value=minimum), DRIFT))
    # GX reports a share of 0 for an empty table, which would fail any floor; row count covers that case.
    if len(df):
        previous_share = _previous_non_null_share(previous_dir, table)
        comparable = min(len(df), previous_rows.get(table, 0)) >= MIN_ROWS_FOR_SHARE_DRIFT
        for name, column in spec.model.to_schema().columns.items():
            if column.nullable:
                floor = max(0.0, round(previous_share[name] - MAX_NON_NULL_SHARE_DROP, 6)) \
                    if comparable and name in previous_share else 0.0
                rules.append(_Rule(f"{name}: non-null share vs previous release",
                                   gxe.ExpectColumnProportionOfNonNullValuesToBeBetween(column=name, min_value=floor, max_value=1.0),
                                   DRIFT))
    for check_column, (name, _, share) in checks.items():
        # a share below 1 is a coverage floor (what news usually has), not an integrity rule
        rules.append(_Rule(name, gxe.ExpectColumnValuesToBeInSet(column=check_column, value_set=[True], mostly=share),
                           INTEGRITY if share == 1.0 else DRIFT))
    seen: dict[str, int] = {}
    unique_rules = []
    for rule in rules:
        seen[rule.name] = seen.get(rule.name, 0) + 1
        unique_rules.append(rule if seen[rule.name] == 1 else _Rule(f"{rule.name} ({seen[rule.name]})", rule.expectation,
                                                                    rule.severity))
    return unique_rules


# --- running -----------------------------------------------------------------------------------

def _observed(result: Mapping, kwargs: Mapping, key: str) -> str:
    if "observed_value" in result:
        value = result["observed_value"]
        text = f"{value:.3f}" if isinstance(value, float) else str(value)
        if kwargs.get("min_value"):
            text += f", expected at least {kwargs['min_value']}"
        return text
    if "unexpected_count" not in result:
        return ""
    text = f"{result['unexpected_count']} of {result.get('element_count')} rows"
    keys = [row.get(key) if isinstance(row, Mapping) else row for row in result.get("partial_unexpected_index_list") or []]
    if keys and result["unexpected_count"]:
        text += f"; {key}: " + ", ".join(map(str, keys[:FAILED_ROWS_SHOWN]))
    elif result.get("partial_unexpected_list"):
        text += "; values: " + ", ".join(map(repr, result["partial_unexpected_list"][:FAILED_ROWS_SHOWN]))
    return text


def _context(docs_dir: Path):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints each batch for its batch markers with pandas' hash_pandas_object, which
    # cannot hash a list column (credits, aliases, roles...), so for those tables it pickles the
    # whole frame and hashes the bytes: ~0.7 CPU-s of a BBC release, at the end of the run where
    # nothing runs beside it. The manifest already records each table file's sha256, the
    # release's fingerprint of its data: GX takes none (it skips frames above this size).
    pandas_execution_engine.HASH_THRESHOLD = 0
    # GX logs its temporary folders at INFO through the root handler Prefect installs, and one of
    # its modules pins its own logger to INFO: keep runs quiet
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    # The ephemeral context comes with a site in a random /tmp folder (created on first build):
    # drop it so Data Docs are written only where we say.
    for site in list(context.list_data_docs_sites()):
        context.delete_data_docs_site(site)
    context.add_data_docs_site(SITE_NAME, {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    return context


def _result_keys(context, suite: str) -> list:
    """The keys of a suite's stored results."""
    return [key for key in context.validation_results_store.list_keys() if key.expectation_suite_identifier.name == suite]


def _forget_results(context, suite: str) -> None:
    """Drop the stored results of a suite's first run, so Data Docs show its detailed run alone."""
    for key in _result_keys(context, suite):
        context.validation_results_store.remove_key(key)


def _escaped(value: object) -> object:
    """value with every string in it HTML-escaped (lists, dicts and tuples walked)."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, Mapping):
        return {_escaped(key): _escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_escaped(item) for item in value)
    return value


def _escape_stored_values(context, keys: list, result) -> None:
    """GX's Data Docs write observed and failing values into the HTML as they are: a `<script>` in
    a cell of a hand-edited release would run in the report. Every value that came from the data
    (each expectation's result: observed values, failing values and keys, column names) is
    escaped in the stored results (keys: a suite's, result: its run's, as the run returned it and
    stored it) before the pages are built. The CLI's text uses the raw values. A result with
    nothing to escape is left as stored, rather than read back and written again (a marshmallow
    round trip per table: the suites over a BBC release took 3.5-3.7 s warm with it, 2.5-2.7 s
    without)."""
    changed = False
    for item in result.results:
        escaped = _escaped(item.result or {})
        changed |= escaped != (item.result or {})
        item.result = escaped
    if changed:
        for key in keys:
            context.validation_results_store.set(key, result)


class SuitesAhead:
    """Each table's suite and validation definition, made ahead from the previous release's table of
    that name (prepare) and kept when the table that comes gives the very same rules (its rules read
    only its row count and its derived checks' names and shares, which a table of the previous
    release mostly gives again); a table whose rules differ, or that had none made ahead, gets its
    suite made when it comes (one made ahead is deleted first). newswire serve's checker makes them
    between runs (prepare_next_checks)."""

    def __init__(self, context, batches: Mapping) -> None:
        self.context, self.batches = context, batches
        self.ahead: dict[str, tuple[list, object]] = {}  # table -> (its rules' signature, its definition)

    def prepare(self, previous_dir: Path) -> list[str]:
        """Each table's suite made from previous_dir's table of that name: the tables that got one. A
        table the previous release lacks, or that cannot be checked as this code checks its own
        (an older release's), gets none."""
        previous: dict[str, pd.DataFrame] = {}  # its tables read so far
        for table in self.batches:
            try:
                rules = _previous_rules(table, previous_dir, previous)
                if rules is not None:
                    self.ahead[table] = (_signature(rules), self._add(table, rules))
            except Exception as error:
                log.debug("no suite ahead for %s: %s: %s", table, type(error).__name__, error)
                self._forget(table)
        return list(self.ahead)

    def definition(self, table: str, rules: list[_Rule]) -> tuple[object, bool]:
        """(table's validation definition, whether its suite was added now rather than ahead)."""
        signature, definition = self.ahead.pop(table, (None, None))
        if definition is not None and signature == _signature(rules):
            return definition, False
        if definition is not None:
            self._forget(table)
        return self._add(table, rules), True

    def _forget(self, table: str) -> None:
        """The table's suite and definition made ahead gone (either or both may not have been added)."""
        for made in (self.context.validation_definitions, self.context.suites):
            with contextlib.suppress(Exception):
                made.delete(table)

    def _add(self, table: str, rules: list[_Rule]):
        import great_expectations as gx

        # given whole: add_expectation compares each expectation with every one added before it
        # (~0.7 s of CPU a release), looking for equal ones that unique rule names rule out
        suite = self.context.suites.add(gx.ExpectationSuite(name=table, expectations=[rule.expectation for rule in rules]))
        return self.context.validation_definitions.add(gx.ValidationDefinition(name=table, data=self.batches[table],
                                                                              suite=suite))


def _previous_rules(table: str, previous_dir: Path, previous: dict[str, pd.DataFrame]) -> list[_Rule] | None:
    """The table's rules as previous_dir's table of that name gives them (None: it has none), its
    tables read into previous as needed."""
    needed = [t for t in (table, *sorted(tables_read_by(table)))
              if t not in previous and (previous_dir / f"{t}.parquet").exists()]
    if table not in previous and table not in needed:
        return None
    for name in needed:
        previous[name] = read_table(previous_dir / f"{name}.parquet")
    return _labelled(build_rules(table, previous, previous_dir, derived_checks(table, previous)))


def _labelled(rules: list[_Rule]) -> list[_Rule]:
    """The rules, each expectation labelled with its rule's name and severity."""
    from great_expectations.expectations.metadata_types import FailureSeverity

    for rule in rules:
        rule.expectation.meta = {"newswire_rule": rule.name, "newswire_severity": rule.severity}
        # GX's own severity field, so that Data Docs and any GX tooling see the same split
        rule.expectation.severity = FailureSeverity.CRITICAL if rule.severity == INTEGRITY else FailureSeverity.WARNING
    return rules


def _signature(rules: list[_Rule]) -> list:
    """What a suite holds of its rules (taken before the suite gives its expectations ids)."""
    return [(rule.name, rule.severity, type(rule.expectation), rule.expectation.dict()) for rule in rules]


@dataclass
class PreparedChecks:
    """The next run's checks (prepare_next_checks): a Great Expectations context with every table's
    batch definition and the suites made ahead from previous_dir (suites), and those suites' Data
    Docs pages, built in site (a folder of its own, copied to the run's Data Docs folder at the end)."""
    previous_dir: Path
    suites: SuitesAhead
    site: Path

    def discard(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)


_prepared: PreparedChecks | None = None


def prepare_next_checks(previous_dir: Path) -> None:
    """For newswire serve's checker, between runs: the next run's context, with every table's suite
    made ahead from previous_dir (the latest release, which the next run will compare with) and the
    suites' pages built (SuitesAhead). A served +1 run over the BBC corpus made them after its
    actors were staged, where the flow, its checker and its painter share both cores (~0.2 CPU-s
    for the suites and their definitions, ~0.15 for their pages, and ~0.1 for the context and its
    batch definitions as corpus resolution began); made while the run waited for corpus resolution
    they slowed it as much (corpus resolution 2.92 -> 3.06 s, validate+publish 1.20 -> 1.07 s,
    twelve runs each). A run checking against another previous release discards them. Never
    raises: a failure leaves nothing prepared."""
    global _prepared
    discard_prepared()
    site = Path(tempfile.mkdtemp(prefix="newswire-data-docs-"))
    try:
        _patch_gx()
        context = _context(site)
        suites = SuitesAhead(context, _batch_definitions(context, TABLES))
        docs = DocsAhead(context)
        for table in suites.prepare(Path(previous_dir)):
            docs.suite_added(table)
        docs.build_waiting()
    except Exception as error:
        log.warning("the next run's checks were not prepared (%s: %s): the run makes its own",
                    type(error).__name__, error)
        shutil.rmtree(site, ignore_errors=True)
        return
    _prepared = PreparedChecks(Path(previous_dir).resolve(), suites, site)


def discard_prepared() -> None:
    global _prepared
    prepared, _prepared = _prepared, None
    if prepared is not None:
        prepared.discard()


def _take_prepared(previous_dir: Path | None, expected: list[str]) -> PreparedChecks | None:
    """The prepared context, when it was made for this previous release and every suite made ahead
    is one of the expected tables' (no page of a suite left unchecked); else None (discarded)."""
    global _prepared
    prepared, _prepared = _prepared, None
    if prepared is not None and previous_dir is not None and Path(previous_dir).resolve() == prepared.previous_dir \
            and set(prepared.suites.ahead) <= set(expected) <= set(prepared.suites.batches):
        return prepared
    if prepared is not None:
        prepared.discard()
    return None


def _batch_definitions(context, tables: Iterable[str]) -> dict:
    """Each table's asset and batch definition in the context (they name the table only): made before
    the tables come (~0.07 s of a BBC release that would otherwise fall when the run's last tables
    are being checked)."""
    source = context.data_sources.add_pandas(SITE_NAME)
    return {table: source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("whole table")
            for table in tables}


def _patch_gx() -> None:
    _read_each_configuration_once()
    _hash_plain_ids_directly()
    _compile_templates_once()
    _copy_once_when_dumping()


class DocsAhead:
    """Data Docs built while the checker waits for the run's next tables: the pages of each suite
    and of its result once it has run (its stored values escaped first), the rest, the site's
    static files and its index at the end. Over a served +1 run of the BBC corpus the whole site
    took ~0.45 s after the last suite, on the path to the run's end; the pages of the tables
    checked before a wait (boilerplate and quarantine, then actors and mentions) are built in it
    instead. One site builder for all (GX's build_data_docs makes one per call, and copies the
    static files each time: ~15 ms a call). The site is the one a single build makes: the same
    pages from the same stores."""

    def __init__(self, context) -> None:
        self.context = context
        self.site = context._init_site_builder_for_data_docs_site_creation(
            site_name=SITE_NAME, site_config=context.variables.data_docs_sites[SITE_NAME])
        self.waiting: list = []  # identifiers of the pages to build, in the order their suites ran

    def suite_added(self, suite: str) -> None:
        """A suite's page, before the suite has run."""
        from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

        self.waiting.append(ExpectationSuiteIdentifier(name=suite))

    def ran(self, suite: str, result, suite_page: bool = True) -> None:
        """The pages of a suite's result, and of the suite unless its page was asked for before
        (suite_added) and the suite has not changed since."""
        keys = _result_keys(self.context, suite)
        _escape_stored_values(self.context, keys, result)
        if suite_page:
            self.suite_added(suite)
        self.waiting += keys

    def build_waiting(self) -> bool:
        """The pages waiting (arrivals' meanwhile): whether there were any."""
        if not self.waiting:
            return False
        for section in self.site.site_section_builders.values():
            section.build(resource_identifiers=self.waiting)
        self.waiting = []
        return True

    def finish(self) -> bool:
        """The pages still waiting, the site's static files and its index: whether it was built."""
        from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

        # GX builds every page of the stores when given no identifiers: none left ask for the rest alone
        waiting, self.waiting = self.waiting or [ExpectationSuiteIdentifier(name="\0 no page")], []
        return bool(self.site.build(resource_identifiers=waiting, build_index=True)[0])


def _prune_unused_images(docs_dir: Path) -> None:
    """Drop the site's unreferenced images (two tutorial GIFs are 3.4 MB of a 4.4 MB site)."""
    images = docs_dir / "static" / "images"
    if not images.is_dir():
        return
    pages = "".join(path.read_text(encoding="utf-8", errors="replace")
                    for pattern in ("*.html", "*.css") for path in docs_dir.rglob(pattern))
    for image in images.iterdir():
        if image.is_file() and image.name not in pages:
            image.unlink()


OFFLINE_ASSETS = Path(__file__).resolve().parent / "data" / "datadocs"
VENDOR_FOLDER = Path("static") / "vendor"
# <link href="http..."> and <script src="http..."></script>: what a page would fetch from the network.
_EXTERNAL_ASSET = re.compile(
    r'<link\b[^>]*\bhref="(?P<link>https?://[^"]+)"[^>]*>|<script\b[^>]*\bsrc="(?P<script>https?://[^"]+)"[^>]*>\s*</script>')
# Subresource-integrity attributes make the browser treat a file:// script as cross-origin and refuse it.
_INTEGRITY = re.compile(r'\s+(?:integrity|crossorigin)="[^"]*"')
# The GX logo (an <img> and a CSS background) comes from their S3 bucket; the package ships a copy.
_GX_LOGO = re.compile(r"https://great-expectations-web-assets\.s3\.[a-z0-9-]+\.amazonaws\.com/[\w.-]+(?:\?[^\"')\s]*)?")
LOCAL_LOGO = "static/images/logo-long.png"
# GX links the favicon one folder too shallow from validation result pages (a missing file is a console error).
_FAVICON = re.compile(r'href="(?:\.\./|\./)*static/images/favicon\.ico"')


def make_offline(docs_dir: Path) -> None:
    """Point every page's CDN links at copies inside the site, so Data Docs open styled offline.

    The copies are vendored in newswire/data/datadocs/ (sources.json: URL -> file, npm package,
    licence, sha256). Links listed there as dropped, and any CDN link a newer Great Expectations
    adds, are removed rather than left to fail or to reach the network.
    """
    sources = json.loads((OFFLINE_ASSETS / "sources.json").read_text(encoding="utf-8"))
    local = {link["url"]: link["file"] for link in sources["links"]}
    vendor = docs_dir / VENDOR_FOLDER
    vendor.mkdir(parents=True, exist_ok=True)
    for name in sorted(set(local.values())):
        shutil.copyfile(OFFLINE_ASSETS / name, vendor / name)
    for page in docs_dir.rglob("*.html"):
        prefix = "../" * (len(page.relative_to(docs_dir).parts) - 1)

        def localise(match: re.Match) -> str:
            url = match.group("link") or match.group("script")
            if url not in local:
                return ""
            return _INTEGRITY.sub("", match.group(0).replace(url, f"{prefix}{VENDOR_FOLDER.as_posix()}/{local[url]}"))

        text = _EXTERNAL_ASSET.sub(localise, page.read_text(encoding="utf-8"))
        text = _FAVICON.sub(f'href="{prefix}static/images/favicon.ico"', _GX_LOGO.sub(prefix + LOCAL_LOGO, text))
        page.write_text(text, encoding="utf-8")


# The Great Expectations release whose Expectation._get_domain_kwargs and _get_success_kwargs
# _read_each_configuration_once replaces with equivalents (pinned in pyproject.toml).
KWARGS_PATCHED_FOR = "1.24.1"


def _read_each_configuration_once() -> None:
    """In GX 1.24.1, Expectation.configuration builds a new ExpectationConfiguration from a pydantic
    .dict() of the expectation at every access, and _get_domain_kwargs, _get_success_kwargs and
    _get_runtime_kwargs (through _get_success_kwarg, twice a key) read it once for every key they
    look up: ~27,000 builds a release, ~0.35 of the suites' ~2.5 s over the BBC release, and ~9,000
    more for the runtime kwargs. These equivalents build it once a call. Same results (the release's
    Data Docs the same but for run times; tests/test_gx_validation.py compares the methods on every
    expectation of the suites); any other GX release keeps its own methods."""
    import great_expectations
    from great_expectations.expectations.expectation import Expectation, parse_result_format

    if great_expectations.__version__ != KWARGS_PATCHED_FOR or hasattr(Expectation, "_newswire_kwargs"):
        return

    def domain_kwargs(self, kwargs: dict | None = None) -> dict:
        kwargs = self.configuration.kwargs if kwargs is None else kwargs
        return {key: kwargs.get(key, self._get_default_value(key)) for key in self.domain_keys}

    def success_kwargs(self, kwargs: dict | None = None) -> dict:
        kwargs = self.configuration.kwargs if kwargs is None else kwargs
        found = {key: kwargs.get(key, self._get_default_value(key)) for key in self.success_keys}
        found.update(domain_kwargs(self, kwargs))
        return found

    def success_kwarg(self, kwargs: dict, key: str) -> object:  # _get_success_kwarg(key) over kwargs
        if key in kwargs:
            return kwargs[key]
        if (field := self.__fields__.get(key)) is not None:
            return field.default if not field.required else None
        return own_success_kwarg(self, key)  # not a field: GX's own, which warns

    def runtime_kwargs(self, runtime_configuration: dict | None = None) -> dict:
        runtime_configuration = runtime_configuration or {}
        kwargs = self.configuration.kwargs
        found = {key: runtime_configuration.get(key, success_kwarg(self, kwargs, key)) for key in self.runtime_keys}
        found.update(success_kwargs(self, kwargs))
        found["result_format"] = parse_result_format(found["result_format"])
        return found

    own_success_kwarg = Expectation._get_success_kwarg
    Expectation._newswire_kwargs = (Expectation._get_domain_kwargs, Expectation._get_success_kwargs,
                                    Expectation._get_runtime_kwargs)
    Expectation._get_domain_kwargs, Expectation._get_success_kwargs = domain_kwargs, success_kwargs
    Expectation._get_runtime_kwargs = runtime_kwargs


def _plain_json(value: object) -> bool:
    """Whether GX's convert_to_json_serializable would give the value back as it is: strings,
    integers, booleans, None, finite floats, and lists and string-keyed dicts of them."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is float:
        return value == value  # NaN becomes None
    if kind is list:
        return all(_plain_json(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _plain_json(item) for key, item in value.items())
    return False


def _hash_plain_ids_directly() -> None:
    """In GX 1.24.1 (KWARGS_PATCHED_FOR), each metric of each expectation run hashes its domain and
    value kwargs (IDDict.to_id) after copying them through convert_to_json_serializable, a walk that
    tries some twenty types on every value: ~13,500 ids a release, ~0.2 of the suites' ~1.2 CPU-s
    over the BBC release, in the checks that end a served run. Kwargs that are plain JSON already
    (nearly all: column names, bounds, value sets, result formats) are hashed as they are, which is
    what the copy would give; any other goes through GX's own method. The same ids
    (tests/test_gx_validation.py compares them on every metric of the suites)."""
    import great_expectations
    from great_expectations.core.id_dict import IDDict

    if great_expectations.__version__ != KWARGS_PATCHED_FOR or hasattr(IDDict, "_newswire_to_id"):
        return
    own_to_id = IDDict.to_id

    def to_id(self, id_keys=None, id_ignore_keys=None):
        if id_keys is not None or id_ignore_keys is not None or self._id_ignore_keys or len(self) < 2 \
                or not all(type(key) is str for key in self) or not _plain_json(list(self.values())):
            return own_to_id(self, id_keys, id_ignore_keys)
        # as IDDict.to_id: not used for security, a stable cache key
        return hashlib.md5(json.dumps(self, sort_keys=True).encode("utf-8"), usedforsecurity=False).hexdigest()

    IDDict._newswire_to_id = own_to_id
    IDDict.to_id = to_id


def _copy_once_when_dumping() -> None:
    """In GX 1.24.1 (KWARGS_PATCHED_FOR), dumping an expectation's configuration or result (each
    result stored, each Data Docs page) deep-copies it twice: before the dump, so that making it
    JSON-ready leaves the original alone, and again after, to drop a few keys left None. The dump
    is made from the first copy and shares nothing with the original, so the second copy is a
    top-level one here: ~0.15 of the suites' ~1.1 CPU-s over the BBC release, in the checks that end
    a served run. The same dumps (tests/test_gx_validation.py compares them on every dump of the
    suites)."""
    import great_expectations
    from great_expectations.core.expectation_validation_result import ExpectationValidationResultSchema
    from great_expectations.expectations.expectation_configuration import ExpectationConfigurationSchema

    if great_expectations.__version__ != KWARGS_PATCHED_FOR or hasattr(ExpectationConfigurationSchema,
                                                                       "_newswire_clean_null_attrs"):
        return
    dropped = tuple(ExpectationConfigurationSchema.REMOVE_KEYS_IF_NONE)  # both schemas drop these

    def clean_null_attrs(self, data: dict, **kwargs: dict) -> dict:
        return {key: value for key, value in data.items() if value is not None or key not in dropped}

    for schema in (ExpectationConfigurationSchema, ExpectationValidationResultSchema):
        schema._newswire_clean_null_attrs = schema.clean_null_attrs
        schema.clean_null_attrs = clean_null_attrs


def _compile_templates_once() -> None:
    """GX's Data Docs views each make a Jinja environment of their own, so every build parses and
    compiles the same page templates again, ~50 compilations a release (~0.12 of the ~0.47 s that
    building the BBC release's Data Docs takes, every run). One in-memory bytecode cache shared by
    every view's environment (Jinja's own mechanism: it checks each template's source against the
    code it holds) compiles each template once a process. The same pages."""
    import jinja2
    from great_expectations.render.view.view import DefaultJinjaView

    if hasattr(DefaultJinjaView, "_newswire_init"):
        return

    class CompiledTemplates(jinja2.BytecodeCache):
        def __init__(self) -> None:
            self.code: dict[str, bytes] = {}

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if (code := self.code.get(bucket.key)) is not None:
                bucket.bytecode_from_string(code)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            self.code[bucket.key] = bucket.bytecode_to_string()

    compiled = CompiledTemplates()
    init = DefaultJinjaView.__init__

    def sharing_compiled_templates(self, *args, **kwargs) -> None:
        init(self, *args, **kwargs)
        if isinstance(getattr(self, "env", None), jinja2.Environment):
            self.env.bytecode_cache = compiled

    DefaultJinjaView._newswire_init = init
    DefaultJinjaView.__init__ = sharing_compiled_templates


def validate_release(release_dir: Path, previous_dir: Path | None, docs_dir: Path,
                     arrival: Arrival | None = None) -> ValidationReport:
    """Run one suite per table of the release; Data Docs go to docs_dir (no default: a published
    release is never written into, so the caller says where). arrival: the tables are still being
    staged, and each is checked as it comes (tables_in_turn), in the context prepare_next_checks made
    for this previous release when there is one."""
    _patch_gx()
    release_dir = Path(release_dir)
    # GX wants an absolute base_directory for a filesystem site.
    docs_dir = Path(docs_dir).resolve()
    expected = expected_tables(release_dir, arrival)
    prepared = _take_prepared(previous_dir, expected) if arrival is not None else None
    try:
        return _validate(release_dir, previous_dir, docs_dir, arrival, expected, prepared)
    finally:
        if prepared is not None:
            prepared.discard()


def _validate(release_dir: Path, previous_dir: Path | None, docs_dir: Path, arrival: Arrival | None,
              expected: list[str], prepared: PreparedChecks | None) -> ValidationReport:
    if prepared is not None:
        suites, site = prepared.suites, prepared.site
    else:
        context, site = _context(docs_dir), docs_dir
        suites = SuitesAhead(context, _batch_definitions(context, expected))
    context = suites.context
    outcomes: dict[str, list[ExpectationOutcome]] = {}
    docs = DocsAhead(context)
    tables: dict[str, pd.DataFrame] = {}
    for table, tables in tables_in_turn(release_dir, arrival, meanwhile=docs.build_waiting):
        df = tables[table]
        key = TABLES[table].key
        checks = derived_checks(table, tables)
        batch_df = df.assign(**{column: series for column, (_, series, _) in checks.items()}) if checks else df
        definition, added_now = suites.definition(table, _labelled(build_rules(table, tables, previous_dir, checks)))
        # run without a Checkpoint: it would add nothing (no actions) but serialise and compare every
        # definition and suite with its store copy again (~0.4 s of CPU a release); the results are
        # stored for Data Docs all the same
        result = definition.run(batch_parameters={"dataframe": batch_df}, result_format=PASS_FORMAT)
        if not result.success:  # the failing rows' keys and value counts, for the CLI and Data Docs
            _forget_results(context, table)
            result = definition.run(batch_parameters={"dataframe": batch_df},
                                    result_format={**FAILURE_FORMAT, "unexpected_index_column_names": [key]})
        docs.ran(table, result, suite_page=added_now)
        outcomes[table] = []
        for item in result.results:
            config = item.expectation_config
            meta = config.meta or {}
            outcomes[table].append(ExpectationOutcome(
                name=meta.get("newswire_rule", config.type), expectation=config.type,
                success=bool(item.success), observed=_observed(item.result or {}, config.kwargs, key),
                severity=meta.get("newswire_severity", INTEGRITY)))
    if arrival is not None:  # the run may have found its tables are the latest release's meanwhile
        given_up(release_dir)
    index = docs.finish()
    make_offline(site)  # first: it points the logo at a local image that pruning must keep
    _prune_unused_images(site)
    if site != docs_dir:
        shutil.copytree(site, docs_dir, dirs_exist_ok=True)
    docs_index = docs_dir / "index.html"
    return ValidationReport(release=release_dir, tables={t: outcomes[t] for t in TABLES if t in outcomes},
                            skipped=[t for t in TABLES if t not in tables],
                            docs_index=docs_index if index and docs_index.exists() else None)


def failure_lines(report: ValidationReport, severity: str | None = None) -> list[str]:
    return [f"{table}: {o.name} ({o.observed})" if o.observed else f"{table}: {o.name}"
            for table, o in report.failures(severity)]


def warn_of_waived(entry: Mapping) -> None:
    """Log the drift rules a manifest entry of check_staged records as waived by --accept-drift."""
    if waived := entry.get("accepted_drift", {}).get("waived"):
        log.warning("--accept-drift: %d drift rule(s) waived and recorded in the manifest: %s",
                    len(waived), "; ".join(waived))


def check_staged(staging_dir: Path, previous_dir: Path | None, accept_drift: bool = False, warn: bool = True,
                 arrival: Arrival | None = None) -> dict:
    """The publish() hook: validate the staged release, Data Docs into <staging>/validation/
    (arrival: its tables are still being staged, newswire.release.StagedAhead).

    Returns the manifest's validation entry; raises ReleaseBlocked naming every failed
    expectation that blocks: integrity failures always, drift failures unless accept_drift (then
    they are recorded in the entry as waived, and logged unless not warn). The staging folder is
    deleted when blocked, so its Data Docs are copied to <releases>/.blocked/<stamp>/ first.
    """
    staging_dir = Path(staging_dir)
    report = validate_release(staging_dir, previous_dir, staging_dir / DOCS_FOLDER, arrival)
    if report.passes(accept_drift):
        entry = {"outcome": "passed", "great_expectations": report.summary(), "data_docs": f"{DOCS_FOLDER}/index.html"}
        if accept_drift:
            waived = failure_lines(report, DRIFT)
            entry["accepted_drift"] = {"waived": waived}
            if waived:
                entry["outcome"] = "passed with accepted drift"
        if warn:
            warn_of_waived(entry)
        return entry
    kept = blocked_docs_dir(staging_dir)
    if report.docs_index is not None:
        shutil.copytree(staging_dir / DOCS_FOLDER, kept, dirs_exist_ok=True)
    integrity_lines, drift_lines = failure_lines(report, INTEGRITY), [] if accept_drift else failure_lines(report, DRIFT)
    lines = integrity_lines + drift_lines
    advice = ""
    if drift_lines and not integrity_lines:
        advice = ("\nOnly drift rules failed (changes against the previous release or usual coverage). If the input "
                  "really changed (files removed, a re-scoped corpus), run again with --accept-drift: the release is "
                  "published and the waived rules are recorded in its manifest.")
    raise ReleaseBlocked(f"Great Expectations blocked the release: {len(lines)} expectation(s) failed:\n  "
                         + "\n  ".join(lines) + (f"\nData Docs: {kept / 'index.html'}" if report.docs_index else "")
                         + advice)


__all__ = ["DRIFT", "INTEGRITY", "ExpectationOutcome", "ValidationReport", "check_staged", "derived_checks", "failure_lines", "load_tables",
           "expected_tables", "tables_in_turn", "tables_read_by", "validate_release", "warn_of_waived"]
