"""Equipment's range chart as it was before it drew all ranges in one trace (one trace per
row; dashboard/builders/charts.py at 4103f83), kept verbatim as the oracle for
tests/test_vectorised.py."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.builders.charts import esc


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
