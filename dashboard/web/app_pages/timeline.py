"""Timeline: when things happened and when they were reported, with the window's precision."""

import streamlit as st

from dashboard.builders import charts
from dashboard.builders.palette import worded, words
from dashboard.views import sections, tallies
from dashboard.web import frame, links

ctx = frame.page(
    "Timeline",
    "● a day · ▨ hatched bar: a window such as “late October” (the day is not known) · "
    "◇ and dotted bars: when it was *reported*. Rows with neither date are listed below.",
)

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
names = tallies.actor_names(ctx.ds)
DRAWN = 300  # one mark per row up to here; beyond, a mark per row is unreadable and slow to send
ev = ctx.view.events
dated, undated = sections.split_dated(ev)
if len(dated) > DRAWN:
    st.caption(
        f"{len(dated):,} dated rows are too many to draw one by one: the chart counts them per week. "
        f"Narrow the filters to {DRAWN} or fewer to see each row, its window and its report date."
    )
    fig = charts.timeline_counts_figure(ev, colour_by)
else:
    fig = charts.timeline_figure(ev, names, colour_by)
chosen = sections.chosen_range(ctx.filters, ctx.span)
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
if fig.data:
    st.plotly_chart(fig, key="timeline", config={"displaylogo": False})
else:
    st.info("None of the rows shown has a date; they are listed below.")

st.subheader(f"Undated rows ({len(undated)})")
table = sections.undated_table(frame.capped(undated), names)
undated_table, id_link = links.as_links(
    worded(table, ["event_type", "when (as written)", "reported"]), ["id"]
)
st.dataframe(
    undated_table,
    hide_index=True,
    width="stretch",
    key="undated_rows",
    column_config={"summary": st.column_config.TextColumn(width="large")} | id_link,
)
