"""The figure-history chart: stated ranges over report date, one mark per claimant and article.
DataFrames in, a plotly figure out; no streamlit here. Data strings pass through charts.esc."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.builders.charts import esc, figure

# Claimants are many and change with the data: colours by order (the legend names each).
PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
]
DIFFERS_COLOUR = "#d62728"
HOVER_COLUMNS = (
    "as_stated",
    "system",
    "claimant",
    "article",
    "grade",
    "placed",
    "date",
    "low",
    "high",
)
LABELLED = 60  # marks whose words are written beside them; past this they overlap unreadably
# (and each label is an annotation plotly validates one by one): the words stay in the hover


def _offsets(points: pd.DataFrame) -> pd.Series:
    """Marks on the same day sit side by side (6 h apart), so a copy never hides its origin."""
    k = points.groupby(points["date"].dt.normalize()).cumcount()
    n = points.groupby(points["date"].dt.normalize())["date"].transform("size")
    return pd.to_timedelta((k - (n - 1) / 2) * 6, unit="h")


def _day_range(dates: pd.Series) -> list[pd.Timestamp]:
    """At least three days either side of the reports, so marks on one day do not read as hours."""
    lo, hi = dates.min().normalize(), dates.max().normalize() + pd.Timedelta(days=1)
    pad = max(pd.Timedelta(days=3), (hi - lo) * 0.05)
    return [lo - pad, hi + pad]


def history_figure(points: pd.DataFrame, differs: pd.DataFrame) -> go.Figure:
    """A vertical bar from each figure's low to its high bound at the date it was reported; an
    arrow up when open-ended ('over 10,000'); a dot when exact. Hollow marks: placed at the
    article's publication date (the report date is unknown). Red dashes join pairs that differ."""
    points = points.reset_index(drop=True)
    x = points["date"] + _offsets(points)
    stack = points.groupby(points["date"].dt.normalize()).cumcount()
    low = points["low"].astype(float)
    high_given = points["high"].astype(float)
    top = float(pd.concat([low, high_given]).max()) if not points.empty else 1.0
    open_ended = high_given.isna()
    high = high_given.fillna(top * 1.12)
    # Arrays and lists, read by position: a Series lookup per point and itertuples per claimant
    # were most of the chart's build at 300 points and 30 claimants.
    xs, lows, highs = list(x), low.to_numpy(), high.to_numpy()
    opens = open_ended.to_numpy()
    ends_at = np.where(opens | (highs > lows), highs, lows).tolist()
    hollow = (points["placed"] != "reported").to_numpy()
    ids, stated, stacks = list(points["transfer_id"]), list(points["as_stated"]), list(stack)
    hovers = [
        f"<b>{esc(a)}</b> {esc(s)}<br>{esc(c)} · {esc(art)}"
        f"<br>grade: {esc(g)} · {esc(p)} {d:%-d %b %Y}"
        f"<br>bounds: {lo:,.0f}–{'open' if pd.isna(hi) else f'{hi:,.0f}'}"
        for a, s, c, art, g, p, d, lo, hi in zip(*(points[k] for k in HOVER_COLUMNS), strict=True)
    ]
    claimant_of = points["claimant"].to_numpy()
    traces, notes = [], []
    claimants = sorted(points["claimant"].unique())
    for n, claimant in enumerate(claimants):
        colour = PALETTE[n % len(PALETTE)]
        mine = np.flatnonzero(claimant_of == claimant)
        bx, by, bh = [], [], []
        for i in mine:
            if highs[i] > lows[i]:
                bx += [xs[i], xs[i], None]
                by += [lows[i], highs[i], None]
                bh += [hovers[i], hovers[i], None]
        if bx:
            traces.append(
                {
                    "type": "scatter",
                    "x": bx,
                    "y": by,
                    "mode": "lines",
                    "line": {"width": 9, "color": colour},
                    "opacity": 0.75,
                    "hovertext": bh,
                    "hoverinfo": "text",
                    "name": esc(claimant),
                    "legendgroup": esc(claimant),
                    "showlegend": True,
                }
            )
        symbol = [
            ("triangle-up" if opens[i] else "circle") + ("-open" if hollow[i] else "") for i in mine
        ]
        traces.append(
            {
                "type": "scatter",
                "x": [xs[i] for i in mine],
                "y": [ends_at[i] for i in mine],
                "mode": "markers",
                "marker": {
                    "symbol": symbol,
                    "size": 13,
                    "color": colour,
                    "line": {"width": 2, "color": colour},
                },
                "hovertext": [hovers[i] for i in mine],
                "hoverinfo": "text",
                "name": esc(claimant),
                "legendgroup": esc(claimant),
                "showlegend": not bx,
                "customdata": [ids[i] for i in mine],
            }
        )
        for i in mine if len(points) <= LABELLED else []:
            notes.append(
                {
                    "x": xs[i],
                    "y": highs[i],
                    "text": esc(stated[i]),
                    "showarrow": False,
                    "yanchor": "bottom",
                    "yshift": 8 + 14 * int(stacks[i] % 2),  # marks side by side: labels apart
                    "font": {"size": 11},
                }
            )
    where = {t: (xs[i], (lows[i] + highs[i]) / 2) for i, t in enumerate(ids)}
    dx, dy = [], []
    for a, b in zip(differs["a"], differs["b"], strict=True):
        if a in where and b in where:
            dx += [where[a][0], where[b][0], None]
            dy += [where[a][1], where[b][1], None]
    if dx:
        traces.append(
            {
                "type": "scatter",
                "x": dx,
                "y": dy,
                "mode": "lines",
                "name": "differs: cannot both be true",
                "line": {"color": DIFFERS_COLOUR, "dash": "dash", "width": 2},
                "hoverinfo": "skip",
            }
        )
    return figure(
        traces,
        {
            **({"annotations": notes} if notes else {}),  # plotly drops an empty list
            "height": 460,
            "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
            "legend": {"title": {"text": "claimant"}, "orientation": "h", "y": -0.15},
            "xaxis": {
                "type": "date",
                "title": {"text": "reported (hollow: placed at the article's publication)"},
                "tickformat": "%-d %b %Y",  # days: the 6-hour offsets only keep marks apart
                **({"range": _day_range(points["date"])} if not points.empty else {}),
            },
            "yaxis": {"title": {"text": "stated figure (its range)"}, "rangemode": "tozero"},
            "hoverlabel": {"align": "left"},
        },
    )
