"""Great Expectations suites over tiny releases: one good, one broken in known ways, one shrunk.

GX runs cost ≈ 2 s each, so releases are built and validated once per module and the tests
read the shared reports. The tables of later work (actors, mentions) are registered here with
small stand-in models to show the suites handle them generically.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing.pandas import Series

import schemas
from newswire import gx_validation
from newswire.cli import main
from newswire.gx_validation import check_staged, derived_checks, validate_release
from newswire.release import BLOCKED_FOLDER, latest_release, publish, read_manifest, read_table, write_table
from newswire.tables import frame
from newswire.validation import ReleaseBlocked
from schemas._base import TableModel


class Actors(TableModel):
    actor_id: Series[str] = pa.Field(unique=True)
    name: Series[str] = pa.Field()
    type: Series[str] = pa.Field(isin=["person", "organisation", "country"])
    country: Series[str] = pa.Field(nullable=True)


class Mentions(TableModel):
    mention_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str] = pa.Field()
    actor_id: Series[str] = pa.Field()
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=0)
    kind: Series[str] = pa.Field(isin=["name", "pronoun"])


TEXTS = ["Joe Biden spoke in Kyiv.", "NATO replied to Moscow on Wednesday.", "Quiet day.", "Joe Biden spoke in Kyiv."]


def _hex(*parts: str, length: int = 16) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:length]


def article(i: int, duplicate_of: str | None = None) -> dict:
    text = TEXTS[i]
    return {
        "article_id": _hex("article", str(i)), "content_hash": _hex("content", str(i), length=64),
        "source": f"{i:03}.txt", "outlet": "AP", "url": None, "file_hash": _hex("file", str(i), length=64),
        "size": 100 + i,
        "encoding": "utf-8", "encoding_confidence": 1.0, "decode_note": None, "format": "text", "title": f"Title {i}", "kicker": None, "standfirst": None,
        "byline": None, "published": pd.Timestamp("2022-01-27T12:00:00Z").as_unit("us"), "published_tz": None,
        "published_text": "January 27, 2022", "dateline": "", "credits": ["AP"], "subheadings": [],
        "language": "en", "text": text, "word_count": len(text.split()),
        "duplicate_of": duplicate_of, "similarity": 1.0 if duplicate_of else None,
    }


def good_tables() -> dict[str, pd.DataFrame]:
    articles = [article(0), article(1), article(2), article(3, duplicate_of=_hex("article", "0"))]
    ids = [a["article_id"] for a in articles]
    boilerplate = [{"boilerplate_id": _hex("bp", str(n)), "article_id": ids[n % 3], "line_number": n,
                    "start": 10 * n, "end": 10 * n + 8, "text": "Advert", "kind": "promo", "reason": "promo line"}
                   for n in range(4)]
    actors = [{"actor_id": "biden", "name": "Joe Biden", "type": "person", "country": "USA"},
              {"actor_id": "nato", "name": "NATO", "type": "organisation", "country": None}]
    mentions = [{"mention_id": "m1", "article_id": ids[0], "actor_id": "biden", "text": "Joe Biden", "start": 0,
                 "end": 9, "kind": "name"},
                {"mention_id": "m2", "article_id": ids[1], "actor_id": "nato", "text": "NATO", "start": 0,
                 "end": 4, "kind": "name"},
                # end == len(text) is inside: offsets are end-exclusive.
                {"mention_id": "m3", "article_id": ids[1], "actor_id": "nato", "text": "Wednesday.", "start": 26,
                 "end": len(TEXTS[1]), "kind": "name"}]
    return {"articles": frame("articles", articles), "boilerplate": frame("boilerplate", boilerplate),
            "quarantine": frame("quarantine", []), "actors": frame("actors", actors),
            "mentions": frame("mentions", mentions)}


@pytest.fixture(scope="module", autouse=True)
def later_tables():
    """Register actors and mentions as the later work will (TABLES is read at call time)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(schemas.TABLES, "actors", schemas.TableSpec(Actors, "0.1", "actor_id"))
        patch.setitem(schemas.TABLES, "mentions", schemas.TableSpec(Mentions, "0.1", "mention_id"))
        # these four articles stand in for a corpus large enough for the coverage floors
        patch.setattr(gx_validation, "MIN_ARTICLES_FOR_COVERAGE_FLOORS", 1)
        patch.setattr(gx_validation, "MIN_ROWS_FOR_SHARE_DRIFT", 1)
        yield


