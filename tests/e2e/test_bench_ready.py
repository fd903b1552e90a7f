"""Each page the bench measures is seen drawn by the bench's own test (bench/browser.py READY):
a wrong selector would leave `make bench` waiting two minutes, then failing, on that page."""

from __future__ import annotations

import pytest

from bench import browser as bench_browser
from dashboard.pages import PAGES

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name", [p.url_path for p in PAGES])
def test_the_bench_sees_each_page_drawn(new_tab, app, name):
    tab = new_tab(app)
    tab.page.goto(app.url + bench_browser.READY[name][0], wait_until="commit")
    bench_browser.wait_drawn(tab.page, name, timeout_s=60)
    selector = bench_browser.READY[name][1]
    assert tab.page.locator(selector).count() >= 1
