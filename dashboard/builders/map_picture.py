"""The map as a plotly picture: the same places, routes, rings and fixed colours as the pydeck
map, drawn on the project's own country outlines in a Web Mercator frame. Nothing is fetched
(plotly's geo maps would ask a CDN for their outlines), the camera button saves a PNG, the page
scrolls over it, and plotly fits the frame to whatever width the browser gives it.
DataFrames in, a figure out. No streamlit here."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.builders import maps, palette
from dashboard.builders.charts import esc

LAND, COAST, SEA = "#ecece8", "#969696", "#dbe7f1"  # the deck's land fill and outline
PLACE = "rgb(215, 48, 39)"  # the deck's "places" fill
HALO = "rgba(69, 117, 180, {a})"
SIGHTING = "rgb(255, 140, 0)"
PAD = 0.18  # share of the located rows' extent left around them (room for the names)
MIN_SPAN_DEG = 8.0  # a lone point still shows its neighbourhood
TITLE_CHARS = 48  # a title line that fits a phone's 358 px figure at 13 px
CURVE = 0.12  # how far a route bows from the straight line, as a share of its length
CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,  # the wheel scrolls the page
    "toImageButtonOptions": {"format": "png", "filename": "map", "scale": 2},
    "modeBarButtonsToRemove": ["zoom2d", "pan2d", "select2d", "lasso2d", "autoScale2d"],
}


def merc(lat: float) -> float:
    """Latitude to Web Mercator y, in degrees (equal to longitude's scale at the equator)."""
    lat = max(min(float(lat), 85.0), -85.0)
    return round(math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))), 4)


def mercs(lats) -> list[float]:
    """merc() of many latitudes at once (an outline has thousands)."""
    lat = np.radians(np.clip(np.asarray(lats, dtype=float), -85.0, 85.0))
    return np.round(np.degrees(np.log(np.tan(np.pi / 4 + lat / 2))), 4).tolist()


def frame_box(lons, lats) -> tuple[float, float, float, float]:
    """(west, east, south, north) around every point, padded; south/north in Mercator y."""
    xs, ys = [float(x) for x in lons], [merc(y) for y in lats]
    if not xs:
        return (20.0, 140.0, merc(30.0), merc(65.0))
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    pad_x = max((east - west) * PAD, (MIN_SPAN_DEG - (east - west)) / 2, 1.0)
    pad_y = max((north - south) * PAD, (MIN_SPAN_DEG - (north - south)) / 2, 1.0)
    return (west - pad_x, east + pad_x, south - pad_y, north + pad_y)


def _rings(geometry: dict) -> list[list]:
    if geometry.get("type") == "Polygon":
        return geometry["coordinates"]
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def outline_paths(countries: dict, box: tuple[float, float, float, float]) -> tuple[list, list]:
    """Every country ring that reaches into the box (with a margin), as x and y lists with None
    between rings; the rest of the world is left out of the figure."""
    west, east, south, north = box
    margin = max(east - west, north - south) / 2  # the picture may widen to fit the screen
    xs, ys = [], []
    for feature in countries.get("features", []):
        for ring in _rings(feature.get("geometry") or {}):
            rx = [p[0] for p in ring]
            if max(rx) - min(rx) > 180:  # wraps the antimeridian (Antarctica): never near rows
                continue
            ry = mercs([p[1] for p in ring])
            if max(rx) < west - margin or min(rx) > east + margin:
                continue
            if max(ry) < south - margin or min(ry) > north + margin:
                continue
            xs += [*rx, None]
            ys += [*ry, None]
    return xs, ys


def _circle(lon: float, lat: float, radius_m: float, steps: int = 48) -> tuple[list, list]:
    """A circle of radius_m on the ground, in map coordinates (as the deck's metre halos)."""
    dlat = radius_m / 111_320
    dlon = dlat / max(math.cos(math.radians(lat)), 0.05)
    angles = [2 * math.pi * i / steps for i in range(steps + 1)]
    return (
        [lon + dlon * math.cos(a) for a in angles],
        [merc(lat + dlat * math.sin(a)) for a in angles],
    )


def _curve(x0: float, y0: float, x1: float, y1: float, bow: float, steps: int = 24):
    """A quadratic curve from (x0, y0) to (x1, y1), bowed sideways by `bow` of its length, so
    routes of different categories between the same places stay apart."""
    mx, my = (x0 + x1) / 2 - bow * (y1 - y0), (y0 + y1) / 2 + bow * (x1 - x0)
    ts = [i / steps for i in range(steps + 1)]
    return (
        [(1 - t) ** 2 * x0 + 2 * (1 - t) * t * mx + t**2 * x1 for t in ts],
        [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * my + t**2 * y1 for t in ts],
    )


def _route_traces(arcs: pd.DataFrame) -> list[go.Scatter]:
    """One legend entry per category in its fixed colour; an arrowhead at the destination; a
    route to a country's centre drawn dotted and faint (it is not a reported route)."""
    traces = []
    for (category, faint), group in arcs.groupby(["category", "country_level"], sort=True):
        xs, ys, sizes, hover = [], [], [], []
        for r in group.itertuples():
            bow = CURVE * (maps.ARC_TILT.get(category, 0) / 4 or 0.5)
            cx, cy = _curve(r.src_lon, merc(r.src_lat), r.dst_lon, merc(r.dst_lat), bow)
            xs += [*cx, None]
            ys += [*cy, None]
            sizes += [0] * (len(cx) - 1) + [14 if r.kind != "troops" else 10, 0]
            hover += [esc(r.tooltip).replace("\n", "<br>")] * (len(cx) + 1)
        colour = palette.colour("category", category)
        solid_too = faint and not arcs[arcs["category"] == category]["country_level"].all()
        thin = (group["kind"] == "troops").all() or faint
        traces.append(
            go.Scatter(  # arrays: plotly checks a list point by point, an array at once
                x=np.array(xs, dtype=float),
                y=np.array(ys, dtype=float),
                mode="lines+markers",
                name=palette.words(category),
                legendgroup=category,
                showlegend=not solid_too,
                line={
                    "color": colour,
                    "width": 2 if thin else 3.5,
                    "dash": "dot" if faint else "solid",
                },
                opacity=0.45 if faint else 0.9,
                marker={
                    "symbol": "arrow",
                    "angleref": "previous",
                    "size": np.array(sizes),
                    "color": colour,
                },
                hovertext=np.array(hover, dtype=object),
                hoverinfo="text",
            )
        )
    return traces


