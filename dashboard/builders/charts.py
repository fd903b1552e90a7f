"""Figure builders: DataFrames in, plotly figures and pydeck decks out. No streamlit here.

Every data string that reaches a figure goes through `esc`: plotly reads a few HTML tags in
text, so data is escaped before it is placed beside the tags the chart itself adds.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

COUNTRIES_URL = "app/static/countries.geojson"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"]  # fmt: skip
STANCE_COLOURS = {
    "confirms": "#1a9850",
    "reports": "#4575b4",
    "acknowledges": "#fdae61",
    "denies": "#d73027",
    "expects": "#9467bd",
    "uncertain": "#7f7f7f",
}
DAY_MS = 86_400_000


def esc(value, width: int | None = None) -> str:
    """Escape a data value for plotly text; optionally wrap it at `width` characters."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if width:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or ""
    return html.escape(text)


def colour_map(values: list[str], by: str) -> dict[str, str]:
    if by == "stance":
        return {v: STANCE_COLOURS.get(v, "#333333") for v in values}
    return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(sorted(values))}


def timeline_rows(events: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Dated events in time order, each with its label and hover text."""
    start = events["date_start"].fillna(events["report_date_start"])
    rows = events.assign(_order=start).dropna(subset=["_order"]).sort_values(["_order", "event_id"])
    claimant = rows["claimant_actor_id"].map(names)
    rows["label"] = [esc(f"{e} · {c}") for e, c in zip(rows["event_id"], claimant, strict=True)]
    rows["hover"] = [
        f"<b>{esc(r.summary, 70)}</b><br>claimant: {esc(c)} · stance: {esc(r.stance)}"
        f"<br>happened: {esc(r.date_text or 'not said')} · reported: {esc(r.report_date_text or 'not said')}"
        f"<br><i>“{esc(r.passage, 80)}”</i>"
        for r, c in zip(rows.itertuples(), claimant, strict=True)
    ]
    return rows


def _window_traces(rows, prefix, colour_by, colours, kind, shown):
    traces = []
    start = rows[f"{prefix}_start"]
    if prefix == "report_date":  # a statement's report window is its event window: draw it once
        same = (rows["report_date_start"] == rows["date_start"]) & (
            rows["report_date_end"] == rows["date_end"]
        )
        start = start.where(~same)
    precise, drawn = rows[f"{prefix}_precision"] == "day", start.notna()
    cols = ["label", "hover", "event_id", f"{prefix}_start", f"{prefix}_end"]  # only these are sent
    for category, colour in colours.items():
        mine = (rows[colour_by] == category) & drawn
        points, bars = rows.loc[mine & precise, cols], rows.loc[mine & ~precise, cols]
        common = {"legendgroup": category, "name": esc(category), "hoverinfo": "text"}
        if not bars.empty:
            traces.append(
                go.Bar(
                    orientation="h",
                    y=bars["label"].tolist(),  # lists: plotly converts pandas strings slowly
                    base=bars[f"{prefix}_start"],
                    x=((bars[f"{prefix}_end"] - bars[f"{prefix}_start"]).dt.days + 1) * DAY_MS,
                    marker={
                        "color": colour,
                        "opacity": 0.45 if kind == "reported" else 0.8,
                        "pattern": {"shape": "." if kind == "reported" else "/"},
                    },
                    hovertext=bars["hover"].tolist(),
                    showlegend=category not in shown,
                    customdata=bars["event_id"].tolist(),
                    meta=kind,
                    **common,
                )
            )
            shown.add(category)
        if not points.empty:
            traces.append(
                go.Scatter(
                    mode="markers",
                    y=points["label"].tolist(),
                    x=points[f"{prefix}_start"],
                    marker={
                        "color": colour,
                        "size": 12,
                        "symbol": "diamond-open" if kind == "reported" else "circle",
                        "line": {"width": 2, "color": colour},
                    },
                    hovertext=points["hover"].tolist(),
                    showlegend=category not in shown,
                    customdata=points["event_id"].tolist(),
                    meta=kind,
                    **common,
                )
            )
            shown.add(category)
    return traces


def timeline_figure(
    events: pd.DataFrame, names: dict[str, str], colour_by: str = "event_type"
) -> go.Figure:
    """Day-precise dates are points; windows are hatched bars across their days.

    Filled circles and '/'-hatched bars: when it happened. Open diamonds and dotted bars: when
    it was reported.
    """
    rows = timeline_rows(events, names)
    colours = colour_map(sorted(rows[colour_by].unique()), colour_by)
    shown: set[str] = set()
    fig = go.Figure()
    for prefix, kind in (("date", "happened"), ("report_date", "reported")):
        for trace in _window_traces(rows, prefix, colour_by, colours, kind, shown):
            fig.add_trace(trace)
    fig.update_layout(
        barmode="overlay",
        height=max(260, 34 * len(rows) + 120),
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"title": {"text": colour_by.replace("_", " ")}, "orientation": "h", "y": -0.12},
        xaxis={"type": "date", "title": None, "showgrid": True},
        yaxis={"categoryorder": "array", "categoryarray": list(rows["label"])[::-1], "title": None},
        hoverlabel={"align": "left"},
    )
    return fig


def timeline_counts_figure(events: pd.DataFrame, colour_by: str = "event_type") -> go.Figure:
    """For rows too many to draw one by one: dated rows per week, stacked by colour. A row
    counts in the week its window starts (the event's window where known, else the report's)."""
    start = events["date_start"].fillna(events["report_date_start"])
    week = start.dt.to_period("W-SUN").dt.start_time  # weeks run Monday to Sunday
    counts = events.groupby([week.rename("week"), colour_by]).size().rename("rows").reset_index()
    fig = go.Figure()
    for category, colour in colour_map(sorted(counts[colour_by].unique()), colour_by).items():
        mine = counts[counts[colour_by] == category]
        fig.add_trace(
            go.Bar(x=mine["week"], y=mine["rows"], name=esc(category), marker={"color": colour},
                   hovertemplate=f"{esc(category)}: %{{y:,}} row(s) in the week of %{{x|%-d %b %Y}}<extra></extra>")
        )  # fmt: skip
    fig.update_layout(
        barmode="stack",
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"title": {"text": colour_by.replace("_", " ")}, "orientation": "h", "y": -0.15},
        xaxis={"type": "date", "title": None},
        yaxis={"title": "rows per week"},
    )
    return fig


def range_figure(q: pd.DataFrame) -> go.Figure:
    """Each stated figure as a range: a bar from its low to its high bound, an arrow when
    open-ended, a dot only when exact; the words as stated sit beside it."""
    q = q[q["low"].notna()].reset_index(drop=True)
    traces, notes = [], []  # added at once: plotly re-validates all of them on every add_*
    top = float(q[["low", "high"]].max().max()) if not q.empty else 1.0
    labels = [esc(f"{s} — {c}") for s, c in zip(q["system"], q["claimant"], strict=True)]
    for i, r in q.iterrows():
        low = float(r["low"])
        open_ended = pd.isna(r["high"])
        high = top * 1.15 if open_ended else float(r["high"])
        hover = f"<b>{esc(r['as_stated'])}</b> {esc(r['system'])}<br>{esc(r['claimant'])} · {esc(r['reported'])}<br>bounds: {low:,.0f}–{'open' if open_ended else f'{high:,.0f}'}"
        if high > low:
            traces.append(
                go.Scatter(
                    x=[low, high],
                    y=[labels[i]] * 2,
                    mode="lines+markers",
                    line={"width": 14, "color": "#4575b4"},
                    marker={
                        "symbol": ["line-ns", "triangle-right" if open_ended else "line-ns"],
                        "size": 16,
                        "line": {"width": 2},
                    },
                    hovertext=hover,
                    hoverinfo="text",
                    showlegend=False,
                    customdata=[r["transfer_id"]] * 2,
                )
            )
        else:
            traces.append(
                go.Scatter(
                    x=[low], y=[labels[i]], mode="markers", marker={"size": 14, "color": "#4575b4"},
                    hovertext=hover, hoverinfo="text", showlegend=False, customdata=[r["transfer_id"]],
                )
            )  # fmt: skip
        notes.append(
            {"x": high, "y": labels[i], "text": esc(r["as_stated"]), "showarrow": False,
             "xanchor": "left", "xshift": 12}
        )  # fmt: skip
    fig = go.Figure(data=traces)
    fig.update_layout(
        annotations=notes,
        height=max(160, 60 * len(q) + 80),
        margin={"l": 10, "r": 90, "t": 10, "b": 40},
        xaxis={"title": "quantity (range implied by the words as stated)", "rangemode": "tozero"},
        yaxis={"title": None, "autorange": "reversed"},
    )
    return fig


PRECISION_STYLE = {
    # geo_precision: (halo radius in metres, halo fill alpha); words for each are geo.PRECISION_WORDS
    "place": (0, 0),
    "city_for_region": (180_000, 40),
    "region": (180_000, 40),
    "country": (700_000, 0),
}


def map_layers(
    places: pd.DataFrame, arcs: pd.DataFrame, sightings: pd.DataFrame
) -> list[pdk.Layer]:
    halos = places.assign(
        halo_m=places["geo_precision"].map(lambda p: PRECISION_STYLE[p][0]),
        halo_alpha=places["geo_precision"].map(lambda p: PRECISION_STYLE[p][1]),
    )
    return [
        pdk.Layer("GeoJsonLayer", id="countries", data=COUNTRIES_URL, stroked=True, filled=True,
                  get_fill_color=[236, 236, 232], get_line_color=[150, 150, 150], line_width_min_pixels=1),
        pdk.Layer("ScatterplotLayer", id="precision", data=halos[halos["halo_m"] > 0], get_position="[lon, lat]",
                  get_radius="halo_m", radius_units=pdk.types.String("meters"), stroked=True, filled=True,
                  get_fill_color="[69, 117, 180, halo_alpha]", get_line_color=[69, 117, 180, 200],
                  line_width_min_pixels=2, pickable=True),
        pdk.Layer("ArcLayer", id="arcs", data=arcs, get_source_position="[src_lon, src_lat]",
                  get_target_position="[dst_lon, dst_lat]", get_width="width", width_min_pixels=2,
                  get_source_color=[120, 40, 140, 220], get_target_color=[215, 48, 39, 220], pickable=True),
        pdk.Layer("ScatterplotLayer", id="places", data=places, get_position="[lon, lat]",
                  get_radius="radius_px", radius_units=pdk.types.String("pixels"), get_fill_color=[215, 48, 39, 230],
                  get_line_color=[255, 255, 255], stroked=True, line_width_min_pixels=1, pickable=True),
        pdk.Layer("ScatterplotLayer", id="sightings", data=sightings, get_position="[lon, lat]",
                  get_radius=14, radius_units=pdk.types.String("pixels"), filled=False, stroked=True,
                  get_line_color=[255, 140, 0, 255], line_width_min_pixels=3, pickable=True),
        pdk.Layer("TextLayer", id="labels", data=places, get_position="[lon, lat]", get_text="name",
                  get_size=14, get_color=[30, 30, 30], get_pixel_offset=[0, -22], pickable=False,
                  font_family=pdk.types.String("Helvetica, Arial, sans-serif"), font_weight=600),
    ]  # fmt: skip


def map_deck(
    places: pd.DataFrame, arcs: pd.DataFrame, sightings: pd.DataFrame, basemap: bool = False
) -> pdk.Deck:
    """Outlines from the project's own GeoJSON; no basemap is fetched unless asked for.

    The first view frames Kursk (36°E), Krasnoyarsk (93°E) and North Korea (127°E).
    """
    view = pdk.ViewState(latitude=50.0, longitude=81.0, zoom=2.25, pitch=0)
    kwargs = {"map_style": "light"} if basemap else {"map_provider": None}
    return pdk.Deck(layers=map_layers(places, arcs, sightings), initial_view_state=view,
                    tooltip={"text": "{tooltip}"}, **kwargs)  # fmt: skip
