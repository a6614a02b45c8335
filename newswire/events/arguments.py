"""Who did it, to whom, where and when: an event's arguments read off the dependency tree.

Arguments are character spans of the article text; corpus resolution (merge.py) turns them
into actor ids the way quote speakers are resolved (names, pronouns, titles, metonyms).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newswire import syntax
from newswire.events.lexicon import agent_sector
from newswire.events.rules import rules

ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
DATE_ENTITIES = frozenset({"DATE"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
TITLE_PREPOSITIONS = frozenset({"of", "to"})
SETTING_PREPOSITIONS = frozenset({"at", "during", "in", "on", "after", "before", "since", "ahead", "following", "for"})
# Modifiers that make a noun an actor: "Russian troops", "US officials", "NATO's demands".
ACTOR_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})

CharSpan = tuple[int, int]


@dataclass(frozen=True)
class Arguments:
    sources: tuple[CharSpan, ...] = ()
    targets: tuple[CharSpan, ...] = ()
    location: CharSpan | None = None


def real_head(token: Token) -> Token:
    """"Thousands of protesters", "dozens of police": the noun after "of" is who acts."""
    while token.lower_ in rules().quantity_heads or token.like_num:
        inner = [pobj for prep in token.children if prep.dep_ in syntax.PREPOSITIONS and prep.lower_ == "of"
                 for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS)]
        if not inner:
            break
        token = inner[0]
    return token


def is_actor(token: Token) -> bool:
    """The head of a noun phrase naming an actor: an entity, a pronoun, or an agent noun
    ("troops", "minister", "police"); "Moscow's demands" is not one (its owner is)."""
    token = real_head(token)
    the_rules = rules()
    if token.lower_ in the_rules.not_actor_heads or token.like_num:
        return False
    if token.ent_type_ in ACTOR_ENTITIES:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in the_rules.actor_pronouns
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return is_agent_noun(token) or is_titled_name(token)


def is_titled_name(token: Token) -> bool:
    """"Mr Balls", "Lord Browne": a name after a title is a person, even one the tagger missed;
    "Downing Street": a seat of government stands for it."""
    if token.pos_ != "PROPN":
        return False
    compounds = [child for child in token.children if child.dep_ == "compound"]
    if " ".join(t.lower_ for t in [*compounds, token]) in rules().seat_names:
        return True
    return any(child.lower_.rstrip(".") in rules().person_titles for child in compounds)


def is_agent_noun(token: Token) -> bool:
    """A common noun for an actor ("troops", "protesters", "the ministry"), not a name."""
    return token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in ACTOR_ENTITIES and (
        token.lower_ in rules().actor_nouns or token.lemma_.lower() in rules().actor_nouns
        or agent_sector(token.lemma_.lower()) is not None or agent_sector(token.lower_) is not None)


def is_named(token: Token) -> bool:
    """An actor the text names or refers back to: an entity or a pronoun."""
    return token.ent_type_ in ACTOR_ENTITIES or token.pos_ == "PRON"


def actor_span(token: Token) -> CharSpan:
    """The noun phrase up to its head: "NATO Secretary General Jens Stoltenberg", "the US";
    post-modifiers (clauses, prepositional phrases, conjuncts) stay out."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head  # "NATO, which deployed": the antecedent
    left = token.left_edge
    while left.i < token.i and (left.is_punct or left.dep_ == "cc" or left.dep_ == "preconj"):
        left = left.doc[left.i + 1]
    right = token
    if token.ent_type_ not in ACTOR_ENTITIES:
        # "the head of US diplomacy", "the ambassador to Moscow": a title needs its complement
        for child in token.rights:
            if child.dep_ in syntax.PREPOSITIONS and child.lower_ in TITLE_PREPOSITIONS:
                right = child.right_edge
                break
    return left.idx, right.idx + len(right.text)


def actor_spans(token: Token | None) -> tuple[CharSpan, ...]:
    """The actor a token heads and those coordinated with it ("the US and NATO": two); people
    acting for others stand for them ("representatives of Russia and Ukraine": Russia, Ukraine)."""
    if token is None:
        return ()
    spans: list[CharSpan] = []
    for conjunct in syntax.conjuncts_of(token):
        head = real_head(conjunct)
        represented = represented_by(head)
        if represented:
            spans.extend(actor_span(real_head(actor)) for actor in represented)
        elif is_actor(conjunct) or conjunct.lower_ in RELATIVE_PRONOUNS:
            spans.append(actor_span(head))
    return tuple(dict.fromkeys(spans))


