"""Read the dataset's history, DIR/CHANGELOG.csv (one line per merge), when the folder has one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.data.csvfile import decode_text, split_csv
from dashboard.data.problems import Problem

CHANGELOG = "CHANGELOG.csv"


def read_changelog(folder: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The changelog's lines, newest first, every cell as written; None when there is no file.
    Unreadable files come back as problems, never as an exception."""
    path = Path(folder) / CHANGELOG
    if not path.is_file():
        return None, []
    problems: list[Problem] = []
    text = decode_text(path.read_bytes(), CHANGELOG, problems)
    raw = split_csv(text, CHANGELOG, problems) if text is not None else None
    if raw is None:
        return None, problems
    frame = raw.frame
    if "merged_at" in frame.columns:
        frame = frame.sort_values("merged_at", ascending=False, kind="stable")
    return frame.reset_index(drop=True), problems
