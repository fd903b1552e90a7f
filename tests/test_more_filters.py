"""AppTest of the sidebar's "More filters" expander (dashboard/web/more_filters.py) over the
many-articles fixture: its widgets are not created while it is closed and nothing is set; a
link's ?article= or ?reliability= creates them, holds the value and filters exactly as before;
opening it shows them; closing it with a filter set keeps the filter; the reset clears them."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.builders.text import md
from dashboard.pages import ENTRY
from dashboard.views import filters as flt
from dashboard.web import more_filters

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"
RELAY, HARBOUR = "Daily Relay · 2024-11-21", "Harbour Times · 2024-12-10"
LABEL = "More filters: article, reliability, credibility"
CORE = ["actor", "type", "claimant", "stance"]  # the sidebar's multiselects always there
ALL_ROWS = [
    ("Hardware reports", "3"),
    ("Troop reports", "4"),
    ("Date span (2024)", "20 Nov – 9 Dec"),
    ("Claimants", "4"),
]
RELAY_ROWS = [  # tests/test_multi_app.py: the article filter on the Overview
    ("Hardware reports", "1"),
    ("Troop reports", "1"),
    ("Date span (2024)", "20 Nov – 20 Nov"),
    ("Claimants", "1"),
]


@pytest.fixture(autouse=True)
def _fixture_dataset(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def run(query=None) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return again(at)


def again(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception
    return at


def expanders(at) -> list[str]:
    return [e.label for e in at.sidebar.expander]


def multiselects(at) -> dict[str, list]:
    return {w.key: w.value for w in at.sidebar.multiselect}


def selectboxes(at) -> dict[str, object]:
    return {w.key: w.value for w in at.sidebar.selectbox}


def metrics(at) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_closed_by_default_without_its_widgets():
    at = run()
    assert expanders(at) == [LABEL]
    assert multiselects(at) == dict.fromkeys(CORE, [])
    assert selectboxes(at) == {}
    assert at.session_state["more_filters"] is False
    assert metrics(at) == ALL_ROWS
    assert at.session_state["_ctx"].filters == flt.Filters()


def test_opening_it_creates_the_three_at_their_defaults():
    at = run()
    at.session_state["more_filters"] = True
    again(at)
    assert expanders(at) == [LABEL]
    assert multiselects(at) == {**dict.fromkeys(CORE, []), "article": []}
    assert selectboxes(at) == {"reliability": None, "credibility": None}
    assert at.sidebar.selectbox(key="reliability").options == list(
        more_filters.RELIABILITY_CHOICES.values()
    )
    assert metrics(at) == ALL_ROWS
    at.session_state["more_filters"] = False
    again(at)
    assert selectboxes(at) == {}


def test_an_article_in_the_link_opens_it_and_filters():
    at = run({"article": [RELAY]})
    assert expanders(at) == [f"{LABEL} (1 active)"]
    assert at.session_state["more_filters"] is True
    assert multiselects(at)["article"] == [RELAY]
    assert selectboxes(at) == {"reliability": None, "credibility": None}
    assert metrics(at) == RELAY_ROWS
    assert at.session_state["_ctx"].filters == flt.Filters(articles=("fx2_relay",))


def test_grades_in_the_link_are_counted_and_filter():
    at = run({"reliability": "B or better", "credibility": "3 or better"})
    assert expanders(at) == [f"{LABEL} (2 active)"]
    assert selectboxes(at) == {"reliability": "B or better", "credibility": "3 or better"}
    assert "article" in multiselects(at)
    assert metrics(at) == [
        ("Hardware reports", "1"),
        ("Troop reports", "1"),
        ("Date span (2024)", "20 Nov – 9 Dec"),
        ("Claimants", "1"),
    ]
    ctx = at.session_state["_ctx"]
    assert ctx.filters == flt.Filters(reliability="B", credibility="3")
    assert sorted(ctx.view.transfers["transfer_id"]) == ["a-tr01", "c-tr01"]  # NIS's B3 and B2


def test_closing_it_with_a_filter_set_keeps_the_filter():
    at = run()
    at.session_state["more_filters"] = True
    again(at).sidebar.multiselect(key="article").set_value([HARBOUR, RELAY]).run()
    assert expanders(at) == [f"{LABEL} (1 active)"]
    at.session_state["more_filters"] = False
    again(at)
    assert expanders(at) == [f"{LABEL} (1 active)"]
    assert multiselects(at)["article"] == [HARBOUR, RELAY]  # created, though closed
    assert at.session_state["more_filters"] is False
    kept = metrics(at)
    at.sidebar.multiselect(key="article").set_value([]).run()
    assert kept != metrics(at) == ALL_ROWS
    assert expanders(at) == [LABEL]
    assert "article" not in multiselects(at) and selectboxes(at) == {}


def test_an_unknown_article_in_the_link_is_ignored_and_said():
    at = run({"article": ["Nobody · 1999-01-01"]})
    assert expanders(at) == [LABEL]  # not active: nothing in this dataset is called that
    assert multiselects(at)["article"] == []  # created once, so the widget drops it
    assert [w.value for w in at.sidebar.warning] == [
        "Ignored from the link: article ‘Nobody · 1999\\-01\\-01’ (not in this dataset)."
    ]
    assert metrics(at) == ALL_ROWS


def test_the_reset_clears_them():
    at = run({"article": [RELAY], "reliability": "A"})  # nothing is graded A here
    assert expanders(at) == [f"{LABEL} (2 active)"]
    at.button(key="reset_empty").click().run()
    assert not at.exception
    assert expanders(at) == [LABEL]
    assert multiselects(at)["article"] == []  # still open: the reader did not close it
    assert selectboxes(at) == {"reliability": None, "credibility": None}
    assert metrics(at) == ALL_ROWS


def test_the_filter_line_names_them_while_the_expander_is_closed():
    at = run({"article": [RELAY], "reliability": "B or better"})
    at.session_state["more_filters"] = False
    again(at)
    assert at.markdown[0].value == ":material/filter_alt: " + md(
        f"Filters: article {RELAY} · reliability B or better "
        "— 2 events, 2 transfers · 2 dated rows · 0 undated included."
    )
    at.sidebar.selectbox(key="credibility").set_value("3 or better").run()  # created, though closed
    assert at.markdown[0].value == ":material/filter_alt: " + md(
        f"Filters: article {RELAY} · reliability B or better · credibility 3 or better "
        "— 0 events, 0 transfers · 0 dated rows · 0 undated included."
    )
