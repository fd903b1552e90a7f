"""The curator's flow in Chromium: a synthetic article ingested with `python -m dashboard ingest`,
its draft on the Curate page, cells edited, rows accepted and rejected, the page reloaded
mid-way (nothing lost), the merge, and the new rows on the Timeline and Data pages."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from dashboard.ingest import review
from tests.curate_fixture import copy_dataset
from tests.e2e import support as s
from tests.e2e.conftest import unknown_console_errors
from tests.e2e.curate_screenshot import ingest

pytestmark = pytest.mark.e2e
EDITED = "Edited in the browser"
CLAIM_COLUMN = 6  # review, problems, event_id, article_id, event_type, claim_id, summary
SUMMARY_COLUMN = 7


@dataclass(frozen=True)
class Ingested:
    folder: Path
    article: str
    event: str  # the event the review accepts: the one behind a transfer with a recipient
    event_row: int
    transfer_row: int
    claim: str  # an existing claim the curator picks for it


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Ingested:
    """A copy of the dataset after `python -m dashboard ingest` of a synthetic wire story."""
    folder = copy_dataset(tmp_path_factory.mktemp("curate") / "datasets")
    article = ingest(folder)
    draft = review.read_draft(folder, article)
    transfers, events = draft.tables["transfers"], draft.tables["events"]
    pick = int(transfers.index[transfers["recipient_actor_id"] != ""][0])
    event = transfers.at[pick, "event_id"]
    with open(folder / "claims.csv", encoding="utf-8", newline="") as fh:
        claim = next(csv.DictReader(fh))["claim_id"]
    row = int(events.index[events["event_id"] == event][0])
    return Ingested(folder, article, event, row, pick, claim)


@pytest.fixture(scope="module")
def curate_app(browser, ingested, tmp_path_factory) -> Iterator[s.AppServer]:
    """The app with curation on (as `make curate` starts it)."""
    log = tmp_path_factory.mktemp("curate-log") / "curate.log"
    with mock.patch.dict(os.environ, {"DASHBOARD_CURATE": "1", "DASHBOARD_CURATOR": "E2E Curator"}):
        server = s.AppServer(ingested.folder, log).start()
    yield server
    server.stop()


# The deep-link probes conftest.KNOWN_CONSOLE_ERRORS explains, for /curate (not a public page).
CURATE_PROBE = re.compile(r"404 .*\(http://127\.0\.0\.1:\d+/curate/_stcore/(health|host-config)\)$")


def assert_clean_console(rec: s.Recorder) -> None:
    errors = [e for e in unknown_console_errors(rec) if not CURATE_PROBE.search(e)]
    assert not errors, "unexpected browser console errors:\n" + "\n".join(errors)


def grid_in(page: Page, tab: str) -> Locator:
    page.get_by_role("tab", name=tab, exact=True).click()
    return page.get_by_role("tabpanel", name=tab, exact=True).get_by_test_id("stDataFrame")


def cell(grid: Locator, row: int, column: int) -> Locator:
    """A cell of the grid's accessible table (row 1 is the header)."""
    return grid.locator(f'tbody tr[aria-rowindex="{row + 1}"] td[aria-colindex="{column}"]')


def select_cell(page: Page, grid: Locator, row: int, column: int) -> None:
    for attempt in range(3):  # a save re-mounts the grid (its key follows the draft's files)
        try:
            grid.scroll_into_view_if_needed()
            grid.click(position={"x": 20, "y": 60})  # into the grid: its first row's first cell
            break
        except PlaywrightError:
            if attempt == 2:
                raise
            s.wait_for_app_run(page)
    target = cell(grid, row, column)
    for _ in range(5):  # then move the selection to the cell: focus until it is ours
        target.focus()  # the grid selects the focused cell of its accessible table
        page.wait_for_timeout(300)
        if target.get_attribute("aria-selected") == "true":
            break
    expect(target).to_have_attribute("aria-selected", "true")


def edit_cell(page: Page, grid: Locator, row: int, column: int, text: str) -> None:
    """Select a cell, open its editor with Enter, type, commit with Enter (as a person does)."""
    select_cell(page, grid, row, column)
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for(state="visible")
    editor.fill(text)
    page.keyboard.press("Enter")
    s.wait_for_app_run(page)


def choose_in_cell(page: Page, grid: Locator, row: int, column: int, value: str) -> None:
    """A cell with allowed values: Enter opens its list, typing narrows it, Enter takes it."""
    select_cell(page, grid, row, column)
    page.keyboard.press("Enter")
    page.get_by_role("combobox").and_(page.locator("input[id^=react-select]")).wait_for()
    page.keyboard.type(value)
    page.get_by_role("option", name=value, exact=True).wait_for()
    page.keyboard.press("Enter")
    s.wait_for_app_run(page)


