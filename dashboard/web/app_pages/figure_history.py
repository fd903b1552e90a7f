"""Figure history: each system's stated figures over the date they were reported, per claimant
and article; ranges as ranges, open-ended figures as arrows; pairs that cannot both be true."""

import streamlit as st

from dashboard.builders.history import LABELLED
from dashboard.views import labels
from dashboard.web import analyses, frame

ctx = frame.page(
    "Figure history",
    "Every stated figure for one system, or for troops, at the date it was reported: a bar spans "
    "what the words allow (“about 12,000” = 11,500–12,500), ▲ runs on (“over 10,000”), ● is "
    "exact. One mark per claimant and article; a copy stands beside its origin. Hollow marks sit "
    "at the article's publication date because the report date is unknown. Never summed, never "
    "averaged.",
)

# 1. Which system
systems = analyses.systems(ctx)
if not systems:
    st.info("No figure is stated under these filters.")
    st.stop()
system = st.selectbox("System", systems, key="system", bind="query-params") or systems[0]

# 2. The chart
drawn, differs, total = analyses.system_history(ctx, system)
if total > len(drawn):
    st.caption(
        f"The chart draws the latest {len(drawn):,} of {total:,} figures. Narrow the filters to see earlier ones."
    )
if len(drawn) > LABELLED:
    st.caption(
        f"Past {LABELLED} marks the words as stated are in each mark's hover, not beside it."
    )
st.plotly_chart(
    analyses.history_chart(ctx, system), key="history_chart", config={"displaylogo": False}
)

# 3. Figures that cannot both be true, side by side
st.subheader(f"Figures that differ ({len(differs)})")
if differs.empty:
    st.caption("No two figures shown here are flagged as differing.")
else:
    st.caption(
        "Each pair counts the same thing at the same time and cannot both be true. Compare the sources and their grades; do not average them."
    )
    st.dataframe(differs, hide_index=True, width="stretch", key="differs_table")

# 4. Every figure drawn
st.subheader("The figures")
st.dataframe(
    labels.shown(
        drawn[
            [
                "transfer_id",
                "as_stated",
                "low",
                "high",
                "claimant",
                "grade",
                "article",
                "placed",
                "date",
                "related",
            ]
        ]
    ),
    hide_index=True,
    width="stretch",
    key="history_table",
    column_config={
        "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
        "transfer_id": st.column_config.TextColumn("row"),
        "as_stated": st.column_config.TextColumn("as stated"),
    },
)
