"""The figure-history chart as it was before its points were read by position
(dashboard/builders/history.py at 165c6b3), kept verbatim as the oracle for
tests/test_vectorised.py."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.builders.charts import esc

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
    traces, notes = [], []
    claimants = sorted(points["claimant"].unique())
    for n, claimant in enumerate(claimants):
        colour = PALETTE[n % len(PALETTE)]
        mine = points.index[points["claimant"] == claimant]
        hover = [
            f"<b>{esc(r.as_stated)}</b> {esc(r.system)}<br>{esc(r.claimant)} · {esc(r.article)}"
            f"<br>grade: {esc(r.grade)} · {esc(r.placed)} {r.date:%-d %b %Y}"
            f"<br>bounds: {r.low:,.0f}–{'open' if pd.isna(r.high) else f'{r.high:,.0f}'}"
            for r in points.loc[mine].itertuples()
        ]
        bx, by, bh = [], [], []
        for i, h in zip(mine, hover, strict=True):
            if high[i] > low[i]:
                bx += [x[i], x[i], None]
                by += [low[i], high[i], None]
                bh += [h, h, None]
        if bx:
            traces.append(
                go.Scatter(
                    x=bx,
                    y=by,
                    mode="lines",
                    line={"width": 9, "color": colour},
                    opacity=0.75,
                    hovertext=bh,
                    hoverinfo="text",
                    name=esc(claimant),
                    legendgroup=esc(claimant),
                    showlegend=True,
                )
            )
        ends = points.loc[mine]
        hollow = ends["placed"] != "reported"
        symbol = [
            ("triangle-up" if o else "circle") + ("-open" if h else "")
            for o, h in zip(open_ended[mine], hollow, strict=True)
        ]
        traces.append(
            go.Scatter(
                x=list(x[mine]),
                y=list(high[mine].where(open_ended[mine] | (high[mine] > low[mine]), low[mine])),
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": 13,
                    "color": colour,
                    "line": {"width": 2, "color": colour},
                },
                hovertext=hover,
                hoverinfo="text",
                name=esc(claimant),
                legendgroup=esc(claimant),
                showlegend=not bx,
                customdata=list(points.loc[mine, "transfer_id"]),
            )
        )
        for i in mine if len(points) <= LABELLED else []:
            notes.append(
                {
                    "x": x[i],
                    "y": high[i],
                    "text": esc(points.at[i, "as_stated"]),
                    "showarrow": False,
                    "yanchor": "bottom",
                    "yshift": 8 + 14 * int(stack[i] % 2),  # marks side by side: labels apart
                    "font": {"size": 11},
                }
            )
    where = {t: (x[i], (low[i] + high[i]) / 2) for i, t in enumerate(points["transfer_id"])}
    dx, dy = [], []
    for a, b in zip(differs["a"], differs["b"], strict=True):
        if a in where and b in where:
            dx += [where[a][0], where[b][0], None]
            dy += [where[a][1], where[b][1], None]
    if dx:
        traces.append(
            go.Scatter(
                x=dx,
                y=dy,
                mode="lines",
                name="differs: cannot both be true",
                line={"color": DIFFERS_COLOUR, "dash": "dash", "width": 2},
                hoverinfo="skip",
            )
        )
    fig = go.Figure(data=traces)
    fig.update_layout(
        annotations=notes,
        height=460,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"title": {"text": "claimant"}, "orientation": "h", "y": -0.15},
        xaxis={
            "type": "date",
            "title": "reported (hollow: placed at the article's publication)",
            "tickformat": "%-d %b %Y",  # days: the 6-hour offsets only keep marks apart
            **({"range": _day_range(points["date"])} if not points.empty else {}),
        },
        yaxis={"title": "stated figure (its range)", "rangemode": "tozero"},
        hoverlabel={"align": "left"},
    )
    return fig
