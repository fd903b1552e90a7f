"""Figure builders: DataFrames in, plotly figures out (the map is in maps.py). No streamlit here.

Every data string that reaches a figure goes through `esc`: plotly reads a few HTML tags in
text, so data is escaped before it is placed beside the tags the chart itself adds. Colours
and plain words come from dashboard.builders.palette, fixed per category.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.builders.palette import colour_map, words

DAY_MS = 86_400_000
LABEL_CHARS = 58  # a row's label above its mark: fits a phone's 360 px plot at 12 px
ROW_PX = 46  # one timeline row: its label above, its mark below


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from traces and a layout written in plotly's own checked form, built without
    plotly checking them again property by property (a figure of 66 traces spent most of its
    build there, and the page builds it on every filter change). tests/test_vectorised.py
    holds every builder that uses it to this: checking the figure changes nothing."""
    return go.Figure(data=traces, layout=layout, _validate=False)


def esc(value, width: int | None = None) -> str:
    """Escape a data value for plotly text; optionally wrap it at `width` characters.

    Only &, < and > are escaped: plotly decodes &amp; &lt; &gt; but shows &quot; as written,
    and a quote cannot open a tag."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if width:
        return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text, width))
    return html.escape(text, quote=False)


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """The first `limit` characters, cut at a word, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def timeline_rows(events: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Dated events in time order, each with its label and hover text."""
    start = events["date_start"].fillna(events["report_date_start"])
    rows = events.assign(_order=start).dropna(subset=["_order"]).sort_values(["_order", "event_id"])
    claimant = rows["claimant_actor_id"].map(names)
    rows["label"] = [
        esc(short(f"{s} ({c})")) for s, c in zip(rows["summary"], claimant, strict=True)
    ]
    rows["hover"] = [
        f"<b>{esc(r.summary, 60)}</b><br>{esc(r.event_id)} · {esc(words(r.event_type))}"
        f"<br>claimant: {esc(c)} · stance: {esc(r.stance)}"
        f"<br>happened: {esc(r.date_text or 'not said')}<br>reported: {esc(r.report_date_text or 'not said')}"
        f"<br><i>“{esc(r.passage, 60)}”</i>"
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
    cols = ["hover", "event_id", f"{prefix}_start", f"{prefix}_end"]  # only these are sent
    for category, colour in colours.items():
        mine = (rows[colour_by] == category) & drawn
        points, bars = rows.loc[mine & precise, cols], rows.loc[mine & ~precise, cols]
        common = {"legendgroup": category, "name": esc(words(category)), "hoverinfo": "text"}
        if not bars.empty:
            traces.append(
                go.Bar(
                    orientation="h",
                    y=bars["event_id"].tolist(),  # lists: plotly converts pandas strings slowly
                    base=bars[f"{prefix}_start"],
                    x=((bars[f"{prefix}_end"] - bars[f"{prefix}_start"]).dt.days + 1) * DAY_MS,
                    marker={
                        "color": colour,
                        "opacity": 0.45 if kind == "reported" else 0.8,
                        "pattern": {"shape": "." if kind == "reported" else "/"},
                    },
                    width=0.42,
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
                    y=points["event_id"].tolist(),
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
    it was reported. Each row's short summary sits above its mark, not in a y-axis margin, so
    the plot keeps the whole width (a phone keeps ~350 px of it); ids are in the hover.
    """
    rows = timeline_rows(events, names)
    colours = colour_map(rows[colour_by], colour_by)
    shown: set[str] = set()
    traces = []
    for prefix, kind in (("date", "happened"), ("report_date", "reported")):
        traces += _window_traces(rows, prefix, colour_by, colours, kind, shown)
    labels = [
        {
            "x": 0,
            "xref": "paper",
            "y": e,
            "yref": "y",
            "yshift": 15,
            "text": label,
            "showarrow": False,
            "xanchor": "left",
            "font": {"size": 12},
        }
        for e, label in zip(rows["event_id"], rows["label"], strict=True)
    ]
    fig = go.Figure(data=traces)
    fig.update_layout(
        barmode="overlay",
        height=max(260, ROW_PX * len(rows) + 130),
        margin={"l": 8, "r": 8, "t": 40, "b": 30},
        annotations=labels,
        legend={
            "title": {"text": words(colour_by)},
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
        },
        xaxis={"type": "date", "title": None, "showgrid": True},
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(rows["event_id"])[::-1],
            "title": None,
            "showticklabels": False,
            "range": [-0.6, len(rows) - 0.2],
        },
        hoverlabel={"align": "left"},
    )
    return fig


