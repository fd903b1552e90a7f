"""Read the seed articles: their verbatim texts and their metadata."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.data.csvfile import decode_text, read_inside
from dashboard.data.parsing import EARLIEST, LATEST, OUT_OF_RANGE
from dashboard.data.problems import Problem
from dashboard.schema import ARTICLE_OPTIONAL_FIELDS, ARTICLES, Field


def seeds_dir_for(folder: Path) -> Path:
    """A dataset folder keeps its seeds in DIR/seeds, or beside it in DIR/../seeds as in the repo."""
    inside = folder / "seeds"
    return inside if inside.is_dir() else folder.parent / "seeds"


def read_seeds(
    folder: Path, problems: list[Problem]
) -> tuple[dict[str, str], pd.DataFrame, set[str]]:
    """Seed texts and metadata; and the ids of every article with metadata, its text readable or not."""
    seeds_dir = seeds_dir_for(folder)
    texts: dict[str, str] = {}
    metas = []
    ids: set[str] = set()
    empty = pd.DataFrame(columns=ARTICLES.columns)
    # The seeds folder itself may be a link (a merge validates a candidate beside a link to the
    # dataset's seeds); every file in it is checked by read_inside.
    if not seeds_dir.is_dir():
        problems.append(Problem(str(seeds_dir), 0, "", "", "seeds folder not found"))
        return texts, empty, ids
    for path in sorted(seeds_dir.glob("*.txt")):
        # A text that no metadata names is not read here, but it is hashed into the version.
        if path.is_symlink() and not path.with_suffix(".json").exists():
            problems.append(Problem(f"seeds/{path.name}", 0, "", "", "is a symbolic link: refused"))
    for meta_path in sorted(seeds_dir.glob("*.json")):
        name = f"seeds/{meta_path.name}"
        raw = read_inside(seeds_dir, meta_path.name, name, problems)
        if raw is None:
            ids.add(meta_path.stem)
            continue
        try:
            meta = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            problems.append(Problem(name, 0, "", "", f"not valid UTF-8 JSON: {err}"))
            ids.add(meta_path.stem)
            continue
        except RecursionError:
            problems.append(Problem(name, 0, "", "", "JSON nested too deeply"))
            ids.add(meta_path.stem)
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(name, 0, "", "", "must hold one JSON object"))
            ids.add(meta_path.stem)
            continue
        problems.extend(check_metadata(meta, name))
        article_id = str(meta.get("article_id", meta_path.stem))
        if article_id != meta_path.stem:
            problems.append(
                Problem(name, 0, "article_id", article_id, "does not match the file's name")
            )
            article_id = meta_path.stem  # the file names the article; rows are checked against it
        ids.add(article_id)  # a missing or unreadable text is reported once, not on every row
        text_name = f"{article_id}.txt"
        if not (seeds_dir / text_name).is_symlink() and not (seeds_dir / text_name).exists():
            problems.append(Problem(name, 0, "article_id", article_id, "seed text file not found"))
            continue
        raw = read_inside(seeds_dir, text_name, f"seeds/{text_name}", problems)
        if raw is None:
            continue
        if meta.get("sha256") and hashlib.sha256(raw).hexdigest() != meta["sha256"]:
            problems.append(
                Problem(name, 0, "sha256", meta["sha256"], "does not match the seed text's bytes")
            )
        text = decode_text(raw, f"seeds/{text_name}", problems)
        if text is not None:
            texts[article_id] = text
            metas.append(meta)
    return texts, pd.DataFrame(metas, columns=ARTICLES.columns), ids


def check_metadata(meta: dict, name: str) -> list[Problem]:
    """Every field of the codebook's ARTICLES present, none other, each value of its type."""
    problems = [
        Problem(name, 0, k, "", "missing field")
        for k in ARTICLES.columns
        if k not in meta and k not in ARTICLE_OPTIONAL_FIELDS
    ]
    columns = set(ARTICLES.columns)
    problems += [
        Problem(name, 0, k, "", "unexpected field (not in the codebook)")
        for k in meta
        if k not in columns
    ]
    for f in ARTICLES.fields:
        if f.name in meta and (message := _value_problem(meta[f.name], f)):
            problems.append(Problem(name, 0, f.name, _shown(meta[f.name]), message))
    return problems


def _shown(value: object) -> str:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _value_problem(value: object, f: Field) -> str:
    """What is wrong with one JSON value for its field, or "" when nothing is."""
    if value is None or value == "":
        return "required value is empty" if f.required else ""
    if f.type == "boolean":
        return "" if isinstance(value, bool) else "not true or false"
    if not isinstance(value, str):
        return "not a string"
    if f.type == "date" and not _is_iso_date(value):
        return "not a real YYYY-MM-DD date"
    if f.type == "date" and not EARLIEST <= date.fromisoformat(value) <= LATEST:
        return OUT_OF_RANGE
    if f.enum and value not in f.enum:
        return f"not one of: {', '.join(f.enum)}"
    if f.pattern and not re.search(f.pattern, value):
        return f"does not match {f.pattern}"
    return ""


def _is_iso_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
