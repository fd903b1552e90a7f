"""Timeline: when things happened and when they were reported, with the window's precision."""

import streamlit as st

from dashboard.builders.palette import worded, words
from dashboard.views import sections, tallies
from dashboard.web import figures, frame, links

ctx = frame.page(
    "Timeline",
    "● a day · ▨ hatched bar: a window such as “late October” (the day is not known) · "
    "◇ and dotted bars: when it was *reported*. Rows with neither date are listed below.",
)


@st.fragment
def chart(ctx: frame.Context) -> tuple:
    """The colouring and the chart: only they change with "Colour by", so a click on it reruns
    this part alone (no sidebar, no filtering, the table below not sent again). Returns the
    undated rows (capped) and how many there are, for the table below on a full run."""
    colour_by = (
        st.segmented_control(
            "Colour by",
            ["event_type", "stance"],
            default="event_type",
            key="colour",
            bind="query-params",
            format_func=words,
        )
        or "event_type"
    )
    fig, n_dated, undated, n_undated = frame.cached(
        figures.timeline_chart, ctx, colour_by, sections.chosen_range(ctx.filters, ctx.span)
    )
    if n_dated > figures.DRAWN:
        st.caption(
            f"{n_dated:,} dated rows are too many to draw one by one: the chart counts them per week. "
            f"Narrow the filters to {figures.DRAWN} or fewer to see each row, its window and its report date."
        )
    if fig.data:
        st.plotly_chart(fig, key="timeline", config={"displaylogo": False})
    else:
        st.info("None of the rows shown has a date; they are listed below.")
    return undated, n_undated


undated, n_undated = chart(ctx)
names = tallies.actor_names(ctx.ds)
st.subheader(f"Undated rows ({n_undated})")
if n_undated > len(undated):  # frame.capped's words: the figure's cache holds only these rows
    st.caption(
        f"The first {len(undated):,} of {n_undated:,} rows are shown. Narrow the filters, "
        "or download them all from the Data page."
    )
table = worded(
    sections.undated_table(undated, names), ["event_type", "when (as written)", "reported"]
)
if not n_undated:
    st.caption("None under these filters.")
elif n_undated <= links.UNDATED_LIST_ROWS:
    # A few rows read as one Markdown list: a data grid costs the browser its chunk and a canvas
    # on the first paint and on every filter change (≈ 0.2 s of the cold start at seed,
    # docs/PERFORMANCE.md); many rows keep the grid (sortable, scrollable).
    st.markdown(links.undated_lines(table))
else:
    undated_table, id_link = links.as_links(table, ["id"])
    st.dataframe(
        undated_table,
        hide_index=True,
        width="stretch",
        key="undated_rows",
        column_config={"summary": st.column_config.TextColumn(width="large")} | id_link,
    )