@pytest.fixture(scope="module")
def good_release(tmp_path_factory) -> Path:
    """Published through publish(check_staged=...): docs and manifest entry come from the hook."""
    out = tmp_path_factory.mktemp("good") / "processed"
    result = publish(good_tables(), out, {}, check_staged=check_staged)
    return result.path


@pytest.fixture(scope="module")
def broken_report(tmp_path_factory):
    """A release with one known fault per rule family; validated once."""
    release = tmp_path_factory.mktemp("broken")
    tables = good_tables()
    boilerplate = tables["boilerplate"]
    boilerplate.loc[1, "boilerplate_id"] = boilerplate.loc[0, "boilerplate_id"]  # duplicate key
    boilerplate.loc[2, "article_id"] = "0000000000000000"                          # orphan
    mentions = tables["mentions"]
    mentions.loc[2, "end"] = len(TEXTS[1]) + 1                                   # one past the text
    tables["actors"].loc[0, "country"] = "US"                                      # not ISO3
    for table, df in tables.items():
        write_table(df, table, release / f"{table}.parquet")
    return validate_release(release, None, release / "docs")


def failed(report) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for table, outcome in report.failures():
        out.setdefault(table, set()).add(outcome.name)
    return out


def test_good_release_passes_and_records_its_suites(good_release: Path):
    manifest = read_manifest(good_release)
    validation = manifest["validation"]
    assert validation["outcome"] == "passed"
    suites = validation["great_expectations"]
    assert set(suites) == {"articles", "boilerplate", "quarantine", "actors", "mentions"}
    assert suites["articles"]["article_id: unique"] is True
    assert suites["boilerplate"]["article_id in articles or quarantine"] is True
    assert suites["mentions"]["offsets within article text"] is True
    assert suites["mentions"]["actor_id in actors"] is True
    assert suites["actors"]["country: matches ^[A-Z]{3}$"] is True
    assert suites["articles"]["share of non-duplicate articles with an actor mention"] is True
    # Value sets come from the models, not from this module.
    assert suites["boilerplate"]["kind: in set"] is True and suites["mentions"]["kind: in set"] is True
    assert suites["mentions"]["text: length"] is True
    # Boilerplate offsets point into the raw file: no offsets rule there.
    assert "offsets within article text" not in suites["boilerplate"]
    assert (good_release / "validation" / "index.html").is_file()
    assert not (good_release / "validation" / "static" / "images" / "glossary_scroller.gif").exists()
    assert any((good_release / "validation" / "validations" / "mentions").rglob("*.html"))


def test_broken_release_fails_exactly_the_broken_rules(broken_report):
    assert not broken_report.success
    assert failed(broken_report) == {
        "boilerplate": {"boilerplate_id: unique", "article_id in articles or quarantine"},
        "mentions": {"offsets within article text"},
        "actors": {"country: matches ^[A-Z]{3}$"},
    }
    by_name = {o.name: o for o in broken_report.tables["mentions"]}
    assert "m3" in by_name["offsets within article text"].observed  # failing rows named by key
    assert broken_report.docs_index is not None and broken_report.docs_index.is_file()
    # a failing suite runs again for its failing rows' keys: Data Docs show that run alone
    pages = broken_report.docs_index.parent / "validations"
    assert {suite: len(list((pages / suite).rglob("*.html"))) for suite in ("mentions", "actors", "articles")} \
        == {"mentions": 1, "actors": 1, "articles": 1}


def test_row_count_drop_blocks_publish_and_keeps_docs(tmp_path: Path):
    out = tmp_path / "processed"
    tables = good_tables()
    first = publish(tables, out, {}).path
    articles = tables["articles"].assign(published=pd.NaT)  # every date lost: the parser broke
    shrunk = dict(tables, articles=articles, boilerplate=tables["boilerplate"].iloc[:1].reset_index(drop=True))
    with pytest.raises(ReleaseBlocked) as blocked:
        publish(shrunk, out, {}, check_staged=check_staged)
    message = str(blocked.value)
    assert "boilerplate: row count vs previous release (1, expected at least 2)" in message
    assert "articles: published: non-null share vs previous release (0.000, expected at least 0.75)" in message
    assert "2 expectation(s) failed" in message
    assert latest_release(out) == first  # nothing became visible
    assert not list(out.glob(".staging-*"))
    assert len(list((out / BLOCKED_FOLDER).glob("*/index.html"))) == 1


