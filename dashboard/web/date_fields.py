"""The sidebar's date range: From / To fields that apply on Enter, and a calendar beside them.

The URL-bound st.date_input ("dates") stays the one place the range is kept (links read and
write `?dates=…&dates=…`), but it sits in the calendar popover: in 1.67 a date typed into it
applies only on blur or Escape (views/typed_dates.py says how this was checked). The From / To
text fields commit on Enter; their callback sets the date input's state, which Streamlit then
writes to the URL (checked in Chromium). After every run the fields show the range applied.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.builders.text import md
from dashboard.views.typed_dates import EXAMPLE, read_range

KEY = "dates"
FROM, TO = "date_from", "date_to"
PROBLEM = "_typed_dates_problem"
FIELD_HELP = (
    f"Type a date and press Enter (Tab works too): {EXAMPLE}. "
    "Leave a field empty for the first or last date."
)


def _apply_typed(span: tuple[date, date], notice_key: str) -> None:
    typed = read_range(st.session_state.get(FROM, ""), st.session_state.get(TO, ""), span)
    st.session_state[PROBLEM] = typed.problem
    if typed.dates is not None:
        st.session_state[KEY] = typed.dates
        st.session_state.pop(notice_key, None)


def _picked(notice_key: str) -> None:
    st.session_state.pop(notice_key, None)
    st.session_state[PROBLEM] = None


def picked_range(value) -> tuple[date | None, date | None]:
    """The date input's value as (start, end); one chosen day is a one-day range."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return value[0], value[1]
    if isinstance(value, (tuple, list)) and len(value) == 1:
        return value[0], value[0]
    return None, None


def date_range(sb, span: tuple[date, date], notice_key: str) -> tuple:
    """Draw the calendar and the cells for the fields (typed_fields fills them once the
    range is known): (start, end) the date input holds, before the link's dates are checked,
    and the two cells."""
    words, calendar = sb.columns([5, 1], vertical_alignment="center", wrap=False)
    words.markdown("**Dates** · rows whose window overlaps the range")
    first, last = sb.columns(2)
    with calendar.popover(
        "", icon=":material/calendar_month:", help="Pick the range on a calendar"
    ):
        picked = st.date_input(
            "Date range (rows whose window overlaps it)",
            value=span,
            min_value=span[0],
            max_value=span[1],
            key=KEY,
            bind="query-params",
            format="YYYY-MM-DD",
            on_change=_picked,
            args=(notice_key,),
        )
    start, end = picked_range(picked)
    return start, end, (first, last)


def typed_fields(cells, shown: tuple[date, date], span, notice_key: str) -> None:
    """The From / To fields showing `shown` (unless the last typing was refused: then what was
    typed stays, with the reason under it)."""
    problem = st.session_state.get(PROBLEM)
    if not problem:
        st.session_state[FROM], st.session_state[TO] = (d.isoformat() for d in shown)
    for cell, label, key in zip(cells, ("From", "To"), (FROM, TO), strict=True):
        cell.text_input(
            label,
            key=key,
            help=FIELD_HELP,
            on_change=_apply_typed,
            args=(span, notice_key),
            placeholder="YYYY-MM-DD",
        )
    if problem:
        st.sidebar.error(md(problem), icon=":material/event_busy:")
