"""Which resolved pronouns become mentions of their actor.

The quote stage needs a speaker for every "he said" and takes the best guess (speakers.py);
the actors table needs only mentions that surely refer to the actor. A pronoun is listed when
its antecedent is clear: a person named in its own or the previous sentence, the only person
of its gender there, with a known gender, no reporter, and no quotation of someone else's
between them ("BBC correspondent Paul Reynolds ... the letter said: "...". He added:"); a
plural pronoun only for a people ("the French ... they"); "it" only for an organisation or place
that is the subject of its clause in the same or the previous sentence; never "we" or "I", who
are the quotation's speaker whoever the text named last.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newswire.actors.lexicon import PLURAL_PRONOUNS, REPORTER_ROLES
from newswire.actors.records import LocalMention
from newswire.actors.sentences import sentence_start
from newswire.gazetteer import fold

if TYPE_CHECKING:
    from newswire.actors.corpus import Corpus

FIRST_PERSON = frozenset({"we", "i"})
_QUOTED = re.compile(r"\u201c[^\u201d\n]*(?:\u201d|(?=\n))|\"[^\"\n]*\"")


def _window_start(text: str, position: int) -> int:
    """Where the sentence before the pronoun's own starts."""
    own = sentence_start(text, position)
    return sentence_start(text, max(0, own - 1)) if own else 0


def _quoted_between(text: str, best: LocalMention, start: int) -> bool:
    """A quotation lies between the antecedent and the pronoun that does not open in the
    antecedent's own sentence: it may be someone else's."""
    home = sentence_start(text, best.start)
    return any(quote.start() > best.end and sentence_start(text, quote.start()) != home
               for quote in _QUOTED.finditer(text, best.end, start))


def _reporter(corpus: Corpus, key: str) -> bool:
    return any(word in REPORTER_ROLES for role in corpus.roles.get(key, []) for word in fold(role).split())


def _clear_person(corpus: Corpus, text: str, start: int, best: LocalMention, earlier: list[LocalMention]) -> bool:
    window = _window_start(text, start)
    key = corpus.canonical(best.key)
    people = {corpus.canonical(m.key) for m in earlier if m.type == "PERSON" and window <= m.start < start}
    return best.start >= window and people == {key} and corpus.gender(key) is not None \
        and not _reporter(corpus, key) and not _quoted_between(text, best, start)


def listed(corpus: Corpus, text: str, start: int, surface: str, best: LocalMention,
           earlier: list[LocalMention]) -> bool:
    """The pronoun at start, resolved to the antecedent mention best, is listed among the
    mentions of best's actor; earlier: the mentions that agree with it before it."""
    pronoun = surface.lower()
    if pronoun in FIRST_PERSON:
        return False
    if pronoun in PLURAL_PRONOUNS:
        return best.type == "NORP"
    if best.type == "PERSON":
        return _clear_person(corpus, text, start, best, earlier)
    return _clear_thing(text, start, best)


def _clear_thing(text: str, start: int, best: LocalMention) -> bool:
    """"it" for an organisation or a place: only when the antecedent is the subject of its clause in
    the pronoun's own or the previous sentence ("Yukos has said it will sue"); a nation named as a
    modifier ("The US company invited anyone to submit it") or a name sentences away is no clear
    antecedent of an "it" that may stand for any thing."""
    return best.subject and best.start >= _window_start(text, start) and not _quoted_between(text, best, start)
