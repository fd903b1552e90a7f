"""The cached views (dashboard.web.frame._view): shared per dataset version and filters, kept
within a budget of copied cells so a million events cannot fill the memory with views."""

from datetime import date

import pytest

from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.views.filters import Filters, actor_links
from dashboard.web import frame


@pytest.fixture(autouse=True)
def _fresh():
    frame.clear_views()
    yield
    frame.clear_views()


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO_ROOT / "datasets")


def narrowed(days: int) -> Filters:
    return Filters(start=date(2024, 10, 1 + days), end=date(2024, 11, 30))


def test_a_view_is_computed_once_per_version_and_filters(ds):
    links = actor_links(ds)
    first = frame._view(ds.version, narrowed(0), ds, links)
    assert frame._view(ds.version, narrowed(0), ds, links) is first
    assert frame._view(ds.version, narrowed(1), ds, links) is not first
    assert frame._view("another version", narrowed(0), ds, links) is not first


def test_views_are_dropped_oldest_first_past_the_cell_budget(ds, monkeypatch):
    links = actor_links(ds)
    whole = frame._view(ds.version, Filters(), ds, links)
    assert whole.events.size > 0
    assert whole.copied_cells() == 0  # every row kept: nothing copied
    one = frame._view(ds.version, Filters(include_undated=False), ds, links)
    assert one.copied_cells() == 0  # nothing asked for yet: nothing copied
    one.event_cols("event_id")
    assert one.copied_cells() == 0  # a few columns are the caller's, not the view's
    cells = one.events.size + one.transfers.size
    assert one.copied_cells() == cells > 0
    monkeypatch.setattr(frame, "VIEW_CELLS", cells)  # room for one filtered view
    two = frame._view(ds.version, Filters(include_undated=False, date_basis="happened"), ds, links)
    assert two.events.size > 0 and two.copied_cells() > 0
    frame._view(ds.version, two.filters, ds, links)  # costs are read when a view is asked for
    kept = list(frame._views)
    assert kept == [(ds.version, Filters()), (ds.version, two.filters)]
    assert frame._view(ds.version, Filters(include_undated=False), ds, links) is not one


def test_the_newest_view_stays_even_over_the_budget(ds, monkeypatch):
    monkeypatch.setattr(frame, "VIEW_CELLS", 0)
    view = frame._view(ds.version, Filters(include_undated=False), ds, actor_links(ds))
    assert list(frame._views) == [(ds.version, view.filters)]


def test_at_most_view_entries_are_kept(ds, monkeypatch):
    monkeypatch.setattr(frame, "VIEW_ENTRIES", 3)
    links = actor_links(ds)
    for days in range(5):
        frame._view(ds.version, narrowed(days), ds, links)
    assert list(frame._views) == [(ds.version, narrowed(d)) for d in (2, 3, 4)]


def test_room_is_made_before_a_view_is_built(ds, monkeypatch):
    """The budget holds at the peak: a costly view is dropped before the next one is built
    when both could not fit (a million events: one filtered view at a time)."""
    links = actor_links(ds)
    one = frame._view(ds.version, Filters(include_undated=False), ds, links)
    full = ds.events.size + ds.transfers.size
    one.transfers  # noqa: B018 — a page asked for its rows: they are copied now
    monkeypatch.setattr(frame, "VIEW_CELLS", full + one.copied_cells() - 1)
    seen = []
    real = frame.flt.apply_filters
    monkeypatch.setattr(
        frame.flt,
        "apply_filters",
        lambda *a: seen.append(list(frame._views)) or real(*a),
    )
    frame._view(ds.version, Filters(include_undated=False, date_basis="happened"), ds, links)
    assert seen == [[]]  # the costly view was dropped before the new one was computed


def test_result_cells_count_the_frames_a_result_holds():
    import pandas as pd

    from dashboard.views.printout import Section

    frame2x3 = pd.DataFrame({"a": [1, 2], "b": [3, 4], "c": [5, 6]})
    assert frame.result_cells(frame2x3) == 6
    assert frame.result_cells((object(), 3, frame2x3, pd.Series([1, 2, 3]))) == 9
    assert frame.result_cells({"x": frame2x3, "y": "text"}) == 6
    assert frame.result_cells(Section(frame2x3, 2, frame2x3)) == 12
    assert frame.result_cells("a string") == 0


def test_costly_results_are_cleared_oldest_first_past_the_budget(ds, monkeypatch):
    import streamlit as st

    st.cache_resource.clear()
    frame._ledger.clear()
    links = actor_links(ds)
    calls = []

    def rows_of(view, ds, n):
        calls.append(n)
        return view.events.head(n)

    def ctx_for(f):
        return frame.Context(ds, frame._view(ds.version, f, ds, links), f, None, {})

    ctx = ctx_for(Filters())
    width = ds.events.shape[1]
    monkeypatch.setattr(frame, "COMPUTED_CELLS", 3 * width)  # three rows of events
    frame.cached(rows_of, ctx, 2)
    frame.cached(rows_of, ctx, 1)
    frame.cached(rows_of, ctx, 1)  # from the cache
    assert calls == [2, 1]
    frame.cached(rows_of, ctx, 2)  # from the cache, now the newest
    frame.cached(rows_of, ctx, 3)  # over budget: 1 is cleared first (oldest), then 2
    assert [k[3] for k in frame._ledger] == [(3,)]
    frame.cached(rows_of, ctx, 1)
    assert calls == [2, 1, 3, 1]  # cleared from Streamlit's cache: computed again
    st.cache_resource.clear()
    frame._ledger.clear()


def test_a_view_dropped_from_the_cache_forgets_its_copied_rows(ds, monkeypatch):
    """A session's context or a download button may still hold a dropped view: its copied
    rows must not stay alive with it."""
    links = actor_links(ds)
    one = frame._view(ds.version, Filters(include_undated=False), ds, links)
    cells = one.events.size
    assert one.copied_cells() == cells > 0
    monkeypatch.setattr(frame, "VIEW_CELLS", cells)
    released = []
    monkeypatch.setattr(frame.memory, "release", lambda *a: released.append(a) or True)
    monkeypatch.setattr(frame, "RELEASE_CELLS", 0)
    frame._view(ds.version, Filters(include_undated=False, date_basis="happened"), ds, links)
    assert list(frame._views) == [
        (ds.version, Filters(include_undated=False, date_basis="happened"))
    ]
    assert one.copied_cells() == 0
    assert released == [()]
