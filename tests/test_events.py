"""The event coder, rule family by rule family, on sentences written for these tests."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from newswire.events.dates import ResolvedDate, compatible, resolve
from newswire.events.merge import Article, ResolvedMention, event_tables
from newswire.events.mentions import EventMention, extract_events
from newswire.nlp import load_nlp


@pytest.fixture(scope="module")
def code():
    nlp = load_nlp()

    def run(text: str) -> list[EventMention]:
        return extract_events(nlp(text))

    return run


def summary(found: list[EventMention], text: str) -> set[tuple]:
    return {(m.plover_type, m.trigger, tuple(text[a:b] for a, b in m.sources), tuple(text[a:b] for a, b in m.targets))
            for m in found}


@pytest.mark.parametrize("text, expected", [
    # plain verbs, with source and target from the tree
    ("Police arrested three protesters outside the parliament.", ("COERCE", "arrested", ("Police",), ("three protesters",))),
    ("The army shelled the town overnight.", ("ASSAULT", "shelled", ("The army",), ())),
    # passive: the agent acts, the subject undergoes
    ("The journalist was detained by security forces in Harare.",
     ("COERCE", "detained", ("security forces",), ("The journalist",))),
    # governing verbs override their complement
    ("The minister urged Russia to withdraw its troops.", ("REQUEST", "urged", ("The minister",), ("Russia",))),
    ("The government refused to release the prisoners.", ("REJECT", "refused", ("The government",), ("the prisoners",))),
    ("Iran agreed to meet the inspectors next week.", ("AGREE", "agreed", ("Iran",), ("the inspectors",))),
    ("The union threatened to call a strike.", ("THREATEN", "threatened", ("The union",), ())),
    ("The US accused Russia of planning an invasion.", ("ACCUSE", "accused", ("The US",), ("Russia",))),
    ("The president vowed to crush the rebels.", ("THREATEN", "vowed", ("The president",), ("the rebels",))),
    # light verbs and their nouns
    ("The foreign ministers held talks with their Chinese counterparts.",
     ("CONSULT", "held talks", ("The foreign ministers",), ("their Chinese counterparts",))),
    ("The EU imposed sanctions on Belarus.", ("SANCTION", "imposed sanctions", ("The EU",), ("Belarus",))),
    ("Germany sent weapons to Ukraine.", ("AID", "sent weapons", ("Germany",), ("Ukraine",))),
    ("Serbia put its army on alert.", ("MOBILIZE", "put", ("Serbia",), ())),  # its own army: no target
    # a possessive pronoun owns the object like a name does (resolved later like any pronoun)
    ("Moscow said Washington had rejected its demands.", ("REJECT", "rejected", ("Washington",), ("its",))),
    # recipient verbs: the subject is the target, the giver the source
    ("Moscow received Washington's response on Wednesday.", ("CONSULT", "received", ("Washington",), ("Moscow",))),
    ("The ministry received a letter from the Ukrainian government.",
     ("CONSULT", "received", ("the Ukrainian government",), ("The ministry",))),
    # nominal events with their own participants
    ("The ministers discussed Moscow's demands.", ("REQUEST", "demands", ("Moscow",), ())),
    # the target's preposition one phrase further down
    ("The United States replied in writing to Russia.", ("CONSULT", "replied", ("The United States",), ("Russia",))),
    # the type's preposition names the target before the object's owner does
    ("The ambassador delivered Washington's reply to Moscow.", ("CONSULT", "delivered", ("The ambassador",), ("Moscow",))),
    ("NATO delivered written responses to Russia's security demands.",
     ("CONSULT", "delivered", ("NATO",), ("Russia",))),
    # numbers and quantities are not the actor: the people after "of" are
    ("Thousands of workers marched through the capital.", ("PROTEST", "marched", ("workers",), ())),
])
def test_structures(code, text, expected):
    assert expected in summary(code(text), text)


@pytest.mark.parametrize("text, plover, negated, hypothetical", [
    ("Russia said it would reject the proposal.", "REJECT", False, False),          # reporting verbs are transparent
    ("Moscow will meet the delegation on Friday.", "AGREE", False, False),          # future cooperation: intent
    ("The rebels will retaliate against the army.", "THREATEN", False, False),      # future conflict: a threat
    ("Nurses will strike unless the government improves its offer.", "THREATEN", False, False),
    ("Lavrov said Kyiv must stop the shelling.", "REQUEST", False, False),           # obligation in reported speech
    ("Russia said it would not meet the delegation.", "REJECT", False, False),      # refused cooperation
    ("The ministry did not share details with the inspectors.", "COOPERATE", True, False),  # did not happen
    ("Troops could be deployed to the border.", "MOBILIZE", False, True),           # possible
    ("If the talks fail, the army may attack the city.", "ASSAULT", False, True),   # conditional
    ("The alliance is ready to engage with Moscow.", "AGREE", False, False),        # readiness is intent
])
def test_modality(code, text, plover, negated, hypothetical):
    found = [m for m in code(text) if m.plover_type == plover]
    assert found, summary(code(text), text)
    assert (found[0].negated, found[0].hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("text", [
    '"We will attack them and destroy them," the commander said.',     # the speaker's words, not an account
    "The storm killed at least 14 people.",                          # no actor acts
    "Shares in London rose on Monday as investors welcomed the figures.",
    "The central bank left rates unchanged for a fourth consecutive meeting.",
    "NATO WARNS RUSSIA OVER TROOP BUILD-UP",                          # headline in capitals
    "Arsenal 2 Chelsea 1, Liverpool 3 Everton 0, 4-1, 2-2, 17 12 9 8",  # a table of figures
    "Jens Stoltenberg, Antony Blinken, Sergey Lavrov, Olaf Scholz",   # a list of names
    "La ministra rechazó la propuesta del gobierno ruso.",            # not English
    "",
])
def test_no_event_rather_than_a_wrong_one(code, text):
    assert code(text) == []


def test_very_long_sentence_is_not_coded(code):
    text = "The army attacked the town and " + " and ".join(["the villages"] * 150) + "."
    assert code(text) == []


def test_offsets_point_into_the_text(code):
    text = "On Wednesday, the US delivered its response to Russia.\nNATO urged Russia to de-escalate."
    for mention in code(text):
        assert text[mention.start:mention.end] == mention.trigger
        assert text[mention.sentence_start:mention.sentence_end].strip()
        assert all(0 <= a < b <= len(text) for a, b in mention.sources + mention.targets)
    assert {m.date_text for m in code(text) if m.plover_type == "CONSULT"} == {"Wednesday"}


@pytest.mark.parametrize("text, trigger, date_text", [
    # a date a verb below the trigger governs is not the trigger's
    ("The United States replied in writing to demands that the Kremlin put forward in December.", "replied", None),
    # a noun trigger's date, governed from above
    ("Lavrov said his meeting with Blinken on Friday went well.", "meeting", "Friday"),
    # a nominal act held by a support verb takes the verb's date, through a batch too
    ("Chile and Peru held a round of talks in Lima on March 3.", "talks", "March 3"),
])
def test_an_events_date_is_its_own_clauses(code, text, trigger, date_text):
    found = [m for m in code(text) if m.trigger.startswith(trigger)]
    assert found and {m.date_text for m in found} == {date_text}


BASE = date(2022, 1, 27)  # a Thursday


@pytest.mark.parametrize("expression, iso, precision", [
    ("on Wednesday", "2022-01-26", "day"),
    ("Thursday", "2022-01-27", "day"),          # the publication weekday is the publication day
    ("Jan. 26", "2022-01-26", "day"),
    ("last December", "2021-12", "month"),
    ("earlier this week", "2022-01-27", "week"),
    ("over the weekend", "2022-01-22", "week"),
    ("since the end of Oct. 2021", "2021-10", "month"),
    ("mid-August", "2021-08", "month"),
    ("in 2008", "2008", "year"),
    ("yesterday", "2022-01-26", "day"),
    ("Thursday's", "2022-01-27", "day"),
])
def test_dates(expression, iso, precision):
    found = resolve(expression, BASE)
    assert (found.iso, found.precision) == (iso, precision)


@pytest.mark.parametrize("expression, base", [("recent weeks", BASE), ("the coming days", BASE), ("", BASE),
                                              ("on Wednesday", None), ("gibberish words", BASE)])
def test_dates_that_name_no_time(expression, base):
    assert resolve(expression, base) is None


def test_date_compatibility():
    day = ResolvedDate(date(2022, 1, 26), "day")
    assert compatible(day, ResolvedDate(date(2022, 1, 27), "day"))      # a day apart: time zones
    assert not compatible(day, ResolvedDate(date(2022, 1, 28), "day"))
    assert compatible(day, ResolvedDate(date(2022, 1, 1), "month"))
    assert not compatible(day, ResolvedDate(date(2021, 12, 1), "month"))


def _mention(start: int, plover: str = "REJECT", hypothetical: bool = False, confidence: float = 0.8) -> EventMention:
    return EventMention(start, start + 8, "rejected", start, start + 20, plover, "120", False, hypothetical, ((0, 2),),
                        ((20, 26),), None, None, None, "verb", confidence, "reject")


def _resolved(article_id: str, mention: EventMention, sources=("GPE:USA",), targets=("GPE:RUS",),
              day: date = date(2022, 1, 26)) -> ResolvedMention:
    return ResolvedMention(article_id, mention, tuple(sources), tuple(targets), None, ResolvedDate(day, "day"), "sentence")


BLINKEN = "PERSON:blinken|antony"


@pytest.mark.parametrize("shared, expected", [
    ("act", (date(2022, 1, 26), "story")),     # the same act: the same story
    ("person", (date(2022, 1, 26), "story")),  # a person of its acts, in an act of the dated article
    ("country", None),                         # a country alone: named in every year's news
])
def test_an_undated_article_takes_the_day_of_a_story_it_shares_acts_or_people_with(shared, expected):
    from newswire.events.merge import _bases

    dated = ResolvedMention("dated", _mention(10), (BLINKEN,), ("GPE:RUS",), None, None, "none")
    undated = {"act": ((BLINKEN,), ("GPE:RUS",), "REJECT"), "person": ((BLINKEN,), ("GPE:CHN",), "ACCUSE"),
               "country": (("GPE:USA",), ("GPE:RUS",), "ACCUSE")}[shared]
    sources, targets, plover = undated
    mention = ResolvedMention("undated", _mention(10, plover=plover), sources, targets, None, None, "none")
    assert _bases({"dated": (date(2022, 1, 26), "published")}, [dated, mention], {}).get("undated") == expected


ARTICLES = {name: Article(name, "x" * 60, pd.Timestamp("2022-01-27", tz="UTC"), outlet)
            for name, outlet in (("a", "Reuters"), ("b", "AP"), ("c", "AP"))}


def _events(resolved):
    return event_tables(ARTICLES, resolved, actor_id=lambda key: key.lower(), texts_of=lambda a, s, e: "x" * (e - s))


def test_the_same_act_in_three_articles_is_one_event_with_every_mention():
    events, mentions = _events([_resolved(a, _mention(10)) for a in "abc"])
    assert len(events) == 1 and len(mentions) == 3
    event = events[0]
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)
    assert event["confidence"] > 0.8  # corroboration raises it above any one mention's
    assert {m["event_id"] for m in mentions} == {event["event_id"]}


def test_what_differs_stays_apart():
    events, _ = _events([
        _resolved("a", _mention(10)),
        _resolved("b", _mention(10, hypothetical=True)),                    # possible vs done
        _resolved("c", _mention(10), day=date(2022, 1, 20)),                # another day
        _resolved("c", _mention(30, plover="ACCUSE")),                      # another type
    ])
    assert len(events) == 4


def test_a_mention_naming_one_side_joins_the_only_event_it_fits():
    events, _ = _events([_resolved("a", _mention(10)), _resolved("b", _mention(10), targets=())])
    assert len(events) == 1 and events[0]["num_mentions"] == 2
    ambiguous, _ = _events([_resolved("a", _mention(10)), _resolved("b", _mention(10), targets=("GPE:CHN",)),
                            _resolved("c", _mention(10), targets=())])
    assert len(ambiguous) == 3


def test_an_article_that_names_one_fitting_act_in_full_settles_an_ambiguous_mention():
    # "Washington rejected Moscow's demands ... the rejection by the US": the article's own act
    resolved = [_resolved("a", _mention(10)), _resolved("b", _mention(10), targets=("GPE:CHN",)),
                _resolved("a", _mention(30), targets=())]
    events, mentions = _events(resolved)
    assert len(events) == 2
    joined = {m["event_id"] for m in mentions if m["article_id"] == "a"}
    assert len(joined) == 1  # both of article a's mentions in the USA -> RUS event
    # an article naming both fitting acts in full settles nothing
    both = resolved + [_resolved("a", _mention(50), targets=("GPE:CHN",))]
    assert len(_events(both)[0]) == 3


def test_government_bodies_act_for_their_state_and_others_for_themselves():
    from newswire.actors.records import Actor
    from newswire.events.parties import party_of

    def actor(actor_id, name, kind, country=None, sector=None, roles=()):
        return Actor(actor_id, name, kind, [], [], list(roles), country, sector, 1, 1)

    actors = [actor("rus", "Russia", "GPE", "RUS"), actor("usa", "United States", "GPE", "USA"),
              actor("mfa", "Russian Foreign Ministry", "ORG", "RUS", "government"),
              actor("army", "Russian military", "ORG", "RUS", "military"),
              actor("tass", "TASS", "ORG", "RUS", "media"), actor("nato", "NATO", "ORG"),
              actor("sullivan", "John Sullivan", "PERSON", "USA", "government", ["US ambassador to Moscow"]),
              actor("stoltenberg", "Jens Stoltenberg", "PERSON", None, None, ["NATO Secretary-General"])]
    party = party_of(actors, lambda key: key)
    assert [party(key) for key in ("mfa", "army", "tass", "nato", "sullivan", "stoltenberg", "rus")] == [
        "rus", "rus", "tass", "nato", "usa", "nato", "rus"]


def test_event_ids_do_not_depend_on_order():
    items = [_resolved(a, _mention(10)) for a in "abc"]
    assert _events(items)[0] == _events(list(reversed(items)))[0]


def test_only_text_in_the_models_language_is_extracted():
    from newswire.stages import extraction_inputs, not_in_model_language

    articles = pd.DataFrame({"article_id": ["en", "ru", "dup", "short"], "source": ["a", "b", "c", "d"],
                             "text": ["English text", "Русский текст", "English text", "Hi"],
                             "language": ["en", "ru", "en", "und"], "duplicate_of": [None, None, "en", None]})
    assert [item[0] for item in extraction_inputs(articles)] == ["en", "short"]
    assert not_in_model_language(articles) == 1


@pytest.mark.parametrize("text, plover", [
    ("Blinken said Washington would not agree to curb the admissions process.", "REJECT"),
    ("The government said there would be no concessions to the strikers.", "REJECT"),
    ("Blinken said he would speak with his Russian counterpart.", "AGREE"),
    # stance_adjectives: a stance held toward the object of the adjective's preposition
    ("Washington remains committed to the open-door policy.", "SUPPORT"),
    ("The White House is interested in a new arms treaty.", "AGREE"),
    ("Blinken said the United States was open to other ideas.", "AGREE"),
    ("The United States and NATO strongly adhered to the open-door policy.", "SUPPORT"),
])
def test_refusals_and_intents(code, text, plover):
    assert plover in {m.plover_type for m in code(text)}, summary(code(text), text)


@pytest.mark.parametrize("text", [
    "The shop is open on Sundays.",  # no preposition of the stance
    "Moscow is open to attack from the north.",  # "to" before a verb: vulnerable, not a stance
])
def test_adjectives_without_a_stance_code_nothing(code, text):
    assert not [m for m in code(text) if m.basis == "stance"], summary(code(text), text)


@pytest.mark.parametrize("expression, expected", [
    ("Joe Biden's administration", "GPE:USA"),  # government_heads: the state the leader governs
    ("US President Joe Biden", "PERSON:biden|joe"),  # the person himself
])
def test_a_leaders_administration_acts_for_the_state(expression, expected):
    from newswire.actors import Corpus, extract_mentions
    from newswire.events.parties import event_resolver
    from newswire.extract import ArticleExtraction

    text = "US President Joe Biden spoke on Monday. Later, Joe Biden's administration rejected the demands."
    entities = extract_mentions(load_nlp()(text))
    corpus = Corpus([("a", entities)])
    resolve = event_resolver(corpus, [ArticleExtraction("a", {"actors": entities})], {"a": text})
    start = text.index(expression)
    assert resolve("a", start, start + len(expression)) == [expected]


# ---------------------------------------------------------------- what merging rests on, per mention


@pytest.mark.parametrize("text, trigger, tense", [
    ("Peru had demanded guarantees from Chile before the vote.", "demanded", "pluperfect"),
    ("The ministry has rejected the offer from the union.", "rejected", "perfect"),
    ("The army is massing troops near the border with Chad.", "massing troops", "progressive"),
    # a past perfect under a past reporting verb is the reported past, not an earlier one
    ("Kenya said it had received the aid from Japan.", "received the aid", "perfect"),  # aid received: a light verb
    ("Japan rejected the offer from Korea.", "rejected", None),
    # a participle modifier is a state the act left; a noun no verb governs has no tense
    ("Chile sent troops to deal with Peruvian troops deployed near the border.", "deployed", "perfect"),
    # a participle clause shares its main clause's time
    ("Peru has refused to sign, instead issuing its demands to Chile.", "issuing its demands", "perfect"),
    ("Talks failed against the backdrop of a buildup of Peruvian troops near the border with Chile.", "buildup",
     "nominal"),
])
def test_tense_places_an_act_relative_to_the_report(code, text, trigger, tense):
    found = {m.trigger: m.tense for m in code(text)}
    assert found.get(trigger, "missing") == tense, found


@pytest.mark.parametrize("text, trigger, sources, tense", [
    # batch_heads: the verb holding the batch holds its acts; its subject is the doer
    ("Japan and Canada have held a series of talks with Chinese officials over the past few weeks.", "talks",
     ("Japan", "Canada"), "progressive"),  # stretch_heads: acts over a stretch of time
    ("Chile and Peru held a round of talks in Lima on March 3.", "talks", ("Chile", "Peru"), None),
    ("The EU adopted a package of sanctions against Belarus.", "sanctions", ("The EU",), None),
    ("Chile and Peru met in Lima, kicking off a week of negotiations.", "negotiations", ("Chile", "Peru"),
     "progressive"),
])
def test_a_batch_of_acts_is_held_by_its_verb(code, text, trigger, sources, tense):
    found = {m.trigger: m for m in code(text)}
    assert trigger in found, summary(code(text), text)
    assert tuple(text[a:b] for a, b in found[trigger].sources) == sources
    assert found[trigger].tense == tense


@pytest.mark.parametrize("text, sources, targets", [
    # concern_nouns: concern about an actor's conduct is disapproval of the actor
    ("The reply includes concerns that Canada and its allies have about Chinese actions.", ("Canada", "its allies"),
     ("Chinese",)),  # the holder: a relative clause's subject; the concern: on the clause's verb
    ("The envoy said the letter set out Japanese positions and concerns about China's behaviour.", ("Japanese",),
     ("China",)),  # coordinated nouns share their owner and what they are about
])
def test_concern_about_an_actors_conduct_is_disapproval(code, text, sources, targets):
    found = [m for m in code(text) if m.trigger == "concerns"]
    assert len(found) == 1 and found[0].plover_type == "ACCUSE", summary(code(text), text)
    assert tuple(text[a:b] for a, b in found[0].sources) == sources
    assert tuple(text[a:b] for a, b in found[0].targets) == targets


@pytest.mark.parametrize("text", [
    "The letter answered Beijing's concerns.",  # whose concerns, about no one's conduct
    "Investors have concerns about China's economy.",  # an economy is no conduct
])
def test_concern_about_no_ones_conduct_accuses_no_one(code, text):
    assert not [m for m in code(text) if m.plover_type == "ACCUSE"], summary(code(text), text)


@pytest.mark.parametrize("text, trigger", [
    # stretch_adverbs: repeated or long-standing acts are of no one day
    ("Chile has long accused Peru of planning an attack.", "accused"),
    ("NATO repeatedly warned Russia.", "warned"),
])
def test_adverbs_of_repetition_spread_an_act_over_time(code, text, trigger):
    assert {m.trigger: m.tense for m in code(text)}.get(trigger) == "progressive", summary(code(text), text)


def test_acts_off_the_reports_day_are_one_only_when_told_alike():
    # "Peru has long accused Chile" (ongoing) and "Peru's concerns about Chilean actions" (no verb
    # dates them): two acts
    accused = _act("a", 10, plover="ACCUSE", lemma="accuse", cameo="112", stated=False, tense="progressive")
    concern = _act("b", 10, plover="ACCUSE", lemma="concern", cameo="111", stated=False, tense="nominal")
    events, _ = _events([accused, concern])
    assert len(events) == 2
    # "has denied" and "has repeatedly denied": one
    events, _ = _events([_act("a", 10, lemma="deny", stated=False, tense="perfect"),
                         _act("b", 10, lemma="deny", stated=False, tense="progressive")])
    assert len(events) == 1
    # synonyms tell alike: "have held a series of talks", "is leading the negotiations"
    events, _ = _events([_act("a", 10, plover="CONSULT", lemma="talk", cameo="040", stated=False, tense="progressive"),
                         _act("b", 10, plover="CONSULT", lemma="negotiation", cameo="046", stated=False,
                              tense="progressive")])
    assert len(events) == 1


def test_a_one_sided_mention_of_a_mutual_act_is_not_told_by_a_synonym():
    # "ready to keep talking with Moscow" does not join the day's negotiations of Russia and others
    negotiations = _act("a", 10, plover="CONSULT", lemma="negotiation", cameo="046",
                        sources=("GPE:RUS", "GPE:UKR", "GPE:FRA"), targets=())
    talking = _act("b", 10, plover="CONSULT", lemma="talk", cameo="040", sources=(), targets=("GPE:RUS",))
    events, _ = _events([negotiations, talking])
    assert len(events) == 2


@pytest.mark.parametrize("text, content", [
    ("The UN envoy urged Israel to de-escalate at once.", "de-escalate"),  # hyphenated verbs stay whole
    ("The envoy called on Iran to withdraw its forces.", "withdraw"),
    ("The envoy said Iran must withdraw its forces.", "withdraw"),  # reported obligation: what is asked
    ("Japan rejected the offer from Korea.", None),
])
def test_what_a_request_asks_is_kept(code, text, content):
    assert [m.content for m in code(text) if m.plover_type in {"REQUEST", "REJECT"}] == [content]


@pytest.mark.parametrize("text, sources", [
    # delegate_heads: people acting for the actors their "of"/"from" phrase names
    ("Delegations from Peru, Chile and Bolivia met in Lima on Monday.", ("Peru", "Chile", "Bolivia")),
    ("Representatives of Kenya and Uganda held talks in Nairobi.", ("Kenya", "Uganda")),
    ("The delegation rejected the offer from the union.", ("The delegation",)),  # no one named: itself
])
def test_delegates_stand_for_those_they_represent(code, text, sources):
    found = [tuple(text[a:b] for a, b in m.sources) for m in code(text)]
    assert sources in found, found


@pytest.mark.parametrize("text, expression, expected", [
    # cataphoric_pronouns: an opening phrase's possessive names the person the main clause names
    ("Jens Stoltenberg spoke in Brussels. After his meeting with Foreign Minister Wang Yi, Emmanuel Macron "
     "said France was ready.", "his", ["PERSON:macron|emanuel"]),
    # comparison_words: the person a pronoun is compared with is not its referent
    ("Jens Stoltenberg spoke in Brussels on Monday. But like Emmanuel Macron, he has rejected the plan.", "he",
     ["PERSON:stoltenberg|jens"]),
    # a name ending the expression is the actor; the next name after a comma is not in apposition
    ("Jens Stoltenberg spoke in Brussels. After talks with Foreign Minister Wang Yi, Emmanuel Macron said France "
     "was ready.", "Foreign Minister Wang Yi", ["PERSON:y|wang"]),
    # plural_pronouns: "they" after a coordination stands for every conjunct
    ("Japan and the European Union said on Monday that they signed the deal.", "they", ["GPE:JPN", "ORG:European Union"]),
])
def test_pronouns_and_names_in_event_arguments(text, expression, expected):
    from newswire.actors import Corpus, extract_mentions
    from newswire.events.parties import event_resolver
    from newswire.extract import ArticleExtraction

    entities = extract_mentions(load_nlp()(text))
    corpus = Corpus([("a", entities)])
    resolve = event_resolver(corpus, [ArticleExtraction("a", {"actors": entities})], {"a": text})
    start = re.search(rf"\b{re.escape(expression)}\b", text).start()
    assert resolve("a", start, start + len(expression)) == expected


# ---------------------------------------------------------------- merging rules on resolved mentions


def _act(article_id: str, start: int, *, plover: str = "REJECT", lemma: str = "reject", sources=("GPE:USA",),
         targets=("GPE:RUS",), day: date = date(2022, 1, 26), stated: bool = True, tense: str | None = None,
         content: str | None = None, sentence: int | None = None, cameo: str = "120") -> ResolvedMention:
    sentence_start = start if sentence is None else sentence
    mention = EventMention(start, start + 8, lemma, sentence_start, sentence_start + 20, plover, cameo, False, False,
                           ((0, 2),), ((20, 26),), None, None, None, "verb", 0.8, lemma, content, tense)
    return ResolvedMention(article_id, mention, tuple(sources), tuple(targets), None, ResolvedDate(day, "day"),
                           "sentence" if stated else "article")


def _grouped(events, mentions) -> set[frozenset]:
    by_event: dict[str, set] = {}
    for m in mentions:
        by_event.setdefault(m["event_id"], set()).add((m["article_id"], m["start"]))
    assert len(events) == len(by_event)
    return {frozenset(members) for members in by_event.values()}


def test_doers_named_together_each_do_their_own_act():
    # "the US and NATO rejected the demands" in a, "NATO rejected them" in b
    events, mentions = _events([_act("a", 10, sources=("GPE:USA", "ORG:NATO")), _act("b", 10, sources=("ORG:NATO",))])
    assert len(mentions) == 3 and len({m["mention_id"] for m in mentions}) == 3
    assert _grouped(events, mentions) == {frozenset({("a", 10)}), frozenset({("a", 10), ("b", 10)})}
    # aimed at no one named, each still does its own act ("they delivered written replies"): a row each
    _, mentions = _events([_act("a", 10, sources=("GPE:USA", "ORG:NATO"), targets=())])
    assert len(mentions) == 2 and len({m["mention_id"] for m in mentions}) == 2
    # of a joint type, doers named together with no target may have acted as one: one row
    _, mentions = _events([_act("a", 10, plover="AGREE", lemma="agree", cameo="030", sources=("GPE:RUS", "GPE:UKR"),
                                targets=())])
    assert len(mentions) == 1


def test_each_doer_of_a_one_sided_joint_mention_joins_its_own_act():
    # "the US and NATO said they delivered written replies" in a; b and c name each reply in full
    nato = _act("b", 10, plover="CONSULT", lemma="deliver", cameo="040", sources=("ORG:NATO",))
    usa = _act("c", 10, plover="CONSULT", lemma="deliver", cameo="040", sources=("GPE:USA",))
    joint = _act("a", 10, plover="CONSULT", lemma="deliver", cameo="040", sources=("GPE:USA", "ORG:NATO"), targets=())
    events, mentions = _events([joint, nato, usa])
    assert _grouped(events, mentions) == {frozenset({("a", 10), ("b", 10)}), frozenset({("a", 10), ("c", 10)})}
    # a doer no full mention names stays apart: NATO's row does not join the US reply
    events, mentions = _events([joint, usa])
    assert _grouped(events, mentions) == {frozenset({("a", 10)}), frozenset({("a", 10), ("c", 10)})}


def test_a_meeting_of_several_is_one_event_whoever_is_named_first():
    four = ("GPE:RUS", "GPE:UKR", "GPE:FRA", "GPE:DEU")
    events, mentions = _events([_act("a", 10, plover="CONSULT", lemma="meet", sources=four, targets=()),
                                _act("b", 10, plover="CONSULT", lemma="negotiation", sources=four[::-1], targets=()),
                                _act("c", 10, plover="CONSULT", lemma="meet", sources=("GPE:USA",),
                                     targets=("GPE:RUS",))])
    assert len(mentions) == 3
    assert _grouped(events, mentions) == {frozenset({("a", 10), ("b", 10)}), frozenset({("c", 10)})}
    # a meeting has no direction: "X met Y" in one outlet is "Y met X" in another
    events, _ = _events([_act("a", 10, plover="CONSULT", lemma="meet", sources=("GPE:USA",), targets=("GPE:RUS",)),
                         _act("b", 10, plover="CONSULT", lemma="talk", sources=("GPE:RUS",), targets=("GPE:USA",))])
    assert len(events) == 1
    # doers named together of a directed act are not a meeting between them (each did its own act)
    events, mentions = _events([_act("a", 10, plover="CONSULT", lemma="deliver", sources=("GPE:USA", "ORG:NATO"),
                                     targets=(), cameo="040"),
                                _act("b", 10, plover="CONSULT", lemma="meet", sources=("GPE:USA",),
                                     targets=("ORG:NATO",), cameo="040")])
    assert len(events) == 3 and frozenset({("b", 10)}) in _grouped(events, mentions)


def test_two_peoples_act_reported_twice_is_apart_from_their_states():
    people = {"PERSON:a": "usa", "PERSON:b": "rus"}
    resolved = [_act("a", 10, lemma="hope", sources=("PERSON:a",), targets=("PERSON:b",), plover="AGREE"),
                _act("b", 10, lemma="hope", sources=("PERSON:a",), targets=("PERSON:b",), plover="AGREE"),
                _act("c", 10, lemma="offer", plover="AGREE")]
    party = {**people, "GPE:USA": "usa", "GPE:RUS": "rus"}
    events, mentions = event_tables(ARTICLES, resolved, actor_id=lambda key: key.lower(),
                                    texts_of=lambda a, s, e: "x", side=party.get)
    assert _grouped(events, mentions) == {frozenset({("a", 10), ("b", 10)}), frozenset({("c", 10)})}
    # reported once, it is what their states did
    events, _ = event_tables(ARTICLES, resolved[1:], actor_id=lambda key: key.lower(), texts_of=lambda a, s, e: "x",
                             side=party.get)
    assert len(events) == 1


def test_an_article_tells_its_own_acts_apart():
    # two triggers of one sentence; two requests asking different things
    events, _ = _events([_act("a", 10, sentence=0), _act("a", 30, lemma="refuse", sentence=0)])
    assert len(events) == 2
    resolved = [_act("a", 10, plover="REQUEST", lemma="urge", content="de-escalate"),
                _act("a", 60, plover="REQUEST", lemma="call", content="withdraw"),
                _act("b", 10, plover="REQUEST", lemma="say", content="withdraw")]
    events, mentions = _events(resolved)
    assert _grouped(events, mentions) == {frozenset({("a", 10)}), frozenset({("a", 60), ("b", 10)})}


def test_a_one_sided_mention_joins_only_an_act_told_alike():
    complete = _act("a", 10)
    events, _ = _events([complete, _act("b", 10, lemma="refuse", targets=())])
    assert len(events) == 2  # "Washington refused" is not known to be "Washington rejected Moscow's demands"
    events, _ = _events([complete, _act("b", 10, targets=())])
    assert len(events) == 1
    # the same CAMEO act finer than the type's default is told alike: "committed to", "adhered to" (052)
    support = _act("a", 10, plover="SUPPORT", lemma="adhere", cameo="052", targets=("ORG:NATO",))
    events, _ = _events([support, _act("b", 10, plover="SUPPORT", lemma="committed", cameo="052", targets=())])
    assert len(events) == 1
    events, _ = _events([support, _act("b", 10, plover="SUPPORT", lemma="committed", cameo="050", targets=())])
    assert len(events) == 2
    # one-sided mentions told alike by two articles are one act
    events, _ = _events([_act("a", 10, sources=("GPE:RUS",), targets=(), lemma="deny"),
                         _act("b", 10, sources=("GPE:RUS",), targets=(), lemma="deny"),
                         _act("c", 10, sources=("GPE:RUS",), targets=(), lemma="oppose")])
    assert len(events) == 2


def test_synonymous_words_tell_one_act():
    from newswire.events.rules import synonym_groups

    # synonymous_triggers: "sent reinforcements" (told by its noun) and "dispatching jets" (by its verb)
    reinforce = _act("a", 10, plover="MOBILIZE", lemma="reinforcement", cameo="150", sources=("ORG:NATO",), targets=())
    dispatch = _act("b", 10, plover="MOBILIZE", lemma="jet", cameo="150", sources=("ORG:NATO",), targets=())
    dispatch = replace(dispatch, mention=replace(dispatch.mention, trigger="dispatching additional jets"))
    events, _ = _events([reinforce, dispatch])
    assert len(events) == 1
    # irregular forms count ("sent": send); a word of no group of the type tells nothing
    assert synonym_groups("MOBILIZE", ("sent",)) and synonym_groups("AID", ("sent",))
    assert not synonym_groups("MOBILIZE", ("withdraw",)) and not synonym_groups("RETREAT", ("sent",))
    # words of different groups are different acts: massing troops is not sending them
    mass = _act("b", 10, plover="MOBILIZE", lemma="mass", cameo="150", sources=("ORG:NATO",), targets=())
    events, _ = _events([reinforce, mass])
    assert len(events) == 2
    # a refusal governing another verb is told by what it governs: "declined to publish the reply"
    # is not "rejected Moscow's demands", nor "made no concessions"
    declined = _act("b", 10, lemma="decline", targets=(), content="publish")
    events, _ = _events([_act("a", 10), declined])
    assert len(events) == 2
    events, _ = _events([_act("a", 10), _act("b", 10, lemma="concession", targets=())])
    assert len(events) == 1


def test_an_act_still_going_on_is_not_an_earlier_days_act():
    # "the US and Russia held talks on Jan. 10" vs "the US is leading the negotiations with Russia"
    geneva = _act("a", 10, plover="CONSULT", lemma="talk", cameo="040", day=date(2022, 1, 10))
    ongoing = _act("b", 10, plover="CONSULT", lemma="negotiation", cameo="046", stated=False, tense="progressive")
    events, _ = _events([geneva, ongoing])
    assert len(events) == 2
    # "have held a series of talks" (ongoing) and "is leading the negotiations": one stretch of talks
    events, _ = _events([geneva, ongoing, _act("c", 10, plover="CONSULT", lemma="talk", cameo="040", stated=False,
                                                tense="progressive")])
    assert len(events) == 2
    # a perfect may still be the earlier day's act
    events, _ = _events([geneva, _act("b", 10, plover="CONSULT", lemma="talk", cameo="040", stated=False,
                                      tense="perfect")])
    assert len(events) == 1


def test_perfect_tenses_without_a_date_may_be_earlier_acts():
    earlier = _act("a", 10, plover="REQUEST", lemma="demand", day=date(2021, 12, 17))
    # "Russia has demanded" (perfect) in an article of Jan. 26 may be the December demand; a simple
    # past without a date is an act of the report's day
    events, _ = _events([earlier, _act("b", 10, plover="REQUEST", lemma="demand", stated=False, tense="perfect")])
    assert len(events) == 1 and events[0]["date"] == "2021-12-17"
    events, _ = _events([earlier, _act("b", 10, plover="REQUEST", lemma="demand", stated=False)])
    assert len(events) == 2
    # a past perfect is before the report's day: not the act the report dates to that day
    events, _ = _events([_act("a", 10, stated=False), _act("b", 10, stated=False, tense="pluperfect")])
    assert len(events) == 2


@pytest.mark.parametrize("text, absent, present", [
    # a cooperative noun that is the object of another act is what that act is about
    ("Moscow rejected NATO's proposal on Friday.", "AGREE", "REJECT"),
    ("Kenya will soon receive another installment of US military aid.", "AID", None),
    # in a setting it is still an act of its own
    ("After his talks with the Chinese premier, Macron flew home.", None, "CONSULT"),
])
def test_nouns_that_are_what_another_act_is_about(code, text, absent, present):
    types = {m.plover_type for m in code(text) if m.basis == "noun" or m.plover_type == present}
    assert absent not in types and (present is None or present in types), summary(code(text), text)


@pytest.mark.parametrize("text, trigger, target", [
    # frontier_nouns: moved forces face whose frontier it is, not the troops they are
    ("Since March, Peru has been massing troops close to the Chilean border.", "massing troops", "Chilean"),
    ("The Peruvian military has been amassing troops near the country's border with Chile.", "amassing", "Chile"),
    ("The buildup of Peruvian troops near the border with Chile alarmed Santiago.", "buildup", "Chile"),
    ("Peru withdrew its troops from Bolivia.", "withdrew", "Bolivia"),
    ("Peru has been massing troops in the north.", "massing troops", None),
])
def test_moved_forces_face_a_frontier(code, text, trigger, target):
    found = {m.trigger: tuple(text[a:b] for a, b in m.targets) for m in code(text)}
    assert found.get(trigger) == ((target,) if target else ()), found


@pytest.mark.parametrize("text, trigger, lemma", [
    ("Peru issued demands for guarantees from Chile.", "issued demands", "demand"),  # a light verb's noun names it
    ("Peru demanded guarantees from Chile.", "demanded", "demand"),
    ("Peru and Chile held talks in Lima.", "held talks", "talk"),
    ("Peru rejected the offer from Chile.", "rejected", "reject"),
])
def test_the_word_that_names_the_act(code, text, trigger, lemma):
    assert {m.trigger: m.lemma for m in code(text)}.get(trigger) == lemma, summary(code(text), text)


def test_an_owner_the_parser_hangs_on_a_compound(code):
    text = "The United States delivered written responses to Russia's security demands."
    assert ("CONSULT", "delivered", ("The United States",), ("Russia",)) in summary(code(text), text)


def test_the_parties_are_those_who_just_acted_together():
    # participant_nouns: "the parties" are the doers of the article's last act of several
    from newswire.events.merge import resolve_arguments

    text = "Envoys of Peru and Chile met in Lima. The parties agreed to meet again. The parties later left."
    nlp = load_nlp()
    found = extract_events(nlp(text))
    spans = {"Peru": ["GPE:PER"], "Chile": ["GPE:CHL"]}
    resolved = resolve_arguments({"a": Article("a", text, pd.Timestamp("2022-01-27", tz="UTC"), "x")}, {"a": found},
                                 lambda article_id, start, end: spans.get(text[start:end], []))
    sources = {item.mention.trigger: item.sources for item in resolved}
    assert sources["met"] == ("GPE:PER", "GPE:CHL") and sources["agreed"] == ("GPE:PER", "GPE:CHL"), sources
