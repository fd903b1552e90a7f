"""Issue 13 items 2, 3, 11 in the browser: Markdown from the URL stays text, bare URLs in data
are not links, bidirectional controls do not reverse what is shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import support as s

pytestmark = pytest.mark.e2e

TRAP = "127.0.0.2"
BARE = f"see http://{TRAP}/a or www.example.org or ops@example.org"
REVERSED = "\u202e05 guns"


def contested_ids(folder: Path) -> list[str]:
    """Two rows every Overview shows in full: denials and acknowledgements (by stance)."""
    text = (folder / "events.csv").read_text(encoding="utf-8")
    rows = [
        r for r in csv.DictReader(io.StringIO(text)) if r["stance"] in ("denies", "acknowledges")
    ]
    assert len(rows) >= 2
    return [rows[0]["event_id"], rows[1]["event_id"]]


@pytest.fixture(scope="module")
def links_app(app_factory, tmp_path_factory):
    dest = s.copy_dataset(tmp_path_factory.mktemp("links") / "datasets")
    first, second = contested_ids(dest)
    s.edit_cells(dest, "events", {(first, "summary"): BARE, (second, "summary"): REVERSED})
    return app_factory("links", dest)


def no_links_or_fetches(page: Page, requests: list[str]) -> None:
    hrefs = page.eval_on_selector_all(
        "[data-testid=stMarkdownContainer] a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert not [h for h in hrefs if h and (TRAP in h or "example.org" in h)], hrefs
    assert not [u for u in requests if urlsplit(u).hostname == TRAP]
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_bare_urls_in_data_are_text_not_links(new_tab, links_app):
    t = new_tab(links_app)
    t.goto("")
    main = t.page.get_by_test_id("stMain")
    shown = main.get_by_test_id("stMarkdownContainer").filter(has_text="www")
    expect(shown).to_have_count(1)
    # What a reader sees and copies is the address as written (the word joiner is invisible).
    assert shown.inner_text().replace("\u2060", "").count(f"http://{TRAP}/a") == 1
    no_links_or_fetches(t.page, t.rec.requests)


def test_bidi_override_is_shown_as_a_mark(new_tab, links_app):
    t = new_tab(links_app)
    t.goto("")
    main = t.page.get_by_test_id("stMain")
    expect(
        main.get_by_test_id("stMarkdownContainer").filter(has_text="\ufffd05 guns")
    ).to_have_count(1)
    assert "\u202e" not in main.inner_text()


def test_markdown_from_the_url_stays_text(new_tab, app):
    t = new_tab(app)
    query = "&".join(
        f"{k}={quote(v)}"
        for k, v in [
            ("actor", f"![b](http://{TRAP}/u.png)"),
            ("stance", "$\\huge\\text{HACKED}$"),
            ("type", ":red[alarm]"),
        ]
    )
    t.goto(f"?{query}")
    bar = s.sidebar(t.page)
    notices = bar.get_by_test_id("stAlertContentWarning")
    expect(notices).to_have_count(3)
    expect(bar.locator("img")).to_have_count(0)
    expect(bar.locator(".katex")).to_have_count(0)
    shown = bar.inner_text().replace("\u2060", "")
    # The payloads read as the characters they are: no TeX, no colour, no image.
    assert "$\\huge\\text{HACKED}$" in shown
    assert ":red[alarm]" in shown
    assert f"![b](http://{TRAP}/u.png)" in shown
    no_links_or_fetches(t.page, t.rec.requests)
