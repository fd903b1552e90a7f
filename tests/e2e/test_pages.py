"""Every page opens, from the sidebar and by deep link, and shows its content; a dataset that
fails validation shows the validator's report on every page, never a traceback."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e


def check_main_content(page: Page, path: str) -> None:
    """The page's main chart or table is drawn."""
    main = page.get_by_test_id("stMain")
    if path == "":  # Overview: four headline metrics and the contested rows
        expect(main.get_by_test_id("stMetric")).to_have_count(4)
        expect(main.get_by_role("heading", name="Contested or unverified")).to_be_visible()
    elif path == "timeline":  # the chart, and the undated rows listed as text (≤ 20 here)
        expect(main.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_attached()
        expect(main.get_by_role("heading", name="Undated rows")).to_be_visible()
        assert len(s.undated_summaries(main)) >= 1
        expect(main.get_by_test_id("stDataFrame")).to_have_count(0)
    elif path == "map":
        expect(main.get_by_test_id("stPlotlyChart").locator(".main-svg").first).to_be_attached()
        expect(main.get_by_test_id("stDataFrame")).to_have_count(1)
    elif path == "equipment":
        expect(main.get_by_test_id("stPlotlyChart")).to_have_count(2)
        for chart in main.get_by_test_id("stPlotlyChart").all():
            expect(chart.locator(".main-svg").first).to_be_attached()
        expect(main.get_by_test_id("stDataFrame")).to_have_count(3)
    elif path == "sources":
        expect(main.get_by_test_id("stDataFrame").first).to_be_visible()
        expect(page.locator(".st-key-reader_text")).to_be_visible()
    elif path == "data":
        expect(main.get_by_test_id("stTab")).to_have_count(3)
        expect(main.get_by_test_id("stDataFrame").first).to_be_visible()
        expect(
            page.locator(".st-key-csv_events").get_by_test_id("stDownloadButton")
        ).to_be_visible()
    s.wait_for_charts(page)


def test_every_page_opens_from_the_sidebar(tab):
    page = tab.page
    expect(page.locator("h1").first).to_have_text("Overview")
    for link, path, title in s.PAGES[1:] + s.PAGES[:1]:
        s.open_page(page, link)
        assert page.url == f"{tab.base}/{path}", link
        expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(title)
        check_main_content(page, path)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    assert_clean_console(tab.rec)


def test_every_page_opens_by_deep_link(new_tab, app):
    t = new_tab(app)
    for _, path, title in s.PAGES:
        t.goto(path)
        expect(t.page.get_by_test_id("stMain").locator("h1").first).to_have_text(title)
        check_main_content(t.page, path)
        expect(t.page.get_by_test_id("stException")).to_have_count(0)
    assert_clean_console(t.rec)


def test_broken_dataset_shows_the_report_on_every_page(new_tab, broken_app):
    t = new_tab(broken_app)
    t.goto("")
    page = t.page
    for link, path, title in s.PAGES[1:] + s.PAGES[:1]:
        s.open_page(page, link)
        assert page.url == f"{t.base}/{path}", link
        main = page.get_by_test_id("stMain")
        expect(main.locator("h1").first).to_have_text(title)
        alert = main.get_by_test_id("stAlert")
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text("did not pass validation")
        report = main.get_by_test_id("stDataFrame")
        expect(report).to_have_count(1)
        grid = s.read_grid(report, "value")
        assert grid.headers == ["file", "line", "column", "value", "problem"]
        assert grid.rowcount >= 1
        assert s.BAD_DATE in grid.values
        problems = s.read_grid(report, "problem").values
        assert any("YYYY-MM-DD" in p for p in problems), problems
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(main).not_to_contain_text("Traceback")
        # Nothing of the dataset is shown: no filters, no charts.
        expect(s.sidebar(page).get_by_test_id("stDateInput")).to_have_count(0)
        expect(s.sidebar(page).get_by_test_id("stTextInput").filter(has_text="From")).to_have_count(
            0
        )
        expect(main.get_by_test_id("stPlotlyChart")).to_have_count(0)
    assert_clean_console(t.rec)
