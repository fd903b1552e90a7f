"""AppTest for every page: runs clean, filters change what is shown by exact counts, URL
parameters restore filters, a broken dataset shows its report, no data is rendered as HTML."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data.dataset import REPO_ROOT
from dashboard.pages import ENTRY
from dashboard.pages import PAGES as PAGE_SPECS

APP = str(ENTRY)
PAGES = {p.url_path: p.script for p in PAGE_SPECS}
TITLES = {p.url_path: p.title for p in PAGE_SPECS}


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
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
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def plotly(at, i=0):
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def layer(spec, layer_id):
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def timeline_ids(at):
    spec = plotly(at)
    return sorted({i for trace in spec["data"] for i in trace.get("customdata", [])})


@pytest.mark.parametrize("page", list(PAGES))
def test_page_runs_clean(page):
    at = run(page)
    assert not at.exception
    assert [t.value for t in at.title] == [TITLES[page]]
    assert no_html(at) == []


def test_overview_figures_keep_their_words():
    at = run()
    assert [(m.label, m.value) for m in at.metric] == [
        ("Hardware reports", "5"),
        ("Troop reports", "3"),
        ("Date span (2024)", "21 Oct – 20 Nov"),
        ("Claimants", "12"),
    ]
    lines = [m.value for m in at.markdown]
    assert (
        r"**nearly 50** M\-1978 \"Koksan\" self\-propelled howitzers, from North Korea (delivered) · Financial Times · 16 Nov 2024 · [000\-tr03](row?id=000-tr03)"
        in lines
    )
    assert (
        r"**approximately 10\,900** North Korean soldiers, from North Korea (deployed) · National Intelligence Service \(NIS\) · reported in recent weeks · [000\-tr06](row?id=000-tr06)"
        in lines
    )


def test_date_filter_changes_timeline_and_data_by_exact_rows():
    at = run("timeline")
    assert timeline_ids(at) == sorted(
        f"000-ev{i}" for i in ("01", "02", "06", "07", "10", "11", "12", "13", "16", "17", "23")
    )
    at.sidebar.date_input(key="dates").set_value((date(2024, 11, 15), date(2024, 11, 20))).run()
    at.sidebar.toggle(key="undated").set_value(False).run()
    assert timeline_ids(at) == [
        f"000-ev{i}" for i in ("01", "02", "06", "07", "10", "11", "12", "13")
    ]
    at.switch_page(PAGES["data"]).run()
    assert list(at.dataframe[0].value["event_id"].str[-2:]) == [
        "01",
        "02",
        "06",
        "07",
        "10",
        "11",
        "12",
        "13",
    ]
    assert len(at.dataframe[1].value) == 5


def test_actor_filter_changes_overview_equipment_and_map():
    at = run()
    at.sidebar.multiselect(key="actor").set_value(["Financial Times"]).run()
    assert [m.value for m in at.metric] == ["2", "0", "16 Nov – 16 Nov", "1"]
    at.switch_page(PAGES["equipment"]).run()
    hardware = at.dataframe[0].value
    assert list(hardware["as_stated"]) == ["nearly 50", "20"]
    chart = plotly(at)
    assert [(t["x"][0], t["x"][-1]) for t in chart["data"]] == [(45, 49), (20, 20)]
    at.switch_page(PAGES["map"]).run()
    spec = deck(at)
    assert [(p["name"], p["rows"]) for p in layer(spec, "places")["data"]] == [
        ("North Korea", 2),
        ("Kursk region", 5),
    ]
    assert [(a["category"], a["reports"]) for a in layer(spec, "arcs")["data"]] == [
        ("multiple_rocket_launcher", 1),
        ("self_propelled_howitzer", 1),
    ]
    assert layer(spec, "sightings")["data"] == []


def test_map_draws_offline_with_precision_and_the_sighting():
    spec = deck(run("map"))
    assert spec["mapStyle"] == "__MAP_STYLE__"  # map_provider=None: no basemap is fetched
    assert layer(spec, "countries")["data"] == "app/static/countries.geojson"
    places = {p["location_id"]: p for p in layer(spec, "places")["data"]}
    assert {k: p["geo_precision"] for k, p in places.items()} == {
        "krasnoyarsk-krai": "city_for_region",
        "kursk-oblast": "city_for_region",
        "north-korea": "country",
        "russia": "country",
    }
    assert places["kursk-oblast"]["rows"] == 13  # 8 events placed there, 5 transfers going there
    halos = {
        p["location_id"]: (p["halo_m"], p["halo_alpha"]) for p in layer(spec, "precision")["data"]
    }
    assert halos == {
        "krasnoyarsk-krai": (180000, 40),
        "kursk-oblast": (180000, 40),
        "north-korea": (700000, 0),
        "russia": (700000, 0),
    }
    assert [s["name"] for s in layer(spec, "sightings")["data"]] == ["Krasnoyarsk region"]
    drawn = layer(spec, "arcs")["data"] + layer(spec, "troop_arcs")["data"]  # troops: own layer
    arcs = sorted((a["dst_lon"], a["category"], a["reports"]) for a in drawn)
    assert arcs == [
        (36.18457, "multiple_rocket_launcher", 1),  # North Korea -> Kursk region
        (36.18457, "personnel", 2),
        (36.18457, "self_propelled_howitzer", 1),
        (100.0, "multiple_rocket_launcher", 1),  # North Korea -> Russia (no city known)
        (100.0, "self_propelled_howitzer", 1),
    ]


def test_url_parameters_restore_the_filters():
    at = run("data", query={"actor": ["Russia · Vladimir Putin"], "undated": "false"})
    assert at.sidebar.multiselect(key="actor").value == ["Russia · Vladimir Putin"]
    assert at.sidebar.toggle(key="undated").value is False
    assert list(at.dataframe[0].value["event_id"]) == ["000-ev07", "000-ev23"]


def test_unknown_url_value_is_dropped_with_a_notice():
    at = run(query={"actor": ["North Korea", "Atlantis"]})
    assert not at.exception
    assert at.sidebar.multiselect(key="actor").value == ["North Korea"]
    assert [w.value for w in at.sidebar.warning] == [
        "Ignored from the link: actor ‘Atlantis’ (not in this dataset)."
    ]


def test_empty_result_says_so_and_resets_in_one_click():
    at = run("timeline")
    at.sidebar.multiselect(key="claimant").set_value(["National Intelligence Service (NIS)"]).run()
    at.sidebar.multiselect(key="stance").set_value(["denies"]).run()
    assert [w.value for w in at.warning] == ["No rows match these filters."]
    assert not at.get("plotly_chart")
    at.button(key="reset_empty").click().run()
    assert not at.warning
    assert at.sidebar.multiselect(key="claimant").value == []
    assert len(timeline_ids(at)) == 11


def test_timeline_colour_switch():
    at = run("timeline")
    assert {t["legendgroup"] for t in plotly(at)["data"]} == {
        "acknowledgement", "arms_transfer", "casualties", "combat", "diplomatic_meeting", "diplomatic_visit",
    }  # fmt: skip
    at.segmented_control(key="colour").set_value("stance").run()
    assert {t["legendgroup"] for t in plotly(at)["data"]} == {"acknowledges", "confirms", "reports"}


def test_windows_are_bars_and_days_are_points():
    spec = plotly(run("timeline"))
    bars = {i for t in spec["data"] if t["type"] == "bar" for i in t["customdata"]}
    points = {i for t in spec["data"] if t["type"] == "scatter" for i in t["customdata"]}
    assert bars == {"000-ev06", "000-ev07", "000-ev13", "000-ev23"}
    assert points == {
        "000-ev01",
        "000-ev02",
        "000-ev10",
        "000-ev11",
        "000-ev12",
        "000-ev16",
        "000-ev17",
    }


def test_sources_matrix_and_answers():
    at = run("sources")
    matrix = at.dataframe[0].value
    assert (
        matrix.loc[
            "North Korean troops take part in combat or military operations alongside Russian forces",
            "North Korea",
        ]
        == "denies"
    )
    assert (
        matrix.loc["North Korean troops are deployed in Russia", "Vladimir Putin"] == "acknowledges"
    )
    answers = at.dataframe[1].value  # ids link to their Row pages
    answers = answers.assign(answer=answers["answer"].str.removeprefix("row?id="),
                             answers=answers["answers"].str.removeprefix("row?id="))  # fmt: skip
    assert list(zip(answers["answer"], answers["answers"], strict=True)) == [
        ("000-ev20", "000-ev18"), ("000-ev20", "000-ev19"), ("000-ev21", "000-ev18"),
        ("000-ev21", "000-ev19"), ("000-ev23", "000-ev22"),
    ]  # fmt: skip


def test_reader_highlights_the_chosen_rows_passage():
    at = run("sources")
    text = [m.value for m in at.markdown if ":blue-background[" in m.value]
    assert len(text) == 1 and ":orange-background[" not in text[0]
    at.selectbox(key="reader_row").set_value("000-tr03").run()
    focused = [m.value for m in at.markdown if ":orange-background[" in m.value][0]
    assert ":orange-background[**On November 16\\, the Financial Times reported" in focused
    assert at.dataframe[3].value["row_id"].tolist() == ["000-ev10", "000-tr03", "000-tr04"]


def test_data_downloads_are_deferred():
    at = run("data")
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons[:4]] == [
        "CSV",
        "Citation for the CSV",
        "XLSX (with citation sheet)",
        "GeoJSON (located rows)",
    ]
    assert len(buttons) == 12  # four per table: events, transfers, locations
    assert all(b.proto.ignore_rerun for b in buttons)
    deferred = [bool(b.proto.deferred_file_id) for b in buttons[:4]]
    assert deferred == [True, False, True, True]  # files are built only when clicked


def _broken_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "datasets", tmp_path / "datasets")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    events = tmp_path / "datasets" / "events.csv"
    events.write_text(
        events.read_text("utf-8").replace("2024-11-16,2024-11-16", "2024-11-16,2024-13-40", 1),
        "utf-8",
    )
    return tmp_path / "datasets"


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
            "line": 11,
            "column": "report_date_end",
            "value": "2024-13-40",
            "problem": "not a real YYYY-MM-DD date",
        }
    ]
    assert (
        not at.get("plotly_chart")
        and not at.get("deck_gl_json_chart")
        and not at.sidebar.multiselect
    )
