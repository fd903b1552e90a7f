"""Map: where things happened and went, how precise each point is; a click pins every row."""

import pandas as pd
import streamlit as st

from dashboard.builders import map_picture, maps
from dashboard.views import geo
from dashboard.web import frame, map_panel

MODES = {"picture": "Picture (scrolls, PNG)", "explore": "Explore (pan and zoom)"}
EXPLORE_FIT = (340, 460)  # width and height (px) the explore map's first view is fitted to

ctx = frame.page(
    "Map",
    "Hover a place, ring or line for a short note; choose a place in the table under the map, "
    "or click or tap it on the Explore map, to pin every row there.",
)

# 1. What to draw, and how: a picture that scrolls with the page, or a map to explore
places = frame.cached(geo.places_frame, ctx)
arcs = frame.cached(geo.arcs_frame, ctx)
sightings = frame.cached(geo.sightings_frame, ctx)
mode = st.segmented_control(
    "Map",
    list(MODES),
    default="picture",
    required=True,
    format_func=MODES.get,
    key="map_mode",
    help="Picture: the page scrolls over it (a swipe on a phone too), it fits any screen, "
    "and its camera button saves a PNG. Explore: drag to pan, pinch, +/− or a double click to "
    "zoom, click or tap a place for its rows; on a phone it takes your swipes.",
)
c1, c2, c3 = st.columns(3)
troops = c1.toggle("Troop deployments", value=True, key="map_troops")
if mode == "explore":
    wheel = c2.toggle(
        "Zoom with the mouse wheel",
        value=False,
        key="map_wheel",
        help="Off: the wheel scrolls the page. Drag to pan; +/− or a double click zoom.",
    )
    basemap = c3.toggle("Street basemap (needs internet)", value=False, key="basemap")

# 2. The map, framed on the located rows, and the pinned details beside it (under it on a phone)
map_col, panel = st.columns([3, 2])
with map_col:
    if mode == "picture":
        title = map_panel.PICTURE_TITLE + frame.filter_line(ctx)
        fig = frame.cached(map_panel.picture, ctx, troops, title)
        # No on_select: with selections on, Streamlit turns plotly's drag mode to "pan", and a
        # swipe on a phone would pan the picture instead of scrolling the page.
        st.plotly_chart(fig, key="map_picture", config=map_picture.CONFIG, theme=None)
        hit = None
    else:
        # The server never learns the screen's width and st.pydeck_chart cannot fit bounds in
        # the browser, so the first view is fitted to the narrowest screen (a phone's 340 px
        # map): every located row is in view on any screen. The picture fits itself.
        view = geo.fit_view(
            pd.concat([places["lon"], sightings["lon"]]),
            pd.concat([places["lat"], sightings["lat"]]),
            *EXPLORE_FIT,
        )
        deck = maps.map_deck(places, arcs, sightings, view, basemap, troops, wheel)
        event = st.pydeck_chart(
            deck,
            key="map",
            height=EXPLORE_FIT[1],
            on_select="rerun",
            selection_mode="single-object",
        )
        hit = map_panel.picked(event)
with panel:  # a click on the deck, else the row chosen in the places table (its last run's state)
    map_panel.render(ctx, hit or map_panel.picked_row(st.session_state.get("places_table"), places))

# 3. Legend, counts and the places in words
st.markdown(
    "**Legend** — :red[**●**] red dot: rows at a place (bigger = more rows) · "
    ":blue[**◉**] blue shaded disc around it: the dot is a city standing for a whole region · "
    ":blue[**○**] blue open ring: the dot stands for a whole country, no city is known · "
    ":orange[**◎**] orange ring: a sighting (where in the region, and when, are unknown) · "
    "**lines**: a transfer in its category's colour, faint at the supplier's end (the "
    "picture: an arrowhead at the destination); "
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
    on_select="rerun",
    selection_mode="single-row",
)
