"""What a named thing is, from the words around every mention of it in the article.

The small model labels each mention on its own and often wrongly: footballers as ORG or GPE
("Juninho's agent"), a club as PERSON ("Burnley are yet to concede"), films and awards as
ORG ("the film Robots", "the Mercury Music Prize"). Each mention's context casts a vote — a
person noun before it or in apposition, what it possesses ("X's agent", "X's shares"), "X,
who", a plural verb after a singular name, a work noun before it, an event's head word
ending it, an honorific or a known given name opening it, a place noun it is named
after ("the province of Tamil Nadu"), an indefinite article before it ("a QC"), a team sheet
listing it, a verb for making with an organisation as its subject ("Inbev, which makes Stella
Artois") — and the votes of all mentions of
the same name in the article relabel every one of them. A name with no vote keeps the
model's label. A name only ever used as a thing's ("the Zafi virus", "its ROKR handset",
"Shakespeare's Richard III", "Blisters were a factor") is no actor.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from newswire.actors.common_words import common_words
from newswire.actors.kinds import kind_vote, list_opening, names_a_firm_noun
from newswire.actors.locatives import locative_vote
from newswire.actors.results import opponent_vote, result_vote
from newswire.actors.lexicon import (APPOSITIVE_OFFICE_EXCEPTIONS, AWARD_PARTICIPLES, BUSINESS_RESULTS, EQUITY_NOUNS, TITLE_WORDS, GIVEN_NAMES, ORG_NOUNS, ORG_PLACE_HEADS, ORGANISATION_HEADS, PRODUCT_VERBS, AWARD_TAILS, COMMUNICATION_HEADS, COMPANY_ENDINGS, EVENT_HEADS, IDIOMS, INSTITUTION_WORDS, ORG_NAME_ENDINGS,
                                     NAME_PARTICLES, NATIONALITY_ENDINGS, ORG_POSSESSIONS, ORG_TRAILING_WORDS, PERSON_NOUNS, PERSON_POSSESSIONS, PERSONAL_HONORIFICS,
                                     PERFORMER_NOUNS, PLACE_NAME_ENDINGS, PLAYER_LIST_HEADERS, PLACE_NOUNS, THING_ENDINGS, THING_NOUNS, TITLE_VERBS, WORK_NOUNS, WORK_TAILS,
                                     WORK_VERBS)
from newswire.actors.spans import tokens_between, tokens_with, word_ids
from newswire.gazetteer import FOLD_CACHE, role_data, LEADING_ARTICLE, POSSESSIVE, demonym_country, fold, lookup_place, organisation, place_named
from newswire.syntax import (ACTIVE_SUBJECTS, APPOSITIONS, AUXILIARIES, COMPOUNDS, CONJUNCTS, DIRECT_OBJECTS, PREPOSITION_OBJECTS, SUBJECTS,
                             conjuncts_of, doc_text, first_conjunct,
                             span_text)

PERSON, ORG, PLACE, NOT_ACTOR = "PERSON", "ORG", "GPE", "NOT_ACTOR"
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PLURAL, SINGULAR = "plural", "singular"
# "Michael Foods", "Wolverhampton Wanderers": a plural organisation ending is no surname, whatever the given name before it
_PLURAL_ORG_ENDINGS = frozenset(word for word in ORG_NAME_ENDINGS if word.endswith("s") and len(word) > 4)


def name_of(span: Span) -> str:
    """The name a mention votes for: its folded text without a leading article or possessive."""
    return fold(POSSESSIVE.sub("", LEADING_ARTICLE.sub("", span_text(span))))


def _before(span: Span) -> Token | None:
    """The word before the name, past a capitalised "The" inside a sentence ("cartoon hit The Incredibles")."""
    i = span.start - 1
    if i > 0 and span.doc[i].text == "The" and not span.doc[i].is_sent_start:
        i -= 1
    return span.doc[i] if i >= 0 else None


def _singular_noun(token: Token | None, words: frozenset[str]) -> bool:
    return token is not None and token.lower_ in words and token.tag_ not in PLURAL_NOUN_TAGS


def _name_tokens(span: Span) -> Span:
    """The span without a possessive ending or trailing space ("Dimitar Berbatov's"); the span itself
    (its label kept) when it has neither, as most have: a slice of the Doc costs more than the rules that ask."""
    end = span.end
    while end > span.start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space):
        end -= 1
    return span if end == span.end else span.doc[span.start:end]


def _opening_vote(span: Span) -> str | None:
    """An honorific or a known given name opening the name ("Mr Cable", "Dimitar Berbatov")."""
    first = span[0]
    before = _before(span)
    if (first.lower_ in PERSONAL_HONORIFICS and first.is_title and len(span) > 1 and span[1].is_title) or (
            before is not None and before.lower_ in PERSONAL_HONORIFICS and before.is_title):
        return PERSON
    span = _name_tokens(span)
    if len(span) < 2 or first.lower_ not in GIVEN_NAMES or lookup_place(first.text) is not None:
        return None
    rest = span[1:]
    if not all(token.is_title or token.text in {"-", "'"} for token in rest) \
            or {token.lower_ for token in rest} & (COMPANY_ENDINGS | ORG_TRAILING_WORDS | INSTITUTION_WORDS | _PLURAL_ORG_ENDINGS | PLACE_NAME_ENDINGS):
        return None
    return PERSON


def _linked_nouns(span: Span) -> list[Token]:
    """The span's own apposition ("Juninho, the striker,") or the noun it is apposed to ("the film, Robots")."""
    root = span.root
    # children after the name are right children: Token.rights skips the walk over the left ones
    linked = [child for child in root.rights if child.dep_ in APPOSITIONS and child.i >= span.end]
    if root.dep_ in APPOSITIONS and root.head.i < span.start:
        linked.append(root.head)
    return linked


