"""Cache versions from the code a stage runs: per-article code is in, corpus-level code is out."""

from __future__ import annotations

import textwrap

import pytest

from newswire import code_version
from newswire.code_version import PACKAGE, code_files
from newswire.extractors import EXTRACTORS
from newswire.structure_cache import MODULES


def _names(modules) -> set[str]:
    return {path.relative_to(PACKAGE).as_posix() for path in code_files(modules)}


@pytest.mark.parametrize("extractor, runs, not_runs", [
    ("actors", {"actors/mentions.py", "actors/evidence.py", "gazetteer.py", "syntax.py", "data/actors/words.json",
                "data/places.json", "data/events/agents.json"},
     {"actors/corpus.py", "actors/speakers.py", "registry.py", "events/merge.py"}),
    ("quotes", {"quotes/extract.py", "quotes/direct.py", "quotes/indirect.py", "quotes/marks.py",
                "data/cue_verbs.json", "data/quotes_markers.json"},
     {"quotes/clusters.py", "actors/corpus.py", "tables.py"}),
    ("events", {"events/mentions.py", "events/arguments.py", "events/rules.py", "quotes/marks.py",
                "data/events/coding.json", "data/events/verbs.json"},
     {"events/merge.py", "events/parties.py", "quotes/clusters.py", "actors/corpus.py"}),
])
def test_an_extractor_version_covers_what_it_runs_and_not_corpus_resolution(extractor, runs, not_runs):
    names = _names([EXTRACTORS[extractor].extract.__module__])
    assert runs <= names
    assert not names & not_runs


def test_the_structure_version_covers_ingest_structure_and_their_data():
    names = _names(MODULES)
    # dedupe.py: the structure stage makes each article's dedupe fingerprint, cached with it
    assert {"ingest.py", "structure.py", "boilerplate.py", "pagetext.py", "htmlpage.py", "text.py", "dedupe.py",
            "data/page_chrome.json", "data/agencies.json"} <= names
    assert not names & {"tables.py", "extract.py", "stages.py"}


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A throwaway package shaped like ours: pkg/a.py imports a re-exported name of pkg/sub."""
    root = tmp_path / "pkg"
    files = {
        "__init__.py": "",
        "a.py": """
            from pkg.sub import helper
            from . import b
            RULES = "rules.json"

            def late():
                from pkg.c import thing
                return thing
            """,
        "b.py": "import json\n",
        "c.py": "thing = 1\n",
        "sub/__init__.py": "from pkg.sub.helpers import helper\nfrom pkg.sub.heavy import expensive\n",
        "sub/helpers.py": "def helper():\n    return 1\n",
        "sub/heavy.py": "def expensive():\n    return 2\n",
        "unused.py": "",
        "data/rules.json": "{}",
        "data/other.json": "{}",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.setattr(code_version, "PACKAGE", root)
    monkeypatch.setattr(code_version, "DATA", root / "data")
    return root


def test_imports_are_followed_through_reexports_and_into_functions(package):
    found = {path.relative_to(package).as_posix() for path in code_files(["pkg.a"])}
    assert found == {"a.py", "b.py", "c.py", "sub/helpers.py", "data/rules.json"}


def test_an_edit_changes_the_version_only_of_code_that_runs_it(package):
    before = code_version.code_version(["pkg.a"])
    (package / "sub" / "heavy.py").write_text("def expensive():\n    return 3\n", encoding="utf-8")
    (package / "data" / "other.json").write_text('{"x": 1}', encoding="utf-8")
    assert code_version.code_version(["pkg.a"]) == before
    (package / "c.py").write_text("thing = 2\n", encoding="utf-8")
    assert code_version.code_version(["pkg.a"]) != before
    assert code_version.code_version(["pkg.a"], "spacy=3.8") != code_version.code_version(["pkg.a"])