def represented_by(token: Token) -> list[Token]:
    """The named actors a delegate noun acts for: "envoys from Russia, Ukraine and France"."""
    if token.lower_ not in rules().delegate_heads and token.lemma_.lower() not in rules().delegate_heads:
        return []
    return [actor for prep in token.children if prep.dep_ in syntax.PREPOSITIONS and prep.lower_ in {"of", "from"}
            for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS) for actor in syntax.conjuncts_of(pobj)
            if actor.ent_type_ in ACTOR_ENTITIES]


def owner(token: Token) -> Token | None:
    """The actor a non-actor noun belongs to: "Moscow's demands", "Russian security requests",
    "the withdrawal of NATO troops"."""
    # "Russia's security demands": the parser may hang the owner on the compound before the head
    modifiers = [child for child in token.children if child.dep_ in ACTOR_MODIFIERS]
    modifiers += [inner for child in modifiers if child.dep_ == "compound" for inner in child.children
                  if inner.dep_ == "poss"]
    for child in modifiers:
        if (child.ent_type_ in ACTOR_ENTITIES or child.dep_ == "poss") and is_actor(child):
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            for pobj in syntax.children(child, syntax.PREPOSITION_OBJECTS):
                if is_actor(pobj):
                    return pobj
    return None


def giver_of(verb: Token) -> Token | None:
    """Who gave what a recipient verb's subject received: "received a letter from Kyiv",
    "received Washington's response"."""
    for prep in syntax.children(verb, syntax.PREPOSITIONS):
        if prep.lower_ == "from":
            for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS):
                if is_actor(pobj):
                    return pobj
    for obj in syntax.children(verb, syntax.DIRECT_OBJECTS):
        for thing in [obj, *partitive_objects(obj)]:  # "received another installment of US aid"
            if (found := owner(thing)) is not None:
                return found
    return None


def partitive_objects(noun: Token, prepositions: Iterable[str] = ("of",)) -> list[Token]:
    """What a noun is a part or a batch of: "another installment of aid", "a package of sanctions"
    (with "in": "$5m in aid")."""
    return [pobj for prep in noun.children if prep.dep_ in syntax.PREPOSITIONS and prep.lower_ in prepositions
            for pobj in syntax.children(prep, syntax.PREPOSITION_OBJECTS)]


def force_kind(token: Token) -> str | None:
    """"armed" for a force or a state that may use force ("militants", "Israeli jets", "Israel"),
    "civilian" for a group of people outside the state ("farmers", "activists"), "envoy" for a
    diplomat ("ordered the ambassador to leave"), else None."""
    token = real_head(token)
    if token.lemma_.lower() in rules().envoy_nouns or token.lower_ in rules().envoy_nouns:
        return "envoy"
    sector = agent_sector(token.lemma_.lower()) or agent_sector(token.lower_)
    if sector in rules().armed_sectors or token.ent_type_ in {"GPE", "NORP"} or \
            token.lower_ in rules().armed_nouns:
        return "armed"
    if sector is not None and not sector.startswith(("~GOV", "~COP", "~JUD", "~LEG")) or \
            token.lemma_.lower() in rules().protester_nouns:
        return "civilian"
    return None


def object_of(noun: Token) -> Token | None:
    """The verb a noun is the direct object of, also through a partitive ("received another
    installment of aid": received)."""
    head = noun.head
    if noun.dep_ in syntax.PREPOSITION_OBJECTS and head.lower_ == "of" and head.head.pos_ == "NOUN":
        noun, head = head.head, head.head.head  # the batch the noun is of
    return head if noun.dep_ in syntax.DIRECT_OBJECTS and head.pos_ in {"VERB", "AUX"} else None


def subject_of(verb: Token) -> Token | None:
    """The active subject, the agent of a passive, or the one inherited: from the verb a
    conjunct shares its subject with, or through control ("urged Russia to withdraw":
    Russia withdraws; "agreed to meet": the subject of agreed meets)."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        for child in verb.children:
            if child.dep_ in syntax.ACTIVE_SUBJECTS:
                return child
            if child.dep_ in syntax.AGENTS:
                objects = syntax.children(child, syntax.PREPOSITION_OBJECTS)
                if objects:
                    return objects[0]
        if verb.dep_ == "conj" or verb.dep_ == "xcomp" or verb.dep_ == "advcl" and _participle(verb):
            if verb.dep_ == "xcomp":
                objects = syntax.children(verb.head, syntax.DIRECT_OBJECTS | syntax.PASSIVE_SUBJECTS)
                if objects and is_actor(objects[0]):
                    return objects[0]  # "urged Russia to withdraw", "is reported to be threatening"
            verb = verb.head
            continue
        if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBG":
            return verb.head  # "troops massing near the border"
        return None
    return None


def _participle(verb: Token) -> bool:
    """"saying ...", "having criticised ...": a participle clause shares its head's subject."""
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)


