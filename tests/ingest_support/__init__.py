"""Helpers for the ingestion tests: a temporary dataset copy and the command's arguments."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from pathlib import Path

import pandas as pd

from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "articles"
SEED_ID = "000_8ce4acc91b2e9f2a"


def copy_dataset(tmp: Path, without: str | None = None) -> Path:
    """datasets/ and seeds/ copied under tmp; `without` an article: its seed and rows removed."""
    data = tmp / "datasets"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    shutil.copytree(REPO_ROOT / "seeds", tmp / "seeds")
    shutil.rmtree(data / "drafts", ignore_errors=True)
    if without:
        for suffix in (".txt", ".json"):
            (tmp / "seeds" / f"{without}{suffix}").unlink()
        for name in ("events", "transfers"):
            path = data / f"{name}.csv"
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            frame[frame["article_id"] != without].to_csv(
                path, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
            )
    return data


def args(file: Path, data: Path, **over) -> argparse.Namespace:
    values = {
        "file": str(file),
        "publisher": "Synthetic Wire",
        "published": "2024-11-20",
        "title": "",
        "url": "",
        "author": "",
        "via": "",
        "published_basis": "",
        "data": str(data),
    }
    values.update(over)
    return argparse.Namespace(**values)


def read_draft(data: Path, article_id: str) -> dict[str, pd.DataFrame]:
    folder = data / "drafts" / article_id
    out = {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in folder.glob("*.csv")}
    out["draft"] = json.loads((folder / "draft.json").read_text("utf-8"))
    return out
