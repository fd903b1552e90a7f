"""Dates a person types into the sidebar's From / To fields: read them, or say why not.

Streamlit 1.67's st.date_input commits a typed date only on blur or Escape: its field has no
Enter handler (read in the bundle, DateInput.*.js, and tried in Chromium: Enter leaves the URL
as it was). A text field commits on Enter, so the typed ends come through these fields, read
here, and the sidebar sets the URL-bound range from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

EXAMPLE = "2024-11-15, 15 Nov 2024 or 15.11.2024"
# Day-month-year first (the dashboard's readers write it so), then the ISO form.
_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y")
_BLANKS = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Typed:
    """The range to apply (None: leave it as it was) and, when refused, why, in words."""

    dates: tuple[date, date] | None
    problem: str | None = None


def read_date(text: str) -> date | None:
    """A typed date in one of the accepted forms, or None."""
    cleaned = _BLANKS.sub(" ", text.strip()).strip()
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _quoted(text: str) -> str:
    return f"‘{text.strip()[:24]}’"


def read_range(first: str, last: str, span: tuple[date, date]) -> Typed:
    """The From / To texts as a range within the data's span, or why they cannot be one."""
    ends = []
    for name, text, default in (("From", first, span[0]), ("To", last, span[1])):
        if not text.strip():
            ends.append(default)  # an emptied end means "from the first / to the last date"
            continue
        day = read_date(text)
        if day is None:
            return Typed(None, f"{name}: {_quoted(text)} is not a date. Type it as {EXAMPLE}.")
        if not span[0] <= day <= span[1]:
            return Typed(
                None,
                f"{name}: {day:%Y-%m-%d} is outside the data's dates, "
                f"{span[0]:%Y-%m-%d} to {span[1]:%Y-%m-%d}.",
            )
        ends.append(day)
    if ends[0] > ends[1]:
        return Typed(
            None, f"From ({ends[0]:%Y-%m-%d}) is after To ({ends[1]:%Y-%m-%d}): swap them."
        )
    return Typed((ends[0], ends[1]))
