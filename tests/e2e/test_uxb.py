"""Browser flows for the Row page, search, context-keeping filters, date honesty, URL dates and
the analyst's exports. Expected values come from the pure functions, never from the browser."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from dashboard.views import filters as flt
from dashboard.views import search
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console
from tests.e2e.test_downloads import download

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/uxb-shots")


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=False)


def test_row_page_opens_and_links_onwards(new_tab, app):
    t = new_tab(app)
    t.goto("row?id=000-tr03")
    page, main = t.page, t.page.get_by_test_id("stMain")
    expect(main.locator("h1").first).to_have_text("Row")
    expect(main.get_by_role("heading", name="Transfer or deployment 000-tr03")).to_be_visible()
    expect(main.get_by_text("nearly 50 M-1978", exact=False).first).to_be_visible()
    fields = page.locator(".st-key-fields_transfers")
    expect(fields.get_by_role("row", name="Supplier North Korea (north-korea)")).to_be_visible()
    expect(fields.get_by_role("row", name="Quantity as stated nearly 50")).to_be_visible()
    shot(page, "row-tr03")
    with page.expect_popup() as popup:  # a row's links open its page in a new tab
        main.get_by_role("link", name="000-ev10").click()
    other = popup.value
    s.wait_for_app_run(other)
    assert query(other.url)["id"] == ["000-ev10"]
    other_main = other.get_by_test_id("stMain")
    expect(other_main.get_by_role("heading", name="Event or claim 000-ev10")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert_clean_console(t.rec)


def test_row_page_unknown_and_hostile_ids_are_notices(new_tab, app):
    t = new_tab(app)
    for row_id in ("000-tr99", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"):
        t.goto(f"row?id={row_id}")
        main = t.page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stAlert")).to_contain_text("No row has the id")
        expect(main.locator("img")).to_have_count(0)
        expect(t.page.get_by_test_id("stException")).to_have_count(0)
    assert not [u for u in t.rec.requests if "/x" in urlsplit(u).path]
    assert_clean_console(t.rec)


def test_search_finds_the_koksan_rows_and_opens_one(tab, dataset):
    page = tab.page
    expected = list(search.search_rows(search.searchable(dataset), "M1989")["row_id"])
    assert expected == ["000-tr03", "000-tr05"]
    box = s.sidebar(page).get_by_test_id("stTextInput").filter(has_text="Search rows")
    box.locator("input").fill("M1989")
    box.locator("input").press("Enter")
    s.wait_for_app_run(page)
    assert query(page.url)["q"] == ["M1989"]
    results = page.locator(".st-key-search_results")
    links = results.get_by_role("link")
    assert links.all_inner_texts() == expected
    shot(page, "search-m1989")
    with page.expect_popup() as popup:  # a row's link opens its page in a new tab
        links.first.click()
    row = popup.value
    s.wait_for_app_run(row)
    assert urlsplit(row.url).path == "/row" and query(row.url)["id"] == ["000-tr03"]
    heading = row.get_by_test_id("stMain").get_by_role(
        "heading", name="Transfer or deployment 000-tr03"
    )
    expect(heading).to_be_visible()
    assert_clean_console(tab.rec)


@pytest.mark.parametrize("q", ["Uragan", "Choe"])
def test_search_by_link(new_tab, app, dataset, q):
    t = new_tab(app)
    t.goto(f"?q={q}")
    expected = list(search.search_rows(search.searchable(dataset), q)["row_id"])
    assert len(expected) >= 1
    assert (
        t.page.locator(".st-key-search_results").get_by_role("link").all_inner_texts() == expected
    )


def test_troops_filter_keeps_the_denials_marked(tab, dataset):
    page = tab.page
    view = flt.apply_filters(dataset, flt.Filters(actors=("nk-troops",)))
    assert len(view.answering) == 3
    s.choose_actor(page, "North Korea · North Korean troops")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("answers a shown row")).to_have_count(len(view.answering))
    shot(page, "overview-troops-context")
    assert_clean_console(tab.rec)


def test_date_range_counts_shading_and_basis(tab, dataset):
    page = tab.page
    start, end = date(2024, 11, 15), date(2024, 11, 20)
    view = flt.apply_filters(dataset, flt.Filters(start=start, end=end))
    words = flt.undated_words(view)
    assert words.startswith(f"{flt.date_counts(view)[0]} dated in range · ")
    s.open_page(page, "Timeline")
    s.set_date_range(page, start.isoformat(), end.isoformat())
    expect(s.sidebar(page).get_by_text(words)).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(page.locator(".st-key-filter_line")).to_contain_text(
        f"{len(view.events)} events, {len(view.transfers)} transfers · {words}."
    )
    s.wait_for_charts(page)
    chart = main.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    shapes = chart.evaluate(
        "el => (el.layout.shapes || []).map(s => [s.name, String(s.x0).slice(0, 10), String(s.x1).slice(0, 10)])"
    )
    assert ["chosen range", "2024-11-15", "2024-11-21"] in shapes
    shot(page, "timeline-range")
    s.sidebar(page).get_by_test_id("stRadio").get_by_text("happened", exact=True).click()
    s.wait_for_app_run(page)
    assert query(page.url)["date_on"] == ["happened"]
    happened = flt.apply_filters(dataset, flt.Filters(start=start, end=end, date_basis="happened"))
    expect(s.sidebar(page).get_by_text(flt.undated_words(happened))).to_be_visible()
    assert_clean_console(tab.rec)


@pytest.mark.parametrize(
    ("dates", "notice"),
    [
        pytest.param(
            "dates=2024-11-20&dates=2024-11-15",
            "Swapped from the link: dates ‘2024-11-20’, ‘2024-11-15’ were reversed",
            id="reversed",
        ),
        pytest.param(
            "dates=2024-11-01&dates=2024-11-10&dates=2024-11-15",
            "(a range takes two dates); no date filter is applied.",
            id="three",
        ),
        pytest.param("dates=2024-02-30&dates=2024-11-15", "is not a YYYY-MM-DD date", id="invalid"),
    ],
)
def test_url_dates_get_a_notice(new_tab, app, dates, notice):
    t = new_tab(app)
    t.goto(f"data?{dates}")
    expect(s.sidebar(t.page).get_by_test_id("stAlert")).to_contain_text(notice)
    expect(t.page.get_by_test_id("stException")).to_have_count(0)


def test_exports_an_analyst_can_open(new_tab, app, dataset, tmp_path):
    t = new_tab(app)
    t.goto("data")
    page = t.page
    view = flt.apply_filters(dataset, flt.Filters())
    main = page.get_by_test_id("stMain")
    grid = s.read_grid(main.get_by_test_id("stDataFrame").first, "row page")
    # each id is a link to its page (the grid shows the id; its text for screen readers is the address)
    assert grid.values == [f"row?id={i}" for i in view.events["event_id"]]
    shot(page, "data-links")
    main.get_by_role("tab", name="Transfers", exact=True).click()
    s.wait_for_app_run(page)  # opening a tab reruns the page: only its table is sent
    path = download(page, "xlsx_transfers", tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["citation", "codebook", "transfers"]
    ws = book["transfers"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("report_date_start") + 1)
    assert cell.is_date and cell.value == datetime(2024, 11, 20)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.cell(row=2, column=header.index("supplier_name") + 1).value == "North Korea"
    cite = {r[0]: r[1] for r in book["citation"].iter_rows(min_row=2, values_only=True)}
    undated = (
        view.transfers["event_id"].isin(view.events.loc[~flt.dated(view.events), "event_id"]).sum()
    )
    assert (
        cite["rows"] == f"{len(view.transfers)} row(s); {undated} row(s) of undated events included"
    )
    assert cite["articles"].startswith("Caliber.Az, “South Korea confirms")
    path = download(page, "zip_transfers", tmp_path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        rows = list(csv.DictReader(io.StringIO(z.read(names[0]).decode("utf-8-sig"))))
    assert names == ["transfers.csv", "transfers.citation.txt", "transfers.codebook.csv"]
    assert [r["transfer_id"] for r in rows] == list(view.transfers["transfer_id"])
    assert rows[0]["article_publisher"] == "Caliber.Az"
    assert_clean_console(t.rec)


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_typed_dates_apply_on_enter(new_tab, app, dataset, device):
    """Type a date, press Enter: the URL and the counts change (no blur needed)."""
    t = new_tab(app, **(PHONE if device == "phone" else {}))
    t.goto("data")
    page = t.page
    expand = page.get_by_test_id("stExpandSidebarButton")  # a phone starts with it closed
    if expand.count() and expand.is_visible():
        expand.click()
    span = flt.date_span(dataset)
    assert span == (date(2024, 10, 21), date(2024, 11, 20))
    assert s.date_range_values(page) == ["2024-10-21", "2024-11-20"]
    start, end = date(2024, 11, 15), date(2024, 11, 18)

    field_ = s.date_field(page, "From")
    field_.fill("15 Nov 2024")
    field_.press("Enter")
    s.wait_for_app_run(page)
    assert query(page.url)["dates"] == ["2024-11-15", "2024-11-20"]
    view = flt.apply_filters(dataset, flt.Filters(start=start, end=span[1]))
    expect(s.sidebar(page).get_by_text(flt.undated_words(view))).to_be_visible()
    assert s.date_range_values(page) == ["2024-11-15", "2024-11-20"]  # shown as applied

    field_ = s.date_field(page, "To")
    field_.fill("18.11.2024")
    field_.press("Enter")
    s.wait_for_app_run(page)
    assert query(page.url)["dates"] == ["2024-11-15", "2024-11-18"]
    view = flt.apply_filters(dataset, flt.Filters(start=start, end=end))
    words = flt.undated_words(view)
    assert words != flt.undated_words(flt.apply_filters(dataset, flt.Filters()))
    expect(s.sidebar(page).get_by_text(words)).to_be_visible()
    shot(page, f"typed-dates-{device}")
    s.sidebar(page).get_by_test_id("stPopover").get_by_role("button").click()
    calendar = page.get_by_test_id("stDateInput")  # the same range, in the calendar's field
    expect(calendar.locator('input[type="date"]')).to_have_count(2)
    values = calendar.locator('input[type="date"]').evaluate_all("els => els.map(e => e.value)")
    assert values == ["2024-11-15", "2024-11-18"]
    shot(page, f"typed-dates-calendar-{device}")
    page.keyboard.press("Escape")
    if device == "desktop":
        tabpanel = page.get_by_test_id("stMain").get_by_role("tabpanel", name="Events")
        expect(tabpanel.get_by_test_id("stCaptionContainer").first).to_have_text(
            f"{len(view.events):,} row(s)"
        )

    field_.fill("2024-13-01")  # refused in words; the range and the URL stay
    field_.press("Enter")
    s.wait_for_app_run(page)
    expect(s.sidebar(page).get_by_test_id("stAlert")).to_contain_text(
        "To: ‘2024-13-01’ is not a date. Type it as 2024-11-15, 15 Nov 2024 or 15.11.2024."
    )
    assert query(page.url)["dates"] == ["2024-11-15", "2024-11-18"]
    shot(page, f"typed-dates-refused-{device}")
    assert_clean_console(t.rec)
