"""Issue 11 items 1, 5, 7, 8, 10 in Chromium: a click on the map pins its rows, a category keeps
its colour, the phone keeps a readable timeline and a scrollable map, the reader's markers,
sharing, printing and the dark theme."""

from __future__ import annotations

import math
import time
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from dashboard.views import filters as flt
from dashboard.views import geo
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
}
PHONE_ARGS = {k: v for k, v in PHONE.items() if k != "viewport"}  # new_tab sets the viewport
# What the Explore map's first view is fitted to, on any screen (dashboard/web/app_pages/map.py).
DESKTOP_MAP = PHONE_MAP = (340, 460)
MAIN_SCROLL = "() => document.querySelector('[data-testid=stMain]').scrollTop + window.scrollY"


def _merc(lat: float) -> float:
    return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2


def map_view(dataset, size) -> tuple[dict, pd.DataFrame]:
    view = flt.apply_filters(dataset, flt.Filters())
    places, sightings = geo.places_frame(view, dataset), geo.sightings_frame(view, dataset)
    fitted = geo.fit_view(
        pd.concat([places["lon"], sightings["lon"]]),
        pd.concat([places["lat"], sightings["lat"]]),
        *size,
    )
    return fitted, places


def pixel(view: dict, lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
    """Where a point is drawn on a deck of width × height (Web Mercator, 512 px world at zoom 0)."""
    scale = 512 * 2 ** view["zoom"]
    x = width / 2 + (lon - view["longitude"]) / 360 * scale
    y = height / 2 + (_merc(lat) - _merc(view["latitude"])) * scale
    return x, y


def settle_map(page: Page, limit_s: float = 90) -> None:
    """The first frames of a software-rendered deck take seconds on a busy machine: wait until
    a frame comes back quickly, then the map answers the pointer."""
    expect(page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first).to_be_visible()
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        started = time.monotonic()
        page.evaluate("() => new Promise(requestAnimationFrame)")
        if time.monotonic() - started < 0.3:
            return
    raise AssertionError(f"the map kept the page busy for {limit_s} s")


def explore(page: Page) -> None:
    """The Map page opens on the picture: switch to the pydeck map, as a person would."""
    page.get_by_role("radio", name="Explore (pan and zoom)").click()
    s.wait_for_app_run(page)


def click_map(page: Page, view: dict, lon: float, lat: float) -> None:
    settle_map(page)
    canvas = page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
    box = canvas.bounding_box()
    x, y = pixel(view, lon, lat, box["width"], box["height"])
    canvas.hover(position={"x": x, "y": y})  # deck.gl picks on hover before a click
    page.wait_for_timeout(300)
    canvas.click(position={"x": x, "y": y})
    s.wait_for_app_run(page)


def test_click_on_the_krasnoyarsk_ring_pins_a_panel_saying_the_photos_date_is_unclear(tab, dataset):
    page = tab.page
    s.open_page(page, "Map")
    explore(page)
    view, _ = map_view(dataset, DESKTOP_MAP)
    # 10 px from the centre: inside the ring's disc, off its rim (the old ring only answered there)
    click_map(page, view, 92.93136 + 10 / (512 * 2 ** view["zoom"]) * 360, 56.03742)
    panel = page.locator(".st-key-map_details")
    # the click's rerun can start after wait_for_app_run looked (the deck debounces; a busy
    # machine): wait for the panel as long as for a page
    expect(panel).to_be_visible(timeout=s.TIMEOUT_MS)
    expect(panel.get_by_role("heading", name="Krasnoyarsk region")).to_be_visible()
    expect(panel).to_contain_text("the exact date of the photos remains unclear")
    expect(panel).to_contain_text("a city standing for its region")
    expect(panel).to_contain_text("claimant: Caliber.Az")
    assert_clean_console(tab.rec)


def wheel_scrolls(page: Page, target) -> None:
    box = target.bounding_box()
    before = page.evaluate(MAIN_SCROLL)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(500)
    assert page.evaluate(MAIN_SCROLL) > before + 100


def test_the_wheel_over_the_map_scrolls_the_page(tab):
    page = tab.page
    s.open_page(page, "Map")
    s.wait_for_charts(page)
    wheel_scrolls(page, page.get_by_test_id("stPlotlyChart").locator(".nsewdrag").first)
    explore(page)
    settle_map(page)
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 0)")
    wheel_scrolls(page, page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first)


def trace_colours(page: Page) -> dict[str, str]:
    """legend group -> marker colour of every trace the timeline drew."""
    return (
        page.get_by_test_id("stPlotlyChart")
        .locator(".js-plotly-plot")
        .first.evaluate(
            "el => Object.fromEntries(el._fullData.map((t) => [t.legendgroup, t.marker.color]))"
        )
    )


def test_a_category_keeps_its_colour_under_two_filters(new_tab, app):
    t = new_tab(app)
    t.goto("timeline")
    s.wait_for_charts(t.page)
    everything = trace_colours(t.page)
    t.goto("timeline?type=combat")
    s.wait_for_charts(t.page)
    assert trace_colours(t.page) == {"combat": everything["combat"]} == {"combat": "#ff7f0e"}
    t.goto("timeline?type=arms_transfer&type=combat")
    s.wait_for_charts(t.page)
    assert trace_colours(t.page) == {"arms_transfer": "#d62728", "combat": "#ff7f0e"}
    legend = t.page.get_by_test_id("stPlotlyChart").locator(".legendtext").all_text_contents()
    assert "arms transfer" in legend and "arms_transfer" not in legend
    assert_clean_console(t.rec)


