"""The Timeline's undated rows: up to LIST_ROWS as one Markdown list (no data grid on the first
paint), more in a grid; every value escaped, a missing one 'not stated'."""

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench import synth
from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.pages import ENTRY, PAGES
from dashboard.views.filters import Filters, actor_links, apply_filters
from dashboard.web import links
from tests.test_plain_grids import raw_cells

TIMELINE = next(p.script for p in PAGES if p.url_path == "timeline")
LIST_ROWS = links.UNDATED_LIST_ROWS


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def timeline(query=None) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(TIMELINE).run()
    assert not at.exception
    return at


def undated_ids(ds) -> list[str]:
    view = apply_filters(ds, Filters(), actor_links(ds))
    e = view.events
    return list(e.loc[e["date_start"].isna() & e["report_date_start"].isna(), "event_id"])


def test_the_seed_s_undated_rows_are_one_list_with_a_link_each():
    ids = undated_ids(load_dataset(REPO_ROOT / "datasets"))
    assert len(ids) == 13 <= LIST_ROWS
    at = timeline()
    assert [s.value for s in at.main.subheader] == ["Undated rows (13)"]
    assert not at.dataframe  # no grid on the page
    (listed,) = [m.value for m in at.main.markdown if m.value.startswith("- **")]
    items = listed.split("\n")
    assert [item.rsplit("(row?id=", 1)[1].rstrip(")") for item in items] == ids
    assert items[0] == (
        r"- **NIS\: approximately 10\,900 North Korean soldiers deployed to the Kursk region "
        r"within Russian airborne and marine units** · troop deployment · "
        r"National Intelligence Service \(NIS\) (reports) · when: not stated · "
        r"reported: In recent weeks · [000\-ev03](row?id=000-ev03)"
    )


def test_no_undated_row_says_so():
    at = timeline({"undated": "false"})
    assert [s.value for s in at.main.subheader] == ["Undated rows (0)"]
    assert "None under these filters." in [c.value for c in at.main.caption]
    assert not at.dataframe
    assert not [m for m in at.main.markdown if m.value.startswith("- **")]


def test_more_than_the_list_holds_go_in_a_grid(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    synth.write_dataset(folder, 400)
    ids = undated_ids(load_dataset(folder))
    assert len(ids) > LIST_ROWS
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = timeline()
    assert [s.value for s in at.main.subheader] == [f"Undated rows ({len(ids)})"]
    assert not [m for m in at.main.markdown if m.value.startswith("- **")]
    (grid,) = at.dataframe
    assert list(grid.value.columns) == [
        "summary",
        "event type",
        "claimant",
        "stance",
        "when (as written)",
        "reported",
        "id",
    ]
    assert list(grid.value["id"]) == [f"row?id={i}" for i in ids]
    problems, seen = raw_cells(at)  # codes in words, empty cells empty
    assert (problems, seen >= 1) == ([], True)


def test_a_line_escapes_every_value_and_names_what_is_missing():
    table = pd.DataFrame(
        {
            "summary": ["*bold* [x](javascript:alert(1)) <b>"],
            "event type": ["arms transfer"],
            "claimant": [None],
            "stance": ["denies"],
            "when (as written)": ["not stated"],
            "reported": [float("nan")],
            "id": ["t-ev01"],
        }
    )
    assert links.undated_lines(table) == (
        r"- **\*bold\* \[x\]\(javascript\:alert\(1\)\) \<b\>** · arms transfer · "
        r"not stated (denies) · when: not stated · reported: not stated · "
        r"[t\-ev01](row?id=t-ev01)"
    )
    assert links.undated_lines(table.iloc[:0]) == ""
