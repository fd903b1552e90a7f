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


def overlaps(a, b) -> bool:
    return int(a.passage_start) < int(b.passage_end) and int(b.passage_start) < int(a.passage_end)


def same_figure(a, b) -> bool:
    keys = ("quantity_as_stated", "quantity_low", "quantity_high")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def redraft_scores(curated: dict, draft: dict) -> dict:
    """How much of an article's curated rows a from-scratch draft finds: an event when a draft
    event's passage overlaps it (and also with the same claimant), a transfer when a draft
    transfer's passage overlaps it with the same figure."""
    events, transfers = curated["events"], curated["transfers"]
    found_ev = [
        r for r in events.itertuples() if any(overlaps(d, r) for d in draft["events"].itertuples())
    ]
    same_claimant = [
        r
        for r in events.itertuples()
        if any(
            overlaps(d, r) and d.claimant_actor_id == r.claimant_actor_id
            for d in draft["events"].itertuples()
        )
    ]
    found_tr = [
        r
        for r in transfers.itertuples()
        if any(overlaps(d, r) and same_figure(d, r) for d in draft["transfers"].itertuples())
    ]
    return {
        "events": (len(found_ev), len(events)),
        "events_same_claimant": (len(same_claimant), len(events)),
        "transfers": (len(found_tr), len(transfers)),
        "found": (len(found_ev) + len(found_tr)) / (len(events) + len(transfers)),
    }
