"""Links to a row's page: its address, and the grid column that shows ids as links."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard.builders.palette import NOT_STATED
from dashboard.builders.text import md

ROW_PAGE = "row"  # the Row page's url_path in dashboard.pages
LINK_COLUMN = "row page"


def row_url(row_id: str) -> str:
    """The Row page for an id, relative to the app's root: 'row?id=000-tr03'."""
    return f"{ROW_PAGE}?id={quote(str(row_id), safe='')}"


def row_link_md(row_id: str) -> str:
    """A Markdown link to the Row page; ids are [a-z0-9-_] (schema.ID_PATTERN), so the text
    is escaped anyway and the address is quoted."""
    return f"[{md(row_id)}]({row_url(row_id)})"


def link_column(label: str = LINK_COLUMN, **kw) -> st.column_config.LinkColumn:
    """Shows 'row?id=000-tr03' as '000-tr03', opening the Row page."""
    return st.column_config.LinkColumn(label, display_text=r"row\?id=(.+)$", **kw)


def row_link_config() -> dict:
    """The column config of with_row_links' link column."""
    return {LINK_COLUMN: link_column(help="Open the row's own page: every field in words")}


def with_row_links(frame: pd.DataFrame, id_column: str) -> tuple[pd.DataFrame, dict]:
    """The frame with a leading 'row page' link column for its ids, and its column config."""
    urls = frame[id_column].map(row_url) if len(frame) else frame[id_column]
    out = frame.copy(deep=False)
    out.insert(0, LINK_COLUMN, urls)
    return out, row_link_config()


def as_links(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, dict]:
    """The frame with the given id columns turned into links to their Row pages."""
    out = frame.copy(deep=False)
    for c in columns:
        out[c] = out[c].map(lambda v: row_url(v) if isinstance(v, str) and v else v)
    return out, {c: link_column(c) for c in columns}


UNDATED_LIST_ROWS = 20  # the Timeline lists this many undated rows as text; more go in a grid


def undated_lines(table: pd.DataFrame) -> str:
    """One Markdown list item per undated row (sections.undated_table, worded): the summary,
    what, who says so and their stance, the words for when, and the link to its row; every
    value escaped, a missing one 'not stated'."""

    def shown(value) -> str:
        return NOT_STATED if value is None or pd.isna(value) else md(value)

    items = []
    for r in table.to_dict("records"):
        items.append(
            f"- **{shown(r['summary'])}** · {shown(r['event type'])} · "
            f"{shown(r['claimant'])} ({shown(r['stance'])}) · "
            f"when: {shown(r['when (as written)'])} · reported: {shown(r['reported'])} · "
            f"{row_link_md(r['id'])}"
        )
    return "\n".join(items)
