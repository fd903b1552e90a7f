"""The sidebar filters drive every page, land in the URL, and a copied URL restores them.

Every expected number comes from the pure functions (dashboard.filters.apply_filters and the
tallies the pages use), never from the browser. The app runs on the synthetic fixture dataset
(tests/fixtures/dataset/README.md), so no curated value is pinned here."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.views import filters as flt
from dashboard.views import geo, tallies
from dashboard.web.links import UNDATED_LIST_ROWS
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

START, END = "2030-03-12", "2030-03-14"


@pytest.fixture
def app(fixture_app):
    return fixture_app


@pytest.fixture
def dataset(fixture_dataset):
    return fixture_dataset


@pytest.fixture
def tab(new_tab, fixture_app):
    t = new_tab(fixture_app)
    t.goto("")
    return t


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def view_of(ds, **kw) -> flt.View:
    return flt.apply_filters(ds, flt.Filters(**kw))


def timeline_event_ids(page: Page) -> set[str]:
    """The event ids the timeline figure draws (each trace's customdata)."""
    chart = page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    ids = chart.evaluate("el => el.data.flatMap(t => Array.from(t.customdata || []))")
    return set(ids)


def dated_ids(events) -> set[str]:
    dated = events["date_start"].notna() | events["report_date_start"].notna()
    return set(events.loc[dated, "event_id"])


def data_tab(page: Page, name: str) -> s.Grid:
    """The ids in a Data tab's grid (it heads each table's own id "id"; the codebook's column
    name is in the header's hover). Opening a tab reruns the page: only its grid is sent."""
    page.get_by_test_id("stMain").get_by_role("tab", name=name, exact=True).click()
    s.wait_for_app_run(page)
    panel = page.get_by_test_id("stMain").get_by_role("tabpanel", name=name)
    return s.read_grid(panel.get_by_test_id("stDataFrame"), "id")


def row_caption(page: Page, name: str) -> str:
    panel = page.get_by_test_id("stMain").get_by_role("tabpanel", name=name)
    return panel.get_by_test_id("stCaptionContainer").first.inner_text()


def test_date_range_filters_timeline_and_data(tab, dataset):
    page = tab.page
    everything = view_of(dataset)
    view = view_of(dataset, start=date.fromisoformat(START), end=date.fromisoformat(END))
    assert len(view.events) < len(everything.events)  # the range must change something

    s.open_page(page, "Timeline")
    assert timeline_event_ids(page) == dated_ids(everything.events)
    s.set_date_range(page, START, END)
    assert s.date_range_values(page) == [START, END]
    assert query(page.url)["dates"] == [START, END]
    s.wait_for_charts(page)
    assert timeline_event_ids(page) == dated_ids(view.events)
    undated = view.events[
        view.events["date_start"].isna() & view.events["report_date_start"].isna()
    ]
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=f"Undated rows ({len(undated)})")).to_be_visible()
    assert s.undated_summaries(main) == list(undated["summary"])  # listed as text (≤ 20 rows)
    assert 1 <= len(undated) <= UNDATED_LIST_ROWS

    s.open_page(page, "Data")
    assert query(page.url)["dates"] == [START, END]
    for name, table, key in (
        ("Events", "events", "event_id"),
        ("Transfers", "transfers", "transfer_id"),
        ("Locations", "locations", "location_id"),
    ):
        frame = getattr(view, table)
        grid = data_tab(page, name)
        assert row_caption(page, name) == f"{len(frame):,} row(s)"
        assert grid.rowcount == len(frame), name
        assert grid.values == list(frame[key]), name

    # Leaving out the undated rows narrows it further, and that lands in the URL too.
    view = view_of(
        dataset, start=date.fromisoformat(START), end=date.fromisoformat(END), include_undated=False
    )
    s.sidebar(page).get_by_test_id("stCheckbox").filter(has_text="Include undated rows").click()
    s.wait_for_app_run(page)
    assert query(page.url)["undated"] == ["false"]
    grid = data_tab(page, "Events")
    assert grid.values == list(view.events["event_id"])
    assert_clean_console(tab.rec)


ACTORS = {
    "Sudmark · Ministry of Defence of Sudmark": "sudmark-mod",
    "Westria · Westrian intelligence officials": "westrian-intelligence",
}


