"""What the map draws, aggregated on the server: one point per place, one arc per route."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from dashboard.views.tallies import actor_names

PRECISION_WORDS = {
    "place": "the place itself",
    "city_for_region": "a city standing for its region",
    "region": "a point inside the region",
    "country": "the whole country (no city known)",
}
TOOLTIP_LINES = 6


def _tooltip(title: str, lines: list[str], total: int | None = None) -> str:
    """The title, the first lines, and how many more there are of `total` (default: all given)."""
    more = (len(lines) if total is None else total) - TOOLTIP_LINES
    body = lines[:TOOLTIP_LINES] + ([f"… and {more} more"] if more > 0 else [])
    return "\n".join([title, *body])


def _transfer_lines(
    transfers: pd.DataFrame, column: str, words: str
) -> tuple[pd.Series, pd.Series]:
    """Per place in `column`: how many transfers, and the tooltip lines of the first few."""
    t = transfers[["transfer_id", "quantity_as_stated", "system_name", column]].dropna(
        subset=[column]
    )
    rows = t.groupby(column).size()
    t = t.groupby(column).head(TOOLTIP_LINES)  # only these are written out in full
    text = (
        t["transfer_id"]
        + f" {words}: "
        + t["quantity_as_stated"].fillna("?")
        + " "
        + t["system_name"]
    )
    return rows, text.groupby(t[column]).agg(list)


def places_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Each place with its rows: events placed there, transfers going to or coming from it."""
    names = actor_names(ds)
    ev = view.events[["event_id", "claimant_actor_id", "summary", "location_id"]]
    ev = ev.dropna(subset=["location_id"])
    ev_rows = ev.groupby("location_id").size()
    ev = ev.groupby("location_id").head(TOOLTIP_LINES)  # only these are written out in full
    lines = (
        (
            ev["event_id"]
            + " "
            + ev["claimant_actor_id"].map(names)
            + ": "
            + ev["summary"].str.slice(0, 90)
        )
        .groupby(ev["location_id"])
        .agg(list)
    )
    tr_rows, tr_lines = _transfer_lines(view.transfers, "destination_location_id", "to here")
    src_rows, src_lines = _transfer_lines(view.transfers, "origin_location_id", "from here")
    counts = ev_rows.add(tr_rows, fill_value=0).add(src_rows, fill_value=0)
    locs = view.locations.set_index("location_id")
    locs = locs[locs.index.isin(counts.index)]
    out = locs[["name", "lat", "lon", "geo_precision"]].copy()
    out["rows"] = counts.reindex(out.index).astype(int)
    out["radius_px"] = 5 + 3 * out["rows"].map(math.sqrt)
    out["tooltip"] = [
        _tooltip(
            f"{r['name']} — {r['rows']} row(s); point = {PRECISION_WORDS[r['geo_precision']]}",
            lines.get(loc, []) + tr_lines.get(loc, []) + src_lines.get(loc, []),
            r["rows"],
        )
        for loc, r in out.iterrows()
    ]
    return out.reset_index()


def arcs_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Supplier's place to destination, one arc per route and category; width by stated quantity."""
    cols = ["src_lon", "src_lat", "dst_lon", "dst_lat", "category", "reports", "width", "tooltip"]
    keys = ["origin_location_id", "destination_location_id", "category"]
    t = view.transfers.dropna(subset=keys[:2])
    if t.empty:
        return pd.DataFrame(columns=cols)
    loc = ds.locations.set_index("location_id")
    names = actor_names(ds)
    t = t.assign(qty=t["quantity_high"].fillna(t["quantity_low"]).astype("float"))
    grouped = t.groupby(keys)
    first = t.loc[grouped.head(TOOLTIP_LINES).index]  # only these are written out in full
    lines = (first["transfer_id"] + " " + first["claimant_actor_id"].map(names) + ": "
             + first["quantity_as_stated"].fillna("quantity not stated") + " " + first["system_name"]
             ).groupby([first[k] for k in keys]).agg(list)  # fmt: skip
    rows = []
    for (src, dst, category), reports, biggest in zip(
        grouped.size().index, grouped.size(), grouped["qty"].max(), strict=True
    ):
        width = 2 if pd.isna(biggest) else 2 + 2 * math.log10(1 + biggest)
        title = f"{loc.at[src, 'name']} → {loc.at[dst, 'name']}: {category.replace('_', ' ')}"
        rows.append((loc.at[src, "lon"], loc.at[src, "lat"], loc.at[dst, "lon"], loc.at[dst, "lat"], category,
                     reports, width, _tooltip(title, lines[(src, dst, category)], reports)))  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def sightings_frame(view: View, ds: Dataset) -> pd.DataFrame:
    t = view.transfers.dropna(subset=["sighting_location_id"])
    loc = ds.locations.set_index("location_id")
    rows = []
    for place, g in t.groupby("sighting_location_id"):
        lines = list(
            g["transfer_id"]
            + ": "
            + g["system_as_written"]
            + " — "
            + g["status"].str.replace("_", " ")
        )
        rows.append((loc.at[place, "name"], loc.at[place, "lon"], loc.at[place, "lat"],
                     _tooltip(f"Sighting in {loc.at[place, 'name']} (where in the region is unknown)", lines)))  # fmt: skip
    return pd.DataFrame(rows, columns=["name", "lon", "lat", "tooltip"])
