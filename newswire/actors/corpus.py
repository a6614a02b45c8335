"""One actor per real-world entity across the corpus: spelling variants and transliterations of
a person merge (guarded by surname, type and country), bare surnames join the one person of that
surname, acronyms join the organisation introduced with them; descriptions and speakers resolve
against the merged knowledge; `tables()` gives actor rows and mention rows."""

from __future__ import annotations

from bisect import insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pycountry

from newswire.actors import speakers
from newswire.actors.descriptions import match_description
from newswire.actors.gender import agreed, person_gender
from newswire.actors.institutions import qualified_keys, unqualified_owner
from newswire.actors.names import may_be, person_groups, person_key
from newswire.actors.evidence import ORGANISATION_WORDS
from newswire.actors.lexicon import PEER_TITLES
from newswire.actors.records import NAME_KINDS, Actor, ArticleEntities, Description, LocalMention
from newswire.actors.roles import most_specific
from newswire.actors.sectors import sector_of_phrase, sector_of_roles
from newswire.data import load as load_data
from newswire.gazetteer import (LEADING_ARTICLE, Organisation, Place, fold, gazetteer, lookup_place, name_key, org_key,
                                organisation)
from newswire.registry import IdRegistry
from newswire.text import stable_hash

# The mentions table's columns, in the order Corpus.tables gives them.
MENTION_COLUMNS = ("mention_id", "article_id", "actor_id", "text", "start", "end", "kind")
# A bare surname joins the leading person of that surname when it has this share of mentions.
DOMINANT_SHARE = 0.8
# Longest organisation name taken for a person's full name ("Ewan McGregor" labelled ORG).
MAX_NAME_WORDS = 3
# a word opening people's two-word names with this many different last words is a given name of the corpus
CORPUS_GIVEN_NAME_SURNAMES = 3
# a mention typed by the words around it counts as this many more mentions typed by the model alone
CONTEXT_TYPED_WEIGHT = 3
# the label the article's context votes give (ArticleEntities.typed_by_context) of each key prefix of one-word names
_LABEL_OF_KEY = {"PERSON": "PERSON", "ORG": "ORG", "CITY": "GPE"}


def iso3(code: str | None) -> str | None:
    """The code when it is an ISO 3166 alpha-3 country, current or historic (SUN), else None."""
    if code and code.isupper() and (pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)):
        return code
    return None


@dataclass
class CountryJournal:
    """What a stretch of resolution read of the actors' country votes (Corpus.country_votes) and
    placed (Corpus.place), in order, with each placed key's votes before its first placing there
    (None: it had none)."""
    read: set[str] = field(default_factory=set)
    placed: list[tuple[str, str]] = field(default_factory=list)
    before: dict[str, Counter | None] = field(default_factory=dict)


@dataclass
class ArticleResolution:
    """Some articles' own resolution state: how many mentions had been resolved in each (held), those
    resolved after them (extra: Corpus.resolved_since; empty in Corpus.article_state's), the
    unnamed speakers they remembered ("a senior official", for a later "the official") and the
    pronouns they left unlisted."""
    held: dict[str, int]
    extra: dict[str, list[LocalMention]]
    unnamed: dict[tuple[str, str], LocalMention]
    unlisted: set[tuple[str, int, int]]


