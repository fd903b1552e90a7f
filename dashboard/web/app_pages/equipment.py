"""Equipment: every stated figure as the range its words allow, hardware and troops apart."""

import streamlit as st

from dashboard.builders.text import md
from dashboard.views import labels, relations, sections
from dashboard.web import analyses, frame

ctx = frame.page(
    "Equipment",
    "Each bar spans what the words allow (“nearly 50” = 45–49; “over 10,000” runs on, ▶). "
    "A dot is an exact figure. Rows from different claimants overlap: compare them, do not add them.",
)

COLUMNS = {
    "transfer_id": None,
    "as_stated": st.column_config.TextColumn("as stated"),
    "passage": st.column_config.TextColumn("passage", width="large"),
    "grade": st.column_config.TextColumn(
        "grade",
        help="Source reliability A–F and information credibility 1–6 (Admiralty); ungraded when no curator graded it",
    ),
    "related": st.column_config.TextColumn(
        "related rows", help="Relations a curator set: same report, may overlap, updates, differs"
    ),
}
for part in analyses.equipment_parts(ctx):
    st.subheader(part.title)
    if not part.total:
        st.caption("None under these filters.")
        continue
    if not part.n_stated:
        st.caption("No figure is stated for these rows.")
    else:
        if part.n_stated > analyses.CHART_ROWS:
            st.caption(
                f"The chart draws the first {analyses.CHART_ROWS} of {part.n_stated:,} stated figures."
            )
        st.plotly_chart(
            analyses.equipment_charts(ctx)[part.key],
            key=f"{part.key}_chart",
            config={"displaylogo": False},
        )
    if part.total > len(part.rows):  # frame.capped's words: the page holds only these rows
        st.caption(
            f"The first {len(part.rows):,} of {part.total:,} rows are shown. Narrow the filters, "
            "or download them all from the Data page."
        )
    st.dataframe(
        labels.shown(part.rows[sections.EQUIPMENT_COLUMNS]),
        hide_index=True,
        width="stretch",
        key=f"{part.key}_table",
        column_config=COLUMNS,
        row_height=60,
    )

st.subheader("Figures to compare, not to add")
ROW_COLUMNS = ("transfer_id", "as_stated", "system", "claimant", "grade", "article", "reported")
RELATION_COLUMNS = ("from_row_id", "kind", "to_row_id", "basis", "set_by")
listed, n_groups = analyses.listed_groups(ctx, frame.LIST_ROWS)
if not n_groups:
    st.caption("No related figures under these filters.")
for group in listed:
    with st.container(border=True):
        st.markdown(f"**{md(group['headline'])}**")
        rows, rel = group["rows"], group["relations"]  # columns zipped: itertuples is slow
        for tid, stated, system, claimant, grade, article, reported in zip(
            *(rows[c] for c in ROW_COLUMNS), strict=True
        ):
            st.markdown(
                f"- {md(tid)} · **{md(stated)}** {md(system)} · "
                f"{md(claimant)} ({md(grade)}) · {md(article)} · {md(reported)}"
            )
        for a, kind, b, basis, by in zip(*(rel[c] for c in RELATION_COLUMNS), strict=True):
            st.caption(
                f"{md(a)} {md(relations.WORDS[kind][0])} {md(b)}: {md(basis)} (set by {md(by)})"
            )
if n_groups > frame.LIST_ROWS:
    st.caption(f"… and {n_groups - frame.LIST_ROWS:,} more groups: narrow the filters to see them.")

st.subheader("Reports by system, category and claimant")
by = (
    st.segmented_control(
        "Tally by", ["system", "category", "claimant"], default="system", key="tally_by"
    )
    or "system"
)
counts = analyses.tally(ctx, by)
if counts.empty:
    st.caption("None under these filters.")
else:
    st.dataframe(labels.shown(counts), hide_index=True, width="stretch", key="tally_table")