def _halo_traces(places: pd.DataFrame) -> list[go.Scatter]:
    """The deck's precision halos: a shaded disc where a city stands for its region, an open
    ring where a point stands for a whole country."""
    traces = []
    for precision, filled, name in (
        ("city_for_region", True, "blue disc: a city standing for its region"),
        ("region", True, None),
        ("country", False, "blue ring: the whole country, no city known"),
    ):
        rows = places[places["geo_precision"] == precision]
        if rows.empty:
            continue
        xs, ys = [], []
        for r in rows.itertuples():
            cx, cy = _circle(r.lon, r.lat, maps.PRECISION_STYLE[precision][0] or 700_000)
            xs += [*cx, None]
            ys += [*cy, None]
        traces.append(
            go.Scatter(
                x=np.array(xs, dtype=float),
                y=np.array(ys, dtype=float),
                mode="lines",
                fill="toself" if filled else None,
                fillcolor=HALO.format(a=0.16) if filled else None,
                line={"color": HALO.format(a=0.8), "width": 1.5},
                name=name or "blue disc: a point inside the region",
                showlegend=name is not None,
                hoverinfo="skip",
            )
        )
    return traces


def map_figure(
    places: pd.DataFrame,
    arcs: pd.DataFrame,
    sightings: pd.DataFrame,
    countries: dict,
    title: str = "",
    troops: bool = True,
) -> go.Figure:
    """The map as a picture: outlines, halos, routes, places with their names, sighting rings
    and a legend, framed on the located rows."""
    box = frame_box(
        [*places["lon"], *sightings["lon"]],
        [*places["lat"], *sightings["lat"]],
    )
    ox, oy = outline_paths(countries, box)
    fig = go.Figure(
        go.Scatter(  # arrays, NaN between rings: plotly checks a list point by point (~0.1 s)
            x=np.array(ox, dtype=float),
            y=np.array(oy, dtype=float),
            mode="lines",
            fill="toself",
            fillcolor=LAND,
            line={"color": COAST, "width": 0.8},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_traces(_halo_traces(places))
    shown = arcs if troops else arcs[arcs["kind"] != "troops"]
    if not shown.empty:
        fig.add_traces(_route_traces(shown))
        if shown["country_level"].any():
            fig.add_trace(  # one legend entry says what a dotted line means, whatever its colour
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="lines",
                    name="dotted: to a country's centre, not a reported route",
                    line={"color": "#777777", "width": 2, "dash": "dot"},
                )
            )
    fig.add_trace(
        go.Scatter(
            x=list(places["lon"]),
            y=[merc(y) for y in places["lat"]],
            mode="markers+text",
            name="red dot: rows at a place (bigger: more rows)",
            marker={
                "color": PLACE,
                "size": [2 * r for r in places["radius_px"]],
                "line": {"color": "white", "width": 1},
            },
            text=[f"<b>{esc(n)}</b>" for n in places["name"]],
            textposition="top center",
            textfont={"color": "#1e1e1e", "size": 13},
            hovertext=[esc(t).replace("\n", "<br>") for t in places["tooltip"]],
            hoverinfo="text",
        )
    )
    if not sightings.empty:
        fig.add_trace(
            go.Scatter(
                x=list(sightings["lon"]),
                y=[merc(y) for y in sightings["lat"]],
                mode="markers",
                name="orange ring: a sighting",
                marker={
                    "symbol": "circle",
                    "size": 34,
                    "color": "rgba(255, 140, 0, 0.22)",
                    "line": {"color": SIGHTING, "width": 3},
                },
                hovertext=[esc(t).replace("\n", "<br>") for t in sightings["tooltip"]],
                hoverinfo="text",
            )
        )
    west, east, south, north = box
    # constrain="range": the axis that has room to spare shows more map, never less
    fig.update_xaxes(range=[west, east], visible=False, constrain="range")
    fig.update_yaxes(
        range=[south, north], visible=False, scaleanchor="x", scaleratio=1, constrain="range"
    )
    heading = esc(title, width=TITLE_CHARS)
    fig.update_layout(
        title={
            "text": heading,
            "font": {"size": 13, "color": "#1e1e1e"},
            "x": 0,
            "xref": "paper",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 34},  # under the modebar
        },
        paper_bgcolor="white",
        plot_bgcolor=SEA,
        font={"color": "#1e1e1e"},
        dragmode=False,
        hovermode="closest",
        height=600,
        # room for the modebar, then the title's lines above the plot
        margin={"l": 8, "r": 8, "t": 44 + 17 * (heading.count("<br>") + 1), "b": 8},
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.02,
            "x": 0,
            "font": {"size": 11, "color": "#1e1e1e"},
            "bgcolor": "rgba(255,255,255,0.9)",
        },
        annotations=[
            {
                "text": "Outlines: Natural Earth 1:110m. Lines: supplier → destination.",
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 0,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        ],
    )
    return fig