@lru_cache(maxsize=1)
def _appositive_offices() -> frozenset[str]:
    """The office words that, in apposition to a name, say it is a person's (role heads but the exceptions);
    made once, when first asked (the role data loads on first use)."""
    return frozenset(role_data()["heads"]) - APPOSITIVE_OFFICE_EXCEPTIONS


def _role_vote(span: Span) -> str | None:
    """A work noun right before the name, before the list it ends, or in apposition to it ("the
    film Robots", "soap operas Knots Landing and Falcon Crest"): a work's title; a person noun
    there ("midfielder Edith Agoye"), or an office after a comma ("Carly Fiorina, chief of"): a person.
    A verb's base form is no work noun ("will feature Dan Ashcroft"; the model tags "cartoon hit The
    Incredibles" a past tense, and a work noun is often so mistagged)."""
    before = _before(span)
    linked = _linked_nouns(span)
    if any(token is not None and token.lower_ in WORK_NOUNS and token.is_lower and token.tag_ != "VB"
           for token in (before, list_opening(span))) \
            or any(token.lower_ in WORK_NOUNS for token in linked):
        return NOT_ACTOR
    # "the billionaire Bhs owner": a noun before a name that modifies another noun is that noun's
    names_itself = span.root.dep_ not in COMPOUNDS
    if (names_itself and _singular_noun(before, PERSON_NOUNS)) or any(_singular_noun(t, PERSON_NOUNS) for t in linked):
        return PERSON
    return PERSON if _office_after_a_comma(span) else None


# words after an office that make it the name's ("chief of", "director at", "spokesman for"; "chief," ends it)
_OFFICE_LINKS = frozenset({"of", "at", "for", ","})


def _office_after_a_comma(span: Span) -> bool:
    """"Carly Fiorina, chief of technology giant Hewlett Packard": a comma, a lower-case office word
    (role heads but APPOSITIVE_OFFICE_EXCEPTIONS) and "of", "at", "for" or a comma after the name: the
    office is the name's, a person's (the model's parse often hangs the apposition elsewhere)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    office = doc[span.end + 1]
    return office.is_lower and _singular_noun(office, _appositive_offices()) and doc[span.end + 2].lower_ in _OFFICE_LINKS


def _clause_vote(span: Span) -> str | None:
    """What the clause says of the name: what it possesses ("X's agent", "X's shares", "X boss
    Mark McGhee"); "X, who"
    with a singular verb; a plural verb after a singular name ("Burnley are", "City, who are")."""
    root = span.root
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    # a person's possession also when the model took the "'s" into the name ("Shola Ameobi's cross"); an
    # organisation's only when it did not: "Clive Griffiths - Wales' defensive coach" is a name run on
    if _possessive(span) and root.dep_ == "poss" and root.head.lower_ in PERSON_POSSESSIONS:
        return PERSON
    if after is not None and after.tag_ == "POS" and root.dep_ == "poss" and root.head.lower_ in ORG_POSSESSIONS:
        return ORG
    if after is not None and after.lower_ in ORG_POSSESSIONS and after.is_lower and after.tag_ in {"NN", "VBP", "VB"} \
            and span.end + 1 < len(doc) and doc[span.end + 1].is_title:  # "Brighton boss Mark McGhee", "Munster lock"
        return ORG
    if root.tag_ != "NNP":
        return None
    children = list(root.children)
    if any(child.dep_ in CONJUNCTS for child in children):
        return None
    for child in children:  # "Juninho, who has", but "Manchester City, who are"; "who said" tells nothing
        if child.dep_ == "relcl" and any(t.lower_ == "who" and t.dep_ in SUBJECTS for t in child.children):
            return {PLURAL: ORG, SINGULAR: PERSON}.get(_verb_number(child))
    if root.dep_ in SUBJECTS and _verb_number(root.head) == PLURAL:
        return ORG
    return None


def _verb_number(verb: Token) -> str | None:
    """PLURAL or SINGULAR when the verb or one of its auxiliaries shows its number ("are", "have
    won", "were"; "has", "is", "was"), else None."""
    verbs = [verb, *(child for child in verb.children if child.dep_ in AUXILIARIES)]
    if any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs):
        return PLURAL
    if any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs):
        return SINGULAR
    return None


_VERSION = re.compile(r"^v?\d+\.\d+$")
# "the African Nations Cup", "the Skulls Trojan": last words of names of events and things, one set
_NO_ACTOR_HEADS = EVENT_HEADS | THING_ENDINGS
# a sequel's number after a title ("Shrek 2"); a minute after a player ("Rooney 8,") is followed by punctuation
_SEQUEL = re.compile(r"^[2-9]$")
# words after a scorer's minute ("Thompson 48 pen", "Dunne 75 og")
_SCORE_WORDS = frozenset({"pen", "og"})


