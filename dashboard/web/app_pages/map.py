"""Map: where things happened and went, and how precise each point is."""

import streamlit as st

from dashboard.builders import charts
from dashboard.views import geo
from dashboard.web import frame

ctx = frame.page(
    "Map",
    "Kursk, Krasnoyarsk and every other place a row names. Hover a point or arc for its rows.",
)

places = frame.cached(geo.places_frame, ctx)
arcs = frame.cached(geo.arcs_frame, ctx)
sightings = frame.cached(geo.sightings_frame, ctx)
basemap = st.toggle("Street basemap (needs internet)", value=False, key="basemap")
st.pydeck_chart(charts.map_deck(places, arcs, sightings, basemap), key="map", height=560)

st.markdown(
    "**Legend** — :red[**●**] red dot: rows at a place (bigger = more rows) · "
    ":blue[**◉**] blue shaded disc around it: the dot is a city standing for a whole region · "
    ":blue[**○**] blue open ring: the dot stands for a whole country, no city is known · "
    ":orange[**○**] orange ring: a sighting (the Koksan guns on rail) · "
    ":violet[**⌒**] purple-to-red arc: a transfer from supplier (purple end) to destination (red end), "
    "wider for larger stated quantities."
)
st.caption(
    f"{len(places)} place(s), {len(arcs)} route(s), {len(sightings)} sighting(s) under these filters."
)
st.dataframe(
    places[["name", "geo_precision", "rows", "lat", "lon"]], hide_index=True, width="stretch", key="places_table"
)  # fmt: skip
