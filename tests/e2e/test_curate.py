"""The curator's flow in Chromium: a drafted article on the Curate page, a cell edited, rows
accepted, the page reloaded mid-way (nothing lost), the merge, and the new rows on the
Timeline and Data pages."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.curate_fixture import ARTICLE, dataset_with_draft
from tests.e2e import support as s
from tests.e2e.conftest import unknown_console_errors

pytestmark = pytest.mark.e2e
EDITED = "Edited in the browser"
CLAIMANTS = ("Ministry of Test Affairs", "Test Monitoring Group", "Test Wire (synthetic)")
SUMMARY_COLUMN = 7  # review, problems, event_id, article_id, event_type, claim_id, summary


@pytest.fixture(scope="module")
def curate_dir(tmp_path_factory) -> Path:
    return dataset_with_draft(tmp_path_factory.mktemp("curate") / "datasets")


@pytest.fixture(scope="module")
def curate_app(browser, curate_dir, tmp_path_factory) -> Iterator[s.AppServer]:
    """The app with curation on (as `make curate` starts it), on a copy with a draft."""
    log = tmp_path_factory.mktemp("curate-log") / "curate.log"
    with mock.patch.dict(os.environ, {"DASHBOARD_CURATE": "1", "DASHBOARD_CURATOR": "E2E Curator"}):
        server = s.AppServer(curate_dir, log).start()
    yield server
    server.stop()


# The deep-link probes conftest.KNOWN_CONSOLE_ERRORS explains, for /curate (not a public page).
CURATE_PROBE = re.compile(r"404 .*\(http://127\.0\.0\.1:\d+/curate/_stcore/(health|host-config)\)$")


def assert_clean_console(rec: s.Recorder) -> None:
    errors = [e for e in unknown_console_errors(rec) if not CURATE_PROBE.search(e)]
    assert not errors, "unexpected browser console errors:\n" + "\n".join(errors)


def events_grid(page: Page) -> Locator:
    return page.get_by_test_id("stDataFrame").filter(has=page.locator("canvas")).first


def cell(grid: Locator, row: int, column: int) -> Locator:
    """A cell of the grid's accessible table (row 1 is the header)."""
    return grid.locator(f'tbody tr[aria-rowindex="{row + 1}"] td[aria-colindex="{column}"]')


def edit_cell(page: Page, grid: Locator, row: int, column: int, text: str) -> None:
    """Select a cell, open its editor with Enter, type, commit with Enter (as a person does)."""
    grid.scroll_into_view_if_needed()
    target = cell(grid, row, column)
    for _ in range(5):  # the grid's first focus selects its first cell: focus until it is ours
        target.focus()  # the grid selects the focused cell of its accessible table
        page.wait_for_timeout(300)
        if target.get_attribute("aria-selected") == "true":
            break
    expect(target).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for(state="visible")
    editor.fill(text)
    page.keyboard.press("Enter")
    s.wait_for_app_run(page)


def draft_rows(folder: Path, name: str) -> list[dict[str, str]]:
    text = (folder / "drafts" / ARTICLE / f"{name}.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def counts_caption(page: Page) -> Locator:
    return page.get_by_test_id("stCaptionContainer").filter(has_text="Drafted on dataset version")


def accept_all(page: Page, tab: str) -> None:
    page.get_by_role("tab", name=tab, exact=True).click()
    panel = page.get_by_role("tabpanel", name=tab, exact=True)
    panel.get_by_role("button", name="Accept the").click()
    s.wait_for_app_run(page)


def test_edit_accept_reload_merge_and_find_the_rows(new_tab, curate_app, curate_dir):
    tab = new_tab(curate_app)
    page = tab.page
    tab.goto("curate")
    expect(page.get_by_role("heading", name="Curate", exact=True)).to_be_visible()
    # The article, every candidate's passage highlighted.
    text = page.locator(".st-key-curate_text")
    expect(text).to_contain_text("SYNTHETIC TEST TEXT")
    assert text.locator(".stMarkdownColoredBackground").count() >= 3

    # 1. Edit a cell: saved to the draft at once.
    grid = events_grid(page)
    edit_cell(page, grid, 1, SUMMARY_COLUMN, EDITED)
    assert draft_rows(curate_dir, "events")[0]["summary"] == EDITED

    # 2. Accept the events, then reload the page mid-way: nothing is lost.
    accept_all(page, "Events and claims")
    expect(counts_caption(page)).to_contain_text("events: 3 accepted, 0 to review")
    page.reload()
    s.wait_for_app_run(page)
    expect(counts_caption(page)).to_contain_text("events: 3 accepted, 0 to review")
    expect(counts_caption(page)).to_contain_text("transfers: 0 accepted, 2 to review")
    expect(cell(events_grid(page), 1, SUMMARY_COLUMN)).to_have_text(EDITED)
    assert [r["review"] for r in draft_rows(curate_dir, "events")] == ["accepted"] * 3

    # 3. Accept the rest and merge.
    for name in ("Transfers and deployments", "Places", "Actors", "Claims"):
        accept_all(page, name)
    merge = page.get_by_role("button", name="Merge 11 accepted row(s)")
    expect(merge).to_be_enabled()
    merge.click()
    s.wait_for_app_run(page)
    expect(page.get_by_test_id("stAlert").first).to_contain_text(
        f"Merged 3 events, 2 transfers, 1 locations, 3 actors, 2 claims from {ARTICLE}"
    )
    expect(page.get_by_text("No draft waits for review")).to_be_visible()
    assert not (curate_dir / "drafts" / ARTICLE).exists()
    log = list(csv.DictReader(io.StringIO((curate_dir / "CHANGELOG.csv").read_text("utf-8"))))
    assert [(r["article_id"], r["curator"]) for r in log] == [(ARTICLE, "E2E Curator")]
    assert_clean_console(tab.rec)

    # 4. A reader opening the dashboard now finds the new rows on the Timeline and Data pages.
    viewer = new_tab(curate_app)
    viewer.goto("timeline")
    chart = viewer.page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    drawn = chart.evaluate("el => el.data.flatMap(t => Array.from(t.customdata || []))")
    assert "syn-ev01" in drawn
    claimants = "&".join(f"claimant={quote(n)}" for n in CLAIMANTS)
    viewer.goto(f"data?{claimants}")  # the new claimants: the article's rows and nothing else
    table = viewer.page.get_by_test_id("stDataFrame").first
    assert s.read_grid(table, "event_id").values == ["syn-ev01", "syn-ev02", "syn-ev03"]
    assert s.read_grid(table, "summary").values[0] == EDITED
    assert_clean_console(viewer.rec)
