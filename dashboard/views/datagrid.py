"""The Data page's own data: how the grid shows each column, and what the download names say.

Column kinds come from the registry (a date field is a date column, a field with a display
width a text column of that width), so a column added to dashboard/schema.py is shown and
exported with no edit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.schema import TABLES
from dashboard.views.corroboration import article_labels
from dashboard.views.filters import DATE_BASES, WINDOWS, Filters, View, dated, event_positions
from dashboard.views.positions import at, positions

DATE_FORMAT = "YYYY-MM-DD"


@dataclass(frozen=True)
class GridColumn:
    kind: str  # "date" or "text"
    width: str | None = None


def grid_columns(table: str) -> dict[str, GridColumn]:
    """How the grid shows each column that needs more than its default."""
    out = {}
    for f in TABLES[table].fields:
        if f.type == "date":
            out[f.name] = GridColumn("date")
        elif f.display_width:
            out[f.name] = GridColumn("text", f.display_width)
    return out


def place_column(table: str) -> str:
    """The column holding the place a row is drawn at (the GeoJSON point)."""
    column = TABLES[table].place_column
    if column is None:
        raise ValueError(f"{table} has no place column in the registry")
    return column


def actor_names(ds: Dataset, ids: tuple[str, ...]) -> list[str]:
    """The names of the chosen actors, in the order chosen."""
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    return [names[a] for a in ids]


def narrowed_beyond_dates_and_actors(f: Filters) -> bool:
    """True when a filter the file name does not spell out is set (types, claimants, stances,
    undated rows left out): the name then says 'filtered'."""
    return bool(
        f.event_types
        or f.claimants
        or f.stances
        or not f.include_undated
        or f.articles
        or f.reliability
        or f.credibility
    )


def describe_filters(ds: Dataset, f: Filters) -> dict[str, str]:
    """The filters in words, for the citation: empty where a filter is not set."""
    return {
        "dates": f"{f.start}..{f.end}" if f.start else "",
        "date_applies_to": "" if f.date_basis == "either" else DATE_BASES[f.date_basis],
        "include_undated": "" if f.include_undated else "no",
        "actors": ", ".join(actor_names(ds, f.actors)),
        "event_types": ", ".join(f.event_types),
        "claimants": ", ".join(actor_names(ds, f.claimants)),
        "stances": ", ".join(f.stances),
        "articles": ", ".join(article_labels(ds.articles)[a] for a in f.articles),
        "reliability": f"{f.reliability} or better" if f.reliability else "",
        "credibility": f"{f.credibility} or better" if f.credibility else "",
    }


def shown_count(view: View, table: str) -> int:
    """How many rows of a table the view keeps (nothing copied)."""
    if table == "events":
        return view.n_events
    if table == "transfers":
        return view.n_transfers
    return len(view.locations)


def first_rows(view: View, ds: Dataset, table: str, n: int) -> pd.DataFrame:
    """The view's first `n` rows of a table (only they are copied)."""
    if table == "events":
        return ds.events.loc[view.event_index[:n]]
    if table == "transfers":
        return ds.transfers.loc[view.transfer_index[:n]]
    return view.locations.head(n)


def undated_note(view: View, ds: Dataset, table: str) -> str:
    """filters.undated_note by position: a transfer's event is found by its row
    (filters.event_positions), not by hashing every kept transfer's event id."""
    basis = view.filters.date_basis
    undated = ~dated(view.event_cols(*(s for s, _ in WINDOWS[basis])), basis).to_numpy()
    if table == "events":
        return f"{int(undated.sum()):,} undated row(s) included"
    if table == "transfers":
        mask = np.zeros(len(ds.events), dtype=bool)
        mask[positions(view.event_index, ds.events.index)[undated]] = True
        _, of_transfer = event_positions(ds)
        mine = of_transfer[positions(view.transfer_index, ds.transfers.index)]
        return f"{int(at(mask, mine).sum()):,} row(s) of undated events included"
    return "places carry no date"
