"""AppTest of the Data page's tabs (issue 12): only the open tab's table is built and sent, the
first tab is open by default, and the open tab is chosen by its widget or the URL (?table=…).

On the synthetic fixture dataset (tests/fixtures/dataset/README.md): the ids below are read
off its tables by hand."""

from datetime import date

import pytest
import streamlit as st

from dashboard.data.dataset import DEFAULT_DATA_DIR
from dashboard.views import datagrid
from tests.fixtures import FIXTURE_DIR
from tests.test_app import no_html, run

LABELS = ["Events", "Transfers", "Locations"]
IDS = {
    "events": [
        "t01-ev01",
        "t01-ev02",
        "t01-ev03",
        "t01-ev04",
        "t02-ev01",
        "t02-ev02",
        "t03-ev01",
        "t03-ev02",
        "t04-ev01",
        "t04-ev02",
        "t04-ev03",
    ],
    "transfers": ["t01-tr01", "t01-tr02", "t02-tr01", "t03-tr01", "t04-tr01", "t04-tr02"],
    "locations": ["norland", "sudmark", "kellby", "brenn-region", "tarnow"],
}
HEADS = {  # the first columns of each grid, in words
    "events": ["row page", "id", "Article", "Event type"],
    "transfers": ["row page", "id", "Article", "Event"],
    "locations": ["row page", "id", "Name", "Kind"],
}
WIDTHS = {"events": 29, "transfers": 32, "locations": 10}
DOWNLOADS = ["csv", "cite", "xlsx", "geojson", "zip"]


@pytest.fixture(autouse=True)
def _fixture_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DIR))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def built(monkeypatch) -> list[str]:
    """The tables whose grid the page builds (datagrid.first_rows), in call order."""
    calls: list[str] = []
    first_rows = datagrid.first_rows

    def recorded(view, ds, table, n):
        calls.append(table)
        return first_rows(view, ds, table, n)

    monkeypatch.setattr(datagrid, "first_rows", recorded)
    return calls


def shown(at) -> dict:
    """{tab label: the download keys, grid ids and caption in it} for every tab, open or not."""
    out = {}
    for tab in at.tabs:
        grids = tab.get("dataframe")
        out[tab.label] = {
            "grids": [list(g.value["id"]) for g in grids],
            "downloads": [b.key for b in tab.get("download_button")],
            "rows": [c.value for c in tab.caption if c.value.endswith("row(s)")],
        }
    return out


def only(label: str, table: str, n: int | None = None) -> dict:
    """What the page shows when `label` is open: its table's grid and downloads, nothing else."""
    ids = IDS[table]
    out = {other: {"grids": [], "downloads": [], "rows": []} for other in LABELS}
    out[label] = {
        "grids": [ids],
        "downloads": [f"{d}_{table}" for d in DOWNLOADS],
        "rows": [f"{len(ids) if n is None else n} row(s)"],
    }
    return out


def test_the_first_tab_is_open_and_only_its_table_is_built_and_sent(built):
    at = run("data")
    assert not at.exception
    assert [t.label for t in at.tabs] == LABELS
    assert at.session_state["table"] == "Events"
    assert shown(at) == only("Events", "events")
    assert len(at.dataframe) == 1  # the fixture has no CHANGELOG.csv: no history grid either
    grid = at.dataframe[0].value
    assert list(grid.columns[:4]) == HEADS["events"] and len(grid.columns) == WIDTHS["events"]
    assert built == ["events"]


@pytest.mark.parametrize(
    ("label", "table"),
    [pytest.param(label, table, id=table) for label, table in zip(LABELS, IDS, strict=True)],
)
def test_switching_tab_shows_that_table_only(built, label, table):
    at = run("data")
    at.session_state["table"] = label  # what a click on the tab sets
    at.run()
    assert not at.exception
    assert shown(at) == only(label, table)
    grid = at.dataframe[0].value
    assert list(grid.columns[:4]) == HEADS[table] and len(grid.columns) == WIDTHS[table]
    assert grid["row page"].tolist() == [f"row?id={i}" for i in IDS[table]]
    assert built == list(dict.fromkeys(["events", table]))  # opened first, then the chosen one


@pytest.mark.parametrize(
    ("label", "table"),
    [pytest.param(label, table, id=table) for label, table in zip(LABELS, IDS, strict=True)],
)
def test_the_url_opens_its_tab(built, label, table):
    at = run("data", query={"table": label})
    assert not at.exception
    assert at.session_state["table"] == label
    assert shown(at) == only(label, table)
    assert built == [table]  # a link to a tab builds that table alone


@pytest.mark.parametrize("value", ["Nope", "transfers", "<img src=x onerror=alert(1)>"])
def test_a_url_tab_that_is_not_one_opens_the_first(built, value):
    at = run("data", query={"table": value})
    assert not at.exception and no_html(at) == []
    assert at.session_state["table"] == "Events"
    assert shown(at) == only("Events", "events")
    assert built == ["events"]


def test_the_open_tab_follows_the_filters():
    at = run("data", query={"table": "Transfers"})
    at.sidebar.date_input(key="dates").set_value((date(2030, 3, 12), date(2030, 3, 14))).run()
    at.sidebar.toggle(key="undated").set_value(False).run()
    # the transfers of the events dated within 12-14 March (t04-tr01's event is 20 March)
    expected = ["t01-tr01", "t01-tr02", "t02-tr01", "t03-tr01", "t04-tr02"]
    assert at.session_state["table"] == "Transfers"
    assert [list(g.value["id"]) for g in at.dataframe] == [expected]
    # A click on Events sets the widget, and the browser's URL drops the default tab's value
    # (AppTest sends its query_params again on every run, so they must follow the click).
    at.session_state["table"] = "Events"
    del at.query_params["table"]
    at.run()
    assert [list(g.value["id"]) for g in at.dataframe] == [IDS["events"][:8] + ["t04-ev02"]]


@pytest.mark.parametrize("folder", [FIXTURE_DIR, DEFAULT_DATA_DIR], ids=["fixture", "datasets"])
@pytest.mark.parametrize("label", LABELS)
def test_every_tab_runs_clean_with_deferred_downloads(monkeypatch, folder, label):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = run("data", query={"table": label})
    assert not at.exception and no_html(at) == []
    (tab,) = [t for t in at.tabs if t.label == label]
    assert len(tab.get("dataframe")) == 1 and len(tab.get("dataframe")[0].value) >= 1
    buttons = tab.get("download_button")
    assert [b.proto.label for b in buttons] == [
        "CSV",
        "Citation for the CSV",
        "XLSX (with citation sheet)",
        "GeoJSON (located rows)",
        "ZIP (CSV, citation, codebook)",
    ]
    assert all(b.proto.ignore_rerun for b in buttons)
    assert all(b.proto.deferred_file_id for b in buttons)  # files are built only when clicked
