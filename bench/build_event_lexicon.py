"""Convert the vendored event-coding dictionaries into newswire/data/events/*.json.

    .venv/bin/python bench/build_event_lexicon.py [VENDOR_DIR]

VENDOR_DIR defaults to ../shared/vendor/events relative to the repository. Reads
CAMEO.2.0.txt and Phoenix.agents.txt (petrarch2, MIT), cameo-codes.csv (andybega/icews,
MIT) and CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0); writes cameo_codes.json,
cameo_plover.json, verbs.json, verb_forms.json, synsets.json, agents.json and
LICENSES.md. Output is sorted, so re-running on the same input gives the same bytes.
Prints what it kept and what it dropped, with the reason for every drop.

The `example` column of cameo-codes.csv is not read: the vendored copy has it removed, and
CAMEO codebook examples must not become patterns (they are what evaluations test on).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_VENDOR_DIR = REPO.parent / "shared" / "vendor" / "events"
OUT_DIR = REPO / "newswire" / "data" / "events"

PETRARCH2 = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf"
ICEWS = "andybega/icews @ 3746c729551f5fcb5a49f643f82638011a5fcfec"
PLOVER = "openeventdata/PLOVER @ 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f"

# CAMEO's quad classes, by two-digit root.
QUAD_CLASS_ROOTS = {
    1: range(1, 6),  # verbal cooperation
    2: range(6, 9),  # material cooperation
    3: range(9, 14),  # verbal conflict
    4: range(14, 21),  # material conflict
}

# PLOVER 0.5b1 type names still found in older tables -> (current type, mode it implies).
OLD_PLOVER_NAMES = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
    "COOPERATION": ("COOPERATE", None),
}

# CAMEO 02 (appeal) and 10 (demand) have the same sub-code structure (021 <-> 101, 0256 <->
# 1056); PLOVER merged both into REQUEST but its table lists only the 10s.
APPEAL_ROOT, DEMAND_ROOT = "02", "10"
# PLOVER does not code CAMEO 01 (public statements): they get an entry with no type.
UNCODED_ROOTS = {"01"}

NULL_CODE = "---"
SYNSET_SECTION = "####### SYNONYM SETS"
VERB_SECTION = "####### VERB PATTERNS"
TRANSFORMATION_SECTION = "######## TRANSFORMATIONS"
SOURCE_TARGET_MARKERS = {"$", "+", "%"}
# TABARI's "^" skips a noun phrase: the preposition's object is unconstrained.
ANY_NOUN = "^"
ARTICLES = {"a", "an", "the"}


def clean_line(line: str) -> str:
    """The line without its comment: '#' and, for TABARI legacy, ';' start one."""
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def phrase(word: str) -> str:
    """A dictionary word or phrase as text: lower case, '_' and '+' joiners become spaces."""
    return " ".join(word.replace("_", " ").replace("+", " ").lower().split())


def singular(word: str) -> str | None:
    """The regular singular of a plural-looking noun, or None; a guess kept beside the word."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies") and len(word) > 4:  # "parties"; but "ties" -> "tie"
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def noun_heads(words: list[str]) -> list[str]:
    """Lemma candidates for pattern nouns: each word and, if it looks plural, its singular,
    so a head matches whether the caller passes spaCy's lemma or the written form."""
    heads: list[str] = []
    for word in words:
        for form in (word, singular(word)):
            if form and form not in heads:
                heads.append(form)
    return heads


# ---------------------------------------------------------------- cameo codes


