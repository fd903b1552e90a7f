"""Many articles in Chromium: pick an article in the reader and see its highlights (and get
them back after visiting another article), draw the figure history with its differing pair, and
filter by article from the sidebar's "More filters" (kept by the link it writes).
Runs the app over the many-articles fixture (tests/fixtures/multi)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.data.dataset import load_dataset
from dashboard.views import filters as flt
from dashboard.views import tallies
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "multi"
# The focused passage is the one set in bold (orange); the others are plain (blue or grey).
HIGHLIGHTS_JS = """el => [...el.querySelectorAll('.stMarkdownColoredBackground')].map((span) => {
  return {orange: span.querySelector('strong') !== null, text: span.textContent};
})"""


@pytest.fixture(scope="module")
def multi_app(app_factory):
    return app_factory("multi", FIXTURE)


@pytest.fixture
def mtab(new_tab, multi_app):
    t = new_tab(multi_app)
    t.goto("")
    return t


def choose(page: Page, label: str, option: str) -> None:
    s.wait_for_app_run(page)
    box = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(has_text=label)
    box.get_by_role("combobox").click()
    page.keyboard.type(option.split(" ·")[0])
    page.get_by_role("option").filter(has_text=option).first.click()
    s.wait_for_app_run(page)


def highlights(page: Page) -> list[dict]:
    return page.locator(".st-key-reader_text").evaluate(HIGHLIGHTS_JS)


def svg_texts(chart, selector: str) -> list[str]:
    """Text of the chart's SVG elements (innerText is not defined on SVG)."""
    return chart.locator(selector).evaluate_all("els => els.map((e) => e.textContent)")


def cited(article: str) -> list[str]:
    ds = load_dataset(FIXTURE)
    passages = tallies.cited_passages(flt.apply_filters(ds, flt.Filters()))
    return passages.loc[passages["article_id"] == article, "passage"].tolist()


def test_picking_an_article_shows_its_highlights_and_keeps_each_focus(mtab):
    page = mtab.page
    s.open_page(page, "Sources & claims")
    reader = page.locator(".st-key-reader_text")
    expect(reader).to_contain_text("Northwind Wire, 20 November 2024.")
    assert sorted(x["text"].strip() for x in highlights(page)) == sorted(cited("fx1_northwind"))

    choose(page, "Article (3 under these filters)", "Harbour Times · 2024-12-10")
    expect(reader).to_contain_text("Harbour Times, 10 December 2024.")
    assert sorted(x["text"].strip() for x in highlights(page)) == sorted(cited("fx3_harbour"))
    choose(page, "Show a row's passage", "c-tr02")
    orange = [x["text"] for x in highlights(page) if x["orange"]]
    assert [t.strip() for t in orange] == [cited("fx3_harbour")[1]]
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("differs from c-tr01", exact=False)).to_be_visible()

    choose(page, "Article (3 under these filters)", "Daily Relay · 2024-11-21")
    expect(reader).to_contain_text("reposted from Northwind Wire")
    assert not [x for x in highlights(page) if x["orange"]]
    expect(main.get_by_text("syndicated copy of Northwind Wire", exact=False)).to_be_visible()

    choose(page, "Article (3 under these filters)", "Harbour Times · 2024-12-10")
    orange = [x["text"] for x in highlights(page) if x["orange"]]
    assert [t.strip() for t in orange] == [cited("fx3_harbour")[1]]
    assert_clean_console(mtab.rec)


def test_the_figure_history_draws_ranges_and_the_differing_pair(mtab):
    page = mtab.page
    s.open_page(page, "Figure history")
    chart = page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    legend = svg_texts(chart, ".legendtext")
    assert legend == [
        "National Intelligence Service (NIS)",
        "Ukraine's military intelligence (HUR)",
        "differs: cannot both be true",
    ]
    labels = svg_texts(chart, ".annotation-text")
    assert sorted(labels) == sorted(
        ["approximately 10,900", "approximately 10,900", "about 12,000", "some 3,000"]
    )
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Figures that differ (1)")).to_be_visible()
    differs = s.read_grid(main.get_by_test_id("stDataFrame").first, "a")
    assert differs.values == ["c-tr01"]

    more = s.open_more_filters(page)
    box = more.get_by_test_id("stSelectbox").filter(has_text="Source reliability")
    box.get_by_role("combobox").click()
    page.keyboard.type("B or")
    page.get_by_role("option").filter(has_text="B or better").first.click()
    s.wait_for_app_run(page)
    assert "reliability=B+or+better" in page.url or "reliability=B%20or%20better" in page.url
    expect(main.get_by_role("heading", name="Figures that differ (0)")).to_be_visible()
    labels = svg_texts(chart, ".annotation-text")
    assert sorted(labels) == sorted(
        ["approximately 10,900", "approximately 10,900", "about 12,000"]
    )
    assert_clean_console(mtab.rec)


RELAY = "Daily Relay · 2024-11-21"


def events_grid(page: Page) -> list[str]:
    """The event ids in the Data page's Events tab."""
    main = page.get_by_test_id("stMain")
    main.get_by_role("tab", name="Events", exact=True).click()
    panel = main.get_by_role("tabpanel", name="Events")
    return s.read_grid(panel.get_by_test_id("stDataFrame"), "id").values


def test_more_filters_picks_an_article_and_the_link_keeps_it(new_tab, multi_app):
    first = new_tab(multi_app)
    first.goto("data")
    page = first.page
    more = s.more_filters(page)
    expect(more.locator("summary p")).to_have_text(
        "More filters: article, reliability, credibility"
    )
    article = s.sidebar(page).get_by_test_id("stMultiSelect").filter(has_text="Article")
    expect(article).to_have_count(0)  # not created while closed and unset
    everything = events_grid(page)
    assert everything == list(
        flt.apply_filters(load_dataset(FIXTURE), flt.Filters()).events["event_id"]
    )

    box = s.open_more_filters(page).get_by_test_id("stMultiSelect")
    box.get_by_role("combobox").click()
    page.keyboard.type("Daily")
    page.get_by_role("option", name=RELAY, exact=True).click()
    page.keyboard.press("Escape")
    s.wait_for_app_run(page)
    expected = flt.apply_filters(load_dataset(FIXTURE), flt.Filters(articles=("fx2_relay",)))
    assert list(expected.events["event_id"]) == ["b-ev01", "b-ev02"]
    expect(more.locator("summary p")).to_have_text(
        "More filters: article, reliability, credibility (1 active)"
    )
    assert events_grid(page) == ["b-ev01", "b-ev02"]
    assert parse_qs(urlsplit(page.url).query) == {"article": [RELAY]}

    second = new_tab(multi_app)  # a new context: the link alone carries the filter
    second.page.goto(page.url)
    s.wait_for_app_run(second.page)
    assert parse_qs(urlsplit(second.page.url).query) == {"article": [RELAY]}
    more2 = s.more_filters(second.page)
    expect(more2.locator("details[open]")).to_have_count(1)  # opened by itself: a filter is set
    assert s.chosen(second.page, "Article") == [RELAY]
    assert events_grid(second.page) == ["b-ev01", "b-ev02"]
    assert_clean_console(first.rec)
    assert_clean_console(second.rec)
