"""The Map page's pinned details: what a click on a place, ring or line selected, in words;
and the country outlines the picture of the map is drawn on."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.builders import map_picture
from dashboard.builders.text import md
from dashboard.data.dataset import Dataset
from dashboard.views import details, geo
from dashboard.views.filters import View
from dashboard.web import frame
from dashboard.web.links import row_link_md

COUNTRIES = Path(__file__).parent / "static" / "countries.geojson"  # the deck fetches it too
PICTURE_TITLE = "North Korean arms and troops for Russia: places, routes, sightings. "
PLACE_LAYERS = ("places", "precision", "sightings")
HINT = (
    "Choose a place in the table under the map, or click or tap a place, a ring or a line on "
    "the Explore map, to list every row there."
)
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


def picked_row(state, places: pd.DataFrame) -> tuple[str, dict] | None:
    """The place chosen in the places table (its row selection), as the deck gives a place."""
    try:
        rows = state["selection"]["rows"]
    except (KeyError, TypeError):
        return None
    if not rows or not 0 <= rows[0] < len(places):
        return None
    return "places", {"location_id": places["location_id"].iloc[rows[0]]}


@st.cache_data(show_spinner=False)
def countries() -> dict:
    """The outlines the picture of the map is drawn on (the deck's own GeoJSON file)."""
    return json.loads(COUNTRIES.read_text(encoding="utf-8"))


def picture(view: View, ds: Dataset, troops: bool, title: str) -> go.Figure:
    """The picture of the map for these rows. Through frame.cached it is built once per dataset
    version, filters, troop toggle and title, and shared between sessions: read it only."""
    return map_picture.map_figure(
        geo.places_frame(view, ds),
        geo.arcs_frame(view, ds),
        geo.sightings_frame(view, ds),
        countries(),
        title,
        troops,
    )


def render(ctx: frame.Context, hit: tuple[str, dict] | None) -> None:
    """The details of the clicked place or route (a `picked` hit), or a hint when none is."""
    if hit is None:
        st.info(
            HINT,
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
