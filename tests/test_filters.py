"""The shared filters: exact rows kept, on hand-made frames and on the real dataset."""

from datetime import date

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.views.filters import (
    Filters,
    actor_descendants,
    actor_links,
    actor_options,
    apply_filters,
    date_span,
    effective_window,
)

D = pd.Timestamp


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _ids(view):
    return sorted(view.events["event_id"].str[-2:])


def test_effective_window_prefers_the_event_window():
    ev = pd.DataFrame(
        {
            "date_start": [D("2024-10-21"), pd.NaT, pd.NaT],
            "date_end": [D("2024-10-31"), pd.NaT, pd.NaT],
            "report_date_start": [D("2024-11-20"), D("2024-11-16"), pd.NaT],
            "report_date_end": [D("2024-11-20"), D("2024-11-16"), pd.NaT],
        }
    )
    start, end = effective_window(ev)
    assert list(start) == [D("2024-10-21"), D("2024-11-16"), pd.NaT]
    assert list(end) == [D("2024-10-31"), D("2024-11-16"), pd.NaT]


def test_actor_descendants_walk_the_parent_chain():
    actors = pd.DataFrame(
        {
            "actor_id": ["ru", "forces", "airborne", "putin", "ft"],
            "parent_actor_id": [None, "ru", "forces", "ru", None],
        }
    )
    assert actor_descendants(actors, ("ru",)) == {"ru", "forces", "airborne", "putin"}
    assert actor_descendants(actors, ("forces", "ft")) == {"forces", "airborne", "ft"}
    assert actor_descendants(actors, ()) == set()


def test_date_span(ds):
    assert date_span(ds) == (date(2024, 10, 21), date(2024, 11, 20))


def test_actor_options_group_people_under_their_state(ds):
    labels = actor_options(ds.actors)
    assert labels["vladimir-putin"] == "Russia · Vladimir Putin"
    assert labels["nis"] == "South Korea · National Intelligence Service (NIS)"
    assert labels["russian-airborne"] == "Russia · Russian Airborne Brigade"
    assert labels["financial-times"] == "Financial Times"
    assert len(labels) == len(set(labels.values())) == 24


def test_actor_links_include_transfer_suppliers(ds):
    links = actor_links(ds)
    photo = set(links.loc[links["event_id"] == "000-ev13", "actor_id"])
    assert photo == {"caliber-az", "north-korea", "russia"}


ALL = [f"{i:02d}" for i in range(1, 25)]


@pytest.mark.parametrize(
    ("filters", "events", "transfers", "locations"),
    [
        pytest.param(Filters(), ALL, 8, 4, id="no-filter"),
        pytest.param(
            Filters(start=date(2024, 11, 15), end=date(2024, 11, 20), include_undated=False),
            ["01", "02", "06", "07", "10", "11", "12", "13"], 5, 4, id="mid-nov-dated-only",
        ),
        pytest.param(
            Filters(start=date(2024, 11, 15), end=date(2024, 11, 20)),
            [e for e in ALL if e not in ("16", "17", "23")], 8, 4, id="mid-nov-with-undated",
        ),
        pytest.param(
            Filters(start=date(2024, 10, 21), end=date(2024, 10, 25), include_undated=False),
            ["23"], 0, 0, id="late-oct-window-overlaps",
        ),
        pytest.param(Filters(include_undated=False), ["01", "02", "06", "07", "10", "11", "12", "13", "16", "17", "23"], 5, 4, id="undated-off"),
        pytest.param(Filters(actors=("north-korea",)), [e for e in ALL if e not in ("21", "23")], 8, 4, id="state-includes-members"),
        pytest.param(Filters(actors=("vladimir-putin",)), ["07", "23"], 0, 1, id="person"),
        pytest.param(Filters(actors=("financial-times",)), ["10", "11", "12"], 2, 2, id="claimant-as-actor"),
        pytest.param(Filters(stances=("denies",)), ["20", "21"], 0, 0, id="denials"),
        pytest.param(Filters(event_types=("combat",)), ["02", "04", "11", "12", "16", "18", "19"], 0, 2, id="combat"),
        pytest.param(Filters(claimants=("nis",)), ["01", "02", "03", "06", "07", "08", "09"], 3, 3, id="claimant"),
        pytest.param(Filters(claimants=("nis",), stances=("denies",)), [], 0, 0, id="nothing-left"),
    ],
)  # fmt: skip
def test_apply_filters_on_the_real_dataset(ds, filters, events, transfers, locations):
    view = apply_filters(ds, filters)
    assert _ids(view) == events
    assert len(view.transfers) == transfers
    assert len(view.locations) == locations
    assert view.empty == (events == [])


def test_transfers_follow_their_events(ds):
    view = apply_filters(ds, Filters(claimants=("financial-times",)))
    assert sorted(view.transfers["transfer_id"]) == ["000-tr03", "000-tr04"]
