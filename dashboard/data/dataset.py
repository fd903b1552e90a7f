"""Load a validated dataset folder into typed DataFrames; filter and tally them. No streamlit here."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.data.bidi import show_bidi_controls, show_bidi_in_frame
from dashboard.data.problems import DatasetInvalid, Problem, errors_in, finish
from dashboard.data.seeds import seeds_dir_for
from dashboard.schema import TABLES

if TYPE_CHECKING:
    from dashboard.data.reading import Parsed

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT / "datasets"
HASH_BLOCK = 1024 * 1024  # bytes of a file hashed at a time

__all__ = ["Dataset", "DatasetInvalid", "Problem", "data_dir", "dataset_version", "load_dataset"]


@dataclass(frozen=True)
class Dataset:
    folder: Path
    version: str
    events: pd.DataFrame
    transfers: pd.DataFrame
    locations: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    articles: pd.DataFrame
    seeds: dict[str, str]
    warnings: tuple[Problem, ...] = ()  # problems of severity warning: shown, not blocking
    relations: pd.DataFrame | None = None  # optional tables: empty when the folder has none
    reliability: pd.DataFrame | None = None
    credibility: pd.DataFrame | None = None

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in (*TABLES, "articles")}


def data_dir() -> Path:
    """The folder the app reads: $DASHBOARD_DATA_DIR, else the repo's datasets/."""
    return Path(os.environ.get("DASHBOARD_DATA_DIR") or DEFAULT_DATA_DIR).resolve()


def dataset_files(folder: Path) -> list[Path]:
    seeds = seeds_dir_for(folder)
    tables = [folder / t.path for t in TABLES.values()]
    seed_files = (
        sorted(seeds.glob("*.txt")) + sorted(seeds.glob("*.json")) if seeds.is_dir() else []
    )
    # A link is refused by the validator; it is not followed here either (a link to /dev/zero).
    return [p for p in tables + seed_files if p.is_file() and not p.is_symlink()]


def dataset_version(folder: Path) -> str:
    """Short SHA-256 over the names and bytes of every table and seed: the version to cite."""
    digest = hashlib.sha256()
    for path in dataset_files(folder):
        digest.update(path.name.encode())
        with path.open("rb") as fh:  # in blocks: a million events' table is 400 MB
            while block := fh.read(HASH_BLOCK):
                digest.update(block)
    return digest.hexdigest()[:12]


def check_folder(folder: Path) -> tuple[Parsed, list[Problem]]:
    """The folder read and parsed, and every problem: parse problems and row rules, capped
    per file and kind (problems.MAX_PER_KIND) and sorted, then a count line per capped kind."""
    # The reader and the rules (and pandera under them) are imported only to validate: a
    # Dataset read back from the validated cache (web/validated.py) never needs them.
    from dashboard.data.reading import read_folder
    from dashboard.data.rules import check_all

    parsed = read_folder(folder)
    parsed.problems.extend(check_all(parsed))
    return parsed, finish(parsed.problems)


def validate_folder(folder: Path) -> list[Problem]:
    """Every problem, errors and warnings (see Problem.severity)."""
    return check_folder(folder)[1]


def share_equal_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """The same frame, but equal cells of a text column are one object. The CSV parser makes a
    new str for every cell; shared ones take less memory and a filter's row selections and
    lookups, which touch every cell, run about twice as fast at 250k rows (bench/, docs/)."""
    out = frame.copy(deep=False)  # copy-on-write: the columns are replaced, never changed
    for col in frame.columns:
        if not pd.api.types.is_object_dtype(frame[col]):
            continue
        cells = frame[col].to_numpy()
        codes, distinct = pd.factorize(cells)
        if len(distinct):
            shared = np.asarray(distinct, dtype=object).take(codes)
            shared[codes < 0] = cells[codes < 0]  # missing cells stay as they were
            out[col] = pd.Series(shared, index=frame.index, dtype=object)
    return out


def load_dataset(folder: Path | str | None = None) -> Dataset:
    """Read, parse and validate a folder; raise DatasetInvalid with every problem, or return it."""
    folder = Path(folder).resolve() if folder else data_dir()
    if not folder.is_dir():
        raise DatasetInvalid(folder, [Problem(str(folder), 0, "", "", "dataset folder not found")])
    parsed, problems = check_folder(folder)
    if errors_in(problems):
        raise DatasetInvalid(folder, problems)
    # What the dashboard shows: bidi controls visible (dashboard/data/bidi.py), offsets unchanged.
    # A table whose bytes hold no control (fastcsv.has_bidi_bytes) has none to show.
    t = {
        name: frame if name in parsed.bidi_free else show_bidi_in_frame(frame)
        for name, frame in parsed.tables.items()
    }
    return Dataset(
        folder=folder,
        version=dataset_version(folder),
        events=share_equal_strings(t["events"]),
        transfers=share_equal_strings(t["transfers"]),
        locations=t["locations"],
        actors=t["actors"],
        claims=t["claims"],
        articles=show_bidi_in_frame(parsed.articles),
        seeds={article: show_bidi_controls(text) for article, text in parsed.seeds.items()},
        warnings=tuple(problems),
        relations=t["relations"],
        reliability=t["reliability"],
        credibility=t["credibility"],
    )
