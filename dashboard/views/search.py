"""Find rows of every table by their words: summaries, passages, names and aliases. Pure pandas.

A query matches a row when every word of it appears in one of the row's searched fields,
ignoring case, and ignoring hyphens and spaces inside a word ("M1989" finds "M-1989 Koksan").
Matches in a name, a system or an alias come before matches in a summary, which come before
matches in a passage or a note.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.parsing import split_ids
from dashboard.schema import TABLES

MAX_RESULTS = 50
COLUMNS = ["row_id", "table", "what", "found_in", "excerpt", "rank"]
# table -> (id column, the column that says what the row is, [(field, rank)])
SEARCHED: dict[str, tuple[str, str, list[tuple[str, int]]]] = {
    "actors": ("actor_id", "name", [("name", 0), ("aliases", 0), ("role", 1)]),
    "transfers": (
        "transfer_id",
        "system_as_written",
        [
            ("system_name", 0),
            ("system_aliases", 0),
            ("system_as_written", 0),
            ("names", 1),
            ("passage", 2),
            ("notes", 3),
        ],
    ),
    "events": ("event_id", "summary", [("summary", 1), ("names", 1), ("passage", 2), ("notes", 3)]),
    "locations": ("location_id", "name", [("name", 0), ("note", 3)]),
    "claims": ("claim_id", "proposition", [("proposition", 1)]),
}
EXCERPT = 90  # characters of context shown around a match
_LOOSE = re.compile(r"[\s\-‐‑–—_.]+")


def _loose(text: str) -> str:
    return _LOOSE.sub("", text.casefold())


def words(query: str) -> list[str]:
    """The query's words, loosened; empty for a blank query."""
    return [w for w in (_loose(part) for part in query.split()) if w]


def _names(ds: Dataset) -> dict[str, str]:
    """actor_id -> 'name; aliases' (what a person may type for that actor)."""
    aliases = ds.actors["aliases"].fillna("")
    return dict(zip(ds.actors["actor_id"], ds.actors["name"] + "; " + aliases, strict=True))


def _name_column(frame: pd.DataFrame, columns: tuple[str, ...], names: dict[str, str]) -> pd.Series:
    """The names (and aliases) of every actor a row names in `columns`, as one text."""

    def one(row) -> str:
        ids = [i for c in columns if isinstance(row[c], str) for i in split_ids(row[c])]
        return "; ".join(names.get(i, i) for i in dict.fromkeys(ids))

    if frame.empty:
        return pd.Series([], dtype=object)
    return frame[list(columns)].apply(one, axis=1)


def searchable(ds: Dataset) -> dict[str, pd.DataFrame]:
    """Each table with a 'names' column added where rows name actors (built once per dataset)."""
    names = _names(ds)
    events = ds.events.assign(
        names=_name_column(ds.events, tuple(TABLES["events"].ref_columns("actors")), names)
    )
    transfers = ds.transfers.assign(
        names=_name_column(ds.transfers, tuple(TABLES["transfers"].ref_columns("actors")), names)
    )
    return {
        "actors": ds.actors,
        "transfers": transfers,
        "events": events,
        "locations": ds.locations,
        "claims": ds.claims,
    }


def excerpt(text: str, word: str, width: int = EXCERPT) -> str:
    """About `width` characters of `text` around the first place `word` (loosened) occurs."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    at = _loose_find(text, word)
    start = max(0, at - width // 3) if at >= 0 else 0
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _loose_find(text: str, word: str) -> int:
    """Index in `text` where the loosened `word` starts, or -1."""
    kept = [(i, c) for i, c in enumerate(text.casefold()) if not _LOOSE.fullmatch(c)]
    joined = "".join(c for _, c in kept)
    at = joined.find(word)
    return kept[at][0] if at >= 0 else -1


def search_rows(
    tables: dict[str, pd.DataFrame], query: str, limit: int = MAX_RESULTS
) -> pd.DataFrame:
    """Rows whose searched fields hold every word of the query, best matches first."""
    wanted = words(query)
    if not wanted:
        return pd.DataFrame(columns=COLUMNS)
    found = []
    for table, (key, what, fields) in SEARCHED.items():
        frame = tables[table]
        present = [(f, r) for f, r in fields if f in frame.columns]
        loose = {f: frame[f].fillna("").astype(str).map(_loose) for f, _ in present}
        all_text = pd.Series("", index=frame.index)
        for f, _ in present:
            all_text = all_text + "\x00" + loose[f]
        hit = pd.Series(True, index=frame.index)
        for w in wanted:
            hit &= all_text.str.contains(w, regex=False)
        for idx in frame.index[hit]:
            field_, rank = next(
                ((f, r) for f, r in present if wanted[0] in loose[f][idx]),
                present[-1],
            )
            found.append(
                (
                    frame.at[idx, key],
                    table,
                    frame.at[idx, what],
                    field_,
                    excerpt(frame.at[idx, field_], wanted[0]),
                    rank,
                )
            )
    out = pd.DataFrame(found, columns=COLUMNS)
    order = {t: i for i, t in enumerate(SEARCHED)}
    out = out.assign(_t=out["table"].map(order)).sort_values(["rank", "_t", "row_id"])
    return out.drop(columns="_t").head(limit).reset_index(drop=True)
