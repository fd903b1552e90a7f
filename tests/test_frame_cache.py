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
    assert frame._copied_cells(whole, ds) == 0  # every row kept: nothing copied
    one = frame._view(ds.version, Filters(include_undated=False), ds, links)
    cells = frame._copied_cells(one, ds)
    assert cells == one.events.size + one.transfers.size > 0
    monkeypatch.setattr(frame, "VIEW_CELLS", cells)  # room for one filtered view
    two = frame._view(ds.version, Filters(include_undated=False, date_basis="happened"), ds, links)
    assert frame._copied_cells(two, ds) > 0
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
    monkeypatch.setattr(frame, "VIEW_CELLS", full + frame._copied_cells(one, ds) - 1)
    seen = []
    real = frame.flt.apply_filters
    monkeypatch.setattr(
        frame.flt,
        "apply_filters",
        lambda *a: seen.append(list(frame._views)) or real(*a),
    )
    frame._view(ds.version, Filters(include_undated=False, date_basis="happened"), ds, links)
    assert seen == [[]]  # the costly view was dropped before the new one was computed
