"""Issue 11 items 1, 7, 10: the map as a picture — drawn offline on the project's outlines, the
same fixed colours as the deck, a PNG from the camera button, the page scrolls over it, a click
pins the same details as on the deck."""

from __future__ import annotations

import json

import pytest

from dashboard.builders import map_picture, palette
from dashboard.builders.map_picture import frame_box, merc, outline_paths
from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.views import geo
from dashboard.views.filters import Filters, apply_filters
from dashboard.web.map_panel import COUNTRIES
from tests.test_app_uxa import run, texts

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
        {
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[[170, 0], [171, 0], [171, 1], [170, 0]]]],
            }
        },
    ],
}


@pytest.mark.parametrize(
    ("lat", "y"),
    [pytest.param(0, 0.0, id="equator"), pytest.param(45, 50.499, id="45N")],
)
def test_merc(lat, y):
    assert merc(lat) == y


def test_frame_box_pads_and_keeps_a_lone_point_in_its_neighbourhood():
    assert frame_box([10.0], [0.0]) == (6.0, 14.0, -4.0, 4.0)  # 8 degrees around it
    west, east, south, north = frame_box([36.0, 126.0], [40.0, 56.0])
    assert (round(west, 1), round(east, 1)) == (19.8, 142.2)
    assert south < merc(40.0) and north > merc(56.0)


def test_outlines_keep_only_the_countries_near_the_frame():
    xs, ys = outline_paths(SQUARE, (-1.0, 2.0, -1.0, 2.0))
    assert xs == [0, 1, 1, 0, None]
    assert ys[:2] == [0.0, 0.0] and ys[-1] is None


def picture(at):
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec), json.loads(chart.proto.config)


def test_map_page_opens_on_the_picture_with_a_png_camera_and_a_scrolling_page():
    at = run("map")
    assert not at.exception
    assert not at.get("deck_gl_json_chart")
    spec, config = picture(at)
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "map", "scale": 2}
    assert config["scrollZoom"] is False and spec["layout"]["dragmode"] is False
    routes = {t["name"]: t["line"]["color"] for t in spec["data"] if t.get("legendgroup")}
    assert routes == {
        "rocket launcher": palette.colour("category", "multiple_rocket_launcher"),
        "self-propelled gun": palette.colour("category", "self_propelled_howitzer"),
        "troops": palette.colour("category", "personnel"),
    }
    names = [t.get("name") for t in spec["data"] if t.get("showlegend") is not False]
    assert "dotted: to a country's centre, not a reported route" in names
    assert "orange ring: a sighting" in names
    (places,) = [t for t in spec["data"] if t.get("name", "").startswith("red dot")]
    assert "<b>Krasnoyarsk region</b>" in places["text"]
    assert spec["layout"]["title"]["text"].startswith("North Korean arms and troops for Russia")


def test_troop_toggle_hides_the_troop_routes_in_the_picture():
    at = run("map")
    at.toggle(key="map_troops").set_value(False).run()
    spec, _ = picture(at)
    assert "troops" not in {t.get("name") for t in spec["data"]}


def test_a_place_chosen_in_the_table_pins_its_rows_beside_the_picture():
    at = run("map")
    names = list(at.dataframe[0].value["name"])
    at.session_state["places_table"] = {
        "selection": {"rows": [names.index("Krasnoyarsk region")], "columns": []}
    }
    at.run()
    assert "Krasnoyarsk region" in [h.value for h in at.subheader]
    assert "**2 row(s):**" in texts(at)


def test_the_picture_draws_only_the_outlines_near_the_rows():
    ds = load_dataset(REPO_ROOT / "datasets")
    view = apply_filters(ds, Filters())
    frames = [f(view, ds) for f in (geo.places_frame, geo.arcs_frame, geo.sightings_frame)]
    fig = map_picture.map_figure(*frames, json.loads(COUNTRIES.read_text(encoding="utf-8")))
    xs = [x for x in fig.data[0].x if x == x]  # NaN between rings
    assert len(xs) > 1000  # Russia, China, Korea and their neighbours
    assert min(xs) > -100 and max(xs) < 200  # the Americas and the Pacific are left out
    assert fig.layout.title.text == ""
