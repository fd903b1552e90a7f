"""The Data page's tabs in Chromium: only the open tab's grid is on the page, switching tab
shows that table and puts the tab in the URL, and a copied URL opens the same tab.

The app runs on the synthetic fixture dataset (tests/fixtures/dataset/README.md); the expected
ids come from the pure filters, never from the browser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.views import filters as flt
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

TABS = {"Events": ("events", "event_id"), "Transfers": ("transfers", "transfer_id")}
TABS |= {"Locations": ("locations", "location_id")}


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def grids(page: Page) -> tuple[str, int, int]:
    """(the open tab, the grids in its panel, the grids on the whole page: hidden tabs' too).
    The fixture has no CHANGELOG.csv, so there is no history grid below the tabs."""
    main = page.get_by_test_id("stMain")
    name = main.get_by_role("tab", selected=True).inner_text().strip()
    panel = main.get_by_role("tabpanel", name=name).get_by_test_id("stDataFrame")
    return name, panel.count(), main.get_by_test_id("stDataFrame").count()


def open_tab(page: Page, name: str) -> s.Grid:
    page.get_by_test_id("stMain").get_by_role("tab", name=name, exact=True).click()
    s.wait_for_app_run(page)
    panel = page.get_by_test_id("stMain").get_by_role("tabpanel", name=name)
    return s.read_grid(panel.get_by_test_id("stDataFrame"), "id")


def test_only_the_open_tab_is_sent_and_its_tab_is_in_the_url(new_tab, fixture_app, fixture_dataset):
    view = flt.apply_filters(fixture_dataset, flt.Filters())
    t = new_tab(fixture_app)
    t.goto("data")
    page, main = t.page, t.page.get_by_test_id("stMain")
    expect(main.get_by_role("tab", selected=True)).to_have_text("Events")
    assert grids(page) == ("Events", 1, 1)
    assert query(page.url) == {}  # the first tab is the default: no parameter

    grid = open_tab(page, "Transfers")
    assert grid.values == list(view.transfers["transfer_id"])
    assert grid.rowcount == len(view.transfers) == 6
    assert grids(page) == ("Transfers", 1, 1)
    assert query(page.url) == {"table": ["Transfers"]}
    expect(main.locator(".st-key-csv_transfers")).to_have_count(1)
    expect(main.locator(".st-key-csv_events")).to_have_count(0)

    # The copied link, in a new context (no shared session), opens the same tab.
    other = new_tab(fixture_app)
    other.page.goto(page.url)
    s.wait_for_app_run(other.page)
    expect(other.page.get_by_test_id("stMain").get_by_role("tab", selected=True)).to_have_text(
        "Transfers"
    )
    assert grids(other.page) == ("Transfers", 1, 1)
    panel = other.page.get_by_test_id("stMain").get_by_role("tabpanel", name="Transfers")
    assert s.read_grid(panel.get_by_test_id("stDataFrame"), "id").values == grid.values

    # Back to the first tab: its table again, and the URL drops the parameter.
    grid = open_tab(page, "Events")
    assert grid.values == list(view.events["event_id"])
    assert query(page.url) == {}
    assert_clean_console(t.rec)
    assert_clean_console(other.rec)


def test_a_tab_in_the_url_keeps_the_filters(new_tab, fixture_app, fixture_dataset):
    view = flt.apply_filters(fixture_dataset, flt.Filters(actors=("norland",)))
    t = new_tab(fixture_app)
    t.goto("data?actor=Norland&table=Locations")
    page = t.page
    expect(page.get_by_test_id("stMain").get_by_role("tab", selected=True)).to_have_text(
        "Locations"
    )
    assert grids(page) == ("Locations", 1, 1)
    panel = page.get_by_test_id("stMain").get_by_role("tabpanel", name="Locations")
    grid = s.read_grid(panel.get_by_test_id("stDataFrame"), "id")
    assert grid.values == list(view.locations["location_id"]) and grid.rowcount >= 1
    assert query(page.url) == {"actor": ["Norland"], "table": ["Locations"]}
    assert_clean_console(t.rec)
