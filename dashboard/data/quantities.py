"""Turn a figure as the press states it ("nearly 50") into its qualifier and integer bounds."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# The article's qualifier words -> the codebook's qualifier (schema.QUANTITY_QUALIFIERS).
QUALIFIERS = {
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "approximately": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "over": "over",
    "more than": "over",
    "upwards of": "over",
    "in excess of": "over",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "up to": "up_to",
    "as many as": "up_to",
    "fewer than": "under",
    "less than": "under",
    "under": "under",
}
# "dozens of" and its kin name an order of magnitude, not a figure: the bounds are the
# smallest and largest amounts the plural allows (two dozen up to, not including, a hundred).
INDEFINITE = {
    "dozens": ("dozens", 24, 99),
    "scores": ("dozens", 40, 99),
    "hundreds": ("hundreds", 200, 999),
    "thousands": ("thousands", 2_000, 9_999),
    "tens of thousands": ("thousands", 20_000, 99_999),
}
UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}
NUMBER_WORDS = "|".join(sorted({*UNITS, *TENS, *SCALES} - {"a", "an"}, key=len, reverse=True))

ROUNDING_BASIS = (
    "rounding rule for a qualified figure: it covers +/- half the unit of its last non-zero "
    "digit; 'nearly' keeps the part below the figure, 'over' everything above it, open-ended "
    "(a bare figure is exact)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS})(?:\s+(?:thousand|million))?|(?:(?:a|an|{NUMBER_WORDS})[\s-]+)*(?:{NUMBER_WORDS})"
_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_STATED = re.compile(
    rf"^\s*(?:(?P<q>{_QUALIFIER})\s+)?(?:between\s+)?(?P<n>{_NUMBER})"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<n2>{_NUMBER}))?\s*$"
)
_INDEFINITE = re.compile(
    r"^\s*(?P<w>tens of thousands|dozens|scores|hundreds|thousands)(?:\s+of)?\s*$"
)


@dataclass(frozen=True)
class Quantity:
    qualifier: str
    low: int | None
    high: int | None  # None: open-ended
    basis: str


def rounding_unit(n: int) -> int:
    """The unit of a figure's last non-zero digit: 50 -> 10, 10,900 -> 100, 20 -> 10, 7 -> 1."""
    if n == 0:
        return 1
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit


def read_number(words: str) -> int:
    """'10,900' -> 10900, 'fifty' -> 50, 'twenty-five' -> 25, 'two dozen' -> 24, '1.5 million'."""
    words = words.lower().strip()
    m = re.fullmatch(rf"({_DIGITS})(?:\s+(thousand|million))?", words)
    if m:
        value = float(m.group(1).replace(",", "")) * SCALES.get(m.group(2) or "", 1)
        if value != int(value):
            raise ValueError(f"not a whole number: {words!r}")
        return int(value)
    total = current = 0
    tokens = re.split(r"[\s-]+", words)
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1_000:
                total, current = total + current, 0
        else:
            raise ValueError(f"cannot read a number from {words!r}")
    return total + current


def read_quantity(stated: str) -> Quantity:
    """The qualifier, bounds and the rule that gave them, for a stated figure."""
    if not stated or not stated.strip():
        return Quantity("unstated", None, None, "no figure given")
    text = " ".join(stated.lower().split())
    indefinite = _INDEFINITE.match(text)
    if indefinite:
        qualifier, low, high = INDEFINITE[indefinite["w"]]
        return Quantity(qualifier, low, high, f"'{indefinite['w']}' read as {low}..{high}")
    match = _STATED.match(text)
    if not match:
        raise ValueError(f"cannot read a quantity from {stated!r}")
    n = read_number(match["n"])
    if match["n2"]:
        n2 = read_number(match["n2"])
        if n2 <= n:
            raise ValueError(f"a range must rise: {stated!r}")
        return Quantity("range", n, n2, "a stated range: its two ends")
    if match["q"] is None:
        return Quantity("exact", n, n, "rounding rule: a bare figure is exact")
    qualifier = QUALIFIERS[match["q"]]
    half = rounding_unit(n) / 2
    bounds = {
        "nearly": (math.ceil(n - half), n - 1),
        "over": (n + 1, None),
        "at_least": (n, None),
        "up_to": (0, n),
        "under": (0, n - 1),
    }.get(qualifier, (math.ceil(n - half), math.floor(n + half)))
    return Quantity(qualifier, *bounds, ROUNDING_BASIS)


def quantity_bounds(stated: str) -> tuple[str, int | None, int | None]:
    """(qualifier, low, high) for a stated figure; high None means open-ended.

    A bare figure is exact. Otherwise the figure covers +/- half the unit of its last non-zero
    digit ("about 50,000" -> 45,000..55,000); "nearly" keeps the part below the figure, "over"
    everything above it. An empty statement is "unstated" with no bounds.
    """
    q = read_quantity(stated)
    return q.qualifier, q.low, q.high
