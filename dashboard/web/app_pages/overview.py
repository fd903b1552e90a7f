"""Overview: what was delivered, how many, who says so, since when, and what is contested."""

import streamlit as st

from dashboard.builders.text import md
from dashboard.views import sections
from dashboard.web import analyses, frame
from dashboard.web.links import row_link_md

ctx = frame.page(
    "Overview",
    "North Korean arms and troops for Russia, as reported. Every figure keeps the words it was "
    "stated in, who claims it and when; figures from different claimants overlap and are never added.",
)

# 1. Headline numbers
m = analyses.overview_metrics(ctx)
span = m["span"]
cols = st.columns([1, 1, 1.6, 1])
cols[0].metric("Hardware reports", m["hardware"].total, help="Transfer rows for guns and launchers")
cols[1].metric("Troop reports", m["personnel"].total, help="Transfer rows for personnel")
cols[2].metric(
    f"Date span ({span[1].year})" if span else "Date span",
    f"{span[0]:%-d %b} – {span[1]:%-d %b}" if span else "undated",
    help="Earliest to latest dated window among the rows shown, within the chosen date range "
    "(the year is inferred)",
)
cols[3].metric("Claimants", m["claimants"], help="Distinct sources that say something")


st.caption(
    f"From {m['articles']} article(s). Figures are grouped by system; "
    "each keeps its claimant, source grade (reliability A–F / credibility 1–6, or ungraded) "
    "and article. Figures from different claimants or articles are compared, never added."
)


# 2. The figures by system, each with its qualifier, claimant, grade, article and date
def figure_lines(listed):
    """The first figures (figure_rows.Listed: systems with most figures first), by system."""
    if not listed.total:
        st.caption("None under these filters.")
    for system, group in listed.first.groupby("system", sort=False):
        claimants, articles = group["claimant"].nunique(), group["article"].nunique()
        st.markdown(
            f"**{md(system)}** · {len(group)} figure(s) from {claimants} claimant(s) in "
            f"{articles} article(s)" + (": compare them, never add them" if len(group) > 1 else "")
        )
        # One Markdown list per system, not one element per figure: each element costs the
        # browser a render of its own on the first paint (docs/PERFORMANCE.md, cold start).
        lines = []
        for row in group.itertuples():
            status = row.status.replace("_", " ")
            lines.append(
                f"- **{md(row.as_stated)}** {md(row.as_written)}, from {md(row.supplier)} ({md(status)}) · "
                f"{md(row.claimant)} ({md(row.grade)}) · in {md(row.article)} · {md(row.reported)} · "
                f"{row_link_md(row.transfer_id)}"
            )
        st.markdown("\n".join(lines))
    if listed.total > frame.LIST_ROWS:
        st.caption(
            f"… and {listed.total - frame.LIST_ROWS:,} more: the Equipment page tabulates them."
        )


left, right = st.columns(2)
with left:
    st.subheader(sections.HARDWARE_TITLE)
    figure_lines(m["hardware"])
with right:
    st.subheader("Troops")
    figure_lines(m["personnel"])

# 3. Contested: denials, acknowledgements, unverified and unattributed rows
st.subheader("Contested or unverified")
contested, n_contested = analyses.contested(ctx)
with st.container(border=True):
    if not n_contested:
        st.caption("Nothing denied or unverified under these filters.")
    lines = []  # one element, a paragraph per row (see figure_lines)
    for row in contested.itertuples():
        answers = f" — answers {md(row.answers)}" if row.answers else ""
        how = "no source named" if row.attribution == "unattributed" else md(row.stance)
        kept = f" · :gray[_{md(row.shown_because)}_]" if row.shown_because else ""
        lines.append(
            f"**{how}** · {md(row.claimant)}: {md(row.summary)}{answers} · "
            f"{row_link_md(row.event_id)}{kept}"
        )
    if lines:
        st.markdown("\n\n".join(lines))
    if n_contested > frame.LIST_ROWS:
        st.caption(f"… and {n_contested - frame.LIST_ROWS:,} more: narrow the filters to see them.")
