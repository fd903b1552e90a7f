"""Issue 11 items 1, 7, 10 in Chromium: the Map page opens on a picture of the map that a swipe
on a phone scrolls past, that the camera button saves as a PNG, and whose places pin their rows."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.builders.map_picture import merc
from dashboard.views import filters as flt
from dashboard.views import geo
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console
from tests.e2e.test_uxa import MAIN_SCROLL, PHONE, PHONE_ARGS

pytestmark = pytest.mark.e2e

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GRID_ROW_PX = 35  # st.dataframe's default row height


def picture(page: Page):
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    return chart


def swipe_up(page: Page, x: float, y: float, distance: float = 300) -> None:
    """One finger from (x, y) upwards, as a phone's touch screen reports it."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 13):
        point = {"x": x, "y": y - distance * step / 12}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(600)


def test_a_swipe_over_the_map_on_a_phone_scrolls_the_page(new_tab, app):
    t = new_tab(app, **PHONE_ARGS)
    t.page.set_viewport_size(PHONE["viewport"])
    t.goto("map")
    plot = picture(t.page).locator(".nsewdrag").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert 0 < y < PHONE["viewport"]["height"]
    # the finger lands on the map itself, not on something beside it
    assert t.page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('[data-testid=stPlotlyChart]')",
        [x, y],
    )
    before = t.page.evaluate(MAIN_SCROLL)
    swipe_up(t.page, x, y)
    assert t.page.evaluate(MAIN_SCROLL) > before + 150
    assert_clean_console(t.rec)


def test_the_camera_button_saves_the_map_as_a_png(tab):
    page = tab.page
    s.open_page(page, "Map")
    chart = picture(page)
    width = chart.bounding_box()["width"]
    chart.hover()
    with page.expect_download() as download:
        chart.locator('[data-title="Download plot as a PNG"]').click()
    assert download.value.suggested_filename == "map.png"
    png = Path(download.value.path()).read_bytes()
    assert png[:8] == PNG_MAGIC
    w, h = struct.unpack(">II", png[16:24])  # the IHDR chunk: width, height
    assert abs(w - 2 * width) <= 4 and h == 2 * 600  # scale 2, the figure's 600 px height
    assert s.colour_share(png, s.COUNTRY_FILL, 4) > 0.1  # land
    assert s.colour_share(png, s.POINT_FILL, 30) > 0.001  # the places
    assert s.colour_share(png, (0xD6, 0x27, 0x28), 20) > 0.0005  # the guns' fixed red route
    assert len(png) > 50_000
    assert_clean_console(tab.rec)


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_a_place_chosen_in_the_table_pins_its_rows(new_tab, app, dataset, phone):
    t = new_tab(app, **(PHONE_ARGS if phone else {}))
    if phone:
        t.page.set_viewport_size(PHONE["viewport"])
    t.goto("map")
    picture(t.page)
    table = t.page.get_by_test_id("stDataFrame").first
    names = s.read_grid(table, "name").values
    s.click_grid_row_marker(table, names.index("Kursk region"), GRID_ROW_PX)
    s.wait_for_app_run(t.page)
    panel = t.page.locator(".st-key-map_details")
    expect(panel.get_by_role("heading", name="Kursk region")).to_be_visible(timeout=s.TIMEOUT_MS)
    expect(panel).to_contain_text("a city standing for its region")
    chart = t.page.get_by_test_id("stPlotlyChart").first.bounding_box()
    beside = panel.bounding_box()["x"] > chart["x"] + chart["width"] - 1
    under = panel.bounding_box()["y"] > chart["y"] + chart["height"] - 1
    assert (under and not beside) if phone else (beside and not under)
    assert_clean_console(t.rec)


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_the_picture_fits_every_located_row_to_the_screen_it_is_on(new_tab, app, dataset, phone):
    t = new_tab(app, **(PHONE_ARGS if phone else {}))
    if phone:
        t.page.set_viewport_size(PHONE["viewport"])
    t.goto("map")
    picture(t.page)
    view = flt.apply_filters(dataset, flt.Filters())
    places = geo.places_frame(view, dataset)
    assert len(places) >= 1
    drawn = (
        t.page.get_by_test_id("stPlotlyChart")
        .locator(".js-plotly-plot")
        .first.evaluate(
            """(gd, points) => {
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          return {width: xa._length, height: ya._length,
                  at: points.map(([x, y]) => [xa.l2p(x), ya.l2p(y)])};
        }""",
            [[lon, merc(lat)] for lon, lat in zip(places["lon"], places["lat"], strict=True)],
        )
    )
    assert drawn["width"] <= (PHONE["viewport"]["width"] if phone else 1400)
    for (x, y), name in zip(drawn["at"], places["name"], strict=True):
        assert 20 < x < drawn["width"] - 20 and 20 < y < drawn["height"] - 20, name
    assert_clean_console(t.rec)
