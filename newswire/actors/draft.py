"""Working state while one article's mentions are extracted."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newswire.actors.records import ArticleEntities, LocalMention
from newswire.actors.roles import is_title
from newswire.gazetteer import country_in


@dataclass
class Draft:
    text: str
    entities: ArticleEntities = field(default_factory=ArticleEntities)
    persons: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # key -> mention starts
    # lone names, resolved once every full name of the article is known: (mention, titles, honorific form)
    pending_single: list[tuple[LocalMention, list[str], str | None]] = field(default_factory=list)

    def add(self, mention: LocalMention, name: str | None = None) -> None:
        self.entities.mentions.append(mention)
        if name:
            current = self.entities.names.get(mention.key)
            if current is None or len(name) > len(current):
                self.entities.names[mention.key] = name

    def add_alias(self, key: str, alias: str) -> None:
        aliases = self.entities.aliases.setdefault(key, [])
        if alias not in aliases:
            aliases.append(alias)

    def add_role(self, key: str, role: str) -> None:
        role = re.sub(r"\s+", " ", role).strip(" ,")
        if not is_title(role):
            return
        roles = self.entities.roles.setdefault(key, [])
        if role and role not in roles:
            roles.append(role)
        # "US ambassador to Mexico" is American: the country after "to" is where the office points
        words = role.split()
        before_to = words[: words.index("to")] if "to" in words else words
        if (country := country_in(before_to)) and key not in self.entities.countries:
            self.entities.countries[key] = country
