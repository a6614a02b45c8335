"""Format checks for the hand-coded event development set (tests/data/events/, see its README).

`problems()` returns every defect of a set of records, so a broken line is reported with
its id rather than as the first assertion that trips. The last tests feed it broken records
to prove the checks can fail.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

EVENTS_DIR = Path(__file__).resolve().parent / "data" / "events"
SENTENCES = EVENTS_DIR / "sentences.jsonl"
BAD_INPUTS = EVENTS_DIR / "bad_inputs.jsonl"
FRESH = EVENTS_DIR / "fresh_sentences.jsonl"  # the blind test set: checked for format only
BLIND = EVENTS_DIR / "blind_sentences.jsonl"  # written blind test set: checked for format only

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
    "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
EVENT_KEYS = {"trigger", "plover", "mode", "source", "target", "negated", "hypothetical"}
MIN_SENTENCES = 220
MIN_POSITIVES_PER_TYPE = 10
MIN_NEGATIVES = 30
MAX_EVENTS_PER_SENTENCE = 3
MAX_BBC_SHARE = 1 / 3  # at most a third copied from the BBC corpus; the rest written


def load_jsonl(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise AssertionError(f"{path.name}:{number}: not JSON ({error})") from None
    return records


def whole_word(needle: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text))


def event_problems(sid: str, text: str, event: object) -> list[str]:
    if not isinstance(event, dict) or set(event) != EVENT_KEYS:
        return [f"{sid}: event keys must be exactly {sorted(EVENT_KEYS)}: {event!r}"]
    found = []
    trigger = event["trigger"]
    if not isinstance(trigger, str) or whole_word(trigger, text) != 1:
        found.append(f"{sid}: trigger {trigger!r} must occur exactly once, as whole words, in the text")
    if event["plover"] not in PLOVER_TYPES:
        found.append(f"{sid}: {event['plover']!r} is not a PLOVER type")
    if event["mode"] is not None and not (isinstance(event["mode"], str) and event["mode"]):
        found.append(f"{sid}: mode must be a non-empty string or null")
    for role in ("source", "target"):
        actor = event[role]
        if actor is not None and not (isinstance(actor, str) and actor and actor in text):
            found.append(f"{sid}: {role} {actor!r} must be null or a substring of the text")
    for flag in ("negated", "hypothetical"):
        if not isinstance(event[flag], bool):
            found.append(f"{sid}: {flag} must be true or false")
    return found


def record_problems(record: object, id_prefix: str = "s") -> list[str]:
    if not isinstance(record, dict):
        return [f"not an object: {record!r}"]
    sid = record.get("id", "?")
    missing = {"id", "text", "events", "origin"} - set(record)
    extra = set(record) - {"id", "text", "events", "origin", "note", "split"}
    if missing or extra:
        return [f"{sid}: missing keys {sorted(missing)}, unexpected keys {sorted(extra)}"]
    found = []
    if not isinstance(sid, str) or not re.fullmatch(re.escape(id_prefix) + r"\d{3,}", sid):
        found.append(f"{sid!r}: id must look like {id_prefix}001")
    text = record["text"]
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        return found + [f"{sid}: text must be a non-empty string without outer whitespace"]
    origin = record["origin"]
    if not (origin == "written" or (isinstance(origin, str) and re.fullmatch(r"bbc:[a-z]+/\d{3}\.txt", origin))):
        found.append(f"{sid}: origin must be 'written' or 'bbc:<topic>/<nnn>.txt', not {origin!r}")
    events = record["events"]
    if not isinstance(events, list) or len(events) > MAX_EVENTS_PER_SENTENCE:
        return found + [f"{sid}: events must be a list of at most {MAX_EVENTS_PER_SENTENCE}"]
    for event in events:
        found += event_problems(sid, text, event)
    return found


def problems(records: list[dict]) -> list[str]:
    found = [p for record in records for p in record_problems(record)]
    ids = Counter(r.get("id") for r in records if isinstance(r, dict))
    found += [f"{sid}: duplicate id ({n} times)" for sid, n in ids.items() if n > 1]
    texts = Counter(r.get("text") for r in records if isinstance(r, dict))
    found += [f"duplicate text: {text!r}" for text, n in texts.items() if n > 1]
    if found:  # the totals below assume well-formed records
        return found
    if len(records) < MIN_SENTENCES:
        found.append(f"{len(records)} sentences, need at least {MIN_SENTENCES}")
    positives = Counter(e["plover"] for r in records for e in r["events"])
    found += [f"{t}: {positives[t]} positive events, need at least {MIN_POSITIVES_PER_TYPE}"
              for t in sorted(PLOVER_TYPES) if positives[t] < MIN_POSITIVES_PER_TYPE]
    negatives = sum(1 for r in records if not r["events"])
    if negatives < MIN_NEGATIVES:
        found.append(f"{negatives} negatives (sentences without events), need at least {MIN_NEGATIVES}")
    bbc = sum(1 for r in records if r["origin"] != "written")
    if bbc > MAX_BBC_SHARE * len(records):
        found.append(f"{bbc} of {len(records)} sentences are from the BBC corpus, more than a third")
    return found


@pytest.fixture(scope="module")
def sentences() -> list[dict]:
    return load_jsonl(SENTENCES)


def test_the_development_set_is_well_formed_and_large_enough(sentences):
    assert problems(sentences) == []


def test_bad_inputs_are_id_and_text_only_and_distinct_from_the_sentences(sentences):
    bad = load_jsonl(BAD_INPUTS)
    assert len(bad) == 10
    assert all(set(b) == {"id", "text"} and isinstance(b["text"], str) and b["text"] for b in bad)
    assert len({b["id"] for b in bad}) == len(bad)
    assert not {b["text"] for b in bad} & {s["text"] for s in sentences}


def test_the_fresh_blind_set_is_well_formed_and_disjoint_from_the_development_set(sentences):
    fresh = load_jsonl(FRESH)
    found = [p for record in fresh for p in record_problems(record, id_prefix="f")]
    assert found == []
    assert len({r["id"] for r in fresh}) == len(fresh) >= 200
    assert len({r["text"] for r in fresh}) == len(fresh)
    assert all(r["origin"].startswith("bbc:") for r in fresh)  # real sentences only
    assert 0.15 <= sum(1 for r in fresh if not r["events"]) / len(fresh) <= 0.35
    assert not {r["origin"] for r in fresh} & {s["origin"] for s in sentences if s["origin"] != "written"}
    assert not {r["text"] for r in fresh} & {s["text"] for s in sentences}
    # two halves by file: rules may be written while reading `tune`; `holdout` is only scored
    splits = {r["origin"]: set() for r in fresh}
    for r in fresh:
        splits[r["origin"]].add(r["split"])
    assert all(found in ({"tune"}, {"holdout"}) for found in splits.values())
    assert 0.4 <= sum(r["split"] == "holdout" for r in fresh) / len(fresh) <= 0.6


def test_the_written_blind_set_is_well_formed_and_disjoint_from_the_other_sets(sentences):
    blind = load_jsonl(BLIND)
    found = [p for record in blind for p in record_problems(record, id_prefix="b")]
    assert found == []
    assert len({r["id"] for r in blind}) == len(blind) >= 240
    assert len({r["text"] for r in blind}) == len(blind)
    assert all(r["origin"] == "written" for r in blind)
    positives = Counter(e["plover"] for r in blind for e in r["events"])
    assert all(positives[t] >= MIN_POSITIVES_PER_TYPE for t in PLOVER_TYPES), positives
    assert sum(1 for r in blind if not r["events"]) >= MIN_NEGATIVES
    fresh = load_jsonl(FRESH)
    assert not {r["text"] for r in blind} & ({s["text"] for s in sentences} | {f["text"] for f in fresh})


def _good_record(**changes) -> dict:
    record = {"id": "s001", "text": "Police arrested the opposition leader in Conakry.", "origin": "written",
              "events": [{"trigger": "arrested", "plover": "COERCE", "mode": "arrest", "source": "Police",
                          "target": "opposition leader", "negated": False, "hypothetical": False}]}
    record.update(changes)
    return record


def _with_event(**changes) -> dict:
    record = _good_record()
    record["events"][0].update(changes)
    return record


@pytest.mark.parametrize("record, complaint", [
    (_with_event(trigger="detained"), "trigger 'detained'"),
    (_with_event(trigger="arrest"), "trigger 'arrest'"),  # a prefix of "arrested" is not the word
    (_with_event(plover="ARREST"), "not a PLOVER type"),
    (_with_event(plover="FIGHT"), "not a PLOVER type"),  # PLOVER 0.5 names are not accepted
    (_with_event(source="the police"), "source 'the police'"),
    (_with_event(negated="no"), "negated must be"),
    (_good_record(origin="bbc:politics"), "origin must be"),
    (_good_record(id="1"), "id must look like"),
    (_good_record(events=[_good_record()["events"][0]] * 4), "at most 3"),
])
def test_the_checks_reject_a_broken_record(record, complaint):
    assert record_problems(_good_record()) == []
    found = record_problems(record)
    assert any(complaint in p for p in found), found


def test_the_checks_reject_too_few_positives_negatives_and_duplicate_ids(sentences):
    without_assault = [r for r in sentences if not any(e["plover"] == "ASSAULT" for e in r["events"])]
    assert any(p.startswith("ASSAULT:") for p in problems(without_assault))
    positives_only = [r for r in sentences if r["events"]]
    assert any("negatives" in p for p in problems(positives_only))
    assert any("duplicate id" in p for p in problems(sentences + [dict(sentences[0], text="Another sentence.")]))
