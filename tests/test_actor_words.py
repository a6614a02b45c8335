"""The actor rules' word families (newswire/data/actors/words.json): the data's shape, and per
family a rule table of (text, expected) that fails when the family stops doing its job."""

from __future__ import annotations

import pytest

from newswire.actors import Corpus, extract_mentions
from newswire.actors.mentions import _org_name
from newswire.data import load as load_data
from newswire.nlp import load_nlp

WORDS = load_data("actors/words.json")


def mentions_of(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.key) for m in extract_mentions(load_nlp()(text)).mentions]


def speaker_keys(text: str, expression: str) -> list[str]:
    """Actor keys the last occurrence of `expression` in `text` resolves to as a speaker."""
    corpus = Corpus([("a", extract_mentions(load_nlp()(text)))])
    start = text.rindex(expression)
    return [m.key for m in corpus.resolve_speakers("a", text, start, start + len(expression))]


@pytest.mark.parametrize("family", sorted(WORDS))
def test_every_family_says_why_and_lists_lower_case_words_once(family):
    entry = WORDS[family]
    assert entry["why"].strip()
    words = list(entry["words"])
    assert words and len(words) == len(set(words))
    assert all(word == word.lower().strip() for word in words)


@pytest.mark.parametrize("family, text, expected", [
    # locative_prepositions: a capital after "in" is the city
    ("locative_prepositions", "Talks were held in Moscow on Monday.", ("Moscow", "name", "CITY:Moscow")),
    # ... and acting, it is the government
    ("locative_prepositions", "Moscow demanded guarantees.", ("Moscow", "metonym", "GPE:RUS")),
    # collective_sectors: troops are their military; investors are not the country's business
    ("collective_sectors", "Russian troops massed.", ("Russian troops", "title", "SECTOR:RUS|military")),
    ("collective_sectors", "Mittal told US investors so.", ("US investors", "title", "SECTOR:USA|investor|business")),
    ("communication_heads", "The response from Washington came late on Friday.", ("Washington", "metonym", "GPE:USA")),
    ("agentive_object_verbs", "The minister criticized Berlin for its stance.", ("Berlin", "metonym", "GPE:DEU")),
    ("institution_words", "Russia's Security Council met on Friday.",
     ("Russia's Security Council", "name", "ORG:security council|RUS")),
    ("institution_words", "Russia's Interfax reported the news.", ("Interfax", "name", "ORG:interfax")),
    ("name_particles", "European Commission President Ursula von der Leyen spoke.",
     ("Ursula von der Leyen", "name", "PERSON:von der leyen|ursula")),
    ("name_suffixes", "Martin Luther King Jr. spoke.", ("Martin Luther King Jr.", "name", "PERSON:king|martin luther")),
    ("sector_collectives", "The Russian military said drills were routine.",
     ("Russian military", "name", "SECTOR:RUS|military")),
    # a lone surname with an honorific of the other gender is not the article's namesake
    ("male_honorifics", "Hillary Clinton spoke on Monday. Mr Clinton said little.", ("Clinton", "surname", "PERSON:clinton|")),
    ("female_honorifics", "Joe Biden spoke on Monday. Mrs Biden said little.", ("Biden", "surname", "PERSON:biden|")),
    # body_heads: a body named by its members is an actor of its own, not the first member
    ("body_heads", "Talks went on under the so-called Normandy format.",
     ("Normandy format", "name", "ORG:normandy format")),
    ("body_heads", "A 5,000-strong NATO rapid response force could be deployed.",
     ("NATO rapid response force", "name", "ORG:nato rapid response force")),
    ("body_heads", "He said meetings of the Russia-NATO council could help.",
     ("Russia-NATO council", "name", "ORG:russia nato council")),
    # a lone given name the model labels a place is a person's, unless something is at or in it
    ("locating_prepositions", 'Moyes said: "I speak to Tommy regularly and we know where we are."',
     ("Tommy", "surname", "PERSON:tomy|")),
    ("locating_prepositions", "It is not known whether the two of them ever clashed cues at Jack's.",
     ("Jack", "name", "CITY:Jack")),
    # newspaper_endings: one such word after a lower-case "the", untagged, is the newspaper
    ("newspaper_endings", "According to the Observer, 3,000 jobs could be lost.", ("Observer", "name", "ORG:observer")),
    ("newspaper_endings", "He went to the Post Office on Monday.", ("Post Office", "name", "ORG:post office")),
    ("county_endings", "Much of the funding came from Yorkshire millionaire Sir Paul Sykes.", ("Yorkshire", "name", "CITY:Yorkshire")),
])
def test_mention_rules(family, text, expected):
    assert expected in mentions_of(text), family


