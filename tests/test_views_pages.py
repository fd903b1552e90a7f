"""The pages' own data work as pure functions: timeline's dated/undated split, equipment's
hardware/personnel sections, the Data grid's column kinds, names and download table."""

import json
from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.builders.downloads import downloads
from dashboard.schema import TRANSFER_CATEGORIES
from dashboard.views import datagrid, sections
from dashboard.views.filters import Filters, reference_values

D = pd.Timestamp
NA = pd.NaT

ACTORS = pd.DataFrame(
    {"actor_id": ["nk", "ru", "ft"], "name": ["North Korea", "Russia", "Financial Times"]}
)
DS = SimpleNamespace(actors=ACTORS)


def test_split_dated_keeps_event_or_report_dates():
    ev = pd.DataFrame(
        {
            "event_id": ["a", "b", "c", "d"],
            "date_start": [D("2024-10-21"), NA, NA, D("2024-11-01")],
            "report_date_start": [NA, D("2024-11-16"), NA, D("2024-11-20")],
        }
    )
    dated, undated = sections.split_dated(ev)
    assert list(dated["event_id"]) == ["a", "b", "d"]
    assert list(undated["event_id"]) == ["c"]


def test_split_dated_of_nothing():
    ev = pd.DataFrame({"event_id": [], "date_start": [], "report_date_start": []})
    dated, undated = (len(part) for part in sections.split_dated(ev))
    assert (dated, undated) == (0, 0)


def test_equipment_sections_part_hardware_from_troops():
    q = pd.DataFrame(
        {
            "transfer_id": ["t1", "t2", "t3", "t4"],
            "category": [
                "self_propelled_howitzer",
                "personnel",
                "multiple_rocket_launcher",
                "personnel",
            ],
            "low": [45, None, 20, 10_000],
        }
    )
    parts = sections.equipment_sections(q)
    assert [(s.key, s.title) for s in parts] == [
        ("hardware", "Weapons and equipment"),
        ("personnel", "Troops"),
    ]
    assert [list(s.rows["transfer_id"]) for s in parts] == [["t1", "t3"], ["t2", "t4"]]
    assert [list(s.stated["transfer_id"]) for s in parts] == [["t1", "t3"], ["t4"]]


def test_every_category_lands_in_one_section():
    assert set(sections.HARDWARE) | {sections.PERSONNEL} == set(TRANSFER_CATEGORIES)
    assert sections.PERSONNEL not in sections.HARDWARE


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            "events",
            {
                "summary": ("text", "large"),
                "date_start": ("date", None),
                "date_end": ("date", None),
                "report_date_start": ("date", None),
                "report_date_end": ("date", None),
                "passage": ("text", "large"),
                "notes": ("text", "large"),
            },
            id="events",
        ),
        pytest.param("locations", {"note": ("text", "large")}, id="locations"),
        pytest.param("claims", {"proposition": ("text", "large")}, id="claims"),
    ],
)
def test_grid_columns_come_from_the_registry(table, expected):
    got = {name: (c.kind, c.width) for name, c in datagrid.grid_columns(table).items()}
    assert got == expected


@pytest.mark.parametrize(
    ("table", "column"),
    [
        pytest.param("events", "location_id", id="events"),
        pytest.param("transfers", "destination_location_id", id="transfers"),
        pytest.param("locations", "location_id", id="locations"),
    ],
)
def test_place_column(table, column):
    assert datagrid.place_column(table) == column


def test_a_table_without_a_place_says_so():
    with pytest.raises(ValueError, match="claims has no place column"):
        datagrid.place_column("claims")


def test_actor_names_in_the_order_chosen():
    assert datagrid.actor_names(DS, ("ru", "nk")) == ["Russia", "North Korea"]
    assert datagrid.actor_names(DS, ()) == []


@pytest.mark.parametrize(
    ("filters", "narrowed"),
    [
        pytest.param(Filters(), False, id="none"),
        pytest.param(Filters(start=date(2024, 11, 1), actors=("nk",)), False, id="in-the-name"),
        pytest.param(Filters(stances=("denies",)), True, id="stance"),
        pytest.param(Filters(include_undated=False), True, id="undated-left-out"),
    ],
)
def test_narrowed_beyond_dates_and_actors(filters, narrowed):
    assert datagrid.narrowed_beyond_dates_and_actors(filters) is narrowed