def read_cameo_codes(vendor: Path) -> dict[str, dict]:
    codes = {}
    with (vendor / "cameo-codes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            root = row["root_code"]
            codes[row["code"]] = {
                "name": row["name"].strip(),
                "goldstein": float(row["goldstein"]),
                "root": root,
                "quad_class": next(q for q, roots in QUAD_CLASS_ROOTS.items() if int(root) in roots),
            }
    return codes


# ---------------------------------------------------------------- PLOVER


def read_plover_rows(vendor: Path, counts: Counter) -> dict[str, dict]:
    """Three- and four-digit rows of CAMEO2PLOVER: 'code: TYPE, mode, context # name'."""
    rows: dict[str, dict] = {}
    for raw in (vendor / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.fullmatch(r"(\d{3,4}):\s*(.*)", line)
        if not match:
            continue  # comments, blank lines, "~~~~~" and the two-digit section headings
        code, rest = match.groups()
        plover_type, mode, context = ([part.strip() for part in rest.split(",")] + ["", ""])[:3]
        if plover_type in OLD_PLOVER_NAMES:
            counts["plover rows renamed from PLOVER 0.5b1 names"] += 1
        plover_type, implied_mode = OLD_PLOVER_NAMES.get(plover_type, (plover_type, None))
        entry = {
            "plover_type": plover_type,
            "plover_mode": mode or implied_mode or None,
            "plover_context": context or None,
        }
        if code in rows:
            counts["plover rows repeated (first kept)"] += 1
            continue
        rows[code] = entry
    return rows


def fallbacks(code: str, suffix: str) -> list[tuple[str, str]]:
    """The PLOVER rows to try for a code, most specific first, with how each is reached."""
    return [
        (code, "own row" + suffix),
        (code[:3], "three-digit parent" + suffix),
        (code[:2] + "0", "root's residual code XX0" + suffix),
    ]


def plover_table(codes: dict[str, dict], rows: dict[str, dict], counts: Counter) -> dict[str, dict]:
    table = {}
    for code in codes:
        root = code[:2]
        candidates = fallbacks(code, "")
        if root == APPEAL_ROOT:
            candidates += fallbacks(DEMAND_ROOT + code[2:], " of the parallel demand code (02x -> 10x)")
        for candidate, how in candidates:
            if candidate in rows:
                table[code] = {**rows[candidate], "from": candidate}
                counts[f"plover: {how}"] += 1
                break
        else:
            if root not in UNCODED_ROOTS:
                raise ValueError(f"CAMEO code {code} has no PLOVER mapping")
            table[code] = {"plover_type": None, "plover_mode": None, "plover_context": None, "from": None}
            counts["plover: not coded by PLOVER (public statement)"] += 1
    counts["plover rows for codes not in cameo-codes.csv (ignored)"] += len(set(rows) - set(codes))
    return table


# ---------------------------------------------------------------- verb dictionary


@dataclass
class VerbBlock:
    code: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)  # (lemma, own code)
    patterns: list[dict] = field(default_factory=list)


def active_code(bracketed: str) -> tuple[str | None, bool]:
    """'[042:043]' -> ('042', True). PETRARCH's [active:passive]: the passive half is for
    passive clauses, which are left to the coder; a code with only a passive half is not
    usable. Returns (code or None for the null code, usable)."""
    active = bracketed.strip("[]").split(":")[0].strip()
    if not active:
        return None, False
    return (None if active == NULL_CODE else active), True


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """'&NAME' followed by '+WORD' lines. A trailing '_' (on the word or the name) only
    stops PETRARCH's plural generation, so it is dropped here."""
    synsets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = clean_line(raw)
        if line.startswith("&"):
            name = line[1:].rstrip("_")
            synsets[name] = []
        elif line.startswith("+") and name is not None:
            word = phrase(line[1:].rstrip("_"))
            if word not in synsets[name]:
                synsets[name].append(word)
    return synsets


def split_pattern(text: str) -> list[str]:
    """Tokens of a pattern side, with '(PREP ...)' and '{...}' groups kept whole and
    articles dropped (a dependency head never is one)."""
    tokens = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text)
    return [
        " ".join(word for word in token.split() if word.strip("(){}").lower() not in ARTICLES)
        for token in tokens
        if token.lower() not in ARTICLES
    ]


