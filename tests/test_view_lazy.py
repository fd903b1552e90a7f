"""filters.View copies the rows it keeps only when asked for them; what it answers without
copying (counts, labels, a few columns) is exactly what the copied frames say. Checked on the
fixture dataset (tests/fixtures/dataset) under filters that keep every row, some rows and none."""

from datetime import date

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.views.filters import Filters, View, actor_links, apply_filters
from tests.fixtures import FIXTURE_DIR


@pytest.fixture(scope="module")
def ds():
    return load_dataset(FIXTURE_DIR)


FILTERS = {
    "none": Filters(),
    "dated only": Filters(include_undated=False),
    "range": Filters(start=date(2030, 3, 12), end=date(2030, 3, 12)),
    "actor": Filters(actors=("sudmark",)),
    "nothing": Filters(start=date(1990, 1, 1), end=date(1990, 1, 2), include_undated=False),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_what_a_view_answers_without_copying_matches_its_frames(ds, name):
    view = apply_filters(ds, FILTERS[name], actor_links(ds))
    # Asked before the frames exist, then checked against them.
    n_events, n_transfers = view.n_events, view.n_transfers
    event_index, transfer_index = view.event_index, view.transfer_index
    cols = view.event_cols("event_id", "location_id")
    tcols = view.transfer_cols("transfer_id", "quantity_low")
    assert view.copied_cells() == 0
    assert n_events == len(view.events) and n_transfers == len(view.transfers)
    assert event_index.equals(view.events.index)
    assert transfer_index.equals(view.transfers.index)
    pd.testing.assert_frame_equal(cols, view.events[["event_id", "location_id"]])
    pd.testing.assert_frame_equal(tcols, view.transfers[["transfer_id", "quantity_low"]])
    assert view.empty == (n_events == 0)
    # Asked again once the frames exist: the same answers, from the frames.
    pd.testing.assert_frame_equal(view.event_cols("event_id", "location_id"), cols)


def test_the_kept_rows_are_the_filters_rows(ds):
    view = apply_filters(ds, FILTERS["range"], actor_links(ds))
    # Reported on 12 March 2030 (t04-ev02's report window reaches it), and t04-ev03 undated.
    assert sorted(view.events["event_id"]) == [
        *("t01-ev01", "t01-ev02", "t01-ev03", "t01-ev04"),
        *("t03-ev01", "t03-ev02", "t04-ev02", "t04-ev03"),
    ]
    assert view.n_events == 8
    assert sorted(view.transfers["transfer_id"]) == ["t01-tr01", "t01-tr02", "t03-tr01", "t04-tr02"]
    assert view.events["event_id"].tolist() == ds.events.loc[view.event_index, "event_id"].tolist()
    everything = apply_filters(ds, Filters(), actor_links(ds))
    assert everything.n_events == len(ds.events) == 11
    assert everything.copied_cells() == 0  # every row kept: the frames are the dataset's
    assert everything.events is not ds.events  # a shallow copy: the dataset's is never handed out
    nothing = apply_filters(ds, FILTERS["nothing"], actor_links(ds))
    assert (
        nothing.empty
        and nothing.n_events == 0
        and list(nothing.events.columns) == list(ds.events.columns)
    )


def test_copied_cells_count_only_the_frames_built(ds):
    view = apply_filters(ds, FILTERS["range"], actor_links(ds))
    assert view.copied_cells() == 0
    events = view.events
    assert view.copied_cells() == events.size == 8 * len(ds.events.columns)
    assert view.events is events  # built once
    transfers = view.transfers
    assert view.copied_cells() == events.size + transfers.size


def test_a_view_of_given_rows_keeps_them(ds):
    ev, tr = ds.events.head(3), ds.transfers.head(2)
    view = View(ev, tr, ds.locations)
    assert view.filters == Filters() and view.context is None
    assert view.n_events == 3 and view.n_transfers == 2 and view.copied_cells() == 0
    assert view.event_index.equals(ev.index)
    assert view.answering.empty and list(view.answering.columns) == list(ev.columns)


def test_a_released_view_forgets_its_copies_and_copies_again_when_asked(ds):
    view = apply_filters(ds, FILTERS["range"], actor_links(ds))
    first = view.events
    view.release()
    assert view.copied_cells() == 0
    again = view.events
    assert again is not first
    pd.testing.assert_frame_equal(again, first)
