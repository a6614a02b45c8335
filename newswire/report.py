"""A release -> report/index.html: one static page that shows what the release holds.

The page is self-contained: charts are Altair specifications rendered to SVG by vl-convert
(no browser, no network) and inlined, the stylesheet is inline, and there is no script. Every
value taken from the data is cleaned (control characters shown as U+FFFD, long values cut),
HTML-escaped and isolated with <bdi>, so article text can neither run code nor reorder the page.

Sections on events appear when the release has an `events` table (and `event_mentions` for
their sources); every section says so when its table is missing or empty.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newswire.release import MANIFEST, Arrival, arrivals, given_up, read_arrow_table
from newswire.text import stable_hash

if TYPE_CHECKING:
    from newswire.diff import TableDiff

REPORT_FOLDER = "report"
REPORT_FILE = "index.html"
# Relative to the report page: where publish() keeps the Great Expectations Data Docs.
DATA_DOCS_LINK = "../validation/index.html"
UNKNOWN_OUTLET = "(outlet unknown)"
# Enough rows to see the shape of a release without scrolling through it.
TOP_ROWS = 15
QUARANTINE_ROWS = 50
# A table cell or chart label longer than this is cut: one 100 KB line must not swamp the page.
MAX_CELL_CHARS = 280
MAX_LABEL_CHARS = 40
CHART_WIDTH = 560
_VL_GRADIENT_ID = re.compile(r'(id="|url\(#)gradient_(\d+)')  # where it defines one, where it uses one

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1f2328}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2.2rem}
.meta{color:#57606a}nav a{margin-right:.8rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top;max-width:38rem;overflow-wrap:anywhere}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.empty{color:#57606a;font-style:italic}.chart{margin:.6rem 0;overflow-x:auto}
.ok{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}
"""


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    body: str


# --- values into HTML ---------------------------------------------------------------------------

