"""Event mentions in one article's Doc: triggers, their coding, and their arguments.

The structure of the sentence decides before the lexicon does:
- reporting verbs (say, tell, announce) are transparent: the reported act is coded;
- governing verbs override their complement ("urged Russia to withdraw" is REQUEST,
  "refused to release" REJECT, "agreed to meet" AGREE); "decided to", "ordered ... to"
  pass the coding on to the complement;
- future cooperation is AGREE, future material conflict THREATEN, "must/should" in reported
  speech REQUEST; a negated future cooperation is a refusal (REJECT);
- a negated past act is `negated`, a conditional or possible one `hypothetical`;
- words inside a direct quotation are the speaker's: no trigger is taken from them.
Only acts with an actor on at least one side are events ("profits rose" is not).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from spacy.attrs import IDX, POS
from spacy.parts_of_speech import IDS as TAG_IDS
from spacy.tokens import Doc, Span, Token

from newswire import syntax
from newswire.events import arguments, lexicon
from newswire.events.arguments import Arguments, actor_spans, is_actor
from newswire.events.rules import Code, form_in, lookup, rules, word_forms
from newswire.quotes import marked_in

# Past this many tokens a "sentence" is a list, a table or a parse gone wrong: no event
# rather than a wrong one.
MAX_SENTENCE_TOKENS = 120
# A sentence mostly in capitals is a headline or a shouted banner; mostly digits, a table.
MAX_CAPITALS_SHARE = 0.6
MAX_DIGITS_SHARE = 0.3
# How much a coding is trusted, by what it rests on.
CONFIDENCE = {"governing": 0.85, "verb": 0.8, "light_verb": 0.8, "reported_obligation": 0.75, "intent": 0.75, "stance": 0.75,
              "noun": 0.6, "dictionary": 0.55}
NO_SOURCE_FACTOR = 0.85
HYPOTHETICAL_FACTOR = 0.6
# Verbs too general for the petrarch2 dictionary's default code to mean anything alone.
TOO_GENERAL = frozenset({"be", "have", "do", "make", "take", "get", "go", "come", "see", "give", "put", "set", "keep",
                         "let", "become", "remain", "seem", "include", "use", "find", "know", "look", "want", "need"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Governing verbs whose "that" clause is the act governed ("warned that", "demanded that").
GOVERNING_THAT = frozenset({"warn", "demand", "agree", "promise", "pledge", "threaten", "urge", "insist", "vow", "propose",
                            "deny", "allow", "permit"})
PARTICLE_PREPOSITIONS = frozenset({"for", "on", "with", "to", "as", "against"})
# a name or a date ("on 12 March") is no event noun
NOT_ACT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "TIME"})
# CAMEO's obstruction (blocking roads, access): a protest by civilians, repression by the state
OBSTRUCTION = "1432"
# "beat Arsenal 2-0 at Stamford Bridge", "into a 2-0 lead": a score, so the sentence reports sport; a vote ("rejected in
# a 2-1 decision", "voted 8-1 for"), a range ("14-19 qualifications", "2-3%", "0.7-0.8%") is followed by other words
SCORELINE = re.compile(r"(?<![.$£€\d])\b\d{1,2}-\d{1,2}\b(?!\.\d)(?=\s*(?:win\b|victory|defeat|lead\b|draw\b|loss\b|home\b|away\b|"
                       r"thrashing|at\b|in\b(?! favour)|against\b|on\b|with\b|after\b|[.,;()]|$))")
# "work with", "side with": coded only when the preposition's object is an actor ("work with computers" is not)
ACTOR_PREPOSITIONS = frozenset({"with"})
# CAMEO roots a verb of speech may code with a policy or a thing as its object ("branded the scheme a
# waste": disapprove, 11x); petrarch2 verbs of these roots need an actor subject only. Other roots are too
# loose with a thing as object: "promote smoking", "unveiled the budget", "escalating tensions", "study".
VERBAL_ROOTS = ("11",)
# Acts whose object is the actor's own forces ("deployed troops", "withdrew its soldiers").
MOVED_FORCES_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# What a verb acts on: its object, or the subject of its passive
OBJECT_DEPS = syntax.DIRECT_OBJECTS | syntax.PASSIVE_SUBJECTS
# The coarse tags of the words coded as predicates (_verb) and as nouns (_noun), as Doc.to_array gives them.
PREDICATE_TAGS = frozenset(TAG_IDS[tag] for tag in ("VERB", "AUX", "ADJ"))
NOUN_TAGS = frozenset(TAG_IDS[tag] for tag in ("NOUN", "PROPN"))


@dataclass(frozen=True)
class EventMention:
    start: int  # the trigger, in the article text
    end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    plover_type: str
    cameo_code: str
    negated: bool
    hypothetical: bool
    sources: tuple[tuple[int, int], ...]  # actor expressions; resolved to actor ids across the corpus
    targets: tuple[tuple[int, int], ...]
    location: tuple[int, int] | None
    date_text: str | None
    date_start: int | None
    basis: str  # what the coding rests on (see CONFIDENCE)
    confidence: float
    lemma: str = ""  # the trigger's dictionary form: mentions of one act across outlets often share it
    content: str | None = None  # what is asked or governed ("urged X to withdraw": withdraw); None: not such an act
    tense: str | None = None  # "perfect" ("has deployed"), "pluperfect", "progressive", "nominal" (see tense_of)

    def to_json(self) -> dict:
        return {**self.__dict__, "sources": [list(s) for s in self.sources], "targets": [list(t) for t in self.targets],
                "location": list(self.location) if self.location else None}

    @classmethod
    def from_json(cls, data: dict) -> EventMention:
        return cls(**{**data, "sources": tuple(tuple(s) for s in data["sources"]),
                      "targets": tuple(tuple(t) for t in data["targets"]),
                      "location": tuple(data["location"]) if data["location"] else None})


@lru_cache(maxsize=1)
def _known_verbs() -> frozenset[str]:
    the_rules = rules()
    return frozenset(the_rules.reporting_verbs | the_rules.transparent_verbs | set(the_rules.governing_verbs)
                     | set(the_rules.verbs) | set(the_rules.verbs_needing_an_object) | the_rules.ready_adjectives
                     | {phrase.split()[0] for phrase in the_rules.verbs_with_particle})


def _phrase_openings(phrases: Iterable[str]) -> frozenset[str]:
    """What stands before a word that ends a phrase ("call for", "work together": call, work)."""
    return frozenset(phrase[:space] for phrase in phrases for space, char in enumerate(phrase) if char == " ")


@lru_cache(maxsize=1)
def _verbs_in_tables() -> frozenset[str]:
    """The verbs newswire's tables code, alone or before a particle or a preposition: any other verb is
    coded by the petrarch2 dictionary or not at all, whatever its arguments."""
    the_rules = rules()
    tables = (the_rules.verbs, the_rules.verbs_needing_an_object, the_rules.prepositional_objects,
              the_rules.verbal_senses, the_rules.force_senses)
    return frozenset().union(*tables, *(_phrase_openings(table) for table in (
        the_rules.verbs_needing_an_object, the_rules.prepositional_objects, the_rules.verbs_with_particle)))


@lru_cache(maxsize=1)
def _verbs_done_jointly() -> frozenset[str]:
    """The verbs that make cooperation with an adverb ("work together")."""
    return _phrase_openings(rules().joint_adverbs)


def _in_any_table(form: str) -> bool:
    """A word the tables of verbs or of nouns hold (a hyphenated word's head decides which it is read in)."""
    the_rules = rules()
    return form in _known_verbs() or form in the_rules.verbs_needing_an_object or form in the_rules.nouns


@lru_cache(maxsize=1)
def _last_words_of_noun_phrases() -> frozenset[str]:
    """The nouns the noun table holds after a modifier ("air strikes": strikes)."""
    return frozenset(phrase.rsplit(" ", 1)[1] for phrase in rules().nouns if " " in phrase)


@lru_cache(maxsize=65536)  # asked of every noun, with few distinct words
def _may_name_an_act(lower: str, lemma: str, written: str) -> bool:
    """A noun the concern or noun tables hold, alone or after a modifier ("air strikes"); most nouns are in
    neither, and _noun is not asked of them."""
    the_rules = rules()
    return lower in the_rules.concern_nouns or lookup(the_rules.nouns, lemma, written) is not None or \
        lower in _last_words_of_noun_phrases()


def verb_lemma(token: Token) -> str:
    """The dictionary form of a verb: the first candidate newswire's tables know, else the model's lemma."""
    return _verb_form(token.lemma_, token.text)


@lru_cache(maxsize=65536)  # asked several times of every verb, with few distinct words
def _verb_form(lemma: str, written: str) -> str:
    known = _known_verbs()
    return next((form for form in word_forms(lemma, written) if form in known), lemma.lower())


# Clauses whose tense a bare, modal or participle verb takes on: "had informed him that the US would
# respond", "has refused, instead issuing its demand".
TENSE_HEAD_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


# A noun no verb governs ("against the backdrop of a buildup of troops") has no tense: an act of
# some time up to the report.
NOMINAL = "nominal"


def _tense_of_trigger(trigger: Token) -> str | None:
    if trigger.pos_ in {"NOUN", "PROPN"}:
        governor = arguments.governor(trigger)
        return tense_of(governor) if governor is not None else NOMINAL
    return tense_of(trigger)


def tense_of(verb: Token | None) -> str | None:
    """"perfect" for "has deployed", "pluperfect" for "had demanded" (also for a bare or modal verb
    in such a clause), "progressive" for "is leading"; None for a simple or future tense. Perfect
    tenses place an act before the time of the report without saying when, the present
    progressive over a stretch of time, as an adverb of repetition or duration does ("has long
    accused", "repeatedly warned")."""
    while verb is not None:
        if any(c.dep_ == "advmod" and c.lower_ in rules().stretch_adverbs for c in verb.children):
            return "progressive"
        auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
        perfect = [c for c in auxiliaries if c.lemma_.lower() == "have"]
        if perfect and perfect[0].tag_ == "VBD" and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD":
            return "perfect"  # "Russia said it had received": what it said was "we received", the past
        if perfect:
            return "pluperfect" if perfect[0].tag_ == "VBD" else "perfect"
        if verb.tag_ == "VBG" and any(c.lemma_.lower() == "be" and c.tag_ in {"VBZ", "VBP"} for c in auxiliaries):
            return "progressive"
        if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}:
            return "perfect"  # "troops deployed near the border": a state the act left, of no stated time
        if verb.tag_ in FINITE_TAGS or verb.dep_ not in TENSE_HEAD_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _head_word(first: Token, last: Token, basis: str) -> str:
    """The word that names the act: a light verb's noun ("issued demands" is told as "demanded"
    is), else the trigger's own dictionary form."""
    if basis == "light_verb" and last.i != first.i and last.pos_ in {"NOUN", "PROPN"}:
        return last.lemma_.lower()
    if basis == "noun" and last.i != first.i:
        return "".join(t.lower_ for t in first.doc[first.i:last.i + 1])  # a hyphenated noun: "sit-in"
    return verb_lemma(first) if first.pos_ in syntax.VERBAL else first.lemma_.lower()


