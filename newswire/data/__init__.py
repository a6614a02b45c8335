"""Dictionaries as data: gazetteer, agencies, cue verbs, roles."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """A JSON file of this folder, parsed; keys starting with "_" are comments and dropped."""
    data = json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}
