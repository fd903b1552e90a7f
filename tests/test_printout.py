"""The print view: every row while few; past the cap, counts by period and category and the first
rows with a line saying so (dashboard.views.printout). Tables on hand-written frames, AppTests on
the real dataset with the cap lowered."""

import json

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.pages import ENTRY
from dashboard.views import details, printout
from dashboard.views.filters import Filters, apply_filters
from dashboard.views.tallies import actor_names

T = pd.Timestamp


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO_ROOT / "datasets")


def events(rows):
    """(date_start, report_date_start, event_type) per row."""
    return pd.DataFrame(rows, columns=["date_start", "report_date_start", "event_type"]).astype(
        {"date_start": "datetime64[us]", "report_date_start": "datetime64[us]"}
    )


def test_event_counts_by_month_undated_last_and_by_type_with_totals():
    ev = events(
        [
            (T("2024-11-30"), None, "combat"),
            (None, T("2024-10-02"), "combat"),  # no event window: its report's month
            (T("2024-11-01"), T("2025-01-01"), "denial"),
            (None, None, "denial"),
            (T("2023-02-14"), None, "combat"),
        ]
    )
    by_month, by_type = printout.event_counts(ev)
    assert by_month.to_dict("list") == {
        "month": ["Feb 2023", "Oct 2024", "Nov 2024", "undated", "all"],
        "rows": [1, 1, 2, 1, 5],
    }
    assert by_type.to_dict("list") == {"event_type": ["combat", "denial", "all"], "rows": [3, 2, 5]}


def test_event_counts_of_categorical_types_count_only_present_ones():
    ev = events([(T("2024-11-30"), None, "combat")])
    ev["event_type"] = ev["event_type"].astype(pd.CategoricalDtype(["combat", "denial"]))
    by_month, by_type = printout.event_counts(ev)
    assert by_month.to_dict("list") == {"month": ["Nov 2024", "all"], "rows": [1, 1]}
    assert by_type.to_dict("list") == {"event_type": ["combat", "all"], "rows": [1, 1]}


def test_transfer_and_figure_counts_count_rows_never_quantities():
    tr = pd.DataFrame(
        {
            "system_name": ["gun", "gun", "rocket", "gun"],
            "status": ["delivered", "observed", "delivered", "delivered"],
            "quantity_as_stated": ["nearly 50", None, "20", "about 100"],
            "claimant_actor_id": ["nis", "nis", "gur", "gur"],
        }
    )
    assert printout.transfer_counts(tr).to_dict("list") == {
        "system_name": ["gun", "rocket", "all"],
        "delivered": [2, 1, 3],
        "observed": [1, 0, 1],
        "all": [3, 1, 4],
    }
    assert printout.figure_counts(tr).to_dict("list") == {
        "system_name": ["gun", "rocket"],
        "figure stated": [2, 1],
        "quantity not stated": [1, 0],
        "claimants": [2, 1],
    }


def test_sheet_lists_every_row_up_to_the_cap_and_counts_past_it(ds):
    view = apply_filters(ds, Filters())
    whole = printout.print_sheet(view, ds)
    assert (whole.events.total, len(whole.events.rows)) == (len(ds.events), len(ds.events))
    assert whole.events.counts == () and not whole.events.capped
    assert list(whole.events.rows["row"]) == list(ds.events["event_id"])
    assert list(whole.transfers.rows["row"]) == list(ds.transfers["transfer_id"])
    capped = printout.print_sheet(view, ds, limit=4)  # past 4: the first 4 (LISTED_ROWS is 50)
    for part, total in (
        (capped.events, len(ds.events)),
        (capped.transfers, len(ds.transfers)),
        (capped.figures, len(ds.transfers)),  # every transfer is weapons or troops
    ):
        assert part.capped and part.total == total and len(part.rows) == 4
        assert part.counts and all(len(c) >= 1 for c in part.counts)
    assert list(capped.events.rows["row"]) == list(ds.events["event_id"][:4])
    by_month, by_type = capped.events.counts
    assert by_month["rows"].iloc[-1] == by_type["rows"].iloc[-1] == len(ds.events)
    assert int(by_month["rows"].iloc[:-1].sum()) == len(ds.events)
    assert capped.transfers.counts[0]["all"].iloc[-1] == len(ds.transfers)
    (figures,) = capped.figures.counts
    assert int(figures["figure stated"].sum() + figures["quantity not stated"].sum()) == len(
        ds.transfers
    )