def _hyphenated(token: Token) -> str:
    """A verb's dictionary form with the hyphenated word it belongs to: "de-escalate" is not "escalate"."""
    return "".join(verb_lemma(t) if t.i == token.i else t.lower_ for t in glued_word(token))


def _speaker(token: Token) -> bool:
    """A person or a party: whose attacks are mostly words ("Mr Howard attacked Labour")."""
    return arguments.is_titled_name(token) or token.ent_type_ in {"PERSON", "NORP"} or \
        token.lemma_.lower() in {"party", "critic", "mp", "minister", "leader"}


def _person_or_party(token: Token | None, or_no_one: bool = False) -> bool:
    """A person or a party named as the doer, not a people ("Palestinians clashed with troops" is force);
    or_no_one: also no doer at all (a fixture: "named for Saturday's clash with Italy")."""
    if token is None:
        return or_no_one
    return arguments.is_titled_name(token) or token.ent_type_ != "NORP" and _speaker(token)


@lru_cache(maxsize=1)
def _sport_words() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in sorted(rules().sport_words)) + r")\b")


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in arguments.ACTOR_ENTITIES


def _means(token: Token) -> bool:
    """"delivered by helicopter", "killed by gunfire": a bare means noun after "by" is no doer ("hit by inflation" is)."""
    return token.lower_ in rules().means_nouns and not any(c.dep_ in {"det", "poss"} for c in token.children)


def glued_word(token: Token) -> list[Token]:
    """The tokens of the hyphenated word a token belongs to ("co", "-", "operate"); the tokenizer splits
    "co-operate", "bail-out", "over-ruled" at the hyphen."""
    doc, first, last = token.doc, token.i, token.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_:
        last += 2
    return list(doc[first:last + 1])


def joined_form(word: list[Token], known) -> str | None:
    """The first dictionary form of a hyphenated word that `known` accepts, with and without its
    hyphens ("co-operated": co-operate, cooperate), else None."""
    prefix = "".join(t.lower_ for t in word[:-1])
    for form in word_forms(word[-1].lemma_, word[-1].text):
        for candidate in (prefix + form, prefix.replace("-", "") + form):
            if known(candidate):
                return candidate
    return None


def word_head(word: list[Token]) -> Token:
    """The token a hyphenated word hangs on: headed outside the word, with the most dependents."""
    outside = [t for t in word if t.head.i == t.i or t.head.i not in {w.i for w in word}] or word
    return max(outside, key=lambda t: (len(list(t.children)), -t.i))


@dataclass(frozen=True)
class _Modality:
    negated: bool
    future: bool
    conditional: bool
    obligation: bool
    reporter: Token | None  # the reporting verb whose clause this is ("X said Y would ...")


def codeable(sentence: Span) -> bool:
    if len(sentence) > MAX_SENTENCE_TOKENS:
        return False
    text = syntax.span_text(sentence)
    letters, capitals, digits = _letters_capitals_digits(text)
    if letters < 8 or capitals > MAX_CAPITALS_SHARE * letters:
        return False
    return digits <= MAX_DIGITS_SHARE * len(text.strip())


_ASCII_CLASSES = (string.ascii_letters.encode(), string.ascii_uppercase.encode(), string.digits.encode())


def _letters_capitals_digits(text: str) -> tuple[int, int, int]:
    """How many letters, capital letters and digits the text has (str.isalpha, isupper, isdigit)."""
    if text.isascii():  # most sentences: in ASCII these are the only ones, counted by bytes.translate at C speed
        raw = text.encode("ascii")
        letters, capitals, digits = (len(raw) - len(raw.translate(None, chars)) for chars in _ASCII_CLASSES)
        return letters, capitals, digits
    letters = "".join(filter(str.isalpha, text))  # map/filter: the per-character tests at C speed
    return len(letters), sum(map(str.isupper, letters)), sum(map(str.isdigit, text))


def extract_events(doc: Doc) -> list[EventMention]:
    """Every codeable act in the article, in text order. Never raises on odd input."""
    article = _Article(doc)
    found: list[EventMention] = []
    for sentence in doc.sents:
        if codeable(sentence):
            found.extend(_Sentence(sentence, article).mentions())
    return sorted(found, key=lambda m: (m.start, m.end, m.plover_type))


class _Article:
    """What the sentences of one article share, read once for all of them."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text = syntax.doc_text(doc)
        self.quoted = [(m.start, m.end) for m in marked_in(doc) if len(text[m.start:m.end].split()) > 2]
        # every word's tag and offset in one array: the passes over a sentence make a Token only of the verbs
        # and nouns they code, not of every word to ask it its tag
        self.tags, self.starts = doc.to_array([POS, IDX]).T.tolist() if len(doc) else ([], [])

    @cached_property
    def lowered(self) -> str:
        """The text in lower case: a word's lower case is in it wherever the word is in the text."""
        return self.text.lower()

    @cached_property
    def may_oblige(self) -> bool:
        """Whether the text has an auxiliary of obligation ("must", "should") anywhere: most articles have none,
        and their verbs' auxiliaries are not read for one."""
        return any(word in self.lowered for word in rules().obligation_auxiliaries)

    @cached_property
    def may_report_sport(self) -> bool:
        """Whether a word only sport reports use ("striker") is anywhere in the text: in most articles none is, and
        their sentences are not searched for one (a search of every sentence costs twice this look)."""
        return any(word in self.lowered for word in rules().sport_words)

    @cached_property
    def dates(self) -> list[Span]:
        """Read when a sentence first needs them: spaCy makes every entity of the Doc anew on each read of
        a sentence's entities."""
        return arguments.dates_in(self.doc)


