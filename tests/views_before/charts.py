"""Equipment's range chart as it was before it drew all ranges in one trace (one trace per
row; dashboard/builders/charts.py at 4103f83), and the weekly counts before their figure was
built from checked dicts (at 165c6b3), kept verbatim as the oracle for
tests/test_vectorised.py."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.builders.charts import esc
from dashboard.builders.palette import colour_map, words


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
                    x=[low],
                    y=[labels[i]],
                    mode="markers",
                    marker={"size": 14, "color": "#4575b4"},
                    hovertext=hover,
                    hoverinfo="text",
                    showlegend=False,
                    customdata=[r["transfer_id"]],
                )
            )
        notes.append(
            {
                "x": high,
                "y": labels[i],
                "text": esc(r["as_stated"]),
                "showarrow": False,
                "xanchor": "left",
                "xshift": 12,
            }
        )
    fig = go.Figure(data=traces)
    fig.update_layout(
        annotations=notes,
        height=max(160, 60 * len(q) + 80),
        margin={"l": 10, "r": 90, "t": 10, "b": 40},
        xaxis={"title": "quantity (range implied by the words as stated)", "rangemode": "tozero"},
        yaxis={"title": None, "autorange": "reversed"},
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
    fig = go.Figure()
    for category, colour in colour_map(counts[colour_by], colour_by).items():
        mine = counts[counts[colour_by] == category]
        name = esc(words(category))
        fig.add_trace(
            go.Bar(
                x=mine["week"],
                y=mine["rows"],
                name=name,
                marker={"color": colour},
                legendgroup=category,
                hovertemplate=f"{name}: %{{y:,}} row(s) in the week of %{{x|%-d %b %Y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"title": {"text": words(colour_by)}, "orientation": "h", "y": -0.15},
        xaxis={"type": "date", "title": None},
        yaxis={"title": "rows per week"},
    )
    return fig
