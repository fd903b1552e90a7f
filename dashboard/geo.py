"""What the map draws, aggregated on the server: one point per place, one arc per route."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.data import Dataset
from dashboard.filters import View
from dashboard.tallies import actor_names

PRECISION_WORDS = {
    "place": "the place itself",
    "city_for_region": "a city standing for its region",
    "region": "a point inside the region",
    "country": "the whole country (no city known)",
}
TOOLTIP_LINES = 6


def _tooltip(title: str, lines: list[str]) -> str:
    more = len(lines) - TOOLTIP_LINES
    body = lines[:TOOLTIP_LINES] + ([f"… and {more} more"] if more > 0 else [])
    return "\n".join([title, *body])


def places_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Each place with its rows (events placed there and transfers going there)."""
    names = actor_names(ds)
    ev = view.events.dropna(subset=["location_id"])
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
    tr = view.transfers.dropna(subset=["destination_location_id"])
    tr_lines = (
        (
            tr["transfer_id"]
            + " to here: "
            + tr["quantity_as_stated"].fillna("?")
            + " "
            + tr["system_name"]
        )
        .groupby(tr["destination_location_id"])
        .agg(list)
    )
    counts = lines.map(len).add(tr_lines.map(len), fill_value=0)
    locs = view.locations.set_index("location_id")
    locs = locs[locs.index.isin(counts.index)]
    out = locs[["name", "lat", "lon", "geo_precision"]].copy()
    out["rows"] = counts.reindex(out.index).astype(int)
    out["radius_px"] = 5 + 3 * out["rows"].map(math.sqrt)
    out["tooltip"] = [
        _tooltip(
            f"{r['name']} — {r['rows']} row(s); point = {PRECISION_WORDS[r['geo_precision']]}",
            lines.get(loc, []) + tr_lines.get(loc, []),
        )
        for loc, r in out.iterrows()
    ]
    return out.reset_index()


def arcs_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Supplier's place to destination, one arc per route and category; width by stated quantity."""
    cols = ["src_lon", "src_lat", "dst_lon", "dst_lat", "category", "reports", "width", "tooltip"]
    t = view.transfers.dropna(subset=["origin_location_id", "destination_location_id"])
    if t.empty:
        return pd.DataFrame(columns=cols)
    loc = ds.locations.set_index("location_id")
    names = actor_names(ds)
    t = t.assign(
        line=t["transfer_id"] + " " + t["claimant_actor_id"].map(names) + ": "
        + t["quantity_as_stated"].fillna("quantity not stated") + " " + t["system_name"],
        qty=t["quantity_high"].fillna(t["quantity_low"]).astype("float"),
    )  # fmt: skip
    grouped = t.groupby(["origin_location_id", "destination_location_id", "category"], sort=True)
    rows = []
    for (src, dst, category), g in grouped:
        biggest = g["qty"].max()
        width = 2 if pd.isna(biggest) else 2 + 2 * math.log10(1 + biggest)
        title = f"{loc.at[src, 'name']} → {loc.at[dst, 'name']}: {category.replace('_', ' ')}"
        rows.append((loc.at[src, "lon"], loc.at[src, "lat"], loc.at[dst, "lon"], loc.at[dst, "lat"],
                     category, len(g), width, _tooltip(title, list(g["line"]))))  # fmt: skip
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