def governor(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("began a strike",
    "took part in a strike", "were on strike"), or through a batch the noun names the acts of
    ("held a series of talks", "imposed a package of sanctions", "claimed responsibility for the bombing")."""
    head = noun.head
    if noun.dep_ in syntax.PREPOSITION_OBJECTS and head.lower_ in {"of", "for"} and head.head.pos_ == "NOUN" and \
            head.head.lemma_.lower() in rules().batch_heads:
        noun, head = head.head, head.head.head
    if noun.dep_ == "pobj" and head.dep_ in syntax.PREPOSITIONS:
        head = head.head
    elif noun.dep_ not in {"dobj", "attr", "nsubjpass"}:
        return None
    return head if head.pos_ in {"VERB", "AUX"} and head.i != noun.i else None


def concern_about(noun: Token) -> Token | None:
    """The actor whose conduct a concern is about: "concerns about Russian actions" (Russia),
    "concern over Iran". The phrase may hang on the noun, on a relative clause of it ("concerns
    the allies have about Russian actions") or on the noun it is coordinated with ("positions
    and concerns about Russia's behaviour"): all say what the concern is about."""
    the_rules = rules()
    places = [noun, *(child for child in noun.children if child.dep_ == "relcl")]
    if noun.dep_ == "conj":
        places.append(noun.head)
    for place in places:
        for pobj in prepositional_objects(place, the_rules.concern_prepositions):
            if is_actor(pobj):
                return pobj
            if pobj.lemma_.lower() in the_rules.conduct_nouns or pobj.lower_ in the_rules.conduct_nouns:
                found = owner(pobj)
                if found is not None:
                    return found
    return None


def concern_holder(noun: Token) -> Token | None:
    """Who voices a concern: its owner ("American concerns", also of the noun it is coordinated
    with: "American positions and concerns"), the subject of a relative clause ("concerns the
    United States has") or of a verb of concern_verbs ("Japan raised concerns")."""
    for candidate in [noun, noun.head] if noun.dep_ == "conj" else [noun]:
        if (found := owner(candidate)) is not None:
            return found
    clauses = [child for child in noun.children if child.dep_ == "relcl"]
    verb = governor(noun)
    if verb is not None and verb.lemma_.lower() in rules().concern_verbs:
        clauses.append(verb)
    for clause in clauses:
        subject = subject_of(clause)
        if subject is not None and is_actor(subject) and subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
    return None


def stretch_of(noun: Token) -> Token | None:
    """The batch noun that spreads acts over a stretch of time: "a series of talks", "weeks of
    negotiations"; None for one act ("a round of talks", "a package of sanctions")."""
    head = noun.head
    if noun.dep_ in syntax.PREPOSITION_OBJECTS and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
            head.head.lemma_.lower() in rules().stretch_heads:
        return head.head
    return None


def noun_is_setting(noun: Token) -> bool:
    """"at the summit", "during the talks": the event is where something else happens."""
    return noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS


def passive_subject(verb: Token) -> Token | None:
    found = syntax.children(verb, syntax.PASSIVE_SUBJECTS)
    if found:
        return found[0]
    if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and \
            not syntax.children(verb, syntax.SUBJECTS):
        return passive_subject(verb.head)  # "was arrested and was released on bail": the same person
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}:
        return verb.head  # "troops deployed near the border": the troops were deployed
    return None


def prepositional_objects(token: Token, prepositions: Iterable[str]) -> Iterable[Token]:
    """The objects of the token's prepositions of these ("an attack on the plans": plans)."""
    wanted = set(prepositions)
    for child in token.children:
        if (child.dep_ in syntax.PREPOSITIONS or child.dep_ in syntax.INDIRECT_OBJECTS) and child.lower_ in wanted:
            yield from syntax.children(child, syntax.PREPOSITION_OBJECTS)
        if child.dep_ == "prt":  # "pull out of": the preposition hangs off the particle
            yield from prepositional_objects(child, wanted)


def target_of(trigger: Token, plover: str, *, passive: Token | None = None) -> Token | None:
    """Whom the act is aimed at, first found of: the passive subject (or, when it is no actor, the
    type's preposition, then its owner); an object
    that is an actor; the object of the type's preposition ("talks with", "aid to", "sanctions
    on"), before an object's owner, since "delivered Washington's reply to Moscow" is aimed at
    Moscow; the type's preposition inside the object ("responses to Russia('s demands)"); the
    object's owner ("rejected Moscow's demands"); the owner of the preposition's object; the
    type's preposition one phrase down ("replied in writing to Russia")."""
    prepositions = rules().target_prepositions.get(plover, ())
    if passive is not None:
        if is_actor(passive):
            return passive
        # "the document submitted by the ambassador to the ministry": the ministry, not the document's owner
        aimed = [pobj for pobj in prepositional_objects(trigger, prepositions) if is_actor(pobj)]
        return aimed[0] if aimed else owner(passive)
    objects = syntax.children(trigger, syntax.DIRECT_OBJECTS | syntax.INDIRECT_OBJECTS)
    prepositional = list(prepositional_objects(trigger, prepositions))
    for candidate in [*objects, *prepositional]:
        if is_actor(candidate):
            return candidate
    for obj in objects:
        for inner in prepositional_objects(obj, prepositions):
            if is_actor(inner) or (inner := owner(inner)) is not None:
                return inner
        if (found := owner(obj)) is not None:
            return found
    for obj in prepositional:
        if (found := owner(obj)) is not None:
            return found
    for setting in prepositional_objects(trigger, {child.lower_ for child in trigger.children}):
        for inner in prepositional_objects(setting, prepositions):
            if is_actor(inner):
                return inner
    return None


def faced_by_forces(trigger: Token, plover: str) -> Token | None:
    """Whom moved forces face: the actor named where they go ("deployed troops to Poland"), or
    whose frontier it is ("massed troops close to the Ukrainian border", "near the border with
    Ukraine"). The type's prepositions are read off the trigger, its object and its adverbs."""
    prepositions = rules().target_prepositions.get(plover, ())
    places = [trigger, *syntax.children(trigger, syntax.DIRECT_OBJECTS),
              *(child for child in trigger.children if child.dep_ in {"advmod", "amod"})]
    for place in places:
        for pobj in prepositional_objects(place, prepositions):
            if is_actor(pobj):
                return pobj
            if pobj.lower_ in rules().frontier_nouns:
                beyond = [inner for inner in prepositional_objects(pobj, {"with"}) if is_actor(inner)]
                if beyond or (beyond := [found] if (found := owner(pobj)) is not None else []):
                    return beyond[0]
    return None


def location_of(trigger: Token) -> CharSpan | None:
    """A place the clause names with "in"/"at": "met in Geneva"."""
    for obj in prepositional_objects(trigger, LOCATIVE_PREPOSITIONS):
        if obj.ent_type_ in PLACE_ENTITIES:
            return actor_span(obj)
    return None


def dates_in(text: Doc | Span) -> list[Span]:
    """The date expressions of an article or a stretch of it."""
    return [ent for ent in text.ents if ent.label_ in DATE_ENTITIES]


def date_of(trigger: Token, dates: list[Span]) -> Span | None:
    """The date expression of the trigger's clause ("on Wednesday", "in 2008"), else the only
    date of the sentence (`dates`: dates_in the trigger's sentence) that no other verb governs."""
    if not dates:
        return None  # most sentences: no date, and the clause is not walked
    clause = {t.i for t in trigger.subtree}
    inside = [ent for ent in dates if ent.root.i in clause and _governing_verb(ent.root) in {trigger, None}]
    if inside:
        return inside[0]
    # a date a verb below the trigger governs is that verb's ("replied to demands the Kremlin put
    # forward in December", "promised to meet in two weeks"); one governed from above is the
    # trigger's own when the trigger is a noun ("his talks in Geneva on Friday")
    inside = [ent for ent in dates if ent.root.i in clause
              and (verb := _governing_verb(ent.root)) is not None and verb.i not in clause]
    if inside:
        return inside[0]
    free = [ent for ent in dates if _governing_verb(ent.root) in {None, trigger}]
    return free[0] if len(dates) == 1 and free else None


def _governing_verb(token: Token) -> Token | None:
    for ancestor in syntax.ancestors_until_sentence_root(token):
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None
