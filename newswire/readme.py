"""Keep the README's data dictionary section equal to what the schemas generate."""

from __future__ import annotations

from pathlib import Path

from newswire.dictionary import data_dictionary

START, END = "<!-- dictionary:start -->", "<!-- dictionary:end -->"


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{data_dictionary()}{END}{tail}"


def update(path: Path) -> bool:
    """Rewrite the section in place; True when it changed."""
    current = path.read_text(encoding="utf-8")
    rendered = render(current)
    if rendered != current:
        path.write_text(rendered, encoding="utf-8")
    return rendered != current
