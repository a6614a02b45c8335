"""The date of an act from the expression its sentence gives ("on Wednesday", "Jan. 26",
"last December", "earlier this week"), relative to the article's publication date.

dateparser (with a relative base and past preference) resolves most expressions; the forms
it lacks or gets wrong are rewritten first, as data (newswire/data/events/dates.json). A
weekday equal to the publication weekday is the publication day (dateparser takes the week
before). Precision: day, week, month, year; an expression that names no time gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from newswire.data import load as load_data

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTHS, 1)} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DAY_NUMBER = re.compile(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b")
SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


@dataclass(frozen=True, order=True)
class ResolvedDate:
    day: date  # the day meant; for a week, a day in it; for a month or year, any day in it
    precision: str  # day, week, month, year

    @property
    def iso(self) -> str:
        return {"day": self.day.isoformat(), "week": self.day.isoformat(), "month": self.day.isoformat()[:7],
                "year": self.day.isoformat()[:4]}[self.precision]


@lru_cache(maxsize=1)
def _rules() -> dict[str, list[str]]:
    return load_data("events/dates.json")


def _words(text: str) -> str:
    text = re.sub(r"'s\b", "", text.lower().replace("\u2019", "'"))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text)).strip()


def _strip(expression: str) -> tuple[str, bool]:
    """The expression without leading prepositions; True when it named a part of a month."""
    rules = _rules()
    part = False
    changed = True
    while changed:
        changed = False
        for prefix in sorted(rules["strip_prefixes"] + rules["part_of_month"], key=len, reverse=True):
            if expression.startswith(prefix + " ") or prefix.endswith("-") and expression.startswith(prefix):
                expression = expression[len(prefix):].lstrip(" -")
                part = part or prefix in rules["part_of_month"]
                changed = True
    return expression, part


def _month_number(word: str) -> int | None:
    word = word.rstrip(".")
    return MONTH_ABBREVIATIONS.get(word[:4] if word.startswith("sept") else word[:3]) if word[:3] in MONTH_ABBREVIATIONS \
        and (word in MONTHS or len(word) <= 5) else None


def _last_month_named(month: int, base: date) -> date:
    year = base.year if month < base.month else base.year - 1
    return date(year, month, 1)


# Resolutions kept: the same expression and publication day always give the same date, and a
# served run's fork server resolves its corpus's once for all the runs it forks (newswire.served_memory).
RESOLVED_KEPT = 65536


@lru_cache(maxsize=RESOLVED_KEPT)
def resolve(expression: str | None, base: date | None) -> ResolvedDate | None:
    """The date an expression names, relative to base (the publication day); None when the
    expression names no particular time or needs a base that is missing."""
    if not expression:
        return None
    rules = _rules()
    text = _words(expression)
    if not text or text in rules["vague"]:
        return None
    explicit_year = YEAR.search(text)
    if base is None and explicit_year is None:
        return None
    if base is None:
        base = date(int(explicit_year.group(1)), 12, 31)
    text, part_of_month = _strip(text)
    if text in rules["this_week"] or text.startswith("this week"):
        return ResolvedDate(base, "week")
    if text in rules["weekend"] or text.endswith("weekend"):
        saturday = base - timedelta(days=(base.weekday() - 5) % 7 or 7)
        return ResolvedDate(saturday, "week")
    words = text.split()
    if words and words[0] == "last" and len(words) == 2 and (month := _month_number(words[1])) is not None:
        return ResolvedDate(_last_month_named(month, base), "month")
    if len(words) == 1 and words[0] in WEEKDAYS:
        back = (base.weekday() - WEEKDAYS.index(words[0])) % 7
        return ResolvedDate(base - timedelta(days=back), "day")
    # English only: guessing the language tries every locale's regexes (~0.15 s a call)
    parsed = dateparser.parse(text, languages=["en"], settings={**SETTINGS, "RELATIVE_BASE": datetime.combine(base, datetime.min.time())})
    if parsed is None:
        return None
    return ResolvedDate(parsed.date(), _precision(text, part_of_month, explicit_year is not None))


def _precision(text: str, part_of_month: bool, has_year: bool) -> str:
    rules = _rules()
    words = text.split()
    months = [w for w in words if _month_number(w) is not None]
    if any(w in WEEKDAYS for w in words) or any(phrase in text for phrase in rules["day_words"]):
        return "day"
    if months and not part_of_month and any(DAY_NUMBER.fullmatch(w) for w in words):
        return "day"
    if any(w in rules["week_words"] for w in words):
        return "week"
    if months or any(w in rules["month_words"] for w in words):
        return "month"
    if has_year or any(w in rules["year_words"] for w in words):
        return "year"
    return "day"


def compatible(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """Could two mentions' dates name the same act? Day against day: within a day (time
    zones); otherwise the coarser must contain the finer (a week: within six days)."""
    if a is None or b is None:
        return a is None and b is None
    if a.precision == "day" and b.precision == "day":
        return abs((a.day - b.day).days) <= 1
    coarse, fine = (a, b) if _rank(a) >= _rank(b) else (b, a)
    if coarse.precision == "week":
        return abs((coarse.day - fine.day).days) <= 6
    return fine.iso.startswith(coarse.iso) or coarse.iso.startswith(fine.iso)


def _rank(resolved: ResolvedDate) -> int:
    return ("day", "week", "month", "year").index(resolved.precision)
