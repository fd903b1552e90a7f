"""The Timeline's figure, built once per dataset version, filters and colouring, and shared.

Building it was half of the Timeline's script run after a filter change (plotly validates every
trace); cached, a filter combination seen before, a page switch or a visit after the warm-up
(dashboard/web/warmup.py) sends the figure without rebuilding it. The result is shared between
sessions through frame.cached: st.plotly_chart only reads it, and nothing else may change it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.builders import charts
from dashboard.data.dataset import Dataset
from dashboard.views import sections, tallies
from dashboard.views.filters import View
from dashboard.web import frame

DRAWN = 300  # one mark per row up to here; beyond, a mark per row is unreadable and slow to send


def timeline_chart(
    view: View, ds: Dataset, colour_by: str, chosen: tuple[pd.Timestamp, pd.Timestamp] | None
) -> tuple[go.Figure, int, pd.DataFrame, int]:
    """(the figure, how many rows are dated, the first TABLE_ROWS undated rows with
    sections.UNDATED_COLUMNS, how many rows are undated). Past DRAWN dated rows the figure
    counts rows per week; the chosen date range, if any, is shaded. Only the columns and rows
    drawn or listed are copied: at a million events the view's rows in full are half a second."""
    ev = sections.coloured_dates(view, ds, colour_by)  # a million rows: three columns
    dated = sections.is_dated(ev).to_numpy()
    n_dated = int(dated.sum())
    # Only the undated rows listed are copied, and only the columns the page lists them by.
    undated = ds.events.loc[ev.index[~dated][: frame.TABLE_ROWS], list(sections.UNDATED_COLUMNS)]
    if n_dated > DRAWN:
        fig = charts.timeline_counts_figure(ev[dated], colour_by)
    else:
        fig = charts.timeline_figure(
            ds.events.loc[ev.index[dated]], tallies.actor_names(ds), colour_by
        )
    if fig.data and chosen:
        # Shade the chosen range: what the filter keeps is seen against it (a window overlaps it).
        fig.add_vrect(
            x0=chosen[0].isoformat(),
            x1=chosen[1].isoformat(),
            fillcolor="#1f77b4",
            opacity=0.10,
            line_width=0,
            layer="below",
            annotation_text="chosen range",
            annotation_position="top left",
            name="chosen range",
        )
    return fig, n_dated, undated, len(dated) - n_dated
