"""The actor rules' word families, loaded from newswire/data/actors/words.json (each family
says there why it exists)."""

from __future__ import annotations

from newswire.data import load as load_data

_WORDS = load_data("actors/words.json")


def _family(name: str) -> frozenset[str]:
    return frozenset(_WORDS[name]["words"])


LOCATIVE_PREPOSITIONS = _family("locative_prepositions")
COMMUNICATION_HEADS = _family("communication_heads")
AGENTIVE_OBJECT_VERBS = _family("agentive_object_verbs")
NOT_TITLES = _family("not_titles")
INSTITUTION_WORDS = _family("institution_words")
DETERMINERS = _family("determiners")
DESCRIPTION_FILLERS = _family("description_fillers")
ORG_NOUNS = _family("org_nouns")
NAMED_ORG_NOUNS = _family("named_org_nouns")
ORG_HEAD_WORDS = _family("org_head_words")
BODY_HEADS = _family("body_heads")
LAW_HEADS = _family("law_heads")
ORG_TRAILING_WORDS = _family("org_trailing_words")
NAME_PARTICLES = _family("name_particles")
STATE_BODIES = _family("state_bodies")
COMPARISON_WORDS = _family("comparison_words")
CATAPHORIC_PRONOUNS = _family("cataphoric_pronouns")
PLURAL_PRONOUNS = _family("plural_pronouns")
# pronoun -> PERSON (stands for one person) or GROUP (an organisation, a state, several people)
PRONOUNS: dict[str, str] = dict(_WORDS["pronouns"]["words"])
MALE_HONORIFICS = _family("male_honorifics")
FEMALE_HONORIFICS = _family("female_honorifics")
# pronoun -> "male" or "female"
GENDERED_PRONOUNS: dict[str, str] = dict(_WORDS["gendered_pronouns"]["words"])
NAME_SUFFIXES = _family("name_suffixes")
SECTOR_COLLECTIVES = _family("sector_collectives")
PERSON_NOUNS = _family("person_nouns")
PERSON_POSSESSIONS = _family("person_possessions")
ORG_POSSESSIONS = _family("org_possessions")
WORK_NOUNS = _family("work_nouns")
EVENT_HEADS = _family("event_heads")
PERSONAL_HONORIFICS = _family("personal_honorifics")
COMPANY_ENDINGS = _family("company_endings")
ORG_NAME_ENDINGS = _family("org_name_endings")
THING_NOUNS = _family("thing_nouns")
PLACE_NOUNS = _family("place_nouns")
GROUP_NEGATIONS = _family("group_negations")
MEMBER_COUNTS = _family("member_counts")
ORG_PLACE_HEADS = _family("org_place_heads")
NEWSPAPER_OPENINGS = _family("newspaper_openings")
# noun (lemma) -> ORG, GPE or NOT_ACTOR: what a name this noun classifies is
KIND_NOUNS: dict[str, str] = dict(_WORDS["kind_nouns"]["words"])
KIND_NOUNS_AFTER_NAME = _family("kind_nouns_after_name")
EXAMPLE_OPENERS = _family("example_openers")
IDIOMS = _family("idioms")
LANGUAGE_CUES = _family("language_cues")
AWARD_TAILS = _family("award_tails")
CLUBS_OF_A_PLACE = _family("clubs_of_a_place")
PARTY_ADJECTIVES = _family("party_adjectives")
REPORTER_ROLES = _family("reporter_roles")
NATIONALITY_ENDINGS = _family("nationality_endings")
WORK_TAILS = _family("work_tails")
DATE_WORDS = _family("date_words")
VENUE_HEADS = _family("venue_heads")
NON_LOCATIVE_IN_HEADS = _family("non_locative_in_heads")
DISTANCE_UNITS = _family("distance_units")
COLLECTIVE_SECTORS = _family("collective_sectors")
