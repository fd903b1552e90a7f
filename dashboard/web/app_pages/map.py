"""Map: where things happened and went, how precise each point is; a click pins every row."""

import pandas as pd
import streamlit as st

from dashboard.builders import maps
from dashboard.views import geo
from dashboard.web import frame, map_panel

ctx = frame.page(
    "Map",
    "Hover a place, ring or line for a short note; click or tap it to pin every row there.",
)

# 1. What to draw
places = frame.cached(geo.places_frame, ctx)
arcs = frame.cached(geo.arcs_frame, ctx)
sightings = frame.cached(geo.sightings_frame, ctx)
c1, c2, c3 = st.columns(3)
troops = c1.toggle("Troop deployments", value=True, key="map_troops")
wheel = c2.toggle(
    "Zoom with the mouse wheel",
    value=False,
    key="map_wheel",
    help="Off: the wheel scrolls the page. Drag to pan; +/− or a double click zoom.",
)
basemap = c3.toggle("Street basemap (needs internet)", value=False, key="basemap")

# 2. The map, framed on the located rows, and the pinned details beside it (under it on a phone)
phone = frame.is_phone()
width, height = (340, 420) if phone else (560, 540)
view = geo.fit_view(
    pd.concat([places["lon"], sightings["lon"]]),
    pd.concat([places["lat"], sightings["lat"]]),
    width,
    height,
)
deck = maps.map_deck(places, arcs, sightings, view, basemap, troops, wheel)
map_col, panel = st.columns([3, 2])
with map_col:
    event = st.pydeck_chart(
        deck, key="map", height=height, on_select="rerun", selection_mode="single-object"
    )
with panel:
    map_panel.render(ctx, event)

# 3. Legend, counts and the places in words
st.markdown(
    "**Legend** — :red[**●**] red dot: rows at a place (bigger = more rows) · "
    ":blue[**◉**] blue shaded disc around it: the dot is a city standing for a whole region · "
    ":blue[**○**] blue open ring: the dot stands for a whole country, no city is known · "
    ":orange[**◎**] orange ring: a sighting (where in the region, and when, are unknown) · "
    "**lines**: a transfer, faint at the supplier's end, in its category's colour; "
    "a faint line to a country's centre is not a reported route."
)
st.caption(
    "Line colours, fixed per category: :red[**━**] self-propelled guns · "
    ":violet[**━**] rocket launchers · :blue[**━**] troops (thin, whatever their number)."
)
st.caption(
    f"{len(places)} place(s), {len(arcs)} route(s), {len(sightings)} sighting(s) under these filters."
)
st.dataframe(
    pd.DataFrame(
        {
            "name": places["name"],
            "the point stands for": places["geo_precision"].map(geo.PRECISION_WORDS),
            "rows": places["rows"],
            "where": geo.coordinates(places),
        }
    ),
    hide_index=True,
    width="stretch",
    key="places_table",
)