def clean_text(value: object, limit: int = MAX_CELL_CHARS) -> str:
    """Any value -> printable text: control characters as U+FFFD, cut to limit characters."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, (list, tuple, np.ndarray)):
        text = ", ".join(clean_text(item, limit) for item in value)
    elif isinstance(value, pd.Timestamp):
        text = value.isoformat()
    elif isinstance(value, float):
        text = f"{value:.2f}"
    else:
        text = str(value)
    # Newlines and tabs too: a cell or a chart label is one line.
    text = "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# Format characters (bidi controls: an SVG label has no <bdi>) and noncharacters such as U+FFFF,
# which are not XML: vl-convert's SVG parser aborts the whole process on them.
_DROPPED_FROM_LABELS = {"Cf", "Cn", "Cs", "Co"}


def chart_label(value: object) -> str:
    """A chart label: cleaned, short, only characters an SVG text node may hold."""
    text = clean_text(value, MAX_LABEL_CHARS)
    return "".join(char for char in text if unicodedata.category(char) not in _DROPPED_FROM_LABELS) or "(empty)"


def cell(value: object) -> str:
    text = clean_text(value)
    return f"<bdi>{html.escape(text)}</bdi>" if text else ""


def html_table(df: pd.DataFrame, columns: Mapping[str, str], numeric: Iterable[str] = ()) -> str:
    """columns maps a DataFrame column to its header; numeric columns are right-aligned."""
    if df.empty:
        return '<p class="empty">No rows.</p>'
    numeric = set(numeric)
    head = "".join(f"<th>{html.escape(header)}</th>" for header in columns.values())
    rows = []
    for record in df[list(columns)].itertuples(index=False):
        cells = "".join(f'<td class="n">{cell(v)}</td>' if c in numeric else f"<td>{cell(v)}</td>"
                        for c, v in zip(columns, record))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def empty(message: str) -> str:
    return f'<p class="empty">{html.escape(message)}</p>'


def lacking(table: str, df: pd.DataFrame, columns: Iterable[str]) -> str | None:
    """A note when a table (of an older or newer release) lacks columns a section needs."""
    missing = [column for column in columns if column not in df]
    return empty(f"The {table} table of this release has no column {', '.join(missing)}.") if missing else None


# --- charts -------------------------------------------------------------------------------------

def render_svg(chart: object) -> str:
    """An Altair chart -> inline SVG (vl-convert renders it without a browser or the network)."""
    import vl_convert

    spec = chart.to_json()
    return f'<div class="chart" role="img">{_ids_of_the_chart(vl_convert.vegalite_to_svg(spec), spec)}</div>'


def _ids_of_the_chart(svg: str, spec: str) -> str:
    """vl-convert numbers the gradients it defines by how many it drew before in the process, so the
    same chart's SVG differs with what the process drew earlier (serve's painter draws every served
    run's report: newswire.report_painter). Named after the chart's specification instead: the same
    in every process, and distinct between the charts of one page."""
    chart_id = stable_hash("chart", spec, length=12)
    numbers = dict.fromkeys(number for _, number in _VL_GRADIENT_ID.findall(svg))
    renamed = {number: f"chart-{chart_id}-gradient-{index}" for index, number in enumerate(numbers)}
    return _VL_GRADIENT_ID.sub(lambda match: match.group(1) + renamed[match.group(2)], svg)


def bar_chart(df: pd.DataFrame, label: str, value: str, title: str) -> str:
    """Horizontal bars, longest first; labels cleaned (vl-convert aborts the process on control characters)."""
    import altair as alt

    data = pd.DataFrame({"label": df[label].map(chart_label), "value": df[value].astype(int)})
    chart = alt.Chart(data, title=title, width=CHART_WIDTH).mark_bar(color="#4c78a8").encode(
        x=alt.X("value:Q", title=None), y=alt.Y("label:N", sort="-x", title=None),
        tooltip=["label", "value"])
    return render_svg(chart)


def time_chart(df: pd.DataFrame, date: str, series: str | None, title: str) -> str:
    """Counts per day, stacked by series when given."""
    import altair as alt

    data = pd.DataFrame({"day": df[date].dt.strftime("%Y-%m-%d")})
    # No label limit: a day's label (ten characters) never reaches Vega's default one, and checking
    # each label against it took half of vl-convert's time on the events' charts (~0.07 of 0.15 s a
    # chart over the BBC release, at the end of a served run), for the very same SVG
    encoding = {"x": alt.X("day:O", title=None, axis=alt.Axis(labelLimit=0)), "y": alt.Y("count():Q", title="count")}
    if series is not None:
        data["series"] = df[series].map(chart_label).to_numpy()
        encoding["color"] = alt.Color("series:N", title=series)
    chart = alt.Chart(data, title=title, width=CHART_WIDTH).mark_bar().encode(**encoding)
    return render_svg(chart)


def heatmap(df: pd.DataFrame, row: str, column: str, value: str, title: str) -> str:
    import altair as alt

    data = pd.DataFrame({"row": df[row].map(chart_label), "column": df[column].map(chart_label),
                         "value": df[value].astype(int)})
    chart = alt.Chart(data, title=title).mark_rect().encode(
        x=alt.X("column:N", title=None, axis=alt.Axis(labelAngle=-30)), y=alt.Y("row:N", title=None),
        color=alt.Color("value:Q", title="quotes", scale=alt.Scale(scheme="blues")))
    text = alt.Chart(data).mark_text(fontSize=10).encode(x="column:N", y="row:N", text="value:Q")
    return render_svg(chart + text)


# --- reading the release --------------------------------------------------------------------------

def load_tables(release_dir: Path, read: Mapping[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """Every Parquet table of the release, whether or not this code's schemas define it (read: those
    already read, as draw reads them while they are staged)."""
    read = read or {}
    return {path.stem: read[path.stem] if path.stem in read else pd.read_parquet(path)
            for path in sorted(release_dir.glob("*.parquet"))}


def row_counts(release_dir: Path | None) -> dict[str, int]:
    if release_dir is None:
        return {}
    return {path.stem: pq.read_metadata(path).num_rows for path in sorted(release_dir.glob("*.parquet"))}


def article_outlets(articles: pd.DataFrame) -> pd.Series:
    """Outlet per article_id; articles without a known outlet (or releases before the column) get a placeholder."""
    if "outlet" in articles:
        outlets = articles["outlet"].where(articles["outlet"].notna() & (articles["outlet"] != ""), UNKNOWN_OUTLET)
    else:
        outlets = pd.Series(UNKNOWN_OUTLET, index=articles.index)
    return pd.Series(outlets.to_numpy(), index=articles["article_id"].to_numpy())


def canonical(articles: pd.DataFrame) -> pd.DataFrame:
    return articles[articles["duplicate_of"].isna()] if "duplicate_of" in articles else articles


# --- sections -------------------------------------------------------------------------------------

def counts_section(release_dir: Path, tables: Mapping[str, pd.DataFrame], previous_dir: Path | None,
                   diffs: Mapping[str, TableDiff] | None = None) -> Section:
    """Rows per table; against the previous release, rows added, removed and changed (matched on
    key): diffs, when they were made as the tables were staged (draw)."""
    from newswire.diff import diff_releases

    previous = row_counts(previous_dir)
    names = list(tables) + sorted(set(previous) - set(tables))
    rows = pd.DataFrame({"table": names, "rows": [len(tables[name]) if name in tables else 0 for name in names]})
    columns = {"table": "table", "rows": "rows"}
    if previous_dir is not None:
        diffs = diffs if diffs is not None else diff_releases(previous_dir, release_dir, tables)  # the tables read once
        rows["previous"] = [previous.get(name, 0) for name in names]
        for what in ("added", "removed", "changed"):
            rows[what] = [len(getattr(diffs[name], what)) if name in diffs else 0 for name in names]
        columns |= {"previous": "previous release", "added": "added", "removed": "removed", "changed": "changed"}
        where = f"Previous release: <bdi>{html.escape(previous_dir.name)}</bdi>. Rows are matched on each table's key."
    else:
        where = "No previous release: this is the first."
    body = f"<p>{where}</p>" + html_table(rows, columns, numeric=set(columns) - {"table"})
    return Section("tables", "Tables and changes since the previous release", body)


def articles_section(tables: Mapping[str, pd.DataFrame]) -> Section:
    articles = tables.get("articles")
    if articles is None or articles.empty:
        return Section("articles", "Articles per outlet and per day", empty("No articles in this release."))
    kept = canonical(articles)
    outlets = article_outlets(kept)
    per_outlet = outlets.value_counts().rename_axis("outlet").reset_index(name="articles")
    body = (f"<p>{len(kept)} articles ({len(articles) - len(kept)} duplicates not counted).</p>"
            + bar_chart(per_outlet.head(TOP_ROWS), "outlet", "articles", "Articles per outlet")
            + html_table(per_outlet.head(TOP_ROWS), {"outlet": "outlet", "articles": "articles"}, numeric=("articles",)))
    dated = kept[kept["published"].notna()] if "published" in kept else kept.iloc[0:0]
    if dated.empty:
        body += empty("No article states a publication date.")
    else:
        body += time_chart(dated, "published", None, "Articles per day (publication date, UTC)")
        if missing := len(kept) - len(dated):
            body += f"<p>{missing} article(s) state no publication date.</p>"
    return Section("articles", "Articles per outlet and per day", body)


def actors_section(tables: Mapping[str, pd.DataFrame]) -> Section:
    actors = tables.get("actors")
    if actors is None or actors.empty:
        return Section("actors", "Top actors", empty("No actors in this release."))
    if note := lacking("actors", actors, ("name", "type", "mention_count", "article_count")):
        return Section("actors", "Top actors", note)
    by_mentions = actors.sort_values(["mention_count", "name"], ascending=[False, True]).head(TOP_ROWS)
    by_articles = actors.sort_values(["article_count", "name"], ascending=[False, True]).head(TOP_ROWS)
    columns = {"name": "actor", "type": "type", "mention_count": "mentions", "article_count": "articles"}
    body = (bar_chart(by_mentions, "name", "mention_count", "Actors by mentions")
            + html_table(by_mentions, columns, numeric=("mention_count", "article_count"))
            + bar_chart(by_articles, "name", "article_count", "Actors by articles mentioning them")
            + html_table(by_articles, columns, numeric=("mention_count", "article_count")))
    return Section("actors", "Top actors", body)


def speakers_section(tables: Mapping[str, pd.DataFrame]) -> Section:
    quotes, articles = tables.get("quotes"), tables.get("articles")
    title = "Who is quoted by which outlet"
    if quotes is None or articles is None:
        return Section("speakers", title, empty("This release has no quotes table."))
    if note := lacking("quotes", quotes, ("article_id", "speaker")):
        return Section("speakers", title, note)
    named = quotes[quotes["speaker"].fillna("") != ""]
    if named.empty:
        return Section("speakers", title, empty("No quote with a named speaker in this release."))
    named = named.assign(outlet=named["article_id"].map(article_outlets(articles)).fillna(UNKNOWN_OUTLET))
    top_speakers = named["speaker"].value_counts().head(TOP_ROWS).index
    pairs = (named[named["speaker"].isin(top_speakers)].groupby(["speaker", "outlet"]).size()
             .reset_index(name="quotes").sort_values(["quotes", "speaker", "outlet"], ascending=[False, True, True]))
    body = ("<p>Quotes per speaker (the most quoted) and outlet.</p>"
            + heatmap(pairs, "speaker", "outlet", "quotes", "Quotes by speaker and outlet")
            + html_table(pairs, {"speaker": "speaker", "outlet": "outlet", "quotes": "quotes"}, numeric=("quotes",)))
    return Section("speakers", title, body)


def statements_section(tables: Mapping[str, pd.DataFrame]) -> Section:
    clusters, quotes, articles = tables.get("quote_clusters"), tables.get("quotes"), tables.get("articles")
    title = "Statements carried by the most outlets"
    if clusters is None or quotes is None or articles is None or clusters.empty:
        return Section("statements", title, empty("No quote clusters in this release."))
    if note := lacking("quote_clusters", clusters, ("cluster_id", "speaker", "text", "kind", "article_count")):
        return Section("statements", title, note)
    outlets = quotes.assign(outlet=quotes["article_id"].map(article_outlets(articles)))
    known = outlets[outlets["outlet"].notna() & (outlets["outlet"] != UNKNOWN_OUTLET)]
    per_cluster = known.groupby("cluster_id")["outlet"].agg(lambda values: sorted(set(values)))
    table = clusters.assign(outlets=clusters["cluster_id"].map(per_cluster).map(lambda v: v if isinstance(v, list) else []))
    table["outlet_count"] = table["outlets"].map(len)
    table = table.sort_values(["outlet_count", "article_count", "cluster_id"], ascending=[False, False, True]).head(TOP_ROWS)
    body = html_table(table, {"speaker": "speaker", "text": "statement (longest form)", "kind": "kind",
                              "outlet_count": "outlets", "article_count": "articles", "outlets": "outlet names"},
                      numeric=("outlet_count", "article_count"))
    return Section("statements", title, body)


def event_date(events: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(events["date"], errors="coerce", utc=True)


def events_sections(tables: Mapping[str, pd.DataFrame]) -> list[Section]:
    events = tables.get("events")
    if events is None:
        return []
    if events.empty:
        return [Section("events", "Events", empty("The events table of this release is empty."))]
    needed = ("event_id", "date", "plover_type", "quad_class", "source_actor_id", "target_actor_id", "num_articles",
              "num_sources")
    if note := lacking("events", events, needed):
        return [Section("events", "Events", note)]
    dated = events.assign(day=event_date(events))
    dated = dated[dated["day"].notna()]
    if dated.empty:
        over_time = empty("No event has a date.")
    else:
        over_time = (time_chart(dated, "day", "plover_type", "Events per day by PLOVER type")
                     + time_chart(dated.assign(quad_class=dated["quad_class"].astype(str)), "day", "quad_class",
                                  "Events per day by quad class"))
    undated = len(events) - len(dated)
    if undated:
        over_time += f"<p>{undated} event(s) without a date are not plotted.</p>"
    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"])) if "actors" in tables else {}
    top = events.sort_values(["num_sources", "num_articles", "event_id"], ascending=[False, False, True]).head(TOP_ROWS)
    top = top.assign(source_actor=top["source_actor_id"].map(names), target_actor=top["target_actor_id"].map(names),
                     sources=top["event_id"].map(event_sources(tables, top["event_id"])))
    most = html_table(top, {"date": "date", "plover_type": "PLOVER type", "quad_class": "quad class",
                            "source_actor": "source actor", "target_actor": "target actor",
                            "num_articles": "articles", "num_sources": "sources", "sources": "reported by"},
                      numeric=("num_articles", "num_sources"))
    return [Section("events", "Events over time", over_time),
            Section("top-events", "Most reported events and their sources", most)]


def event_sources(tables: Mapping[str, pd.DataFrame], event_ids: Iterable[str]) -> Mapping[str, list[str]]:
    """event_id -> outlets (or source files where the outlet is unknown) of the articles mentioning
    it, for the given events (the report lists a few; grouping every event's costs ~0.3 s a release)."""
    mentions, articles = tables.get("event_mentions"), tables.get("articles")
    if mentions is None or articles is None or mentions.empty or lacking("event_mentions", mentions, ("event_id", "article_id")):
        return {}
    mentions = mentions[mentions["event_id"].isin(set(event_ids))]
    outlets = article_outlets(articles)
    files = pd.Series(articles["source"].to_numpy(), index=articles["article_id"].to_numpy())
    named = mentions["article_id"].map(outlets)
    named = named.where(named != UNKNOWN_OUTLET, mentions["article_id"].map(files))
    return mentions.assign(by=named).dropna(subset=["by"]).groupby("event_id")["by"].agg(lambda v: sorted(set(v))).to_dict()


def validation_section(manifest: Mapping, release_dir: Path) -> Section:
    validation = manifest.get("validation", {})
    outcome = validation.get("outcome")
    parts = []
    if outcome is None:
        parts.append(empty("This release was not checked by the Great Expectations suites."))
    else:
        css = "ok" if outcome == "passed" else "fail"
        parts.append(f'<p>Great Expectations: <span class="{css}">{html.escape(str(outcome))}</span>.</p>')
    suites = validation.get("great_expectations", {})
    if suites:
        rows = pd.DataFrame([{"table": table, "passed": sum(map(bool, rules.values())), "failed": sum(not v for v in rules.values()),
                              "failures": [name for name, ok in rules.items() if not ok]}
                             for table, rules in suites.items()])
        parts.append(html_table(rows, {"table": "table", "passed": "expectations passed", "failed": "failed",
                                       "failures": "failed expectations"}, numeric=("passed", "failed")))
    pandera = validation.get("pandera", {})
    if pandera:
        rows = pd.DataFrame([{"table": table, **facts} for table, facts in pandera.items()])
        parts.append("<p>pandera (row by row, before publishing; failing rows go to the quarantine):</p>"
                     + html_table(rows, {"table": "table", "rows_in": "rows in", "rows_out": "rows published",
                                         "quarantined": "quarantined"}, numeric=("rows_in", "rows_out", "quarantined")))
    if (release_dir / "validation" / "index.html").exists():
        parts.append(f'<p><a href="{DATA_DOCS_LINK}">Data Docs: every expectation and its observed value</a></p>')
    return Section("validation", "Validation", "".join(parts))


def quarantine_section(tables: Mapping[str, pd.DataFrame]) -> Section:
    quarantine = tables.get("quarantine")
    if quarantine is None or quarantine.empty:
        return Section("quarantine", "Quarantine", empty("Nothing was quarantined."))
    if note := lacking("quarantine", quarantine, ("stage", "source", "table", "reason", "detail")):
        return Section("quarantine", "Quarantine", note)
    reasons = quarantine.groupby(["stage", "reason"]).size().reset_index(name="rows").sort_values(
        ["rows", "stage", "reason"], ascending=[False, True, True])
    shown = quarantine.sort_values(["stage", "reason", "source"]).head(QUARANTINE_ROWS)
    body = (html_table(reasons, {"stage": "stage", "reason": "reason", "rows": "rows"}, numeric=("rows",))
            + html_table(shown, {"stage": "stage", "source": "source", "table": "table", "reason": "reason",
                                 "detail": "detail"}))
    if len(quarantine) > QUARANTINE_ROWS:
        body += f"<p>First {QUARANTINE_ROWS} of {len(quarantine)} rows; all are in quarantine.parquet.</p>"
    return Section("quarantine", "Quarantine", body)


# --- the page -------------------------------------------------------------------------------------

SECTION_BUILDERS: list[Callable[[Mapping[str, pd.DataFrame]], Section]] = [
    articles_section, actors_section, speakers_section, statements_section]
# The tables each section reads (tests/test_staged_ahead.py checks them): a report drawn while its
# tables are staged draws each section once these are there.
SECTION_TABLES: dict[Callable[[Mapping[str, pd.DataFrame]], Section | list[Section]], frozenset[str]] = {
    articles_section: frozenset({"articles"}),
    actors_section: frozenset({"actors"}),
    speakers_section: frozenset({"quotes", "articles"}),
    statements_section: frozenset({"quote_clusters", "quotes", "articles"}),
    events_sections: frozenset({"events", "event_mentions", "actors", "articles"}),
    quarantine_section: frozenset({"quarantine"}),
}


@dataclass(frozen=True)
class Drawing:
    """The report's sections drawn from the tables, without the validation section: the tables,
    the charts and the diff are what costs (~1.4-2 s on the BBC release), and they can be drawn
    while the Great Expectations suites still run on the staged release (newswire.release)."""
    tables: tuple[str, ...]
    before_validation: list[Section]
    after_validation: list[Section]


def draw(release_dir: Path, previous_dir: Path | None, arrival: Arrival | None = None) -> Drawing:
    """The report's sections of release_dir. arrival: its tables are still being staged
    (newswire.release.StagedAhead): each is read and compared with the previous release's as it
    comes, and each section drawn once the tables it reads are there (SECTION_TABLES), while
    corpus resolution makes the rest."""
    from newswire.diff import diff_arrow_tables, diff_releases, diff_table

    release_dir = Path(release_dir)
    compared = arrival is not None and previous_dir is not None
    earlier = {path.stem: path for path in previous_dir.glob("*.parquet")} if compared else {}
    earlier_read: dict[str, pa.Table] = {}
    read: dict[str, pd.DataFrame] = {}
    diffs = {}
    drawn: dict[Callable, Section | list[Section]] = {}
    for staged in arrivals(release_dir, arrival) if arrival is not None else []:
        for table in staged:
            read[table] = pd.read_parquet(release_dir / f"{table}.parquet")  # as load_tables reads them
            if compared:  # in Arrow, from the files (newswire.diff.diff_arrow_tables)
                previous = earlier_read.pop(table) if table in earlier_read else \
                    read_arrow_table(earlier[table]) if table in earlier else None
                diffs[table] = diff_table(table, None, read[table]) if previous is None else \
                    diff_arrow_tables(table, previous, read_arrow_table(release_dir / f"{table}.parquet"))
        for build, needs in SECTION_TABLES.items():
            if build not in drawn and needs <= read.keys():
                drawn[build] = build(read)
        # the previous release's tables still to come, read while corpus resolution makes them (the
        # first tables come at once, the actors ~2 s later): ~0.13 s less once they are all there
        for table in earlier.keys() - read.keys() - earlier_read.keys() if compared else ():
            earlier_read[table] = read_arrow_table(earlier[table])
    tables = load_tables(release_dir, read)
    for build in SECTION_TABLES:
        if build not in drawn:
            if arrival is not None:
                given_up(release_dir)
            drawn[build] = build(tables)
    if arrival is not None:
        given_up(release_dir)
    all_diffs = diff_releases(previous_dir, release_dir, tables, diffs) if previous_dir is not None else None
    sections = [counts_section(release_dir, tables, previous_dir, all_diffs)]
    sections += [drawn[build] for build in SECTION_BUILDERS]
    sections += drawn[events_sections]
    return Drawing(tuple(tables), sections, [drawn[quarantine_section]])


def render_report(release_dir: Path, previous_dir: Path | None, drawing: Drawing | None = None) -> str:
    """The page of release_dir; drawing: its sections drawn earlier by draw(release_dir, previous_dir)."""
    release_dir = Path(release_dir)
    drawing = drawing if drawing is not None else draw(release_dir, previous_dir)
    manifest = json.loads((release_dir / MANIFEST).read_text(encoding="utf-8")) if (release_dir / MANIFEST).exists() else {}
    sections = [*drawing.before_validation, validation_section(manifest, release_dir), *drawing.after_validation]
    version = manifest.get("version") or release_dir.name
    code = manifest.get("code_version", {})
    created = manifest.get("created") or datetime.now(timezone.utc).isoformat(timespec="seconds")
    meta = (f"Created {html.escape(str(created))}; code {html.escape(str(code.get('package', '?')))}"
            + (f", commit {html.escape(str(code['git_commit'])[:12])}" if code.get("git_commit") else "")
            + f". Tables: {', '.join(html.escape(name) for name in drawing.tables) or 'none'}."
            + (' <a href="../README.md">Dataset card</a> (what, how, licence, measured quality).'
               if (release_dir / "README.md").exists() else ""))
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections)
    body = "".join(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>{s.body}</section>' for s in sections)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            # No request may leave the page: images and styles only from the page itself.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:\">"
            f"<title>newswire release {html.escape(version)}</title><style>{STYLE}</style></head><body>"
            f"<h1>newswire release <bdi>{html.escape(version)}</bdi></h1><p class=\"meta\">{meta}</p>"
            f"<nav>{nav}</nav>{body}</body></html>\n")


def write_report(release_dir: Path, previous_dir: Path | None, out_dir: Path | None = None,
                 drawing: Drawing | None = None) -> Path:
    """Write the report of release_dir (compared with previous_dir) to out_dir (default <release>/report/)."""
    out_dir = Path(out_dir) if out_dir is not None else Path(release_dir) / REPORT_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / REPORT_FILE
    path.write_text(render_report(Path(release_dir), previous_dir, drawing), encoding="utf-8")
    return path


__all__ = ["REPORT_FOLDER", "Drawing", "clean_text", "draw", "render_report", "write_report"]
