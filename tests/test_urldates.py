"""Dates from a link: a reversed range is swapped, three dates, non-dates and dates outside the
data are refused, each with a notice in words; good dates pass untouched."""

from datetime import date

import pytest

from dashboard.views.urldates import UrlDates, check_url_dates

SPAN = (date(2024, 10, 21), date(2024, 11, 20))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param([], UrlDates(), id="none"),
        pytest.param(["2024-11-15", "2024-11-20"], UrlDates(), id="good-range"),
        pytest.param(["2024-11-15"], UrlDates(), id="one-day"),
        pytest.param(
            ["2024-11-20", "2024-11-15"],
            UrlDates(
                (date(2024, 11, 15), date(2024, 11, 20)),
                True,
                "Swapped from the link: dates ‘2024-11-20’, ‘2024-11-15’ were reversed; read as 2024-11-15 to 2024-11-20.",
            ),
            id="reversed-swapped",
        ),
        pytest.param(
            ["2024-11-01", "2024-11-10", "2024-11-15"],
            UrlDates(
                None,
                True,
                "Ignored from the link: dates ‘2024-11-01’, ‘2024-11-10’, ‘2024-11-15’ (a range takes two dates); no date filter is applied.",
            ),
            id="three-dates",
        ),
        pytest.param(
            ["2024-13-01", "2024-11-15"],
            UrlDates(
                None,
                True,
                "Ignored from the link: dates ‘2024-13-01’, ‘2024-11-15’ (‘2024-13-01’ is not a YYYY-MM-DD date); no date filter is applied.",
            ),
            id="not-a-date",
        ),
        pytest.param(
            ["2023-01-01", "2024-11-15"],
            UrlDates(
                None,
                True,
                "Ignored from the link: dates ‘2023-01-01’, ‘2024-11-15’ (outside the data's dates, 2024-10-21 to 2024-11-20); no date filter is applied.",
            ),
            id="out-of-span",
        ),
        pytest.param(
            ["![b](http://127.0.0.2/u.png)"],
            UrlDates(
                None,
                True,
                "Ignored from the link: dates ‘![b](http://127.0.0.’ (‘![b](http://127.0.0.’ is not a YYYY-MM-DD date); no date filter is applied.",
            ),
            id="markdown-payload-cut",
        ),
    ],
)
def test_check_url_dates(values, expected):
    assert check_url_dates(values, SPAN) == expected


def test_without_a_span_only_order_and_form_count():
    assert check_url_dates(["1999-01-01", "2000-01-01"], None) == UrlDates()