def _a_sequel(span: Span) -> bool:
    """"Shrek 2 at the box office", "Spider-Man 2 on UMD": a one-word name labelled a person's and a digit
    the model ran it on into, before a lower-case word: a film's or a game's sequel (people are numbered by
    no digit; a scorer's minute "Rooney 8, Scholes 45" is followed by punctuation or "pen")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return span.label_ == PERSON and len(span) == 2 and _SEQUEL.match(span[-1].text) is not None \
        and after is not None and after.is_lower and after.is_alpha and after.lower_ not in _SCORE_WORDS



def _head_vote(span: Span) -> str | None:
    """A name ending in an event's or award's head word ("the African Nations Cup"), a malicious
    program's ("the Skulls Trojan"), a version number ("Firefox 1.0") or a sequel's ("Shrek 2") is no actor,
    one ending in an organisation's ("Manchester United") or a person-labelled one opening with a known
    organisation ("BBC Sport") an organisation;
    nor is one word labelled PERSON after a lower-case "the" ("at the Maracana"): people's names
    take no article ("the Balco scandal": the article is the scandal's)."""
    name = _name_tokens(span)
    if len(name) > 1 and name[-1].lower_ in _NO_ACTOR_HEADS:
        return NOT_ACTOR
    if len(name) > 1 and name[-1].lower_ in ORG_NAME_ENDINGS and name[-1].is_title:
        return ORG
    if span.label_ == PERSON and _opens_with_an_organisation(name):
        return ORG
    if _VERSION.match(name[-1].text) or _a_sequel(span):
        return NOT_ACTOR  # "Firefox 1.0": a product's version; "Shrek 2": a film's sequel
    before = _before(span)
    if span.label_ == PERSON and len(span) == 1 and before is not None and before.lower_ == "the" and before.is_lower \
            and span.root.dep_ not in COMPOUNDS:
        return NOT_ACTOR
    return None


def _opens_with_an_organisation(name: Span) -> bool:
    """"BBC Sport", "BBC Sport Wales": capitalised words after an organisation the gazetteer knows by its
    first word name a part of it, not a person (the model labels such names PERSON in some sentences);
    "Labour MPs" names its members, "Tory Treasurer" an office."""
    last = name[-1].lemma_.lower()
    return len(name) > 1 and all(token.is_title or token.is_upper for token in name) \
        and organisation(name[0].text) is not None and last not in PERSON_NOUNS and last not in role_data()["heads"]


def _cut_title_vote(span: Span) -> str | None:
    """One word labelled PERSON that the model cut from a title: after a capitalised word it left
    untagged ("Hey Jude", "Wife Swap"), or before a capitalised "And" ("Rhythm And Blues"). The word
    before is no initial ("R Kelly"), honorific, office, person noun or given name ("Chancellor Brown")."""
    if len(span) != 1 or span.label_ not in {PERSON, ORG}:
        return None
    doc = span.doc
    if _after_a_title_word_and_of(span):
        return NOT_ACTOR
    if span.label_ != PERSON:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text == "And" and span.end + 1 < len(doc) and doc[span.end + 1].is_title:
        return NOT_ACTOR
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.is_sent_start or not before.is_title or not before.is_alpha or len(before) < 2 \
            or before.ent_iob_ != "O" \
            or before.pos_ not in {"PROPN", "NOUN", "INTJ"} or doc[before.i - 1].is_punct:
        return None  # "If Jens is", '"Kevin': a quotation's first word
    word = before.lower_
    if word in PERSONAL_HONORIFICS or word in PERSON_NOUNS or word in GIVEN_NAMES or word in role_data()["heads"] \
            or _known(before.text):
        return None
    return NOT_ACTOR


# words before "of" that open an office's, a person's, a body's or a place's name, not a title's:
# one set, not their union made again for every name after "of"
_NO_TITLE_WORDS = PERSONAL_HONORIFICS | GIVEN_NAMES | INSTITUTION_WORDS | ORG_PLACE_HEADS | ORG_NAME_ENDINGS | PLACE_NOUNS


def _after_a_title_word_and_of(span: Span) -> bool:
    """"Maria Full of Grace": after "of" and a capitalised word inside the sentence that is no office,
    honorific, given name or organisation's head word ("Bank of", "Council of", "Secretary of")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "of":
        return False
    word = doc[span.start - 2]
    if word.is_sent_start or not word.is_title or not word.is_alpha or len(word) < 2:
        return False
    lower = word.lower_
    return lower not in _NO_TITLE_WORDS and lower not in role_data()["heads"] and not _known(word.text)


def _equity_vote(span: Span) -> str | None:
    """"Shares in Krispy Kreme sank", "a stake in Cegetel", "shares of Google": the name a part of a company's
    capital (EQUITY_NOUNS) is "in" (or, for shares in the plural, "of") is the company's."""
    root = first_conjunct(span.root)
    preposition = root.head
    if root.dep_ not in PREPOSITION_OBJECTS or preposition.lower_ not in {"in", "of"} or preposition.head.i >= span.start:
        return None
    noun = preposition.head
    if noun.lemma_.lower() not in EQUITY_NOUNS or not noun.is_lower and not noun.is_sent_start:
        return None
    return ORG if preposition.lower_ == "in" or noun.tag_ == "NNS" else None


def _company_results_vote(span: Span) -> str | None:
    """"Krispy Kreme posted a loss", "Jarvis reported pre-tax profits of": the subject of a verb whose object is
    a company's results (BUSINESS_RESULTS) is a company."""
    root = span.root
    if root.dep_ not in ACTIVE_SUBJECTS:
        return None
    objects = (child for child in root.head.children if child.dep_ in DIRECT_OBJECTS)
    return ORG if any(obj.lemma_.lower() in BUSINESS_RESULTS for obj in objects) else None


# lower-case words at most between "best" and the "for" of what won it ("best original song award for")
MAX_AWARD_CATEGORY_WORDS = 4


def _award_winner_vote(span: Span) -> str | None:
    """"best rap song for Jesus Walks", "best actor for Ray": what an award's category is won "for" is a work,
    unless a given name opens it ("best presenters for Richard McCourt", "best actor for Jamie Foxx")."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 1].lower_ != "for" or span[0].lower_ in GIVEN_NAMES:
        return None
    i = span.start - 2
    words = 0
    while i >= 0 and words <= MAX_AWARD_CATEGORY_WORDS and doc[i].is_lower and doc[i].is_alpha and doc[i].tag_ != "VBG" \
            and doc[i].lower_ != "best":
        i -= 1
        words += 1
    return NOT_ACTOR if i >= 0 and doc[i].lower_ == "best" and 1 <= words <= MAX_AWARD_CATEGORY_WORDS else None


def _title_vote(span: Span) -> str | None:
    """"stars re-recorded We Are The World", "Lose My Breath": a name of two words or more holding a capitalised
    pronoun or verb of being (TITLE_WORDS) is a work's title, no actor."""
    words = span_text(_name_tokens(span)).split()
    return NOT_ACTOR if len(words) > 1 and any(word[:1].isupper() and word.lower() in TITLE_WORDS for word in words) else None


def _place_vote(span: Span) -> str | None:
    """A name a place noun is named after with "of" ("the southern province of Tamil Nadu", "the
    residents of Engerwitzdorf") is a place; one an organisation's leader, owner or spokesman is "of" or
    "for" an organisation ("deputy party leader of Veritas", ORGANISATION_HEADS); one word after a lower-case "a" or "an" (not the initial
    of "A Foley") that ends its phrase ("Philippe
    Sands, a QC and ...") or an organisation's or place's name so used ("bought a Dell Optiplex") is a
    common noun or a product, no actor: names take no indefinite article ("an Arsenal
    supporter" is Arsenal's supporter: the name does not end the phrase)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < span.start \
            and root.head.head.lower_ in PLACE_NOUNS and root.head.head.is_lower:
        return PLACE
    cut = span.end < len(span.doc) and span.doc[span.end].is_title  # "spokesman for North East Says No"
    if root.dep_ == "pobj" and root.head.lower_ in {"of", "for"} and root.head.i == span.start - 1 and not cut \
            and root.head.head.lower_ in ORGANISATION_HEADS and root.head.head.is_lower:
        return ORG  # "deputy party leader of Veritas", "owner of Liffe"
    before = _before(span)
    if before is not None and span.label_ in {ORG, PLACE} and before.is_lower and before.dep_ == "amod" and before.i > 0:
        before = span.doc[before.i - 1]  # "a binding Treaty": one adjective between
    after = span.doc[span.end] if span.end < len(span.doc) else None
    ends_phrase = after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}  # not "an Arsenal supporter"
    # "a Dell Optiplex,"; not a span the model ran on into a noun ("a Manchester United fan") nor one of a list
    # of makers ("a BBC World Service and WGBH-Boston co-production")
    one_thing = len(span) == 1 and span.label_ != "NORP" or (
        span.label_ in {ORG, PLACE} and not span[-1].is_lower and (after is None or after.is_punct))
    if one_thing and before is not None and before.text in {"a", "an"} and ends_phrase:
        return NOT_ACTOR
    return None


# the word families _phrase_vote tests phrases against, as str.startswith takes them (built once, not per mention)
_AWARD_TAIL_OPENINGS = tuple(tail + " " for tail in AWARD_TAILS)
# a tail's first word ("of"): the words after a name are joined only when the first of them is one (a token
# holds no space, so the joined words open with a tail only if the first word is the tail's first word)
_AWARD_TAIL_FIRST_WORDS = frozenset(tail.split(" ")[0] for tail in AWARD_TAILS)
_IDIOM_OPENINGS = tuple(IDIOMS)
_WORK_TAIL_OPENINGS = tuple(WORK_TAILS)
_AWARD_HYPHENS = tuple("-" + word for word in AWARD_PARTICIPLES)  # "Oscar-winning"


def _phrase_vote(span: Span) -> str | None:
    """A name inside a set phrase ("the Achilles' heel of this market"), cut before an award's
    tail ("European Footballer" + "of the Year"), before what makes it a film's ("House of Flying
    Daggers, directed by"), after what introduces a title ("entitled Broadband Britain") or hyphened to an award's
    participle ("Oscar-winning", AWARD_PARTICIPLES) names no actor; one a firm is based in ("Oxford-based") is a place, and
    the firm based there ("San Francisco-based Balco") an organisation."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _AWARD_TAIL_FIRST_WORDS:
        following = " ".join(token.lower_ for token in tokens_between(doc, span.end, span.end + 3))
        if following.startswith(_AWARD_TAIL_OPENINGS) or following in AWARD_TAILS:
            return NOT_ACTOR
    words = [token.lower_ for token in tokens_between(doc, span.start, span.end + 2)
             if token.tag_ != "POS" and token.text not in {"'", "\u2019"}]
    if words and words[0] == "the":  # the model's span may hold the article ("at [the Box Office]")
        words = words[1:]
    phrase = " ".join(words).replace("'", "").replace("\u2019", "")
    after = doc_text(doc)[span.end_char:span.end_char + 20].lstrip(" ,").lower()
    if phrase.startswith(_IDIOM_OPENINGS) or after.startswith(_WORK_TAIL_OPENINGS) or after.startswith(_AWARD_HYPHENS) \
            or _after_a_title_verb(span):
        return NOT_ACTOR
    if after.startswith("-based"):
        return PLACE
    before = doc_text(doc)[max(0, span.start_char - 7):span.start_char]
    firm = before == "-based " and span[0].lower_ not in GIVEN_NAMES  # "US-based Alistair Cragg" is a runner
    return ORG if firm else None  # "the San Francisco-based Balco laboratory"


def _after_a_title_verb(span: Span) -> bool:
    """Right after a word that introduces a title (TITLE_VERBS), or after it and a quotation mark; not the
    name of an organisation so introduced ("a new company entitled POW! Entertainment", ORG_NOUNS)."""
    doc = span.doc
    i = span.start - 1
    if i > 0 and doc[i].is_quote:
        i -= 1
    if i < 0 or doc[i].lower_ not in TITLE_VERBS:
        return False
    named = doc[i - 1] if i > 0 and doc[i - 1].text != "," else doc[i - 2] if i > 1 else None
    return named is None or named.lemma_.lower() not in ORG_NOUNS


def mention_votes(span: Span) -> list[str]:
    """Every vote this mention's context casts: PERSON, ORG, PLACE or NOT_ACTOR. A work noun naming the
    name, an event's head word ending it or a maker of it ("the pantomime Dick Whittington", "the Davis
    Cup", "Inbev, which makes Stella Artois") silences what its opening says: works, events and
    products are often named with a person's name; so does a firm's noun after it ("Sal Oppenheim
    investment bank"): firms are too."""
    role, head, product = _role_vote(span), _head_vote(span), _product_vote(span)
    opening = None if NOT_ACTOR in (role, head, product) or names_a_firm_noun(span) else _opening_vote(span)
    votes = [opening, role, kind_vote(span), _clause_vote(span), head, _phrase_vote(span), _place_vote(span),
             _team_sheet_vote(span), locative_vote(span), _title_vote(span), _award_winner_vote(span), _equity_vote(span), _company_results_vote(span),
             _cut_title_vote(span), product, _starred_in_vote(span), _list_vote(span), _performer_vote(span), result_vote(span), opponent_vote(span)]
    return [vote for vote in votes if vote]


def _performer_vote(span: Span) -> str | None:
    """"former EastEnders actress Danniella Westbrook", "Grange Hill actress Alison Bettles": a name labelled a person's
    or an organisation's right before a performer's noun (PERFORMER_NOUNS) is a show's or a film's title; not an
    organisation's name with its ending ("Royal Shakespeare Company actor"), nor a person's whose possessive
    ends it ("Brad Pitt's actor friend")."""
    doc = span.doc
    if span.label_ not in {PERSON, ORG} or span.end >= len(doc) or span[-1].lower_ in ORGANISATION_WORDS:
        return None
    noun = doc[span.end]
    return NOT_ACTOR if noun.is_lower and noun.lower_ in PERFORMER_NOUNS else None


# "which makes", "that brews": a relative pronoun standing for the organisation named before it
_RELATIVE_PRONOUNS = frozenset({"which", "that"})


def _product_vote(span: Span) -> str | None:
    """"Inbev, which makes Stella Artois", "Microsoft makes Windows": the object of a verb for making
    (PRODUCT_VERBS) whose subject is an organisation is its product; an object complement after it
    ("made Mourinho manager") makes the verb another's."""
    root = span.root
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_.lower() not in PRODUCT_VERBS or any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in verb.children):
        return None
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    maker = subjects[0] if subjects else None
    return NOT_ACTOR if maker is not None and (maker.ent_type_ == ORG or maker.lower_ in _RELATIVE_PRONOUNS) else None


