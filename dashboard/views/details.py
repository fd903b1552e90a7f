"""What a pinned map panel lists: every row at a place or on a route, with its claimant, its
dates in the article's own words and how precise its place is. Pure pandas."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from dashboard.views.geo import PRECISION_WORDS
from dashboard.views.tallies import actor_names, label_window

COLUMNS = ["row_id", "what", "summary", "claimant", "happened", "reported"]


def when(start, end, precision: str, text: object) -> str:
    """'1–19 Nov 2024 (“earlier this month”)', 'date unknown (“the exact date of the photos
    remains unclear”)', or 'not said'."""
    label = label_window(start, end, precision)
    said = text if isinstance(text, str) and text.strip() else ""
    if label == "date unknown" and not said:
        return "not said"
    return f"{label} (“{said}”)" if said else label


def _event_rows(events: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row_id": events["event_id"],
            "what": "event here",
            "summary": events["summary"],
            "claimant": events["claimant_actor_id"].map(names),
            "happened": [
                when(r.date_start, r.date_end, r.date_precision, r.date_text)
                for r in events.itertuples()
            ],
            "reported": [
                when(
                    r.report_date_start,
                    r.report_date_end,
                    r.report_date_precision,
                    r.report_date_text,
                )
                for r in events.itertuples()
            ],
        }
    )


def transfer_rows(
    transfers: pd.DataFrame, ds: Dataset, names: dict[str, str], what: str
) -> pd.DataFrame:
    """Transfers in words; when they happened is their event's window and words."""
    by_event = ds.events.set_index("event_id")
    happened = [
        when(e.date_start, e.date_end, e.date_precision, e.date_text)
        for e in by_event.loc[transfers["event_id"]].itertuples()
    ]
    status = transfers["status"].str.replace("_", " ")
    return pd.DataFrame(
        {
            "row_id": transfers["transfer_id"],
            "what": what,
            "summary": transfers["quantity_as_stated"].fillna("quantity not stated")
            + " "
            + transfers["system_as_written"]
            + " ("
            + status
            + ")",
            "claimant": transfers["claimant_actor_id"].map(names),
            "happened": happened,
            "reported": [
                when(
                    r.report_date_start,
                    r.report_date_end,
                    r.report_date_precision,
                    r.report_date_text,
                )
                for r in transfers.itertuples()
            ],
        }
    )


def place_details(view: View, ds: Dataset, location_id: str) -> tuple[dict, pd.DataFrame]:
    """The place (name, what its point stands for, its note) and every row there."""
    names = actor_names(ds)
    loc = ds.locations.set_index("location_id").loc[location_id]
    tr = view.transfers
    parts = [_event_rows(view.events[view.events["location_id"] == location_id], names)]
    for column, what in (
        ("sighting_location_id", "seen here"),
        ("destination_location_id", "sent here"),
        ("origin_location_id", "sent from here"),
    ):
        parts.append(transfer_rows(tr[tr[column] == location_id], ds, names, what))
    rows = pd.concat([p for p in parts if not p.empty] or [pd.DataFrame(columns=COLUMNS)])
    head = {
        "title": loc["name"],
        "precision": PRECISION_WORDS[loc["geo_precision"]],
        "note": loc["note"] if isinstance(loc["note"], str) else "",
    }
    return head, rows.reset_index(drop=True)


def route_details(
    view: View, ds: Dataset, origin: str, destination: str, category: str
) -> tuple[dict, pd.DataFrame]:
    """A route (supplier's place to destination, one category) and every transfer on it."""
    names = actor_names(ds)
    locs = ds.locations.set_index("location_id")
    tr = view.transfers
    mine = tr[
        (tr["origin_location_id"] == origin)
        & (tr["destination_location_id"] == destination)
        & (tr["category"] == category)
    ]
    dst = locs.loc[destination]
    note = ""
    if dst["geo_precision"] == "country":
        note = (
            f"The article names only the country ({dst['name']}) as the destination: "
            "the line joins two country centres and is not a reported route."
        )
    head = {
        "title": f"{locs.at[origin, 'name']} → {dst['name']}",
        "precision": f"destination point: {PRECISION_WORDS[dst['geo_precision']]}",
        "note": note,
    }
    return head, transfer_rows(mine, ds, names, "sent on this route").reset_index(drop=True)