@pytest.mark.parametrize("family, text, expected", [
    # a lone country before the head is that country's own body: the country keeps the mention
    ("body_heads", "The US force landed in Kabul.", ("US", "name", "GPE:USA")),
    # plural heads are the members' people, not a body ("NATO forces" are NATO's)
    ("body_heads", "NATO forces moved east.", ("NATO", "name", "ORG:NATO")),
])
def test_mention_rules_that_keep_the_member(family, text, expected):
    assert expected in mentions_of(text), family


@pytest.mark.parametrize("family, text, absent", [
    ("law_heads", "Firms must comply with the Sarbanes-Oxley Act by next year.", "Sarbanes-Oxley Act"),
    # not_titles' plural kin: a plural role noun before a name is a class, not an office held
    ("not_titles", "The figures come from analysts Screen Digest, who said sales rose.", "PERSON"),
    # a former tie hyphened to a name ("ex-Yukos boss") is no actor
    ("former_prefixes", "A close ally of the ex-Yukos boss, Mr Nevzlin is currently based in Israel.", "ex-Yukos"),
    # what an organisation makes is its product
    ("product_verbs", "Inbev, which makes Stella Artois, said pre-tax profits for 2004 rose 56%.", "Stella Artois"),
])
def test_rules_that_keep_a_name_out(family, text, absent):
    assert all(absent not in (surface, key.split(":")[0]) for surface, _, key in mentions_of(text)), family


@pytest.mark.parametrize("surface, name", [
    ("Forum for the Future research", "Forum for the Future"),  # the model ran on into a common noun
    ("Forum for the Future research group", "Forum for the Future research group"),  # "group" ends names
    ("Komeito party", "Komeito party"),
    ("Senate intelligence committee", "Senate intelligence committee"),
    ("The Guardian newspaper", "The Guardian"),
    ("eBay", "eBay"),
])
def test_org_trailing_words(surface, name):
    assert _org_name(surface) == name


@pytest.mark.parametrize("family, text, expected_roles", [
    ("not_titles", "Sergey Lavrov met his counterpart, Antony Blinken, in Geneva.", {}),
    ("not_titles", "Kowalski, the mayor, said the plan had failed.", {"PERSON:kowalski|": ["mayor"]}),
])
def test_role_rules(family, text, expected_roles):
    assert extract_mentions(load_nlp()(text)).roles == expected_roles, family


@pytest.mark.parametrize("family, text, expected", [
    # determiners open a description; description_fillers carry no role information
    ("determiners", "The Secretary of State said talks would go on.", [("secretary", ("secretary", "state"), None)]),
    ("description_fillers", "The top US diplomat said talks would go on.", [("diplomat", ("diplomat",), "USA")]),
    ("determiners", "Diplomats said talks would go on.", []),
])
def test_description_rules(family, text, expected):
    descriptions = extract_mentions(load_nlp()(text)).descriptions
    assert [(d.head, d.content, d.country) for d in descriptions] == expected, family


