"""Date basis (happened / reported / either), responses kept for context, undated counts and the
span that follows the filter: tables on hand-made frames and the real dataset."""

from datetime import date

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.views import tallies
from dashboard.views.filters import (
    Filters,
    apply_filters,
    date_counts,
    date_span,
    dated,
    in_range,
    undated_words,
)

D = pd.Timestamp
NOV = dict(start=date(2024, 11, 15), end=date(2024, 11, 20))


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _frame():
    # a: happened in Oct, reported 20 Nov; b: happened 1-19 Nov, no report date;
    # c: reported 16 Nov only; d: no date at all
    return pd.DataFrame(
        {
            "date_start": [D("2024-10-21"), D("2024-11-01"), pd.NaT, pd.NaT],
            "date_end": [D("2024-10-31"), D("2024-11-19"), pd.NaT, pd.NaT],
            "report_date_start": [D("2024-11-20"), pd.NaT, D("2024-11-16"), pd.NaT],
            "report_date_end": [D("2024-11-20"), pd.NaT, D("2024-11-16"), pd.NaT],
        },
        index=list("abcd"),
    )


@pytest.mark.parametrize(
    ("basis", "lo", "hi", "inside", "has_date"),
    [
        pytest.param("either", "2024-11-15", "2024-11-20", "abc", "abc", id="either-nov"),
        pytest.param("happened", "2024-11-15", "2024-11-20", "b", "ab", id="happened-nov"),
        pytest.param("reported", "2024-11-15", "2024-11-20", "ac", "ac", id="reported-nov"),
        pytest.param("either", "2024-10-25", "2024-10-26", "a", "abc", id="either-oct"),
        pytest.param("reported", "2024-10-25", "2024-10-26", "", "ac", id="reported-oct"),
        pytest.param("happened", None, "2024-10-31", "a", "ab", id="open-start"),
    ],
)
def test_in_range_and_dated_by_basis(basis, lo, hi, inside, has_date):
    f = _frame()
    assert "".join(f.index[in_range(f, lo, hi, basis)]) == inside
    assert "".join(f.index[dated(f, basis)]) == has_date


ALL = [f"{i:02d}" for i in range(1, 25)]


@pytest.mark.parametrize(
    ("filters", "events", "context"),
    [
        pytest.param(Filters(), ALL, [], id="no-filter-no-context"),
        pytest.param(
            Filters(actors=("nk-troops",)),
            [
                "02",
                "03",
                "04",
                "05",
                "08",
                "11",
                "12",
                "14",
                "15",
                "16",
                "17",
                "18",
                "19",
                "22",
                "24",
            ],
            ["20", "21", "23"],
            id="troops-keep-denials-and-putin",
        ),
        pytest.param(
            Filters(actors=("nk-troops",), stances=("reports",)),
            ["02", "03", "04", "05", "08", "11", "12", "14", "15", "18", "19", "22"],
            [],
            id="stance-filter-applies-to-context",
        ),
        pytest.param(
            Filters(actors=("nk-troops",), stances=("reports", "denies")),
            ["02", "03", "04", "05", "08", "11", "12", "14", "15", "18", "19", "22"],
            ["20", "21"],
            id="denials-asked-for",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="happened"),
            ["06", "07", "23"],
            [],
            id="happened-only",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="reported", **NOV),
            ["01", "02", "10", "11", "12", "13"],
            [],
            id="reported-mid-nov",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="happened", **NOV),
            ["06", "07"],
            [],
            id="happened-mid-nov",
        ),
        pytest.param(
            Filters(include_undated=False, **NOV),
            ["01", "02", "06", "07", "10", "11", "12", "13"],
            [],
            id="either-mid-nov",
        ),
        pytest.param(
            Filters(start=date(2024, 11, 7), end=date(2024, 11, 7), include_undated=False),
            ["06", "07", "16", "17"],
            [],
            id="one-day",
        ),
    ],
)
def test_filters_keep_the_answers_of_shown_rows(ds, filters, events, context):
    view = apply_filters(ds, filters)
    assert sorted(view.events["event_id"].str[-2:]) == events
    assert sorted(view.answering["event_id"].str[-2:]) == context


def test_troops_filter_shows_the_denials_marked_with_their_words(ds):
    view = apply_filters(ds, Filters(actors=("nk-troops",)))
    contested = tallies.contested(view, ds)
    marked = contested[contested["shown_because"] != ""]
    assert list(marked["event_id"]) == ["000-ev20", "000-ev21", "000-ev23"]
    assert set(marked["shown_because"]) == {"answers a shown row"}
    answers = tallies.answers_table(view, ds)
    assert list(
        zip(
            answers["answer"],
            answers["answers"],
            answers["when"],
            answers["shown because"],
            strict=True,
        )
    ) == [
        ("000-ev20", "000-ev18", "initially", "answers a shown row"),
        ("000-ev20", "000-ev19", "initially", "answers a shown row"),
        ("000-ev21", "000-ev18", "initially", "answers a shown row"),
        ("000-ev21", "000-ev19", "initially", "answers a shown row"),
        ("000-ev23", "000-ev22", "21–31 Oct 2024", "answers a shown row"),
    ]
    words = dict(zip(answers["answer"], answers["in their words"], strict=False))
    assert words["000-ev20"] == ds.events.set_index("event_id").at["000-ev20", "passage"]


@pytest.mark.parametrize(
    ("filters", "counts", "words"),
    [
        pytest.param(Filters(), (11, 13), "11 dated rows · 13 undated included", id="all"),
        pytest.param(
            Filters(**NOV), (8, 13), "8 dated in range · 13 undated included", id="mid-nov"
        ),
        pytest.param(
            Filters(include_undated=False, **NOV),
            (8, 0),
            "8 dated in range · undated left out",
            id="left-out",
        ),
        pytest.param(
            Filters(date_basis="happened"),
            (3, 21),
            "3 dated rows · 21 undated included",
            id="happened",
        ),
    ],
)
def test_undated_counts(ds, filters, counts, words):
    view = apply_filters(ds, filters)
    assert date_counts(view) == counts
    assert undated_words(view) == words


@pytest.mark.parametrize(
    ("filters", "span"),
    [
        pytest.param(Filters(), (date(2024, 10, 21), date(2024, 11, 20)), id="all"),
        pytest.param(
            Filters(**NOV), (date(2024, 11, 15), date(2024, 11, 20)), id="clipped-to-range"
        ),
        pytest.param(
            Filters(start=date(2024, 11, 1), end=date(2024, 11, 10)),
            (date(2024, 11, 1), date(2024, 11, 10)),
            id="window-wider-than-range",
        ),
        pytest.param(
            Filters(actors=("financial-times",)),
            (date(2024, 11, 16), date(2024, 11, 16)),
            id="rows-narrower",
        ),
        pytest.param(Filters(event_types=("training",)), None, id="undated-only"),
    ],
)
def test_overview_span_follows_the_filter(ds, filters, span):
    assert tallies.shown_span(apply_filters(ds, filters)) == span


def test_date_span_by_basis(ds):
    assert date_span(ds) == (date(2024, 10, 21), date(2024, 11, 20))
    assert date_span(ds, "happened") == (date(2024, 10, 21), date(2024, 11, 19))
    assert date_span(ds, "reported") == (date(2024, 10, 21), date(2024, 11, 20))