def test_transfers_read_as_the_map_panel_words_them(ds):
    """Dated by their event's window and words, claimant named: as details.transfer_rows."""
    view = apply_filters(ds, Filters())
    rows = printout.print_sheet(view, ds).transfers.rows
    names = actor_names(ds)
    old = details.transfer_rows(view.transfers, ds, names, "")
    assert len(rows) == len(old) >= 1
    for column in ("summary", "claimant", "happened", "reported"):
        assert list(rows[column]) == list(old[column]), column
    assert list(rows["row"]) == list(old["row_id"])
    assert rows.loc[0, "claimant"] == "National Intelligence Service (NIS)"


def run_print(query=None):
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/printview.py").run()
    assert not at.exception
    return at


def test_print_view_at_seed_lists_every_row_in_three_static_tables(ds):
    at = run_print()
    assert [h.value for h in at.subheader] == [
        f"Key figures ({len(ds.transfers)})",
        "Timeline",
        f"Events ({len(ds.events)})",
        f"Transfers ({len(ds.transfers)})",
    ]
    assert [len(t.value) for t in at.table] == [
        len(ds.transfers),
        len(ds.events),
        len(ds.transfers),
    ]
    assert not at.dataframe  # grids scroll and clip on paper; static tables wrap
    assert not [c.value for c in at.caption if c.value.startswith("Showing the first")]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["type"] for t in spec["data"]} != {"bar"}  # one mark per row, not counts


def test_print_view_past_the_cap_prints_counts_and_the_first_rows(ds, monkeypatch):
    monkeypatch.setattr(printout, "PRINT_ROWS", 5)
    at = run_print()
    caps = [c.value for c in at.caption if c.value.startswith("Showing the first")]
    assert caps == [  # escaped by md(): AppTest has no browser address, the link is relative
        f"Showing the first 5 of {len(ds.transfers)} figures — download them all from the Data "
        "page\\: data",
        f"Showing the first 5 of {len(ds.events)} events — download them all from the Data "
        "page\\: data",
        f"Showing the first 5 of {len(ds.transfers)} transfers — download them all from the "
        "Data page\\: data",
    ]
    tables = at.table
    assert len(tables) == 7  # counts, then the first rows; events have two count tables
    assert [len(tables[i].value) for i in (1, 4, 6)] == [5, 5, 5]
    by_month = tables[2].value  # events per month, undated and all last
    assert list(by_month.iloc[:, 0])[-2:] == ["undated", "all"]
    assert by_month.iloc[-1, -1] == f"{len(ds.events)}"
    # Narrow enough for paper: no table is wider than the rows' own seven columns.
    assert max(len(t.value.columns) for t in tables) <= 7
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["type"] for t in spec["data"]} == {"bar"}  # rows per week, as the Timeline counts


def test_print_view_counts_follow_the_filters(ds, monkeypatch):
    monkeypatch.setattr(printout, "PRINT_ROWS", 5)
    at = run_print({"actor": ["North Korea"]})
    view_events = int(at.table[2].value.iloc[-1, -1].replace(",", ""))  # events: all months
    assert 5 < view_events < len(ds.events)
    assert f"Events ({view_events})" in [h.value for h in at.subheader]


def test_past_the_cap_the_sheet_lists_fifty_rows(ds):
    """LISTED_ROWS rows under the counts, whatever the cap: a sheet of 250k events prints its
    counts and two pages of rows, not 300."""
    view = apply_filters(ds, Filters())
    sheet = printout.print_sheet(view, ds, limit=len(ds.events) - 1)
    assert printout.LISTED_ROWS == 50
    assert len(sheet.events.rows) == min(50, len(ds.events) - 1)
    assert sheet.events.counts and sheet.transfers.counts == ()


def test_counts_figure_counts_rows_per_week_from_monday():
    from dashboard.builders import charts

    ev = events(
        [
            (T("2024-11-06"), None, "combat"),  # a Wednesday: the week of Monday 4 Nov
            (T("2024-11-10"), None, "combat"),  # a Sunday: still that week
            (T("2024-11-11"), None, "combat"),  # a Monday: the next week
            (None, T("2024-11-04"), "denial"),  # no event window: its report's week
            (None, None, "denial"),  # undated: not counted
        ]
    )
    fig = charts.timeline_counts_figure(ev, "event_type")
    bars = {t.legendgroup: (list(pd.to_datetime(t.x)), list(t.y)) for t in fig.data}
    assert bars == {
        "combat": ([T("2024-11-04"), T("2024-11-11")], [2, 1]),
        "denial": ([T("2024-11-04")], [1]),
    }