def _shrunk(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The corpus re-scoped: most boilerplate lines gone and no dates: only drift rules fail."""
    articles = tables["articles"].assign(published=pd.NaT)
    return dict(tables, articles=articles, boilerplate=tables["boilerplate"].iloc[:1].reset_index(drop=True))


def test_a_drift_block_says_how_to_proceed(tmp_path: Path):
    out = tmp_path / "processed"
    publish(good_tables(), out, {})
    with pytest.raises(ReleaseBlocked) as blocked:
        publish(_shrunk(good_tables()), out, {}, check_staged=check_staged)
    assert "Only drift rules failed" in str(blocked.value) and "--accept-drift" in str(blocked.value)


def test_accept_drift_publishes_and_records_the_waived_rules(tmp_path: Path, caplog):
    out = tmp_path / "processed"
    publish(good_tables(), out, {})
    with caplog.at_level("WARNING", logger="newswire.validation"):
        result = publish(_shrunk(good_tables()), out, {},
                         check_staged=functools.partial(check_staged, accept_drift=True))
    assert result.created and latest_release(out) == result.path
    validation = read_manifest(result.path)["validation"]
    assert validation["outcome"] == "passed with accepted drift"
    assert validation["accepted_drift"]["waived"] == [
        "articles: published: non-null share vs previous release (0.000, expected at least 0.75)",
        "boilerplate: row count vs previous release (1, expected at least 2)"]
    assert "--accept-drift: 2 drift rule(s) waived" in caplog.text  # logged, not only recorded


def test_accept_drift_never_waives_an_integrity_rule(tmp_path: Path):
    out = tmp_path / "processed"
    first = publish(good_tables(), out, {}).path
    tables = _shrunk(good_tables())
    boilerplate = tables["boilerplate"]
    tables["boilerplate"] = pd.concat([boilerplate, boilerplate], ignore_index=True)  # a duplicate key
    with pytest.raises(ReleaseBlocked) as blocked:
        publish(tables, out, {}, check_staged=functools.partial(check_staged, accept_drift=True))
    assert "boilerplate_id: unique" in str(blocked.value) and "Only drift rules" not in str(blocked.value)
    assert latest_release(out) == first


def test_rules_carry_their_severity(broken_report):
    severities = {(table, o.name): o.severity for table, outcomes in broken_report.tables.items() for o in outcomes}
    assert severities[("boilerplate", "boilerplate_id: unique")] == gx_validation.INTEGRITY
    assert severities[("mentions", "offsets within article text")] == gx_validation.INTEGRITY
    assert severities[("boilerplate", "row count vs previous release")] == gx_validation.DRIFT
    assert severities[("articles", "published: non-null share vs previous release")] == gx_validation.DRIFT
    assert severities[("articles", "share of non-duplicate articles with an actor mention")] == gx_validation.DRIFT


def test_non_null_shares_of_a_handful_of_rows_are_not_compared(tmp_path: Path, monkeypatch):
    """Four articles, then the same four without dates: below the sample size the share rule is inert."""
    monkeypatch.setattr(gx_validation, "MIN_ROWS_FOR_SHARE_DRIFT", 20)
    out = tmp_path / "processed"
    publish(good_tables(), out, {})
    tables = good_tables()
    result = publish(dict(tables, articles=tables["articles"].assign(published=pd.NaT)), out, {},
                     check_staged=check_staged)
    assert result.created


def test_half_the_rows_is_still_allowed(tmp_path: Path):
    """Exactly half kept (4 -> 2) passes; the rule is 'loses more than half'."""
    tables = good_tables()
    previous = publish(tables, tmp_path, {}).path
    staged = tmp_path / "staged"
    staged.mkdir()
    for table, df in dict(tables, boilerplate=tables["boilerplate"].iloc[:2]).items():
        write_table(df.reset_index(drop=True), table, staged / f"{table}.parquet")
    entry = check_staged(staged, previous)
    assert entry["outcome"] == "passed"
    assert entry["great_expectations"]["boilerplate"]["row count vs previous release"] is True
    json.dumps(entry)


def test_no_docs_site_in_tmp(good_release: Path):
    """The ephemeral context's default site (a random /tmp folder) is dropped before any build."""
    context = gx_validation._context(good_release / "unused")
    assert list(context.list_data_docs_sites()) == [gx_validation.SITE_NAME]
    assert not (good_release / "unused").exists()


def test_batches_are_not_fingerprinted_by_pickling(good_release: Path, monkeypatch):
    """GX would pickle every table with a list column to fingerprint it (~0.7 s of a BBC release);
    the manifest's sha256 of each table file is the release's fingerprint instead."""
    import pickle

    from great_expectations.execution_engine import pandas_execution_engine

    pickled = []
    real_dumps = pickle.dumps
    monkeypatch.setattr(pandas_execution_engine.pickle, "dumps",
                        lambda value, *args, **kwargs: pickled.append(type(value)) or real_dumps(value, *args, **kwargs))
    with pytest.raises(TypeError):  # what makes GX pickle: pandas cannot hash the credits lists
        pd.util.hash_pandas_object(read_table(good_release / "articles.parquet"))
    validate_release(good_release, None, good_release.parent / "docs_again")
    assert pd.DataFrame not in pickled
    assert not any("pandas_data_fingerprint" in page.read_text(encoding="utf-8")
                   for page in (good_release.parent / "docs_again" / "validations").rglob("*.html"))
    assert read_manifest(good_release)["tables"]["articles"]["sha256"]


def test_cli_validate_never_modifies_a_release(good_release: Path, tmp_path: Path, monkeypatch, capsys):
    before = sorted(p.relative_to(good_release) for p in good_release.rglob("*"))
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "latest", "--out", str(good_release.parent)]) == 0
    printed = capsys.readouterr().out
    assert "ok    offsets within article text" in printed and "passed" in printed
    assert sorted(p.relative_to(good_release) for p in good_release.rglob("*")) == before
    assert (tmp_path / "ci-artifacts" / "validation" / good_release.name / "index.html").is_file()


