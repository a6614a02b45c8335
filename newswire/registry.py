"""Ids that never move across releases, for every table whose rows are groups of members:
actors (members: their alias keys), quote clusters (their quote ids) and events (their event
mention ids).

Every member ever seen maps to the id its group was first given. A later run reuses the id
of any of its members, so an actor, a statement or an event keeps its id as the corpus grows
and a display name, a date or a count may improve. When a run joins groups that had
different ids, the oldest id is kept and the absorbed one is recorded ("merged"); when a group
splits, the part holding most of the old members keeps the id and every other part records
where it came from ("split"). The records are published as the `id_history` table, so an
analyst can follow any id cited from an earlier release.

Persisted beside the releases (processed/.registry/), written by the run that publishes.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from newswire.text import stable_hash

# Registry kind -> the published table whose ids it keeps.
TABLE_OF_KIND = {"actor": "actors", "quote_cluster": "quote_clusters", "event": "events"}
HISTORY_COLUMNS = ["old_id", "new_id", "change", "key"]


@dataclass
class WrittenFiles:
    """Files written under temporary names (temporary, final): each renamed into place at once
    when they are wanted, or removed."""
    moves: list[tuple[Path, Path]]

    def put_in_place(self) -> None:
        for temporary, final in self.moves:
            os.replace(temporary, final)

    def discard(self) -> None:
        for temporary, _ in self.moves:
            temporary.unlink(missing_ok=True)


@dataclass
class IdRegistry:
    kind: str  # "actor", "quote_cluster" or "event": names the files and salts new ids
    ids: dict[str, str] = field(default_factory=dict)  # member key -> id
    order: dict[str, int] = field(default_factory=dict)  # id -> when it was first given (0, 1, ...)
    history: list[dict] = field(default_factory=list)  # {"old_id", "new_id", "change", "key"}
    _given: dict[str, str] = field(default_factory=dict)  # this run: id -> the fresh id of the group that has it

    @property
    def _keys_file(self) -> str:
        return f"{self.kind}s.parquet"

    @property
    def _ids_file(self) -> str:
        return f"{self.kind}_ids.parquet"

    @property
    def _history_file(self) -> str:
        return f"{self.kind}_history.parquet"

    @classmethod
    def load(cls, folder: Path, kind: str) -> IdRegistry:
        # Arrow's columns as Python lists, not pandas frames: a served run over the BBC corpus loads
        # ~60,000 keys and ids at the start of corpus resolution (0.10-0.19 -> ~0.03 s)
        registry = cls(kind)
        if (folder / registry._keys_file).exists():
            keys = pq.read_table(folder / registry._keys_file)
            id_column = "id" if "id" in keys.column_names else f"{kind}_id"  # registries before 2026-11-26 named it so
            registry.ids = dict(zip(keys.column("key").to_pylist(), keys.column(id_column).to_pylist()))
            if "registered" in keys.column_names:
                registry.order = {i: int(o) for i, o in zip(keys.column(id_column).to_pylist(),
                                                             keys.column("registered").to_pylist())}
        if (folder / registry._ids_file).exists():  # every id ever given, absorbed ones too: never given again
            given = pq.read_table(folder / registry._ids_file)
            registry.order = dict(zip(given.column("id").to_pylist(), map(int, given.column("registered").to_pylist())))
        if (folder / registry._history_file).exists():
            registry.history = pd.read_parquet(folder / registry._history_file).to_dict("records")
        elif (folder / f"{kind}_merges.parquet").exists():  # the actor registry's first format
            merges = pd.read_parquet(folder / f"{kind}_merges.parquet")
            registry.history = [{"old_id": m["absorbed_id"], "new_id": m["merged_into"], "change": "merged",
                                 "key": m["key"]} for m in merges.to_dict("records")]
        return registry

    def save(self, folder: Path) -> None:
        """Write the files atomically (temporary name, then rename)."""
        self.written(folder).put_in_place()

    def written(self, folder: Path) -> WrittenFiles:
        """The files written under temporary names, to be put in place or discarded."""
        folder.mkdir(parents=True, exist_ok=True)
        keys = pd.DataFrame({"key": list(self.ids), "id": list(self.ids.values())}).sort_values("key")
        given = pd.DataFrame({"id": list(self.order), "registered": list(self.order.values())}).sort_values("registered")
        history = pd.DataFrame(self.history, columns=HISTORY_COLUMNS)
        moves = []
        for frame, name in ((keys, self._keys_file), (given, self._ids_file), (history, self._history_file)):
            temporary = folder / f".{name}.{os.getpid()}"
            frame.to_parquet(temporary, index=False)
            moves.append((temporary, folder / name))
        return WrittenFiles(moves)

    def assign(self, fresh_id: str, members: Iterable[str]) -> str:
        """The id of one group, given as the content id it would have without a registry and
        its members; remembered for them all. For groups settled one at a time (actors): on a
        split, the first group to ask keeps the old id."""
        members = sorted(set(members))
        known = self._known(members)
        usable = [i for i in known if self._given.get(i, fresh_id) == fresh_id]
        return self._settle(fresh_id, members, usable, [i for i in known if i not in usable])

    def assign_groups(self, groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
        """fresh id -> kept id for every group of one run, settled together: an old id stays
        with the group holding most of its members (ties: the smallest fresh id), so the result
        does not depend on the order groups come in."""
        members = {fresh: sorted(set(keys)) for fresh, keys in groups.items()}
        holders: dict[str, Counter] = defaultdict(Counter)  # a Counter made only for a new old id
        for fresh, keys in members.items():
            for key in keys:
                if key in self.ids:
                    holders[self.ids[key]][fresh] += 1
        owner = {old: min(counts, key=lambda fresh: (-counts[fresh], fresh)) for old, counts in holders.items()}
        kept = {}
        for fresh in sorted(members):
            known = self._known(members[fresh])
            kept[fresh] = self._settle(fresh, members[fresh], [i for i in known if owner[i] == fresh],
                                       [i for i in known if owner[i] != fresh])
        return kept

    def _known(self, members: list[str]) -> list[str]:
        """The ids earlier runs gave these members, oldest first."""
        known = {self.ids[m] for m in members if m in self.ids}
        if len(known) < 2:  # nearly every group (~11,000 a BBC run): nothing to order
            return list(known)
        return sorted(known, key=lambda i: (self.order.get(i, 0), i))

    def _settle(self, fresh_id: str, members: list[str], usable: list[str], taken: list[str]) -> str:
        if usable:
            chosen = usable[0]
            for absorbed in usable[1:]:
                self._record(absorbed, chosen, "merged", members)
                self.ids = {k: chosen if i == absorbed else i for k, i in self.ids.items()}
        else:
            chosen = fresh_id
            if chosen in self.order:  # given before to members that are now another group's: never reused
                chosen = stable_hash(self.kind, fresh_id, str(len(self.order)))
            self.order[chosen] = len(self.order)
            for old in taken:
                self._record(old, chosen, "split", members)
        self._given[chosen] = fresh_id
        for member in members:
            self.ids[member] = chosen
        return chosen

    def _record(self, old_id: str, new_id: str, change: str, members: list[str]) -> None:
        """Remember how old_id became new_id, with the first member that links them."""
        link = next((m for m in members if self.ids.get(m) == old_id), members[0] if members else "")
        self.history.append({"old_id": old_id, "new_id": new_id, "change": change, "key": link})


@dataclass
class Registries:
    """The id registries of one output folder, loaded and saved together."""

    actors: IdRegistry
    quote_clusters: IdRegistry
    events: IdRegistry

    @classmethod
    def empty(cls) -> Registries:
        return cls(IdRegistry("actor"), IdRegistry("quote_cluster"), IdRegistry("event"))

    @classmethod
    def load(cls, folder: Path) -> Registries:
        return cls(*(IdRegistry.load(folder, kind) for kind in TABLE_OF_KIND))

    def save(self, folder: Path) -> None:
        self.written(folder).put_in_place()

    def written(self, folder: Path) -> WrittenFiles:
        """Every registry's files under temporary names (IdRegistry.written)."""
        return WrittenFiles([move for registry in self.all() for move in registry.written(folder).moves])

    def all(self) -> tuple[IdRegistry, ...]:
        return self.actors, self.quote_clusters, self.events

    def history_rows(self) -> list[dict]:
        """Every recorded change, per table in the order it happened (the id_history table)."""
        return [{"history_id": stable_hash("id_history", registry.kind, str(sequence), record["old_id"],
                                           record["new_id"]),
                 "table": TABLE_OF_KIND[registry.kind], "sequence": sequence, **record}
                for registry in self.all() for sequence, record in enumerate(registry.history)]


def keep_ids(registry: IdRegistry, groups: pd.DataFrame, members: pd.DataFrame, id_column: str,
             member_column: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(groups, members) with their content ids in id_column replaced by the registry's kept
    ids; members[member_column] names each member (a quote id, an event mention id)."""
    # plain lists: iterating an Arrow-backed column boxes each value (several times slower)
    member_lists: dict[str, list[str]] = {fresh: [] for fresh in groups[id_column].tolist()}
    for fresh, member in zip(members[id_column].tolist(), members[member_column].tolist()):
        member_lists.setdefault(fresh, []).append(member)
    kept = registry.assign_groups(member_lists)
    renamed_groups = groups.assign(**{id_column: groups[id_column].map(kept)})
    renamed_members = members.assign(**{id_column: members[id_column].map(kept)})
    return (renamed_groups.sort_values(id_column, kind="stable").reset_index(drop=True),
            renamed_members.sort_values(member_column, kind="stable").reset_index(drop=True))
