"""Actors and mentions on the seed articles (golden cases) and on the rules' edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import mention_rows
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from newswire.actors import ArticleEntities, Corpus, extract_mentions
from newswire.actors.names import person_key
from newswire.actors.records import LocalMention
from newswire.actors.descriptions import _overlap_test
from newswire.gazetteer import (PLACE_NAME_SIMILARITY, _folded_country_names, _names_of_similar_length, fold, org_key,
                                lookup_place)
from newswire.ingest import read_document
from newswire.nlp import load_nlp
from newswire.structure import body_text, structure

SEEDS = Path(__file__).parent / "data" / "seeds"


def entities_of(text: str) -> ArticleEntities:
    return extract_mentions(load_nlp()(text))


@pytest.fixture(scope="module")
def seed_corpus():
    texts, extracted = {}, []
    for path in sorted(SEEDS.glob("*.txt")):
        text = body_text(structure(read_document(path, path.name)))
        texts[path.name] = text
        extracted.append((path.name, entities_of(text)))
    corpus = Corpus(extracted)
    actors, mentions = corpus.tables()
    return texts, {actor.name: actor for actor in actors}, mention_rows(mentions)


def test_spelling_variants_across_articles_are_one_actor(seed_corpus):
    _, actors, _ = seed_corpus
    assert {"Antony Blinken", "Anthony Blinken", "Blinken"} <= set(actors["Antony Blinken"].aliases)
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(actors["Sergey Lavrov"].aliases)
    assert {"Alexander Grushko", "Alexandr Grushko"} <= set(actors["Alexander Grushko"].aliases)
    assert actors["Antony Blinken"].article_count == 5
    assert "Anthony Blinken" not in actors and "Blinken" not in actors


def test_roles_and_countries_come_from_the_text(seed_corpus):
    _, actors, _ = seed_corpus
    assert "Russian Foreign Minister" in actors["Sergey Lavrov"].roles
    assert actors["Sergey Lavrov"].country == "RUS"
    assert any("Secretary of State" in role for role in actors["Antony Blinken"].roles)
    assert actors["Antony Blinken"].country == "USA"
    assert "NATO Secretary General" in actors["Jens Stoltenberg"].roles
    assert actors["Jens Stoltenberg"].country == "NOR"  # from "the Norwegian politician"
    assert actors["John Sullivan"].country == "USA"


def test_descriptions_resolve_to_the_person_meant(seed_corpus):
    _, actors, _ = seed_corpus
    assert {"the Secretary of State", "The US diplomat", "The head of US diplomacy"} <= set(actors["Antony Blinken"].references)
    assert {"his Russian counterpart", "the diplomat", "the head of Russian diplomacy"} <= set(actors["Sergey Lavrov"].references)
    assert "the Norwegian politician" in actors["Jens Stoltenberg"].references


def test_metonyms_map_to_the_state_and_locations_stay_cities(seed_corpus):
    _, actors, _ = seed_corpus
    assert {"Kremlin", "Moscow"} <= set(actors["Russia"].references)
    assert "Washington" in actors["United States"].references
    assert {"U.S.", "US", "United States", "Unites States"} <= set(actors["United States"].aliases)
    assert actors["Moscow"].type == "GPE" and actors["Moscow"].country == "RUS"
    assert actors["Kyiv"].aliases == ["Kiev"]
    assert "Moscow" not in actors["Russia"].aliases


def test_mentions_slice_the_text_and_point_at_known_actors(seed_corpus):
    texts, actors, mentions = seed_corpus
    ids = {actor.actor_id for actor in actors.values()}
    assert mentions and all(m["actor_id"] in ids for m in mentions)
    for mention in mentions:
        assert texts[mention["article_id"]][mention["start"]:mention["end"]] == mention["text"]
    assert len({m["mention_id"] for m in mentions}) == len(mentions)


def test_no_two_gold_people_share_an_actor(seed_corpus):
    _, actors, _ = seed_corpus
    people = [a for a in actors.values() if a.type == "PERSON"]
    assert len({a.actor_id for a in people}) == len(people)
    assert len(people) >= 12


def test_different_people_with_one_surname_stay_apart():
    first = entities_of("Joe Biden spoke on Monday. Biden said talks would go on.")
    second = entities_of("Hunter Biden appeared in court on Tuesday, his lawyer said.")
    actors, _ = Corpus([("a", first), ("b", second)]).tables()
    names = sorted(a.name for a in actors if a.type == "PERSON")
    assert names == ["Hunter Biden", "Joe Biden"]


def test_lone_surname_in_another_article_joins_the_only_person_of_that_name():
    first = entities_of("Russian Foreign Minister Sergey Lavrov met envoys in Geneva.")
    second = entities_of("Lavrov said Moscow would respond.")
    actors, mentions = Corpus([("a", first), ("b", second)]).tables()
    lavrov = [a for a in actors if a.type == "PERSON"]
    assert [a.name for a in lavrov] == ["Sergey Lavrov"] and lavrov[0].article_count == 2


def test_a_name_the_context_types_outweighs_more_bare_mentions_the_model_types_otherwise():
    # the model calls the bare "Yukos" a person; "Russian oil firm Yukos" says it is a firm
    typed = entities_of("Russian oil firm Yukos said it would appeal. Yukos has denied the claims.")
    bare = [entities_of("Yukos has said it will fight the tax bill. Yukos denied owing money. Later Yukos met lawyers.")]
    assert typed.typed_by_context == {"yukos": "ORG"} and {m.type for m in bare[0].mentions} == {"PERSON"}
    actors, _ = Corpus([("a", typed), ("b", bare[0])]).tables()
    assert [(a.name, a.type, a.mention_count) for a in actors if a.name == "Yukos"] == [("Yukos", "ORG", 5)]



def yukos_mentions(n: int, label: str, key: str, typed: bool) -> ArticleEntities:
    """An article of n mentions of "Yukos" the model labelled `label`, typed by their context or not."""
    mentions = [LocalMention(15 * i, 15 * i + 5, "Yukos", label, "name", key) for i in range(n)]
    return ArticleEntities(mentions, {key: "Yukos"}, typed_by_context={"yukos": label} if typed else {})


@pytest.mark.parametrize("org, typed, person, expected", [
    (2, False, 3, ["PERSON"]),  # no context: the most mentions decide
    (1, True, 3, ["ORG"]),  # a typed mention counts as 1 + CONTEXT_TYPED_WEIGHT
    (1, True, 5, ["PERSON"]),  # but not more than that
    (2, True, 8, ["ORG", "PERSON"]),  # 2 + 2 * 3 = 8: a tie keeps both
])
def test_mentions_typed_by_their_context_weigh_more_than_bare_ones(org, typed, person, expected):
    articles = [("a", yukos_mentions(org, "ORG", "ORG:yukos", typed)), ("b", yukos_mentions(person, "PERSON", "PERSON:yukos|", False))]
    actors, _ = Corpus(articles).tables()
    assert sorted(a.type for a in actors if a.name == "Yukos") == expected


def names_article(*named: tuple[str, str]) -> ArticleEntities:
    """An article naming each (name, type) once, keyed as the mention stage keys them."""
    mentions, names = [], {}
    for i, (text, type_) in enumerate(named):
        surname, given = text.split()[-1], " ".join(text.split()[:-1])
        key = person_key(surname, given) if type_ == "PERSON" else org_key(text)
        mentions.append(LocalMention(40 * i, 40 * i + len(text), text, type_, "name", key))
        names[key] = text
    return ArticleEntities(mentions, names)


@pytest.mark.parametrize("people, expected", [
    (["Mervyn King", "Mervyn Jones", "Mervyn Smith"], "PERSON"),  # a given name of the corpus
    (["Mervyn King", "Mervyn Jones"], "ORG"),  # too few names to tell
])
def test_a_full_name_labelled_org_whose_first_word_opens_the_corpus_s_people_s_names_is_a_person(people, expected):
    articles = [("a", names_article(*((name, "PERSON") for name in people))), ("b", names_article(("Mervyn Davies", "ORG")))]
    actors, _ = Corpus(articles).tables()
    assert [a.type for a in actors if a.name == "Mervyn Davies"] == [expected]


def test_unresolvable_names_keep_their_own_actor():
    actors, mentions = Corpus([("a", entities_of("Kowalski, the mayor, said the plan had failed."))]).tables()
    assert [(a.name, a.roles) for a in actors if a.type == "PERSON"] == [("Kowalski", ["mayor"])]
    assert mentions["text"][0] == "Kowalski"


@pytest.mark.parametrize("text", ["", "   ", "no entities here at all.", "Путин и Лавров встретились в Москве.",
                                  "x" * 5000, "\"\u201c\u2019''\n\n--"])
def test_odd_text_never_raises(text):
    entities = extract_mentions(load_nlp()(text))
    for mention in entities.mentions:
        assert text[mention.start:mention.end] == mention.text
    Corpus([("a", entities)]).tables()


def test_entities_round_trip_through_json():
    entities = entities_of("NATO Secretary General Jens Stoltenberg said the Alliance was ready. The Norwegian politician added more.")
    assert ArticleEntities.from_json(entities.to_json()) == entities


def test_gazetteer_lookup():
    assert lookup_place("Unites States").key == "GPE:USA"
    assert lookup_place("U.K.").key == "GPE:GBR"
    assert lookup_place("Kiev").name == "Kyiv"
    assert lookup_place("Blinken") is None
    assert fold("Sergéy  Lavrov’s") == "sergey lavrov s"


def test_names_the_small_model_cuts_or_mislabels():
    text = ("The European Union is working with suppliers, European Commission President Ursula von der Leyen said. "
            "Russia's deputy U.N. ambassador, Dmitry Polyanskiy, dismissed the move.")
    entities = entities_of(text)
    people = {m.text: m.key for m in entities.mentions if m.type == "PERSON"}
    assert "Ursula von der Leyen" in people and "Dmitry Polyanskiy" in people
    assert people["Ursula von der Leyen"] == "PERSON:von der leyen|ursula"


def test_transliterations_and_honorific_forms_are_one_person():
    first = entities_of("Ukrainian President Volodymyr Zelenskiy spoke on Friday.")
    second = entities_of("President Volodymyr Zelenskyy met Mr Scholz. German Chancellor Olaf Scholz said little.")
    actors, _ = Corpus([("a", first), ("b", second)]).tables()
    people = {a.name: a for a in actors if a.type == "PERSON"}
    assert len([n for n in people if "Volodymyr" in n]) == 1
    assert "Mr Scholz" in people["Olaf Scholz"].aliases


def test_pronoun_speaker_is_the_subject_not_a_person_quoted():
    text = ("Secretary of State Antony Blinken spoke to reporters in Geneva on Friday afternoon. "
            "\u201cIt is up to President Putin. We will see how they respond,\u201d he said.")
    entities = entities_of(text)
    corpus = Corpus([("a", entities)])
    start = text.index(" he said") + 1
    [speaker] = corpus.resolve_speakers("a", text, start, start + 2)
    assert speaker.kind == "pronoun" and speaker.key == corpus.canonical(
        next(m.key for m in entities.mentions if m.text == "Antony Blinken"))


def test_unnamed_officials_speak_for_their_state_or_body():
    text = "A senior Ukrainian official told CNN that the call did not go well."
    corpus = Corpus([("a", entities_of(text))])
    [speaker] = corpus.resolve_speakers("a", text, 0, len("A senior Ukrainian official"))
    assert speaker.key == "GPE:UKR"


def test_organisation_nouns_and_repeated_unnamed_speakers():
    text = ("Russia's Central Bank raised its key rate on Tuesday. The regulator said inflation risks were rising. "
            "One Italian official said talks would go on. The official added that Rome wanted more.")
    corpus = Corpus([("a", entities_of(text))])
    regulator = text.index("The regulator")
    [bank] = corpus.resolve_speakers("a", text, regulator, regulator + len("The regulator"))
    assert bank.type == "ORG" and "central bank" in bank.key
    one = text.index("One Italian official")
    [italy] = corpus.resolve_speakers("a", text, one, one + len("One Italian official"))
    again = text.index("The official")
    [same] = corpus.resolve_speakers("a", text, again, again + len("The official"))
    assert italy.key == same.key == "GPE:ITA"


_STRETCH = st.tuples(st.integers(0, 40), st.integers(0, 40))


@settings(max_examples=300, deadline=None)
@given(st.lists(_STRETCH, max_size=8), _STRETCH)
def test_a_description_overlaps_a_mention_as_a_pass_over_every_mention_finds(mentions, chunk):
    start, end = chunk
    assert _overlap_test(mentions)(start, end) == any(s < end and start < e for s, e in mentions)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_folded_country_names())), st.text(alphabet="aeinrsu -", max_size=4), st.integers(0, 40))
def test_a_misspelt_country_is_matched_among_the_names_of_similar_length_as_among_all(name, typo, at):
    spelt = name[:at] + typo + name[at + len(typo) // 2:]
    every = process.extractOne(spelt, list(_folded_country_names()), scorer=fuzz.ratio, score_cutoff=PLACE_NAME_SIMILARITY)
    similar = process.extractOne(spelt, _names_of_similar_length(len(spelt)), scorer=fuzz.ratio,
                                 score_cutoff=PLACE_NAME_SIMILARITY)
    assert (every and every[:2]) == (similar and similar[:2])
