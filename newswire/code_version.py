"""What a cached result depends on: the package's modules that a stage's code imports, found by
reading their import statements, and the data files those modules name.

Hand-kept lists of sources went wrong both ways: a helper module added and not listed was not
part of the version (its edits served stale cache entries), and a whole package listed made an
edit to corpus-level code (actor resolution, event merging) re-run every article's extraction.
Reading the imports is exact for this package, which imports its own modules statically
(no importlib calls, no __import__). A name taken from a package's __init__ that only re-exports
it is followed to the module that defines it, so importing `find_marked` from `newswire.quotes`
depends on `quotes/marks.py`, not on every module the package's __init__ imports.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
# a string constant naming a data file: "events/coding.json", "cue_verbs.json", "data/places.json"
_DATA_FILE_NAME = re.compile(r"(?:data/)?[\w-]+(?:/[\w-]+)*\.(?:json|txt|csv)")


def module_file(module: str) -> Path | None:
    """The file of a module of this package (a package's __init__.py), None for any other module."""
    root, _, rest = module.partition(".")
    if root != PACKAGE.name:
        return None
    base = PACKAGE.joinpath(*rest.split(".")) if rest else PACKAGE
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@lru_cache(maxsize=None)
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@lru_cache(maxsize=None)
def _reexports(path: Path) -> dict[str, tuple[str, str]]:
    """Names a module binds by a top-level `from M import n [as alias]`: alias -> (M, n)."""
    return {alias.asname or alias.name: (_absolute(path, node), alias.name)
            for node in _tree(path).body if isinstance(node, ast.ImportFrom)
            for alias in node.names if alias.name != "*"}


def _files_of_import(module: str, name: str, seen: frozenset[tuple[str, str]] = frozenset()) -> list[Path]:
    """The files whose code `from module import name` brings in."""
    if (submodule := module_file(f"{module}.{name}")) is not None:
        return [submodule]
    path = module_file(module)
    if path is None or (module, name) in seen:
        return []
    origin = _reexports(path).get(name)
    if origin is not None and path.name == "__init__.py":
        return _files_of_import(*origin, seen | {(module, name)})
    return [path]


def _imported_files(path: Path) -> Iterator[Path]:
    for node in ast.walk(_tree(path)):  # function-level imports too: they run when the function does
        if isinstance(node, ast.Import):
            yield from filter(None, (module_file(alias.name) for alias in node.names))
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(path, node)
            for alias in node.names:
                yield from ([module_file(module)] if alias.name == "*" and module_file(module) else
                            _files_of_import(module, alias.name))


def _data_files(path: Path) -> Iterator[Path]:
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _DATA_FILE_NAME.fullmatch(node.value):
            name = node.value.removeprefix("data/")
            if (DATA / name).is_file():
                yield DATA / name


def code_files(modules: Iterable[str]) -> list[Path]:
    """The package's modules these modules run (transitively) and the data files they name, sorted."""
    pending = [path for path in map(module_file, modules) if path is not None]
    found: set[Path] = set()
    while pending:
        path = pending.pop()
        if path in found:
            continue
        found.add(path)
        pending.extend(_imported_files(path))
    return sorted(found | {data for path in found for data in _data_files(path)})


def code_version(modules: Iterable[str], *extra: str) -> str:
    """A hash of the code and data files of these modules (and of any extra identity strings)."""
    digest = hashlib.sha256()
    for text in extra:
        digest.update(text.encode() + b"\0")
    for path in code_files(modules):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
