"""Search: rows of every table by summary, passage, names and aliases, best matches first."""

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.views import search


@pytest.fixture(scope="module")
def tables():
    return search.searchable(load_dataset())


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param(
            "M1989",
            [("000-tr03", "system_aliases"), ("000-tr05", "system_aliases")],
            id="alias-finds-koksan",
        ),
        pytest.param(
            "m-1989 KOKSAN",
            [("000-tr03", "system_aliases"), ("000-tr05", "system_aliases")],
            id="case-and-hyphen",
        ),
        pytest.param(
            "Uragan",
            [("000-tr04", "system_as_written"), ("000-tr03", "passage"), ("000-ev10", "passage")],
            id="launchers-first",
        ),
        pytest.param(
            "Choe",
            [
                ("choe-son-hui", "name"),
                ("000-ev06", "summary"),
                ("000-ev07", "summary"),
                ("choe-visit", "proposition"),
            ],
            id="foreign-minister",
        ),
        pytest.param(
            "Park Sun-won",
            [
                ("park-sung-won", "name"),
                ("000-ev04", "summary"),
                ("000-ev05", "names"),
                ("000-ev24", "names"),
            ],
            id="actor-alias-and-its-rows",
        ),
        pytest.param(
            "Krasnoyarsk",
            [("krasnoyarsk-krai", "name"), ("000-ev13", "summary"), ("000-tr05", "passage")],
            id="place",
        ),
        pytest.param("zzzz", [], id="nothing"),
        pytest.param("   ", [], id="blank"),
    ],
)
def test_search_rows(tables, query, found):
    out = search.search_rows(tables, query)
    assert list(zip(out["row_id"], out["found_in"], strict=True)) == found


def test_every_word_must_match(tables):
    out = search.search_rows(tables, "Koksan rail")
    assert list(out["row_id"]) == ["000-tr05", "000-ev13"]


def test_search_on_a_hand_made_table():
    tables = {
        "actors": pd.DataFrame(
            {"actor_id": ["a"], "name": ["Alpha"], "aliases": ["Al; A-1"], "role": [None]}
        ),
        "transfers": pd.DataFrame(
            columns=[
                "transfer_id",
                "system_as_written",
                "system_name",
                "system_aliases",
                "names",
                "passage",
                "notes",
            ]
        ),
        "events": pd.DataFrame(
            {
                "event_id": ["e1", "e2"],
                "summary": ["x", "Alpha went"],
                "names": ["Alpha", ""],
                "passage": ["", ""],
                "notes": [None, "a1 note"],
            }
        ),
        "locations": pd.DataFrame(columns=["location_id", "name", "note"]),
        "claims": pd.DataFrame(columns=["claim_id", "proposition"]),
    }
    out = search.search_rows(tables, "A1")
    assert list(zip(out["row_id"], out["rank"], strict=True)) == [("a", 0), ("e2", 3)]
    out = search.search_rows(tables, "alpha", limit=2)
    assert list(out["row_id"]) == ["a", "e1"]  # a name first, then rows by id


def test_excerpt_centres_the_match():
    text = "a" * 100 + " Uragan " + "b" * 100
    got = search.excerpt(text, "uragan", width=30)
    assert got.startswith("…") and got.endswith("…") and "Uragan" in got and len(got) == 32