@pytest.mark.parametrize("label", list(ACTORS))
def test_actor_changes_overview_equipment_and_map(tab, dataset, label):
    page = tab.page
    view = view_of(dataset, actors=(ACTORS[label],))
    everything = view_of(dataset)
    m, m_all = (
        tallies.overview_metrics(view, dataset),
        tallies.overview_metrics(everything, dataset),
    )

    def numbers(x):
        return len(x["hardware"]), len(x["personnel"]), x["claimants"]

    assert numbers(m) != numbers(m_all)  # the actor must change the headline numbers

    s.choose_actor(page, label)
    assert query(page.url)["actor"] == [label]
    assert s.chosen(page, "Actor") == [label]
    shown = s.metrics(page)
    assert shown["Hardware reports"] == str(len(m["hardware"]))
    assert shown["Troop reports"] == str(len(m["personnel"]))
    assert shown["Claimants"] == str(m["claimants"])

    # Equipment: one table per non-empty section (hardware, troops), then the tally.
    s.open_page(page, "Equipment")
    assert query(page.url)["actor"] == [label]
    q = tallies.quantity_rows(view, dataset)
    sections = [q[q["category"].isin(tallies.HARDWARE)], q[q["category"] == "personnel"]]
    expected = [len(rows) for rows in sections if len(rows)]
    tally = len(tallies.tally(view, dataset, "system"))
    if tally:  # an empty tally is a "None under these filters." caption, not a grid
        expected.append(tally)
    main = page.get_by_test_id("stMain")
    frames = main.get_by_test_id("stDataFrame")
    expect(frames).to_have_count(len(expected))
    assert [s.read_grid(f).rowcount for f in frames.all()] == expected
    charts = sum(1 for rows in sections if rows["low"].notna().any())
    expect(main.get_by_test_id("stPlotlyChart")).to_have_count(charts)
    expect(main.get_by_text("None under these filters.")).to_have_count(
        sum(1 for rows in sections if rows.empty) + (tally == 0)
    )

    # Map: the caption's counts and the places table are the filtered places and routes.
    s.open_page(page, "Map")
    assert query(page.url)["actor"] == [label]
    places = geo.places_frame(view, dataset)
    arcs = geo.arcs_frame(view, dataset)
    sightings = geo.sightings_frame(view, dataset)
    assert (len(places), len(arcs)) != (
        len(geo.places_frame(everything, dataset)),
        len(geo.arcs_frame(everything, dataset)),
    )
    s.wait_for_charts(page)
    expect(main.get_by_test_id("stCaptionContainer").last).to_have_text(
        f"{len(places)} place(s), {len(arcs)} route(s), {len(sightings)} sighting(s) under these filters."
    )
    grid = s.read_grid(main.get_by_test_id("stDataFrame"), "name")
    assert grid.values == list(places["name"])
    assert_clean_console(tab.rec)


def test_copied_url_restores_filters_and_rows(new_tab, app, dataset):
    first = new_tab(app)
    first.goto("data")
    s.set_date_range(first.page, START, END)
    s.choose_actor(first.page, "Norland")
    url = first.page.url
    assert query(url) == {"dates": [START, END], "actor": ["Norland"]}
    view = view_of(
        dataset, start=date.fromisoformat(START), end=date.fromisoformat(END), actors=("norland",)
    )
    before = data_tab(first.page, "Events")
    assert before.values == list(view.events["event_id"])

    second = new_tab(app)  # a new context: no shared session, cookies or storage
    second.page.goto(url)
    s.wait_for_app_run(second.page)
    assert urlsplit(second.page.url).path == "/data"
    assert query(second.page.url) == query(url)
    assert s.date_range_values(second.page) == [START, END]
    assert s.chosen(second.page, "Actor") == ["Norland"]
    after = data_tab(second.page, "Events")
    assert after.values == before.values
    assert row_caption(second.page, "Events") == f"{len(view.events):,} row(s)"
    assert data_tab(second.page, "Transfers").values == list(view.transfers["transfer_id"])
    assert row_caption(second.page, "Transfers") == f"{len(view.transfers):,} row(s)"
    assert_clean_console(first.rec)
    assert_clean_console(second.rec)