def draft_rows(folder: Path, article: str, name: str) -> list[dict[str, str]]:
    text = (folder / "drafts" / article / f"{name}.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def counts_caption(page: Page) -> Locator:
    return page.get_by_test_id("stCaptionContainer").filter(has_text="Drafted on dataset version")


def bulk(page: Page, tab: str, verb: str) -> None:
    page.get_by_role("tab", name=tab, exact=True).click()
    panel = page.get_by_role("tabpanel", name=tab, exact=True)
    panel.get_by_role("button", name=f"{verb} the").click()
    s.wait_for_app_run(page)


def test_ingest_review_reload_merge_and_find_the_rows(new_tab, curate_app, ingested):
    ing, folder = ingested, ingested.folder
    tab = new_tab(curate_app)
    page = tab.page
    tab.goto("curate")
    expect(page.get_by_role("heading", name="Curate", exact=True)).to_be_visible()
    # The article, every candidate's passage highlighted.
    text = page.locator(".st-key-curate_text")
    expect(text).to_contain_text("SYNTHETIC TEST TEXT")
    assert text.locator(".stMarkdownColoredBackground").count() >= 3
    events = grid_in(page, "Events and claims")
    # No existing claim fits the sentence: ingest proposed one of the article's own (claims.csv).
    expect(cell(events, ing.event_row + 1, CLAIM_COLUMN)).to_contain_text(f"{ing.article[:3]}-")

    # 1. Edit a row: its claim from the allowed values, its summary in words; each saved at once.
    choose_in_cell(
        page, grid_in(page, "Events and claims"), ing.event_row + 1, CLAIM_COLUMN, ing.claim
    )
    choose_in_cell(page, grid_in(page, "Events and claims"), ing.event_row + 1, 1, "accepted")
    edit_cell(page, grid_in(page, "Events and claims"), ing.event_row + 1, SUMMARY_COLUMN, EDITED)
    row = draft_rows(folder, ing.article, "events")[ing.event_row]
    assert (row["claim_id"], row["review"], row["summary"]) == (ing.claim, "accepted", EDITED)
    expect(cell(grid_in(page, "Events and claims"), ing.event_row + 1, 2)).to_have_text("")

    # 2. Reject the other events in bulk, then reload mid-way: nothing is lost.
    bulk(page, "Events and claims", "Reject")
    page.reload()
    s.wait_for_app_run(page)
    expect(counts_caption(page)).to_contain_text("events: 1 accepted, 0 to review, 4 rejected")
    expect(
        cell(grid_in(page, "Events and claims"), ing.event_row + 1, SUMMARY_COLUMN)
    ).to_have_text(EDITED)

    # 3. Its transfer and the new actors accepted, the rest rejected; merge.
    choose_in_cell(
        page, grid_in(page, "Transfers and deployments"), ing.transfer_row + 1, 1, "accepted"
    )
    bulk(page, "Transfers and deployments", "Reject")
    bulk(page, "Actors", "Accept")
    merge = page.get_by_role("button", name="Merge 5 accepted row(s)")
    expect(merge).to_be_enabled()
    merge.click()
    s.wait_for_app_run(page)
    expect(page.get_by_test_id("stAlert").first).to_contain_text(
        f"Merged 1 events, 1 transfers, 3 actors from {ing.article}"
    )
    expect(page.get_by_text("No draft waits for review")).to_be_visible()
    log = list(csv.DictReader(io.StringIO((folder / "CHANGELOG.csv").read_text("utf-8"))))
    assert [(r["article_id"], r["curator"], r["events_added"]) for r in log] == [
        (ing.article, "E2E Curator", "1")
    ]
    assert_clean_console(tab.rec)

    # 4. A reader opening the dashboard now finds the new rows on the Timeline and Data pages.
    viewer = new_tab(curate_app)
    viewer.goto("timeline")
    chart = viewer.page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    drawn = chart.evaluate("el => el.data.flatMap(t => Array.from(t.customdata || []))")
    assert ing.event in drawn
    viewer.goto(f"data?claimant={quote('Defence Ministry')}")  # the article's new claimant
    table = viewer.page.get_by_test_id("stDataFrame").first
    assert s.read_grid(table, "id").values == [ing.event]
    assert s.read_grid(table, "Summary").values == [EDITED]
    assert_clean_console(viewer.rec)