class Corpus:
    """Every article's entities, canonicalised: one key per real-world actor.

    Build it once over all articles; then `resolve_speakers` serves the quote stage and
    `tables` gives the actors and mentions rows.
    """

    def __init__(self, articles: Sequence[tuple[str, ArticleEntities]], credits: Sequence[tuple[str, list[str]]] = (),
                 registry: IdRegistry | None = None):
        """registry: ids of earlier releases to keep (updated in place: save it after publishing);
        None gives every actor the content hash of its canonical key."""
        self.articles = {article_id: entities for article_id, entities in articles}
        self.registry = registry
        self._ids: dict[str, str] = {}
        self.credits = list(credits)
        person_keys = {m.key for e in self.articles.values() for m in e.mentions if m.type == "PERSON"}
        self.known_keys = {m.key for e in self.articles.values() for m in e.mentions}
        self.groups = person_groups(person_keys, _single_countries(self.articles.values()))
        self.name_forms: dict[str, list[str]] = defaultdict(list)  # key -> honorific forms written ("Mrs Clinton")
        self.retyped: dict[str, str] = {}  # key of a one-word name -> the type of the actor of another type it joined
        self.local_roles: dict[str, list[str]] = defaultdict(list)
        for entities in self.articles.values():
            for key, forms in entities.aliases.items():
                self.name_forms[key].extend(forms)
            for key, article_roles in entities.roles.items():
                self.local_roles[key].extend(article_roles)
        self._attach_lone_surnames(person_keys)
        self._attach_full_names_typed_org(person_keys)
        self._attach_one_word_names_across_types()
        self._attach_acronyms()
        self._attach_unqualified_institutions()
        self.groups = _flattened(self.groups)
        self.roles, self.countries = self._roles_and_countries()
        self.extra: dict[str, list[LocalMention]] = defaultdict(list)  # resolved descriptions and speakers
        self.unnamed: dict[tuple[str, str], LocalMention] = {}  # (article, head noun) -> who "an official" stood for
        self.unlisted: set[tuple[str, int, int]] = set()  # (article, start, end) of pronouns resolved by a distant guess
        self._by_start: dict[str, tuple[int, list[LocalMention]]] = {}  # see mentions_by_start
        self._genders: dict[str, str | None] | None = None
        self.journal: CountryJournal | None = None  # see place
        self._resolve_descriptions()
        self._members: dict[str, set[str]] = defaultdict(set)
        for key in self.known_keys | set(self.groups):
            self._members[self.canonical(key)].add(key)
        if registry is not None:
            for canonical in sorted(self._members):  # sorted: the same ids whatever the article order
                self.actor_id(canonical)

    def _roles_and_countries(self) -> tuple[dict[str, list[str]], dict[str, Counter]]:
        """Per actor (canonical key): its roles, each once, in the order the articles give them,
        and how many times the articles place it in each country."""
        roles: dict[str, list[str]] = defaultdict(list)
        countries: dict[str, Counter] = defaultdict(Counter)
        for entities in self.articles.values():
            for key, country in entities.countries.items():
                countries[self.canonical(key)][country] += 1
            for key, article_roles in entities.roles.items():
                for role in article_roles:
                    if role not in roles[self.canonical(key)]:
                        roles[self.canonical(key)].append(role)
        return roles, countries

    def _resolve_descriptions(self) -> None:
        """A description ("the Norwegian politician") that stands for a person named in its
        article becomes a mention of that person."""
        for article_id, entities in self.articles.items():
            for description in entities.descriptions:
                if (mention := self.resolve_description(article_id, description)) is not None:
                    self.extra[article_id].append(mention)

    def _attach_lone_surnames(self, person_keys: set[str]) -> None:
        """A lone surname joins the dominant person of that surname across the corpus."""
        totals = Counter(self.groups.get(m.key, m.key) for e in self.articles.values() for m in e.mentions)
        owners: dict[str, Counter] = defaultdict(Counter)
        members: dict[str, list[str]] = defaultdict(list)
        for key, root in self.groups.items():
            owners[key.removeprefix("PERSON:").split("|")[0]][root] += totals[root]
            members[root].append(key)
        # the small model often labels a lone surname ORG or GPE ("Lavrov said"): a one-word
        # organisation or place the gazetteer does not know, spelt like a known surname, is that person;
        # a place it knows never is ("London" is not "Michael London")
        lone_words = {m.key for e in self.articles.values() for m in e.mentions
                      if m.type in {"ORG", "GPE"} and m.kind == "name" and " " not in m.text
                      and m.key in {org_key(m.text), f"CITY:{m.text}"} and lookup_place(m.text) is None}
        for key in sorted(person_keys | lone_words):
            if key.startswith("PERSON:"):
                surname, given = key.removeprefix("PERSON:").split("|")
            else:
                surname, given = name_key(key.split(":", 1)[1]), ""
            if given or key in self.groups or not owners.get(surname):
                continue
            (top, count), total = owners[surname].most_common(1)[0], sum(owners[surname].values())
            top_forms = [form for member in members[top] for form in self.name_forms[member]]
            top_roles = [role for member in members[top] for role in self.local_roles[member]]
            if _peer(self.name_forms[key]) and not _peer(top_forms):
                continue  # "Lord Ashcroft" in one article is not the columnist Dan Ashcroft of another
            if count / total >= DOMINANT_SHARE and may_be(top, self.name_forms[key] + self.local_roles[key], top_forms, top_roles):
                self.groups[key] = top

    def _attach_full_names_typed_org(self, person_keys: set[str]) -> None:
        """"Ewan McGregor" labelled ORG in one article is the person "Ewan McGregor" of others: an
        organisation key spelt as a full name of the corpus's people joins that person when the
        people's mentions of the name are at least as many as the organisation's."""
        counts = Counter(m.key for e in self.articles.values() for m in e.mentions)
        names = {m.key: m.text for e in self.articles.values() for m in e.mentions
                 if m.type == "ORG" and m.kind == "name" and m.key == org_key(m.text)}
        given_names = self._given_names_of_the_corpus()
        typed_org = {name for e in self.articles.values() for name, label in e.typed_by_context.items() if label == "ORG"}
        for key, text in sorted(names.items()):
            words = text.split()
            if not 2 <= len(words) <= MAX_NAME_WORDS or not all(word[:1].isupper() for word in words):
                continue
            person = person_key(words[-1], " ".join(words[:-1]))
            if person in person_keys and key not in self.groups and counts[person] >= counts[key]:
                self.groups[key] = self.groups.get(person, person)
            elif len(words) == 2 and fold(words[0]) in given_names and fold(text) not in typed_org \
                    and all(word.isalpha() and word.lower() not in ORGANISATION_WORDS for word in words):
                # "Mervyn Davies" labelled ORG, where the corpus also names Mervyn King and Mervyn Jones: a person
                self.groups[key] = person
                self.retyped[key] = "PERSON"

    def _given_names_of_the_corpus(self) -> set[str]:
        """First words of two-word names that open at least CORPUS_GIVEN_NAME_SURNAMES people's names with
        different last words across the corpus, and more than twice as many as names the model labels
        otherwise: given names no list holds ("Mervyn", "Gareth", "Rhodri")."""
        people: dict[str, set[str]] = defaultdict(set)
        otherwise: dict[str, set[str]] = defaultdict(set)
        folded: dict[str, list[str]] = {}  # a name's words, folded once (names recur across the corpus)
        for entities in self.articles.values():
            for m in entities.mentions:
                if m.kind != "name":
                    continue
                if (words := folded.get(m.text)) is None:
                    words = folded[m.text] = fold(m.text).split()
                if len(words) == 2:
                    (people if m.type == "PERSON" else otherwise)[words[0]].add(words[1])
        return {word for word, found in people.items()
                if len(found) >= CORPUS_GIVEN_NAME_SURNAMES and len(found) > 2 * len(otherwise[word])}

    def _attach_one_word_names_across_types(self) -> None:
        """One word the model labels PERSON in some mentions and ORG or GPE in others ("Chelsea",
        "Juninho"), known to neither the gazetteer nor as a surname of the corpus's people: one
        actor, of the type most of its mentions have, where a mention whose type the words around it
        decided counts CONTEXT_TYPED_WEIGHT times more ("Russian oil firm Yukos" in 8 mentions outweighs
        21 bare "Yukos" the model calls a person; one list "such as Intel and Hewlett Packard" that
        reads like people does not outweigh six bare "Intel" the model calls a firm); a tie keeps both."""
        counts = Counter(m.key for e in self.articles.values() for m in e.mentions)
        by_word: dict[str, set[str]] = defaultdict(set)
        decided: dict[str, Counter] = defaultdict(Counter)  # word -> mentions whose context typed it, by key
        keys_of: dict[str, set[str]] = {}  # a word -> the keys it may have; none when a known place or organisation
        for entities in self.articles.values():
            for m in entities.mentions:
                if m.kind not in NAME_KINDS or " " in m.text:
                    continue
                if (possible := keys_of.get(m.text)) is None:
                    possible = keys_of[m.text] = set() if lookup_place(m.text) is not None or organisation(m.text) is not None \
                        else {org_key(m.text), f"CITY:{m.text}", f"PERSON:{name_key(m.text)}|"}
                if m.key in possible:
                    by_word[name_key(m.text)].add(m.key)
                    if entities.typed_by_context.get(fold(m.text)) == _LABEL_OF_KEY[m.key.split(":", 1)[0]]:
                        decided[name_key(m.text)][m.key] += 1
        for word, keys in by_word.items():
            if len(keys) < 2 or any(key in self.groups for key in keys) \
                    or len({key.split(":", 1)[0] for key in keys}) < 2 or not any(k.startswith("PERSON:") for k in keys):
                continue
            weight = {key: counts[key] + CONTEXT_TYPED_WEIGHT * decided[word][key] for key in keys}
            ranked = sorted(keys, key=lambda key: (-weight[key], key))
            if weight[ranked[0]] > weight[ranked[1]]:
                for key in ranked[1:]:
                    self.groups[key] = ranked[0]
                    self.retyped[key] = _LABEL_OF_KEY[ranked[0].split(":", 1)[0]]

    def _attach_acronyms(self) -> None:
        """"CDU" in one article is the "Christian Democratic Union (CDU)" of another, when only one
        organisation of the corpus was introduced with that acronym."""
        owners: dict[str, set[str]] = defaultdict(set)
        for entities in self.articles.values():
            for acronym, key in entities.acronyms.items():
                owners[org_key(acronym)].add(key)
        for acronym_key, keys in owners.items():
            if len(keys) == 1 and acronym_key not in keys:
                self.groups.setdefault(acronym_key, next(iter(keys)))

    def _attach_unqualified_institutions(self) -> None:
        """"the Senate" of one article is the "U.S. Senate" of others when every article using the
        bare name names the United States and no other country's Senate."""
        qualified = qualified_keys(self.known_keys)
        owners: dict[str, set[str | None]] = defaultdict(set)
        for entities in self.articles.values():
            countries = {m.key.split(":", 1)[1] for m in entities.mentions if m.key.split(":", 1)[0] in {"GPE", "NORP"}}
            for key in {m.key for m in entities.mentions if m.type == "ORG"}:
                if "|" not in key and key in qualified:
                    owners[key].add(unqualified_owner(key, qualified, countries))
        for key, found in owners.items():
            if len(found) == 1 and (owner := next(iter(found))) is not None:
                self.groups.setdefault(key, owner)

    def canonical(self, key: str) -> str:
        return self.groups.get(key, key)

    def gender(self, key: str) -> str | None:
        """Gender of a canonical person key, agreed over every name form of the person."""
        return self.genders().get(key)

    def genders(self) -> dict[str, str | None]:
        """Canonical person key -> gender, agreed over every name form of the person; built at the
        first question (resolution asks it for pronouns)."""
        if self._genders is None:
            found: dict[str, list[str | None]] = defaultdict(list)
            for member in {m.key for e in self.articles.values() for m in e.mentions if m.type == "PERSON"}:
                found[self.canonical(member)].append(person_gender(member, self.name_forms.get(member, [])))
            self._genders = {root: agreed(genders) for root, genders in found.items()}
        return self._genders

    def country(self, key: str) -> str | None:
        counts = self.country_votes(key)
        return counts.most_common(1)[0][0] if counts else None

    def country_votes(self, key: str) -> Counter | None:
        """How many times the articles (and resolution so far) place an actor in each country."""
        if self.journal is not None:
            self.journal.read.add(key)
        return self.countries.get(key)

    def place(self, key: str, country: str) -> None:
        """One more statement placing an actor in a country, made while resolving ("the Norwegian
        politician", "the Russian foreign ministry"): later resolution in other articles reads it.
        With a journal (newswire.split_resolution), what was read and placed is kept in it."""
        if self.journal is not None:
            self.journal.placed.append((key, country))
            self.journal.before.setdefault(key, Counter(self.countries[key]) if key in self.countries else None)
        self.countries[key][country] += 1

    def _people(self, article_id: str, before: int | None = None) -> tuple[dict[str, list[int]], set[str]]:
        persons: dict[str, list[int]] = defaultdict(list)
        subjects: set[str] = set()
        mentions = self.articles[article_id].mentions + self.extra.get(article_id, [])
        for mention in mentions:
            if mention.type == "PERSON":
                key = self.canonical(mention.key)
                persons[key].append(mention.start)
                if mention.subject and before is not None and mention.start < before:
                    subjects.add(key)
        return persons, subjects

    def mentions_by_start(self, article_id: str) -> list[LocalMention]:
        """The article's mentions and those resolved in it since (extra), in the order
        sorted(mentions + extra, key=start) gives. Every speaker of the article asks, so the order
        is kept per article (with how many of extra it holds) and extra's later mentions, which are
        only ever appended, are put in after those of the same start, where the stable sort puts
        them. A copy: the caller's list is its own."""
        extra = self.extra.get(article_id, [])
        held, ordered = self._by_start.get(article_id, (0, None))
        if ordered is None:
            ordered = sorted(self.articles[article_id].mentions + extra, key=_start)
        else:
            for mention in extra[held:]:
                insort(ordered, mention, key=_start)
        self._by_start[article_id] = (len(extra), ordered)
        return list(ordered)

    def resolve_description(self, article_id: str, description: Description) -> LocalMention | None:
        """The mention of the person a description of this article means, or None."""
        persons, subjects = self._people(article_id, before=description.start)
        countries = {key: c for key in persons if (c := self.country(key))}
        key = match_description(description, persons, self.roles, countries, subjects)
        if key is None:
            return None
        if description.country and key not in countries:
            self.place(key, description.country)  # "the Norwegian politician" states a nationality
        return LocalMention(description.start, description.end, description.text, "PERSON", "title", key,
                            description.subject)

    def resolve_speakers(self, article_id: str, text: str, start: int, end: int) -> list[LocalMention]:
        """The actors a speaker expression refers to: a name ("Lavrov"), a pronoun ("he"), a
        description ("the diplomat", "the US newspaper", "Russian officials") or a coordination
        of names ("The United States and NATO", one actor each). Empty when unresolved.

        Pronouns and descriptions resolved here are remembered as mentions of their actor.
        """
        return speakers.resolve_speakers(self, article_id, text, start, end)

    def article_state(self, article_ids: Iterable[str]) -> ArticleResolution:
        """These articles' resolution state as it is now (to go back to, or to add to: restore,
        resolved_since)."""
        ids = set(article_ids)
        return ArticleResolution({a: len(self.extra.get(a, ())) for a in ids}, {},
                                 {k: v for k, v in self.unnamed.items() if k[0] in ids},
                                 {u for u in self.unlisted if u[0] in ids})

    def resolved_since(self, state: ArticleResolution) -> ArticleResolution:
        """What resolution added to the articles of state since it was taken (extra: the new mentions)."""
        return ArticleResolution(state.held, {a: self.extra[a][held:] for a, held in state.held.items()
                                              if len(self.extra.get(a, ())) > held},
                                 {k: v for k, v in self.unnamed.items() if k[0] in state.held},
                                 {u for u in self.unlisted if u[0] in state.held})

    def adopt(self, resolved: ArticleResolution) -> None:
        """Take on what resolution elsewhere (a forked child) added to articles this process left
        alone (resolved_since)."""
        for article_id, mentions in resolved.extra.items():
            self.extra[article_id].extend(mentions)
        self.unnamed.update(resolved.unnamed)
        self.unlisted |= resolved.unlisted

    def restore(self, state: ArticleResolution) -> None:
        """The articles' resolution state back as it was when taken (article_state)."""
        for article_id, held in state.held.items():
            if article_id in self.extra:
                del self.extra[article_id][held:]
            self._by_start.pop(article_id, None)
        self.unnamed = {k: v for k, v in self.unnamed.items() if k[0] not in state.held} | state.unnamed
        self.unlisted = {u for u in self.unlisted if u[0] not in state.held} | state.unlisted

    def unplace(self, journals: Sequence[CountryJournal]) -> None:
        """The country votes back as they were before the journals' placings (the first journal
        to place a key knows its votes before)."""
        before: dict[str, Counter | None] = {}
        for journal in journals:
            for key, votes in journal.before.items():
                before.setdefault(key, votes)
        for key, votes in before.items():
            if votes is None:
                self.countries.pop(key, None)
            else:
                self.countries[key] = Counter(votes)  # in its place among the keys

    def replay(self, journals: Sequence[CountryJournal]) -> None:
        """The journals' placings, in order (after unplace: as resolving in that order places them)."""
        for journal in journals:
            for key, country in journal.placed:
                self.countries[key][country] += 1

    def actor_id(self, key: str) -> str:
        """The id of the actor a key belongs to: from the registry when there is one."""
        canonical = self.canonical(key)
        if canonical not in self._ids:
            fresh_id = stable_hash("actor", canonical)  # the id without a registry: its canonical key's hash
            self._ids[canonical] = fresh_id if self.registry is None else \
                self.registry.assign(fresh_id, self._members.get(canonical, set()) | {canonical})
        return self._ids[canonical]

    def tables(self) -> tuple[list[Actor], dict[str, list]]:
        """(actors, mention rows as columns: each of MENTION_COLUMNS -> its values, a mention each);
        every mention's actor is among the actors."""
        tally, rows = self._tally_mentions()
        for key in tally.surfaces:
            if key.startswith("CITY:"):
                tally.types[key]["GPE"] += 0  # a capital named only for its government still has its row
        self._tally_credits(tally)
        country_places = {p.key: p for p in gazetteer()["country_names"].values()}
        organisations = gazetteer()["org_entries"]
        return [self._actor(key, tally, country_places, organisations) for key in sorted(tally.types)], rows

    def _tally_mentions(self) -> tuple[_Tally, dict[str, list]]:
        """What the articles' names and mentions say of each actor, and one row per mention (the
        first of the mentions at the same place), as columns: a frame is made of ~55,000 rows
        (the BBC corpus) ~0.07 s sooner from columns than from a dict per row."""
        tally = _Tally()
        rows: dict[str, list] = {name: [] for name in MENTION_COLUMNS}
        mention_ids, article_ids, actor_ids, texts, starts, ends, kinds = (rows[name].append for name in MENTION_COLUMNS)
        # the loop runs once a mention (~115,000 over the BBC corpus, in every run's corpus
        # resolution): lookups bound once, each actor's id asked once (in the order of first
        # mention, as the registry assigns them), places seen kept per article
        canonical, retyped, unlisted = self.groups.get, self.retyped.get, self.unlisted
        types, surfaces, references = tally.types, tally.surfaces, tally.references
        mention_count, article_sets = tally.mention_count, tally.article_sets
        ids: dict[str, str] = {}
        for article_id, entities in self.articles.items():
            for key, name in entities.names.items():
                tally.display[canonical(key, key)][name] += 1
            for key, forms in entities.aliases.items():
                surfaces[canonical(key, key)].update({form: 0 for form in forms})
            seen = set()
            for mention in entities.mentions + self.extra.get(article_id, []):
                start, end = mention.start, mention.end
                if (start, end) in seen or (article_id, start, end) in unlisted:
                    continue
                seen.add((start, end))
                key = canonical(mention.key, mention.key)
                types[key][retyped(mention.key, mention.type)] += 1
                mention_count[key] += 1
                article_sets[key].add(article_id)
                if mention.kind in NAME_KINDS:
                    surfaces[key][mention.text] += 1
                else:
                    references[key].add(mention.text)
                actor_id = ids.get(key)
                if actor_id is None:
                    actor_id = ids[key] = self.actor_id(key)
                mention_ids(stable_hash(article_id, str(start), str(end)))
                article_ids(article_id)
                actor_ids(actor_id)
                texts(mention.text)
                starts(start)
                ends(end)
                kinds(mention.kind)
        return tally, rows

    def _tally_credits(self, tally: _Tally) -> None:
        """The agencies an article credits are actors of that article, with no mention in its text."""
        agencies = load_data("agencies.json")
        for article_id, names in self.credits:
            for agency in names:
                entry = agencies.get(agency.upper().rstrip("."), {"name": agency, "country": None})
                # an agency the gazetteer knows as an institution (the BBC) is that institution
                key = f"ORG:{canonical}" if (canonical := organisation(entry["name"])) else org_key(entry["name"])
                tally.types[key]["ORG"] += 0
                tally.article_sets[key].add(article_id)
                tally.display[key][entry["name"]] += 1
                if entry["country"] and not self.countries[key]:
                    self.countries[key][entry["country"]] += 1

    def _actor(self, key: str, tally: _Tally, country_places: dict[str, Place],
               organisations: dict[str, Organisation]) -> Actor:
        type_ = "PERSON" if key.startswith("PERSON:") else (
            max(tally.types[key].items(), key=lambda kv: (kv[1], kv[0]))[0] if tally.types[key] else key.split(":")[0])
        name = _actor_name(key, type_, tally.display[key] + tally.surfaces[key], country_places, organisations)
        surfaces = tally.surfaces[key]
        aliases = set(surfaces) | {name} if key.startswith("ORG:") and not surfaces else set(surfaces)
        aliases |= {LEADING_ARTICLE.sub("", a) for a in aliases}
        institution = organisations.get(key.removeprefix("ORG:"))
        if key in country_places:
            country = country_places[key].country
        elif institution is not None and institution.country:
            country = institution.country
        else:
            country = self.country(key)
        roles = most_specific(self.roles.get(key, []))
        return Actor(
            actor_id=self.actor_id(key), name=name, type=type_, aliases=sorted(aliases),
            references=sorted(tally.references[key]), roles=roles, country=iso3(country),
            sector=_actor_sector(key, type_, name, roles, institution),
            mention_count=tally.mention_count[key], article_count=len(tally.article_sets[key]))