def _starred_in_vote(span: Span) -> str | None:
    """"Foxx has starred in Collateral and Ray": a name of the list after "in" and a verb whose "in" is a
    work's (WORK_VERBS) is the work's title."""
    root = span.root
    if root.dep_ not in PREPOSITION_OBJECTS and root.dep_ not in CONJUNCTS:
        return None  # most names: neither an object of "in" nor a later entry of a list
    root = first_conjunct(root)
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "in":
        return None
    return NOT_ACTOR if preposition.head.lemma_.lower() in WORK_VERBS else None


# a list tells what a name is when it has at least this many other entries
MIN_LISTED_OTHERS = 2
# words that end or make an organisation's name, not a person's
ORGANISATION_WORDS = COMPANY_ENDINGS | ORG_TRAILING_WORDS | INSTITUTION_WORDS | ORG_NAME_ENDINGS


def written_as_a_full_name(tokens: Span) -> bool:
    """Two or three capitalised words with no organisation's word (ORGANISATION_WORDS): written as a person's
    full name, whatever the model's label."""
    return 2 <= len(tokens) <= 3 and all(token.is_title and token.is_alpha for token in tokens) \
        and not any(token.lower_ in ORGANISATION_WORDS for token in tokens)


def _list_vote(span: Span) -> str | None:
    """What the other entries of the list a name is in say it is: people's full names, a person
    (_list_of_people); organisations, an organisation (_list_of_organisations); places, a place
    (_list_of_places), unless the list is a team sheet's."""
    if span.label_ not in {PERSON, ORG}:
        return None
    root = span.root
    if not (root.dep_ in CONJUNCTS or (root.n_rights and any(c.dep_ in CONJUNCTS for c in root.rights))):
        return None
    others = [token for token in conjuncts_of(first_conjunct(root)) if token.i != root.i]
    if len(others) < MIN_LISTED_OTHERS or _known(span_text(span)):
        return None
    if span.label_ == ORG and _list_of_people(span, others):
        return PERSON
    if span.label_ == PERSON and _list_of_organisations(span, others):
        return ORG
    # a team sheet's players are parsed as one list with the countries in their brackets ("C Sweeney (Wales)")
    return PLACE if _list_of_places(others) and not _a_players_form(span) and _team_sheet_vote(span) is None else None