@pytest.mark.parametrize("family, text, expression, expected", [
    ("org_nouns", "HSBC reported higher profits on Monday. The lender said costs would fall.", "The lender", ["ORG:hsbc"]),
    ("named_org_nouns", "The Interior Ministry said on Monday it was ready. The ministry said it would act.",
     "The ministry", ["ORG:interior ministry"]),
    # "the bank" names its kind: Goldman Sachs is not called a bank in its name
    ("named_org_nouns", "Goldman Sachs reported higher profits on Monday. The bank said costs would fall.", "The bank", []),
    ("org_head_words", "Walmart reported a loss on Monday. The Walmart company said it would cut jobs.",
     "The Walmart company", ["ORG:walmart"]),
    ("state_bodies", "Russian officials said the talks had failed.", "Russian officials", ["GPE:RUS"]),
    # a nationality ending the phrase is one person of it (person_demonym_endings), no one speaking for the state
    ("person_demonym_endings", "To have an Australian come up and deliver such a surprise was great.", "an Australian", []),
    ("pronouns", "Secretary of State Antony Blinken spoke in Geneva. He said talks would go on.", "He",
     ["PERSON:blinken|antony"]),
    # a singular agent noun that is no sector's collective is one body: "the US newspaper" is the paper named before
    ("sector_collectives", "The Washington Post reported the memo. The US newspaper said it was secret.",
     "The US newspaper", ["ORG:The Washington Post"]),
    ("gendered_pronouns", "Joe Biden met Hillary Clinton on Monday. \u201cWe agreed,\u201d she said.", "she",
     ["PERSON:clinton|hilary"]),
    ("comparison_words", "Jens Stoltenberg spoke in Brussels on Monday. But like Emmanuel Macron, he rejected the plan.",
     "he", ["PERSON:stoltenberg|jens"]),
    ("cataphoric_pronouns", "Jens Stoltenberg spoke in Brussels. After his meeting with Wang Yi, Emmanuel Macron said "
     "France was ready.", "his", ["PERSON:macron|emanuel"]),
    ("plural_pronouns", "Japan and the European Union said on Monday that they signed the deal.", "they",
     ["GPE:JPN", "ORG:European Union"]),
    # a list closed by "and" is coordinated too; a comma alone (an apposition) is not
    ("plural_pronouns", "Envoys of Peru, Chile, Bolivia and Ecuador met on Monday. Later they signed a deal.", "they",
     ["GPE:PER", "GPE:CHL", "GPE:BOL", "GPE:ECU"]),
    # newspaper_endings: "the paper" is the newspaper named last, not the firm named after it
    ("newspaper_endings", "Fiat may list Ferrari, the Financial Times has reported. Fiat owns 56% of Ferrari. "
     "The plan, which the paper said could come within days, is big.", "the paper", ["ORG:Financial Times"]),
])
def test_speaker_rules(family, text, expression, expected):
    assert speaker_keys(text, expression) == expected, family


def test_every_family_has_a_rule_test():
    tested = {"locative_prepositions", "communication_heads", "agentive_object_verbs", "institution_words",
              "name_particles", "not_titles", "determiners", "description_fillers", "org_nouns", "named_org_nouns",
              "org_head_words", "state_bodies", "pronouns", "male_honorifics", "female_honorifics", "gendered_pronouns",
              "name_suffixes", "sector_collectives", "body_heads", "law_heads", "org_trailing_words",
              "comparison_words", "cataphoric_pronouns", "plural_pronouns", "collective_sectors", "peer_titles",
              "locating_prepositions", "former_prefixes", "product_verbs", "county_endings",
              "business_reference_nouns", "public_body_words"}
    tested_in_test_actor_evidence = {"person_nouns", "person_possessions", "org_possessions", "work_nouns", "event_heads",
                                     "personal_honorifics", "company_endings", "org_name_endings", "thing_nouns",
                                     "place_nouns", "group_negations", "org_place_heads", "newspaper_openings",
                                     "member_counts", "person_demonym_endings", "postnominals", "religions", "work_verbs",
                                     "fiscal_events", "portfolio_endings", "appositive_office_exceptions",
                                     "title_verbs", "place_name_endings", "thing_endings", "performer_nouns",
                                     "regional_adjectives", "award_participles", "group_word_endings", "group_names",
                                     "player_list_headers", "result_verbs"}
    tested_in_test_actor_kinds = {"kind_nouns", "kind_nouns_after_name", "example_openers", "idioms", "language_cues",
                                  "award_tails", "clubs_of_a_place", "party_adjectives", "reporter_roles",
                                  "nationality_endings", "work_tails", "date_words", "venue_heads",
                                  "non_locative_in_heads", "distance_units", "descriptor_nouns",
                                  "organisation_heads", "title_prepositions", "title_pronouns", "newspaper_endings",
                                  "field_offices", "firm_nouns_after_name", "title_words", "equity_nouns", "business_results", "nation_adjectives", "contest_nouns"}
    assert tested | tested_in_test_actor_evidence | tested_in_test_actor_kinds == set(WORDS)
