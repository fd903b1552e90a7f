"""The Timeline's figure is built once per dataset version, filters and colouring (web/figures.py)."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.builders import charts
from dashboard.data.dataset import load_dataset
from dashboard.pages import ENTRY
from dashboard.views import filters as flt
from dashboard.web import figures, loading
from tests.fixtures import FIXTURE_DIR


@pytest.fixture
def clean(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DIR))
    loading._hashed.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def test_chart_shades_the_chosen_range_and_returns_the_undated_rows():
    ds = load_dataset(FIXTURE_DIR)
    view = flt.apply_filters(ds, flt.Filters(), flt.actor_links(ds))
    chosen = (pd.Timestamp("2030-03-01"), pd.Timestamp("2030-04-01"))
    fig, n_dated, undated, n_undated = figures.timeline_chart(view, ds, "stance", chosen)
    plain, *_ = figures.timeline_chart(view, ds, "stance", None)
    dated = view.events["date_start"].notna() | view.events["report_date_start"].notna()
    assert n_dated == int(dated.sum()) >= 1
    assert list(undated["event_id"]) == list(view.events.loc[~dated, "event_id"])
    assert n_undated == int((~dated).sum())
    assert [s.name for s in fig.layout.shapes] == ["chosen range"]
    assert (fig.layout.shapes[0].x0, fig.layout.shapes[0].x1) == (
        "2030-03-01T00:00:00",
        "2030-04-01T00:00:00",
    )
    assert plain.layout.shapes == ()
    assert len(fig.data) == len(plain.data) >= 1


def test_a_filter_combination_seen_before_is_not_rebuilt(clean, monkeypatch):
    built = []
    real = charts.timeline_figure
    monkeypatch.setattr(charts, "timeline_figure", lambda *a: built.append(a[2]) or real(*a))
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    at.switch_page("app_pages/timeline.py").run()
    assert built == ["event_type"]
    at.segmented_control(key="colour").set_value("stance").run()
    assert built == ["event_type", "stance"]
    at.segmented_control(key="colour").set_value("event_type").run()
    at.switch_page("app_pages/overview.py").run()
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception
    assert built == ["event_type", "stance"]  # both figures came from the cache
    assert len(at.get("plotly_chart")) == 1
