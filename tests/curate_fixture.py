"""A copy of the dataset with a synthetic article's draft waiting for review (as `ingest` leaves it).

The article and its draft rows are written by hand for the tests (tests/fixtures/curate/); the
draft's draft.json is written here, on the copy's own dataset_version, as ingest writes it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT, dataset_version
from dashboard.ingest.review import DRAFTS, META

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "curate"
ARTICLE = "901_synthetic_curate"
RULES = "fixture-by-hand"
TABLE_FILES = ("events.csv", "transfers.csv", "locations.csv", "actors.csv", "claims.csv")


def copy_dataset(dest: Path) -> Path:
    """The repo's tables and changelog with its seeds inside: DEST/*.csv and DEST/seeds/."""
    dest.mkdir(parents=True)
    for path in DEFAULT_DATA_DIR.glob("*.csv"):
        shutil.copy2(path, dest / path.name)
    shutil.copytree(REPO_ROOT / "seeds", dest / "seeds")
    return dest


def add_draft(folder: Path, article: str = ARTICLE) -> Path:
    """Store the article's seed and its draft, stamped with the folder's version after that."""
    for suffix in (".txt", ".json"):
        shutil.copy2(FIXTURE / f"{article}{suffix}", folder / "seeds" / f"{article}{suffix}")
    where = folder / DRAFTS / article
    shutil.copytree(FIXTURE / "draft", where)
    meta = {
        "article_id": article,
        "dataset_version": dataset_version(folder),
        "rules_version": RULES,
        "created": "2026-11-26T02:30:00Z",
    }
    (where / META).write_text(json.dumps(meta, indent=1), "utf-8")
    return where


def dataset_with_draft(dest: Path) -> Path:
    add_draft(copy_dataset(dest))
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the folder (drafts and seeds included) by relative path."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
