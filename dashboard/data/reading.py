"""Read a dataset folder: every table split, parsed and checked, its seeds read; problems collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.data.csvfile import RawTable, check_header, decode_text, read_inside, split_csv
from dashboard.data.fastcsv import fast_table
from dashboard.data.parsing import check_table
from dashboard.data.problems import Problem, Problems
from dashboard.data.seeds import read_seeds
from dashboard.schema import TABLES

# Present only while a merge replaces the tables (dashboard/ingest/transaction.py): a folder
# with it may hold a mix of old and new tables, so it is reported instead of loaded.
MERGE_JOURNAL = ".merge/journal.json"


@dataclass
class Parsed:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    seeds: dict[str, str] = field(default_factory=dict)
    # ids on ragged rows; None when too many were ragged to check references into the table
    ragged_keys: dict[str, set[str] | None] = field(default_factory=dict)
    seed_ids: set[str] = field(default_factory=set)  # every article with metadata, text or not
    articles: pd.DataFrame | None = None
    fast: set[str] = field(default_factory=set)  # tables read by the fast path (fastcsv.py)
    bidi_free: set[str] = field(default_factory=set)  # tables whose bytes hold no bidi control
    problems: list[Problem] = field(default_factory=Problems)


def read_folder(folder: Path) -> Parsed:
    out = Parsed()
    if (folder / MERGE_JOURNAL).is_file():
        message = (
            "a merge was interrupted; run `python -m dashboard merge --recover` "
            "(or open the Curate page) to put the tables back as they were before it"
        )
        out.problems.append(Problem(MERGE_JOURNAL, 0, "", "", message))
    out.seeds, out.articles, out.seed_ids = read_seeds(folder, out.problems)
    for table in TABLES.values():
        if table.optional and _absent(folder / table.path):
            # No such file (a dataset from before the table), or an empty one: no such rows.
            empty = RawTable(
                pd.DataFrame({c: pd.Series(dtype=object) for c in table.columns}), [], set()
            )
            out.tables[table.name] = check_table(empty, table, table.path, out.problems)
            out.lines[table.name], out.ragged_keys[table.name] = [], set()
            continue
        data = read_inside(folder, table.path, table.path, out.problems)
        if data is not None and (fast := fast_table(data, table)) is not None:
            # A well-formed file with nothing to report: the exact path would give the same.
            out.tables[table.name], out.lines[table.name] = fast.frame, fast.lines
            out.ragged_keys[table.name] = set()
            out.fast.add(table.name)
            if not fast.bidi:
                out.bidi_free.add(table.name)
            continue
        # Decoded once to check it (and let go); split from the bytes, which take less memory.
        if data is None or decode_text(data, table.path, out.problems) is None:
            continue
        raw = split_csv(data, table.path, out.problems, table.primary_key)
        del data
        if raw is None or not check_header(raw, table, table.path, out.problems):
            continue
        out.tables[table.name] = check_table(raw, table, table.path, out.problems)
        out.lines[table.name] = raw.lines
        # A ragged row is reported once; its id still exists, so references to it are no fault.
        out.ragged_keys[table.name] = raw.ragged_keys
    return out


def _absent(path: Path) -> bool:
    """No file there (and no link), or a file of no bytes."""
    return not path.is_symlink() and (
        not path.exists() or (path.is_file() and path.stat().st_size == 0)
    )