@dataclass
class _Tally:
    """What the corpus says of each actor (canonical key), for its row."""

    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # its names as written
    references: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # "the minister", "he"
    types: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # PERSON, ORG, GPE, NORP
    mention_count: Counter = field(default_factory=Counter)
    article_sets: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    display: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # each article's best name


def _peer(forms: list[str]) -> bool:
    """A name written with a peer's title ("Lord Ashcroft"): peers are named by it, so a lone surname
    so written joins, across articles, only a person also written with one (PEER_TITLES)."""
    return any(form.split()[0].lower() in PEER_TITLES for form in forms if form.strip())


def _start(mention: LocalMention) -> int:
    return mention.start


def _single_countries(articles: Iterable[ArticleEntities]) -> dict[str, str]:
    """key -> country, for the keys every article places in the same one country."""
    local_countries: dict[str, set[str]] = defaultdict(set)
    for entities in articles:
        for key, country in entities.countries.items():
            local_countries[key].add(country)
    return {k: next(iter(v)) for k, v in local_countries.items() if len(v) == 1}


def _actor_name(key: str, type_: str, spellings: Counter, country_places: dict[str, Place],
                organisations: dict[str, Organisation]) -> str:
    """A country's or a known organisation's own name; else the commonest spelling."""
    if key in country_places:
        return country_places[key].name
    if key.removeprefix("ORG:") in organisations:
        return key.removeprefix("ORG:")
    if type_ in {"PERSON", "ORG"} and (full := Counter({n: c for n, c in spellings.items() if len(n.split()) > 1})):
        spellings = full  # the commonest spelling of the full name, not a surname or an acronym
    return max(spellings.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if spellings else key.split(":", 1)[1]


def _actor_sector(key: str, type_: str, name: str, roles: list[str], institution: Organisation | None) -> str | None:
    if key.startswith("SECTOR:"):
        return key.rsplit("|", 1)[1]
    if institution is not None:
        return institution.sector
    return sector_of_roles(roles) if type_ == "PERSON" else (sector_of_phrase(name) if type_ == "ORG" else None)


def _flattened(groups: dict[str, str]) -> dict[str, str]:
    """Every key straight to its root. The attachment steps chain keys ("FCC" -> "Federal
    Communications Commission" -> the commission qualified by its country); a key left pointing
    at a middle link would get a row of its own that shares the root's id. A cycle, which no
    step should make, resolves to its smallest key."""
    flat: dict[str, str] = {}
    for key in groups:
        path, current = [key], groups[key]
        while current in groups and current not in path:
            path.append(current)
            current = groups[current]
        root = min(path[path.index(current):]) if current in path else current
        for member in path:
            if member != root:
                flat[member] = root
    return flat
