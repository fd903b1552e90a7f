"""Stated figures: read with their qualifier and bounds; calibres, designations and dates never."""

import pytest

from dashboard.data.quantities import read_number, read_quantity
from dashboard.ingest.dates import find_dates
from dashboard.ingest.figures import find_figures


def figures(text: str) -> list[tuple[str, str, int | None, int | None]]:
    dates = [
        (w.offset, w.end_offset)
        for w in find_dates(text, __import__("datetime").date(2024, 11, 20))
    ]
    return [
        (f.text, f.quantity.qualifier, f.quantity.low, f.quantity.high)
        for f in find_figures(text, dates)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("nearly 50 howitzers", [("nearly 50", "nearly", 45, 49)], id="nearly"),
        pytest.param("almost 50 guns", [("almost 50", "nearly", 45, 49)], id="almost"),
        pytest.param("some 50 launchers", [("some 50", "about", 45, 55)], id="some"),
        pytest.param(
            "about 50,000 soldiers", [("about 50,000", "about", 45_000, 55_000)], id="about"
        ),
        pytest.param("around 3,000 troops", [("around 3,000", "about", 2_500, 3_500)], id="around"),
        pytest.param(
            "approximately 10,900 soldiers",
            [("approximately 10,900", "approximately", 10_850, 10_950)],
            id="approximately",
        ),
        pytest.param(
            "an estimated 12,000 troops",
            [("an estimated 12,000", "approximately", 11_500, 12_500)],
            id="estimated",
        ),
        pytest.param("over 10,000 fighters", [("over 10,000", "over", 10_001, None)], id="over"),
        pytest.param(
            "More than 1,000 containers", [("More than 1,000", "over", 1_001, None)], id="more-than"
        ),
        pytest.param(
            "at least 3,000 troops", [("at least 3,000", "at_least", 3_000, None)], id="at-least"
        ),
        pytest.param("up to 12,000 soldiers", [("up to 12,000", "up_to", 0, 12_000)], id="up-to"),
        pytest.param(
            "as many as 100 missiles", [("as many as 100", "up_to", 0, 100)], id="as-many-as"
        ),
        pytest.param(
            "fewer than 20 launchers", [("fewer than 20", "under", 0, 19)], id="fewer-than"
        ),
        pytest.param("dozens of missiles", [("dozens of", "dozens", 24, 99)], id="dozens"),
        pytest.param("hundreds of troops", [("hundreds of", "hundreds", 200, 999)], id="hundreds"),
        pytest.param(
            "tens of thousands of shells",
            [("tens of thousands of", "thousands", 20_000, 99_999)],
            id="tens-of-thousands",
        ),
        pytest.param("fifty tanks", [("fifty", "exact", 50, 50)], id="word"),
        pytest.param("twenty-five launchers", [("twenty-five", "exact", 25, 25)], id="hyphen-word"),
        pytest.param("two dozen guns", [("two dozen", "exact", 24, 24)], id="two-dozen"),
        pytest.param("some fifty guns", [("some fifty", "about", 45, 55)], id="qualified-word"),
        pytest.param(
            "10,900 soldiers", [("10,900", "exact", 10_900, 10_900)], id="thousands-comma"
        ),
        pytest.param("20 upgraded launchers", [("20", "exact", 20, 20)], id="bare"),
        pytest.param(
            "2 million shells", [("2 million", "exact", 2_000_000, 2_000_000)], id="million"
        ),
        pytest.param(
            "between 10,000 and 12,000 troops",
            [("between 10,000 and 12,000", "range", 10_000, 12_000)],
            id="between",
        ),
        pytest.param(
            "10,000-12,000 troops", [("10,000-12,000", "range", 10_000, 12_000)], id="hyphen-range"
        ),
        pytest.param(
            "11,000 to 12,000 troops",
            [("11,000 to 12,000", "range", 11_000, 12_000)],
            id="to-range",
        ),
        pytest.param("a 10,000-strong force", [("10,000", "exact", 10_000, 10_000)], id="strong"),
        # never counts
        pytest.param("170mm guns", [], id="calibre-mm"),
        pytest.param("240-mm rockets", [], id="calibre-hyphen-mm"),
        pytest.param("122 mm artillery", [], id="calibre-space-mm"),
        pytest.param("152-millimetre shells", [], id="calibre-millimetre"),
        pytest.param("the M1989 Koksan", [], id="designation-m1989"),
        pytest.param("M-1978 howitzers", [], id="designation-m-1978"),
        pytest.param("the BM-27 Uragan", [], id="designation-bm-27"),
        pytest.param("KN-23 missiles", [], id="designation-kn-23"),
        pytest.param("Hwasong-11 missiles", [], id="designation-word-number"),
        pytest.param("T-72 tanks", [], id="designation-t-72"),
        pytest.param("2S19 guns", [], id="designation-digit-first"),
        pytest.param("On November 20", [], id="date-month-day"),
        pytest.param("on 7 November", [], id="date-day-month"),
        pytest.param("in 2024", [], id="year"),
        pytest.param("the 2024 deal", [], id="bare-year"),
        pytest.param("at 9:30 a.m.", [], id="time"),
        pytest.param("20 percent", [], id="percent"),
        pytest.param("$20 million", [], id="money"),
        pytest.param("3 km away", [], id="distance"),
        pytest.param("the 11th Corps", [], id="ordinal"),
        pytest.param("some of the troops", [], id="some-of"),
        pytest.param("30 of the guns", [], id="part-of-whole"),
        pytest.param("one official said", [], id="one"),
    ],
)
def test_figures_in_text(text, expected):
    assert figures(text) == expected


def test_figures_keep_their_offsets():
    text = "nearly 50 M-1978 howitzers and 20 upgraded 240mm launchers based on the BM-27"
    found = find_figures(text)
    assert [(f.text, f.start, f.end) for f in found] == [("nearly 50", 0, 9), ("20", 31, 33)]


@pytest.mark.parametrize(
    ("words", "n"),
    [
        ("10,900", 10_900),
        ("fifty", 50),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("three thousand", 3_000),
        ("a dozen", 12),
        ("1.5 million", 1_500_000),
        ("ten thousand", 10_000),
    ],
)
def test_read_number(words, n):
    assert read_number(words) == n


def test_qualified_bounds_name_their_rule():
    assert read_quantity("over 10,000").basis.startswith("rounding rule for a qualified figure")
    assert read_quantity("dozens of").basis == "'dozens' read as 24..99"
    assert read_quantity("").basis == "no figure given"
