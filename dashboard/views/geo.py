"""What the map draws, aggregated on the server: one point per place, one arc per route."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View, event_positions
from dashboard.views.positions import once, positions

PRECISION_WORDS = {
    "place": "the place itself",
    "city_for_region": "a city standing for its region",
    "region": "a point inside the region",
    "country": "the whole country (no city known)",
}
TOOLTIP_LINES = 6
HINT = "Click for every row here"
WORLD_PX = 512  # Web Mercator: the world is 512 px wide at zoom 0


PLACED = {  # the columns that place a row, per table
    "events": ("location_id",),
    "transfers": ("destination_location_id", "origin_location_id", "sighting_location_id"),
}


def _place_codes(ds: Dataset) -> dict[str, list[np.ndarray]]:
    """Each row's places as positions in ds.locations (-1: none), per table: once per dataset."""
    ids = pd.Index(ds.locations["location_id"])
    return {
        table: [ids.get_indexer(getattr(ds, table)[c]).astype(np.int64) for c in columns]
        for table, columns in PLACED.items()
    }


def place_counts(view: View, ds: Dataset) -> pd.Series:
    """Rows per place (events placed there, transfers sent to, from or seen there), indexed by
    location_id; only places with rows. Counted on codes of the view's rows."""
    codes = once(ds, "place_codes", _place_codes)
    n = np.zeros(len(ds.locations) + 1, dtype=np.int64)  # n[0]: no place (code -1)
    for table, labels, index in (
        ("events", view.event_index, ds.events.index),
        ("transfers", view.transfer_index, ds.transfers.index),
    ):
        rows = positions(labels, index)
        for column in codes[table]:
            n += np.bincount(column[rows] + 1, minlength=len(n))
    n = n[1:]
    held = np.flatnonzero(n)
    return pd.Series(n[held], index=ds.locations["location_id"].to_numpy()[held])


def places_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """_places_frame, once per view (the page and the map's picture both ask): read it only."""
    return once(view, "places_frame", lambda v: _places_frame(v, ds))


def _places_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Each place with its rows: events placed there, transfers sent to, from or seen there.
    The tooltip stays short (three lines); a click pins every row (dashboard.views.details)."""
    counts = place_counts(view, ds)
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


def _arc_codes(ds: Dataset) -> dict[str, np.ndarray]:
    """Each transfer's route (places as ds.locations positions, -1: none), category code
    (sorted) and quantity (its high bound, else its low): once per dataset."""
    t = ds.transfers
    dest, origin, _ = once(ds, "place_codes", _place_codes)["transfers"]
    category, categories = pd.factorize(t["category"], sort=True)
    ids = ds.locations["location_id"].to_numpy(dtype=object)
    return {
        "origin": origin,
        "destination": dest,
        "category": category.astype(np.int64),
        "categories": np.asarray(categories, dtype=object),
        "qty": t["quantity_high"].fillna(t["quantity_low"]).astype("float").to_numpy(),
        "ids": ids,
        "rank": np.argsort(np.argsort(ids, kind="stable"), kind="stable"),  # by id
    }


def arcs_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """_arcs_frame, once per view (the page and the map's picture both ask): read it only."""
    return once(view, "arcs_frame", lambda v: _arcs_frame(v, ds))


def _arcs_frame(view: View, ds: Dataset) -> pd.DataFrame:
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
    # Grouped on codes of the view's rows: a million events' transfers are not copied.
    c = once(ds, "arc_codes", _arc_codes)
    rows = positions(view.transfer_index, ds.transfers.index)
    a, b, k = c["origin"][rows], c["destination"][rows], c["category"][rows]
    ok = (a >= 0) & (b >= 0) & (k >= 0)
    if not ok.any():
        return pd.DataFrame(columns=cols)
    a, b, k, qty = a[ok], b[ok], k[ok], c["qty"][rows[ok]]
    rank, n_loc, n_cat = c["rank"], len(c["rank"]), len(c["categories"])
    key = (rank[a] * n_loc + rank[b]) * n_cat + k  # sorts as (origin, destination, category)
    _, first, group, sizes = np.unique(
        key, return_index=True, return_inverse=True, return_counts=True
    )
    order = np.argsort(group, kind="stable")
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    biggest_qty = np.fmax.reduceat(qty[order], starts)  # NaN only when all are
    ids = c["ids"]
    loc = ds.locations.set_index("location_id")
    rows = []
    for (src, dst, category), reports, biggest in zip(
        zip(ids[a[first]], ids[b[first]], c["categories"][k[first]], strict=True),
        sizes,
        biggest_qty,
        strict=True,
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
    """_sightings_frame, once per view (the page and the map's picture both ask): read it only."""
    return once(view, "sightings_frame", lambda v: _sightings_frame(v, ds))


def _sightings_frame(view: View, ds: Dataset) -> pd.DataFrame:
    """Where equipment was seen, with how unsure both the place and the date are."""
    rows = positions(view.transfer_index, ds.transfers.index)
    seen = once(ds, "place_codes", _place_codes)["transfers"][2][rows] >= 0
    t = ds.transfers.iloc[rows[seen]][["sighting_location_id", "event_id", "system_name"]]
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


def fit_view(lons, lats, width_px: int, height_px: int, margin: float = 0.7) -> dict:
    """Centre and zoom (Web Mercator) that show every point within `margin` of a map of
    width_px × height_px; a single point gets a regional zoom."""
    lons, lats = [float(x) for x in lons], [float(y) for y in lats]
    if not lons:
        return {"latitude": 50.0, "longitude": 81.0, "zoom": 1.5}

    def merc(lat: float) -> float:  # 0..1 from north to south
        lat = max(min(lat, 85.0), -85.0)
        return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2

    west, east = min(lons), max(lons)
    ys = [merc(y) for y in lats]
    span_x, span_y = max((east - west) / 360, 1e-6), max(max(ys) - min(ys), 1e-6)
    zoom = min(
        math.log2(width_px * margin / (WORLD_PX * span_x)),
        math.log2(height_px * margin / (WORLD_PX * span_y)),
        5.0,
    )
    y_mid = (max(ys) + min(ys)) / 2
    lat_mid = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y_mid))))
    return {
        "latitude": round(lat_mid, 3),
        "longitude": round((west + east) / 2, 3),
        "zoom": round(max(zoom, 0.5), 2),
    }


def coordinates(places: pd.DataFrame) -> list[str]:
    """Coordinates as precise as the point is: four decimals for the place itself, one for a
    city standing for a region ('≈ 51.7° N, 36.2° E'), none for a country's centre."""
    out = []
    for lat, lon, precision in zip(
        places["lat"], places["lon"], places["geo_precision"], strict=True
    ):
        ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        if precision == "place":
            out.append(f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}")
        elif precision == "country":
            out.append("the country's centre")
        else:
            out.append(f"≈ {abs(lat):.1f}° {ns}, {abs(lon):.1f}° {ew}")
    return out
