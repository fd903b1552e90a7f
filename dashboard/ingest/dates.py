"""A small date grammar: the article's words for a date, resolved against its publication date.

Common date libraries return nothing for "late October" or "earlier this month" and put a
weekday a week early, so the grammar is written here. Every phrase becomes a window
(start, end) with a precision from the codebook; a phrase too vague for a window ("in recent
weeks") is kept as words with precision `unknown`. A year the words do not give is taken from
the publication date and flagged (`year_inferred`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Thirds of a month, as the codebook reads them ("late October" is 21-31 October).
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
PART_WORDS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)"

# Order matters: longer and more precise forms first; matched spans are not read again.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE if name in {"relative", "vague", "week"} else 0))
    for name, rx in (
        ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
        (
            "day_month",
            rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?!\w)",
        ),
        ("month_day", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!,?\d)(?:,?\s+(?P<y>{_YEAR})\b)?"),
        (
            "part_month",
            rf"\b(?P<part>{_PART})[\s-]*(?P<mon>{_MONTH})(?:\s+(?P<y>{_YEAR}))?(?!\w)",
        ),
        (
            "relative",
            r"\b(?:(?P<part>early|mid|late|(?:at\s+)?the\s+(?:beginning|start|middle|end)\s+of)[\s-]*)?"
            r"(?P<rel>earlier\s+this\s+month|later\s+this\s+month|this\s+month|last\s+month"
            r"|the\s+previous\s+month|next\s+month|earlier\s+this\s+week|this\s+week|last\s+week"
            r"|the\s+previous\s+week|next\s+week|(?:over\s+the\s+|last\s+)weekend"
            r"|yesterday|today|tomorrow)\b",
        ),
        ("weekday", rf"\b(?:(?P<which>last|next|this|on)\s+)?(?P<wd>{_WD})\b"),
        ("month", rf"\b(?P<mon>{_MONTH})(?:\s+(?P<y>{_YEAR}))?(?!\w)"),
        ("year", rf"\b(?:in|since|during|of|by)\s+(?P<y>{_YEAR})\b(?![-,\d])"),
        (
            "vague",
            r"\b(?:in\s+recent\s+(?:days|weeks|months)|recently|in\s+the\s+near\s+future|soon"
            r"|in\s+the\s+(?:coming|next\s+few)\s+(?:days|weeks|months)|in\s+the\s+past\s+(?:few\s+)?"
            r"(?:days|weeks|months)|(?:earlier|later)\s+this\s+year|this\s+year|last\s+year|next\s+year)\b",
        ),
    )
)


@dataclass(frozen=True)
class DateWindow:
    text: str  # the article's words
    start: date | None
    end: date | None
    precision: str  # one of schema.DATE_PRECISIONS
    year_inferred: bool  # the year is not in the words but taken from the publication date
    rule: str
    offset: int = 0  # where the words start in the string searched
    basis: str = ""

    @property
    def end_offset(self) -> int:
        return self.offset + len(self.text)

    def explain(self) -> str:
        when = f"{self.start.isoformat()}..{self.end.isoformat()}" if self.start else "no window"
        year = "; year from the publication date (inferred)" if self.year_inferred else ""
        return f'"{self.text}" → {when}, {self.precision} (dates rule: {self.rule}{year})'


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# News mostly reports the past: a date without a year is the latest one that falls no more
# than a month after publication ("in December" in a November article is this December,
# "in January" last January).
FUTURE_REACH = timedelta(days=31)


def _closest_year(month: int, day: int, published: date) -> int:
    """The latest year that puts month/day no later than a month after the publication date."""
    for year in (published.year + 1, published.year, published.year - 1):
        if _safe(year, month, day) <= published + FUTURE_REACH:
            return year
    return published.year - 1


def _safe(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(d: date, months: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + months
    return k // 12, k % 12 + 1


def _part_key(words: str) -> str:
    last = words.lower().replace("at ", "").replace("the ", "").replace(" of", "").strip()
    return PART_WORDS[last.split()[-1]]


def _part_window(year: int, month: int, part: str) -> tuple[date, date]:
    lo, hi = PARTS[part]
    return date(year, month, lo), _safe(year, month, hi)


def _unknown(text: str, rule: str, offset: int, basis: str) -> DateWindow:
    return DateWindow(text, None, None, "unknown", False, rule, offset, basis)


def _resolve(
    name: str, m: re.Match[str], published: date, precision: str, future: bool = False
) -> DateWindow:
    text, off = m.group(0), m.start()
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    inferred = year is None
    if name == "iso":
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
        return DateWindow(text, d, d, "day", False, name, off)
    if name in {"day_month", "month_day"}:
        month, day = _month_number(g["mon"]), int(re.match(r"\d+", g["d"]).group())
        year = year or _closest_year(month, day, published)
        d = date(year, month, day)  # "31 February" raises and is not a date
        return DateWindow(text, d, d, "day", inferred, name, off)
    if name == "part_month":
        month = _month_number(g["mon"])
        year = year or _closest_year(month, 1, published)
        start, end = _part_window(year, month, _part_key(g["part"]))
        return DateWindow(text, start, end, "part_of_month", inferred, name, off)
    if name == "month":
        month = _month_number(g["mon"])
        year = year or _closest_year(month, 1, published)
        return DateWindow(
            text, date(year, month, 1), _month_end(year, month), "month", inferred, name, off
        )
    if name == "year":
        return _unknown(text, name, off, "a year only: no window narrower than the codebook allows")
    if name == "vague":
        return _unknown(text, name, off, "too vague for a window; kept as words")
    if name == "relative":
        return _relative(text, g, published, precision, off)
    return _weekday(text, g, published, precision, off, future)


def _relative(text: str, g: dict, published: date, precision: str, off: int) -> DateWindow:
    rel = " ".join(g["rel"].lower().split())
    month_words = {
        "this month": 0,
        "last month": -1,
        "the previous month": -1,
        "next month": 1,
    }
    if rel in month_words:
        y, mth = _shift_month(published, month_words[rel])
        if g.get("part"):
            start, end = _part_window(y, mth, _part_key(g["part"]))
            return DateWindow(text, start, end, "part_of_month", True, "relative", off)
        return DateWindow(text, date(y, mth, 1), _month_end(y, mth), "month", True, "relative", off)
    if rel in {"earlier this month", "later this month"}:
        if precision != "day":
            y, mth = published.year, published.month
            return DateWindow(
                text, date(y, mth, 1), _month_end(y, mth), "month", True, "relative", off
            )
        if rel.startswith("earlier"):
            start, end = published.replace(day=1), published - timedelta(days=1)
        else:
            start, end = published + timedelta(days=1), _month_end(published.year, published.month)
        if start > end:  # "earlier this month" on the 1st cannot be in this month
            return _unknown(text, "relative", off, "no day of this month before the publication")
        return DateWindow(text, start, end, "part_of_month", True, "relative", off)
    if precision != "day":
        return _unknown(text, "relative", off, "needs a day-precise publication date")
    monday = published - timedelta(days=published.weekday())
    days = {
        "yesterday": (-1, -1),
        "today": (0, 0),
        "tomorrow": (1, 1),
    }
    if rel in days:
        a, b = days[rel]
        s, e = published + timedelta(days=a), published + timedelta(days=b)
        return DateWindow(text, s, e, "day", True, "relative", off)
    weeks = {
        "last week": (monday - timedelta(days=7), monday - timedelta(days=1)),
        "the previous week": (monday - timedelta(days=7), monday - timedelta(days=1)),
        "this week": (monday, monday + timedelta(days=6)),
        "earlier this week": (monday, published - timedelta(days=1)),
        "next week": (monday + timedelta(days=7), monday + timedelta(days=13)),
    }
    if rel in weeks:
        s, e = weeks[rel]
        if s > e:
            return _unknown(text, "relative", off, "no day of this week before the publication")
        # A week has no precision of its own in the codebook; part_of_month is the nearest.
        return DateWindow(text, s, e, "part_of_month", True, "relative", off)
    # weekend: the last Saturday-Sunday before the publication day
    sat = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    return DateWindow(text, sat, sat + timedelta(days=1), "part_of_month", True, "relative", off)


def _weekday(
    text: str, g: dict, published: date, precision: str, off: int, future: bool = False
) -> DateWindow:
    if precision != "day":
        return _unknown(text, "weekday", off, "a weekday needs a day-precise publication date")
    target = WEEKDAYS.index(g["wd"].lower())
    back = (published.weekday() - target) % 7  # a Wednesday named in a Wednesday article: 0
    which = (g.get("which") or "").lower()
    if which in ("", "on", "this") and future:
        # "will meet on Thursday": the coming one (a Thursday article's own day included)
        d = published + timedelta(days=(target - published.weekday()) % 7)
    elif which == "next":
        d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    elif which == "last" and back == 0:
        d = published - timedelta(days=7)
    else:
        d = published - timedelta(days=back)
    return DateWindow(text, d, d, "day", True, "weekday", off)


# A weekday after these words is the coming one, not the last ("Kim will visit on Friday").
FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|expected\s+to|scheduled|due\s+to|set\s+to)\b",
    re.IGNORECASE,
)


_SAID = re.compile(r"\b(?:said|says|told|announced|reported|added|stated|confirmed)\b", re.I)


def _future_before(text: str, start: int) -> bool:
    """Future words shortly before, with no verb of saying between ("..., it said on Monday")."""
    lead = text[max(0, start - 60) : start]
    hits = list(FUTURE.finditer(lead))
    return bool(hits) and not _SAID.search(lead[hits[-1].end() :])


def find_dates(text: str, published: date, precision: str = "day") -> list[DateWindow]:
    """Every date phrase in `text`, left to right, none overlapping another."""
    taken: list[tuple[int, int]] = []
    found: list[DateWindow] = []
    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "month" and m.group("mon") == "May" and not _may_is_month(text, m):
                continue
            try:
                future = name == "weekday" and _future_before(text, m.start())
                window = _resolve(name, m, published, precision, future)
            except ValueError:  # "31 February" is no date, and not a month either
                taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            found.append(window)
    return sorted(found, key=lambda w: w.offset)


def _may_is_month(text: str, m: re.Match[str]) -> bool:
    """'May' is the month after in/of/early/mid/late/since or before a year, not the verb."""
    before = text[: m.start()].split()[-1:] or [""]
    return bool(m.group("y")) or before[0].lower() in {
        "in",
        "of",
        "since",
        "early",
        "mid",
        "late",
        "until",
        "by",
    }


def resolve_phrase(phrase: str, published: date, precision: str = "day") -> DateWindow | None:
    found = find_dates(phrase, published, precision)
    return found[0] if found else None
