"""The event lexicon: converter rules on hand-written dictionary lines, and the loader on the
shipped data. Inputs are our own words and argument sets, never CAMEO-manual examples."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from newswire.events.lexicon import agent_sector, cameo, cameo_codes, plover, verb_entry

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "newswire" / "data" / "events"

# bench/ is scripts, not a package; dataclasses need the module registered before it runs.
_spec = importlib.util.spec_from_file_location("build_event_lexicon", REPO / "bench" / "build_event_lexicon.py")
converter = sys.modules.setdefault("build_event_lexicon", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(converter)

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


# ---------------------------------------------------------------- CAMEO codes


def test_goldstein_values_are_on_the_scale():
    assert all(-10 <= cameo(code).goldstein <= 10 for code in cameo_codes())


@pytest.mark.parametrize(
    "code, root, quad_class",
    [
        ("01", "01", 1), ("018", "01", 1), ("0256", "02", 1), ("057", "05", 1),
        ("06", "06", 2), ("073", "07", 2), ("0874", "08", 2),
        ("090", "09", 3), ("1125", "11", 3), ("1385", "13", 3),
        ("14", "14", 4), ("1724", "17", 4), ("186", "18", 4), ("2042", "20", 4),
    ],
)
def test_quad_class_follows_the_root(code, root, quad_class):
    assert (cameo(code).root, cameo(code).quad_class) == (root, quad_class)


@pytest.mark.parametrize(
    "code, name, goldstein",
    [("190", "Use conventional military force", -10.0), ("042", "Make a visit", 1.9), ("0874", "Retreat or surrender militarily", 10.0)],
)
def test_cameo_code_names_and_goldstein(code, name, goldstein):
    assert (cameo(code).name, cameo(code).goldstein) == (name, goldstein)


def test_unknown_cameo_code_is_an_error():
    with pytest.raises(KeyError):
        cameo("999")


# ---------------------------------------------------------------- PLOVER


def test_every_cameo_code_has_a_plover_entry_and_every_type_is_reachable():
    types = {plover(code).type for code in cameo_codes()}
    assert types == PLOVER_TYPES | {None}


@pytest.mark.parametrize(
    "code, expected",
    [
        ("0211", ("REQUEST", "assist", "economic")),  # appeal: parallel demand code 1011
        ("0256", ("REQUEST", "yield", "military")),  # appeal: parallel 1056
        ("02", ("REQUEST", None, None)),  # root: the demand root's residual 100
        ("08", ("CONCEDE", None, None)),  # root 08 is both CONCEDE and RETREAT: takes 080
        ("0873", ("RETREAT", "disarm", "military")),
        ("090", ("ACCUSE", "investigate", None)),
        ("1124", ("ACCUSE", "allege", "military; legal")),
        ("163", ("COERCE", "restrict", "diplomatic")),
        ("1712", ("ASSAULT", "seize", "human_security")),
        ("015", (None, None, None)),  # public statements are not PLOVER events
    ],
)
def test_plover_mapping_and_fallbacks(code, expected):
    entry = plover(code)
    assert (entry.type, entry.mode, entry.context) == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        ("100: DEMAND, , # old name", ("REQUEST", None, None)),
        ("110: DISAPPROVE, , legal", ("ACCUSE", None, "legal")),
        ("091: INVESTIGATE, , crime", ("ACCUSE", "investigate", "crime")),
        ("093: INVESTIGATE, inspect, military", ("ACCUSE", "inspect", "military")),
        ("190: FIGHT, firearms, military", ("ASSAULT", "firearms", "military")),
        ("120: REJECT, , ", ("REJECT", None, None)),
    ],
)
def test_old_plover_names_are_mapped_to_current_ones(tmp_path, row, expected):
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(f"# header\n10: DEMAND\n{row}\n", encoding="utf-8")
    rows = converter.read_plover_rows(tmp_path, converter.Counter())
    code = row.split(":")[0]
    assert list(rows) == [code]
    assert (rows[code]["plover_type"], rows[code]["plover_mode"], rows[code]["plover_context"]) == expected


# ---------------------------------------------------------------- verb patterns (converter)

SYNSETS = {"ARMOUR": ["tank", "armoured vehicle", "howitzer"], "TALK": ["talks", "negotiation"]}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- * HOSTAGES [0841]", [{"object_heads": ["hostages", "hostage"], "preps": [], "code": "0841"}]),
        ("- * &ARMOUR [072]", [{"object_heads": ["tank", "howitzer"], "preps": [], "code": "072"}]),
        ("- * (TO THE TABLE) [036]", [{"object_heads": [], "preps": [["to", "table"]], "code": "036"}]),
        ("- * (INTO) [192:190]", [{"object_heads": [], "preps": [["into", None]], "code": "192"}]),
        ("- * (FROM ^) [042]", [{"object_heads": [], "preps": [["from", None]], "code": "042"}]),
        ("- * TIES [050]", [{"object_heads": ["ties", "tie"], "preps": [], "code": "050"}]),
        ("- * RUMOURS [---]", [{"object_heads": ["rumours", "rumour"], "preps": [], "code": None}]),
        ("- MILITIA * [190]", [{"object_heads": [], "preps": [], "code": "190", "subject_heads": ["militia"]}]),
        (
            "- * ENVOY (FOR &TALK) [036]",
            [
                {"object_heads": ["envoy"], "preps": [["for", "talks"]], "code": "036"},
                {"object_heads": ["envoy"], "preps": [["for", "talk"]], "code": "036"},
                {"object_heads": ["envoy"], "preps": [["for", "negotiation"]], "code": "036"},
            ],
        ),
    ],
)
def test_patterns_that_dependency_arguments_can_express(line, expected):
    assert converter.parse_pattern(line, SYNSETS) == expected


@pytest.mark.parametrize(
    "line, reason",
    [
        ("- * {NAVAL BLOCKADE} [191]", "noun phrase with modifiers"),
        ("- * (AT {PEACE CONFERENCE}) [036]", "noun phrase with modifiers"),
        ("- * (UNDER HOUSE ARREST) [173]", "more than one noun"),
        ("- * UP DEFENCES [154]", "more than one noun after the verb"),
        ("- * AID (TO +) [070]", "actor marker"),
        ("- $ * (WITH) [040]", "actor marker"),
        ("- * (IN CUSTODY) [:173]", "passive-only code"),
        ("- * &NOSUCHSET [010]", "undefined synset"),
        ("- * [010]", "no constraint"),
    ],
)
def test_patterns_that_cannot_be_represented_are_dropped_with_a_reason(line, reason):
    with pytest.raises(converter.Unrepresentable, match=reason):
        converter.parse_pattern(line, SYNSETS)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("SHELL [190]", ("shell", [], "190", True)),
        ("HOLD {HELD HOLDS HOLDING } # note", ("hold", ["held", "holds", "holding"], None, False)),
        ("+SIT_DOWN {+SAT_DOWN, +SITS_DOWN} [---]", ("sit down", ["sat down", "sits down"], None, True)),
    ],
)
def test_verb_lines(line, expected):
    assert converter.read_verb_line(converter.clean_line(line)) == expected


# ---------------------------------------------------------------- verb patterns (loader)


@pytest.mark.parametrize(
    "lemma, code",
    [
        ("accuse", "112"), ("attack", "190"), ("meet", "040"), ("criticize", "111"),
        ("arrest", "173"), ("praise", "051"), ("expel", "174"), ("investigate", "090"),
        ("threaten", "130"), ("demand", "100"), ("mobilize", "150"), ("release", "084"),
        ("ask for", "020"), ("reject", None),  # REJECT codes only through its patterns
    ],
)
def test_verb_default_codes(lemma, code):
    assert verb_entry(lemma).code == code


@pytest.mark.parametrize("form, lemma", [("said", "say"), ("asked for", "ask for"), ("Attack", "attack")])
def test_listed_forms_and_case_find_the_lemma(form, lemma):
    assert verb_entry(form).lemma == lemma


def test_unknown_verb_has_no_entry():
    assert verb_entry("photosynthesise") is None


@pytest.mark.parametrize(
    "lemma, object_heads, preps, subject_heads, code",
    [
        ("ask", set(), set(), set(), "020"),  # no argument: default
        ("ask", {"extradition"}, set(), set(), "0213"),
        ("ask", {"weapon"}, set(), set(), "0232"),  # &WEAPON synset, expanded
        ("ask", {"Loan"}, set(), set(), "023"),  # case-insensitive
        ("ask", set(), {("for", "retrial")}, set(), "0213"),
        ("ask", {"banana"}, {("for", "banana")}, set(), "020"),  # nothing matches: default
        ("stage", {"demonstration"}, set(), set(), "141"),
        # the pattern with the prepositional object is more specific than the bare object
        ("stage", {"demonstration"}, {("in", "solidarity")}, set(), "051"),
        ("appear", set(), {("in", "court")}, set(), "173"),
        ("accelerate", set(), {("to", "border")}, set(), "154"),
        ("accelerate", set(), {("to", "capital")}, set(), "042"),  # (TO) alone: any object
        ("abate", set(), set(), {"tension"}, "080"),  # subject pattern
        ("abate", set(), set(), {"weather"}, "060"),
        ("acclaim", {"attack"}, {("against", "village")}, set(), "110"),
        ("acclaim", {"attack"}, set(), set(), "051"),
        ("say", {"plan"}, set(), set(), "030"),  # two equally specific patterns: the first wins
    ],
)
def test_code_for_picks_the_most_specific_matching_pattern(lemma, object_heads, preps, subject_heads, code):
    assert verb_entry(lemma).code_for(object_heads, preps, subject_heads) == code


def test_every_verb_and_pattern_code_is_a_cameo_code():
    verbs = json.loads((SHIPPED / "verbs.json").read_text(encoding="utf-8"))
    del verbs["_meta"]
    codes = {entry["code"] for entry in verbs.values()}
    codes |= {pattern["code"] for entry in verbs.values() for pattern in entry["patterns"]}
    assert codes - {None} <= set(cameo_codes())


# ---------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "noun, sector",
    [
        ("minister", "~GOV"), ("ministers", "~GOV"), ("Foreign Minister", "~GOV"),
        ("troop", "~MIL"), ("army", "~MIL"), ("rebel", "~REB"), ("police", "~COP"),
        ("journalist", "~MED"), ("senator", "~LEG"), ("thieves", "~CRM"),
        ("firemen", "~GOV"),  # !PERSON! substitution
        ("chambers of commerce", "~BUS"),  # listed irregular plural
        ("teapot", None),
    ],
)
def test_agent_sectors(noun, sector):
    assert agent_sector(noun) == sector


# ---------------------------------------------------------------- the converter reproduces the data


@pytest.mark.skipif(not converter.DEFAULT_VENDOR_DIR.is_dir(), reason="vendor dictionaries not present")
def test_shipped_data_is_what_the_converter_writes(tmp_path, capsys):
    converter.main(converter.DEFAULT_VENDOR_DIR, tmp_path)
    written = sorted(path.name for path in tmp_path.iterdir())
    # newswire's own rule files (coding.json, dates.json) live beside the converted ones
    assert set(written) <= {path.name for path in SHIPPED.iterdir()}
    for name in written:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name