def timeline_counts_figure(events: pd.DataFrame, colour_by: str = "event_type") -> go.Figure:
    """For rows too many to draw one by one: dated rows per week, stacked by colour. A row
    counts in the week its window starts (the event's window where known, else the report's)."""
    start = events["date_start"].fillna(events["report_date_start"])
    # Weeks run Monday to Sunday: each day's Monday (as to_period("W-SUN").dt.start_time, which
    # takes seconds at a million rows).
    week = (start - pd.to_timedelta(start.dt.day_of_week, unit="D")).dt.normalize()
    counts = events.groupby([week.rename("week"), colour_by]).size().rename("rows").reset_index()
    traces = []
    for category, colour in colour_map(counts[colour_by], colour_by).items():
        mine = counts[counts[colour_by] == category]
        name = esc(words(category))
        traces.append(
            {
                "type": "bar",
                "x": mine["week"].to_numpy(),
                "y": mine["rows"].to_numpy(),
                "name": name,
                "marker": {"color": colour},
                "legendgroup": category,
                "hovertemplate": f"{name}: %{{y:,}} row(s) in the week of %{{x|%-d %b %Y}}<extra></extra>",
            }
        )
    return figure(
        traces,
        {
            "barmode": "stack",
            "height": 420,
            "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
            "legend": {"title": {"text": words(colour_by)}, "orientation": "h", "y": -0.15},
            "xaxis": {"type": "date", "title": {}},  # as plotly stores title=None
            "yaxis": {"title": {"text": "rows per week"}},
        },
    )


def range_figure(q: pd.DataFrame) -> go.Figure:
    """Each stated figure as a range: a bar from its low to its high bound, an arrow when
    open-ended, a dot only when exact; the words as stated sit beside it.

    Two traces whatever the rows (the ranges, gaps between them; the exact figures), not one
    per row: plotly validates each trace on its own, and thirty of them were most of the
    Equipment page's drawing. The rows keep their order on the axis (categoryarray)."""
    q = q[q["low"].notna()].reset_index(drop=True)
    notes = []
    top = float(q[["low", "high"]].max().max()) if not q.empty else 1.0
    labels = [esc(f"{s} — {c}") for s, c in zip(q["system"], q["claimant"], strict=True)]
    bars = {"x": [], "y": [], "symbol": [], "hover": [], "id": []}
    dots = {"x": [], "y": [], "hover": [], "id": []}
    for i, r in enumerate(q.itertuples()):
        low = float(r.low)
        open_ended = pd.isna(r.high)
        high = top * 1.15 if open_ended else float(r.high)
        hover = f"<b>{esc(r.as_stated)}</b> {esc(r.system)}<br>{esc(r.claimant)} · {esc(r.reported)}<br>bounds: {low:,.0f}–{'open' if open_ended else f'{high:,.0f}'}"
        if high > low:
            bars["x"] += [low, high, None]
            bars["y"] += [labels[i], labels[i], None]
            bars["symbol"] += ["line-ns", "triangle-right" if open_ended else "line-ns", "line-ns"]
            bars["hover"] += [hover, hover, None]
            bars["id"] += [r.transfer_id, r.transfer_id, None]
        else:
            dots["x"].append(low)
            dots["y"].append(labels[i])
            dots["hover"].append(hover)
            dots["id"].append(r.transfer_id)
        notes.append(
            {
                "x": high,
                "y": labels[i],
                "text": esc(r.as_stated),
                "showarrow": False,
                "xanchor": "left",
                "xshift": 12,
            }
        )
    traces = []
    if bars["x"]:
        traces.append(
            {
                "type": "scatter",
                "x": bars["x"][:-1],  # no gap after the last range
                "y": bars["y"][:-1],
                "mode": "lines+markers",
                "line": {"width": 14, "color": "#4575b4"},
                "marker": {"symbol": bars["symbol"][:-1], "size": 16, "line": {"width": 2}},
                "hovertext": bars["hover"][:-1],
                "hoverinfo": "text",
                "showlegend": False,
                "customdata": bars["id"][:-1],
            }
        )
    if dots["x"]:
        traces.append(
            {
                "type": "scatter",
                "x": dots["x"],
                "y": dots["y"],
                "mode": "markers",
                "marker": {"size": 14, "color": "#4575b4"},
                "hovertext": dots["hover"],
                "hoverinfo": "text",
                "showlegend": False,
                "customdata": dots["id"],
            }
        )
    return figure(
        traces,
        {
            **({"annotations": notes} if notes else {}),  # plotly drops an empty list
            "height": max(160, 60 * len(q) + 80),
            "margin": {"l": 10, "r": 90, "t": 10, "b": 40},
            "xaxis": {
                "title": {"text": "quantity (range implied by the words as stated)"},
                "rangemode": "tozero",
            },
            "yaxis": {
                "autorange": "reversed",
                "categoryorder": "array",  # the rows' order, as one trace per row gave it
                "categoryarray": list(dict.fromkeys(labels)),
            },
        },
    )
