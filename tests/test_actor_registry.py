"""Actor ids across releases (newswire/registry.py): articles arrive one by one, each run
reads the registry the previous run saved; no id seen earlier may vanish without a recorded merge."""

from __future__ import annotations

from pathlib import Path

from newswire.actors import Corpus, extract_mentions
from newswire.ingest import read_document
from newswire.nlp import load_nlp
from newswire.registry import IdRegistry
from newswire.structure import body_text, structure

SEEDS = Path(__file__).parent / "data" / "seeds"
ARRIVALS = [
    "Secretary of State Antony Blinken met envoys in Geneva on Friday.",
    "The CDU said on Monday it would vote against the plan.",
    "The Christian Democratic Union said it had not decided.",
    *(body_text(structure(read_document(path, path.name))) for path in sorted(SEEDS.glob("*.txt"))[:2]),
    "Anthony Blinken, the US Secretary of State, said talks would go on.",  # a new spelling: a new canonical key
    "Leaders of the Christian Democratic Union (CDU) met in Berlin.",  # joins two earlier actors
]


def run(articles: list[tuple[str, object]], folder: Path) -> tuple[dict[str, str], IdRegistry]:
    registry = IdRegistry.load(folder, "actor")
    actors, _ = Corpus(articles, registry=registry).tables()
    registry.save(folder)
    return {actor.actor_id: actor.name for actor in actors}, registry


def test_no_earlier_id_changes_without_a_recorded_merge(tmp_path):
    extracted = [(f"a{index}", extract_mentions(load_nlp()(text))) for index, text in enumerate(ARRIVALS)]
    seen: dict[str, str] = {}
    for count in range(1, len(extracted) + 1):
        ids, registry = run(extracted[:count], tmp_path)
        absorbed = {change["old_id"]: change["new_id"] for change in registry.history if change["change"] == "merged"}
        for actor_id, name in seen.items():
            final = actor_id
            while final in absorbed:
                final = absorbed[final]
            assert final in ids, f"{name} ({actor_id}) lost after article {count}"
        seen.update(ids)
    blinken = [actor_id for actor_id, name in ids.items() if "Blinken" in name]
    assert len(blinken) == 1 and blinken[0] in run(extracted[:1], tmp_path / "first")[0]
    assert [(c["change"], c["old_id"] in seen, c["new_id"] in ids) for c in registry.history] == [("merged", True, True)]


def test_without_a_registry_ids_are_the_content_hashes_of_the_first_run(tmp_path):
    extracted = [("a", extract_mentions(load_nlp()(ARRIVALS[0])))]
    first, _ = run(extracted, tmp_path)
    plain, _ = Corpus(extracted).tables()
    assert set(first) == {actor.actor_id for actor in plain}
