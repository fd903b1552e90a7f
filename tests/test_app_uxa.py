"""Issue 11 items 1, 5, 7, 8, 10: map details, fixed colours and plain words, the phone, the
reader, sharing and printing. AppTests on the real dataset and tables for the pure parts."""

import json

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.builders import charts, palette
from dashboard.builders.text import md
from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.pages import ENTRY
from dashboard.pages import PAGES as PAGE_SPECS
from dashboard.schema import EVENT_TYPES, GEO_PRECISIONS, STANCES, TRANSFER_CATEGORIES
from dashboard.views import details, geo
from dashboard.views.filters import Filters, actor_links, apply_filters, undated_words
from dashboard.web import map_panel

PAGES = {p.url_path: p.script for p in PAGE_SPECS}


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO_ROOT / "datasets")


def run(page="overview", query=None):
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(PAGES[page]).run()
    return at


def plotly(at, i=0):
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def deck(at):
    """The Map page's deck JSON; the page opens on the picture, so switch to Explore first."""
    if not at.get("deck_gl_json_chart"):
        at.session_state["map_mode"] = "explore"
        at.run()
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def layer(spec, layer_id):
    return next(x for x in spec["layers"] if x["id"] == layer_id)


def texts(at):
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


# --- 5. one colour per category, plain words ------------------------------------------------------


def test_every_enum_value_has_its_own_fixed_colour():
    for by, values in (
        ("event_type", EVENT_TYPES),
        ("stance", STANCES),
        ("category", TRANSFER_CATEGORIES),
    ):
        colours = [palette.colour(by, v) for v in values]
        assert len(set(colours)) == len(values), by
    assert palette.colour("event_type", "combat") == "#ff7f0e"
    assert palette.colour("event_type", "arms_transfer") == "#d62728"
    assert palette.colour_map(["combat", "arms_transfer"], "event_type") == {
        "arms_transfer": "#d62728",
        "combat": "#ff7f0e",
    }


@pytest.mark.parametrize(
    "code, plain",
    [
        pytest.param("arms_transfer", "arms transfer", id="event-type"),
        pytest.param("in_transit", "in transit", id="status"),
        pytest.param("city_for_region", "a city standing for its region", id="precision"),
        pytest.param("claimant_actor_id", "claimant", id="column"),
        pytest.param(None, "not stated", id="none"),
        pytest.param(float("nan"), "not stated", id="nan"),
    ],
)
def test_codes_in_plain_words(code, plain):
    assert palette.words(code) == plain


def test_every_geo_precision_has_words():
    assert set(GEO_PRECISIONS) <= set(geo.PRECISION_WORDS)