def test_cli_validate_fails_on_broken_release(broken_report, tmp_path: Path, capsys):
    release = broken_report.release
    assert main(["validate", str(release), "--docs", str(tmp_path / "docs")]) == 1
    printed = capsys.readouterr().out
    assert "FAIL  offsets within article text" in printed
    assert "FAILED (4 of" in printed
    assert (tmp_path / "docs" / "index.html").is_file()


def test_cli_validate_missing_release(tmp_path: Path, capsys):
    assert main(["validate", "nope", "--out", str(tmp_path)]) == 2
    assert "no release 'nope'" in capsys.readouterr().err


# --- derived checks without GX: the edges of each rule -----------------------------------------

def test_offsets_edges_and_null_references():
    tables = good_tables()
    mentions = tables["mentions"]
    mentions.loc[0, ["start", "end"]] = [5, 4]  # start after end
    _, offsets, _ = derived_checks("mentions", tables)["check__offsets_within_article_text"]
    assert offsets.tolist() == [False, True, True]
    quotes = pd.DataFrame({"quote_id": ["q1", "q2"], "article_id": mentions["article_id"].iloc[:2].tolist(),
                           "speaker_id": ["biden", None], "cluster_id": ["c9", "c9"],
                           "start": [0, 0], "end": [3, 3]})
    checks = derived_checks("quotes", dict(tables, quotes=quotes))
    assert checks["check__speaker_id_in_actors"][1].tolist() == [True, None]  # null speaker: not checked
    assert checks["check__cluster_id_in_quote_clusters"][1].tolist() == [False, False]  # no such table
    articles = derived_checks("articles", dict(tables, quotes=quotes))
    name, has_quote, share = articles["check__has_quote"]
    by_article = dict(zip(tables["articles"]["article_id"], has_quote))
    # Articles 0 and 1 are quoted, 2 is not, 3 is a duplicate and does not count.
    assert [by_article[_hex("article", str(i))] for i in range(4)] == [True, True, False, None]
    assert (name, share) == ("share of non-duplicate articles with a quote", gx_validation.MIN_SHARE_ARTICLES_WITH_QUOTE)


