"""Actor ids that never move across releases: every key ever seen (a name's key, a surname's,
an acronym's) maps to the id its actor was first given. A later run reuses the id of any of its
keys; when a merge joins keys that had different ids, the oldest id is kept and the absorbed
one recorded (`merges`), so an analyst can follow a cited id. A display name may change; the
id does not.

Persisted beside the releases (processed/.registry/), written by the run that publishes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newswire.text import stable_hash

KEYS_FILE = "actors.parquet"
MERGES_FILE = "actor_merges.parquet"


def new_actor_id(canonical_key: str) -> str:
    """A first-seen actor's id: the content hash of its canonical key, as before the registry."""
    return stable_hash("actor", canonical_key)


@dataclass
class ActorRegistry:
    ids: dict[str, str] = field(default_factory=dict)  # key -> actor id
    order: dict[str, int] = field(default_factory=dict)  # actor id -> when it was first given (0, 1, ...)
    merges: list[dict] = field(default_factory=list)  # {"absorbed_id", "merged_into", "key"}
    _given: dict[str, str] = field(default_factory=dict)  # this run: actor id -> the canonical key it went to

    @classmethod
    def load(cls, folder: Path) -> ActorRegistry:
        registry = cls()
        if (folder / KEYS_FILE).exists():
            keys = pd.read_parquet(folder / KEYS_FILE)
            registry.ids = dict(zip(keys["key"], keys["actor_id"]))
            registry.order = {i: int(o) for i, o in zip(keys["actor_id"], keys["registered"])}
        if (folder / MERGES_FILE).exists():
            registry.merges = pd.read_parquet(folder / MERGES_FILE).to_dict("records")
        return registry

    def save(self, folder: Path) -> None:
        """Write both files atomically (temporary name, then rename)."""
        folder.mkdir(parents=True, exist_ok=True)
        keys = pd.DataFrame({"key": list(self.ids), "actor_id": list(self.ids.values()),
                             "registered": [self.order[i] for i in self.ids.values()]}).sort_values("key")
        merges = pd.DataFrame(self.merges, columns=["absorbed_id", "merged_into", "key"])
        for frame, name in ((keys, KEYS_FILE), (merges, MERGES_FILE)):
            temporary = folder / f".{name}.{os.getpid()}"
            frame.to_parquet(temporary, index=False)
            os.replace(temporary, folder / name)

    def assign(self, canonical_key: str, members: Iterable[str]) -> str:
        """The id of the actor whose keys are `members` (its canonical key among them), remembered for them all."""
        members = sorted(set(members) | {canonical_key})
        known = sorted({self.ids[m] for m in members if m in self.ids}, key=lambda i: (self.order.get(i, 0), i))
        known = [i for i in known if self._given.get(i, canonical_key) == canonical_key]  # a split: the first keeps it
        if known:
            chosen = known[0]
            for absorbed in known[1:]:
                self.merges.append({"absorbed_id": absorbed, "merged_into": chosen, "key": canonical_key})
                self.ids = {k: chosen if i == absorbed else i for k, i in self.ids.items()}
        else:
            chosen = new_actor_id(canonical_key)
            if chosen in self.order:  # given before to keys that are now another actor's: never reused
                chosen = stable_hash("actor", canonical_key, str(len(self.order)))
            self.order[chosen] = len(self.order)
        self._given[chosen] = canonical_key
        for member in members:
            self.ids[member] = chosen
        return chosen
