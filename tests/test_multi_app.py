"""AppTest of every page over the many-articles fixture (tests/fixtures/multi): exact counts,
the article filter, corroboration with a syndicated copy counted once, a differs pair flagged,
grades shown and filtered, the reader's article picker, the changelog and the citation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.pages import ENTRY
from dashboard.pages import PAGES as PAGE_SPECS

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"
PAGES = {p.url_path: p.script for p in PAGE_SPECS}
RELAY, HARBOUR = "Daily Relay · 2024-11-21", "Harbour Times · 2024-12-10"


@pytest.fixture(autouse=True)
def _fixture_dataset(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def run(page="overview", query=None):
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(PAGES[page]).run()
    assert not at.exception
    return at


def open_more(at):
    """Open the sidebar's "More filters" expander (its widgets exist only when it is open)."""
    at.session_state["more_filters"] = True
    at.run()
    assert not at.exception
    return at


def metrics(at):
    return [(m.label, m.value) for m in at.metric]


def grid_with(at, column):
    """The one grid on the page that has `column` (pages hold several)."""
    (frame,) = [d.value for d in at.dataframe if column in d.value.columns]
    return frame


def ids(at, i=0):
    spec = json.loads(at.get("plotly_chart")[i].proto.spec)
    return sorted({x for trace in spec["data"] for x in trace.get("customdata") or []})


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_on_three_articles(page):
    at = run(page)
    assert not [m.value for m in at.markdown if m.proto.allow_html]
    assert "article" not in [w.key for w in at.sidebar.multiselect]
    open_more(at)
    assert at.sidebar.multiselect(key="article").options == [
        RELAY,
        HARBOUR,
        "Northwind Wire · 2024-11-20",
    ]


def test_overview_groups_figures_by_system_with_claimant_grade_and_article():
    at = run()
    assert metrics(at) == [
        ("Hardware reports", "3"),
        ("Troop reports", "4"),
        ("Date span (2024)", "20 Nov – 9 Dec"),
        ("Claimants", "4"),
    ]
    elements = [m.value for m in at.markdown]
    first = next(i for i, text in enumerate(elements) if text.startswith("**self"))
    assert elements[first] == (
        r"**self\-propelled howitzer \(type not stated\)** · 2 figure(s) from 1 claimant(s) in 2 article(s): compare them, never add them"
    )
    # the system's figures follow as one Markdown list
    assert elements[first + 1].split("\n")[0] == (
        r"- **about 100** self\-propelled howitzers, from North Korea (delivered) · National Intelligence Service \(NIS\) (B3) · in Northwind Wire · 2024\-11\-20 · 20 Nov 2024 · [a\-tr01](row?id=a-tr01)"
    )
    assert len(elements[first + 1].split("\n")) == 2  # its 2 figures
    lines = [line for text in elements for line in text.split("\n")]
    assert (
        r"- **some 3\,000** North Korean soldiers, from North Korea (deployed) · Ukraine\'s military intelligence \(HUR\) (C4) · in Harbour Times · 2024\-12\-10 · 9 Dec 2024 · [c\-tr02](row?id=c-tr02)"
        in lines
    )
    assert any("From 3 article(s)." in c.value for c in at.caption)


def test_the_article_filter_narrows_every_page():
    at = open_more(run())
    at.sidebar.multiselect(key="article").set_value([RELAY]).run()
    assert metrics(at) == [
        ("Hardware reports", "1"),
        ("Troop reports", "1"),
        ("Date span (2024)", "20 Nov – 20 Nov"),
        ("Claimants", "1"),
    ]
    at.switch_page(PAGES["timeline"]).run()
    assert ids(at) == ["b-ev01", "b-ev02"]
    at.switch_page(PAGES["equipment"]).run()
    assert [len(d.value) for d in at.dataframe] == [1, 1, 2]
    assert [c.value for c in at.caption if "No related" in c.value] == [
        "No related figures under these filters."
    ]
    at.switch_page(PAGES["data"]).run()
    shown = []
    for tab in ("Events", "Transfers", "Locations"):  # only the open tab's grid is sent
        at.session_state["table"] = tab
        at.run()
        shown += [len(d.value) for d in at.dataframe]
    assert shown == [2, 2, 3]  # events, transfers, places
    (cite,) = [c.value for c in at.code if c.value.startswith("title: ")]
    assert cite.splitlines()[-1] == (
        "articles: Daily Relay, “SYNTHETIC TEST TEXT: Spy agency says howitzers and troops "
        "went to Russia”, 2024-11-21, https://example.org/synthetic/fx2_relay"
    )


def test_article_and_grade_filters_come_from_the_url():
    at = run("equipment", {"article": [HARBOUR], "reliability": "B or better"})
    assert at.sidebar.multiselect(key="article").value == [HARBOUR]
    assert at.sidebar.selectbox(key="reliability").value == "B or better"
    assert "None under these filters." in [c.value for c in at.caption]  # HUR's guns are C
    troops = at.dataframe[0].value
    assert troops[["transfer_id", "grade"]].values.tolist() == [["c-tr01", "B2"]]


