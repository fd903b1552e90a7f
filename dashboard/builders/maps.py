"""The map as a pydeck deck: outlines from the project's own GeoJSON, no basemap fetched,
each category in its fixed colour. DataFrames in, a Deck out. No streamlit here."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from dashboard.builders import palette
from dashboard.builders.palette import rgba

COUNTRIES_URL = "app/static/countries.geojson"
PRECISION_STYLE = {
    # geo_precision: (halo radius in metres, halo fill alpha); words for each are geo.PRECISION_WORDS
    "place": (0, 0),
    "city_for_region": (180_000, 40),
    "region": (180_000, 40),
    "country": (700_000, 0),
}
ARC_TILT = {"self_propelled_howitzer": -4, "multiple_rocket_launcher": 4, "personnel": 0}
SIGHTING = [255, 140, 0]
TOOLTIP_STYLE = {
    "maxWidth": "200px",
    "whiteSpace": "pre-wrap",
    "fontSize": "12px",
    "lineHeight": "1.35",
    "padding": "6px 8px",
}


def _arc_colours(arcs: pd.DataFrame) -> pd.DataFrame:
    """The category's fixed colour; faint at the supplier's end, full at the destination; a
    country-level destination stays faint all along (it is not a reported route)."""
    rgb = [rgba(palette.colour("category", c)) for c in arcs["category"]]
    faint = arcs["country_level"].astype(bool).tolist()
    return arcs.assign(
        src_rgba=[[*c[:3], 50 if f else 110] for c, f in zip(rgb, faint, strict=True)],
        dst_rgba=[[*c[:3], 70 if f else 235] for c, f in zip(rgb, faint, strict=True)],
        tilt=[ARC_TILT.get(c, 0) for c in arcs["category"]],
    )


def _arc_layer(layer_id: str, arcs: pd.DataFrame) -> pdk.Layer:
    return pdk.Layer(
        "ArcLayer",
        id=layer_id,
        data=arcs,
        get_source_position="[src_lon, src_lat]",
        get_target_position="[dst_lon, dst_lat]",
        get_width="width",
        width_min_pixels=2,
        get_tilt="tilt",
        get_source_color="src_rgba",
        get_target_color="dst_rgba",
        pickable=True,
        auto_highlight=True,
    )


def map_layers(
    places: pd.DataFrame, arcs: pd.DataFrame, sightings: pd.DataFrame, troops: bool = True
) -> list[pdk.Layer]:
    """Outlines, precision halos, hardware routes, troop routes (a layer of their own, drawn
    thin, so 10,000 soldiers never dwarf 20 launchers), places, sightings and labels."""
    halos = places.assign(
        halo_m=places["geo_precision"].map(lambda p: PRECISION_STYLE[p][0]),
        halo_alpha=places["geo_precision"].map(lambda p: PRECISION_STYLE[p][1]),
    )
    arcs = _arc_colours(arcs) if not arcs.empty else arcs.assign(src_rgba=[], dst_rgba=[], tilt=[])
    hardware, troop_arcs = arcs[arcs["kind"] != "troops"], arcs[arcs["kind"] == "troops"]
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="countries",
            data=COUNTRIES_URL,
            stroked=True,
            filled=True,
            get_fill_color=[236, 236, 232],
            get_line_color=[150, 150, 150],
            line_width_min_pixels=1,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id="precision",
            data=halos[halos["halo_m"] > 0],
            get_position="[lon, lat]",
            get_radius="halo_m",
            radius_units=pdk.types.String("meters"),
            stroked=True,
            filled=True,
            get_fill_color="[69, 117, 180, halo_alpha]",
            get_line_color=[69, 117, 180, 200],
            line_width_min_pixels=2,
            pickable=True,
        ),
        _arc_layer("arcs", hardware),
        _arc_layer("troop_arcs", troop_arcs if troops else troop_arcs.head(0)),
        pdk.Layer(
            "ScatterplotLayer",
            id="places",
            data=places,
            get_position="[lon, lat]",
            get_radius="radius_px",
            radius_units=pdk.types.String("pixels"),
            get_fill_color=[215, 48, 39, 230],
            get_line_color=[255, 255, 255],
            stroked=True,
            line_width_min_pixels=1,
            pickable=True,
        ),
        # Filled (faintly) so the whole disc answers a hover or a tap, not only its 3 px rim.
        pdk.Layer(
            "ScatterplotLayer",
            id="sightings",
            data=sightings,
            get_position="[lon, lat]",
            get_radius=18,
            radius_units=pdk.types.String("pixels"),
            filled=True,
            stroked=True,
            get_fill_color=[*SIGHTING, 60],
            get_line_color=[*SIGHTING, 255],
            line_width_min_pixels=3,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            id="labels",
            data=places,
            get_position="[lon, lat]",
            get_text="name",
            get_size=14,
            get_color=[30, 30, 30],
            get_pixel_offset=[0, -24],
            pickable=False,
            font_family=pdk.types.String("Helvetica, Arial, sans-serif"),
            font_weight=600,
            font_settings={"sdf": True},
            outline_width=3,
            outline_color=[255, 255, 255, 230],
        ),
    ]


def map_deck(
    places: pd.DataFrame,
    arcs: pd.DataFrame,
    sightings: pd.DataFrame,
    view: dict,
    basemap: bool = False,
    troops: bool = True,
    wheel_zoom: bool = False,
) -> pdk.Deck:
    """Outlines from the project's own GeoJSON; no basemap is fetched unless asked for.

    `view` (geo.fit_view) frames the located rows. The wheel does not zoom unless asked, so
    the page scrolls when the wheel passes over the map; drag pans, +/- and a double click zoom.
    """
    kwargs = {"map_style": "light"} if basemap else {"map_provider": None}
    controller = {
        "scrollZoom": wheel_zoom,
        "dragPan": True,
        "doubleClickZoom": True,
        "touchZoom": True,
        "touchRotate": False,
        "dragRotate": False,
        "keyboard": True,
    }
    return pdk.Deck(
        layers=map_layers(places, arcs, sightings, troops),
        initial_view_state=pdk.ViewState(pitch=0, **view),
        views=[pdk.View(type="MapView", controller=controller)],
        tooltip={"text": "{tooltip}", "style": TOOLTIP_STYLE},
        **kwargs,
    )
