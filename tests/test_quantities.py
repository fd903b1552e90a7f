import pytest

from dashboard.data.quantities import quantity_bounds, rounding_unit


@pytest.mark.parametrize(
    ("n", "unit"),
    [(50, 10), (10_900, 100), (20, 10), (7, 1), (50_000, 10_000), (0, 1), (10_001, 1)],
)
def test_rounding_unit(n, unit):
    assert rounding_unit(n) == unit


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        pytest.param("nearly 50", ("nearly", 45, 49), id="nearly"),
        pytest.param("almost 50", ("nearly", 45, 49), id="almost"),
        pytest.param("approximately 10,900", ("approximately", 10_850, 10_950), id="approx"),
        pytest.param("about 50,000", ("about", 45_000, 55_000), id="about"),
        pytest.param("over 10,000", ("over", 10_001, None), id="over-open"),
        pytest.param("more than 10,000", ("over", 10_001, None), id="more-than"),
        pytest.param("20", ("exact", 20, 20), id="bare"),
        pytest.param("", ("unstated", None, None), id="empty"),
    ],
)
def test_quantity_bounds(stated, expected):
    assert quantity_bounds(stated) == expected


@pytest.mark.parametrize("stated", ["a lot", "50 or so", "12,000 to 10,000", "2.5"])
def test_unreadable_quantities_raise(stated):
    with pytest.raises(ValueError):
        quantity_bounds(stated)
