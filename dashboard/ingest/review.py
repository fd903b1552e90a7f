"""A draft under review: read it, save the curator's edits (atomically), list its passages.

A draft is DIR/drafts/<article_id>/ as dashboard/ingest/README.md describes it: one CSV per
table with the dataset's own columns plus the draft columns (relation_hint, review, drafted_by),
and draft.json. No streamlit here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.data.csvfile import decode_text, split_csv
from dashboard.data.problems import Problem
from dashboard.ingest import DRAFT_COLUMNS, REVIEW_STATES
from dashboard.ingest.claims import STAND_IN
from dashboard.ingest.transaction import write_bytes_atomic
from dashboard.schema import TABLES, Table

DRAFTS = "drafts"
META = "draft.json"
META_KEYS = ("article_id", "dataset_version", "rules_version", "created")


class DraftError(Exception):
    """The draft cannot be read; the message names the file, line and column."""


@dataclass(frozen=True)
class Draft:
    article_id: str
    folder: Path  # DIR/drafts/<article_id>
    meta: dict
    tables: dict[str, pd.DataFrame]  # every cell a str; only the tables the draft has
    lines: dict[str, list[int]]  # CSV line of each row, per table

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.csv"


def draft_columns(table: Table) -> list[str]:
    return [*table.columns, *DRAFT_COLUMNS]


def drafts_dir(folder: Path) -> Path:
    return folder / DRAFTS


def list_drafts(folder: Path) -> list[str]:
    """Article ids with a draft waiting for review, in order."""
    where = drafts_dir(folder)
    if not where.is_dir():
        return []
    return sorted(p.name for p in where.iterdir() if (p / META).is_file())


def signature(folder: Path, article_id: str) -> str:
    """Changes whenever a file of the draft changes: a cache key for what is computed from it."""
    where = drafts_dir(folder) / article_id
    if not where.is_dir():
        return ""
    stats = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in where.iterdir())
    return repr(stats)


def read_meta(where: Path) -> dict:
    name = f"{DRAFTS}/{where.name}/{META}"
    try:
        meta = json.loads((where / META).read_text("utf-8"))
    except FileNotFoundError:
        raise DraftError(f"{name}: not found (no draft for this article)") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DraftError(f"{name}: not valid UTF-8 JSON ({err})") from None
    if not isinstance(meta, dict):
        raise DraftError(f"{name}: must hold one JSON object")
    if missing := [k for k in META_KEYS if not meta.get(k)]:
        raise DraftError(f"{name}: missing {', '.join(missing)}")
    if meta["article_id"] != where.name:
        raise DraftError(f"{name}: article_id {meta['article_id']!r} is not the folder's name")
    return meta


def confirm_current(draft: Draft, version: str, when: str) -> None:
    """The curator has reviewed a stale draft again against the dataset as it is now: its
    draft.json names the current version (the old one is kept in `reviewed_again`), so the
    merge takes it. An explicit act, recorded; never done by the merge itself."""
    meta = dict(draft.meta)
    history = [
        *meta.get("reviewed_again", []),
        {"from": meta["dataset_version"], "to": version, "at": when},
    ]
    meta.update(dataset_version=version, reviewed_again=history)
    write_bytes_atomic(draft.folder / META, (json.dumps(meta, indent=1) + "\n").encode("utf-8"))


def read_table(path: Path, table: Table) -> tuple[pd.DataFrame, list[int]]:
    name = f"{DRAFTS}/{path.parent.name}/{path.name}"
    problems: list[Problem] = []
    text = decode_text(path.read_bytes(), name, problems)
    raw = split_csv(text, name, problems) if text is not None else None
    if raw is not None:
        header = list(raw.frame.columns)
        for col in draft_columns(table):
            if col not in header:
                problems.append(Problem(name, 1, col, "", "missing column"))
        for col in header:
            if col not in draft_columns(table):
                problems.append(Problem(name, 1, col, "", "unexpected column"))
    if problems or raw is None:
        raise DraftError("; ".join(str(p) for p in problems))
    frame = raw.frame[draft_columns(table)].reset_index(drop=True)
    bad = ~frame["review"].isin(REVIEW_STATES)
    if bad.any():
        i = int(bad.idxmax())
        raise DraftError(
            f"{name}:{raw.lines[i]} [review] not one of {', '.join(REVIEW_STATES)} "
            f"(value: {frame.at[i, 'review']!r})"
        )
    return frame, raw.lines


def read_draft(folder: Path, article_id: str) -> Draft:
    where = drafts_dir(folder) / article_id
    meta = read_meta(where)
    tables, lines = {}, {}
    for name, table in TABLES.items():
        path = where / table.path
        if path.is_file():
            tables[name], lines[name] = read_table(path, table)
    return Draft(article_id, where, meta, tables, lines)


def to_csv_text(frame: pd.DataFrame, columns: list[str]) -> str:
    """Rows as the dataset writes them: csv quoting as needed, LF line ends, empty = no value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(frame[columns].fillna("").astype(str).itertuples(index=False, name=None))
    return out.getvalue()


