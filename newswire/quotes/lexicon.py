"""The language rules of quotation, loaded from newswire/data/cue_verbs.json and quotes_markers.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    not_clausal: frozenset[str]
    frames: dict[str, tuple[tuple[str, ...], ...]]
    scare_markers: frozenset[str]
    according: dict[str, str]
    carrier_nouns: frozenset[str]
    carrier_preps: frozenset[str]
    outlets: tuple[str, ...]
    outlet_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    addressee_preps: frozenset[str]
    addressee_settings: dict[str, str]
    relative_pronouns: frozenset[str]
    complementizers: frozenset[str]
    question_words: frozenset[str]
    unasserting_aux: frozenset[str]
    unasserting_marks: frozenset[str]
    unasserting_governors: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    cues = json.loads((data_dir / "cue_verbs.json").read_text(encoding="utf-8"))
    marks = json.loads((data_dir / "quotes_markers.json").read_text(encoding="utf-8"))
    return Lexicon(
        speech=frozenset(cues["speech_verbs"]),
        not_clausal=frozenset(cues["not_clausal"]),
        frames={k: tuple(tuple(alt) for alt in v) for k, v in cues["complement_frames"].items()},
        scare_markers=frozenset(marks["scare_markers"]),
        according=dict(marks["according"]),
        carrier_nouns=frozenset(marks["carrier_nouns"]),
        carrier_preps=frozenset(marks["carrier_preps"]),
        # longest first so "The Washington Post" wins over "Washington Post"
        outlets=tuple(sorted(marks["outlets"], key=len, reverse=True)),
        outlet_nouns=frozenset(marks["outlet_nouns"]),
        addressee_verbs=frozenset(marks["addressee_verbs"]),
        addressee_preps=frozenset(marks["addressee_preps"]),
        addressee_settings=dict(marks["addressee_settings"]),
        relative_pronouns=frozenset(marks["relative_pronouns"]),
        complementizers=frozenset(cues["complementizers"]),
        question_words=frozenset(cues["question_words"]),
        unasserting_aux=frozenset(cues["unasserting"]["aux"]),
        unasserting_marks=frozenset(cues["unasserting"]["marks"]),
        unasserting_governors=frozenset(cues["unasserting"]["governors"]),
    )
