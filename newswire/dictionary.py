"""The data dictionary, generated from the pandera models in schemas/ (never written by hand)."""

from __future__ import annotations

from schemas import TABLES, arrow_schema


def data_dictionary() -> str:
    lines = []
    for table, spec in TABLES.items():
        lines += [f"### `{table}` (schema {spec.version}, key `{spec.key}`)", "", (spec.model.__doc__ or "").strip(), "",
                  "| column | Parquet type | nullable | description |", "|---|---|---|---|"]
        arrow = arrow_schema(spec.model, table, spec.version)
        for name, column in spec.model.to_schema().columns.items():
            description = (column.description or "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{name}` | {arrow.field(name).type} | {'yes' if column.nullable else 'no'} | {description} |")
        lines.append("")
    return "\n".join(lines)
