"""Find the stated figures in a sentence ("nearly 50", "10,900", "dozens of") and nothing else.

A calibre (170mm, 240-mm), a designation (M1989, M-1978, BM-27, KN-23), a date, a year, a
time, a share or a sum of money is not a count and is never read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.data.quantities import _QUALIFIER, NUMBER_WORDS, Quantity, read_quantity

_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_WORDS = rf"(?:(?:a|an|{NUMBER_WORDS})[\s-]+)*(?:{NUMBER_WORDS})"
_NUM = rf"(?:(?:{_DIGITS})(?:\s+(?:thousand|million))?|{_WORDS})"
FIGURE = re.compile(
    rf"(?<![\w.,-])(?:(?P<q>{_QUALIFIER})\s+)?(?:between\s+)?(?P<n>{_NUM})"
    rf"(?:\s*(?:to|–|-|and)\s*(?P<n2>{_NUM}))?(?![\w])"
    rf"|(?<!\w)(?P<ind>tens\s+of\s+thousands|dozens|scores|hundreds|thousands)\s+of\b",
    re.IGNORECASE,
)
# What may follow a number that makes it a measure, not a count.
_UNIT_AFTER = re.compile(
    r"^(?:\s*-?\s*(?:mm|millimet(?:er|re)s?|cm|km|kilomet(?:er|re)s?|kg|tons?|tonnes?|metres?|meters?"
    r"|miles?|%|percent|per\s+cent|years?\b|-year|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b"
    r"|a\.m\.|p\.m\.|am\b|pm\b|calib(?:er|re)|dollars?|won\b|rubles?|roubles?|euros?|billion|trillion"
    r"|st\b|nd\b|rd\b|th\b))|^:\d|^\.\d|^[A-Za-z]",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"[$€£₩₽]\s*$|\b(?:US|USD|KRW)\s*$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    quantity: Quantity
    rule: str

    def explain(self) -> str:
        q = self.quantity
        high = "open" if q.high is None else q.high
        return f'"{self.text}" → {q.qualifier} {q.low}..{high} (quantities rule: {self.rule})'


def _not_a_count(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> str | None:
    """Why the number at m is not a count, or None when it is one."""
    s, e = m.start("n"), m.end("n2") if m.group("n2") else m.end("n")
    if any(s < te and ts < e for ts, te in taken):
        return "date"
    before = text[max(0, s - 3) : s]
    if re.search(r"[A-Za-z]-?$", before) or re.search(r"\w[-‐]$", before):
        return "designation"
    if re.search(r"(?:No\.|#)\s*$", text[max(0, s - 4) : s]):
        return "number sign"
    if _MONEY_BEFORE.search(text[max(0, s - 4) : s]):
        return "money"
    if _UNIT_AFTER.search(text[e : e + 14]):
        return "measure"
    if re.fullmatch(r"\d+", m.group("n")) and _YEAR.match(m.group("n")) and not m.group("q"):
        return "year"
    if re.search(r"^\s+of\s+(?:the|them|those|these|its|their)\b", text[e : e + 12]):
        return "part of a whole"
    return None


def find_figures(text: str, date_spans: list[tuple[int, int]] = ()) -> list[Figure]:
    """Every count in `text` with its qualifier and bounds; `date_spans` are not read."""
    out: list[Figure] = []
    taken = list(date_spans)
    for m in FIGURE.finditer(text):
        if m.group("ind"):
            words = " ".join(m.group("ind").lower().split())
            out.append(Figure(m.group(0), m.start(), m.end(), read_quantity(words), "indefinite"))
            continue
        if _not_a_count(text, m, taken):
            continue
        start = m.start()
        end = m.end("n2") if m.group("n2") else m.end("n")
        stated = text[start:end]
        if re.fullmatch(r"(?i)(?:a|an|one)", m.group("n").strip()):
            continue  # "one official", "a dozen" without more is read, "one" alone is not a figure
        try:
            quantity = read_quantity(stated)
        except ValueError:
            continue
        rule = "range" if m.group("n2") else (m.group("q") or "bare figure").lower()
        out.append(Figure(stated, start, end, quantity, rule))
    return out
