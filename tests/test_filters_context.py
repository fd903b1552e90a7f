"""Date basis (happened / reported / either), responses kept for context, undated counts and the
span that follows the filter: tables on hand-made frames and on the synthetic fixture dataset
(tests/fixtures/dataset/README.md), every expected value read off its tables by hand."""

from datetime import date

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.views import responses, tallies
from dashboard.views.filters import (
    Filters,
    apply_filters,
    date_counts,
    date_span,
    dated,
    in_range,
    undated_words,
)
from tests.fixtures import FIXTURE_DIR

D = pd.Timestamp
MID = dict(start=date(2030, 3, 12), end=date(2030, 3, 14))


@pytest.fixture(scope="module")
def ds():
    return load_dataset(FIXTURE_DIR)


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
WESTRIA = [
    "t01-ev01",
    "t01-ev02",
    "t01-ev04",
    "t03-ev01",
    "t04-ev01",
    "t04-ev03",
]  # its officials claim
DENIALS = ["t01-ev03", "t03-ev02"]  # Norland's ministry answering t01-ev01 and t03-ev01


@pytest.mark.parametrize(
    ("filters", "events", "context"),
    [
        pytest.param(Filters(), ALL, [], id="no-filter-no-context"),
        pytest.param(Filters(actors=("westria",)), WESTRIA, DENIALS, id="actor-keeps-the-denials"),
        pytest.param(
            Filters(actors=("westria",), stances=("reports",)),
            WESTRIA[:-1],
            [],
            id="stance-filter-applies-to-context",
        ),
        pytest.param(
            Filters(actors=("westria",), stances=("reports", "denies")),
            WESTRIA[:-1],
            DENIALS,
            id="denials-asked-for",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="happened"),
            ["t01-ev03", "t02-ev01", "t03-ev02"],
            [],
            id="happened-only",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="reported", **MID),
            [
                "t01-ev01",
                "t01-ev02",
                "t01-ev03",
                "t01-ev04",
                "t02-ev01",
                "t02-ev02",
                "t03-ev01",
                "t03-ev02",
                "t04-ev02",
            ],
            [],
            id="reported-12-14-march",
        ),
        pytest.param(
            Filters(include_undated=False, date_basis="happened", **MID),
            DENIALS,
            [],
            id="happened-12-14-march",
        ),
        pytest.param(
            Filters(start=date(2030, 3, 20), end=date(2030, 3, 20), include_undated=False),
            ["t04-ev01", "t04-ev02"],
            [],
            id="one-day",
        ),
    ],
)
def test_filters_keep_the_answers_of_shown_rows(ds, filters, events, context):
    view = apply_filters(ds, filters)
    assert sorted(view.events["event_id"]) == events
    assert sorted(view.answering["event_id"]) == context


def test_actor_filter_shows_the_denials_marked_with_their_words(ds):
    view = apply_filters(ds, Filters(actors=("westria",)))
    contested = responses.contested(view, ds)
    marked = contested[contested["shown_because"] != ""]
    assert list(marked["event_id"]) == DENIALS
    assert set(marked["shown_because"]) == {"answers a shown row"}
    answers = responses.answers_table(view, ds)
    assert list(
        zip(
            answers["answer"],
            answers["answers"],
            answers["when"],
            answers["shown because"],
            strict=True,
        )
    ) == [
        ("t01-ev03", "t01-ev01", "12 Mar 2030", "answers a shown row"),
        ("t03-ev02", "t03-ev01", "12 Mar 2030", "answers a shown row"),
    ]
    words = dict(zip(answers["answer"], answers["in their words"], strict=False))
    assert words["t01-ev03"] == "Norland's foreign ministry denied the report on March 12."


@pytest.mark.parametrize(
    ("filters", "counts", "words"),
    [
        pytest.param(Filters(), (10, 1), "10 dated rows · 1 undated included", id="all"),
        pytest.param(
            Filters(**MID), (9, 1), "9 dated in range · 1 undated included", id="12-14-march"
        ),
        pytest.param(
            Filters(include_undated=False, **MID),
            (9, 0),
            "9 dated in range · undated left out",
            id="left-out",
        ),
        pytest.param(
            Filters(date_basis="happened"),
            (3, 8),
            "3 dated rows · 8 undated included",
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
        pytest.param(Filters(), (date(2030, 3, 1), date(2030, 3, 20)), id="all"),
        pytest.param(Filters(**MID), (date(2030, 3, 12), date(2030, 3, 14)), id="clipped-to-range"),
        pytest.param(
            Filters(start=date(2030, 3, 1), end=date(2030, 3, 5)),
            (date(2030, 3, 1), date(2030, 3, 5)),
            id="window-wider-than-range",
        ),
        pytest.param(
            Filters(actors=("norland-foreign-ministry",)),
            (date(2030, 3, 12), date(2030, 3, 12)),
            id="rows-narrower",
        ),
        pytest.param(Filters(stances=("uncertain",)), None, id="undated-only"),
    ],
)
def test_overview_span_follows_the_filter(ds, filters, span):
    assert tallies.shown_span(apply_filters(ds, filters)) == span


def test_date_span_by_basis(ds):
    assert date_span(ds) == (date(2030, 3, 1), date(2030, 3, 20))
    assert date_span(ds, "happened") == (date(2030, 3, 1), date(2030, 3, 12))
    assert date_span(ds, "reported") == (date(2030, 3, 11), date(2030, 3, 20))
