"""The plain records the actor stages exchange: per-article mentions and descriptions
(cacheable as JSON), and actors across the corpus."""

from __future__ import annotations

from dataclasses import dataclass, field

# Mention kinds that are name forms (aliases) rather than references ("the diplomat", "he").
NAME_KINDS = {"name", "surname", "given_name"}


@dataclass(frozen=True)
class LocalMention:
    start: int  # offsets into the article text
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, NORP
    kind: str  # name, surname, given_name, title, metonym, pronoun
    key: str  # entity key, stable within the article (see names.person_key etc.)
    subject: bool = False  # the mention is the subject of its clause (salience for pronouns)


@dataclass(frozen=True)
class Description:
    """A definite description of a person ("the Secretary of State"), resolved across the corpus."""

    start: int
    end: int
    text: str
    head: str
    content: tuple[str, ...]
    country: str | None
    subject: bool


@dataclass
class ArticleEntities:
    """What one article says about its entities; plain data, cacheable as JSON."""

    mentions: list[LocalMention] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # key -> best surface name in the article
    roles: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    descriptions: list[Description] = field(default_factory=list)  # resolved by Corpus
    aliases: dict[str, list[str]] = field(default_factory=dict)  # name forms not kept as mentions ("Mr Scholz")
    acronyms: dict[str, str] = field(default_factory=dict)  # "CDU" -> key of "Christian Democratic Union"
    # folded name -> PERSON, ORG or GPE where the words around its mentions decided it ("firm Yukos": ORG)
    typed_by_context: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"mentions": [m.__dict__ for m in self.mentions], "names": self.names, "roles": self.roles,
                "countries": self.countries, "descriptions": [d.__dict__ for d in self.descriptions],
                "aliases": self.aliases, "acronyms": self.acronyms, "typed_by_context": self.typed_by_context}

    @classmethod
    def from_json(cls, data: dict) -> ArticleEntities:
        return cls([LocalMention(**m) for m in data["mentions"]], data["names"], data["roles"], data["countries"],
                   [Description(**{**d, "content": tuple(d["content"])}) for d in data["descriptions"]],
                   data["aliases"], data["acronyms"], data["typed_by_context"])


@dataclass
class Actor:
    actor_id: str
    name: str
    type: str
    aliases: list[str]
    references: list[str]
    roles: list[str]
    country: str | None
    sector: str | None
    mention_count: int
    article_count: int
