"""Print view: the filters, the key figures, the timeline and the rows on one page, for paper.

Static tables (st.table, through frame.static_table: its cells render Markdown) wrap their text instead of scrolling, so wide tables print whole; the
sidebar starts collapsed (Streamlit's print style hides a collapsed sidebar).
"""

import pandas as pd
import streamlit as st

from dashboard.builders import charts
from dashboard.builders.palette import words
from dashboard.views import details, tallies
from dashboard.web import frame

st.set_page_config(initial_sidebar_state="collapsed")
ctx = frame.page(
    "Print view",
    "Everything under these filters on one page: print it with your browser (Ctrl/Cmd + P). "
    "Opened from “Share · print”, it starts without the sidebar.",
)
names = tallies.actor_names(ctx.ds)

# 1. Key figures, each in the words it was stated in
m = frame.cached(tallies.overview_metrics, ctx)
st.subheader("Key figures")
figures = pd.concat([m["hardware"], m["personnel"]])
frame.static_table(
    pd.DataFrame(
        {
            "as stated": figures["as_stated"],
            "what": figures["as_written"],
            "status": figures["status"].map(words),
            "claimant": figures["claimant"],
            "reported": figures["reported"],
            "row": figures["transfer_id"],
        }
    )
)

# 2. The timeline
st.subheader("Timeline")
fig = charts.timeline_figure(ctx.view.events, names)
if fig.data:
    st.plotly_chart(fig, key="print_timeline", config={"displaylogo": False, "staticPlot": True})
else:
    st.caption("None of these rows has a date.")

# 3. Every row, in words, wrapped rather than clipped
st.subheader(f"Events ({len(ctx.view.events)})")
ev = frame.capped(ctx.view.events)
frame.static_table(
    pd.DataFrame(
        {
            "summary": ev["summary"],
            "type": ev["event_type"].map(words),
            "claimant": ev["claimant_actor_id"].map(names),
            "stance": ev["stance"],
            "happened": [
                details.when(r.date_start, r.date_end, r.date_precision, r.date_text)
                for r in ev.itertuples()
            ],
            "reported": [
                details.when(
                    r.report_date_start,
                    r.report_date_end,
                    r.report_date_precision,
                    r.report_date_text,
                )
                for r in ev.itertuples()
            ],
            "row": ev["event_id"],
        }
    )
)
st.subheader(f"Transfers ({len(ctx.view.transfers)})")
tr = frame.capped(ctx.view.transfers)
frame.static_table(
    details.transfer_rows(tr, ctx.ds, names, "")[
        ["summary", "claimant", "happened", "reported", "row_id"]
    ].rename(columns={"row_id": "row"})
)
