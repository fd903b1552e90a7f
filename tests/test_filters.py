"""The shared filters: exact rows kept, on hand-made frames and on the fixture dataset
(tests/fixtures/dataset/README.md; every expected value below is read off its tables by hand)."""

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
from tests.fixtures import FIXTURE_DIR

D = pd.Timestamp


@pytest.fixture(scope="module")
def ds():
    return load_dataset(FIXTURE_DIR)


def _ids(view):
    return sorted(view.events["event_id"])


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
    # the earliest window is t02-ev01 (1-10 March), the latest t04-ev01/t04-ev02 (20 March)
    assert date_span(ds) == (date(2030, 3, 1), date(2030, 3, 20))


def test_actor_options_group_people_under_their_state(ds):
    assert list(actor_options(ds.actors).values()) == [
        "Daily Digest",
        "Harbour Wire",
        "Norland",
        "Norland · Norland foreign ministry",
        "Norland · Norland troops",
        "Ostria",
        "Ostria · Ostrian forces",
        "Sudmark",
        "Sudmark · Ministry of Defence of Sudmark",
        "Sudmark · Sudmark forces",
        "Westria",
        "Westria · Westrian intelligence officials",
    ]
    assert actor_options(ds.actors)["sudmark-mod"] == "Sudmark · Ministry of Defence of Sudmark"


def test_actor_links_include_transfer_suppliers_and_recipients(ds):
    links = actor_links(ds)
    photo = set(links.loc[links["event_id"] == "t04-ev02", "actor_id"])
    assert photo == {"harbour-wire", "norland", "sudmark"}  # sudmark: recipient of t04-tr02


ALL = [
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
]
# either window overlapping 12-14 March (t02-ev01 happened 1-10 March, was reported on 14 March)
MID = [
    "t01-ev01",
    "t01-ev02",
    "t01-ev03",
    "t01-ev04",
    "t02-ev01",
    "t02-ev02",
    "t03-ev01",
    "t03-ev02",
    "t04-ev02",
]


@pytest.mark.parametrize(
    ("filters", "events", "transfers", "locations"),
    [
        pytest.param(Filters(), ALL, 6, 5, id="no-filter"),
        pytest.param(
            Filters(start=date(2030, 3, 12), end=date(2030, 3, 14), include_undated=False),
            MID,
            5,
            5,
            id="window-dated-only",
        ),
        pytest.param(
            Filters(start=date(2030, 3, 12), end=date(2030, 3, 14)),
            [*MID, "t04-ev03"],
            5,
            5,
            id="window-with-undated",
        ),
        pytest.param(
            Filters(start=date(2030, 3, 1), end=date(2030, 3, 5), include_undated=False),
            ["t02-ev01"],
            1,
            2,
            id="event-window-overlaps",
        ),
        pytest.param(Filters(include_undated=False), ALL[:-1], 6, 5, id="undated-off"),
        pytest.param(
            Filters(actors=("sudmark",)),
            [
                "t01-ev01",
                "t01-ev02",
                "t01-ev04",
                "t02-ev01",
                "t02-ev02",
                "t03-ev01",
                "t04-ev01",
                "t04-ev02",
            ],
            6,
            5,
            id="state-includes-members-and-recipients",
        ),
        pytest.param(
            Filters(actors=("norland-foreign-ministry",)),
            ["t01-ev03", "t03-ev02"],
            0,
            0,
            id="ministry",
        ),
        pytest.param(
            Filters(actors=("westria",)),
            ["t01-ev01", "t01-ev02", "t01-ev04", "t03-ev01", "t04-ev01", "t04-ev03"],
            4,
            4,
            id="claimant-as-actor",
        ),
        pytest.param(Filters(stances=("denies",)), ["t01-ev03", "t03-ev02"], 0, 0, id="denials"),
        pytest.param(Filters(stances=("uncertain",)), ["t04-ev03"], 0, 0, id="uncertain"),
        pytest.param(Filters(event_types=("combat",)), ["t02-ev02"], 0, 1, id="combat"),
        pytest.param(
            Filters(claimants=("sudmark-mod",)), ["t02-ev01", "t02-ev02"], 1, 3, id="claimant"
        ),
        pytest.param(
            Filters(claimants=("sudmark-mod",), stances=("denies",)), [], 0, 0, id="nothing-left"
        ),
    ],
)
def test_apply_filters(ds, filters, events, transfers, locations):
    view = apply_filters(ds, filters)
    assert _ids(view) == events
    assert len(view.transfers) == transfers
    assert len(view.locations) == locations
    assert view.empty == (events == [])


def test_transfers_follow_their_events(ds):
    view = apply_filters(ds, Filters(claimants=("sudmark-mod",)))
    assert sorted(view.transfers["transfer_id"]) == ["t02-tr01"]
    assert sorted(view.locations["location_id"]) == ["brenn-region", "norland", "sudmark"]