def save_table(draft: Draft, name: str, frame: pd.DataFrame) -> None:
    """Write one table of the draft whole (temporary file + os.replace): an edit is never lost
    half-way, and a refresh or a restart reads exactly what was saved."""
    columns = draft_columns(TABLES[name])
    write_bytes_atomic(draft.path(name), to_csv_text(frame, columns).encode("utf-8"))


def apply_edits(draft: Draft, name: str, frame: pd.DataFrame, edits: dict) -> pd.DataFrame:
    """The frame with a grid's edit state applied: edited_rows {position: {column: value}} and
    added_rows [{column: value}]; an emptied cell is ''. An added row starts as a draft by the
    curator, on the draft's article."""
    out = frame.copy()
    for pos, changes in (edits.get("edited_rows") or {}).items():
        for col, value in changes.items():
            if col in out.columns:
                out.iloc[int(pos), out.columns.get_loc(col)] = "" if value is None else str(value)
    added = []
    for row in edits.get("added_rows") or []:
        new = dict.fromkeys(out.columns, "")
        if "article_id" in new:
            new["article_id"] = draft.article_id
        new.update(review="draft", drafted_by="added by the curator")
        new.update({c: "" if v is None else str(v) for c, v in row.items() if c in new})
        added.append(new)
    if added:
        out = pd.concat([out, pd.DataFrame(added, columns=out.columns)], ignore_index=True)
    return out


def empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=draft_columns(TABLES[name]), dtype=object)


def choices(dataset_ids: dict[str, list[str]], draft: Draft) -> dict[str, list[str]]:
    """Per table, the ids a reference to it may name: the dataset's, then the draft's own rows
    that are not rejected."""
    out = {}
    for name, table in TABLES.items():
        own = draft.tables.get(name)
        drafted = own.loc[own["review"] != "rejected", table.primary_key] if own is not None else []
        out[name] = list(dict.fromkeys([*dataset_ids.get(name, []), *drafted]))
    return out


def set_review(frame: pd.DataFrame, state: str, only: str | None = None) -> pd.DataFrame:
    """Every row (or every row now in state `only`) set to `state`."""
    if state not in REVIEW_STATES:
        raise ValueError(f"not a review state: {state!r}")
    out = frame.copy()
    rows = out["review"] == only if only else slice(None)
    out.loc[rows, "review"] = state
    return out


def counts(draft: Draft) -> dict[str, dict[str, int]]:
    """Per table, how many rows are in each review state."""
    return {
        name: {s: int((frame["review"] == s).sum()) for s in REVIEW_STATES}
        for name, frame in draft.tables.items()
    }


def stand_ins(draft: Draft, keep: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """(table, row, column) of every cell of a kept row still holding the drafting stand-in
    ("(to be written) …", dashboard/ingest/README.md) that the curator is to replace."""
    out = []
    for name, frame in draft.tables.items():
        rows = frame[frame["review"].isin(keep)]
        for col in TABLES[name].columns:
            hits = rows[col].str.startswith(STAND_IN)
            out += [(name, int(i), col) for i in hits[hits].index]
    return out


def candidate_passages(draft: Draft, text_length: int) -> pd.DataFrame:
    """One row per distinct passage of the draft's events and transfers, with the ids citing
    it (as the reader takes them); offsets that are not whole numbers inside the text are left
    out (the validator names them)."""
    parts = []
    for name in ("events", "transfers"):
        frame = draft.tables.get(name)
        if frame is None or frame.empty:
            continue
        pk = TABLES[name].primary_key
        parts.append(
            frame[["passage", "passage_start", "passage_end", pk]].set_axis(
                ["passage", "passage_start", "passage_end", "row_id"], axis=1
            )
        )
    cols = ["passage_start", "passage_end", "passage", "rows"]
    if not parts:
        return pd.DataFrame(columns=cols)
    rows = pd.concat(parts, ignore_index=True)
    ok = rows["passage_start"].str.fullmatch(r"\d+") & rows["passage_end"].str.fullmatch(r"\d+")
    rows = rows[ok].astype({"passage_start": int, "passage_end": int})
    rows = rows[
        (rows["passage_start"] < rows["passage_end"]) & (rows["passage_end"] <= text_length)
    ]
    grouped = rows.groupby(["passage_start", "passage_end"], sort=True)
    out = grouped.agg(passage=("passage", "first"), rows=("row_id", lambda s: ", ".join(sorted(s))))
    return out.reset_index()[cols]
