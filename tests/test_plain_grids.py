"""No raw code where a person reads a grid: every page's st.dataframe and st.table, on the
curated dataset and on the fixture, shows the codebook's words, not its codes, field names
or 'None'. Downloads keep the codes (tests/test_export*.py)."""

import json

import pytest
import streamlit as st

from dashboard.pages import PAGES as PAGE_SPECS
from dashboard.schema import FIELDS_BY_NAME
from dashboard.views import labels
from tests.fixtures import FIXTURE_DIR
from tests.test_app import run

# A code with words of its own (every enum value with an underscore, or re-worded).
LABELLED_CODES = {c for c in labels.ENUM_CODES if labels.code_words(c) != c}
FIELD_NAMES = {n for n in FIELDS_BY_NAME if "_" in n}  # 'claimant_actor_id', 'event_type', …
EMPTY_WORDS = {"None", "nan", "NaN", "<NA>", "NaT"}


@pytest.fixture(autouse=True)
def _fresh():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def shown_columns(element) -> dict[str, str]:
    """{column: header as shown} for the columns a grid does not hide."""
    config = json.loads(element.proto.columns) if element.proto.columns else {}
    return {
        c: config.get(str(c), {}).get("label") or str(c)
        for c in element.value.columns
        if not config.get(str(c), {}).get("hidden")
    }


def raw_cells(at) -> list[tuple[str, str, str]]:
    """(header, problem, value) for every raw code, field name or empty word on show."""
    problems, seen = [], 0
    grids = [(e, shown_columns(e)) for e in at.dataframe]
    grids += [(e, {c: str(c) for c in e.value.columns}) for e in at.table]  # st.table hides none
    for element, columns in grids:
        frame = element.value
        for column, header in columns.items():
            seen += 1
            if header in FIELD_NAMES:
                problems.append((header, "field name as header", header))
            values = {str(v) for v in frame[column].tolist()}
            problems += [(header, "code", v) for v in sorted(values & LABELLED_CODES)]
            problems += [(header, "empty shown as a word", v) for v in sorted(values & EMPTY_WORDS)]
    return problems, seen


def pages_with_grids():
    # The Timeline lists up to 20 undated rows as text (both datasets here): its grid, for more,
    # is checked in tests/test_timeline_undated.py with raw_cells too.
    return [p.url_path for p in PAGE_SPECS if p.url_path not in ("overview", "row", "timeline")]


@pytest.mark.parametrize("data", ["real", "fixture"])
@pytest.mark.parametrize("page", pages_with_grids())
def test_grids_show_words_not_codes(monkeypatch, page, data):
    if data == "real":
        monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    else:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DIR))
    at = run(page)
    assert not at.exception
    problems, seen = raw_cells(at)
    if page == "equipment":  # the tally, by each of its choices
        for by in ("category", "claimant"):
            at.segmented_control(key="tally_by").set_value(by).run()
            more, n = raw_cells(at)
            problems, seen = problems + more, seen + n
    if page == "data":  # each tab's grid (only the open one is sent)
        for tab in ("Transfers", "Locations"):
            at.session_state["table"] = tab
            at.run()
            more, n = raw_cells(at)
            problems, seen = problems + more, seen + n
    assert seen >= 1
    assert problems == []


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        pytest.param("arms_transfer", None, "arms transfer", id="event-type"),
        pytest.param("in_transit", None, "in transit", id="status"),
        pytest.param("self_propelled_howitzer", None, "self-propelled howitzer", id="category"),
        pytest.param("city_for_region", None, "a city standing for its region", id="geo"),
        pytest.param("country", "geo_precision", "the whole country (no city known)", id="geo-own"),
        pytest.param("country", "kind", "country", id="location-kind"),
        pytest.param("part_of_month", None, "part of a month", id="precision"),
        pytest.param("delivered", None, "delivered", id="a-word-already"),
        pytest.param("T-72 tank", None, "T-72 tank", id="not-a-code"),
    ],
)
def test_code_words(value, field, words):
    assert labels.code_words(value, field) == words


def test_coordinates_carry_only_the_decimals_their_point_allows():
    import pandas as pd

    lat = pd.Series([51.72689, 51.72689, 51.72689, 40.0, None])
    precision = pd.Series(["place", "city_for_region", "region", "country", "place"])
    assert labels._coordinates(lat, precision).tolist() == ["51.7269", "51.7", "51.7", "40", "—"]
