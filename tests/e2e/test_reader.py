"""The article reader on Sources & claims: a row shows its passage in place (orange, bold), and a
passage shows the rows it supports."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.views import filters as flt
from dashboard.views import tallies
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

PASSAGE_ROW_HEIGHT = 70  # row_height of the passages table (dashboard/reader.py)

# Streamlit renders :orange-background[**…**] as
#   <span class="stMarkdownColoredBackground" style="background-color: …"><strong>…</strong></span>
# and the other passages faint (:gray-background[…], rgb(245, 244, 242) in the light theme) or
# violet where two overlap. Orange is the only one clearly redder than blue (255, 246, 237).
_HIGHLIGHTS_JS = """el => [...el.querySelectorAll('.stMarkdownColoredBackground')].map((span) => {
  const [r, g, b] = getComputedStyle(span).backgroundColor.match(/[\\d.]+/g).map(Number);
  return {orange: r - b > 10, text: span.textContent,
          strong: [...span.querySelectorAll('strong')].map((x) => x.textContent).join('')};
})"""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def passages(dataset) -> tuple[str, object]:
    view = flt.apply_filters(dataset, flt.Filters())
    cited = tallies.cited_passages(view)
    article = sorted(set(cited["article_id"]))[0]
    return article, cited[cited["article_id"] == article].reset_index(drop=True)


def check_focus(page: Page, n: int, passage: str, rows: str) -> None:
    """Passage n (0-based) is the one in orange, bold throughout, and its rows are listed."""
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(f"Passage [{n + 1}] is highlighted in orange below.")).to_be_visible()
    reader = page.locator(".st-key-reader_text")
    spans = reader.evaluate(_HIGHLIGHTS_JS)
    orange = [x for x in spans if x["orange"]]
    assert orange, "no passage is highlighted in orange"
    literal = [x["text"] for x in orange if "**" in x["text"]]
    assert not literal, f"the focused passage shows literal ** instead of bold: {literal}"
    not_bold = [x["text"] for x in orange if squash(x["strong"]) != squash(x["text"])]
    assert not not_bold, f"parts of the focused passage are not bold: {not_bold}"
    assert squash("".join(x["text"] for x in orange)) == squash(passage)

    ids = rows.split(", ")
    expect(main.get_by_text(f"Passage [{n + 1}] supports {len(ids)} row(s):")).to_be_visible()
    side = main.get_by_test_id("stColumn").filter(has=page.locator(".st-key-reader_passages"))
    focus_rows = side.get_by_test_id("stDataFrame").last
    assert s.read_grid(focus_rows, "row").values == ids


@pytest.mark.parametrize(
    "row_id",
    [
        "000-ev01",  # a passage of its own
        "000-tr03",  # a passage that overlaps the next one (1565–1842 and 1788–1965)
    ],
)
def test_choosing_a_row_highlights_its_passage(tab, dataset, row_id):
    article, cited = passages(dataset)
    table = dataset.transfers if "-tr" in row_id else dataset.events
    key = "transfer_id" if "-tr" in row_id else "event_id"
    row = table[table[key] == row_id].iloc[0]
    assert row["article_id"] == article
    n = int(
        cited.index[
            (cited["passage_start"] == row["passage_start"])
            & (cited["passage_end"] == row["passage_end"])
        ][0]
    )

    page = tab.page
    s.open_page(page, "Sources & claims")
    chooser = page.get_by_test_id("stSelectbox").filter(has_text="Show a row's passage")
    chooser.get_by_role("combobox").click()
    page.keyboard.type(row_id)
    page.get_by_role("option").filter(has_text=row_id).first.click()
    s.wait_for_app_run(page)
    check_focus(page, n, row["passage"], cited.at[n, "rows"])
    assert_clean_console(tab.rec)


def test_choosing_a_passage_lists_its_rows(tab, dataset):
    _, cited = passages(dataset)
    n = 2  # the third passage: in view without scrolling the table
    page = tab.page
    s.open_page(page, "Sources & claims")
    table = page.locator(".st-key-reader_passages").get_by_test_id("stDataFrame")
    assert s.read_grid(table, "n").values[: n + 1] == [str(i + 1) for i in range(n + 1)]
    s.click_grid_row_marker(table, n, PASSAGE_ROW_HEIGHT)
    s.wait_for_app_run(page)
    check_focus(page, n, cited.at[n, "passage"], cited.at[n, "rows"])
    assert_clean_console(tab.rec)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_clicking_an_inline_marker_marks_its_passage_in_view(new_tab, app, dataset, device):
    """The [n] markers sit in the text as links; one opens the reader (a new tab: Streamlit
    opens Markdown links so) with the filters kept, that passage orange and in view, the others
    faint."""
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    t = new_tab(app, **(phone if device == "phone" else {}))
    t.goto("sources?actor=North+Korea")
    article, _ = passages(dataset)
    view = flt.apply_filters(dataset, flt.Filters(actors=("north-korea",)))
    cited = tallies.cited_passages(view)
    cited = cited[cited["article_id"] == article].reset_index(drop=True)
    n = 2  # the third passage
    assert len(cited) > n
    text = t.page.locator(".st-key-reader_text")
    marker = text.get_by_role("link", name=f"[{n + 1}]", exact=True)
    marker.scroll_into_view_if_needed()
    with t.page.expect_popup() as popup:
        marker.click()
    page = popup.value
    s.wait_for_app_run(page)
    query = parse_qs(urlsplit(page.url).query)
    assert (query["actor"], query["read"], query["passage"]) == (
        ["North Korea"],
        [article],
        [str(n + 1)],
    )
    assert urlsplit(page.url).fragment == "marked-passage"
    card = page.locator(".st-key-reader_focus_card")
    expect(card).to_be_in_viewport()
    page.screenshot(path=f"/tmp/uxb-shots/reader-marker-{device}.png")
    check_focus(page, n, cited.at[n, "passage"], cited.at[n, "rows"])
    spans = page.locator(".st-key-reader_text").evaluate(_HIGHLIGHTS_JS)
    assert [x for x in spans if not x["orange"]], "the other passages are not shown faint"
    bold = page.locator(".st-key-reader_text strong").get_by_role("link", name=f"[{n + 1}]")
    expect(bold).to_have_count(1)  # the chosen marker in bold
    assert_clean_console(t.rec)
