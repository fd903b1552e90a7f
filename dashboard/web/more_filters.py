"""The sidebar's secondary filters (article, source reliability, information credibility): a
"More filters" expander whose widgets are created only when it is open or one of them is set.

Each widget the browser draws costs it time on the first paint and on every rerun; these three
are set rarely, so while they are at their defaults they are not created at all. A bound widget
that is not created in a run loses its state and its URL parameter, so once one is set (in this
session, or by a shared link's ?article=… or ?reliability=…) all three are created, open or not.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.views import grades

KEYS = ("article", "reliability", "credibility")
EXPANDER_KEY = "more_filters"
LABEL = "More filters: article, reliability, credibility"
RELIABILITY_CHOICES = {
    g: g if g == "A" else f"{g} or better" for g in grades.RELIABILITY_THRESHOLDS
}
CREDIBILITY_CHOICES = {
    g: g if g == "1" else f"{g} or better" for g in grades.CREDIBILITY_THRESHOLDS
}
GRADE_HELP = grades.SCALE_HELP
ANY_GRADE = "Any, graded or not"


@dataclass(frozen=True)
class Picked:
    """What the three filters hold: article labels and grade thresholds (None: any grade)."""

    articles: tuple[str, ...] = ()
    reliability: str | None = None
    credibility: str | None = None


def _from_link(key: str) -> list[str]:
    """A parameter's values as the link gave them (before any widget corrects them)."""
    try:
        return st.query_params.get_all(key)
    except Exception:
        return []


def _set(key: str, allowed: list[str]) -> tuple[bool, bool]:
    """(create the widget, the filter is active): set in this session, or, before its widget
    first ran, given by the link. A link's unknown value only creates the widget, which then
    drops it from the URL (the sidebar says it was ignored)."""
    if key in st.session_state:
        value = bool(st.session_state[key])  # [] and None are the defaults
        return value, value
    values = _from_link(key)
    return bool(values), any(v in allowed for v in values)


def label(active: int) -> str:
    return f"{LABEL} ({active} active)" if active else LABEL


def render(sb, article_choices: list[str]) -> Picked:
    """The expander, and inside it the three widgets when it is open or one is set."""
    allowed = {
        "article": article_choices,
        "reliability": list(RELIABILITY_CHOICES.values()),
        "credibility": list(CREDIBILITY_CHOICES.values()),
    }
    state = [_set(key, allowed[key]) for key in KEYS]
    active = sum(on for _, on in state)
    # Open by itself when a filter is set, until the reader closes it. Kept in its key rather
    # than passed as `expanded`: the label (with its count) is part of the expander's identity,
    # and a new identity would otherwise start from `expanded` again.
    st.session_state[EXPANDER_KEY] = st.session_state.get(EXPANDER_KEY, active > 0)
    box = sb.expander(label(active), key=EXPANDER_KEY, on_change="rerun", icon=":material/tune:")
    if not (box.open or any(create for create, _ in state)):
        return Picked()
    articles = box.multiselect(
        "Article / publisher",
        article_choices,
        key="article",
        bind="query-params",
        placeholder="All articles",
    )
    reliability = _threshold(box, "Source reliability", "reliability", RELIABILITY_CHOICES)
    credibility = _threshold(box, "Information credibility", "credibility", CREDIBILITY_CHOICES)
    return Picked(tuple(articles), reliability, credibility)


def _threshold(box, label: str, key: str, choices: dict[str, str]) -> str | None:
    """A grade threshold's selectbox (bound to the URL); the grade picked, None for any."""
    by_label = {v: k for k, v in choices.items()}
    picked = box.selectbox(
        label,
        list(by_label),
        index=None,
        key=key,
        bind="query-params",
        placeholder=ANY_GRADE,
        help=GRADE_HELP,
    )
    return by_label.get(picked)
