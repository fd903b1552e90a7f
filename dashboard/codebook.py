"""Publish the codebook in schema.py as datasets/datapackage.json and datasets/CODEBOOK.md."""

from __future__ import annotations

import json
from pathlib import Path

from dashboard.data.rules import ROW_RULES, ROW_RULES_PREFACE
from dashboard.schema import ARTICLES, CHANGELOG, LIST_SEPARATOR, TABLES, Field, Table

FRICTIONLESS_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "date": "date",
    "boolean": "boolean",
    "id_list": "string",
}


def field_descriptor(f: Field) -> dict:
    out: dict = {"name": f.name, "type": FRICTIONLESS_TYPES[f.type], "description": f.description}
    if f.type == "date":
        out["format"] = "%Y-%m-%d"
    if f.type == "boolean":
        out["trueValues"], out["falseValues"] = ["true"], ["false"]
    if f.unit:
        out["unit"] = f.unit
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.minimum is not None:
        constraints["minimum"] = f.minimum
    if f.maximum is not None:
        constraints["maximum"] = f.maximum
    if constraints:
        out["constraints"] = constraints
    if f.type == "id_list":
        out["format"] = "default"
        out["x-list-separator"] = LIST_SEPARATOR
    return out


def resource_descriptor(t: Table) -> dict:
    foreign = [
        {"fields": f.name, "reference": {"resource": f.ref, "fields": TABLES[f.ref].primary_key}}
        for f in t.fields
        if f.ref in TABLES and f.type != "id_list"
    ]
    schema: dict = {
        "fields": [field_descriptor(f) for f in t.fields],
        "primaryKey": t.primary_key,
        "missingValues": [""],
    }
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": t.name,
        "title": t.title,
        "description": t.description,
        "path": t.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(articles: list[dict]) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "nk-russia-arms-transfers",
        "title": "North Korean arms transfers and troop deployments to Russia, as reported",
        "description": "Events, transfers, places, actors and claims curated from news articles; "
        "every row cites the verbatim passage of its seed article.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "sources": [
            {
                "title": a["title"],
                "path": a["url"] or f"../seeds/{a['article_id']}.txt",
                "publisher": a["publisher"],
                "author": a["author"],
                "date_published": a["date_published"],
                "seed": f"../seeds/{a['article_id']}.txt",
                "sha256": a["sha256"],
            }
            for a in articles
        ],
        "resources": [resource_descriptor(t) for t in TABLES.values()],
        "x-seed-metadata": {
            "path": f"../{ARTICLES.path}",
            "description": ARTICLES.description,
            "schema": {"fields": [field_descriptor(f) for f in ARTICLES.fields]},
        },
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _field_rows(t: Table) -> list[str]:
    out = ["| column | type | required | unit | allowed values / references | meaning |"]
    out += ["|---|---|---|---|---|---|"]
    for f in t.fields:
        allowed = ", ".join(f"`{v}`" for v in f.enum) if f.enum else ""
        if f.ref:
            allowed = f"id in `{f.ref}.csv`" if f.ref in TABLES else "a seed's id"
        if f.pattern and not f.enum:
            allowed = (allowed + " " if allowed else "") + f"pattern `{f.pattern}`"
        if f.minimum is not None or f.maximum is not None:
            allowed += f" range {f.minimum:g}..{'' if f.maximum is None else f'{f.maximum:g}'}"
        req = "yes" if f.required else ""
        row = [f"`{f.name}`", f.type, req, f.unit or "", allowed.strip(), _cell(f.description)]
        out.append("| " + " | ".join(row) + " |")
    return out


def codebook_markdown() -> str:
    out = [
        "# Codebook",
        "",
        "Generated from `dashboard/schema.py` by `python -m dashboard codebook`; do not edit by hand.",
        "Empty cell = no value. Dates are ISO 8601 (`YYYY-MM-DD`). "
        f"Lists are `{LIST_SEPARATOR}`-separated ids.",
        "",
    ]
    for t in (*TABLES.values(), CHANGELOG):  # the changelog is described, not a resource
        out += [f"## {t.path} — {t.title}", "", t.description, ""]
        out += [f"Primary key: `{t.primary_key}`.", "", *_field_rows(t), ""]
    a = ARTICLES
    out += [f"## {a.path} — {a.title}", "", a.description, ""]
    out += ["Every field is present in every file; a field that is not required may be empty.", ""]
    out += _field_rows(a)
    return "\n".join(out + row_rules_markdown()) + "\n"


def row_rules_markdown() -> list[str]:
    """The validator's row rules (dashboard/data/rules), one line each."""
    out = ["", "## Row rules", "", *ROW_RULES_PREFACE, "", "| rule | severity | what it checks |"]
    out += ["|---|---|---|"]
    out += [f"| `{r.name}` | {r.severity} | {_cell(r.description)} |" for r in ROW_RULES]
    return out


def read_articles(seeds_dir: Path) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(seeds_dir.glob("*.json"))]


def render(seeds_dir: Path) -> dict[str, str]:
    """The files the codebook publishes, by name, as text."""
    package = json.dumps(datapackage(read_articles(seeds_dir)), indent=2, ensure_ascii=False)
    return {"datapackage.json": package + "\n", "CODEBOOK.md": codebook_markdown()}
