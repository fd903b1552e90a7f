"""A page opened on a chart has the browser fetch plotly.js from its first HTML (dashboard/web/
preload.py), once, and draws as before; a page without a chart never loads it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dashboard.web import preload
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

FETCHED_JS = """() => performance.getEntriesByType('resource')
  .map((r) => r.name).filter((n) => n.includes('/PlotlyChart.'))"""
PRELOADS_JS = """() => [...document.querySelectorAll('link[rel=modulepreload]')]
  .map((l) => l.getAttribute('href')).filter((h) => h.includes('/PlotlyChart.'))"""


def test_the_timeline_fetches_plotly_once_from_its_first_html(new_tab, app):
    t = new_tab(app)
    t.goto("timeline")
    chart = t.page.get_by_test_id("stMain").get_by_test_id("stPlotlyChart")
    expect(chart.locator(".main-svg").first).to_be_attached()
    chunk = preload.chunk_name()
    assert t.page.evaluate(PRELOADS_JS) == [f"./static/js/{chunk}"]
    assert t.page.evaluate(FETCHED_JS) == [f"{app.url}/static/js/{chunk}"]
    assert_clean_console(t.rec)


def test_the_overview_has_no_chart_and_never_loads_plotly(new_tab, app):
    t = new_tab(app)
    t.goto("")
    expect(t.page.get_by_test_id("stMetric")).to_have_count(4)
    t.page.wait_for_timeout(1500)  # an idle-time import would have started by now
    assert t.page.evaluate(PRELOADS_JS) == []
    assert t.page.evaluate(FETCHED_JS) == []
    s.wait_for_app_run(t.page)
    assert_clean_console(t.rec)