def _a_players_form(span: Span) -> bool:
    """Written as a player on a team sheet: an initial opening it ("C Sweeney") or a bracket after it."""
    doc = span.doc
    return len(span[0]) == 1 or (span.end < len(doc) and doc[span.end].text == "(")


def _list_of_people(span: Span, others: list[Token]) -> bool:
    """"fellow Springboks John Smit, Cobus Visagie and Victor Matfield": two or three capitalised words the
    model labelled an organisation, with no organisation's word, listed only with full names of people
    (each of two words or more)."""
    if not written_as_a_full_name(span):
        return False
    # a listed name's last word, inside a name the model labelled a person's that opens before it
    return all(token.ent_type_ == PERSON and token.ent_iob_ == "I" for token in others)


def _list_of_organisations(span: Span, others: list[Token]) -> bool:
    """"Morrisons, Woolworths, House of Fraser, Marks & Spencer" (Woolworths labelled a person's name): a name
    with no given name or honorific opening it, listed only with names the model labelled organisations (not
    a place's: works are listed as organisations too, "like Warcraft, EverQuest, Ultima")."""
    return _opening_vote(span) is None and all(token.ent_type_ == ORG for token in others)


def _list_of_places(others: list[Token]) -> bool:
    """"Paris, Lille, Lyon and Toulouse" (Lyon and Toulouse labelled people's names): a name listed mostly with
    places the model labelled so, at least MIN_LISTED_OTHERS of them and more than the names it labelled
    otherwise, one a place the gazetteer knows by its own name (a list of clubs named by their towns names none)."""
    places = [token for token in others if token.ent_type_ in {PLACE, "LOC"}]
    named_otherwise = sum(token.ent_type_ not in {"", PLACE, "LOC"} for token in others)
    return len(places) >= MIN_LISTED_OTHERS and len(places) > named_otherwise and any(map(_a_known_place, places))


