"""Read the seed articles: their verbatim texts and their metadata."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.data.csvfile import decode_text
from dashboard.data.problems import Problem
from dashboard.schema import ARTICLE_FIELDS


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
    if not seeds_dir.is_dir():
        problems.append(Problem(str(seeds_dir), 0, "", "", "seeds folder not found"))
        return texts, pd.DataFrame(columns=list(ARTICLE_FIELDS)), ids
    for meta_path in sorted(seeds_dir.glob("*.json")):
        name = f"seeds/{meta_path.name}"
        try:
            meta = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            problems.append(Problem(name, 0, "", "", f"not valid UTF-8 JSON: {err}"))
            ids.add(meta_path.stem)
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(name, 0, "", "", "must hold one JSON object"))
            ids.add(meta_path.stem)
            continue
        for key in ARTICLE_FIELDS:
            if key not in meta:
                problems.append(Problem(name, 0, key, "", "missing field"))
        for key in meta:
            if key not in ARTICLE_FIELDS:
                problems.append(Problem(name, 0, key, "", "unexpected field (not in the codebook)"))
        article_id = str(meta.get("article_id", meta_path.stem))
        if article_id != meta_path.stem:
            problems.append(
                Problem(name, 0, "article_id", article_id, "does not match the file's name")
            )
            article_id = meta_path.stem  # the file names the article; rows are checked against it
        for key in ("date_published", "date_retrieved"):
            if key in meta and not _is_iso_date(meta[key]):
                problems.append(Problem(name, 0, key, str(meta[key]), "not a real YYYY-MM-DD date"))
        ids.add(article_id)  # a missing or unreadable text is reported once, not on every row
        text_path = seeds_dir / f"{article_id}.txt"
        if not text_path.is_file():
            problems.append(Problem(name, 0, "article_id", article_id, "seed text file not found"))
            continue
        raw = text_path.read_bytes()
        if meta.get("sha256") and hashlib.sha256(raw).hexdigest() != meta["sha256"]:
            problems.append(
                Problem(name, 0, "sha256", meta["sha256"], "does not match the seed text's bytes")
            )
        text = decode_text(raw, f"seeds/{text_path.name}", problems)
        if text is not None:
            texts[article_id] = text
            metas.append(meta)
    return texts, pd.DataFrame(metas, columns=list(ARTICLE_FIELDS)), ids


def _is_iso_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