def test_plotly_text_shows_quotes_as_quotes_and_tags_as_text():
    assert charts.esc('M-1978 "Koksan"') == 'M-1978 "Koksan"'
    assert charts.esc("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def _colours_by_group(spec):
    return {t["legendgroup"]: t["marker"]["color"] for t in spec["data"]}


def test_a_category_keeps_its_colour_under_two_filters():
    at = run("timeline")
    everything = _colours_by_group(plotly(at))
    at.sidebar.multiselect(key="type").set_value(["combat"]).run()
    only_combat = _colours_by_group(plotly(at))
    assert only_combat == {"combat": "#ff7f0e"} == {"combat": everything["combat"]}
    assert everything["arms_transfer"] == "#d62728"
    legend_names = {t["name"] for t in plotly(run("timeline"))["data"]}
    assert "arms transfer" in legend_names and "arms_transfer" not in legend_names


def test_timeline_labels_are_short_summaries_with_ids_in_the_hover():
    spec = plotly(run("timeline"))
    labels = [a["text"] for a in spec["layout"]["annotations"]]
    assert len(labels) == 11
    assert "Financial Times: North Korea delivered nearly 50 M-1978…" in labels
    assert not any(label.startswith("000-ev") for label in labels)
    assert spec["layout"]["yaxis"]["showticklabels"] is False  # the plot keeps the width
    hovers = [h for t in spec["data"] for h in t["hovertext"]]
    assert any("000-ev13 · arms transfer" in h for h in hovers)
    assert not any("&quot;" in h for h in hovers)


def test_undated_rows_are_in_words():
    (listed,) = [m.value for m in run("timeline").main.markdown if m.value.startswith("- **")]
    items = listed.split("\n")
    assert len(items) == 13
    assert sum(" · troop deployment · " in item for item in items) >= 1
    assert not any("troop_deployment" in item for item in items)  # codes in words
    assert not any(" · nis (" in item for item in items)  # claimants by name, not by id


# --- 7. every page starts with the active filters in one line --------------------------------------


FILTERED = [p for p in PAGES if p != "row"]  # the Row page shows one row, whatever the filters


@pytest.mark.parametrize("page", FILTERED)
def test_every_page_says_its_filters_in_one_line(page, ds):
    at = run(page)
    view = apply_filters(ds, Filters())
    everything = (
        f"No filter: all {len(ds.events)} events, {len(ds.transfers)} transfers · "
        f"{undated_words(view)}."
    )
    assert at.markdown[0].value == ":material/filter_alt: " + md(everything)
    assert not [c.value for c in at.main.caption if "row(s) shown" in c.value]  # one line, not two


def test_the_filter_line_follows_the_filters():
    at = run("map", query={"actor": ["Financial Times"], "undated": "false"})
    assert at.markdown[0].value == ":material/filter_alt: " + md(
        "Filters: actor Financial Times — 3 events, 2 transfers · 3 dated rows · undated left out."
    )


# --- 1. the map: details pinned on click, fit, scroll, routes -------------------------------------


def test_map_fits_the_located_rows_and_lets_the_wheel_scroll_the_page():
    spec = deck(run("map"))
    view = spec["initialViewState"]
    assert (view["longitude"], view["latitude"]) == (81.592, 51.065)
    assert view["zoom"] == 0.88  # fitted to a phone's 340 px: in view on any screen
    (mapview,) = spec["views"]
    assert mapview["controller"]["scrollZoom"] is False
    assert mapview["controller"]["dragPan"] is True


def test_wheel_zoom_on_request():
    at = run("map")
    assert deck(at)["views"][0]["controller"]["scrollZoom"] is False
    at.toggle(key="map_wheel").set_value(True).run()
    assert deck(at)["views"][0]["controller"]["scrollZoom"] is True


def test_troops_are_a_layer_of_their_own_and_can_be_hidden():
    at = run("map")
    spec = deck(at)
    troops = layer(spec, "troop_arcs")["data"]
    guns = layer(spec, "arcs")["data"]
    assert [t["category"] for t in troops] == ["personnel"]
    assert max(t["width"] for t in troops) <= min(g["width"] for g in guns)
    at.toggle(key="map_troops").set_value(False).run()
    assert layer(deck(at), "troop_arcs")["data"] == []


def test_an_arc_to_a_country_centre_is_faint_and_says_it_is_not_a_route():
    arcs = layer(deck(run("map")), "arcs")["data"]
    to_russia = [a for a in arcs if a["destination"] == "russia"]
    assert len(to_russia) == 2
    for a in to_russia:
        assert a["country_level"] is True
        assert a["dst_rgba"][3] == 70 and a["width"] == 2.0
        assert "destination given only as 'Russia': not a route" in a["tooltip"]
    to_kursk = [a for a in arcs if a["destination"] == "kursk-oblast"]
    assert {a["dst_rgba"][3] for a in to_kursk} == {235}


def test_sighting_ring_answers_over_its_whole_disc_and_says_the_date_is_unknown():
    sightings = layer(deck(run("map")), "sightings")
    assert sightings["filled"] is True and sightings["pickable"] is True
    (ring,) = sightings["data"]
    assert ring["tooltip"].splitlines() == [
        "Sighting: Koksan 170 mm self-propelled gun",
        "where in Krasnoyarsk region: unknown",
        "date unknown: “the exact date of the photos remains unclear”",
        geo.HINT,
    ]


def test_tooltips_are_short():
    spec = deck(run("map"))
    for layer_id in ("places", "arcs", "troop_arcs", "sightings"):
        rows = layer(spec, layer_id)["data"]
        assert rows, layer_id
        for row in rows:
            lines = row["tooltip"].splitlines()
            assert len(lines) <= 4 and max(map(len, lines)) <= 70, row["tooltip"]


def select(at, layer_id, obj):
    at.session_state["map_mode"] = "explore"
    at.session_state["map"] = {
        "selection": {"indices": {layer_id: [0]}, "objects": {layer_id: [obj]}}
    }
    return at.run()


def test_a_click_on_the_krasnoyarsk_ring_pins_the_rows_with_the_photos_date():
    at = run("map")
    assert map_panel.HINT in [i.value for i in at.info]
    select(at, "sightings", {"location_id": "krasnoyarsk-krai", "name": "Krasnoyarsk region"})
    shown = texts(at)
    assert "Krasnoyarsk region" in [h.value for h in at.subheader]
    assert f"The point stands for **{md('a city standing for its region')}**." in shown
    assert "**2 row(s):**" in shown
    text = "\n".join(shown)
    assert (
        "happened: " + md("date unknown (“the exact date of the photos remains unclear”)") in text
    )
    assert "claimant: " + md("Caliber.Az") in text
    assert "reported: " + md("11–20 Nov 2024 (“surfaced in mid-November”)") in text


def test_a_click_on_a_route_to_russia_says_it_is_not_a_route():
    at = select(
        run("map"),
        "arcs",
        {"origin": "north-korea", "destination": "russia", "category": "self_propelled_howitzer"},
    )
    assert [h.value for h in at.subheader] == ["North Korea → Russia"]
    assert any("is not a reported route" in c.value for c in at.caption)
    assert "**1 row(s):**" in texts(at)


def test_place_details_list_every_row_there(ds):
    view = apply_filters(ds, Filters(), actor_links(ds))
    head, rows = details.place_details(view, ds, "kursk-oblast")
    assert head["precision"] == "a city standing for its region"
    placed = (view.events["location_id"] == "kursk-oblast").sum()
    sent = (view.transfers["destination_location_id"] == "kursk-oblast").sum()
    assert len(rows) == placed + sent >= 10
    assert set(rows["what"]) == {"event here", "sent here"}
    assert "nis" not in set(rows["claimant"])


@pytest.mark.parametrize(
    "start, end, precision, text, expected",
    [
        pytest.param(
            "2024-11-16",
            "2024-11-16",
            "day",
            "On November 16",
            "16 Nov 2024 (“On November 16”)",
            id="day",
        ),
        pytest.param(
            None,
            None,
            "unknown",
            "the exact date of the photos remains unclear",
            "date unknown (“the exact date of the photos remains unclear”)",
            id="words",
        ),
        pytest.param(None, None, "unknown", None, "not said", id="nothing"),
    ],
)
def test_when_in_words(start, end, precision, text, expected):
    start, end = (pd.Timestamp(start), pd.Timestamp(end)) if start else (pd.NaT, pd.NaT)
    assert details.when(start, end, precision, text) == expected


def test_coordinates_are_as_precise_as_the_point():
    places = pd.DataFrame(
        {
            "lat": [51.72689, 60.0, 1.23456],
            "lon": [36.18457, 100.0, -2.5],
            "geo_precision": ["city_for_region", "country", "place"],
        }
    )
    assert geo.coordinates(places) == [
        "≈ 51.7° N, 36.2° E",
        "the country's centre",
        "1.2346° N, 2.5000° W",
    ]


def test_fit_view_frames_a_phone_wider():
    lons, lats = [36.2, 127.0, 100.0], [51.7, 40.0, 60.0]
    desk = geo.fit_view(lons, lats, 560, 540)
    phone = geo.fit_view(lons, lats, 340, 420)
    assert phone["zoom"] < desk["zoom"]
    assert desk["longitude"] == phone["longitude"] == 81.6


# --- 10. sharing, printing, the dark theme ---------------------------------------------------------


def test_share_box_has_the_link_and_the_print_view():
    at = run("map", query={"actor": ["North Korea"]})
    # made only while the popover is open (a click reruns the page): not on every first paint
    assert (at.session_state["share"], list(at.code), list(at.get("link_button"))) == (
        False,
        [],
        [],
    )
    at.session_state["share"] = True  # what the click on "Share · print" sets
    at.run()
    codes = [c.value for c in at.code]
    assert codes == ["?actor=North+Korea"]  # AppTest has no browser address; the browser adds it
    assert [b.proto.label for b in at.get("link_button")] == ["Open the print view"]
    assert at.get("link_button")[0].proto.url == "print?actor=North+Korea"


def test_print_view_has_figures_timeline_and_every_row_as_static_tables(ds):
    at = run("print")
    assert not at.exception
    assert [h.value for h in at.subheader][:2] == [f"Key figures ({len(ds.transfers)})", "Timeline"]
    tables = at.table
    assert len(tables) == 3
    assert len(at.get("plotly_chart")) == 1
    assert not at.dataframe  # grids scroll and clip on paper; static tables wrap
    subheads = [h.value for h in at.subheader]
    assert f"Events ({len(ds.events)})" in subheads
    assert f"Transfers ({len(ds.transfers)})" in subheads


def test_the_theme_follows_the_system():
    config = (REPO_ROOT / ".streamlit" / "config.toml").read_text("utf-8")
    theme = config.split("[theme]", 1)[1].split("\n[", 1)[0]
    assert "base" not in "".join(line for line in theme.splitlines() if not line.startswith("#"))


# --- 8. the reader ----------------------------------------------------------------------------------


def test_a_passage_marker_focuses_its_passage_with_a_citation_to_copy():
    at = run("sources")
    (text,) = [m.value for m in at.markdown if ":blue-background[" in m.value]
    href = "sources?read=000_8ce4acc91b2e9f2a&passage=4#marked-passage"
    assert f" [\\[4\\]]({href})" in text  # the marker in the text is a link to mark it
    at = run("sources", query={"read": "000_8ce4acc91b2e9f2a", "passage": "4"})
    assert "Passage [4] is highlighted in orange below." in [c.value for c in at.caption]
    (cite,) = [c.value for c in at.code if c.value.startswith("“")]  # the other: the share link
    assert cite.startswith("“These troops have already been involved in combat")
    assert "— Caliber.Az, “South Korea confirms" in cite
    assert "Passage [4], characters 716–846 of seed 000_8ce4acc91b2e9f2a" in cite
    text = [m.value for m in at.markdown if ":gray-background[" in m.value]
    assert len(text) == 1 and ":orange-background[**These troops" in text[0]
    assert f" **[\\[4\\]]({href})**" in text[0]  # the chosen marker in bold
    assert [s.value for s in at.subheader][-1] == "Passage \\[4\\] in its paragraph"