def test_phone_timeline_keeps_a_wide_plot_and_says_its_filters(new_tab, app, dataset):
    t = new_tab(app, **PHONE_ARGS)
    t.page.set_viewport_size(PHONE["viewport"])
    t.goto("timeline")
    s.wait_for_charts(t.page)
    expect(t.page.locator(".st-key-filter_line")).to_contain_text(
        f"No filter: all {len(dataset.events)} events"
    )
    plot = t.page.get_by_test_id("stPlotlyChart").locator(".nsewdrag").first
    assert plot.bounding_box()["width"] >= 250
    labels = t.page.get_by_test_id("stPlotlyChart").locator(".annotation-text").all_text_contents()
    assert len(labels) == 11 and not any(x.startswith("000-ev") for x in labels)
    assert_clean_console(t.rec)


def test_phone_map_shows_every_place_and_pins_details_under_it(new_tab, app, dataset):
    t = new_tab(app, **PHONE_ARGS)
    t.page.set_viewport_size(PHONE["viewport"])
    t.goto("map")
    explore(t.page)
    settle_map(t.page)
    canvas = t.page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
    box = canvas.bounding_box()
    assert box["width"] <= 390
    view, places = map_view(dataset, PHONE_MAP)
    assert len(places) >= 1
    for lon, lat in zip(places["lon"], places["lat"], strict=True):
        x, y = pixel(view, lon, lat, box["width"], box["height"])
        assert 0 < x < box["width"] and 0 < y < box["height"], (lon, lat)
    click_map(t.page, view, 36.18457, 51.72689)  # Kursk
    panel = t.page.locator(".st-key-map_details")
    expect(panel.get_by_role("heading", name="Kursk region")).to_be_visible(timeout=s.TIMEOUT_MS)
    assert panel.bounding_box()["y"] > box["y"] + box["height"] - 1  # under the map
    assert_clean_console(t.rec)


def test_a_passage_marker_focuses_and_offers_the_citation(tab):
    """The [4] in the text is a link: it opens the reader with passage 4 marked and in view."""
    page = tab.page
    s.open_page(page, "Sources & claims")
    marker = page.locator(".st-key-reader_text").get_by_role("link", name="[4]", exact=True)
    with page.expect_popup() as popup:  # Streamlit opens Markdown links in a new tab
        marker.click()
    other = popup.value
    s.wait_for_app_run(other)
    assert parse_qs(urlsplit(other.url).query)["passage"] == ["4"]
    main = other.get_by_test_id("stMain")
    expect(main.get_by_text("Passage [4] is highlighted in orange below.")).to_be_visible()
    card = other.locator(".st-key-reader_focus_card")
    expect(card).to_be_in_viewport()
    marked = card.locator(".stMarkdownColoredBackground strong").first
    expect(marked).to_contain_text("These troops have already been involved")
    code = card.get_by_test_id("stCode")
    expect(code).to_contain_text("Passage [4], characters 716–846")
    code.hover()
    expect(code.get_by_role("button")).to_have_count(1)  # the copy button
    assert_clean_console(tab.rec)


def test_share_link_restores_the_view_and_the_print_view_hides_the_sidebar(tab, new_tab, app):
    page = tab.page
    s.open_page(page, "Map")
    s.choose_actor(page, "North Korea")
    page.get_by_role("button", name="Share · print").click()  # opening it reruns the page
    code = page.get_by_test_id("stPopoverBody").get_by_test_id("stCode")
    expect(code).to_be_visible()
    s.wait_for_app_run(page)
    link = code.inner_text().strip()
    assert link == f"{tab.base}/map?actor=North+Korea"
    other = new_tab(app)
    other.page.goto(link)
    s.wait_for_app_run(other.page)
    assert s.chosen(other.page, "Actor") == ["North Korea"]
    expect(other.page.locator(".st-key-filter_line")).to_contain_text("actor North Korea")
    printed = new_tab(app)
    printed.goto("print?actor=North+Korea")
    s.wait_for_charts(printed.page)
    expect(printed.page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    expect(printed.page.get_by_test_id("stTable")).to_have_count(3)
    printed.page.emulate_media(media="print")
    expect(printed.page.get_by_test_id("stSidebar")).to_be_hidden()
    for table in printed.page.get_by_test_id("stTable").all():  # nothing cut off at the right
        assert table.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert_clean_console(tab.rec)


def test_dark_system_theme_is_honoured(new_tab, app):
    t = new_tab(app, color_scheme="dark")
    t.goto("timeline")
    s.wait_for_charts(t.page)
    background = t.page.get_by_test_id("stApp").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    r, g, b = (int(x) for x in background[background.index("(") + 1 : -1].split(",")[:3])
    assert r + g + b < 150, background
    label = t.page.get_by_test_id("stPlotlyChart").locator(".annotation-text").first
    fill = label.evaluate("el => getComputedStyle(el).fill")
    r, g, b = (int(x) for x in fill[fill.index("(") + 1 : -1].split(",")[:3])
    assert r + g + b > 450, fill  # light labels on the dark page
    assert_clean_console(t.rec)
