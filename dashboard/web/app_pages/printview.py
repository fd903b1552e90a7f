"""Print view: the filters, the key figures, the timeline and the rows on one page, for paper.

Static tables (st.table, through frame.static_table: its cells render Markdown) wrap their text
instead of scrolling, so wide tables print whole; the sidebar starts collapsed (Streamlit's
print style hides a collapsed sidebar). Past PRINT_ROWS (300) rows a table prints its counts by
period or category and its first LISTED_ROWS (50) rows, as the Timeline counts past 300 dated
rows: a hundred thousand rows are neither readable on paper nor quick to send.
"""

import pandas as pd
import streamlit as st

from dashboard.builders import charts
from dashboard.builders.palette import worded, words
from dashboard.builders.text import md
from dashboard.views import printout, sections, tallies
from dashboard.web import frame

st.set_page_config(initial_sidebar_state="collapsed")
ctx = frame.page(
    "Print view",
    "Everything under these filters on one page: print it with your browser (Ctrl/Cmd + P). "
    "Opened from “Share · print”, it starts without the sidebar.",
)


def print_timeline(view, ds, limit: int):
    """One mark per dated row up to `limit`, else rows per week (the Timeline's rule). Only
    the columns counted, or the dated rows drawn, are copied."""
    ev = sections.coloured_dates(view, ds, "event_type")
    dated = sections.is_dated(ev).to_numpy()
    if int(dated.sum()) > limit:
        return charts.timeline_counts_figure(ev)
    return charts.timeline_figure(ds.events.loc[view.event_index[dated]], tallies.actor_names(ds))


def section(title: str, part: printout.Section, noun: str, captions: tuple[str, ...]) -> None:
    """A table's heading, its counts when it is long, and its (first) rows."""
    st.subheader(f"{title} ({part.total:,})")
    for caption, counts in zip(captions, part.counts, strict=False):
        st.caption(caption)
        frame.static_table(plain(counts))
    if part.capped:
        st.caption(  # the link is the app's own address; md() keeps it plain text
            md(
                f"Showing the first {len(part.rows):,} of {part.total:,} {noun} — download "
                f"them all from the Data page: {frame.view_link('data')}"
            )
        )
    frame.static_table(plain(part.rows))


def plain(table: pd.DataFrame) -> pd.DataFrame:
    """Codes in words, in the cells and in the column names; counts with thousands separators."""
    out = worded(table, ["event_type", "status", "system_name"])
    out.columns = [words(c) for c in out.columns]
    return out.map(lambda v: f"{v:,}" if isinstance(v, int) else v)


# Once per dataset version, filters and cap (the cap is read here so a test can lower it).
sheet = frame.cached(printout.print_sheet, ctx, printout.PRINT_ROWS)

# 1. Key figures, each in the words it was stated in
section(
    "Key figures",
    sheet.figures,
    "figures",
    ("Rows per system (figures are not added: their claimants and scopes differ):",),
)

# 2. The timeline
st.subheader("Timeline")
fig = frame.cached(print_timeline, ctx, printout.PRINT_ROWS)
if fig.data:
    st.plotly_chart(fig, key="print_timeline", config={"displaylogo": False, "staticPlot": True})
else:
    st.caption("None of these rows has a date.")

# 3. Every row (or the first of them), in words, wrapped rather than clipped
section(
    "Events",
    sheet.events,
    "events",
    ("Rows per month (when the event's window starts, else its report's):", "Rows per type:"),
)
section("Transfers", sheet.transfers, "transfers", ("Rows per system and status:",))
