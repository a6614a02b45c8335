"""newswire's event-coding rules (newswire/data/events/coding.json) as one typed value."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newswire.data import load as load_data


@dataclass(frozen=True)
class Code:
    """A PLOVER type with the CAMEO code that names the same act."""

    plover: str
    cameo: str


def _codes(table: dict) -> dict[str, Code]:
    return {word: Code(*pair) for word, pair in table.items() if not word.startswith("_")}


@dataclass(frozen=True)
class Rules:
    reporting_verbs: frozenset[str]  # transparent: the reported act is coded, not the report
    transparent_verbs: frozenset[str]  # "decided to withdraw": the complement is the act
    governing_verbs: dict[str, Code]  # "urged X to withdraw": the governing verb's type wins
    ready_adjectives: frozenset[str]  # "is ready to talk": intent, AGREE
    stance_adjectives: dict[str, dict[str, Code]]  # "remains committed to": adjective -> preposition -> code
    verbs: dict[str, Code]
    verbs_with_particle: dict[str, Code]  # "call for", "pull out"
    verbs_needing_an_object: dict[str, dict[str, Code]]  # "send troops", "hold talks", "impose sanctions"
    nouns: dict[str, Code]
    target_prepositions: dict[str, frozenset[str]]
    type_defaults: dict[str, str]  # PLOVER type -> CAMEO code when a structure changes the type
    cooperative_types: frozenset[str]
    future_conflict_types: frozenset[str]  # "will retaliate", "will strike": a threat
    prepositional_objects: dict[str, dict[str, Code]]  # "put the army on alert"
    quantity_heads: frozenset[str]  # "thousands of protesters": the protesters act
    batch_heads: frozenset[str]  # "held a series of talks": the talks are held
    stretch_heads: frozenset[str]  # "a series of talks": acts over a stretch of time
    stretch_adverbs: frozenset[str]  # "has long accused": an act over a stretch of time
    delegate_heads: frozenset[str]  # "representatives of Russia": Russia acts
    frontier_nouns: frozenset[str]  # "troops near the Ukrainian border": aimed at Ukraine
    participant_nouns: frozenset[str]  # "the parties agreed": the doers of the last act of several
    mutual_triggers: dict[str, frozenset[str]]  # type -> trigger lemmas of acts done together ("X, Y and Z met")
    joint_types: frozenset[str]  # "Russia and Ukraine agreed": doers named together may act as one
    concern_nouns: dict[str, Code]  # "concerns about Russian actions": disapproval
    concern_prepositions: frozenset[str]
    conduct_nouns: frozenset[str]  # what an actor does that concern may be voiced about
    concern_verbs: frozenset[str]  # "Japan raised concerns about": the subject holds them
    synonymous_triggers: dict[str, tuple[frozenset[str], ...]]  # type -> groups of words for one act
    support_verbs: frozenset[str]  # "workers began a strike": the subject holds the nominal event
    recipient_verbs: frozenset[str]  # "Moscow received Washington's response": the subject is the target
    government_heads: frozenset[str]  # "Biden's administration": the state the leader governs
    future_auxiliaries: frozenset[str]
    conditional_auxiliaries: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    conditional_markers: frozenset[str]
    hypothetical_words: frozenset[str]
    actor_pronouns: frozenset[str]
    actor_nouns: frozenset[str]  # common nouns for actors the agents dictionary lacks ("officials", "rebels")
    not_actor_heads: frozenset[str]
    person_titles: frozenset[str] = frozenset()  # "Mr Balls", "Lord Browne": a titled name is a person
    speech_complements: frozenset[str] = frozenset()  # "declined to comment": no event
    admission_verbs: frozenset[str] = frozenset()  # "conceded that": an admission, no event
    undergoer_verbs: frozenset[str] = frozenset()  # "drew criticism from X": the subject undergoes the act
    duration_heads: frozenset[str] = frozenset()  # "weeks of protests": a new occurrence
    patient_types: frozenset[str] = frozenset()
    menace_nouns: frozenset[str] = frozenset()
    actor_object_verbs: frozenset[str] = frozenset()  # "fight crime", "beating artists": no act
    objectless_no_act_verbs: frozenset[str] = frozenset()  # "had rarely threatened": no act
    access_verbs: frozenset[str] = frozenset()  # "allowed inspectors to visit": access granted
    seat_names: frozenset[str] = frozenset()  # "Downing Street rejected": a seat of government acts
    pledge_verbs: frozenset[str] = frozenset()  # "promise to keep the payments": a campaign pledge
    protester_nouns: frozenset[str] = frozenset()  # "demonstrators attacked buildings": a riot
    transfer_verbs: frozenset[str] = frozenset()  # "send", "deliver": read a batch through its "of"
    place_particle_verbs: frozenset[str] = frozenset()  # "took over the town", not "the firm"
    place_nouns: frozenset[str] = frozenset()
    state_bodies: frozenset[str] = frozenset()
    open_threats: frozenset[str] = frozenset()  # "did not rule out a strike": a threat  # "a protest from the Thai government": a complaint  # "warned of consequences": a threat, not a caution
    verbal_force_verbs: frozenset[str] = frozenset()  # "the two leaders clashed": words, not force
    force_senses: dict[str, dict[str, Code]] | None = None  # "struck hideouts", "farmers blockaded": by argument kind
    idiom_objects: frozenset[str] = frozenset()  # "struck the ball", "struck a chord": no force
    armed_sectors: frozenset[str] = frozenset()  # agent sectors that bear arms (~MIL, ~REB, ...)
    armed_nouns: frozenset[str] = frozenset()  # "jets", "drones": weapons that stand for the force using them
    onset_verbs: frozenset[str] = frozenset()  # "protests erupted", "fighting broke out": a new occurrence
    force_targets: frozenset[str] = frozenset()  # "attacked a convoy": things force is aimed at, not words
    not_event_compounds: frozenset[str] = frozenset()  # "a press release": no release
    object_keyed_nouns: frozenset[str] = frozenset()  # "a ban on imports", not "a ban on smoking"
    walkout_nouns: frozenset[str] = frozenset()  # "unions carried out strikes": walkouts, not air strikes
    currency_words: frozenset[str] = frozenset()  # "20 million euros": a sum of money
    envoy_nouns: frozenset[str] = frozenset()  # "ordered the ambassador to leave": an expulsion
    background_prepositions: frozenset[str] = frozenset()  # "imposed a curfew after the riots": not the doer's
    contest_verbs: frozenset[str] = frozenset()  # "Henman beat Federer": named rivals, no force
    joint_adverbs: frozenset[str] = frozenset()  # "jointly investigated", "work together": cooperation
    sport_words: frozenset[str] = frozenset()  # "scored", "striker": the sentence reports a game
    aimed_force_verbs: frozenset[str] = frozenset()  # "targeted a return", "hit the headlines": no force
    trade_verbs: frozenset[str] = frozenset()  # "GE bought Vivendi": business, the dictionary not consulted
    dismissal_verbs: frozenset[str] = frozenset()  # "executives were fired": a dismissal
    means_nouns: frozenset[str] = frozenset()  # "delivered by helicopter": the means, not the doer
    danger_verbs: frozenset[str] = frozenset()  # "would be a threat": a danger, no threat made
    verbal_senses: dict[str, dict[str, Code]] | None = None  # "attacked Labour" said by a person: criticism  # "the invasion of Iraq": the "of" phrase is the target

    def default(self, plover: str) -> Code:
        return Code(plover, self.type_defaults[plover])


def _with_transfers(data: dict) -> dict[str, dict[str, Code]]:
    """Object-conditioned verbs, with every transfer verb ("send", "ship", "deliver") taking
    the transfer objects ("aid", "weapons", "troops") its own entries do not already code."""
    tables = {verb: _codes(objects) for verb, objects in data["verbs_needing_an_object"].items()
              if not verb.startswith("_")}
    transfers = _codes(data["transfer_objects"])
    for verb in data["transfer_verbs"]:
        tables[verb] = {**transfers, **tables.get(verb, {})}
    return tables


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_data("events/coding.json")
    words = {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}
    return Rules(
        reporting_verbs=words["reporting_verbs"], transparent_verbs=words["transparent_verbs"],
        governing_verbs=_codes(data["governing_verbs"]), ready_adjectives=words["ready_adjectives"],
        stance_adjectives={adjective: _codes(by_preposition) for adjective, by_preposition
                           in data["stance_adjectives"].items()},
        verbs=_codes(data["verbs"]), verbs_with_particle=_codes(data["verbs_with_particle"]),
        verbs_needing_an_object=_with_transfers(data),
        prepositional_objects={verb: _codes(objects) for verb, objects in data["prepositional_objects"].items()
                               if not verb.startswith("_")},
        quantity_heads=words["quantity_heads"], batch_heads=words["batch_heads"], stretch_heads=words["stretch_heads"],
        stretch_adverbs=words["stretch_adverbs"],
        delegate_heads=words["delegate_heads"], frontier_nouns=words["frontier_nouns"],
        participant_nouns=words["participant_nouns"],
        mutual_triggers={plover: frozenset(lemmas) for plover, lemmas in data["mutual_triggers"].items()},
        joint_types=words["joint_types"], concern_nouns=_codes(data["concern_nouns"]),
        concern_prepositions=words["concern_prepositions"], conduct_nouns=words["conduct_nouns"],
        concern_verbs=words["concern_verbs"],
        synonymous_triggers={plover: tuple(frozenset(group) for group in groups)
                             for plover, groups in data["synonymous_triggers"].items()},
        support_verbs=words["support_verbs"],
        recipient_verbs=words["recipient_verbs"], government_heads=words["government_heads"],
        nouns=_codes(data["nouns"]),
        target_prepositions={plover: frozenset(preps) for plover, preps in data["target_prepositions"].items()},
        type_defaults=dict(data["type_defaults"]), cooperative_types=words["cooperative_types"],
        future_conflict_types=words["future_conflict_types"], future_auxiliaries=words["future_auxiliaries"],
        conditional_auxiliaries=words["conditional_auxiliaries"],
        obligation_auxiliaries=words["obligation_auxiliaries"], conditional_markers=words["conditional_markers"],
        hypothetical_words=words["hypothetical_words"], actor_pronouns=words["actor_pronouns"],
        actor_nouns=words["actor_nouns"],
        not_actor_heads=words["not_actor_heads"], person_titles=words["person_titles"],
        speech_complements=words["speech_complements"], admission_verbs=words["admission_verbs"],
        undergoer_verbs=words["undergoer_verbs"], duration_heads=words["duration_heads"],
        patient_types=words["patient_types"], menace_nouns=words["menace_nouns"],
        actor_object_verbs=words["actor_object_verbs"], objectless_no_act_verbs=words["objectless_no_act_verbs"],
        access_verbs=words["access_verbs"], seat_names=words["seat_names"], pledge_verbs=words["pledge_verbs"],
        protester_nouns=words["protester_nouns"], transfer_verbs=words["transfer_verbs"],
        place_particle_verbs=words["place_particle_verbs"], place_nouns=words["place_nouns"],
        state_bodies=words["state_bodies"], open_threats=words["open_threats"],
        verbal_force_verbs=words["verbal_force_verbs"], idiom_objects=words["idiom_objects"],
        force_targets=words["force_targets"], not_event_compounds=words["not_event_compounds"],
        object_keyed_nouns=words["object_keyed_nouns"], walkout_nouns=words["walkout_nouns"],
        currency_words=words["currency_words"], envoy_nouns=words["envoy_nouns"],
        background_prepositions=words["background_prepositions"], contest_verbs=words["contest_verbs"],
        joint_adverbs=words["joint_adverbs"], sport_words=words["sport_words"],
        aimed_force_verbs=words["aimed_force_verbs"], trade_verbs=words["trade_verbs"],
        dismissal_verbs=words["dismissal_verbs"], danger_verbs=words["danger_verbs"],
        means_nouns=words["means_nouns"], armed_sectors=words["armed_sectors"], armed_nouns=words["armed_nouns"], onset_verbs=words["onset_verbs"],
        force_senses={verb: _codes(senses) for verb, senses in data["force_senses"].items()},
        verbal_senses={verb: _codes(senses) for verb, senses in data["verbal_senses"].items() if not verb.startswith("_")},
    )


@lru_cache(maxsize=65536)  # asked of every verb and noun, with few distinct words
def word_forms(lemma: str, written: str) -> tuple[str, ...]:
    """Candidate dictionary forms of a word, the model's lemma first: the small model's
    lemmatizer errs on news verbs ("hopes" -> "hop"), so regular inflections of the written
    form are tried too."""
    written = written.lower()
    forms = [lemma.lower(), written]
    for suffix, replacements in INFLECTIONS:
        if written.endswith(suffix) and len(written) > len(suffix) + 2:
            stem = written[: -len(suffix)]
            forms.extend(stem + r for r in replacements)
    return tuple(dict.fromkeys(forms))


# Regular English inflections and what may have stood before them.
INFLECTIONS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("e", "")), ("s", ("",)), ("ed", ("e", "")), ("ing", ("e", "")),
               ("ying", ("ie",)))


def lookup(table: dict, lemma: str, written: str):
    """The table's entry for the first candidate form of a word that it has, else None."""
    for form in word_forms(lemma, written):
        if form in table:
            return table[form]
    return None


def form_in(words: frozenset[str], lemma: str, written: str) -> str | None:
    """The first candidate form of a word that the set holds, else None."""
    return next((form for form in word_forms(lemma, written) if form in words), None)


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, str]:
    return load_data("events/verb_forms.json")


@lru_cache(maxsize=None)
def synonym_groups(plover: str, words: tuple[str, ...]) -> tuple[int, ...]:
    """The groups of words for one act of the type (synonymous_triggers) that hold one of the
    words, each tried in its candidate dictionary forms, irregular ones included ("sent": send)."""
    irregular = _irregular_forms()
    forms = {form for word in words for form in (*word_forms(word, word), irregular.get(word.lower(), word.lower()))}
    return tuple(index for index, group in enumerate(rules().synonymous_triggers.get(plover, ())) if forms & group)
