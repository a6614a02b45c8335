"""Each boilerplate rule family on the lines it exists for, and on lines it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.boilerplate import classify_line, classify_lines, recurring_lines

BODY = "The United States and NATO have delivered separate written responses to Russia's security demands on Wednesday."


@pytest.mark.parametrize(("line", "kind"), [
    ("AP/EVAN VUCCI - Secretary of State Antony Blinken", "caption"),
    ("REUTERS/Kevin Lamarque - President Joe Biden speaks in the East Room", "caption"),
    ("AFP PHOTO / Mauricio Campino /US Air Force - Airmen palletize munitions", "caption"),
    ("Soldiers train near the border. (Photo: Russian Ministry of Defense)", "caption"),
    ("Leaders met in Paris. Photo: picture alliance/Zoonar", "caption"),
    ("Related Articles", "navigation"),
    ("Back to top button", "navigation"),
    ("Jump to navigation Skip navigation", "navigation"),
    ("Skip to main content", "navigation"),
    ("Show more news", "navigation"),
    ("READ MORE: Putin's next move", "navigation"),
    ("Video of day", "promo"),
    ("Sign up for our daily newsletter", "promo"),
    ("Follow us on Twitter, Facebook and Google News", "social"),
    ("Send us your news tips", "footer"),
    ("Бесплатная email-рассылка только лучших материалов от редакторов NV", "foreign_language"),
    ("El presidente de Estados Unidos, Joe Biden, a la izquierda, y el presidente de Rusia", "foreign_language"),
])
def test_chrome_lines(line, kind):
    verdict = classify_line(line, "en", "LATIN")
    assert verdict is not None and verdict.kind == kind, verdict


@pytest.mark.parametrize("line", [
    BODY,
    "A diplomatic path forward",
    "What were Russia's demands?",
    "Stoltenberg: \"We are prepared for the worst\"",
    "The newsletter Ukraine Today reported on Tuesday that the talks in Paris lasted for more than eight hours and ended without a deal.",
    "\u201cWe will read it. Study it,\u201d he told Interfax news agency.",
    "Kremlin spokesman Dmitry Peskov said the photo was fake.",
])
def test_content_lines_are_kept(line):
    assert classify_line(line, "en", "LATIN") is None


def test_tail_block_next_to_chrome_is_removed_but_not_a_final_subheading_with_body():
    lines = [BODY, "Follow us on Twitter", "Ukraine Today", "Daily at 9am EST"]
    assert [v.kind if v else None for v in classify_lines(lines, "en")] == [None, "social", "trailing_chrome", "promo"]
    assert classify_lines([BODY, "Ongoing diplomacy", BODY], "en") == [None, None, None]


def test_recurring_lines_need_several_articles():
    articles = [["Breaking", "Share this story", f"Body {i} of an article."] for i in range(3)]
    assert recurring_lines(articles) == {"breaking", "share this story"}
    assert recurring_lines(articles[:2]) == set()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=12), st.sampled_from(["en", "es", "und"]))
def test_classify_lines_never_raises(lines, language):
    verdicts = classify_lines(lines, language)
    assert len(verdicts) == len(lines)


@pytest.mark.parametrize(("line", "kind"), [
    ("Reporting by Pavel Polityuk in Kyiv; Additional reporting by Dmitry Antonov in Moscow; Editing by Mark Heinrich", "footer"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "footer"),
    ("CNN's Matthew Chance in Kyiv and Nathan Hodge in Moscow contributed to this report.", "footer"),
    ("Image caption, Chancellor Olaf Scholz took office in December after 16 years of Angela Merkel", "caption"),
    ("Sign up to First Edition, our free daily newsletter \u2013 every weekday morning at 7am GMT", "promo"),
    ("3 minute read", "navigation"),
    ("Advertisement:", "promo"),
    ("Photograph by Ed Marshall, Redonda Restoration Programme", "caption"),
    ("Leggi anche:", "navigation"),
    ("___", "navigation"),
    ("M\u00e1s informaci\u00f3n", "foreign_language"),
    ("El presidente del Gobierno, Pedro S\u00e1nchez, durante una rueda de prensa en La Moncloa. EUROPA PRESS", "foreign_language"),
])
def test_chrome_of_other_outlets(line, kind):
    verdicts = classify_lines([BODY, line, BODY], "en")
    assert verdicts[1] is not None and verdicts[1].kind == kind, verdicts[1]


@pytest.mark.parametrize("line", [
    "78,000",
    ": H Shimange, CJ van der Linde, G Britz, D Rossouw, M Claassens, J de Villiers, G du Toit/J Fourie.",
    "Los Angeles Lakers beat the Boston Celtics 102-99 on Sunday night.",
])
def test_numbers_and_name_particles_are_content(line):
    assert classify_lines([BODY, line, BODY], "en")[1] is None


def test_link_block_under_a_navigation_heading():
    lines = [BODY, "More on this story", "Why is Germany not sending weapons to Ukraine?", "26 January 2022", BODY + " " + BODY]
    assert [v.kind if v else None for v in classify_lines(lines, "en")] == [None, "navigation", "navigation", "navigation", None]


def test_a_reader_appeal_after_the_article_runs_to_its_end():
    appeal = ["A Message from The Moscow Times:", "Dear readers, we are facing unprecedented challenges and need your help to keep reporting."]
    verdicts = classify_lines([BODY, BODY, BODY, *appeal], "en")
    assert [v.kind if v else None for v in verdicts] == [None, None, None, "promo", "promo"]


def test_a_membership_link_in_the_menu_above_the_article_is_not_an_appeal():
    menu = ["News", "Sport", "Culture", "Become a member", "Jobs"]
    verdicts = classify_lines(menu + [BODY, BODY], "en")
    assert verdicts[-2:] == [None, None]
