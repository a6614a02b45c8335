"""Whole-page text: the article found among a page's lines, on real pages and on the rules' own cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire.htmlpage import parse_iso_time, strip_site_name
from newswire.ingest import RawDocument
from newswire.pagetext import (find_article, is_end_of_article, is_header_line, is_menu_line, is_paragraph,
                               render_html_lines, stopwords)
from newswire.structure import body_text, structure

PAGES = Path(__file__).parent / "data" / "pages" / "text"
ENGLISH = stopwords("en")


def page(name: str):
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    return structure(RawDocument(f"{name}.txt", len(text), "0" * 64, "utf-8", "text", text))


@pytest.mark.parametrize(("line", "expected"), [
    ("TWO men were killed in separate incidents just hours apart yesterday.", True),
    ("Supt Peters said first responders found a man slumped between a forklift and a trailer.", True),
    ("Customers at Massy Stores Super Centre, Gulf View", False),  # short: a caption
    ("Weather Forecast", False),
    ("Newsday on Facebook Newsday on Instagram Newsday on Twitter Newsday on YouTube Newsday on LinkedIn", False),
    ("在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般小心地照顾孩子。", True),
    ("中国食品辟谣联盟官网正式上线驱走心灵感冒远离抑郁焦虑", False),  # a headline list: no clause punctuation
])
def test_paragraph_lines(line, expected):
    assert is_paragraph(line, ENGLISH) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Related Articles", True), ("Up Next", True), ("You may like", True), ("Comments", True), ("22 Comments", True),
    ("Mehr zum Thema", True), ("Leggi anche:", False), ("Comments on the bill were due by Friday.", False),
])
def test_end_of_article_headings(line, expected):
    assert is_end_of_article(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("National / Crime & Legal", True), ("Home > World > Europe", True), ("Sport | Football | Results", True),
    ("Últimas Noticias AméricaMéxicoVenezuelaEEUUColombia", True), ("NewsSportWeatherTravel", True),
    ("About ABC7 Bay AreaABC7 Newsteam BiosConnect with ABC7Take Action in Your CommunityABC7 Jobs", True),
    ("McDonald's profits fall as DeSantis signs bill", False),  # one join of case per name
    ("Coronavirus: New York ramps up mass burials amid outbreak", False),
    ("Fed raises rates / markets shrug off the move and keep rising", False),  # long items: a headline
])
def test_menu_lines(line, expected):
    assert is_menu_line(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("By Jane Roe", True), ("Sarah Hinger, Staff Attorney, ACLU Racial Justice Program", True),
    ("Feb 18, 2020", True), ("3 de Mayo de 2022", True), ("martes 26 de abril de 2022 - 9:10 p.m.", True),
    ("4. März 2022", True), ("12 janvier 2021", True), ("[06月24日 11時30分]", True), ("2020年1月2日", True),
    ("mecheverria@elsiglo.com.pa", True), ("[email\xa0protected]", True),
    ("De acuerdo con la misma entidad, las protestas se llevan a cabo en casi todos los departamentos del país.",
     False),  # starts like a Spanish byline ("de"), but a byline is short
    ("The march began at 5 with 2020 people", False), ("Continúan las protestas de campesinos en Guatemala", False),
])
def test_header_lines(line, expected):
    assert is_header_line(line) is expected


SPANISH_BODY = ["La organización social bloqueó este martes, por segundo día consecutivo, varias carreteras del país, "
                "según informaron las autoridades en un comunicado.",
                "Las protestas se llevan a cabo en casi todos los departamentos que componen al país, y los "
                "campesinos exigen la renuncia del presidente y de la fiscal general.",
                "A diferencia del lunes, las manifestaciones sí se llevan a cabo este martes en la capital, donde "
                "cientos de personas marcharon hacia el palacio de gobierno."]


def test_the_headline_is_not_a_breadcrumb_a_menu_or_the_authors_name():
    lines = ["Inicio", "Noticias", "Deportes", "Opinión", "Mundo / América Latina",
             "Continúan las protestas de campesinos en Guatemala", "EFE", "martes 26 de abril de 2022 - 9:10 p.m.",
             "María Victoria Echeverría", "Las protestas para lunes y martes habían sido convocadas como parte de un "
             "paro nacional organizado por las organizaciones campesinas", *SPANISH_BODY, "Más leídas", "Inicio"]
    decision = find_article(lines, "es")
    assert lines[decision.headline] == "Continúan las protestas de campesinos en Guatemala"


def test_page_with_menus_keeps_only_the_article():
    article = page("tribune242.com-gunned")
    text = body_text(article)
    assert article.title == "Two More Gunned Down"
    assert text.startswith("TWO men were killed in separate incidents just hours apart yesterday.")
    assert text.endswith("Crime Stoppers at 328-TIPS (8477).")
    for chrome in ("Crime & Court", "Letters to the Editor", "Sign in to comment", "Tweets by @Tribune242", "LEEVAN SANDS"):
        assert chrome not in text
    kinds = {removed.line.text: removed.kind for removed in article.removed}
    assert kinds["Weather Forecast"] == "page_chrome"
    assert kinds["Connect to Facebook"] == "page_chrome"


def test_the_next_story_appended_below_is_not_the_article():
    article = page("kulu-media.com.meta-outage")
    text = body_text(article)
    assert "Meta Yet to Explain Meta Outage" in text  # a subheading inside the body stays
    assert text.splitlines()[-1].startswith("The incident highlights how a major Meta outage can affect")
    assert "Artemis" not in text


def test_sidebar_above_the_body_is_removed_and_subheadings_stay():
    article = page("cooperativa.cl-presidente")
    text = body_text(article)
    assert article.title.startswith("Presidente Boric vuelve a su casa, Magallanes")
    assert "Guardia de seguridad de Johnny Depp" not in text  # "Las + leídas" above the article
    assert "RECUPERAR LA CONFIANZA" in text and "LA AGENDA EN PUNTA ARENAS" in text


def test_teasers_and_link_lists_inside_the_body_go():
    article = page("phillyvoice.com-Sixers")
    text = body_text(article)
    assert "First Quarter" in text and "Fourth Quarter" in text  # lone subheadings stay
    assert "Six Sixers takeaways after six games" not in text  # "MORE SIXERS" and its links
    reasons = {removed.line.text: removed.reason for removed in article.removed}
    assert "a list of links" in reasons["Six Sixers takeaways after six games"]


PORTUGUESE_BODY = ["O presidente do Senado se reuniu ontem com o presidente do Supremo para discutir a crise entre os "
                   "Poderes, segundo assessores de ambos.",
                   "O encontro durou 45 minutos e aconteceu na sede do tribunal, onde os dois conversaram com os "
                   "jornalistas na saída.",
                   "Segundo o senador, a relação entre as instituições continua boa e não há crise entre os Poderes "
                   "da República neste momento.",
                   "O presidente da Câmara não participou do encontro, mas também voltou a defender o diálogo entre os "
                   "Poderes em entrevista coletiva."]


def test_a_read_also_box_inside_the_body_does_not_cut_the_article():
    menu = ["Início", "Política", "Economia", "Mundo", "Esportes", "Cultura"]
    box = ["Saiba Mais", "Política Doação de vacinas é aprovada na Câmara", "Política Bancada se reúne com ministro",
           "Política Deputados aprovam urgência para projeto", "Política Câmara aprova lei que eleva penas", "Diálogo"]
    lines = [*menu, "Pacheco e Fux tentam uma trégua entre os Poderes", "04/05/2022 05:49", *PORTUGUESE_BODY[:2], *box,
             *PORTUGUESE_BODY[2:], *menu]
    decision = find_article(lines, "pt")
    assert (lines[decision.body_start], lines[decision.body_end]) == (PORTUGUESE_BODY[0], PORTUGUESE_BODY[-1])
    assert lines[decision.headline] == "Pacheco e Fux tentam uma trégua entre os Poderes"


ENGLISH_BODY = ["The city council voted on Tuesday to close the old bridge to traffic after engineers found cracks in "
                "two of its supporting piers.",
                "The mayor said the closure would last at least six months and that buses would be diverted over the "
                "river further north.",
                "Residents who use the bridge every day said they had not been warned and that the detour would add "
                "half an hour to their journeys.",
                "Engineers will inspect the remaining piers next week, and the council expects to publish their "
                "report before the end of the month."]
MENU = ["Home", "News", "Sport", "Business", "Weather", "Contact us"]


def test_a_related_coverage_box_inside_the_body_does_not_cut_the_article():
    lines = [*MENU, "Council shuts old bridge after cracks found", "By Jane Roe", "March 3, 2020", *ENGLISH_BODY[:2],
             "Related Coverage", "Factbox: The city's bridges and their age", *ENGLISH_BODY[2:], *MENU]
    decision = find_article(lines, "en")
    assert (lines[decision.body_start], lines[decision.body_end]) == (ENGLISH_BODY[0], ENGLISH_BODY[-1])
    assert lines[decision.headline] == "Council shuts old bridge after cracks found"


def test_related_stories_followed_by_the_next_story_end_the_article():
    lines = [*MENU, "Council shuts old bridge after cracks found", "By Jane Roe", *ENGLISH_BODY[:3], "Related stories",
             "Town hall to get new roof", "March 4, 2020", ENGLISH_BODY[3], *MENU]
    decision = find_article(lines, "en")
    assert lines[decision.body_end] == ENGLISH_BODY[2]


def test_a_headline_printed_all_over_the_page_is_still_the_headline_but_a_short_label_is_not():
    headline = "Council shuts old bridge after cracks are found"
    lines = [*MENU, headline, "March 3, 2020", "Play / pause", headline, "Share", headline, "CONTINUE READING THE STORY",
             headline, ENGLISH_BODY[0], "CONTINUE READING THE STORY", *ENGLISH_BODY[1:3], "CONTINUE READING THE STORY",
             ENGLISH_BODY[3], "CONTINUE READING THE STORY", *MENU]
    decision = find_article(lines, "en")
    assert lines[decision.headline] == headline


def test_last_one_line_paragraph_stays():
    assert body_text(page("jamaicaobserver.com-attacks")).endswith("The incident drew several curious onlookers.")


def test_page_without_an_article_has_an_empty_body_and_says_why():
    article = page("elperuanoa.pe-logran")
    assert body_text(article) == ""
    assert article.no_article_reason and "no article on the page" in article.no_article_reason
    assert {removed.kind for removed in article.removed} <= {"page_chrome", "navigation", "footer", "promo", "social"}


def test_a_bulleted_list_in_an_article_is_not_page_chrome():
    paragraph = "The finance minister said on Monday that the budget would raise spending on schools and roads this year."
    bullets = [f"- Increased spending on item {i} to {i}bn rupees" for i in range(8)]
    lines = ["India unveils anti-poverty budget", paragraph, paragraph.replace("Monday", "Tuesday"), *bullets,
             paragraph.replace("Monday", "Friday"), *[f"Menu {i}" for i in range(4)]]
    text = "\n".join(lines)
    article = structure(RawDocument("b.txt", len(text), "0" * 64, "utf-8", "text", text))
    assert all(bullet in body_text(article) for bullet in bullets)
    assert not any(removed.kind == "page_chrome" for removed in article.removed)


def test_short_text_is_not_judged_as_a_page():
    lines = ["Putin to decide on next steps", "Russia will study the replies before deciding, the Kremlin said on Thursday."]
    assert not find_article(lines, "en").found  # too little prose for an article ...
    text = "\n".join(lines)
    article = structure(RawDocument("a.txt", len(text), "0" * 64, "utf-8", "text", text))
    assert article.no_article_reason is None  # ... but two lines are not a whole page either


@pytest.mark.parametrize(("html", "lines"), [
    ("<p>One <b>bold</b> word.</p><p>Two</p>", ["One bold word.", "Two"]),
    ("<div>Menu<ul><li>Home</li><li>News</li></ul></div>", ["Menu", "Home", "News"]),
    ("<body><script>var x = 1;</script><style>p {}</style><p>Text</p><!-- note --></body>", ["Text"]),
    ("<p>Line<br>break</p>", ["Line", "break"]),
    ("", []),
])
def test_html_rendered_one_line_per_block(html, lines):
    assert render_html_lines(html) == lines


def test_frames_page_keeps_its_noframes_text():
    # libxml2 reads <noframes> as raw text, markup included: the words are there, nothing crashes
    lines = render_html_lines("<frameset><frame src='a.html'><noframes><p>No frames here.</p></noframes></frameset>")
    assert "No frames here." in " ".join(lines)


def test_deeply_nested_and_large_pages_do_not_crash():
    # libxml2 gives up below a nesting depth of 256 (the text there is lost); what matters is no crash
    nested = "<p>shallow</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000
    assert render_html_lines(nested)[:1] == ["shallow"]
    big = "<p>" + "Menu item</p><p>" * 200_000 + "</p>"
    assert len(render_html_lines(big)) == 200_000


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Massy Stores stalled nationwide by cyber attack | Trinidad Guardian", "Trinidad Guardian", "Massy Stores stalled nationwide by cyber attack"),
    ("Deutschlandfunk: Die Zukunft der Arbeit", "Deutschlandfunk", "Die Zukunft der Arbeit"),
    ("La perte des terres fertiles | DW | 23.05.2011", "DW.COM", "La perte des terres fertiles"),
    ("NEWS WEB EASY|子どもへの体罰を禁止する法律ができる", "NEWS WEB EASY", "子どもへの体罰を禁止する法律ができる"),
    ("Biden - Putin talks: what we know", "Reuters", "Biden - Putin talks: what we know"),  # no site name in it
    ("Headline", None, "Headline"),
])
def test_site_name_stripped_from_titles(title, site, expected):
    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize(("stamp", "iso", "has_time"), [
    ("2020-02-19T08:51+0100", "2020-02-19T08:51:00+01:00", True),
    ("2023-11-08T21:24:10.336533-05:00", "2023-11-08T21:24:10.336533-05:00", True),
    ("2020-01-03T09:48:24Z", "2020-01-03T09:48:24+00:00", True),
    ("2022-05-04 05:34:58", "2022-05-04T05:34:58", True),
    ("2020-01-03", "2020-01-03T00:00:00", False),
])
def test_markup_timestamps(stamp, iso, has_time):
    parsed, timed = parse_iso_time(stamp)
    assert (parsed.isoformat(), timed) == (iso, has_time)


def test_html_byline_time_and_title_from_markup():
    html = ("<html><head><title>Talks stall again | Example News</title>"
            "<meta property='og:site_name' content='Example News'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Talks stall again\","
            " \"datePublished\": \"2024-03-12T17:31:00-04:00\", \"author\": [{\"@type\": \"Person\", \"name\": \"Jane Roe\"},"
            " {\"@type\": \"Person\", \"name\": \"John Doe\"}], \"publisher\": {\"name\": \"Example News\"}}</script></head>"
            "<body><nav><a>Home</a><a>World</a></nav><h1>Talks stall again</h1><article>"
            + "".join(f"<p>Negotiators met again on Tuesday in Geneva and said that the talks on paragraph {i} had stalled "
                      f"because neither side would move on the key issue of the border.</p>" for i in range(6))
            + "</article><footer>Copyright Example News</footer></body></html>")
    article = structure(RawDocument("a.html", len(html), "0" * 64, "utf-8", "html", html))
    assert article.title == "Talks stall again"
    assert article.byline == "Jane Roe / John Doe"
    assert article.published.isoformat() == "2024-03-12T21:31:00+00:00" and article.published_tz == "-04:00"
    assert body_text(article).startswith("Negotiators met again on Tuesday")
    assert "Copyright" not in body_text(article)


def test_html_story_appended_below_is_cut_from_trafilaturas_body():
    html = (Path(__file__).parent / "data" / "pages" / "html" / "kulu-media.com.meta-outage.html").read_text(encoding="utf-8")
    article = structure(RawDocument("k.html", len(html), "0" * 64, "utf-8", "html", html))
    text = body_text(article)
    assert text.splitlines()[-1].startswith("The incident highlights how a major Meta outage")
    assert "Artemis" not in text
    assert article.byline == "Kulu Media News Desk"
    assert (article.published.isoformat(), article.published_tz) == ("2026-06-12T15:11:51+00:00", "+03:00")
    assert article.title == "Meta Outage Hits Facebook, Instagram and Messenger"  # "| Kulu Media" stripped


def test_html_page_with_only_menus_has_no_article():
    html = "<html><body><ul>" + "".join(f"<li><a>Section {i}</a></li>" for i in range(40)) + "</ul></body></html>"
    article = structure(RawDocument("a.html", len(html), "0" * 64, "utf-8", "html", html))
    assert body_text(article) == ""
    assert article.no_article_reason and "no article on the page" in article.no_article_reason


def test_ruby_readings_are_not_text():
    assert render_html_lines("<p><ruby>子<rt>こ</rt></ruby>ども<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby></p>") \
        == ["子ども法律"]


def _dev_page(name: str):
    html = (Path(__file__).parent / "data" / "pages" / "html" / f"{name}.html").read_text(encoding="utf-8")
    return structure(RawDocument(f"{name}.html", len(html), "0" * 64, "utf-8", "html", html))


def test_html_teasers_taken_by_trafilaturas_fallback_are_left_out():
    # trafilatura's fallback extractor takes the teaser list under a short post; its own extraction does not
    text = body_text(_dev_page("boingboing.net.millenials"))
    assert text.startswith("Cartoonist Matt Bors got a spot on CNN")
    assert "Choir! Choir! Choir!" not in text and "MATLAB" not in text


def test_html_standfirst_above_the_byline_is_not_body():
    article = _dev_page("tagesschau.de.rheinmetall")
    assert article.standfirst and article.standfirst.startswith("Der Rüstungskonzern Rheinmetall")
    assert body_text(article).startswith("Interne Unterlagen des größten deutschen Rüstungskonzern")
    assert any(removed.line.text.startswith("Stand:") for removed in article.removed)


def test_html_page_with_a_few_lines_of_teaser_has_no_article():
    article = _dev_page("dw.com-elephants")  # an audio page: a cookie notice and a 36-word teaser
    assert body_text(article) == ""
    assert article.no_article_reason and "no article on the page" in article.no_article_reason
