"""The sidebar's typed From / To dates: each accepted form, and each refusal in words."""

from datetime import date

import pytest

from dashboard.views.typed_dates import Typed, read_date, read_range

SPAN = (date(2024, 10, 21), date(2024, 11, 20))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2024-11-15", date(2024, 11, 15), id="iso"),
        pytest.param(" 2024-11-15 ", date(2024, 11, 15), id="blanks"),
        pytest.param("15 Nov 2024", date(2024, 11, 15), id="day-month-abbr"),
        pytest.param("15 november 2024", date(2024, 11, 15), id="day-month-name"),
        pytest.param("15 Nov, 2024", date(2024, 11, 15), id="comma"),
        pytest.param("15.11.2024", date(2024, 11, 15), id="dots"),
        pytest.param("15/11/2024", date(2024, 11, 15), id="slashes-day-first"),
        pytest.param("15-11-2024", date(2024, 11, 15), id="dashes-day-first"),
        pytest.param("2024-13-01", None, id="month-13"),
        pytest.param("2024-02-30", None, id="no-such-day"),
        pytest.param("Nov 15", None, id="no-year"),
        pytest.param("yesterday", None, id="words"),
    ],
)
def test_read_date(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        pytest.param(
            "15 Nov 2024", "2024-11-18", Typed((date(2024, 11, 15), date(2024, 11, 18))), id="both"
        ),
        pytest.param("", "2024-11-18", Typed((SPAN[0], date(2024, 11, 18))), id="empty-from"),
        pytest.param("2024-11-15", " ", Typed((date(2024, 11, 15), SPAN[1])), id="empty-to"),
        pytest.param(
            "2024-11-15",
            "2024-13-01",
            Typed(
                None,
                "To: ‘2024-13-01’ is not a date. Type it as 2024-11-15, 15 Nov 2024 or 15.11.2024.",
            ),
            id="not-a-date",
        ),
        pytest.param(
            "2020-01-01",
            "2024-11-18",
            Typed(None, "From: 2020-01-01 is outside the data's dates, 2024-10-21 to 2024-11-20."),
            id="outside",
        ),
        pytest.param(
            "2024-11-18",
            "2024-11-15",
            Typed(None, "From (2024-11-18) is after To (2024-11-15): swap them."),
            id="reversed",
        ),
    ],
)
def test_read_range(first, last, expected):
    assert read_range(first, last, SPAN) == expected
