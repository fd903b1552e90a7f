"""AppTest for every page: runs clean, filters change what is shown by exact counts, URL
parameters restore filters, a broken dataset shows its report, no data is rendered as HTML.

The pages run on the synthetic fixture dataset (tests/fixtures/dataset/README.md): every
expected value below is read off its tables by hand. Every page also runs clean on the curated
dataset (test_page_runs_clean)."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data.dataset import DEFAULT_DATA_DIR
from dashboard.pages import ENTRY
from dashboard.pages import PAGES as PAGE_SPECS
from tests.fixtures import FIXTURE_DIR

APP = str(ENTRY)
PAGES = {p.url_path: p.script for p in PAGE_SPECS}
TITLES = {p.url_path: p.title for p in PAGE_SPECS}


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DIR))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def run(page="overview", query=None, timeout=60):
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(PAGES[page]).run()
    return at


def no_html(at):
    return [m.value for m in at.markdown if m.proto.allow_html]


def deck(at):
    """The Map page's deck JSON; the page opens on the picture, so switch to Explore first."""
    if not at.get("deck_gl_json_chart"):
        at.session_state["map_mode"] = "explore"
        at.run()
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def plotly(at, i=0):
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def layer(spec, layer_id):
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def timeline_ids(at):
    spec = plotly(at)
    return sorted({i for trace in spec["data"] for i in trace.get("customdata", [])})


