"""Who a quote's speaker expression refers to: a name, a pronoun, a description, an
organisation by its kind ("the regulator"), or a state by its people ("Russian officials")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newswire.actors import sentences
from newswire.actors.descriptions import describe
from newswire.actors.gender import compatible, pronoun_gender
from newswire.actors.institutions import country_qualified, qualified_key
from newswire.actors.lexicon import (BUSINESS_REFERENCE_NOUNS, CATAPHORIC_PRONOUNS, COMPARISON_WORDS, DATE_WORDS,
                                     INSTITUTION_WORDS, NAMED_ORG_NOUNS, PUBLIC_BODY_WORDS,
                                     NEWSPAPER_ENDINGS, NEWSPAPER_OPENINGS, ORG_HEAD_WORDS, ORG_NOUNS, PLURAL_PRONOUNS,
                                     PRONOUNS, STATE_BODIES)
from newswire.actors.pronoun_listing import listed
from newswire.actors.records import NAME_KINDS, LocalMention
from newswire.actors.sentences import SENTENCE_END, sentence_ends
from newswire.gazetteer import (LEADING_ARTICLE, POSSESSIVE, country_in, demonym_country, fold, gazetteer, is_news_agency,
                                lookup_place, org_key, organisation, role_data)

if TYPE_CHECKING:
    from newswire.actors.corpus import Corpus

# A pronoun looks back this many sentences for the person it stands for.
PRONOUN_SENTENCES_BACK = 4
# A group pronoun ("it", "they") resolved further back than the sentence before its own is not listed
# among its actor's mentions.
GROUP_PRONOUN_SENTENCES_BACK = 2
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
APPOSITION_COMMA = re.compile(r"\s*,\s*")
LIST_COMMA = re.compile(r"\s*,\s*(?!and\b)")
_QUOTED = re.compile(r"\u201c[^\u201d\n]*(?:\u201d|(?=\n))|\"[^\"\n]*\"|\u00ab[^\u00bb\n]*\u00bb")
_CLOSING_QUOTE = re.compile(r"[\"\u201d\u00bb]|'(?=\s)|\u2019(?=[\s,])")
# "Netherlands-based group LNM said it": a name hyphened to a lower-case word modifies it; no pronoun stands for it
HYPHEN_MODIFIER = re.compile(r"-[a-z]")
SINGULAR_GROUP_PRONOUNS = frozenset({"it", "its"})
# "The two Japanese companies ... They said": nor for a nationality written before a noun
NOUN_AFTER = re.compile(r" [a-z]")


def antecedent(text: str, position: int, earlier: list[LocalMention], sentences_back: int = PRONOUN_SENTENCES_BACK,
               fallback: bool = True) -> LocalMention | None:
    """The person a pronoun refers to: the subject of the nearest earlier sentence that names
    someone (else its first person), looking back a few sentences; else (with fallback) the latest mention."""
    # people named inside quotation marks are quoted, not quoting
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text, 0, position)]
    earlier = [m for m in earlier if not any(s < m.start < e for s, e in quoted)]
    if not earlier:
        return None
    boundaries = [0] + sentence_ends(text, position)
    # the pronoun's own sentence first: "Asked about it, he said" has no earlier person in it
    for start, end in list(zip(boundaries, boundaries[1:] + [position]))[::-1][:sentences_back]:
        inside = [m for m in earlier if start <= m.start < end]
        if end == position:  # the pronoun's own sentence: people named inside the quote are not its speaker
            inside = [m for m in inside if not _CLOSING_QUOTE.search(text, m.end, position)]
        if inside:
            subjects = [m for m in inside if m.subject]
            return (subjects or inside)[0]
    return earlier[-1] if fallback else None


def resolve_speakers(corpus: Corpus, article_id: str, text: str, start: int, end: int) -> list[LocalMention]:
    """See Corpus.resolve_speakers."""
    mentions = corpus.mentions_by_start(article_id)
    # "The United States and NATO said": the expression may stop at the first conjunct
    while (joined := COORDINATION.match(text, end)) is not None:
        following = [m for m in mentions if m.start == joined.end()]
        if not following:
            break
        end = following[0].end
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    head = text[start:end].rstrip(" ,.'\u2019s")
    named = [m for m in inside if m.end >= start + len(head) - 1 or COORDINATION.match(text, m.end)]
    if not named and (comma := APPOSITION_COMMA.match(text, end)) is not None:
        # "Zelensky's spokesman, Sergii Nykyforov, wrote": the name in apposition is the speaker;
        # after a name ("talks with Minister Sergey Lavrov, Blinken said") the next name is not one
        apposed = [m for m in mentions if m.start == comma.end() and m.type == "PERSON" and m.kind in NAME_KINDS]
        if apposed:
            return [replace(apposed[0], key=corpus.canonical(apposed[0].key))]
    if named:
        people = [m for m in named if m.type == "PERSON"]
        speakers = named if len(named) > 1 and all(COORDINATION.match(text, m.end) for m in named[:-1]) else \
            [people[-1] if people else named[-1]]
        return [replace(m, key=corpus.canonical(m.key)) for m in speakers]
    found = _resolve_expression(corpus, article_id, text, start, end, mentions)
    if found is not None:
        corpus.extra[article_id].append(found)
    return [found, *_coordinated_with(corpus, text, start, end, found, mentions)] if found is not None else []


def _coordinated_with(corpus: Corpus, text: str, start: int, end: int, found: LocalMention,
                      mentions: list[LocalMention]) -> list[LocalMention]:
    """"The United States and NATO said that they delivered": a plural pronoun whose antecedent
    is coordinated stands for every conjunct."""
    if text[start:end].lower() not in PLURAL_PRONOUNS:
        return []
    antecedents = [m for m in mentions if m.end <= start and corpus.canonical(m.key) == found.key]
    partners: list[LocalMention] = []
    closed = False  # a list ("Russia, Ukraine, France and Germany") counts once "and" closes it
    position = antecedents[-1].end if antecedents else None
    while position is not None:
        joined = COORDINATION.match(text, position)
        separator = joined or LIST_COMMA.match(text, position)
        following = [m for m in mentions if separator is not None and m.start == separator.end() and m.end <= start]
        if not following:
            break
        partners.append(replace(following[0], start=start, end=end, text=text[start:end], kind="pronoun",
                                key=corpus.canonical(following[0].key)))
        closed = closed or joined is not None
        position = following[0].end
    return partners if closed else []


def _resolve_expression(corpus: Corpus, article_id: str, text: str, start: int, end: int,
                        mentions: list[LocalMention]) -> LocalMention | None:
    surface = text[start:end].strip()
    words = surface.split()
    last = fold(words[-1]) if words else ""
    if (wanted := PRONOUNS.get(surface.lower())) is not None:
        return _pronoun_referent(corpus, article_id, text, start, end, surface, wanted, mentions)
    if last in INSTITUTION_WORDS and (country := country_in(words)) is not None:
        return _state_institution(corpus, text, start, end, surface, country)
    if (found := _organisation_named(corpus, text, start, end, LEADING_ARTICLE.sub("", surface), mentions)) is not None:
        return found
    if words and words[0].lower() == "the" and (earlier := corpus.unnamed.get((article_id, last))) is not None:
        return replace(earlier, start=start, end=end, text=text[start:end], kind="title")  # "One Italian official" ... "the official"
    if words and words[0].lower() in {"a", "an", "one"}:
        return _unnamed_speaker(corpus, article_id, text, start, end, words, last)
    if last in role_data()["media_nouns"]:
        if (outlet := _outlet_named(text, start, words)) is not None:
            return outlet
        # "the US newspaper said": the outlet named last, before any other organisation
        candidates = [m for m in mentions if not _known_non_media(m)]
        return _organisation_before(corpus, text, start, end, [m for m in candidates if _an_outlet(m)]) \
            or _organisation_before(corpus, text, start, end, candidates)
    if last in STATE_BODIES and (country := country_in(words[:-1])):  # "Russian officials said"
        return LocalMention(start, end, text[start:end], "GPE", "metonym", f"GPE:{country}", True)
    if (description := describe(start, end, text[start:end], words, True)) is not None:
        if (found := corpus.resolve_description(article_id, description)) is not None:
            return found
    if words and words[0].lower() == "the" and last in NAMED_ORG_NOUNS:
        # "the ministry", "the party": the organisation named last whose name says it is one
        return _organisation_before(corpus, text, start, end, mentions, last)
    if words and words[0].lower() == "the" and last in ORG_NOUNS and not _names_itself(words):
        # "the regulator said", "the lender": the organisation named last before it that such a noun may
        # stand for, other than a news agency or an outlet ("told Reuters that the company") unless no
        # other is named before (a story about Reuters itself)
        fitting = [m for m in mentions if _may_be_called(corpus, m, last)]
        return _organisation_before(corpus, text, start, end, [m for m in fitting if not _reports(corpus, m)]) \
            or _organisation_before(corpus, text, start, end, fitting)
    return None


def _names_itself(words: list[str]) -> bool:
    """"the Associated Press news agency", "the Florida-based Falic group": a capitalised word after the
    opening one that is no place's, country's or people's name ("the US firm", "the Houston court") nor
    where it is based ("the Seattle-based company") names the organisation itself, so the expression is
    no reference to one named before."""
    return any(word[:1].isupper() and not word.endswith("-based") and country_in([word]) is None
               and demonym_country(word) is None and lookup_place(word) is None for word in words[1:])


def _reports(corpus: Corpus, mention: LocalMention) -> bool:
    """A news agency or an outlet, which a story cites more often than it is about."""
    return is_news_agency(corpus.canonical(mention.key)) or _an_outlet(mention)


def _may_be_called(corpus: Corpus, mention: LocalMention, noun: str) -> bool:
    """Whether an organisation noun may stand for the organisation mentioned: a business's noun
    (BUSINESS_REFERENCE_NOUNS) never for a public body (PUBLIC_BODY_WORDS in its name, or the
    gazetteer's sector: "under review by the SEC. The company said")."""
    if noun not in BUSINESS_REFERENCE_NOUNS:
        return True
    key = corpus.canonical(mention.key)
    entry = gazetteer()["org_entries"].get(key.removeprefix("ORG:"))
    if entry is not None and entry.sector is not None and entry.sector not in {"media", "ngo", "rebels"}:
        return False
    return not any(word in PUBLIC_BODY_WORDS for word in fold(key.removeprefix("ORG:")).split())


def _pronoun_referent(corpus: Corpus, article_id: str, text: str, start: int, end: int, surface: str, wanted: str,
                      mentions: list[LocalMention]) -> LocalMention | None:
    """"he said": the person (or, for "it", the organisation or place) the pronoun stands for."""
    gender = pronoun_gender(surface)
    # "she" is not the man named last: antecedents agree in gender where the text shows it
    # "it", "its": one body or place, never a people ("those of Pakistani origin ... it said")
    agreeing = [m for m in mentions if (m.type == "PERSON") == (wanted == "PERSON")
                and (m.type != "PERSON" or compatible(gender, corpus.gender(corpus.canonical(m.key))))
                and not (m.type == "NORP" and surface.lower() in SINGULAR_GROUP_PRONOUNS)]
    sentence_start = sentences.sentence_start(text, start)
    earlier = [m for m in agreeing if m.end <= start and not _compared(text, m, sentence_start)
               and not HYPHEN_MODIFIER.match(text, m.end) and not (m.type == "NORP" and NOUN_AFTER.match(text, m.end))]
    best = _named_after_opening(text, start, surface, sentence_start, agreeing) or antecedent(text, start, earlier)
    if best is None:
        return None
    # "it", "they": things and groups that are no actor ("the report", "the posters") often come
    # between a group pronoun and the actor named before the sentence before its own; such a
    # guess serves the quote or event asking, but is not listed among the actor's mentions
    found = LocalMention(start, end, text[start:end], best.type, "pronoun", corpus.canonical(best.key), True)
    if (wanted != "PERSON" and antecedent(text, start, earlier, GROUP_PRONOUN_SENTENCES_BACK, fallback=False) is None) \
            or not listed(corpus, text, start, surface, best, earlier):
        corpus.unlisted.add((article_id, start, end))
    return found


def _compared(text: str, mention: LocalMention, sentence_start: int) -> bool:
    """"Like Blinken, he rejected": in the pronoun's own sentence, a person it is compared with."""
    before = text[sentence_start:mention.start].split()
    return mention.start >= sentence_start and bool(before) and before[-1].lower() in COMPARISON_WORDS


def _named_after_opening(text: str, start: int, surface: str, sentence_start: int,
                         agreeing: list[LocalMention]) -> LocalMention | None:
    """"Following his talks with Lavrov, Blinken said": a possessive in the sentence's opening
    phrase, with no one named before it there, stands for the one named first after the comma."""
    if surface.lower() not in CATAPHORIC_PRONOUNS or any(sentence_start <= m.start < start for m in agreeing):
        return None
    comma = text.find(",", start)
    if comma < 0 or SENTENCE_END.search(text, start, comma):
        return None
    after = comma + 1 + len(text[comma + 1:]) - len(text[comma + 1:].lstrip())
    return next((m for m in agreeing if m.start == after), None)


def _state_institution(corpus: Corpus, text: str, start: int, end: int, surface: str, country: str) -> LocalMention:
    """"the Russian foreign ministry said": an institution of a state, named by description."""
    name = " ".join(w for w in LEADING_ARTICLE.sub("", surface).split())
    qualified = country_qualified(name)
    key = qualified_key(*qualified) if qualified is not None else org_key(name)
    corpus.place(key, country)
    return LocalMention(start, end, text[start:end], "ORG", "name", key, True)


def _organisation_named(corpus: Corpus, text: str, start: int, end: int, bare: str,
                        mentions: list[LocalMention]) -> LocalMention | None:
    """An organisation of the corpus the expression names, in lower case or in part; bare: the
    expression without its leading article."""
    # "the Russian foreign ministry", in lower case; but one common noun ("the company", "the group")
    # names no one organisation of the corpus, whichever used it as a name ("Company magazine")
    if (key := org_key(bare)) in corpus.known_keys and not (bare.islower() and len(bare.split()) == 1):
        return LocalMention(start, end, text[start:end], "ORG", "name", corpus.canonical(key), True)
    if len(bare.split()) >= 2 and (key := org_key(" ".join(bare.split()[:-1]))) in corpus.known_keys \
            and fold(bare.split()[-1]) in ORG_HEAD_WORDS:
        return LocalMention(start, end, text[start:end], "ORG", "name", corpus.canonical(key), True)  # "the Komeito party"
    if len(bare.split()) >= 2:  # "the State Committee" for "the State Committee for National Security"
        longer = {m.key for m in mentions if m.type == "ORG" and m.kind == "name" and fold(m.text).startswith(fold(bare) + " ")}
        if len(longer) == 1:
            return LocalMention(start, end, text[start:end], "ORG", "title", corpus.canonical(longer.pop()), True)
    return None


def _outlet_named(text: str, start: int, words: list[str]) -> LocalMention | None:
    """"the China Daily newspaper said": capitalised words before the media noun that are no
    country's name ("the US newspaper") name the outlet itself, not one named before; a possessive
    names its owner ("the BNP's website": the BNP); lower-case words may follow them ("the Associated Press
    news agency")."""
    between = words[1:-1] if words and words[0].lower() == "the" else words[:-1]
    capitalised = next((i for i, word in enumerate(between) if not word[:1].isupper()), len(between))
    name_words = between[:capitalised]
    if not name_words or not all(word.islower() for word in between[capitalised:]):
        return None
    name_start = text.index(name_words[0], start)
    name_end = text.index(name_words[-1], name_start) + len(name_words[-1])
    if (possessive := POSSESSIVE.search(text, name_start, name_end)) is not None:
        name_end = possessive.start()
    name = text[name_start:name_end]
    if not name or lookup_place(name) is not None or demonym_country(name) is not None or fold(name) in DATE_WORDS:
        return None  # "the US newspaper", "the Sunday newspaper"
    canonical = organisation(name)
    return LocalMention(name_start, name_end, name, "ORG", "name", f"ORG:{canonical}" if canonical else org_key(name), True)


def _an_outlet(mention: LocalMention) -> bool:
    """A newspaper, broadcaster or agency by the gazetteer or by the words that open or end
    newspapers' names ("the Financial Times", "the Sunday Telegraph")."""
    entry = gazetteer()["org_entries"].get(mention.key.removeprefix("ORG:"))
    if entry is not None:
        return entry.sector == "media"
    words = fold(mention.text).split()
    return bool(words) and (words[-1] in NEWSPAPER_ENDINGS or words[0] in NEWSPAPER_OPENINGS)


def _known_non_media(mention: LocalMention) -> bool:
    """An organisation the gazetteer knows as other than an outlet ("targeted by the newspaper" is
    not the Labour Party named last)."""
    entry = gazetteer()["org_entries"].get(mention.key.removeprefix("ORG:"))
    return entry is not None and entry.sector not in {None, "media"}


def _organisation_before(corpus: Corpus, text: str, start: int, end: int, mentions: list[LocalMention],
                         noun: str | None = None) -> LocalMention | None:
    """The organisation mentioned last before the expression; with noun, the last one whose
    name has that word in it."""
    organisations = [m for m in mentions if m.end <= start and m.type == "ORG"]
    if noun is not None:
        organisations = [m for m in organisations if noun in fold(m.text).split()]
    if not organisations:
        return None
    return LocalMention(start, end, text[start:end], "ORG", "title", corpus.canonical(organisations[-1].key), True)


def _unnamed_speaker(corpus: Corpus, article_id: str, text: str, start: int, end: int, words: list[str],
                     last: str) -> LocalMention | None:
    """"a senior Ukrainian official", "a senior EU diplomat": someone unnamed, speaking for a
    state or body; remembered so that a later "the official" is the same. "An Australian" is one person
    called by the nation (a nationality ends the phrase), no one speaking for it."""
    found = None
    if country_in(words[-1:]) is not None:
        return None
    if (country := country_in(words)) is not None:
        found = LocalMention(start, end, text[start:end], "GPE", "metonym", f"GPE:{country}", True)
    for word in words:
        if found is None and (canonical := organisation(word)) is not None:
            found = LocalMention(start, end, text[start:end], "ORG", "metonym", f"ORG:{canonical}", True)
    if found is not None:
        corpus.unnamed[(article_id, last)] = found
    return found
