"""Turn a figure as the press states it ("nearly 50") into its qualifier and integer bounds."""

from __future__ import annotations

import math
import re

QUALIFIERS = {
    "nearly": "nearly",
    "almost": "nearly",
    "approximately": "approximately",
    "about": "about",
    "around": "about",
    "some": "about",
    "over": "over",
    "more than": "over",
}
_STATED = re.compile(r"^\s*(?:(?P<q>[a-z]+(?: than)?)\s+)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*$")


def rounding_unit(n: int) -> int:
    """The unit of a figure's last non-zero digit: 50 -> 10, 10,900 -> 100, 20 -> 10, 7 -> 1."""
    if n == 0:
        return 1
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit


def quantity_bounds(stated: str) -> tuple[str, int | None, int | None]:
    """(qualifier, low, high) for a stated figure; high None means open-ended.

    A bare figure is exact. Otherwise the figure covers +/- half the unit of its last non-zero
    digit ("about 50,000" -> 45,000..55,000); "nearly" keeps the part below the figure, "over"
    everything above it. An empty statement is "unstated" with no bounds.
    """
    if not stated or not stated.strip():
        return "unstated", None, None
    match = _STATED.match(stated.lower())
    if not match:
        raise ValueError(f"cannot read a quantity from {stated!r}")
    n = int(match["n"].replace(",", ""))
    word = match["q"]
    if word is None:
        return "exact", n, n
    if word not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {word!r} in {stated!r}")
    qualifier = QUALIFIERS[word]
    half = rounding_unit(n) / 2
    if qualifier == "nearly":
        return qualifier, math.ceil(n - half), n - 1
    if qualifier == "over":
        return qualifier, n + 1, None
    return qualifier, math.ceil(n - half), math.floor(n + half)