def test_equipment_shows_grades_and_groups_to_compare_not_add():
    at = run("equipment")
    hardware, troops = at.dataframe[0].value, at.dataframe[1].value
    assert hardware[["transfer_id", "grade", "related"]].values.tolist() == [
        ["a-tr01", "B3", "same report as b-tr01; may overlap c-tr03"],
        ["b-tr01", "B / ungraded", "same report as a-tr01"],
        ["c-tr03", "C / ungraded", "may overlap a-tr01"],
    ]
    assert list(troops["transfer_id"]) == ["a-tr02", "b-tr02", "c-tr01", "c-tr02"]
    headlines = [m.value for m in at.markdown if m.value.startswith("**These")]
    assert headlines == [
        r"**These three figures may describe the same guns — compare\, do not add\.**",
        r"**These four figures for troops disagree for the same scope\: they cannot all be true — compare them side by side\, do not add\.**",
    ]
    open_more(at).sidebar.selectbox(key="reliability").set_value("B or better").run()
    assert [len(d.value) for d in at.dataframe] == [2, 3, 2]


def test_figure_history_flags_the_differing_pair_and_grades_filter_it():
    at = run("history")
    assert at.selectbox(key="system").value == "North Korean troops"
    assert ids(at) == ["a-tr02", "b-tr02", "c-tr01", "c-tr02"]
    differs = at.dataframe[0].value
    assert differs[
        ["a", "a_as_stated", "a_grade", "b", "b_as_stated", "b_grade"]
    ].values.tolist() == [["c-tr01", "about 12,000", "B2", "c-tr02", "some 3,000", "C4"]]
    assert at.subheader[0].value == "Figures that differ (1)"
    open_more(at).sidebar.selectbox(key="credibility").set_value("3 or better").run()
    assert ids(at) == ["c-tr01"]
    assert at.subheader[0].value == "Figures that differ (0)"
    at.sidebar.selectbox(key="credibility").set_value(None).run()
    at.selectbox(key="system").set_value("Koksan 170 mm self-propelled gun").run()
    table = at.dataframe[-1].value
    assert table[["transfer_id", "placed", "grade"]].values.tolist() == [
        ["c-tr03", "placed at publication", "C / ungraded"]
    ]


def test_corroboration_counts_the_syndicated_copy_once():
    at = run("sources")
    table = grid_with(at, "origins")
    assert table[["claim_id", "articles", "origins", "denied_by"]].values.tolist() == [
        ["nk-arms-to-russia", 3, 2, ""],
        ["nk-troops-in-russia", 3, 2, "Russian defence ministry"],
    ]
    open_more(at).sidebar.multiselect(key="article").set_value(
        [RELAY, "Northwind Wire · 2024-11-20"]
    ).run()
    table = grid_with(at, "origins")
    assert table[["articles", "origins"]].values.tolist() == [[2, 1], [2, 1]]
    assert table.at[0, "chains"] == (
        "Daily Relay ← Northwind Wire ← National Intelligence Service (NIS); "
        "Northwind Wire ← National Intelligence Service (NIS)"
    )
    grades = next(d.value for d in at.dataframe if "graded" in d.value.columns)
    assert grades[["graded", "grade"]].values.tolist()[:3] == [
        ["National Intelligence Service (NIS)", "B"],
        ["Ukraine's military intelligence (HUR)", "C"],
        ["Russian defence ministry", "E"],
    ]


def reader_focus(at):
    """The reader's whole text (it starts with the synthetic-text line), where it has a focus."""
    return [
        m.value
        for m in at.markdown
        if m.value.startswith("SYNTHETIC TEST TEXT") and ":orange-background[" in m.value
    ]


def test_the_reader_keeps_each_articles_highlight():
    at = run("sources")
    assert (
        at.selectbox(key="reader_article").options[0].startswith("Northwind Wire · 2024-11-20 — ")
    )
    at.selectbox(key="reader_article").set_value("fx3_harbour").run()
    at.selectbox(key="reader_row").set_value("c-tr02").run()
    focused = reader_focus(at)
    assert len(focused) == 1 and "some 3\\,000" in focused[0]
    assert "differs from c-tr01: Both count North Korean soldiers" in " ".join(
        c.value for c in at.caption
    ).replace("\\", "")
    at.selectbox(key="reader_article").set_value("fx2_relay").run()
    assert not reader_focus(at)
    assert at.selectbox(key="reader_row").value is None
    assert any("syndicated copy of Northwind Wire" in c.value.replace("\\", "") for c in at.caption)
    at.selectbox(key="reader_article").set_value("fx3_harbour").run()
    assert at.selectbox(key="reader_row").value == "c-tr02"
    focused = reader_focus(at)
    assert len(focused) == 1 and "some 3\\,000" in focused[0]


def test_the_data_page_shows_the_changelog_when_the_folder_has_one(tmp_path, monkeypatch):
    folder = tmp_path / "multi"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / "CHANGELOG.csv").write_text(
        "merged_at,article_id,events_added,curator\n"
        "2024-12-15T10:00:00Z,fx1_northwind,3,test curator\n"
        "2024-12-16T10:00:00Z,fx3_harbour,4,test curator\n",
        "utf-8",
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = run("data")
    log = at.dataframe[-1].value
    assert log[["merged_at", "article_id", "events_added"]].values.tolist() == [
        ["2024-12-16T10:00:00Z", "fx3_harbour", "4"],
        ["2024-12-15T10:00:00Z", "fx1_northwind", "3"],
    ]
    assert "2 merge(s), newest first." in " ".join(c.value for c in at.caption)
