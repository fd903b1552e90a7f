"""The sidebar search box (URL-bound as ?q=): rows of every table by their words, linked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import Dataset
from dashboard.views import search
from dashboard.views.rows import short
from dashboard.web.links import row_link_md

SHOWN = 12  # results listed in the sidebar; the rest are counted
TABLE_WORDS = {
    "actors": "actor",
    "transfers": "transfer",
    "events": "event",
    "locations": "place",
    "claims": "claim",
}


@st.cache_resource(max_entries=4, show_spinner=False)
def _tables(version: str, _ds: Dataset) -> dict[str, pd.DataFrame]:
    return search.searchable(_ds)


@st.cache_resource(max_entries=64, show_spinner=False)
def _found(version: str, query: str, _ds: Dataset) -> pd.DataFrame:
    return search.search_rows(_tables(version, _ds), query)


def render(ds: Dataset) -> pd.DataFrame:
    sb = st.sidebar
    query = sb.text_input(
        "Search rows",
        key="q",
        bind="query-params",
        max_chars=200,
        placeholder="M1989, Uragan, Choe…",
        icon=":material/search:",
        help="Summaries, passages, names and aliases of every row, in every table "
        "(the filters below do not apply). Press Enter.",
    )
    query = (query or "").strip()
    if not query:
        return search.search_rows({}, "")
    found = _found(ds.version, query, ds)
    with sb.container(key="search_results"):
        if found.empty:
            st.caption(f"No row holds “{md(query[:60])}”.")
        else:
            more = f"; the first {SHOWN} are listed" if len(found) > SHOWN else ""
            st.caption(f"{len(found)} row(s) hold “{md(query[:60])}”{more}:")
            lines = [
                f"- {row_link_md(r.row_id)} · {TABLE_WORDS[r.table]} · {md(short(r.what, 90))}"
                for r in found.head(SHOWN).itertuples()
            ]
            st.markdown("\n".join(lines))
    return found