class _Sentence:
    def __init__(self, sentence: Span, article: _Article):
        self.sentence = sentence
        self.article = article
        self.text = syntax.span_text(sentence)
        self.quoted = [(start, end) for start, end in article.quoted  # only the quotes this sentence overlaps
                       if start < sentence.end_char and end > sentence.start_char]
        self.consumed: set[int] = set()  # complements and light-verb objects coded with another trigger
        self.rules = rules()

    @cached_property
    def dates(self) -> list[Span]:
        start, end = self.sentence.start, self.sentence.end
        return [date for date in self.article.dates if date.start >= start and date.end <= end]

    def _inside_quote(self, i: int) -> bool:
        start = self.article.starts[i]
        return any(quote_start <= start < quote_end for quote_start, quote_end in self.quoted)

    def mentions(self) -> list[EventMention]:
        if self._reports_sport():
            return []  # "fired United into a 2-0 lead", "has warned goalkeeper Jens Lehmann he may have to quit"
        out = []
        joined = self._hyphenated_words()
        doc, tags = self.article.doc, self.article.tags
        words = range(self.sentence.start, self.sentence.end)
        if self.quoted:
            words = [i for i in words if not self._inside_quote(i)]
        for i in words:  # verbs first, then nouns
            if tags[i] in PREDICATE_TAGS:
                out.extend(self._verb(doc[i], joined.get(i)))
        for i in words:
            if tags[i] in NOUN_TAGS and i not in self.consumed:
                noun = doc[i]
                if i in joined or _may_name_an_act(noun.lower_, noun.lemma_, noun.text):
                    out.extend(self._noun(noun, joined.get(i)))
        return out

    def _hyphenated_words(self) -> dict[int, str]:
        """Hyphenated words the tables know ("co-operate", "bail-out"): token index of the word's head ->
        its dictionary form; the word's other tokens are consumed."""
        known_verbs = _known_verbs()
        found: dict[int, str] = {}
        if "-" not in self.text:
            return found  # most sentences: no hyphen token to look at
        text, starts = self.article.text, self.article.starts
        read_to = -1  # the last token of the last word read: its other hyphens would give it again
        for i in range(self.sentence.start, self.sentence.end):
            if text[starts[i]] != "-" or i in self.consumed or i == 0 or i <= read_to or \
                    self.article.doc[i].text != "-":
                continue
            word = glued_word(self.article.doc[i - 1])
            read_to = word[-1].i
            # most hyphenated words ("21-year-old"): no table knows them, whichever token is their head
            if len(word) < 3 or joined_form(word, _in_any_table) is None:
                continue
            head = word_head(word)
            tables = (known_verbs, self.rules.verbs_needing_an_object) if head.pos_ in syntax.VERBAL else (self.rules.nouns,)
            form = joined_form(word, lambda f, tables=tables: any(f in table for table in tables))
            if form is not None:
                found[head.i] = form
                self.consumed.update(t.i for t in word if t.i != head.i)
        return found

    # ------------------------------------------------------------------ verbs
    def _verb(self, verb: Token, joined: str | None = None) -> list[EventMention]:
        if verb.i in self.consumed:
            return []
        lemma = joined or verb_lemma(verb)
        if verb.pos_ == "ADJ":
            # "open to talk" is intent to act, "open to other ideas" a stance
            return (self._ready(verb) if lemma in self.rules.ready_adjectives else []) or self._stance(verb)
        # the verbs that pass their coding on or take it over read their complement; the others have none to read
        complement = self._complement(verb, lemma) if lemma in self.rules.reporting_verbs or \
            lemma in self.rules.transparent_verbs or lemma in self.rules.governing_verbs else None
        if lemma in self.rules.reporting_verbs and (complement is not None or verb.dep_ == "parataxis") and not (
                complement is not None and complement.dep_ == "xcomp" and lemma in self.rules.governing_verbs):
            return []
        if lemma in self.rules.transparent_verbs and complement is not None:
            return []
        if lemma in self.rules.governing_verbs and complement is not None:
            return self._governing(verb, lemma, complement)
        if lemma in self.rules.admission_verbs and any(c.dep_ == "ccomp" for c in verb.children):
            return []  # "conceded that the US had a harder position": an admission
        if self._content_of_noun(verb):
            # "plans to end the arms embargo": the object is part of what is planned, no act either
            self.consumed.update(obj.i for obj in self._objects(verb))
            return []
        coded = self._code_verb(verb, lemma)
        if coded is not None and self._not_an_act(verb, coded[0], coded[1]):
            return []
        coded = self._by_whom(verb, coded)
        if self._done_jointly(verb, coded):
            coded = self.rules.default("COOPERATE"), "verb", verb  # "jointly investigated the ring"
        if coded is None and verb.pos_ == "VERB" and self._obliged(verb):
            # "Kyiv must stop the shelling": whatever is demanded, the demand is the act
            coded = self.rules.default("REQUEST"), "reported_obligation", verb
        if coded is None:
            return []
        code, basis, end_token = coded
        if self._leaves_open(verb, lemma):
            # "did not rule out a strike": not a rejection that did not happen, but a threat; not ruling out "an
            # earlier date" refuses and threatens nothing
            threat = self._emit(verb, self.rules.default("THREATEN"), basis, end_token) \
                if self._conflict_left_open(verb) else []
            return [replace(m, negated=False) for m in threat]
        return self._emit(verb, code, basis, end_token)

    def _by_whom(self, verb: Token, coded: tuple[Code, str, Token] | None) -> tuple[Code, str, Token] | None:
        """The act as its doer makes it: force by protesters is a riot, a protest by a state body a complaint,
        an obstruction by the state repression."""
        if coded is None:
            return None
        code, basis, end_token = coded
        if code.plover == "ASSAULT" and self._by_protesters(verb):
            return self.rules.default("PROTEST"), basis, end_token  # "demonstrators attacked buildings": a riot
        if code.plover == "PROTEST" and self._state_body(arguments.subject_of(verb)):
            return Code("ACCUSE", "114"), basis, end_token  # "the foreign ministry protested": a complaint
        if code.cameo == OBSTRUCTION and self._state_side(arguments.subject_of(verb)):
            return self.rules.default("COERCE"), basis, end_token  # "authorities blocked access to Twitter"
        return coded

    def _done_jointly(self, verb: Token, coded: tuple[Code, str, Token] | None) -> bool:
        """"jointly investigated", "worked together": an act two sides do together is cooperation, unless it
        is force or pressure they aim at a third ("jointly attacked")."""
        conflict = self.rules.future_conflict_types | {"THREATEN", "REJECT"}
        if verb.pos_ != "VERB" or coded is not None and coded[0].plover in conflict or \
                coded is None and verb_lemma(verb) not in _verbs_done_jointly():
            return False
        # a verb no table codes done jointly is no act between actors ("jointly won the award")
        return any(c.dep_ == "advmod" and (coded is not None and c.lower_ in self.rules.joint_adverbs or
                                           f"{verb_lemma(verb)} {c.lower_}" in self.rules.joint_adverbs)
                   for c in verb.children)

    def _leaves_open(self, verb: Token, lemma: str) -> bool:
        phrases = {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}
        return bool(phrases & self.rules.open_threats) and self._modality(verb).negated

    def _conflict_left_open(self, verb: Token) -> bool:
        """"did not rule out a strike", "military action": a threat; not ruling out "an earlier date" or "charging
        people" leaves no conflict open."""
        conflict = self.rules.future_conflict_types | {"THREATEN"}
        left_open = [*self._objects(verb), *(c for c in verb.children if c.dep_ in {"xcomp", "pcomp"})]
        return any(form_in(self.rules.menace_nouns, thing.lemma_, thing.text) or
                   (lookup(self.rules.nouns, thing.lemma_, thing.text) or lookup(self.rules.verbs, thing.lemma_, thing.text)
                    or Code("", "")).plover in conflict for thing in left_open)

    def _complement(self, verb: Token, lemma: str) -> Token | None:
        for child in verb.children:
            if child.dep_ == "xcomp" or child.dep_ == "ccomp" and (
                    lemma in self.rules.reporting_verbs or lemma in GOVERNING_THAT):
                return child
        if lemma in self.rules.governing_verbs:
            for child in verb.children:  # "called for the embargo to be lifted", "called for him to go"
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
                    return child
        if lemma in {"accuse", "blame", "criticise", "criticize", "condemn", "praise", "thank", "commend"}:
            for prep in syntax.children(verb, syntax.PREPOSITIONS):
                if prep.lower_ in {"of", "for", "over"}:
                    for inner in prep.children:
                        if inner.dep_ in {"pcomp", "pobj"}:
                            return inner
        return None

    def _content_of_noun(self, verb: Token) -> bool:
        """"demands to recognise the country", "moves to lift the ban", "the decision to send", "calls
        for the mayor to apologise (and withdraw it)": what a noun asks, plans or decides is not an act
        of its own, nor is what is coordinated with it."""
        while verb.dep_ in syntax.CONJUNCTS and verb.head.i != verb.i:
            verb = verb.head
        if verb.head.pos_ not in {"NOUN", "PROPN"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        return verb.dep_ == "acl" or verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for"
                                                                  for c in verb.children)

    def _not_an_act(self, verb: Token, code: Code, basis: str) -> bool:
        """Senses of an event verb that are no act between actors."""
        objects = syntax.children(verb, syntax.DIRECT_OBJECTS)
        if code.plover == "THREATEN" and not objects and self._cautions(verb):
            return True
        if basis != "light_verb" and verb_lemma(verb) in self.rules.actor_object_verbs and self._acts_on_no_actor(verb) \
                and not (code.plover == "THREATEN" and objects and self._menace(objects[0])):
            # "help fight crime", "beating artists", "Rangers had rarely threatened", "figures released"; "threatened
            # a national strike" names the act threatened
            return True
        if self._game_or_idiom(verb, code, objects):
            return True
        if verb_lemma(verb) in self.rules.verbal_force_verbs and _person_or_party(arguments.subject_of(verb), True):
            return True  # "the two leaders clashed", "named for Saturday's clash with Italy": words or sport
        # (the sides are looked for only for a word of fighting)
        if self._names_fighting(verb) and \
                self._fight_in_words(verb, arguments.subject_of(verb), arguments.target_of(verb, code.plover)):
            return True  # "Fighting between the chairman and Mr Forbes" (a gerund the tagger calls a verb)
        if verb.dep_ == "amod":
            return True  # "defending champion", "striking teachers": an attributive participle
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and code.plover in self.rules.cooperative_types and \
                not is_actor(verb.head) and not any(is_actor(pobj) for pobj in arguments.prepositional_objects(verb, ("to",))):
            # "gas supplied by Turkmenistan": a participle that describes a thing, no act reported ("the reply,
            # delivered by the ambassador to the ministry" names whom it went to: reported)
            return True
        if verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in verb.children):
            return True  # "Turkey, which occupies northern Cyprus": a standing situation
        if verb.dep_ == "advcl" and code.plover in self.rules.cooperative_types and verb_lemma(verb.head) in \
                self.rules.mutual_triggers.get("CONSULT", ()) and any(c.lower_ == "to" for c in verb.children):
            return True  # "will meet X to discuss Y", "met to coordinate their response": one meeting
        return False

    def _game_or_idiom(self, verb: Token, code: Code, objects: list[Token]) -> bool:
        """Verbs of force used of a game or in an idiom."""
        lemma = verb_lemma(verb)
        if objects and (lemma in self.rules.force_senses or code.plover in self.rules.future_conflict_types) and \
                form_in(self.rules.idiom_objects, objects[0].lemma_, objects[0].text):
            return True  # "struck the ball", "hit the post", "arrest the decline": no force
        if lemma in self.rules.aimed_force_verbs and objects and not self._force_target(objects[0]):
            return True  # "shot a film", "targeted a return to the side": aimed at no actor, place or target
        if lemma in self.rules.dismissal_verbs and self._dismissed(verb, objects):
            return True  # "two executives were fired": a dismissal
        if lemma in self.rules.contest_verbs and self._contest(verb, objects):
            return True  # "Henman beat Federer", "she beat Petra Mandula": sport or an election
        return False

    def _dismissed(self, verb: Token, objects: list[Token]) -> bool:
        """A person fired, not force fired at or on someone."""
        fired = objects[0] if objects else arguments.passive_subject(verb)
        return fired is not None and is_actor(fired) and not any(
            prep.lower_ in {"at", "on", "upon", "into"} for prep in syntax.children(verb, syntax.PREPOSITIONS))

    def _reports_sport(self) -> bool:
        """A score ("2-0", "3-6 7-6") that is no date ("on 12-13 March"), or a word only sport reports use
        ("scored", "striker"): the sentence reports sport."""
        if self.article.may_report_sport and _sport_words().search(self.text.lower()):
            return True
        if "-" not in self.text:
            return False  # no score (most sentences)
        doc = self.sentence.doc
        for found in SCORELINE.finditer(self.text):
            start = self.sentence.start_char + found.start()
            span = doc.char_span(start, start + len(found.group()), alignment_mode="expand")
            if span is not None and not any(t.ent_type_ in {"DATE", "TIME"} for t in span):
                return True
        return False

    def _contest(self, verb: Token, objects: list[Token]) -> bool:
        """A named side beats another, or one is beaten by a side named or not: a team, a player or a party
        wins ("Henman beat Federer", "she beat Petra Mandula", "Labour beat the Tories"); police or soldiers
        who beat a man, named or not, use force."""
        if any(c.dep_ == "prt" for c in verb.children) or any(
                pobj.lemma_.lower() in {"death", "unconsciousness"} for pobj in arguments.prepositional_objects(verb, ("to", "into"))):
            return False  # "beat him up", "they beat Mr Osei to death": force
        subject = arguments.subject_of(verb)
        by_name = subject is None or subject.pos_ == "PRON" or _named(subject)
        return by_name and (_named(objects[0]) if objects else subject is not None and _named(subject))

    def _menace(self, thing: Token) -> bool:
        """What may be threatened: a menace ("consequences", "military action") or an act of conflict ("further
        attacks")."""
        act = lookup(self.rules.nouns, thing.lemma_, thing.text)
        return form_in(self.rules.menace_nouns, thing.lemma_, thing.text) is not None or \
            act is not None and act.plover in self.rules.future_conflict_types

    def _acts_on_no_actor(self, verb: Token) -> bool:
        """A verb that acts only on actors, here on a thing: its object or passive subject is no actor,
        or it has neither and no prepositional phrase either, where that is no act."""
        passive = arguments.passive_subject(verb)
        if passive is not None:
            return not is_actor(passive)
        objects = syntax.children(verb, syntax.DIRECT_OBJECTS)
        if objects:
            return not is_actor(objects[0])
        return verb_lemma(verb) in self.rules.objectless_no_act_verbs and \
            not any(c.dep_ in syntax.PREPOSITIONS for c in verb.children)

    def _state_side(self, token: Token | None) -> bool:
        """The state or its forces, whose obstruction is repression, not a protest."""
        return token is not None and (self._state_body(token) or arguments.force_kind(token) == "armed" or
                                      str(lexicon.agent_sector(token.lemma_.lower())).startswith(("~GOV", "~COP", "~JUD")))

    def _state_body(self, token: Token | None) -> bool:
        return token is not None and (token.ent_type_ == "GPE" or token.lemma_.lower() in self.rules.state_bodies)

    def _by_protesters(self, verb: Token) -> bool:
        subject = arguments.subject_of(verb)
        if subject is not None and subject.lower_ in arguments.RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "protesters who stormed the chamber"
        return subject is not None and arguments.real_head(subject).lemma_.lower() in self.rules.protester_nouns

    def _cautions(self, verb: Token) -> bool:
        """"warned of the potential for miscarriages", "warning about e-mails", "had been threatened with
        collapse": a caution about a thing, not a threat; "warned of consequences" stays a threat."""
        for prep in syntax.children(verb, syntax.PREPOSITIONS):
            if prep.lower_ in {"of", "about", "with"}:
                for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS):
                    menace = lookup(self.rules.nouns, pobj.lemma_, pobj.text)
                    if not is_actor(pobj) and not form_in(self.rules.menace_nouns, pobj.lemma_, pobj.text) and (
                            menace is None or menace.plover not in self.rules.future_conflict_types | {"THREATEN"}):
                        return True
        return False

    def _code_verb(self, verb: Token, lemma: str) -> tuple[Code, str, Token] | None:
        if lemma in _verbs_in_tables():  # most verbs are not: their arguments are not read for the tables
            coded = self._code_by_tables(verb, lemma)
            if coded is not None:
                return coded
        if verb.pos_ != "VERB" or lemma in TOO_GENERAL or lemma in self.rules.reporting_verbs or \
                lemma in self.rules.verbs_needing_an_object or lemma in self.rules.trade_verbs:
            return None
        return self._dictionary(verb, lemma)

    def _code_by_tables(self, verb: Token, lemma: str) -> tuple[Code, str, Token] | None:
        """The code newswire's tables give the verb: with its particle or preposition, by the kinds of its
        arguments, by its object, alone."""
        for child in verb.children:
            if child.dep_ == "prt" or child.dep_ == "prep" and child.lower_ in PARTICLE_PREPOSITIONS:
                phrase = f"{lemma} {child.lower_}"
                # "handed over their weapons" is disarming, "handed over two suspects" cooperation
                light = self._light_object(verb, self.rules.verbs_needing_an_object.get(phrase)) or \
                    self._in_preposition(verb, self.rules.prepositional_objects.get(phrase))
                if light is not None:
                    return light
                code = self.rules.verbs_with_particle.get(phrase)
                if code is not None and self._particle_fits(verb, phrase, child):
                    return code, "verb", verb
        sense = self._verbal_sense(verb, lemma)
        if sense is not None:
            return sense, "verb", verb
        objects = self.rules.verbs_needing_an_object.get(lemma)
        light = self._light_object(verb, objects)
        if light is not None:
            return light
        light = self._in_preposition(verb, self.rules.prepositional_objects.get(lemma))
        if light is not None:
            return light
        sense = self._force_sense(verb, lemma)
        if sense is not None:
            return sense, "verb", verb
        return (self.rules.verbs[lemma], "verb", verb) if lemma in self.rules.verbs else None

    def _light_object(self, verb: Token, objects: dict[str, Code] | None) -> tuple[Code, str, Token] | None:
        """The code of the verb's first object the table holds ("imposed sanctions"), the object consumed;
        the noun's own sense decides ("launched a fierce attack on the tax plans" is criticism)."""
        for obj in self._objects(verb) if objects else ():
            # "held joint military drills", "received an aid package": a modifier names the act first;
            # "gave £50m to the relief effort": a sum given is money
            code = next((objects[key] for key in (f"{c.lower_} {obj.lower_}" for c in obj.children
                                                   if c.dep_ in {"amod", "compound"}) if key in objects), None) or \
                objects.get(obj.lower_) or objects.get(obj.lemma_.lower()) or \
                (objects["money"] if "money" in objects and self._sum_of_money(obj) else None)
            if code is not None:
                self.consumed.add(obj.i)
                return self._noun_sense(obj, code, arguments.subject_of(verb)), "light_verb", obj
        return None

    def _sum_of_money(self, obj: Token) -> bool:
        """"gave £50m to Haiti", "20 million euros for the UN agency": a sum in a named currency (the tagger also
        calls "40 A300s" money) given to a state, a people or an organisation ("gives £200 to households" and
        "£1bn for local councils" are domestic spending, no aid)."""
        amount = list(obj.subtree)
        if not any(t.ent_type_ == "MONEY" for t in amount) or \
                not any(t.is_currency or t.lower_ in self.rules.currency_words for t in amount):
            return False
        verb = obj.head
        recipients = [*syntax.children(verb, syntax.INDIRECT_OBJECTS),
                      *arguments.prepositional_objects(verb, ("to", "for")), *arguments.prepositional_objects(obj, ("to", "for"))]
        # "deposited $3 billion in Pakistan's central bank": the bank's owner receives it
        recipients += [owner for head in (verb, obj) for pobj in arguments.prepositional_objects(head, ("in", "into"))
                       if (owner := arguments.owner(pobj)) is not None]
        return any(recipient.ent_type_ in arguments.ACTOR_ENTITIES for recipient in recipients)

    def _in_preposition(self, verb: Token, objects: dict[str, Code] | None) -> tuple[Code, str, Token] | None:
        """"put the army on alert", "held in custody", "agreed to all the demands": the act is in a
        preposition's object, consumed unless it is an actor's act of its own ("the farmers' demands")."""
        preps = syntax.children(verb, syntax.PREPOSITIONS) if objects else []
        preps += [inner for prep in preps for inner in syntax.children(prep, syntax.PREPOSITIONS)]  # "pulled out of"
        for prep in preps:
            # "on the highest level of combat readiness": what the level is of
            pobjs = [arguments.real_head(pobj) for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS)]
            for pobj in pobjs + [inner for pobj in pobjs for inner in arguments.partitive_objects(pobj)]:
                code = lookup(objects, pobj.lemma_, pobj.text)
                if code is not None:
                    if arguments.owner(pobj) is None:
                        self.consumed.add(pobj.i)
                    return code, "light_verb", verb
        return None

    def _force_sense(self, verb: Token, lemma: str) -> Code | None:
        """A verb whose sense follows the kind of its arguments: "struck militant hideouts" (an object:
        force, while "went on strike" is a walkout), "militants struck again" (an armed doer), "farmers
        blockaded fuel depots" (a civilian doer: obstruction, not a state's blockade)."""
        senses = self.rules.force_senses.get(lemma)
        if not senses:
            return None
        objects = syntax.children(verb, syntax.DIRECT_OBJECTS)
        subject = arguments.subject_of(verb)
        doer = arguments.force_kind(subject) if subject is not None and arguments.passive_subject(verb) is None else None
        if doer == "envoy" and verb.dep_ != "xcomp":
            doer = None  # "told the ambassador to leave" expels him; "the ambassador left Moscow" is a journey
        kinds = ["that"] if any(c.dep_ == "ccomp" for c in verb.children) else []
        if objects and doer != "armed" and not self._by_protesters(verb) and self._aimed_at_words(verb, objects[0]):
            kinds.append("words")  # rioters and armed men attack things with force; "strike over cuts" is a walkout
        elif objects and subject is not None:
            kinds.append("object")  # "striking civil servants", parsed as a verb and its object, is no force
        kinds.append(doer)
        return next((senses[kind] for kind in kinds if kind in senses), None)

    def _aimed_at_words(self, verb: Token, obj: Token) -> bool:
        """"attacked the scheme as unworkable", "attacked the bank for its treatment of customers": aimed at
        a thing that is no target of force, or with a reason given, an attack is in words."""
        if not self._force_target(obj):
            return True
        return any(not is_actor(pobj) and not pobj.like_num and pobj.ent_type_ not in {"DATE", "TIME", "ORDINAL"}
                   for pobj in arguments.prepositional_objects(verb, ("over", "for")))

    def _force_target(self, obj: Token) -> bool:
        """An actor, a place or a thing force is aimed at ("a convoy", "the embassy")."""
        return is_actor(obj) or obj.ent_type_ in arguments.PLACE_ENTITIES or \
            form_in(self.rules.force_targets, obj.lemma_, obj.text) is not None

    def _particle_fits(self, verb: Token, phrase: str, particle: Token) -> bool:
        """"work with" an actor (not "with computers"); "take over" a place (not a firm or payments);
        "carried out airstrikes": a support verb's event noun is the act, not the phrase."""
        objects = self._objects(verb)  # "carried out a wave of arrests": the acts a batch is of
        if verb_lemma(verb) in self.rules.support_verbs and any(
                self._noun_code(obj) for obj in [*objects, *(inner for obj in objects for inner in arguments.partitive_objects(obj))]):
            return False
        if particle.lower_ in ACTOR_PREPOSITIONS:
            return any(is_actor(pobj) for pobj in syntax.children(particle, syntax.PREPOSITION_OBJECTS))
        if phrase in self.rules.place_particle_verbs:
            return any(obj.ent_type_ in arguments.PLACE_ENTITIES and obj.ent_type_ != "GPE" or
                       obj.lemma_.lower() in self.rules.place_nouns or obj.lower_ in self.rules.place_nouns
                       for obj in self._objects(verb))
        return True

    def _verbal_sense(self, verb: Token, lemma: str) -> Code | None:
        """A verb of force used of words: "Mr Howard attacked Labour" (a named person's attack on an
        actor is criticism), "dismissed the Conservatives as a fading force" (dismissing an actor, not
        an offer). Keyed on the kinds of subject and object."""
        senses = self.rules.verbal_senses.get(lemma)
        if not senses:
            return None
        subject = arguments.subject_of(verb)
        objects = syntax.children(verb, syntax.DIRECT_OBJECTS)
        if subject is None or not objects or not is_actor(objects[0]) or objects[0].ent_type_ in arguments.PLACE_ENTITIES:
            return None
        if "as" in senses and any(p.lower_ == "as" for p in syntax.children(verb, syntax.PREPOSITIONS)):
            return senses["as"]
        if "organisation" in senses and objects[0].ent_type_ not in {"GPE", "NORP"}:
            return senses["organisation"]
        return senses.get("person") if _speaker(subject) else None

    def _objects(self, verb: Token) -> list[Token]:
        found, particles, prepositions = [], [], []
        for child in verb.children:  # read once: each read of Token.children makes its Tokens anew
            if child.dep_ in OBJECT_DEPS:
                found.append(child)
            elif child.dep_ == "prt":  # "carry out attacks", "step up pressure"
                particles.append(child)
            elif child.dep_ in syntax.PREPOSITIONS and child.lower_ in {"out", "up"}:
                # "put pressure on": already an object
                prepositions.append(child)
        for prt in particles:
            found += syntax.children(prt, syntax.DIRECT_OBJECTS)
        for prep in prepositions:
            found += syntax.children(prep, syntax.PREPOSITION_OBJECTS)
        if verb_lemma(verb) in self.rules.transfer_verbs:  # "delivered 3,000 tonnes of food", "$5m in aid": what it is of
            found += [inner for obj in found for inner in arguments.partitive_objects(obj, ("of", "in"))]
            found += list(arguments.prepositional_objects(verb, ("in",)))
            # "provided Kyiv with billions of dollars in military aid": what the recipient is provided with
            given = list(arguments.prepositional_objects(verb, ("with",)))
            found += given + [inner for obj in given for inner in arguments.partitive_objects(obj, ("of", "in"))]
            found += [inner for obj in given for partitive in arguments.partitive_objects(obj, ("of",))
                      for inner in arguments.partitive_objects(partitive, ("in",))]
        return found

    def _dictionary(self, verb: Token, lemma: str) -> tuple[Code, str, Token] | None:
        """The petrarch2 verb patterns, for verbs newswire's own table lacks; only between two actors."""
        objects = syntax.children(verb, syntax.DIRECT_OBJECTS)
        if not objects or objects[0].lower_ in self.rules.armed_nouns:
            return None  # "to buy 10 aircraft from Airbus": weapons and craft as objects are goods
        subject = arguments.subject_of(verb)
        if subject is None or not is_actor(subject):
            return None
        # looked up last: the first look-up of a verb builds its patterns (~0.1 ms)
        entry = lexicon.verb_entry(lemma)
        if entry is None:
            return None
        preps = {(prep.lower_, pobj.lemma_.lower()) for prep in syntax.children(verb, syntax.PREPOSITIONS)
                 for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS)}
        cameo = entry.code_for({o.lemma_.lower() for o in objects}, preps, {subject.lemma_.lower()})
        if cameo is None:
            return None
        plover = lexicon.plover(cameo).type
        if not is_actor(objects[0]) and not cameo.startswith(VERBAL_ROOTS):
            return None  # a material act needs an actor on both sides; a verbal one may be about a policy
        return (Code(plover, cameo), "dictionary", verb) if plover else None

    def _governing(self, verb: Token, lemma: str, complement: Token) -> list[EventMention]:
        code = self.rules.governing_verbs[lemma]
        if lemma in self.rules.pledge_verbs and self._campaign_pledge(verb, complement):
            return []
        if code.plover == "RETREAT" and verb_lemma(complement) not in self.rules.access_verbs:
            return []  # "will allow airlines to fly long-haul routes": a permission, not access granted
        if code.plover == "REJECT" and verb_lemma(complement) in self.rules.speech_complements:
            self.consumed.add(complement.i)
            return []  # "declined to comment", "refused to say": no PLOVER act
        if code.plover == "THREATEN" and complement.dep_ == "ccomp" and self._forecast(complement):
            return []  # "warned the move would cut its profits", "warned there was a real risk": a forecast
        if code.plover == "AGREE":  # "vowed to crush the rebels": a promise of conflict is a threat
            governed = self._code_verb(complement, verb_lemma(complement))
            if governed is not None and governed[0].plover in self.rules.future_conflict_types:
                code = self.rules.default("THREATEN")
        # "calling for him to apologise and withdraw it", parsed with "withdraw" on "calling": a bare infinitive
        # coordinated with a verb that is none belongs to the infinitive governed
        stray = [token for token in syntax.conjuncts_of(verb)[1:] if token.tag_ == "VB" and verb.tag_ != "VB"
                 and not syntax.children(token, syntax.SUBJECTS | syntax.AUXILIARIES)]
        for token in [*syntax.conjuncts_of(complement), *stray]:
            self.consumed.add(token.i)
            self.consumed.update(obj.i for obj in syntax.children(token, syntax.DIRECT_OBJECTS))
            # "threatened to go on strike": the strike is what is threatened, not an act of its own
            self.consumed.update(pobj.i for prep in syntax.children(token, syntax.PREPOSITIONS)
                                 for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS))
        return self._emit(verb, code, "governing", verb, complement=complement)

    def _campaign_pledge(self, verb: Token, complement: Token) -> bool:
        """"The Tories promise to keep the payments": a party's pledge of no act of its own to no
        counterpart is a campaign pledge to voters ("Mr Brown pledged to write off the debt" is not)."""
        subject = arguments.subject_of(verb)
        if subject is None or not (subject.ent_type_ == "NORP" or any(
                t.lemma_.lower() == "party" for t in [subject, *subject.children] if t.dep_ in {"compound", *syntax.SUBJECTS})):
            return False
        if complement.dep_ != "xcomp" or self._code_verb(complement, verb_lemma(complement)) is not None:
            return False
        return arguments.target_of(verb, "AGREE") is None and arguments.target_of(complement, "AGREE") is None

    def _forecast(self, clause: Token) -> bool:
        """A warned clause about no actor's act: its subject is no actor, it tells a past state with no
        modal ("it was low on cash"), or it says what there will be ("there was a real risk") other than a menace
        ("there will be consequences")."""
        said_of = syntax.children(clause, syntax.SUBJECTS)
        if said_of and not is_actor(said_of[0]):
            return True
        if said_of and not any(c.tag_ == "MD" for c in clause.children) and \
                (clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children)):
            return True  # "warned that it was low on cash", "it was running out of cash": a past state ("NATO is prepared
            # for the worst" is a threat)
        if syntax.children(clause, syntax.EXPLETIVES):
            what = [c for c in clause.children if c.dep_ == "attr"]
            return not what or not form_in(self.rules.menace_nouns, what[0].lemma_, what[0].text)
        return False

    def _ready(self, adjective: Token) -> list[EventMention]:
        """"Moscow is ready to engage": intent to cooperate."""
        complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if complement is None:
            return []
        inner = self._code_verb(complement, verb_lemma(complement))
        if inner is None or inner[0].plover not in self.rules.cooperative_types:
            return []
        self.consumed.add(complement.i)
        return self._emit(complement, self.rules.default("AGREE"), "intent", complement, subject_from=adjective.head)

    def _stance(self, adjective: Token) -> list[EventMention]:
        """"Washington remains committed to the open-door policy": a stance toward the object of
        the adjective's own preposition, held by the subject of its copula."""
        by_preposition = self.rules.stance_adjectives.get(adjective.lower_)
        if by_preposition is None:
            return []  # most adjectives: their prepositions are not read
        for prep in syntax.children(adjective, syntax.PREPOSITIONS):
            if prep.lower_ in by_preposition and adjective.dep_ == "acomp":
                return self._emit(adjective, by_preposition[prep.lower_], "stance", adjective,
                                  subject_from=adjective.head)
        return []

    # ------------------------------------------------------------------ nouns
    def _concern(self, noun: Token, code: Code) -> list[EventMention]:
        """"Concerns the United States has about Russian actions": disapproval of Russia."""
        target = arguments.concern_about(noun)
        if target is None:
            return []  # "Moscow's concerns", "concerns about inflation": no one's conduct
        source = arguments.concern_holder(noun)
        return [self._mention(noun, noun, code, "noun", Arguments(actor_spans(source), actor_spans(target)),
                              negated=False, hypothetical=self._conditional_clause(noun), date_from=noun)]

    def _noun(self, noun: Token, joined: str | None = None) -> list[EventMention]:
        concern = None if joined else self.rules.concern_nouns.get(noun.lower_)
        if concern is not None:
            return self._concern(noun, concern)
        code = self._event_noun_code(noun, joined)
        if code is None:
            return []
        source, target = self._noun_sides(noun, code)
        code = self._noun_sense(noun, code, source)
        if self._fight_in_words(noun, source, target):
            return []
        verb = arguments.governor(noun)
        measured = self._measured(noun)
        undergoer = verb is not None and verb_lemma(verb) in self.rules.undergoer_verbs
        if undergoer and source is None:
            # "drew criticism from environmental groups", "came in for criticism": the subject undergoes it
            source = next((pobj for prep in syntax.children(verb, syntax.PREPOSITIONS) if prep.lower_ == "from"
                           for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS) if is_actor(pobj)), None)
            subject = arguments.subject_of(verb)
            target = target or (subject if subject is not None and is_actor(subject) else None)
            if source is None and (target is None or code.plover == "THREATEN"):
                return []  # ("faced a long-term threat": a danger, no one threatening)
        elif not measured and self._noun_is_about(noun, code, verb, source):
            # a new occurrence measured in time ("saw a week of protests") is no other act's object
            return []
        if verb is None and measured:
            verb = arguments.governor(noun.head.head)  # "kicked off a week of negotiations"
        if source is None and verb is not None and not undergoer and not self._background(noun):
            subject = arguments.subject_of(verb)  # "workers began a strike": the verb's subject holds it
            source = subject if subject is not None and is_actor(subject) else None
        if source is None and (target is None or arguments.noun_is_setting(noun) and not undergoer) and \
                not measured:
            return []
        hypothetical = any(c.lemma_.lower() in self.rules.hypothetical_words for c in noun.children) or \
            self._conditional_clause(noun)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            if code.plover not in self.rules.cooperative_types:
                return []  # "no attack": nothing happened, and nothing is refused
            code = self.rules.default("REJECT")  # "there would be no concessions": a refusal
        elif verb is not None and not hypothetical:
            modality = self._modality(verb)
            hypothetical = modality.conditional and not modality.future
            if modality.future and code.plover in self.rules.cooperative_types:
                code = self.rules.default("AGREE")  # "will provide assistance": a pledge
            elif modality.future and code.plover in self.rules.future_conflict_types:
                code = self.rules.default("THREATEN")
        # "held a round of talks in Geneva on Jan. 10": the date of the verb that holds the act
        held = verb if verb is not None and verb_lemma(verb) in self.rules.support_verbs else None
        date_from = held if held is not None and arguments.date_of(noun, self.dates) is None else noun
        word = glued_word(noun) if joined else [noun]  # "a sit-in": the trigger is the whole word
        return [self._mention(word[0], word[-1], code, "noun", Arguments(actor_spans(source), actor_spans(target)),
                              negated=False, hypothetical=hypothetical, date_from=date_from)]

    def _event_noun_code(self, noun: Token, joined: str | None) -> Code | None:
        """The code of a noun that names an act of its own: not a name, not the reason for or the content of
        another act, not an actor ("aides" is no "aid")."""
        code = self.rules.nouns.get(joined) if joined else self._noun_code(noun)
        if code is None or noun.ent_type_ in NOT_ACT_ENTITIES or self._reason_or_content(noun) or \
                noun.lower_ not in self.rules.nouns and arguments.is_agent_noun(noun):
            return None
        return code

    def _noun_code(self, noun: Token) -> Code | None:
        """The noun's code, a compound or an adjective before it first: "air strikes" are not "strikes",
        "joint patrols" not "patrols"."""
        code = lookup(self.rules.nouns, noun.lemma_, noun.text)
        if code is None and noun.lower_ not in _last_words_of_noun_phrases():
            return None  # most nouns: in the table neither alone nor after a modifier (their children not read)
        for child in noun.children:
            if child.dep_ in {"compound", "amod"} and child.i == noun.i - 1 and \
                    f"{child.lower_} {noun.lemma_.lower()}" in self.rules.not_event_compounds:
                return None  # "a press release", "a press conference"
            if child.dep_ in {"compound", "amod"}:  # "joint border patrols": a modifier not next to the noun
                phrase_code = self.rules.nouns.get(f"{child.lower_} {noun.lower_}")
                if phrase_code is not None:
                    return phrase_code
        return self._keyed_on_object(noun, code) if code is not None else None

    def _keyed_on_object(self, noun: Token, code: Code) -> Code | None:
        """"a ban on beef imports" is a sanction, "a ban on rallies" a restriction, "the hunting ban" or "a
        ban on smoking" no act between actors: such a noun is coded by what it is on (its verb's object
        table), an actor keeping the noun's own code."""
        table = self.rules.verbs_needing_an_object.get(noun.lemma_.lower())
        if noun.lemma_.lower() not in self.rules.object_keyed_nouns or table is None:
            return code
        for thing in [*(c for c in noun.children if c.dep_ in {"compound", "amod"}),
                      *arguments.prepositional_objects(noun, ("on", "against"))]:
            found = lookup(table, thing.lemma_, thing.text)
            if found is not None or is_actor(thing):
                return found or code
        return None

    def _reason_or_content(self, noun: Token) -> bool:
        """"suspended aid over its support for the rebels": the reason given for an act; "called for a
        ceasefire", "urged for talks": what is asked is not an act of its own."""
        if noun.dep_ != "pobj":
            return False
        prep, verb = noun.head, noun.head.head
        if prep.lower_ == "over" and verb.pos_ in syntax.VERBAL:
            return True
        return prep.lower_ == "for" and verb.pos_ in syntax.VERBAL and verb_lemma(verb) in self.rules.governing_verbs

    def _noun_sense(self, noun: Token, code: Code, source: Token | None) -> Code:
        """"Mr Howard's attack on Labour's record": criticism ("any Israeli attack" is a state's);
        "a protest from the Thai government": an official complaint."""
        senses = self.rules.verbal_senses.get(noun.lemma_.lower(), {})
        if code.plover == "ASSAULT" and "person" in senses and (source is not None and _person_or_party(source) or
                                                                self._attack_on_words(noun)):
            return senses["person"]
        if code.plover == "PROTEST" and self._state_body(source):
            return Code("ACCUSE", "114")
        if code.plover == "ASSAULT" and form_in(self.rules.walkout_nouns, noun.lemma_, noun.text) and \
                not any(c.dep_ == "compound" for c in noun.children) and \
                source is not None and arguments.force_kind(source) != "armed":  # "air strikes" stay force
            return self.rules.default("PROTEST")  # "trade unions carried out strikes": walkouts
        return code

    def _fight_in_words(self, trigger: Token, source: Token | None, target: Token | None) -> bool:
        """"fighting between Mr Camus and Mr Forgeard": people or parties, none of them armed, fight in words."""
        if not self._names_fighting(trigger):
            return False
        sides = [side for found in (source, target) if found is not None for side in syntax.conjuncts_of(found)]
        return any(_person_or_party(side) for side in sides) and \
            not any(arguments.force_kind(side) == "armed" for side in sides)

    def _names_fighting(self, trigger: Token) -> bool:
        """"fight", "clash": force, or words between people."""
        return form_in(self.rules.verbal_force_verbs, trigger.lemma_, trigger.text) is not None

    def _attack_on_words(self, noun: Token) -> bool:
        """"an attack on the government's tax plans": aimed at what an attack in words is aimed at (the
        objects that make "attacked" criticism), not at an actor or a place."""
        words = self.rules.verbs_needing_an_object.get(noun.lemma_.lower(), {})
        return any(lookup(words, pobj.lemma_, pobj.text) is not None
                   for pobj in arguments.prepositional_objects(noun, ("on", "against")))

    def _noun_sides(self, noun: Token, code: Code) -> tuple[Token | None, Token | None]:
        """Who does a nominal act and to whom. With the patient types the "of" phrase is the target
        ("the invasion of Iraq", "the arrest of four men") and a "by" phrase the doer."""
        source = arguments.owner(noun)
        if source is not None and source.dep_ == "pobj" and source.head.lower_ == "from" and \
                noun.lemma_.lower() in self.rules.mutual_triggers.get(code.plover, ()):
            source = None  # "an address to the summit from the Iraqi leader": the sender, not who holds the summit
        if source is not None and code.plover in self.rules.patient_types and source.dep_ == "pobj" and \
                source.head.lower_ == "of" and source.head.head.i == noun.i:
            doer = next((pobj for prep in syntax.children(noun, syntax.PREPOSITIONS) if prep.lower_ == "by"
                         for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS) if is_actor(pobj)), None)
            return doer, source
        target = arguments.target_of(noun, code.plover)
        if target is None and self._breaks_out(noun):
            target = arguments.target_of(noun.head, code.plover)  # "fighting broke out between the army and rebels"
        if target is None and code.plover in MOVED_FORCES_TYPES:
            target = arguments.faced_by_forces(noun, code.plover)  # "a buildup of troops near the border"
        return source, target

    def _noun_is_about(self, noun: Token, code: Code, verb: Token | None, source: Token | None) -> bool:
        """"received US aid", "rejected NATO's proposal", "covering the protest": the noun is what
        another act is about, not an act of its own."""
        if code.plover == "THREATEN" and verb is not None and verb_lemma(verb) in self.rules.danger_verbs:
            return True  # "we would be a huge threat", "remains a threat to the region": a danger described
        if code.plover == "COOPERATE" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            return False  # "arrested the suspects in a joint operation with French police": how the act was done
        about = arguments.object_of(noun) if code.plover in self.rules.cooperative_types else None
        if about is not None and verb_lemma(about) not in self.rules.support_verbs:
            return True  # an offer made before
        return source is None and verb is not None and verb_lemma(verb) not in self.rules.support_verbs

    def _background(self, noun: Token) -> bool:
        """"imposed a curfew after the riots": an act named as the time or the cause of another is not its
        doer's act."""
        return noun.dep_ == "pobj" and noun.head.lower_ in self.rules.background_prepositions

    def _measured(self, noun: Token) -> bool:
        """"a weekend of violent protests", "weeks of strikes": a new occurrence measured in time; "protests
        erupted", "fighting broke out": one reported as breaking out."""
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in self.rules.duration_heads or self._breaks_out(noun)

    def _breaks_out(self, noun: Token) -> bool:
        """Reported as breaking out, not as what might ("did not say when the talks would resume")."""
        return noun.dep_ == "nsubj" and verb_lemma(noun.head) in self.rules.onset_verbs and \
            not any(c.tag_ == "MD" for c in noun.head.children)

    # ------------------------------------------------------------------ modality and arguments
    def _auxiliaries(self, verb: Token) -> tuple[set[str], Token]:
        """The verb's auxiliaries, with those of the verb it takes them from, and that verb."""
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in syntax.AUXILIARIES}
        head = verb
        # "will continue to talk", "will meet and discuss": the bare verb shares its head's auxiliaries;
        # "will not compromise and respects" does not (it is inflected on its own)
        while (head.dep_ == "xcomp" or head.dep_ == "conj" and head.tag_ == "VB") and head.head.i != head.i:
            head = head.head
            auxiliaries |= {c.lower_ for c in head.children if c.dep_ in syntax.AUXILIARIES}
        return auxiliaries, head

    def _obliged(self, verb: Token) -> bool:
        """"must", "should": the modality's obligation alone, asked of every verb no table codes."""
        return self.article.may_oblige and bool(self._auxiliaries(verb)[0] & self.rules.obligation_auxiliaries)

    def _modality(self, verb: Token) -> _Modality:
        auxiliaries, head = self._auxiliaries(verb)
        negated = any(c.dep_ in syntax.NEGATIONS or c.lower_ == "never" for c in list(verb.children) + list(head.children))
        reporter = self._reporter(head)
        future = bool(auxiliaries & self.rules.future_auxiliaries) or ("would" in auxiliaries and reporter is not None)
        conditional = (bool(auxiliaries & self.rules.conditional_auxiliaries) and not future) or \
            self._conditional_clause(verb) or \
            any(c.lemma_.lower() in self.rules.hypothetical_words for c in verb.children if c.dep_ in {"advmod", "acomp"})
        obligation = bool(auxiliaries & self.rules.obligation_auxiliaries)
        return _Modality(negated, future, conditional, obligation, reporter)

    def _reporter(self, verb: Token) -> Token | None:
        token = verb
        while token.dep_ in {"ccomp", "conj"} and token.head.i != token.i:
            token = token.head
            if verb_lemma(token) in self.rules.reporting_verbs:
                return token
        return None

    def _conditional_clause(self, token: Token) -> bool:
        for node in [token, *syntax.ancestors_until_sentence_root(token)]:
            if any(c.dep_ == "mark" and c.lower_ in self.rules.conditional_markers for c in node.children):
                return True
            if node.lemma_.lower() in self.rules.hypothetical_words and node.pos_ == "VERB":
                return True
        return False

    def _emit(self, verb: Token, code: Code, basis: str, end_token: Token, *, complement: Token | None = None,
              subject_from: Token | None = None) -> list[EventMention]:
        modality = self._modality(verb)
        plover, negated, hypothetical = code.plover, modality.negated, modality.conditional
        passive = arguments.passive_subject(verb)
        subject = arguments.subject_of(subject_from or verb)
        source_token = subject if passive is None else arguments.subject_of(verb)
        if passive is not None and not any(c.dep_ in syntax.AGENTS for c in verb.children):
            source_token = None
        target_token = arguments.target_of(verb, plover, passive=passive)
        if target_token is None and complement is not None:
            target_token = arguments.target_of(complement, plover)
        if passive is None and verb_lemma(verb) in self.rules.recipient_verbs:
            source_token, target_token = arguments.giver_of(verb), source_token
        if plover in MOVED_FORCES_TYPES and source_token is None and target_token is not None and \
                arguments.is_agent_noun(target_token):
            # "troops deployed near the border": the troops are the mover's, not the target
            source_token, target_token = target_token, arguments.target_of(verb, plover)
            target_token = None if target_token is not None and target_token.i == source_token.i else target_token
        if plover in MOVED_FORCES_TYPES and (target_token is None or arguments.is_agent_noun(target_token)
                                             and target_token.dep_ in syntax.DIRECT_OBJECTS):
            # "massed troops close to the Ukrainian border": the troops are the mover's own; it faces Ukraine
            target_token = arguments.faced_by_forces(verb, plover)
        if basis not in {"governing", "intent"}:
            if modality.obligation and not modality.negated:
                # "X said Russia must withdraw": X asks it of Russia (the speaker may be in another sentence)
                code, basis = self.rules.default("REQUEST"), "reported_obligation"
                plover, target_token = "REQUEST", source_token
                source_token = arguments.subject_of(modality.reporter) if modality.reporter is not None else None
                negated = hypothetical = False
            elif negated and (modality.future or "would" in {c.lower_ for c in verb.children}) and \
                    plover in self.rules.cooperative_types:
                code, plover, negated, hypothetical = self.rules.default("REJECT"), "REJECT", False, False
            elif modality.future and not hypothetical and plover in self.rules.cooperative_types and plover != "AGREE":
                code, plover = self.rules.default("AGREE"), "AGREE"
            elif modality.future and plover in self.rules.future_conflict_types and \
                    (not hypothetical or self._conditional_clause(verb)):
                # "will strike unless the offer improves": a conditional threat is still a threat
                code, plover, hypothetical = self.rules.default("THREATEN"), "THREATEN", False
        elif basis == "governing" and plover == "AGREE" and negated:
            # "would not agree to curb", "did not agree to meet": a refusal
            code, plover, negated, hypothetical = self.rules.default("REJECT"), "REJECT", False, False
        if code.plover != plover:
            code = self.rules.default(plover)
        if basis in {"verb", "light_verb", "dictionary"} and self._done_by_no_actor(verb, passive, subject):
            return []  # "the storm killed", "the decision hit": an act needs an actor doing it
        args = Arguments(actor_spans(source_token), actor_spans(target_token), arguments.location_of(verb))
        if not args.sources and not args.targets and \
                not self._act_named_by_subject(verb, passive, source_token, basis, hypothetical):
            return []
        # what is asked or governed tells two requests of one day apart ("urged X to de-escalate",
        # "called on X to withdraw")
        content = _hyphenated(complement) if basis == "governing" and complement is not None else \
            _hyphenated(verb) if basis == "reported_obligation" else None
        return [self._mention(verb, end_token, code, basis, args, negated=negated, hypothetical=hypothetical,
                              date_from=verb, content=content)]

    def _act_named_by_subject(self, verb: Token, passive: Token | None, source: Token | None, basis: str,
                              hypothetical: bool) -> bool:
        """"agreement was reached", "the negotiations were suspended", "a curfew was imposed": an agentless passive whose subject
        is itself an act reports that act, though it names no actor; a possible one is still coded, as
        hypothetical ("unless agreement was reached")."""
        if passive is None or source is not None or passive.pos_ != "NOUN" or \
                self._noun_code(passive) is None and basis != "light_verb":
            return False  # ("a curfew was imposed": the verb's table names the act)
        if hypothetical and basis != "light_verb" or verb.dep_ == "relcl":
            return False  # "demand may not be met", "a year in which proposals were made": no act reported
        if any(c.dep_ == "det" and c.lower_ == "no" for c in passive.children):
            return False  # "no arrests have been made": nothing happened
        # "attacks are increasingly launched": a simple present passive tells what is usual
        return not any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)

    def _done_by_no_actor(self, verb: Token, passive: Token | None, subject: Token | None) -> bool:
        """"the storm killed", "the attack, which killed five", "was hit by higher costs": the doer
        named is no actor; "received more than £5m in donations": no giver, and no actor received."""
        if passive is None and verb_lemma(verb) in self.rules.recipient_verbs:
            return arguments.giver_of(verb) is None and not any(
                is_actor(o) for o in syntax.children(verb, syntax.DIRECT_OBJECTS))
        if passive is not None:
            doers = [pobj for agent in syntax.children(verb, syntax.AGENTS)
                     for pobj in syntax.children(agent, syntax.PREPOSITION_OBJECTS) if not _means(pobj)]
            return bool(doers) and not is_actor(doers[0])
        if subject is None:
            return False
        if subject.lower_ in arguments.RELATIVE_PRONOUNS:
            if subject.head.dep_ != "relcl":
                return subject.lower_ == "that"  # "the decision that detaining suspects breaks": a conjunction
            if subject.lower_ == "who":
                return False
            subject = subject.head.head  # the antecedent
        return not is_actor(subject)

    def _mention(self, first: Token, last: Token, code: Code, basis: str, args: Arguments, *, negated: bool,
                 hypothetical: bool, date_from: Token, content: str | None = None) -> EventMention:
        if last.i < first.i or last.i - first.i > 3:
            last = first
        doc = first.doc
        start, end = first.idx, last.idx + len(last.text)
        trigger = doc[first.i: last.i + 1].text
        sentence_text = self.text.rstrip()
        date = arguments.date_of(date_from, self.dates)
        confidence = CONFIDENCE[basis] * (1.0 if args.sources else NO_SOURCE_FACTOR) * \
            (HYPOTHETICAL_FACTOR if hypothetical else 1.0)
        return EventMention(
            start=start, end=end, trigger=trigger, sentence_start=self.sentence.start_char,
            sentence_end=self.sentence.start_char + len(sentence_text), plover_type=code.plover, cameo_code=code.cameo,
            negated=negated, hypothetical=hypothetical, sources=args.sources, targets=args.targets,
            location=args.location, date_text=date.text if date is not None else None,
            date_start=date.start_char if date is not None else None, basis=basis, confidence=round(confidence, 3),
            lemma=_head_word(first, last, basis), content=content,
            # "have held a series of talks": acts over a stretch of time, not one day's
            tense="progressive" if arguments.stretch_of(first) is not None else _tense_of_trigger(date_from))