def test_coverage_floors_need_a_sample(monkeypatch):
    """Three articles without a quote are a quiet news day, not broken extraction."""
    monkeypatch.setattr(gx_validation, "MIN_ARTICLES_FOR_COVERAGE_FLOORS", 20)
    tables = good_tables()
    checks = derived_checks("articles", dict(tables, quotes=frame("quotes", [])))
    assert "check__has_quote" not in checks and "check__has_actor_mention" not in checks


EXTRACTED_TABLES = ("boilerplate", "quarantine", "actors", "mentions")


@pytest.mark.parametrize("empty", [
    frozenset(c) for n in range(len(EXTRACTED_TABLES) + 2)
    for c in __import__("itertools").combinations(("articles", *EXTRACTED_TABLES), n)])
def test_derived_checks_survive_every_empty_table_combination(empty, tmp_path: Path):
    """Tables read back from Parquet (as check_staged sees them), any subset of them empty."""
    tables = {}
    for table, df in good_tables().items():
        df = df.iloc[0:0] if table in empty else df
        write_table(df.reset_index(drop=True), table, tmp_path / f"{table}.parquet")
        tables[table] = pd.read_parquet(tmp_path / f"{table}.parquet")
    for table in tables:
        for name, values, share in derived_checks(table, tables).values():
            assert len(values) == len(tables[table]) and 0 < share <= 1, name


def test_event_counts_must_match_their_mentions():
    events = pd.DataFrame({"event_id": ["e1", "e2", "e3"], "num_mentions": [2, 1, 1], "num_articles": [2, 1, 1]})
    mentions = pd.DataFrame({"event_id": ["e1", "e1", "e2"], "article_id": ["a", "b", "a"]})
    checks = derived_checks("events", {"events": events, "event_mentions": mentions})
    assert checks["check__num_mentions_matches_event_mentions"][1].tolist() == [True, True, False]  # e3: no mention
    assert checks["check__num_articles_matches_event_mentions"][1].tolist() == [True, True, False]


# --- reports: values from the data are escaped ---------------------------------------------------

def test_data_docs_escape_every_value_from_the_release(tmp_path: Path):
    """A hand-edited release with markup in its cells: the report shows it as text, never runs it."""
    release = tmp_path / "edited"
    release.mkdir()
    tables = good_tables()
    tables["actors"].loc[0, "country"] = "<script>alert('country')</script>"
    tables["boilerplate"].loc[0, "kind"] = "<img src=x onerror=alert(1)>"
    for table, df in tables.items():
        write_table(df, table, release / f"{table}.parquet")
    report = gx_validation.validate_release(release, None, tmp_path / "docs")
    assert not report.success
    assert "actor_id: biden" in " ".join(o.observed for o in report.tables["actors"])  # terminal: by key
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.html"))
    assert "<script>alert" not in pages and "<img src=x" not in pages
    assert "&lt;script&gt;alert(&#x27;country&#x27;)&lt;/script&gt;" in pages
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages


def test_the_pinned_great_expectations_is_the_release_its_kwargs_methods_were_replaced_for():
    import great_expectations

    # upgrading GX: check _read_each_configuration_once's methods against the new release's, then the pin here
    assert great_expectations.__version__ == gx_validation.KWARGS_PATCHED_FOR


def test_the_replaced_kwargs_methods_give_what_great_expectations_own_give(good_release: Path):
    from great_expectations.expectations.expectation import Expectation

    gx_validation._read_each_configuration_once()
    own_domain, own_success, own_runtime = Expectation._newswire_kwargs
    tables = gx_validation.load_tables(good_release)
    compared = 0
    for table in tables:
        checks = gx_validation.derived_checks(table, tables)
        for rule in gx_validation.build_rules(table, tables, good_release, checks):
            expectation = rule.expectation
            assert expectation._get_domain_kwargs() == own_domain(expectation)
            assert expectation._get_success_kwargs() == own_success(expectation)
            for runtime in (None, {}, {"result_format": "COMPLETE", "catch_exceptions": True}):
                assert expectation._get_runtime_kwargs(runtime) == own_runtime(expectation, runtime)
            compared += 1
    assert compared > 100


