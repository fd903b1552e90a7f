"""The Map page's pinned details: what a click on a place, ring or line selected, in words."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.views import details
from dashboard.web import frame
from dashboard.web.links import row_link_md

PLACE_LAYERS = ("places", "precision", "sightings")
ROUTE_LAYERS = ("arcs", "troop_arcs")


def picked(event) -> tuple[str, dict] | None:
    """(layer id, the clicked row) from st.pydeck_chart's selection, or None. The event is a
    dict-like in the browser and a plain dict in AppTest: index it, never use attributes."""
    try:
        objects = event["selection"]["objects"]
    except (KeyError, TypeError):
        return None
    for layer in PLACE_LAYERS + ROUTE_LAYERS:
        if objects.get(layer):
            return layer, objects[layer][0]
    return None


def _rows(rows: pd.DataFrame) -> None:
    if rows.empty:
        st.caption("No row under these filters.")
    for r in rows.itertuples():
        with st.container(border=True):
            st.markdown(f"**{md(r.summary)}**")
            st.markdown(
                f"{md(r.what)} · claimant: {md(r.claimant)}  \n"
                f"happened: {md(r.happened)}  \nreported: {md(r.reported)}"
            )
            st.caption(f"row {row_link_md(r.row_id)}")


def render(ctx: frame.Context, event) -> None:
    """The details of the clicked place or route, or a hint when nothing is clicked."""
    hit = picked(event)
    if hit is None:
        st.info(
            "Click or tap a place, a ring or a line to list every row there.",
            icon=":material/touch_app:",
        )
        return
    layer, obj = hit
    try:
        if layer in PLACE_LAYERS:
            head, rows = details.place_details(ctx.view, ctx.ds, obj["location_id"])
        else:
            head, rows = details.route_details(
                ctx.view, ctx.ds, obj["origin"], obj["destination"], obj["category"]
            )
    except KeyError:  # the selection is from before a filter change: nothing to pin now
        st.info("That selection is not under these filters any more: click the map again.")
        return
    with st.container(key="map_details"):
        st.subheader(md(head["title"]))
        st.markdown(f"The point stands for **{md(head['precision'])}**.")
        if head["note"]:
            st.caption(md(head["note"]))
        st.markdown(f"**{len(rows)} row(s):**")
        _rows(rows)
