"""Hostile cells stay text, and the app needs no network beyond its own server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console
from tests.e2e.test_uxa import explore

pytestmark = pytest.mark.e2e


def assert_inert(page: Page) -> None:
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.evaluate("() => typeof window.top.__xss") == "undefined"
    expect(page.locator("iframe[srcdoc]")).to_have_count(0)
    expect(page.locator(f'img[src*="{s.TRAP_HOST}"]')).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_html_and_markdown_in_cells_stay_text(new_tab, hostile_app):
    t = new_tab(hostile_app)
    t.goto("")
    page = t.page
    main = page.get_by_test_id("stMain")
    # Overview lists the two denials with their summaries: the payloads, as written.
    expect(main.get_by_test_id("stMarkdownContainer").filter(has_text=s.IFRAME)).to_have_count(1)
    expect(
        main.get_by_test_id("stMarkdownContainer").filter(has_text=s.BEACON_SHOWN)
    ).to_have_count(1)
    assert_inert(page)

    for link, _, _ in s.PAGES[1:]:
        s.open_page(page, link)
        s.wait_for_charts(page)
        assert_inert(page)
        if link == "Sources & claims":  # the reader's row chooser labels rows by their summary
            chooser = page.get_by_test_id("stSelectbox").filter(has_text="Show a row's passage")
            chooser.get_by_role("combobox").click()
            page.keyboard.type("000-ev2")
            options = page.get_by_role("option")
            expect(options.filter(has_text=s.IFRAME)).to_have_count(1)
            expect(options.filter(has_text=s.BEACON)).to_have_count(1)
            assert_inert(page)
            page.keyboard.press("Escape")
    # The Row page of each row holding a payload, as its links open it.
    for row_id in ("000-ev21", "000-ev02"):
        t.goto(f"row?id={row_id}")
        s.wait_for_charts(page)
        expect(
            page.get_by_test_id("stMain").get_by_test_id("stMarkdownContainer").first
        ).to_be_visible()
        assert_inert(page)

    trapped = [u for u in t.rec.requests if s.TRAP_HOST in u]
    assert not trapped, f"the page fetched from the trap host: {trapped}"
    assert_clean_console(t.rec)


def test_map_draws_without_network(new_tab, app):
    t = new_tab(app)
    page = t.page
    outside: list[str] = []

    def offline(route: Route) -> None:  # no network: only the app's own server answers
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    page.context.route("**/*", offline)
    t.goto("map")
    s.wait_for_charts(page)  # the picture: outlines and all are in the figure itself
    expect(page.get_by_test_id("stPlotlyChart").locator(".scatterlayer .trace")).not_to_have_count(
        0
    )
    # Generous: on a loaded two-core machine the first map draw alone took 27 s.
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("countries.geojson"), timeout=2 * s.TIMEOUT_MS
    ) as geo:
        explore(page)
        s.wait_for_charts(page)
    assert geo.value.url == f"{t.base}/app/static/countries.geojson"
    assert geo.value.status == 200
    assert geo.value.json()["type"] == "FeatureCollection"

    deck = page.get_by_test_id("stDeckGlJsonChart")
    expect(deck.locator("canvas").first).to_be_visible()
    # The outlines and the points are drawn: the canvas shows both fill colours.
    land, points = s.wait_for_map_drawn(page)
    assert land > s.LAND_SHARE, f"no country outlines drawn ({land:.1%} of the map is land)"
    assert points > s.POINT_SHARE, f"no points drawn ({points:.3%} of the map is red)"

    assert not outside, f"requests outside 127.0.0.1: {outside}"
    foreign = [u for u in t.rec.requests if urlsplit(u).hostname not in ("127.0.0.1", None)]
    assert not foreign, f"requests outside 127.0.0.1: {foreign}"
    assert_clean_console(t.rec)