def test_data_docs_compile_each_page_template_once_a_process(good_release: Path, tmp_path: Path, monkeypatch):
    import jinja2

    gx_validation.validate_release(good_release, None, tmp_path / "first")
    compiled = []
    compile_source = jinja2.Environment.compile

    def recording(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", recording)
    report = gx_validation.validate_release(good_release, None, tmp_path / "second")
    assert report.docs_index is not None and report.docs_index.read_text(encoding="utf-8").count("<html") == 1
    assert [name for name in compiled if name is not None] == []  # loaded from the package: compiled before


def test_metric_ids_hashed_directly_are_the_ids_great_expectations_gives(good_release: Path, tmp_path: Path, monkeypatch):
    from great_expectations.core.id_dict import IDDict

    gx_validation._hash_plain_ids_directly()
    own_to_id = IDDict._newswire_to_id
    compared, direct = [], []
    patched = IDDict.to_id

    def comparing(self, id_keys=None, id_ignore_keys=None):
        found = patched(self, id_keys, id_ignore_keys)
        compared.append(found == own_to_id(self, id_keys, id_ignore_keys))
        direct.append(len(self) > 1 and gx_validation._plain_json(list(self.values())))
        return found

    monkeypatch.setattr(IDDict, "to_id", comparing)
    gx_validation.validate_release(good_release, good_release, tmp_path / "docs")
    assert len(compared) > 1000 and all(compared)
    assert sum(direct) > len(direct) / 2  # most ids take the direct way


def test_dumps_copied_once_are_the_dumps_great_expectations_gives(good_release: Path, tmp_path: Path, monkeypatch):
    from great_expectations.core.expectation_validation_result import ExpectationValidationResultSchema
    from great_expectations.expectations.expectation_configuration import ExpectationConfigurationSchema

    gx_validation._copy_once_when_dumping()
    compared: list[tuple[str, bool]] = []
    for schema in (ExpectationConfigurationSchema, ExpectationValidationResultSchema):
        def comparing(self, data, own=schema._newswire_clean_null_attrs, patched=schema.clean_null_attrs, **kwargs):
            found, expected = patched(self, data, **kwargs), own(self, data, **kwargs)
            compared.append((type(self).__name__, found == expected and list(found) == list(expected)))
            return found

        monkeypatch.setattr(schema, "clean_null_attrs", comparing)
    gx_validation.validate_release(good_release, good_release, tmp_path / "docs")
    assert len(compared) > 1000 and all(same for _, same in compared)
    assert {name for name, _ in compared} == {"ExpectationConfigurationSchema", "ExpectationValidationResultSchema"}


def test_a_dump_shares_nothing_with_the_result_it_was_made_from():
    from great_expectations.core.expectation_validation_result import ExpectationValidationResult
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    gx_validation._copy_once_when_dumping()
    config = ExpectationConfiguration(type="expect_column_values_to_not_be_null", kwargs={"column": "a"},
                                      meta={"notes": ["kept"]})
    result = ExpectationValidationResult(success=True, expectation_config=config, result={"partial": [1, 2]},
                                         meta={"nested": {"n": 1}})
    dumped = result.to_json_dict()
    dumped["result"]["partial"].append(3)
    dumped["meta"]["nested"]["n"] = 2
    dumped["expectation_config"]["kwargs"]["column"] = "b"
    dumped["expectation_config"]["meta"]["notes"].append("changed")
    assert result.result == {"partial": [1, 2]} and result.meta == {"nested": {"n": 1}}
    assert config.kwargs == {"column": "a"} and config.meta == {"notes": ["kept"]}


@pytest.mark.parametrize("value, plain", [
    ("a", True), (3, True), (True, True), (None, True), (1.5, True), (float("nan"), False),
    ([1, "a", [None]], True), ({"a": [1]}, True), ({1: "a"}, False), ((1, 2), False), ({"a"}, False),
])
def test_plain_json_is_what_great_expectations_would_give_back_unchanged(value, plain):
    from great_expectations.util import convert_to_json_serializable

    assert gx_validation._plain_json(value) is plain
    if plain:
        assert json.dumps(convert_to_json_serializable(value)) == json.dumps(value)
