"""Ids kept across releases for groups of members (newswire/registry.py): each case is a run
after a first run that gave A = {a1, a2, a3} and B = {b1, b2} their fresh ids."""

from __future__ import annotations

import pandas as pd
import pytest

from newswire.registry import IdRegistry, Registries, keep_ids

FIRST = {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}

# (case, groups of the second run by fresh id, expected kept id per fresh id, expected history)
CASES = [
    ("same groups", FIRST, {"A": "A", "B": "B"}, []),
    ("a group grows and gets a new content id", {"A2": ["a1", "a2", "a3", "a4"], "B": ["b1", "b2"]},
     {"A2": "A", "B": "B"}, []),
    ("a member leaves: the rest keeps the id", {"A3": ["a1", "a2"], "B": ["b1", "b2"]}, {"A3": "A", "B": "B"}, []),
    ("two groups merge: the older id stays", {"AB": ["a1", "a2", "a3", "b1", "b2"]}, {"AB": "A"},
     [("B", "A", "merged")]),
    ("a split: the larger part keeps the id", {"A1": ["a1"], "A23": ["a2", "a3"], "B": ["b1", "b2"]},
     {"A1": "A1", "A23": "A", "B": "B"}, [("A", "A1", "split")]),
    ("an even split: the smaller fresh id keeps it", {"X": ["b1"], "Y": ["b2"], "A": ["a1", "a2", "a3"]},
     {"X": "B", "Y": "Y", "A": "A"}, [("B", "Y", "split")]),
    ("a new group", {**FIRST, "C": ["c1"]}, {"A": "A", "B": "B", "C": "C"}, []),
]


def first_registry() -> IdRegistry:
    registry = IdRegistry("event")
    assert registry.assign_groups(FIRST) == {"A": "A", "B": "B"}
    return registry


@pytest.mark.parametrize("case, groups, kept, history", CASES, ids=[c[0] for c in CASES])
def test_a_second_run_keeps_ids_and_records_every_change(case, groups, kept, history):
    registry = first_registry()
    assert registry.assign_groups(groups) == kept
    assert [(h["old_id"], h["new_id"], h["change"]) for h in registry.history] == history


@pytest.mark.parametrize("case, groups, kept, history", CASES, ids=[c[0] for c in CASES])
def test_the_order_groups_come_in_does_not_matter(case, groups, kept, history):
    registry = first_registry()
    assert registry.assign_groups(dict(reversed(list(groups.items())))) == kept


def test_a_fresh_id_given_before_to_other_members_is_never_reused():
    registry = first_registry()
    kept = registry.assign_groups({"B": ["a1", "a2", "a3"], "Z": ["b1", "b2"]})  # A's members now hash to "B"
    assert kept["B"] == "A" and kept["Z"] == "B"
    registry = first_registry()
    kept = registry.assign_groups({"A": ["x1"], "Q": ["a1", "a2", "a3"], "B": ["b1", "b2"]})
    assert kept["Q"] == "A" and kept["A"] not in {"A", "B"}  # "A" belongs to a1-a3; x1 gets a salted id


def test_groups_settled_one_at_a_time_keep_the_first_askers_id():
    registry = IdRegistry("actor")
    assert registry.assign("A", ["a1", "a2"]) == "A"
    registry._given.clear()  # the next run
    assert registry.assign("A1", ["a1"]) == "A"
    split = registry.assign("A2", ["a2"])
    assert split == "A2" and registry.history == [{"old_id": "A", "new_id": "A2", "change": "split", "key": "a2"}]


def test_save_and_load_round_trip(tmp_path):
    registries = Registries.empty()
    registries.events.assign_groups(FIRST)
    registries.events.assign_groups({"AB": ["a1", "a2", "a3", "b1", "b2"]})
    registries.actors.assign("P", ["p"])
    registries.save(tmp_path)
    again = Registries.load(tmp_path)
    assert again.events.ids == registries.events.ids and again.events.order == registries.events.order
    assert again.history_rows() == registries.history_rows()
    assert [(r["table"], r["old_id"], r["new_id"], r["change"]) for r in again.history_rows()] == \
        [("events", "B", "A", "merged")]


def test_files_written_ahead_are_seen_only_once_put_in_place_and_discarded_leave_nothing(tmp_path):
    earlier = Registries.empty()
    earlier.actors.assign("P", ["p"])
    earlier.save(tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    later = Registries.load(tmp_path)
    later.actors.assign("Q", ["q"])
    written = later.written(tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.name in before} == before
    assert Registries.load(tmp_path).actors.ids == {"p": "P"}
    written.discard()
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # no temporary file left
    later.written(tmp_path).put_in_place()
    assert Registries.load(tmp_path).actors.ids == {"p": "P", "q": "Q"}
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(before)


def test_the_first_actor_registry_format_still_loads(tmp_path):
    pd.DataFrame({"key": ["k1", "k2"], "actor_id": ["A", "A"], "registered": [0, 0]}).to_parquet(
        tmp_path / "actors.parquet")
    pd.DataFrame({"absorbed_id": ["B"], "merged_into": ["A"], "key": ["k2"]}).to_parquet(
        tmp_path / "actor_merges.parquet")
    registry = IdRegistry.load(tmp_path, "actor")
    assert registry.ids == {"k1": "A", "k2": "A"}
    assert registry.history == [{"old_id": "B", "new_id": "A", "change": "merged", "key": "k2"}]


def test_keep_ids_renames_groups_and_members_and_keeps_them_sorted():
    registry = first_registry()
    groups = pd.DataFrame({"event_id": ["A2", "B"], "n": [4, 2]})
    members = pd.DataFrame({"mention_id": ["a1", "a2", "a3", "a4", "b1", "b2"],
                            "event_id": ["A2", "A2", "A2", "A2", "B", "B"]})
    kept_groups, kept_members = keep_ids(registry, groups, members, "event_id", "mention_id")
    assert kept_groups.to_dict("list") == {"event_id": ["A", "B"], "n": [4, 2]}
    assert list(kept_members["event_id"]) == ["A", "A", "A", "A", "B", "B"]
