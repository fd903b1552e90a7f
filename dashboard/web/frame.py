"""What every page shares: the filtered context, cached computations, the page header and notices."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.views import filters as flt

TABLE_ROWS = 1_000  # a grid sends at most this many rows; the Data page's downloads hold them all
LIST_ROWS = 50  # a page lists at most this many rows one by one
UNDATED_HELP = (
    "A row is undated when it has no date of the kind the range applies to (in the sidebar). "
    "Undated rows are kept unless 'Include undated rows' is off."
)


@dataclass(frozen=True)
class Context:
    ds: Dataset
    view: flt.View
    filters: flt.Filters
    span: tuple | None
    actor_labels: dict[str, str]


@st.cache_resource(max_entries=8, show_spinner=False)
def _view(version: str, filters: flt.Filters, _ds: Dataset, _links: pd.DataFrame) -> flt.View:
    """The rows the filters keep, once per dataset version and filters (shared, read-only)."""
    return flt.apply_filters(_ds, filters, _links)


@st.cache_resource(max_entries=32, show_spinner=False)
def _computed(name: str, version: str, filters: flt.Filters, args: tuple, _fn, _ctx) -> object:
    return _fn(_ctx.view, _ctx.ds, *args)


def cached(fn, ctx: Context, *args):
    """fn(view, ds, *args) once per dataset version and filters: page switches and in-page
    widgets rerun without recomputing. The result is shared between sessions: read it only."""
    return _computed(
        f"{fn.__module__}.{fn.__qualname__}", ctx.ds.version, ctx.filters, args, fn, ctx
    )


def reset_filters(span) -> None:
    """Callback: every filter back to its default (the URL follows the widgets)."""
    st.session_state["dates"] = span
    st.session_state["undated"] = True
    st.session_state["date_on"] = "either"
    for key in ("actor", "type", "claimant", "stance"):
        st.session_state[key] = []


def context() -> Context:
    return st.session_state["_ctx"]


def page(title: str, caption: str) -> Context:
    """A page's title and caption; stops the page with a notice when the filters keep nothing."""
    ctx = context()
    st.title(title)
    st.caption(caption)
    st.caption(
        f"{len(ctx.view.events):,} row(s) shown: {flt.undated_words(ctx.view)}.", help=UNDATED_HELP
    )
    if empty_notice(ctx):
        st.stop()
    return ctx


def empty_notice(ctx: Context) -> bool:
    """Say plainly that the filters removed everything, with a one-click reset."""
    if not ctx.view.empty:
        return False
    st.warning("No rows match these filters.", icon=":material/filter_alt_off:")
    st.button(
        "Reset all filters",
        on_click=reset_filters,
        args=(ctx.span,),
        key="reset_empty",
        type="primary",
    )
    return True


def capped(frame: pd.DataFrame, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The first `limit` rows; when the filters keep more, the page says so (sent rows stay few)."""
    if len(frame) > limit:
        st.caption(
            f"The first {limit:,} of {len(frame):,} rows are shown. Narrow the filters, "
            "or download them all from the Data page."
        )
    return frame.head(limit)
