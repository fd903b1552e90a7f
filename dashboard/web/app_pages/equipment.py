"""Equipment: every stated figure as the range its words allow, hardware and troops apart."""

import streamlit as st

from dashboard.builders import charts
from dashboard.views import sections, tallies
from dashboard.web import frame

ctx = frame.page(
    "Equipment",
    "Each bar spans what the words allow (“nearly 50” = 45–49; “over 10,000” runs on, ▶). "
    "A dot is an exact figure. Rows from different claimants overlap: compare them, do not add them.",
)

q = frame.cached(tallies.quantity_rows, ctx)
CHART_ROWS = 30  # one bar per stated figure: more would be unreadable, and slow to send
COLUMNS = {
    "transfer_id": None,
    "as_stated": st.column_config.TextColumn("as stated"),
    "passage": st.column_config.TextColumn("passage", width="large"),
}
for section in sections.equipment_sections(q):
    st.subheader(section.title)
    if section.rows.empty:
        st.caption("None under these filters.")
        continue
    stated = section.stated
    if stated.empty:
        st.caption("No figure is stated for these rows.")
    else:
        if len(stated) > CHART_ROWS:
            st.caption(f"The chart draws the first {CHART_ROWS} of {len(stated):,} stated figures.")
        st.plotly_chart(
            charts.range_figure(stated.head(CHART_ROWS)),
            key=f"{section.key}_chart",
            config={"displaylogo": False},
        )
    st.dataframe(
        frame.capped(section.rows[sections.EQUIPMENT_COLUMNS]),
        hide_index=True,
        width="stretch",
        key=f"{section.key}_table",
        column_config=COLUMNS,
        row_height=60,
    )

st.subheader("Reports by system, category and claimant")
by = (
    st.segmented_control(
        "Tally by", ["system", "category", "claimant"], default="system", key="tally_by"
    )
    or "system"
)
counts = tallies.tally_rows(q, by)
if counts.empty:
    st.caption("None under these filters.")
else:
    st.dataframe(counts, hide_index=True, width="stretch", key="tally_table")
