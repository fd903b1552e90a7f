"""The bench's browser side knows how to see every page drawn (bench/browser.py READY), so
`make bench` measures every page's payload; tests/e2e/test_bench_ready.py opens each one."""

from __future__ import annotations

import csv

from bench import browser, synth
from dashboard.pages import PAGES
from tests.e2e.support import DATASETS


def test_every_page_has_a_ready_entry_at_its_own_address():
    for spec in PAGES:
        path, selector = browser.READY[spec.url_path]
        assert path.split("?")[0] == "/" + spec.url, spec.url_path
        assert selector
    assert len(PAGES) == 9


def test_the_row_page_opens_on_a_place_every_measured_dataset_has():
    with (DATASETS / "locations.csv").open(encoding="utf-8") as f:
        seed_places = [row["location_id"] for row in csv.DictReader(f)]
    assert browser.ROW_ID in seed_places
    assert browser.ROW_ID in [place[0] for place in synth.PLACES]
    assert browser.READY["row"][0] == "/row?id=kursk-oblast"
