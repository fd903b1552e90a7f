"""Write docs/screenshots/<page>.png (1400×900) of every page after its charts have drawn, plus
sources-reader.png with a row's passage focused in the article reader, map-details.png with the
Krasnoyarsk ring clicked on the Explore map, phone-timeline.png, phone-map.png (Explore, pinned) and
phone-map-picture.png at 390×844, and dark-timeline.png
in the system's dark theme.

    python -m tests.e2e.screenshots          (make screenshots)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from dashboard.pages import PAGES as PAGE_SPECS
from tests.e2e import support as s

OUT = s.REPO / "docs" / "screenshots"
NAMES = {p.url: p.url_path for p in PAGE_SPECS}
READER_ROW = "000-tr03"  # the Financial Times' "nearly 50 Koksan" figure


def settle(page: Page, path: str) -> None:
    s.wait_for_charts(page)
    if path == "map" and page.get_by_test_id("stDeckGlJsonChart").count():
        land, points = s.wait_for_map_drawn(page)
        if land <= s.LAND_SHARE or points <= s.POINT_SHARE:
            raise RuntimeError(f"the map did not draw (land {land:.1%}, points {points:.3%})")
    # Fonts and the plotly SVG text are in; let the last frame paint.
    page.evaluate("() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))")


def focus_reader_row(page: Page, row_id: str) -> None:
    chooser = page.get_by_test_id("stSelectbox").filter(has_text="Show a row's passage")
    chooser.get_by_role("combobox").click()
    page.keyboard.type(row_id)
    page.get_by_role("option").filter(has_text=row_id).first.click()
    s.wait_for_app_run(page)
    # Bring the highlighted passage to the middle of the window.
    page.locator(".st-key-reader_text").evaluate(
        """el => {
          const spans = [...el.querySelectorAll('.stMarkdownColoredBackground')];
          const orange = spans.find((x) => {
            const [r, , b] = getComputedStyle(x).backgroundColor.match(/[\\d.]+/g).map(Number);
            return r > b;
          });
          (orange || el).scrollIntoView({block: 'center'});
        }"""
    )
    page.evaluate("() => new Promise(requestAnimationFrame)")


MULTI = s.REPO / "tests" / "fixtures" / "multi"  # three synthetic articles, graded and related


def show(page: Page, selector: str) -> None:
    """Scroll a part of the page to the top of the window and let it paint."""
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.evaluate("() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))")


def multi_views(browser) -> list[str]:
    """The many-articles views, on the fixture: figure history, groups to compare, corroboration,
    the reader on a syndicated copy."""
    server = s.AppServer(MULTI).start()
    written = []
    try:
        context = browser.new_context(viewport=s.VIEWPORT)
        context.set_default_timeout(s.TIMEOUT_MS)
        page = context.new_page()
        s.goto(page, f"{server.url}/history")
        settle(page, "history")
        page.screenshot(path=OUT / "multi-history.png")
        s.goto(page, f"{server.url}/equipment")
        settle(page, "equipment")
        show(page, "h3:has-text('Figures to compare, not to add')")
        page.screenshot(path=OUT / "multi-equipment-groups.png")
        s.goto(page, f"{server.url}/sources?reliability=C+or+better")
        settle(page, "sources")
        show(page, "h3:has-text('Corroboration')")
        page.screenshot(path=OUT / "multi-corroboration.png")
        written += ["multi-history.png", "multi-equipment-groups.png", "multi-corroboration.png"]
    finally:
        server.stop()
    return written


def extras(browser, server) -> list[str]:
    """The views the issue asked to see: a pinned map panel, the phone, the dark theme."""
    from dashboard.data.dataset import load_dataset
    from tests.e2e.test_uxa import (
        DESKTOP_MAP,
        PHONE,
        PHONE_MAP,
        click_map,
        explore,
        map_view,
        settle_map,
    )

    dataset = load_dataset(s.DATASETS)
    out = []
    for name, args, path in (
        ("map-details", {"viewport": s.VIEWPORT}, "map"),
        ("phone-timeline", PHONE, "timeline"),
        ("phone-map", PHONE, "map"),
        ("phone-map-picture", PHONE, "map?picture"),
        ("dark-timeline", {"viewport": s.VIEWPORT, "color_scheme": "dark"}, "timeline"),
    ):
        context = browser.new_context(**args)
        context.set_default_timeout(s.TIMEOUT_MS)
        page = context.new_page()
        s.goto(page, f"{server.url}/{path}")
        settle(page, path)
        if path == "map":  # the explore map with the Krasnoyarsk ring clicked
            explore(page)
            settle(page, path)
            settle_map(page)
            view, _ = map_view(dataset, PHONE_MAP if name.startswith("phone") else DESKTOP_MAP)
            click_map(page, view, 92.93136, 56.03742)  # the Krasnoyarsk sighting ring
            page.mouse.move(1, 1)
            if name.startswith("phone"):  # the panel sits under the map on a phone
                page.locator(".st-key-map_details").scroll_into_view_if_needed()
            page.wait_for_timeout(800)
        page.screenshot(path=OUT / f"{name}.png")
        out.append(f"{name}.png")
        context.close()
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    server = s.AppServer().start()
    written = []
    try:
        with sync_playwright() as pw:
            browser = s.launch_browser(pw)
            context = browser.new_context(viewport=s.VIEWPORT)
            context.set_default_timeout(s.TIMEOUT_MS)
            page = context.new_page()
            for path, name in NAMES.items():
                s.goto(page, f"{server.url}/{path}")
                settle(page, path)
                page.screenshot(path=OUT / f"{name}.png")
                written.append(f"{name}.png")
                if path == "sources":
                    focus_reader_row(page, READER_ROW)
                    page.screenshot(path=OUT / "sources-reader.png")
                    written.append("sources-reader.png")
            written += multi_views(browser)

            written += extras(browser, server)
            browser.close()
    finally:
        server.stop()
    for name in written:
        print(Path(OUT / name).relative_to(s.REPO))
    return 0


if __name__ == "__main__":
    started = time.monotonic()
    try:
        code = main()
    except FileNotFoundError as err:  # no browser: say how to get one
        print(err, file=sys.stderr)
        code = 1
    print(f"{time.monotonic() - started:.1f}s", file=sys.stderr)
    sys.exit(code)
