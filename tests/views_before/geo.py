"""The map's frames as they were before they were counted on codes (dashboard/views/geo.py at
acc2562), kept verbatim as the oracle for tests/test_vectorised.py."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View, event_positions

PRECISION_WORDS = {
    "place": "the place itself",
    "city_for_region": "a city standing for its region",
    "region": "a point inside the region",
    "country": "the whole country (no city known)",
}
TOOLTIP_LINES = 6
HINT = "Click for every row here"
WORLD_PX = 512  # Web Mercator: the world is 512 px wide at zoom 0


def _counts(transfers: pd.DataFrame, column: str) -> pd.Series:
    return transfers[column].dropna().value_counts()


def places_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Each place with its rows: events placed there, transfers sent to, from or seen there.
    The tooltip stays short (three lines); a click pins every row (dashboard.views.details)."""
    counts = view.event_cols("location_id")["location_id"].dropna().value_counts()
    columns = ("destination_location_id", "origin_location_id", "sighting_location_id")
    transfers = view.transfer_cols(*columns)
    for column in columns:
        counts = counts.add(_counts(transfers, column), fill_value=0)
    locs = view.locations.set_index("location_id")
    locs = locs[locs.index.isin(counts.index)]
    out = locs[["name", "lat", "lon", "geo_precision"]].copy()
    out["rows"] = counts.reindex(out.index).astype(int)
    out["radius_px"] = 5 + 3 * out["rows"].map(math.sqrt)
    out["tooltip"] = [
        f"{r['name']}: {r['rows']} row(s)\npoint: {PRECISION_WORDS[r['geo_precision']]}\n{HINT}"
        for _, r in out.iterrows()
    ]
    return out.reset_index()


def arcs_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Supplier's place to destination, one arc per route and category. Hardware width grows
    with the stated quantity; troops are their own kind (drawn apart, never wider than guns).
    An arc to a country-level point is marked: it joins two country centres, not a route."""
    cols = [
        "origin",
        "destination",
        "src_lon",
        "src_lat",
        "dst_lon",
        "dst_lat",
        "category",
        "kind",
        "country_level",
        "reports",
        "width",
        "tooltip",
    ]
    keys = ["origin_location_id", "destination_location_id", "category"]
    # Only the columns used: a million events' transfers are not copied whole, twice.
    t = view.transfer_cols(*keys, "quantity_high", "quantity_low").dropna(subset=keys[:2])
    if t.empty:
        return pd.DataFrame(columns=cols)
    loc = ds.locations.set_index("location_id")
    t = t.assign(qty=t["quantity_high"].fillna(t["quantity_low"]).astype("float"))
    grouped = t.groupby(keys)
    rows = []
    for (src, dst, category), reports, biggest in zip(
        grouped.size().index, grouped.size(), grouped["qty"].max(), strict=True
    ):
        kind = "troops" if category == "personnel" else "hardware"
        country = loc.at[dst, "geo_precision"] == "country"
        if country or kind == "troops" or pd.isna(biggest):
            width = 2.0
        else:
            width = 2 + 1.5 * math.log10(1 + biggest)
        title = f"{loc.at[src, 'name']} → {loc.at[dst, 'name']}: {category.replace('_', ' ')}"
        where = (
            f"destination given only as '{loc.at[dst, 'name']}': not a route"
            if country
            else f"{reports} report(s)"
        )
        rows.append(
            (
                src,
                dst,
                loc.at[src, "lon"],
                loc.at[src, "lat"],
                loc.at[dst, "lon"],
                loc.at[dst, "lat"],
                category,
                kind,
                bool(country),
                int(reports),
                width,
                f"{title}\n{where}\n{HINT}",
            )
        )
    return pd.DataFrame(rows, columns=cols)


def sightings_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Where equipment was seen, with how unsure both the place and the date are."""
    t = view.transfer_cols("sighting_location_id", "event_id", "system_name").dropna(
        subset=["sighting_location_id"]
    )
    loc = ds.locations.set_index("location_id")
    index, _ = event_positions(ds)  # each event's row, looked up once per dataset
    no_date = ds.events["date_start"].isna().to_numpy()
    date_text = ds.events["date_text"].to_numpy()
    rows = []
    for place, g in t.groupby("sighting_location_id"):
        name = loc.at[place, "name"]
        at = index.get_indexer(g["event_id"])
        unknown = pd.Series(no_date[at])
        said = [d for d in date_text[at] if isinstance(d, str) and d.strip()]
        when = (
            f"date unknown: “{said[0]}”"
            if unknown.all() and said
            else "date unknown"
            if unknown.all()
            else "dated: click for the window"
        )
        what = ", ".join(sorted(set(g["system_name"])))
        tip = f"Sighting: {what}\nwhere in {name}: unknown\n{when}\n{HINT}"
        rows.append((place, name, loc.at[place, "lon"], loc.at[place, "lat"], len(g), tip))
    return pd.DataFrame(rows, columns=["location_id", "name", "lon", "lat", "rows", "tooltip"])
