"""Dates that arrive in a link (?dates=…&dates=…): read them honestly, or say why not.

The date widget silently drops what it cannot use (a non-date, a date outside the data's
span) and silently keeps what it should not (a reversed range, three dates). This checks the
raw values first, so the sidebar can say what it did with them, in the same notice it gives
for unknown actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class UrlDates:
    """What to do with the link's dates: `override` means use `dates` (None: no date filter)
    instead of the widget's value; `notice` says why, in words."""

    dates: tuple[date, date] | None = None
    override: bool = False
    notice: str | None = None


def _quoted(values: list[str]) -> str:
    return ", ".join(f"‘{v[:20]}’" for v in values[:4]) + (" …" if len(values) > 4 else "")


def check_url_dates(values: list[str], span: tuple[date, date] | None) -> UrlDates:
    """Check the raw `dates` values of a link against the data's span."""
    values = [v for v in values if v]
    if not values:
        return UrlDates()
    if len(values) > 2:
        return UrlDates(
            None,
            True,
            f"Ignored from the link: dates {_quoted(values)} "
            "(a range takes two dates); no date filter is applied.",
        )
    parsed = []
    for v in values:
        try:
            parsed.append(date.fromisoformat(v))
        except ValueError:
            return UrlDates(
                None,
                True,
                f"Ignored from the link: dates {_quoted(values)} "
                f"(‘{v[:20]}’ is not a YYYY-MM-DD date); no date filter is applied.",
            )
    if span is not None and any(d < span[0] or d > span[1] for d in parsed):
        return UrlDates(
            None,
            True,
            f"Ignored from the link: dates {_quoted(values)} (outside "
            f"the data's dates, {span[0]} to {span[1]}); no date filter is applied.",
        )
    if len(parsed) == 2 and parsed[0] > parsed[1]:
        lo, hi = parsed[1], parsed[0]
        return UrlDates(
            (lo, hi),
            True,
            f"Swapped from the link: dates {_quoted(values)} were reversed; read as {lo} to {hi}.",
        )
    return UrlDates()