def expand_word(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """A pattern noun as alternative lower-case words (a synset gives several); single
    words only, since a dependency head is one word."""
    if token.startswith("&"):
        words = synsets[token[1:].rstrip("_")]
    else:
        words = [phrase(token)]
    return [word for word in words if " " not in word]


class Unrepresentable(Exception):
    """A pattern element that head words and prepositions cannot express; str() is the reason."""


def parse_pattern(line: str, synsets: dict[str, list[str]]) -> list[dict]:
    """'- PRE * POST [code]' -> pattern dicts (one per noun of a synset inside a
    prepositional phrase, since each prep pair must hold on its own)."""
    body, code_token = line[1:].rsplit("[", 1)
    code, usable = active_code("[" + code_token)
    if not usable:
        raise Unrepresentable("passive-only code [:xxx]")
    pre_text, post_text = body.split("*", 1)
    pre, post = split_pattern(pre_text), split_pattern(post_text)
    tokens = pre + post
    if any(word.strip("(){}") in SOURCE_TARGET_MARKERS for token in tokens for word in token.split()):
        raise Unrepresentable("actor marker ($ source, + target, % compound)")
    for token in tokens:
        for name in re.findall(r"&(\w+)", token):
            if name.rstrip("_") not in synsets:
                raise Unrepresentable("undefined synset")
    if any("{" in token for token in tokens):
        raise Unrepresentable("noun phrase with modifiers {...}")
    if any(token.startswith("(") for token in pre):
        raise Unrepresentable("prepositional phrase before the verb")
    if len(pre) > 1:
        raise Unrepresentable("more than one noun before the verb")
    objects = [token for token in post if not token.startswith("(")]
    if len(objects) > 1:
        raise Unrepresentable("more than one noun after the verb (particle or second object)")

    subject_heads = noun_heads(expand_word(pre[0], synsets)) if pre else []
    object_heads = noun_heads(expand_word(objects[0], synsets)) if objects else []
    if (pre and not subject_heads) or (objects and not object_heads):
        raise Unrepresentable("multi-word noun")

    prep_options: list[list[list[str | None]]] = []
    for group in (token for token in post if token.startswith("(")):
        words = group.strip("()").split()
        if len(words) > 2:
            raise Unrepresentable("prepositional phrase with more than one noun")
        preposition = phrase(words[0])
        if len(words) == 1 or words[1] == ANY_NOUN:
            prep_options.append([[preposition, None]])
            continue
        nouns = noun_heads(expand_word(words[1], synsets))
        if not nouns:
            raise Unrepresentable("multi-word noun")
        prep_options.append([[preposition, noun] for noun in nouns])
    if not (subject_heads or object_heads or prep_options):
        raise Unrepresentable("no constraint beyond the verb")

    combinations: list[list[list[str | None]]] = [[]]
    for options in prep_options:
        combinations = [chosen + [option] for chosen in combinations for option in options]
    patterns = []
    for preps in combinations:
        pattern: dict = {"object_heads": object_heads, "preps": preps, "code": code}
        if subject_heads:
            pattern["subject_heads"] = subject_heads
        patterns.append(pattern)
    return patterns


def read_verb_line(line: str) -> tuple[str, list[str], str | None, bool]:
    """'WORD {FORM FORM} [code]' -> (lemma, irregular forms, own code, has own code)."""
    own_code, has_code = None, False
    code_match = re.search(r"\[[^\]]*\]\s*$", line)
    if code_match:
        own_code, has_code = active_code(code_match.group())
        line = line[: code_match.start()].strip()
    forms_match = re.search(r"\{([^}]*)\}?", line)
    forms = forms_match.group(1).replace(",", " ").split() if forms_match else []
    head = line[: forms_match.start()].strip() if forms_match else line
    return phrase(head), [phrase(form) for form in forms], own_code, has_code


def read_verb_dictionary(vendor: Path, codes: dict[str, dict], counts: Counter):
    lines = (vendor / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
    synset_start = next(i for i, line in enumerate(lines) if line.startswith(SYNSET_SECTION))
    verb_start = next(i for i, line in enumerate(lines) if line.startswith(VERB_SECTION))
    verb_end = next(i for i, line in enumerate(lines) if line.startswith(TRANSFORMATION_SECTION))
    synsets = read_synsets(lines[synset_start:verb_start])

    blocks: list[VerbBlock] = []
    forms: dict[str, str] = {}
    for raw in lines[verb_start + 1 : verb_end]:
        if raw.startswith("---"):
            header = re.search(r"\[[^\]]*\]", raw)
            blocks.append(VerbBlock(code=active_code(header.group())[0] if header else None))
            continue
        line = clean_line(raw)
        if not line:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            counts["patterns in file"] += 1
            try:
                patterns = parse_pattern(line, synsets)
            except Unrepresentable as reason:
                counts[f"patterns dropped: {reason}"] += 1
                continue
            unknown = {p["code"] for p in patterns if p["code"] is not None and p["code"] not in codes}
            if unknown:
                counts["patterns dropped: code not in cameo-codes.csv"] += 1
                continue
            counts["pattern lines kept"] += 1
            block.patterns.extend(patterns)
            continue
        lemma, verb_forms, own_code, has_code = read_verb_line(line)
        counts["verb lines in file"] += 1
        block.verbs.append((lemma, own_code if has_code else block.code))
        for form in verb_forms:
            if form != lemma:
                forms.setdefault(form, lemma)
    return synsets, blocks, forms


def pattern_key(pattern: dict) -> tuple:
    return (
        tuple(pattern.get("subject_heads", [])),
        tuple(pattern["object_heads"]),
        tuple(tuple(pair) for pair in pattern["preps"]),
    )


def verbs_table(blocks: list[VerbBlock], codes: dict[str, dict], counts: Counter) -> dict[str, dict]:
    """Lemma -> default code and its block's patterns (PETRARCH applies a block's patterns
    to every verb of the block). Where a lemma is in two blocks, the first wins, as in
    PETRARCH; a repeated pattern with another code keeps the first code."""
    verbs: dict[str, dict] = {}
    for block in blocks:
        patterns, seen = [], {}
        for pattern in block.patterns:
            key = pattern_key(pattern)
            if key in seen:
                reason = "same code" if seen[key] == pattern["code"] else "another code, first kept"
                counts[f"patterns dropped: repeated in block ({reason})"] += 1
                continue
            seen[key] = pattern["code"]
            patterns.append(pattern)
        counts["patterns kept per block (synsets in prepositions expanded, repeats dropped)"] += len(patterns)
        for lemma, code in block.verbs:
            if lemma in verbs:
                counts["verb lemmas repeated in a later block (first kept)"] += 1
                continue
            if code is not None and code not in codes:
                counts["verb default codes not in cameo-codes.csv (set to null)"] += 1
                code = None
            verbs[lemma] = {"code": code, "patterns": patterns}
    return verbs


# ---------------------------------------------------------------- agents


def read_agents(vendor: Path, counts: Counter) -> dict[str, str]:
    """'PHRASE {PLURALS} [~CODE]' lines; '!NAME!' substitution sets expand to each listed
    form. Only listed forms are kept: regular plurals are left to the lemmatizer."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in (vendor / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        line = clean_line(raw)
        if not line:
            continue
        substitution = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.*)", line)
        if substitution:
            substitutions[substitution.group(1)] = [s.strip() for s in substitution.group(2).split(",")]
            continue
        # one entry in the file closes its code with '}' instead of ']'
        match = re.fullmatch(r"([^{\[]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]+)[\]}]", line)
        if not match:
            counts["agent lines dropped: no [code]"] += 1
            continue
        singular_form, plurals, code = match.groups()
        written = [singular_form] + (plurals.split() if plurals else [])
        for form in written:
            marker = next((m for m in substitutions if m in form), None)
            variants = [form.replace(marker, s) for s in substitutions[marker]] if marker else [form]
            for variant in variants:
                noun = phrase(variant.strip("_"))
                if agents.setdefault(noun, code.strip()) != code.strip():
                    counts["agent nouns with a second, different code (first kept)"] += 1
    return agents


# ---------------------------------------------------------------- output


def meta(source: str, licence: str, note: str) -> dict:
    return {"source": source, "licence": licence, "generated_by": "bench/build_event_lexicon.py", "note": note}


def write_json(out_dir: Path, name: str, meta_block: dict, body: dict) -> None:
    """One key per line, sorted, values compact: small diffs when a dictionary changes."""
    entries = [("_meta", meta_block), *sorted(body.items())]
    lines = [f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in entries]
    (out_dir / name).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


LICENSES = f"""# Licences of the event-coding data in this folder

Every file here is generated by `bench/build_event_lexicon.py` from third-party
dictionaries vendored in `shared/vendor/events/`; each JSON file repeats its source and
licence in its `_meta` block.

| file | derived from | licence |
|---|---|---|
| `cameo_codes.json` | {ICEWS} : data-raw/cameo-codes.csv (CAMEO code names and Goldstein values) | MIT, Copyright (c) Andreas Beger (andybega/icews LICENSE) |
| `cameo_plover.json` | {PLOVER} : CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 | CC BY-SA 4.0, (c) Open Event Data Alliance. This derived table is shared under the same licence, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); changes: old type names mapped to current ones, codes without a row filled from their parent as described in its `_meta` |
| `verbs.json`, `verb_forms.json`, `synsets.json` | {PETRARCH2} : petrarch2/data/dictionaries/CAMEO.2.0.txt | MIT, Copyright (c) 2015 Open Event Data Alliance |
| `agents.json` | {PETRARCH2} : petrarch2/data/dictionaries/Phoenix.agents.txt | MIT, Copyright (c) 2014 Open Event Data Alliance |

The MIT licence texts are in `shared/vendor/events/LICENSE.petrarch2` and `LICENSE.icews`:
permission is granted to use, copy, modify and distribute provided the copyright notice
and permission notice are included; the data is provided "as is", without warranty.
"""


def main(vendor: Path, out_dir: Path = OUT_DIR) -> None:
    counts: Counter = Counter()
    codes = read_cameo_codes(vendor)
    plover = plover_table(codes, read_plover_rows(vendor, counts), counts)
    synsets, blocks, forms = read_verb_dictionary(vendor, codes, counts)
    verbs = verbs_table(blocks, codes, counts)
    agents = read_agents(vendor, counts)

    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(
        out_dir,
        "cameo_codes.json",
        meta(f"{ICEWS} : data-raw/cameo-codes.csv", "MIT",
             "code -> name, Goldstein value (-10..10), two-digit root, quad class "
             "(1 verbal cooperation = roots 01-05, 2 material cooperation = 06-08, "
             "3 verbal conflict = 09-13, 4 material conflict = 14-20)."),
        codes,
    )
    write_json(
        out_dir,
        "cameo_plover.json",
        meta(f"{PLOVER} : CAMEO2PLOVER-2021.txt", "CC BY-SA 4.0 (this derived table too)",
             "CAMEO code -> PLOVER type, mode, context; 'from' is the PLOVER row used. "
             "PLOVER 0.5b1 names are mapped to current ones (DEMAND->REQUEST, DISAPPROVE->ACCUSE, "
             "INVESTIGATE->ACCUSE with mode investigate, FIGHT->ASSAULT, COOPERATION->COOPERATE). "
             "A code without its own row takes its three-digit parent's, else its root's "
             "residual code XX0 (two-digit rows are section headings: 08 is both CONCEDE and "
             "RETREAT). The table has no 01 or 02 rows: 02x (appeal) takes the parallel 10x "
             "(demand) row, as PLOVER's REQUEST merges appeals and demands; 01x (public "
             "statement) is not a PLOVER event, so its type, mode and context are null."),
        plover,
    )
    write_json(
        out_dir,
        "verbs.json",
        meta(f"{PETRARCH2} : petrarch2/data/dictionaries/CAMEO.2.0.txt", "MIT",
             "verb lemma (lower case; multi-word verbs with spaces, 'ask for') -> default "
             "CAMEO code (null: the verb alone is no event) and patterns refining it. A pattern "
             "holds when the verb's direct object has one of object_heads as its head (empty: "
             "no condition), every [preposition, noun] pair is among the verb's prepositions "
             "with their object heads (noun null: any object), and, if present, the subject's "
             "head is one of subject_heads. A pattern's code may be null: that use of the verb "
             "is no event. Heads are lower-case words, plural-looking ones with a guessed "
             "singular beside them; synsets are expanded (single words only). The passive half "
             "of PETRARCH's [active:passive] codes is dropped. Patterns with modifiers "
             "{...}, actor markers ($ + %), several nouns on one side or passive-only codes "
             "are dropped (counted by the converter)."),
        verbs,
    )
    write_json(
        out_dir,
        "verb_forms.json",
        meta(f"{PETRARCH2} : petrarch2/data/dictionaries/CAMEO.2.0.txt", "MIT",
             "inflected verb form listed in {...} in the dictionary -> lemma of verbs.json "
             "(regular forms are not listed)."),
        forms,
    )
    write_json(
        out_dir,
        "synsets.json",
        meta(f"{PETRARCH2} : petrarch2/data/dictionaries/CAMEO.2.0.txt", "MIT",
             "synset name (without '&' and the no-plural '_') -> its words and phrases, lower case."),
        synsets,
    )
    write_json(
        out_dir,
        "agents.json",
        meta(f"{PETRARCH2} : petrarch2/data/dictionaries/Phoenix.agents.txt", "MIT",
             "agent noun or phrase (lower case, singular; irregular plurals when listed; "
             "!PERSON!/!MINIST! substitutions expanded) -> PETRARCH agent code as written: "
             "'~GOV' is appended after an actor code, 'IGO~' is put before it."),
        agents,
    )
    (out_dir / "LICENSES.md").write_text(LICENSES, encoding="utf-8")

    pattern_count = sum(len(entry["patterns"]) for entry in verbs.values())
    print(f"cameo codes: {len(codes)}; mapped to PLOVER: {len(plover)}")
    print(f"verb blocks: {len(blocks)}; verb lemmas: {len(verbs)}; irregular forms: {len(forms)}")
    print(f"synsets: {len(synsets)}; agents: {len(agents)}")
    print(f"patterns over all lemmas (block patterns repeated per verb): {pattern_count}")
    for reason, count in sorted(counts.items()):
        print(f"  {reason}: {count}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_VENDOR_DIR)