def test_describe_filters_in_words():
    f = Filters(
        start=date(2024, 11, 1),
        end=date(2024, 11, 30),
        actors=("nk", "ru"),
        claimants=("ft",),
        stances=("denies", "reports"),
        include_undated=False,
        date_basis="reported",
    )
    assert datagrid.describe_filters(DS, f) == {
        "dates": "2024-11-01..2024-11-30",
        "date_applies_to": "when it was reported",
        "include_undated": "no",
        "actors": "North Korea, Russia",
        "event_types": "",
        "claimants": "Financial Times",
        "stances": "denies, reports",
        "articles": "",
        "reliability": "",
        "credibility": "",
    }


def test_reference_values_split_lists_and_skip_blanks():
    ev = pd.DataFrame(
        {
            "claimant_actor_id": ["ft", "nk"],
            "claimant_cites_actor_id": [None, "ru"],
            "actor_ids": ["nk; ru", None],
            "partner_actor_ids": [None, None],
            "target_actor_ids": ["ua", None],
        },
        index=pd.Index(["e1", "e2"], name="event_id"),
    )
    got = sorted((i, v) for s in reference_values(ev, "events", "actors") for i, v in s.items())
    assert got == [
        ("e1", "ft"),
        ("e1", "nk"),
        ("e1", "ru"),
        ("e1", "ua"),
        ("e2", "nk"),
        ("e2", "ru"),
    ]


def test_downloads_table():
    rows = pd.DataFrame({"event_id": ["e1"], "location_id": ["kursk"], "summary": ["=1+1"]})
    places = pd.DataFrame(
        {"location_id": ["kursk"], "lat": [51.7], "lon": [36.2], "geo_precision": ["place"]}
    )
    cite = {"title": "T", "dataset_version": "v"}
    files = downloads(rows, "events", cite, places)
    assert [(d.key, d.suffix, d.mime) for d in files] == [
        ("csv", ".csv", "text/csv"),
        ("cite", ".citation.txt", "text/plain"),
        (
            "xlsx",
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("geojson", ".geojson", "application/geo+json"),
    ]
    csv, citation, xlsx, geojson = (d.data() if callable(d.data) else d.data for d in files)
    assert csv.decode("utf-8-sig").splitlines()[1] == '"e1","kursk","\'=1+1"'
    assert citation == b"title: T\ndataset_version: v\n"
    assert xlsx[:2] == b"PK"
    feature = json.loads(geojson)["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.2, 51.7]}
    assert feature["properties"]["summary"] == "'=1+1"


def test_a_table_without_a_place_has_no_geojson():
    rows = pd.DataFrame({"claim_id": ["c1"], "proposition": ["x"]})
    assert [d.key for d in downloads(rows, "claims", {}, pd.DataFrame())] == ["csv", "cite", "xlsx"]


def test_undated_table_names_the_claimant():
    undated = pd.DataFrame(
        {
            "event_id": ["e1"],
            "event_type": ["combat"],
            "claimant_actor_id": ["ft"],
            "stance": ["reports"],
            "date_text": [None],
            "report_date_text": ["earlier this month"],
            "summary": ["Troops fought."],
        }
    )
    table = sections.undated_table(undated, {"ft": "Financial Times"})
    assert table.to_dict("records") == [
        {
            "summary": "Troops fought.",
            "event_type": "combat",
            "claimant": "Financial Times",
            "stance": "reports",
            "when (as written)": None,
            "reported": "earlier this month",
            "id": "e1",
        }
    ]


SPAN = (date(2024, 10, 21), date(2024, 11, 20))


@pytest.mark.parametrize(
    ("filters", "span", "expected"),
    [
        pytest.param(Filters(), SPAN, None, id="no-range"),
        pytest.param(Filters(start=SPAN[0], end=SPAN[1]), SPAN, None, id="the-whole-span"),
        pytest.param(
            Filters(start=date(2024, 11, 1), end=date(2024, 11, 10)),
            SPAN,
            (D("2024-11-01"), D("2024-11-11")),
            id="range-to-the-end-of-its-last-day",
        ),
        pytest.param(
            Filters(start=date(2024, 11, 1)), SPAN, (D("2024-11-01"), D("2024-11-21")), id="open"
        ),
        pytest.param(Filters(start=date(2024, 11, 1)), None, None, id="no-dates-in-data"),
    ],
)
def test_chosen_range(filters, span, expected):
    assert sections.chosen_range(filters, span) == expected