@pytest.mark.parametrize("folder", [FIXTURE_DIR, DEFAULT_DATA_DIR], ids=["fixture", "datasets"])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_runs_clean(page, folder, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = run(page)
    assert not at.exception
    assert [t.value for t in at.title] == [TITLES[page]]
    assert no_html(at) == []


def test_overview_figures_keep_their_words():
    at = run()
    assert [(m.label, m.value) for m in at.metric] == [
        ("Hardware reports", "5"),  # t01-tr01, t02-tr01, t03-tr01, t04-tr01, t04-tr02
        ("Troop reports", "1"),  # t01-tr02
        ("Date span (2030)", "1 Mar – 20 Mar"),  # t02-ev01 happened from 1 March; t04 on 20 March
        ("Claimants", "4"),  # Westrian officials, Norland's ministry, Sudmark's ministry, the wire
    ]
    # each system's figures are one Markdown list (one element): read its lines
    lines = [line for m in at.markdown for line in m.value.split("\n")]
    assert (
        r"- **nearly 60** self\-propelled howitzers, from Norland (delivered) · Westrian intelligence officials (ungraded) · in Harbour Wire · 2030\-03\-20 · 20 Mar 2030 · [t04\-tr01](row?id=t04-tr01)"
        in lines
    )
    assert (
        r"- **not stated** 122mm rocket launchers, from Norland (in transit) · Harbour Wire (ungraded) · in Harbour Wire · 2030\-03\-20 · 11–20 Mar 2030 · [t04\-tr02](row?id=t04-tr02)"
        in lines
    )
    assert (
        r"- **Over 2\,000** Norland soldiers, from Norland (deployed) · Westrian intelligence officials (ungraded) · in Harbour Wire · 2030\-03\-12 · 12 Mar 2030 · [t01\-tr02](row?id=t01-tr02)"
        in lines
    )


DATED = [
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
]  # all but t04-ev03
# either window overlapping 12-14 March: all dated rows but t04-ev01 (20 March)
MID = [e for e in DATED if e != "t04-ev01"]


def test_date_filter_changes_timeline_and_data_by_exact_rows():
    at = run("timeline")
    assert timeline_ids(at) == DATED
    at.sidebar.date_input(key="dates").set_value((date(2030, 3, 12), date(2030, 3, 14))).run()
    at.sidebar.toggle(key="undated").set_value(False).run()
    assert timeline_ids(at) == MID
    at.switch_page(PAGES["data"]).run()
    assert list(at.dataframe[0].value["id"]) == MID  # the Events tab, open first
    at.session_state["table"] = "Transfers"  # only the open tab's grid is sent
    at.run()
    assert list(at.dataframe[0].value["id"]) == [
        "t01-tr01",
        "t01-tr02",
        "t02-tr01",
        "t03-tr01",
        "t04-tr02",
    ]


def test_actor_filter_changes_overview_equipment_and_map():
    at = run()
    at.sidebar.multiselect(key="actor").set_value(
        ["Sudmark · Ministry of Defence of Sudmark"]
    ).run()
    # t02-ev01 (1-10 March, reported 14 March) and t02-ev02 (14 March); one transfer, t02-tr01
    assert [m.value for m in at.metric] == ["1", "0", "1 Mar – 14 Mar", "1"]
    at.switch_page(PAGES["equipment"]).run()
    hardware = at.dataframe[0].value
    assert list(hardware["as_stated"]) == ["30"]
    chart = plotly(at)
    assert [(t["x"][0], t["x"][-1]) for t in chart["data"]] == [(30, 30)]
    at.switch_page(PAGES["map"]).run()
    spec = deck(at)
    assert [(p["name"], p["rows"]) for p in layer(spec, "places")["data"]] == [
        ("Norland", 1),  # t02-tr01 comes from there
        ("Sudmark", 2),  # t02-ev01 placed there, t02-tr01 going there
        ("Brenn region", 1),  # t02-ev02
    ]
    assert [(a["category"], a["reports"]) for a in layer(spec, "arcs")["data"]] == [
        ("self_propelled_howitzer", 1),
    ]
    assert layer(spec, "troop_arcs")["data"] == []
    assert layer(spec, "sightings")["data"] == []


def test_map_draws_offline_with_precision_and_the_sighting():
    spec = deck(run("map"))
    assert spec["mapStyle"] == "__MAP_STYLE__"  # map_provider=None: no basemap is fetched
    assert layer(spec, "countries")["data"] == "app/static/countries.geojson"
    places = {
        p["location_id"]: (p["geo_precision"], p["rows"]) for p in layer(spec, "places")["data"]
    }
    assert places == {
        "norland": ("country", 6),  # every transfer comes from Norland
        "sudmark": ("country", 8),  # 4 howitzer events placed there, their 4 transfers going there
        "kellby": ("place", 1),  # t01-ev02
        "brenn-region": ("city_for_region", 3),  # t01-ev04, t02-ev02, and t01-tr02 going there
        "tarnow": ("place", 2),  # t04-ev02, and t04-tr02 seen there
    }
    halos = {
        p["location_id"]: (p["halo_m"], p["halo_alpha"]) for p in layer(spec, "precision")["data"]
    }
    assert halos == {  # a place needs no halo
        "norland": (700000, 0),
        "sudmark": (700000, 0),
        "brenn-region": (180000, 40),
    }
    assert [s["name"] for s in layer(spec, "sightings")["data"]] == ["Tarnow"]
    drawn = layer(spec, "arcs")["data"] + layer(spec, "troop_arcs")["data"]  # troops: own layer
    arcs = sorted((a["dst_lon"], a["category"], a["reports"]) for a in drawn)
    assert arcs == [
        (-37.0, "personnel", 1),  # Norland -> Brenn region (t01-tr02)
        (-35.0, "self_propelled_howitzer", 4),  # Norland -> Sudmark (t01, t02, t03, t04-tr01)
    ]  # t04-tr02 has no destination: no arc


def test_url_parameters_restore_the_filters():
    label = "Sudmark · Ministry of Defence of Sudmark"
    at = run("data", query={"actor": [label], "undated": "false"})
    assert at.sidebar.multiselect(key="actor").value == [label]
    assert at.sidebar.toggle(key="undated").value is False
    assert list(at.dataframe[0].value["id"]) == ["t02-ev01", "t02-ev02"]


def test_unknown_url_value_is_dropped_with_a_notice():
    at = run(query={"actor": ["Norland", "Atlantis"]})
    assert not at.exception
    assert at.sidebar.multiselect(key="actor").value == ["Norland"]
    assert [w.value for w in at.sidebar.warning] == [
        "Ignored from the link: actor ‘Atlantis’ (not in this dataset)."
    ]


def test_empty_result_says_so_and_resets_in_one_click():
    at = run("timeline")
    at.sidebar.multiselect(key="claimant").set_value(["Ministry of Defence of Sudmark"]).run()
    at.sidebar.multiselect(key="stance").set_value(["denies"]).run()
    assert [w.value for w in at.warning] == ["No rows match these filters."]
    assert not at.get("plotly_chart")
    at.button(key="reset_empty").click().run()
    assert not at.warning
    assert at.sidebar.multiselect(key="claimant").value == []
    assert timeline_ids(at) == DATED


def test_timeline_colour_switch():
    at = run("timeline")
    assert {t["legendgroup"] for t in plotly(at)["data"]} == {
        "arms_transfer",
        "combat",
        "denial",
        "troop_deployment",
    }  # t04-ev03, the one uncertain row, is undated
    at.segmented_control(key="colour").set_value("stance").run()
    assert {t["legendgroup"] for t in plotly(at)["data"]} == {"confirms", "denies", "reports"}


def test_windows_are_bars_and_days_are_points():
    spec = plotly(run("timeline"))
    bars = {i for t in spec["data"] if t["type"] == "bar" for i in t["customdata"]}
    points = {i for t in spec["data"] if t["type"] == "scatter" for i in t["customdata"]}
    # windows: t02-ev01 happened 1-10 March, t04-ev02 was reported 11-20 March
    assert bars == {"t02-ev01", "t04-ev02"}
    # days: every other dated row, and t02-ev01's report day (both windows are drawn)
    assert points == set(DATED) - {"t04-ev02"}


def test_sources_matrix_and_answers():
    at = run("sources")
    matrix = at.dataframe[0].value
    delivered = "Norland has delivered artillery to Sudmark"
    assert matrix.loc[delivered, "Norland foreign ministry"] == "denies"
    assert matrix.loc[delivered, "Ministry of Defence of Sudmark"] == "confirms"
    assert matrix.loc[delivered, "Westrian intelligence officials"] == "reports"
    count = "The number of rocket launchers on the train"
    assert matrix.loc[count, "Westrian intelligence officials"] == "uncertain"
    answers = at.dataframe[1].value  # ids link to their Row pages
    answers = answers.assign(
        answer=answers["answer"].str.removeprefix("row?id="),
        answers=answers["answers"].str.removeprefix("row?id="),
    )
    assert list(zip(answers["answer"], answers["answers"], strict=True)) == [
        ("t01-ev03", "t01-ev01"),
        ("t03-ev02", "t03-ev01"),
    ]


def test_reader_highlights_the_chosen_rows_passage():
    at = run("sources")
    assert at.selectbox(key="reader_article").value == "t01_wire"  # the first article shown
    text = [m.value for m in at.markdown if ":blue-background[" in m.value]
    assert len(text) == 1 and ":orange-background[" not in text[0]
    at.selectbox(key="reader_row").set_value("t01-tr01").run()
    focused = [m.value for m in at.markdown if ":orange-background[" in m.value][0]
    assert ":orange-background[**On March 12\\, Westrian intelligence officials said" in focused
    focus_rows = [d.value for d in at.dataframe if "what" in d.value.columns][-1]
    assert focus_rows["row"].tolist() == ["t01-ev01", "t01-tr01"]
    assert focus_rows["what"].tolist() == ["Event or claim", "Transfer or deployment"]


def test_data_downloads_are_deferred():
    at = run("data")
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons[:4]] == [
        "CSV",
        "Citation for the CSV",
        "XLSX (with citation sheet)",
        "GeoJSON (located rows)",
    ]
    assert len(buttons) == 5  # the open tab's five (the fifth a ZIP); each tab: test_data_tabs
    assert all(b.proto.ignore_rerun for b in buttons)
    deferred = [bool(b.proto.deferred_file_id) for b in buttons]
    assert deferred == [True] * 5  # files are built only when clicked


def _broken_copy(tmp_path: Path) -> Path:
    folder = shutil.copytree(FIXTURE_DIR, tmp_path / "dataset")
    events = folder / "events.csv"
    text = events.read_text("utf-8")
    assert text.count("2030-03-14,2030-03-14") == 2  # t02-ev01 (line 6) and t02-ev02
    events.write_text(text.replace("2030-03-14,2030-03-14", "2030-03-14,2030-13-40", 1), "utf-8")
    return folder


@pytest.mark.parametrize("page", list(PAGES))
def test_broken_dataset_shows_the_report_and_nothing_else(page, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(_broken_copy(tmp_path)))
    at = run(page)
    assert not at.exception
    assert [t.value for t in at.title] == [TITLES[page]]
    assert "did not pass validation: 1 problem(s)" in at.error[0].value
    report = at.dataframe[0].value
    assert report.to_dict("records") == [
        {
            "file": "events.csv",
            "line": 6,
            "column": "report_date_end",
            "value": "2030-13-40",
            "problem": "not a real YYYY-MM-DD date",
        }
    ]
    assert (
        not at.get("plotly_chart")
        and not at.get("deck_gl_json_chart")
        and not at.sidebar.multiselect
    )