def _a_known_place(token: Token) -> bool:
    """The entity the token is in is a place the gazetteer knows by that name ("Latin America", not "America")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return place_named(name_of(doc[start:end]))


def _a_capitalised_common_word(span: Span) -> bool:
    """"Blisters were a factor", "Honorary consuls will be appointed": one word opening a sentence or a
    quotation that the model tags a plural common noun, or an adjective modifying the noun after it,
    is a common word, capitalised there."""
    if len(span) != 1 or not _opens_sentence_or_quotation(span[0]):
        return False
    token = span[0]
    if not token.is_title:
        return False  # "ICBC's profits were": an acronym, whatever its tag
    plural_noun = token.tag_ == "NNS" and token.pos_ == "NOUN"
    # a nationality's or group's word ("Muslim leaders") is the group's: only names labelled a person's or a body's
    adjective = span.label_ in {PERSON, ORG} and token.pos_ == "ADJ" and token.dep_ == "amod" \
        and token.head.i == token.i + 1 and token.head.is_lower
    return (plural_noun or adjective) and not _known(token.text)


def _modifies_a_thing(span: Span) -> bool:
    """The name (or the list it ends) modifies a noun for a thing after it ("the Zafi virus", "the Jerwood painting
    prize", "a Linux or Mac version"),
    or a thing's noun that modifies another ("Panasonic brand products"), or it is what an
    organisation named before calls its own ("Motorola may unveil its ROKR handset")."""
    if _owned_by_an_organisation(span):
        return True
    root = first_conjunct(_name_tokens(span).root)  # "no plans for a Linux or [Mac] version": the list's noun
    head = root.head
    if root.dep_ not in COMPOUNDS | {"nmod", "amod"} or head.i < span.end:
        return False
    after = span.doc[span.end]
    return (head.lemma_.lower() in THING_NOUNS and head.is_lower) or (
        after.lemma_.lower() in THING_NOUNS and after.is_lower and after.dep_ in COMPOUNDS)


def _a_persons_work(span: Span) -> bool:
    """"Shakespeare's Richard III", "Fatboy Slim's Palookaville": a name a person (as the model
    labels the possessor) has, that opens with no given name or honorific ("Led Zeppelin's Jimmy
    Page"), ends no organisation's name, is not introduced with an acronym and modifies no noun
    after it ("Clive Woodward's Lions squad"), is the person's work."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].tag_ != "POS" or doc[span.start - 2].ent_type_ != PERSON:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.pos_ in {"NOUN", "PROPN"}:
        return False
    if after is not None and after.text == "(" and span.end + 1 < len(doc) and doc[span.end + 1].is_upper:
        return False  # "K. Chandrasekhar Rao's Bharat Rashtra Samithi (BRS)": a body, with its acronym
    return _opening_vote(span) is None and span[-1].lower_ not in ORG_NAME_ENDINGS and not _known(span_text(span))


def _owned_by_an_organisation(span: Span) -> bool:
    """"its ROKR handset", "its Opel and Vauxhall models": a name (not a place's: "its Dublin factory")
    right after "its" and before a lower-case word is a product, brand or part of the organisation
    "its" stands for; the word after may be mistagged ("handset" as a verb)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "its" or span.label_ not in {PERSON, ORG} or span.end >= len(doc):
        return False
    after = doc[span.end]
    return (after.is_lower and after.is_alpha) or (after.lower_ in {"and", "or"} and span.root.head.i > span.end)


@lru_cache(maxsize=FOLD_CACHE)
def _known(name: str) -> bool:
    """A name the gazetteer knows as a place, an organisation or a nationality ("the unseeded
    Argentine, who") keeps its label."""
    return lookup_place(name) is not None or organisation(name) is not None or demonym_country(name) is not None


# A team sheet: a paragraph that is only a list of names ("Replacements: Bozzi, Coutts, Duffy, C Jones.",
# "Delport; Pieters, Rasmussen; Windo, Van Niekerk, Horsman"), with the clubs or substitutes in brackets.
TEAM_SHEET_MIN_NAMES = 5
_SHEET_HEADER = re.compile(r"^[A-Z][^:,;.]{0,40}:\s*")
# "- M Blair (Edinburgh), A Craig (Glasgow), ...": a dash or bullet the list opens with
_SHEET_BULLET = re.compile(r"^[-*\u2022\u2013]\s+")
_BRACKETED = re.compile(r"\([^()]*\)")
_SHEET_SEPARATOR = re.compile(r"\s*[,;/]\s*|\s+and\s+")
_SHEET_NAME = re.compile(r"^[A-Z][\w'\u2019.]*(?:(?:\s+|-\s*)(?:[A-Z][\w'\u2019.]*|" + "|".join(sorted(NAME_PARTICLES)) + r")){0,3}$")


# where a sentence of a paragraph ends: a full stop after a word or a bracket, not an initial's ("N. Best"), and
# the quotation mark closing there ("like that.\" Man City: James, ...": a sheet after a manager's words)
_SHEET_SENTENCE_END = re.compile(r"(?:[a-z]{2}|\))\.[\"\u201d]?\s+(?=[A-Z])")


@lru_cache(maxsize=1024)  # every name of a paragraph asks of the same paragraph
def _team_sheet(line: str) -> bool:
    """The paragraph lists at least TEAM_SHEET_MIN_NAMES names (one, after a header of players: "Booked:") and
    nothing else, with a team's header ("Italy:"), positions apart (";") or clubs in brackets: a bare list of names may be of
    clubs ("Arsenal, Chelsea, Everton, Fulham and Bolton"). A dash or bullet opening the list is no name.
    HTML character references some texts keep ("Pascal Pap&#233;") are read as their letters."""
    line = html.unescape(line).strip()
    header = _SHEET_HEADER.match(line)
    body = _SHEET_BULLET.sub("", line[header.end():] if header else line)
    if body == line and ";" not in body and "(" not in body:
        return False
    return _names_only(body, 1 if header and _players_header(header.group()) else TEAM_SHEET_MIN_NAMES)


def _names_only(body: str, fewest: int) -> bool:
    """The text lists at least this many names and nothing else, past the brackets."""
    items = _SHEET_SEPARATOR.split(_BRACKETED.sub("", body).rstrip(". "))
    return len(items) >= fewest and all(_SHEET_NAME.match(item.strip()) for item in items)


@lru_cache(maxsize=1024)  # every name of a paragraph asks of the same paragraph
def _bare_list(line: str) -> bool:
    """"Abbott, Balshaw, Borthwick, A Brown, Chuter, ...": a paragraph of at least TEAM_SHEET_MIN_NAMES names and
    nothing else, with no header, positions or brackets: a squad's or a list of clubs."""
    return _names_only(html.unescape(line).strip(), TEAM_SHEET_MIN_NAMES)


def _people_foremost(doc: Doc, start: int, end: int) -> bool:
    """Of the names the model found between these offsets, more labelled people's than any other type (the
    small model labels a bare list's surnames one way or another, a third of a squad places or organisations)."""
    labels = Counter(ent.label_ for ent in doc.ents if start <= ent.start_char < end)
    return labels[PERSON] > max((count for label, count in labels.items() if label != PERSON), default=0)


def _players_header(header: str) -> bool:
    """"Booked:", "Subs Not Used:", "Replacements (from):": a header whose line lists only players (PLAYER_LIST_HEADERS)."""
    return _BRACKETED.sub("", header).strip(" :").lower() in PLAYER_LIST_HEADERS


@lru_cache(maxsize=1024)  # every name of a paragraph asks of the same paragraph
def _sentence_ends(line: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence end of the paragraph (_SHEET_SENTENCE_END) starts and stops: found once per
    paragraph, not searched for again up to each name."""
    return tuple(match.span() for match in _SHEET_SENTENCE_END.finditer(line))


def _sentence_around(line: str, offset: int) -> tuple[int, int]:
    """Where the sentence of the paragraph the offset is in starts and stops: after the last sentence end whose
    next capital is before the offset, up to the end of the first sentence end from the offset (no sentence end
    can start inside another, so these are the ones a search before or from the offset finds)."""
    ends = _sentence_ends(line)
    start = max((end for _, end in ends if end < offset), default=0)
    stop = next((end for begin, end in ends if begin >= offset), len(line))
    return start, stop


def _team_sheet_vote(span: Span) -> str | None:
    """A name on a team sheet is a player, a person; one in its brackets a club ("A Masi
    (Viadana)"), unless a minute says it is a substitute ("Stone (Cisse 76)")."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    offset = span.start_char - line_start
    surface = text[span.start_char:span.end_char]
    if "(" in surface or ")" in surface:
        return None  # "J Yapp (Blues": the model ran a player into his club; neither is told apart
    if ":" not in line and ";" not in line and "(" not in line:
        # no header, positions or clubs (see _team_sheet) in the paragraph nor in any sentence of it: a bare list of
        # names, a squad's ("Vickery, Vyvyan, White, Wilkinson", White labelled a place's) when the model labelled
        # more of its names people's than any other type; else of clubs ("AC Milan, Bayer Leverkusen, Internazionale, Juventus, Lyon")
        return PERSON if _bare_list(line) and _people_foremost(span.doc, line_start, line_start + len(line)) else None
    if not _team_sheet(line):
        # "... inspection. Leeds: Balshaw; Rees, ... Popham. Saracens: Bartholomeusz; ...": sheets run on in one paragraph
        sentence_start, sentence_end = _sentence_around(line, offset)
        line = line[sentence_start:sentence_end]
        offset -= sentence_start
        if not _team_sheet(line):
            return None
    opening = line.rfind("(", 0, offset)
    if opening > line.rfind(")", 0, offset):
        closing = line.find(")", offset)
        return PERSON if any(ch.isdigit() for ch in line[opening:closing if closing >= 0 else len(line)]) else ORG
    return PERSON


def relabelled(spans: list[Span]) -> tuple[list[Span], dict[str, str]]:
    """The article's entity spans with labels the votes of all mentions of each name decide; a
    name voted no actor is left out. A lone word also counts the person and organisation votes
    of the full names it ends ("Berbatov" after "Dimitar Berbatov", "United" after "Manchester United").
    Also each name whose type the words around it decided (name -> label), for the corpus to
    prefer over the model's bare labels of the same name elsewhere ("Russian oil firm Yukos")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    thing_uses: dict[str, list[bool]] = defaultdict(list)
    names = [name_of(span) for span in spans]
    for span, name in zip(spans, names):
        votes[name].update(mention_votes(span))
        thing_uses[name].append(_modifies_a_thing(span) or _a_persons_work(span) or _a_capitalised_common_word(span))
    for name, modifies in thing_uses.items():
        # "the Zafi virus" and never Zafi on its own; "Shakespeare's Richard III", "Blisters were" and never else
        if all(modifies):
            votes[name][NOT_ACTOR] += len(modifies) + sum(votes[name].values())
    for name in _capitalised_common_words(spans, names) | _common_words_labelled_people(spans, names, votes):
        votes[name][NOT_ACTOR] += len(spans) + sum(votes[name].values())
    for name, counts in list(votes.items()):
        words = name.split()
        if len(words) > 1 and words[-1] in votes:
            votes[words[-1]].update({PERSON: counts[PERSON], ORG: counts[ORG]})
    for name, openings in _organisations_opened(spans, names).items():
        votes[name][ORG] += openings
    out = []
    decided: dict[str, str] = {}
    for span, name in zip(spans, names):
        label = _verdict(span.label_, votes[name], _known(span_text(span)) or _known(name))
        if label is None:
            continue
        if _winner(votes[name]) == label:
            decided[name] = label
        out.append(span if label == span.label_ else Span(span.doc, span.start, span.end, label=label))
    return out, decided


def _organisations_opened(spans: list[Span], names: list[str]) -> Counter:
    """Names of two words or more, labelled a person's in every mention and opened by no given name, that open an
    organisation's name in the article ("Shares in Krispy Kreme Doughnuts fell ... Krispy Kreme said"; not "Walt
    Disney" of "Walt Disney Company"), each with how many mentions of such organisations there are: the short
    form of the organisation's name."""
    labels: dict[str, set[str]] = defaultdict(set)
    for span, name in zip(spans, names):
        labels[name].add(span.label_)
    organisations = Counter(name for span, name in zip(spans, names) if span.label_ == ORG)
    opened: Counter = Counter()
    for name, found in labels.items():
        if found == {PERSON} and " " in name and name.split()[0] not in GIVEN_NAMES:
            opened[name] = sum(count for organisation, count in organisations.items() if organisation.startswith(name + " "))
    return +opened


def _winner(counts: Counter) -> str | None:
    """The type that has more votes than each other type, if any."""
    ranked = sorted((counts[label], label) for label in (PERSON, ORG, PLACE))
    return ranked[-1][1] if ranked[-1][0] > ranked[-2][0] else None


def _sentence_initial(span: Span) -> bool:
    """The name opens a sentence or a quotation, where any word is capitalised, and does not speak
    there ("Apple said": a firm)."""
    first = span[0]
    speaks = span.root.dep_ in SUBJECTS and span.root.head.lemma_.lower() in COMMUNICATION_HEADS
    return _opens_sentence_or_quotation(first) and not speaks


def _opens_sentence_or_quotation(token: Token) -> bool:
    """Where any word is capitalised: at a sentence's start or right after a quotation mark."""
    return token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].is_quote)


def _capitalised_common_words(spans: list[Span], names: list[str]) -> set[str]:
    """One-word names, not labelled PERSON nor known to the gazetteer, capitalised only where a
    sentence or quotation opens and written in lower case elsewhere in the article: common words
    ("Wireless and a dvd burner can be added ... any wireless components", "\"Fraud doesn't just
    disappear\" ... benefit fraud")."""
    if not spans:
        return set()
    openings: dict[str, list[bool]] = defaultdict(list)
    for span, name in zip(spans, names):
        one_word = len(_name_tokens(span)) == 1 and span.label_ != PERSON and span[0].is_title
        openings[name].append(one_word and _sentence_initial(span))
    candidates = {name for name, opening in openings.items() if all(opening)}
    if not candidates:
        return set()
    # the candidates' words found by their LOWER ids, not by a Token made of every word of the article
    lower = {token.lower_ for token in tokens_with(spans[0].doc, LOWER, word_ids(candidates)) if token.is_lower and token.is_alpha}
    return {name for name in candidates if name in lower and not _known(name)}


def _common_words_labelled_people(spans: list[Span], names: list[str], votes: dict[str, Counter]) -> set[str]:
    """One-word names the model labels a person's in every mention, spelt like an English verb, adjective or
    adverb (common_words: "to Inform, Educate and Entertain", "a research note called Approve", "President
    Forever"), that no mention gives an actor's sign (a vote for a type: an honorific, a person noun, "a
    spokeswoman for Bat"; a part in the clause: _acts_or_owns), no given name, no nationality's ending ("Welsh")
    and no last word of a person's full name in the article ("Brown" after "Gordon Brown"): a common word or a
    title's, no actor."""
    full_name_ends = {fold(span[-1].text) for span in spans if span.label_ == PERSON and len(span) > 1}
    one_word_people: dict[str, list[bool]] = defaultdict(list)
    for span, name in zip(spans, names):
        one_word_people[name].append(span.label_ == PERSON and len(_name_tokens(span)) == 1 and not _acts_or_owns(span))
    return {name for name, people in one_word_people.items()
            if all(people) and name in common_words() and name not in GIVEN_NAMES and name not in full_name_ends
            and not name.endswith(NATIONALITY_ENDINGS) and not any(votes[name][kind] for kind in (PERSON, ORG, PLACE))
            and not _known(name)}


def _acts_or_owns(span: Span) -> bool:
    """The name is the subject of its clause ("Welch told a radio station", "Bat consistently declines"), owns
    something ("Poll's decision"), is the object of a preposition ("a win over Bath"), is written as a player
    on a team sheet ("Hunt (Fadiga 14)") or is listed with names that are no common words ("Queen, Muse, Manic
    Street Preachers", "Omsk, Perm and Novocheboksarsk"; not "Inform, Educate and Entertain"): what actors are
    and do."""
    root = span.root
    return root.dep_ in SUBJECTS or root.dep_ == "pobj" or _possessive(span) or _a_players_form(span) or _listed_with_names(root)


def _possessive(span: Span) -> bool:
    """The name is written with "'s", after it or, as the model sometimes takes it, inside it."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].tag_ == "POS" or span[-1].tag_ == "POS"


def _listed_with_names(root: Token) -> bool:
    listed = (token for token in conjuncts_of(first_conjunct(root)) if token.i != root.i)
    return any((token.ent_type_ or token.is_title) and token.lower_ not in common_words() for token in listed)


def _verdict(label: str, counts: Counter, known: bool) -> str | None:
    """The label the votes give a name of this model label; None: no actor. A name the gazetteer
    knows is never dropped or made a person."""
    if counts[NOT_ACTOR] > counts[PERSON] + counts[ORG] + counts[PLACE] and not known:
        return None
    if counts[PLACE] > counts[PERSON] + counts[ORG] and label in {PERSON, ORG} and not known:
        return PLACE
    if counts[PERSON] > counts[ORG] and label != PERSON and not known:
        return PERSON
    if counts[ORG] > counts[PERSON] and label in {PERSON, "GPE", "LOC", "NORP"} and not known:
        return ORG
    return label
