"""bench/memory.py: the date ranges it opens the pages with, and the links it builds."""

from datetime import date

from bench.memory import page_url, ranges


class FakeServer:
    url = "http://127.0.0.1:8501"


def test_ranges_narrow_by_thirty_days_at_both_ends():
    assert ranges(2) == [
        (date(2023, 10, 1), date(2025, 5, 31)),
        (date(2023, 10, 31), date(2025, 5, 1)),
    ]


def test_page_links_carry_the_range_as_the_sidebar_reads_it():
    dates = (date(2023, 10, 1), date(2025, 5, 31))
    assert page_url(FakeServer(), "/", dates) == (
        "http://127.0.0.1:8501?dates=2023-10-01&dates=2025-05-31"
    )
    assert page_url(FakeServer(), "/timeline", dates) == (
        "http://127.0.0.1:8501/timeline?dates=2023-10-01&dates=2025-05-31"
    )
