"""Quotation extraction (newswire.quotes) on the real spaCy model.

Each rule family has a test that asserts the exact words and speaker span; seed 002
(tests/data/quotes/, its cleaned body text) is the golden article.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswire.nlp import load_nlp
from newswire.quotes import QuoteCandidate, cluster_quotes, extract_quotes, find_marked, load_lexicon

FIXTURES = Path(__file__).resolve().parent / "data" / "quotes"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str) -> list[QuoteCandidate]:
        return extract_quotes(nlp(text))

    return run


def only(quotes: list[QuoteCandidate], kind: str) -> list[QuoteCandidate]:
    return [q for q in quotes if q.kind == kind]


def find(quotes: list[QuoteCandidate], words: str) -> QuoteCandidate:
    hits = [q for q in quotes if q.text == words]
    assert hits, f"no quote {words!r} in {[q.text for q in quotes]}"
    return hits[0]


def assert_offsets(text: str, quotes: list[QuoteCandidate]) -> None:
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


# --- quote marks ------------------------------------------------------------------------

MARK_STYLES = [
    ('"We will not back down," the minister said.', "We will not back down,"),
    ("\u201cWe will not back down,\u201d the minister said.", "We will not back down,"),
    ("\u2018We will not back down,\u2019 the minister said.", "We will not back down,"),
    ("'We will not back down,' the minister said.", "We will not back down,"),
    ("\u00abWe will not back down,\u00bb the minister said.", "We will not back down,"),
    ("\u201eWe will not back down,\u201c the minister said.", "We will not back down,"),
    ("\"We will not back down,'' the minister said.", "We will not back down,"),
    ("``We will not back down,'' the minister said.", "We will not back down,"),
]


@pytest.mark.parametrize("text,words", MARK_STYLES)
def test_every_quote_mark_style(extract, text, words):
    quotes = extract(text)
    assert_offsets(text, quotes)
    q = find(quotes, words)
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "say", "the minister")


def test_apostrophes_are_not_quote_marks():
    text = "Russia\u2019s demands aren't new, we\u2019re told, and the states' rights don't matter."
    assert find_marked(text) == []


def test_typewriter_closing_mark_after_straight_opener(extract):
    text = "\"If the West continues its aggressive course, Moscow will take the necessary retaliatory measures,'' he said."
    q = find(extract(text), "If the West continues its aggressive course, Moscow will take the necessary retaliatory measures,")
    assert (q.kind, q.speaker_text) == ("direct", "he")


# --- direct quotes and attribution ------------------------------------------------------


def test_split_quote_shares_the_speaker(extract):
    text = '"We are ready for talks," Blinken said. "But we will not give up our principles."'
    quotes = extract(text)
    first = find(quotes, "We are ready for talks,")
    second = find(quotes, "But we will not give up our principles.")
    assert first.kind == second.kind == "direct"
    assert first.speaker_text == second.speaker_text == "Blinken"
    assert (second.speaker_start, second.speaker_end) == (first.speaker_start, first.speaker_end)
    assert text[first.speaker_start:first.speaker_end] == "Blinken"


def test_inverted_attribution_gives_the_full_name(extract):
    text = "\u201cThere is no change, there will be no change,\u201d said Secretary of State Antony Blinken."
    q = find(extract(text), "There is no change, there will be no change,")
    assert q.speaker_text == "Secretary of State Antony Blinken"
    assert q.cue == "say"


def test_organisation_speaker_and_apposition_left_out(extract):
    text = (
        '"The talks were useful," the Russian Foreign Ministry said in a statement.\n'
        '"We have no promises," Dmitry Medvedev, deputy chairman of the Security Council, said.'
    )
    quotes = extract(text)
    assert find(quotes, "The talks were useful,").speaker_text == "the Russian Foreign Ministry"
    assert find(quotes, "We have no promises,").speaker_text == "Dmitry Medvedev"


def test_multi_paragraph_quote(extract):
    text = (
        "\u201cThis is the first paragraph of a long statement by the minister.\n"
        "\u201cAnd this is the second paragraph of it,\u201d she said."
    )
    quotes = extract(text)
    assert len(only(quotes, "direct")) == 1
    q = only(quotes, "direct")[0]
    assert q.text.startswith("This is the first paragraph")
    assert q.text.endswith("the second paragraph of it,")
    assert q.speaker_text == "she"


def test_quote_only_paragraph_continues_the_previous_speaker(extract):
    text = (
        '"We will respond in writing," Stoltenberg told reporters.\n'
        '"NATO will not compromise on its principles."'
    )
    quotes = extract(text)
    second = find(quotes, "NATO will not compromise on its principles.")
    assert second.speaker_text == "Stoltenberg"
    assert text[second.speaker_start:second.speaker_end] == "Stoltenberg"


# --- partial, indirect, according to, via ------------------------------------------------


def test_partial_quote_is_attributed_to_the_subject_of_the_speech_verb(extract):
    text = "Blinken stressed that the military alliance\u2019s door \u201cremains open\u201d to new members."
    q = find(extract(text), "remains open")
    assert (q.kind, q.cue, q.speaker_text) == ("partial", "stress", "Blinken")


def test_indirect_quote_is_the_reported_clause(extract):
    text = "Blinken said he would speak with his Russian counterpart, Sergey Lavrov, in the coming days."
    q = only(extract(text), "indirect")[0]
    assert q.text == "he would speak with his Russian counterpart, Sergey Lavrov, in the coming days"
    assert (q.cue, q.speaker_text) == ("say", "Blinken")


def test_fronted_reported_clause(extract):
    text = "A 5,000-strong NATO rapid response force could be deployed within days, Stoltenberg said."
    q = only(extract(text), "indirect")[0]
    assert q.text == "A 5,000-strong NATO rapid response force could be deployed within days"
    assert q.speaker_text == "Stoltenberg"


def test_indirect_quote_with_object_frame(extract):
    text = "Medvedev has accused NATO of not keeping its promises."
    q = only(extract(text), "indirect")[0]
    assert (q.text, q.cue, q.speaker_text) == ("NATO of not keeping its promises", "accuse", "Medvedev")


def test_according_to(extract):
    text = (
        "Russia has deployed more than 127,000 troops near the border, according to the latest "
        "intelligence estimate from the Ministry of Defense of Ukraine."
    )
    q = only(extract(text), "indirect")[0]
    assert q.text == "Russia has deployed more than 127,000 troops near the border"
    assert q.cue == "accord"
    assert q.speaker_text == "the Ministry of Defense of Ukraine"


def test_told_cnn_is_the_outlet_not_the_speaker(extract):
    text = "\u201cWe are ready for talks,\u201d Zelensky told CNN on Sunday."
    q = find(extract(text), "We are ready for talks,")
    assert (q.speaker_text, q.via) == ("Zelensky", "CNN")


def test_news_agency_addressee_is_via(extract):
    text = '"We will decide our next steps," the diplomat told Russia\'s Interfax news agency.'
    q = find(extract(text), "We will decide our next steps,")
    assert (q.speaker_text, q.via) == ("the diplomat", "Interfax")


def test_told_reporters_has_no_outlet(extract):
    text = '"Right now, the ball is in their court," Blinken told reporters.'
    assert find(extract(text), "Right now, the ball is in their court,").via is None


# --- coordinated clauses, unsaid cues, duplicate attributions, headline lines --------------


def test_coordinated_that_clause_is_split_from_a_partial_quote(extract):
    text = ("Spokesman Dmitry Peskov said Moscow would study the US document and that it was "
            "\u201cno secret\u201d the reply did not address Russia\u2019s main concerns.")
    quotes = extract(text)
    q = find(quotes, "Moscow would study the US document")
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "say", "Spokesman Dmitry Peskov")
    assert find(quotes, "no secret").kind == "partial"
    assert_offsets(text, quotes)


def test_coordinated_clauses_without_quoted_words_stay_one_quote(extract):
    text = ("Zelenskiy said the threat of a full-scale attack remained real but that the situation "
            "was no more dangerous than last spring.")
    assert [q.text for q in only(extract(text), "indirect")] == [
        "the threat of a full-scale attack remained real but that the situation was no more "
        "dangerous than last spring"]


def test_conjoined_cue_shares_the_speaker_of_the_first(extract):
    text = ("China\u2019s ambassador Zhang Jun said the meeting was not conducive to diplomacy and "
            "called on all sides to \u201cremain calm\u201d.")
    quotes = extract(text)
    q = find(quotes, "the meeting was not conducive to diplomacy")
    assert (q.kind, q.speaker_text) == ("indirect", "China\u2019s ambassador")
    q = find(quotes, "remain calm")
    assert (q.kind, q.cue, q.speaker_text) == ("partial", "call", "China\u2019s ambassador")


def test_conjoined_accusation_with_its_own_content(extract):
    text = ("He told the BBC that Berlin's position was \"deeply frustrating\" and accused German "
            "politicians of ignoring Ukraine's history.")
    q = find(extract(text), "German politicians of ignoring Ukraine's history")
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "accuse", "He")


@pytest.mark.parametrize("text", [
    "Biden did not say how many troops would be deployed or where they would go.",
    "But the chancellor again declined to say the gas pipeline would be scrapped.",
    "The minister asked whether the talks would resume next week.",
    "If Moscow says the talks have failed, sanctions will follow at once.",
    "Officials would say only that the talks had been useful.",
])
def test_no_indirect_quote_where_nothing_was_stated(extract, text):
    assert only(extract(text), "indirect") == []


def test_verb_cue_wins_over_according_to_in_the_same_sentence(extract):
    text = ("Lavrov said the US and its allies were violating a principle of security, according "
            "to a ministry statement.")
    quotes = only(extract(text), "indirect")
    assert [(q.text, q.cue, q.speaker_text) for q in quotes] == [
        ("the US and its allies were violating a principle of security", "say", "Lavrov")]


def test_that_clause_misparsed_as_relative_clause_of_a_time_noun(extract):
    text = ("Foreign Minister Dmytro Kuleba said the same day that Western unity had made a Russian "
            "offensive less likely.")
    q = only(extract(text), "indirect")[0]
    assert (q.text, q.speaker_text) == ("Western unity had made a Russian offensive less likely",
                                        "Foreign Minister Dmytro Kuleba")


def test_reported_speech_inside_reported_speech_is_one_quote(extract):
    text = "The US Department of State said Blinken had urged Russia to pull back its troops."
    quotes = only(extract(text), "indirect")
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("Blinken had urged Russia to pull back its troops", "The US Department of State")]


def test_denial_of_an_action_is_reported(extract):
    q = only(extract("Moscow denies planning an invasion of its neighbour."), "indirect")[0]
    assert (q.text, q.cue, q.speaker_text) == ("planning an invasion of its neighbour", "deny", "Moscow")


def test_headline_style_attribution_line_gives_no_quote(extract):
    text = ('Kuleba: "Diplomacy is working."\n'
            "Kuleba: Western unity has made a Russian offensive less likely, he says.\n"
            "Foreign Minister Dmytro Kuleba said diplomacy was working for Ukraine.")
    quotes = extract(text)
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "diplomacy was working for Ukraine")]


# --- word lists (newswire/data/cue_verbs.json, quotes_markers.json): one test per family not shown above ----


def test_word_lists_load_as_lower_case_words():
    lex = load_lexicon()
    families = {
        "speech": lex.speech, "not_clausal": lex.not_clausal, "scare_markers": lex.scare_markers,
        "carrier_nouns": lex.carrier_nouns, "carrier_preps": lex.carrier_preps, "outlet_nouns": lex.outlet_nouns,
        "addressee_verbs": lex.addressee_verbs, "addressee_preps": lex.addressee_preps,
        "relative_pronouns": lex.relative_pronouns, "complementizers": lex.complementizers,
        "question_words": lex.question_words, "unasserting_aux": lex.unasserting_aux,
        "unasserting_marks": lex.unasserting_marks, "unasserting_governors": lex.unasserting_governors,
    }
    for name, words in families.items():
        assert words, name
        assert all(word == word.lower().strip() and word for word in words), name
    assert lex.not_clausal <= lex.speech  # they still govern quoted words
    assert set(lex.frames) <= lex.speech


def test_not_clausal_cue_gives_no_indirect_quote(extract):
    assert only(extract("The minister agreed that the talks should continue next week."), "indirect") == []


def test_relative_pronoun_subject_gives_the_noun_as_speaker(extract):
    q = only(extract("Officials who said the talks had failed were overruled by the president."), "indirect")[0]
    assert (q.text, q.speaker_text) == ("the talks had failed", "Officials")


def test_complementizer_as_is_left_out_of_the_reported_clause(extract):
    text = "He said as Mr Baume was never present at the meetings, he was not in a position to judge."
    q = only(extract(text), "indirect")[0]
    assert q.text == "Mr Baume was never present at the meetings, he was not in a position to judge"


@pytest.mark.parametrize("text", [
    '"We are ready for talks," the minister said to Interfax on Sunday.',
    '"We are ready for talks," the minister explained to Interfax on Sunday.',
])
def test_addressee_preposition_names_the_outlet(extract, text):
    q = find(extract(text), "We are ready for talks,")
    assert (q.speaker_text, q.via) == ("the minister", "Interfax")


def test_interview_setting_names_the_outlet(extract):
    q = find(extract('"We are ready for talks," Zelensky said in an interview with the BBC.'), "We are ready for talks,")
    assert (q.speaker_text, q.via) == ("Zelensky", "BBC")


# --- scare quotes, broken and nested marks, sizes -----------------------------------------


def test_scare_quotes_have_no_speaker(extract):
    text = (
        "Russia issued its demand for so-called \u201csecurity guarantees\u201d to the United States. "
        "The response is not a \u201cformal\u201d document."
    )
    quotes = extract(text)
    for words in ("security guarantees", "formal"):
        q = find(quotes, words)
        assert (q.kind, q.speaker_text, q.cue) == ("scare", None, None)
    assert not only(quotes, "direct") and not only(quotes, "partial")


def test_stray_opening_mark_inside_a_quote_ends_at_the_first_closing_mark(extract):
    text = "\u201cWe will see. \u201cRussia has to choose that,\u201d he said."
    q = only(extract(text), "direct")[0]
    assert q.text == "We will see. \u201cRussia has to choose that,"
    assert q.speaker_text == "he"


def test_unclosed_quote_runs_to_the_paragraph_end(extract):
    text = "He said it was \u201cunacceptable and dangerous for everyone.\nThe talks went on."
    q = find(extract(text), "unacceptable and dangerous for everyone.")
    assert q.kind == "partial" and q.speaker_text == "He"


def test_lost_opening_mark_at_paragraph_start(extract):
    text = "Peace is near,\u201d she said."
    q = find(extract(text), "Peace is near,")
    assert (q.kind, q.speaker_text) == ("direct", "she")
    assert q.confidence < 0.9


def test_nested_quote_stays_inside_the_outer_one(extract):
    text = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said."
    quotes = extract(text)
    assert [q.text for q in quotes if q.kind != "indirect"] == ["He told me \u2018never again\u2019 and left,"]
    assert quotes[0].speaker_text == "she"


def test_ten_thousand_word_quote(extract):
    words = " ".join(["the minister spoke today about peace and war"] * 1250)
    text = f'"{words}," the minister said.'
    quotes = extract(text)
    q = only(quotes, "direct")[0]
    assert q.text == words + ","
    assert len(q.text.split()) == 10_000
    assert q.speaker_text == "the minister"


def test_empty_and_quoteless_text(extract, nlp):
    assert extract_quotes(nlp("")) == []
    assert extract("The weather was fine.") == []


def test_offsets_across_paragraphs(nlp):
    para = '"We are ready for talks," Blinken said. He said the talks would go on.'
    text = "\n".join([para] * 6)
    quotes = extract_quotes(nlp(text))
    assert_offsets(text, quotes)
    assert [q.speaker_text for q in only(quotes, "direct")] == ["Blinken"] * 6
    assert len(only(quotes, "indirect")) == 6


QUOTEY_TEXT = st.lists(
    st.sampled_from(
        list("ab ,.\n\"'`") + ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
                                " said ", " he ", "Blinken", " told CNN", " according to ", "''"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=QUOTEY_TEXT)
def test_random_text_never_raises_and_offsets_are_valid(nlp, text):
    quotes = extract_quotes(nlp(text))
    assert_offsets(text, quotes)
    for m in find_marked(text):
        assert 0 <= m.outer_start <= m.start <= m.end <= m.outer_end <= len(text)


# --- golden article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_002(extract):
    text = (FIXTURES / "002_938be92725bdc9c3.txt").read_text(encoding="utf-8")
    return text, extract(text)


def test_seed_002_direct_quotes_and_speakers(seed_002):
    text, quotes = seed_002
    assert_offsets(text, quotes)
    expected = {
        "There is no change, there will be no change,": "Secretary of State Anthony Blinken",
        "We will see how they respond,": "he",
        "We can not and will not compromise on the principles underpinning our alliance "
        "security and security in Europe and North America,": "Stoltenberg",
        "This is about respecting states and their right to choose their own path.": "Stoltenberg",
        "If the West continues its aggressive course, Moscow will take the necessary "
        "retaliatory measures,": "Lavrov",
        "These are different issues and we did not discuss them,": "Kremlin envoy Dmitry Kozak",
    }
    for words, speaker in expected.items():
        q = find(quotes, words)
        assert q.kind == "direct"
        assert q.speaker_text == speaker


def test_seed_002_split_quote_with_stray_mark(seed_002):
    text, quotes = seed_002
    first = find(quotes, "Everything that has been said sets a serious diplomatic path forward. "
                         "\u201cRussia has to choose that,")
    rest = [q for q in quotes if q.text.startswith("The document we have submitted includes")][0]
    assert first.speaker_text == rest.speaker_text == "he"
    assert rest.speaker_start == first.speaker_start


def test_seed_002_partial_indirect_and_scare(seed_002):
    text, quotes = seed_002
    partial = find(quotes, "retaliatory measures")
    assert (partial.kind, partial.cue, partial.speaker_text) == ("partial", "warn", "Russian officials")
    respect = find(quotes, "unconditional respect")
    assert respect.speaker_text == "The French president\u2019s office"
    indirect = {q.text: q for q in only(quotes, "indirect")}
    lavrov = indirect["he and other senior officials would advise Putin on the next steps"]
    assert lavrov.speaker_text == "Lavrov"
    assert "Russia would not wait forever" in indirect
    stoltenberg = [q for t, q in indirect.items() if t.startswith("the Alliance had sent a special response")]
    assert stoltenberg[0].speaker_text == "NATO Secretary-General Jens Stoltenberg"
    assert find(quotes, "complex diplomatic game").kind == "scare"


# --- clustering ---------------------------------------------------------------------------


def quotes_frame(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["quote_id", "article_id", "text", "kind", "speaker_id"])


def test_cluster_fragment_with_full_quote_and_same_speaker():
    df = quotes_frame([
        ("q1", "a1", "Right now, the document is with them, and the ball is in their court,", "direct", "blinken"),
        ("q2", "a2", "the ball is in their court", "partial", None),
        ("q3", "a3", "The ball is in their court!", "direct", "blinken"),
        ("q4", "a4", "the ball is in their court", "direct", "lavrov"),
        ("q5", "a5", "security guarantees", "scare", None),
        ("q6", "a6", "security guarantees", "scare", None),
    ])
    clusters = cluster_quotes(df)
    assert list(clusters.index) == list(df.index)
    assert clusters[0] == clusters[1] == clusters[2]
    assert clusters[3] != clusters[0]  # another speaker said the same words
    assert len({clusters[4], clusters[5], clusters[0]}) == 3  # scare quotes stay alone


def test_cluster_null_speaker_does_not_bridge_two_speakers():
    df = quotes_frame([
        ("q1", "a1", "we will not allow our proposals to be stifled", "direct", "lavrov"),
        ("q2", "a2", "we will not allow our proposals to be stifled", "direct", None),
        ("q3", "a3", "we will not allow our proposals to be stifled", "direct", "blinken"),
    ])
    clusters = cluster_quotes(df)
    assert clusters[0] != clusters[2]


def test_cluster_trigrams_are_kept_only_while_keeping_and_change_nothing(monkeypatch):
    """Serve's fork server keeps its corpus's quote trigrams (newswire.served_memory); a one-shot
    run keeps none, and kept trigrams give the same clusters."""
    from newswire.quotes import clusters

    monkeypatch.setattr(clusters, "_trigrams_kept", {})
    df = quotes_frame([
        ("q1", "a1", "Right now, the document is with them, and the ball is in their court,", "direct", "blinken"),
        ("q2", "a2", "the ball is in their court", "partial", None),
        ("q3", "a3", "we will not allow our proposals to be stifled", "direct", "lavrov"),
    ])
    alone = cluster_quotes(df)
    assert clusters._trigrams_kept == {}
    with clusters.keeping_trigrams():
        kept = cluster_quotes(df)
    assert "the ball is" in clusters._trigrams_kept["the ball is in their court"]
    assert len(clusters._trigrams_kept) == 3
    again = cluster_quotes(df)  # from what was kept
    assert alone.tolist() == kept.tolist() == again.tolist()
    assert len(clusters._trigrams_kept) == 3


def test_cluster_ids_are_deterministic():
    rows = [
        ("q1", "a1", "There is no change, there will be no change", "direct", "blinken"),
        ("q2", "a2", "there will be no change", "partial", "blinken"),
        ("q3", "a3", "Russia would not wait forever", "indirect", "lavrov"),
    ]
    first = cluster_quotes(quotes_frame(rows))
    second = cluster_quotes(quotes_frame(list(reversed(rows))))
    assert first[0] == first[1] != first[2]
    assert dict(zip(["q1", "q2", "q3"], first)) == dict(zip(["q3", "q2", "q1"], second))
