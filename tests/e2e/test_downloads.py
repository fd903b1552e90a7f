"""Every download on the Data page holds exactly the filtered rows shown, is named after the
filter, cites the dataset version, and arrives with the injected formula neutralised."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page

from dashboard.builders import analyst
from dashboard.views import filters as flt
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

START, END, ACTOR, ACTOR_ID = "2024-11-15", "2024-11-20", "North Korea", "north-korea"
TABLES = {  # tab name, id column, the column that places a row on the map
    "events": ("Events", "event_id", "location_id"),
    "transfers": ("Transfers", "transfer_id", "destination_location_id"),
    "locations": ("Locations", "location_id", "location_id"),
}


def download(page: Page, key: str, dest: Path) -> Path:
    with page.expect_download() as info:
        page.locator(f".st-key-{key}").get_by_test_id("stDownloadButton").locator("button").click()
    d = info.value
    assert d.failure() is None
    path = dest / d.suggested_filename
    d.save_as(path)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the accents
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_downloads_hold_the_filtered_rows_named_and_neutralised(
    new_tab, hostile_app, hostile_dataset, tmp_path
):
    ds = hostile_dataset
    view = flt.apply_filters(
        ds,
        flt.Filters(
            start=date.fromisoformat(START), end=date.fromisoformat(END), actors=(ACTOR_ID,)
        ),
    )
    assert s.FORMULA in set(view.events["summary"])  # the injected row is among those shown
    t = new_tab(hostile_app)
    t.goto("data")
    page = t.page
    s.set_date_range(page, START, END)
    s.choose_actor(page, ACTOR)
    main = page.get_by_test_id("stMain")
    stem_filter = f"{START}_{END}_{ACTOR_ID}"

    for table, (tab_name, key, place_column) in TABLES.items():
        frame = getattr(view, table)
        main.get_by_role("tab", name=tab_name, exact=True).click()
        s.wait_for_app_run(page)  # opening a tab reruns the page: only its table is sent
        panel = main.get_by_role("tabpanel", name=tab_name)
        shown = s.read_grid(panel.get_by_test_id("stDataFrame"), "id")  # the grid's header
        assert shown.values == list(frame[key]), table
        folder = tmp_path / table
        folder.mkdir()

        # CSV: every filtered row, every column, the formula prefixed with '
        path = download(page, f"csv_{table}", folder)
        assert path.name == f"{table}_{stem_filter}.csv"
        rows = read_csv(path)
        assert [r[key] for r in rows] == shown.values
        exported = analyst.analyst_frame(table, frame, ds)  # names beside ids, the article
        assert list(rows[0]) == list(exported.columns)
        if table == "events":
            summary = {r["event_id"]: r["summary"] for r in rows}
            assert summary["000-ev01"] == "'" + s.FORMULA
        assert not [v for r in rows for v in r.values() if v and v[0] in "=+@\t\r"]

        # XLSX: the citation sheet first, then the data; no formulas anywhere
        path = download(page, f"xlsx_{table}", folder)
        assert path.name == f"{table}_{stem_filter}.xlsx"
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["citation", "codebook", table]
        cite = {r[0]: r[1] for r in book["citation"].iter_rows(min_row=2, values_only=True)}
        assert cite["dataset_version"] == ds.version
        assert f"dates={START}..{END}" in cite["filters"]
        assert f"actors={ACTOR}" in cite["filters"]
        sheet = list(book[table].iter_rows(values_only=True))
        header, data = list(sheet[0]), sheet[1:]
        assert header == list(exported.columns)
        assert [r[header.index(key)] for r in data] == shown.values
        if table == "events":
            summary = {r[0]: r[header.index("summary")] for r in data}
            assert summary["000-ev01"] == "'" + s.FORMULA
        formulas = [
            c.coordinate for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"
        ]
        assert not formulas

        # GeoJSON: the rows that have a place, at that place
        path = download(page, f"geojson_{table}", folder)
        assert path.name == f"{table}_{stem_filter}.geojson"
        collection = json.loads(path.read_text(encoding="utf-8"))
        assert collection["type"] == "FeatureCollection"
        assert collection["citation"]["dataset_version"] == ds.version
        located = frame[frame[place_column].isin(ds.locations["location_id"])]
        props = [f["properties"] for f in collection["features"]]
        assert [p[key] for p in props] == list(located[key])
        coords = ds.locations.set_index("location_id")[["lon", "lat"]]
        for feature, place in zip(collection["features"], located[place_column], strict=True):
            assert feature["geometry"]["coordinates"] == list(coords.loc[place])
        if table == "events":
            summary = {p["event_id"]: p["summary"] for p in props}
            assert summary["000-ev01"] == "'" + s.FORMULA

        # The citation file for the CSV
        path = download(page, f"cite_{table}", folder)
        assert path.name == f"{table}_{stem_filter}.citation.txt"
        text = path.read_text(encoding="utf-8")
        assert f"dataset_version: {ds.version}" in text
        assert f"dates={START}..{END}" in text

    assert not [u for u in t.rec.requests if s.TRAP_HOST in u]
    assert_clean_console(t.rec)
