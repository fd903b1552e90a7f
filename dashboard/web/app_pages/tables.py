"""Data: the filtered tables, and downloads that carry their filter and a citation."""

from datetime import date
from functools import partial

import streamlit as st

from dashboard.builders import export
from dashboard.builders.downloads import cited, downloads
from dashboard.data.changelog import read_changelog
from dashboard.schema import TABLES
from dashboard.views import articles, datagrid, labels
from dashboard.web import analyses, frame, links

ctx = frame.page(
    "Data",
    "The rows under the current filters. Downloads hold every filtered row and cite the dataset version.",
)

SHOWN = 1_000  # the grid shows at most this many rows; downloads hold them all
TABS = {"events": "Events", "transfers": "Transfers", "locations": "Locations"}
TITLE = "North Korean arms transfers to Russia: curated claims"


def column_config(table: str, columns) -> dict:
    """Each field's header in words with the codebook's description (and the file's column
    name) on hover; the registry's long-text columns wide."""
    widths = datagrid.grid_columns(table)
    config = {}
    for name in columns:
        help_ = labels.grid_help(table, name)
        if help_ is None:
            continue
        width = widths[name].width if name in widths else None
        config[labels.grid_label(table, name)] = st.column_config.Column(width=width, help=help_)
    return config


def table_citation(view, ds, table: str, cite_items: tuple) -> tuple[str, dict[str, str]]:
    """(the table's undated note, its citation with the articles its rows come from): the
    articles of a million rows take a second to list, so once per filters, not per rerun
    (and counted on the rows' article codes: analyses.table_articles)."""
    undated = datagrid.undated_note(view, ds, table)
    ids = articles.table_articles(view, ds, analyses.article_codes(ds), table)
    return undated, cited(dict(cite_items), datagrid.shown_count(view, table), ds, undated, ids)


def shown_grid(view, ds, table: str) -> tuple:
    """(the grid: the first SHOWN rows in words, with their row links; the columns before
    they were put in words): once per filters, not per rerun."""
    grid, _ = links.with_row_links(
        datagrid.first_rows(view, ds, table, SHOWN), TABLES[table].primary_key
    )
    return labels.readable_grid(ds, table, grid), list(grid.columns)


f = ctx.filters
actors = datagrid.actor_names(ctx.ds, f.actors)
narrowed = datagrid.narrowed_beyond_dates_and_actors(f)
cite = export.citation(ctx.ds.version, datagrid.describe_filters(ctx.ds, f), date.today(), TITLE)
shown_cite = cite | {"articles": analyses.articles_cited(ctx)}


def show_table(table: str) -> None:
    """Under these filters: one table's row count, undated note, grid (its first SHOWN rows)
    and downloads."""
    n = datagrid.shown_count(ctx.view, table)
    stem = export.file_stem(table, f.start, f.end, actors, narrowed)
    more = f"; the first {SHOWN:,} are shown" if n > SHOWN else ""
    st.caption(f"{n:,} row(s){more}")
    undated, table_cite = frame.cached(table_citation, ctx, table, tuple(cite.items()))
    st.caption(
        f"{undated[0].upper()}{undated[1:]}; downloads say so in their citation. Files "
        "carry names beside ids and the article's publisher, date and address; the XLSX "
        "has date cells, filters and a codebook sheet."
    )
    grid, columns = frame.cached(shown_grid, ctx, table)
    st.dataframe(
        grid,
        hide_index=True,
        width="stretch",
        key=f"table_{table}",
        column_config=column_config(table, columns) | links.row_link_config(),
        row_height=60,
    )
    # The rows in full are made on a click (a million of them are not copied on each run).
    rows = partial(getattr, ctx.view, table)
    files = downloads(rows, table, table_cite, ctx.ds.locations, ctx.ds)
    columns = [c for _ in range(0, len(files), 3) for c in st.columns(3)]  # three a row
    for column, d in zip(columns, files, strict=False):
        column.download_button(
            d.label,
            data=d.data,
            file_name=f"{stem}{d.suffix}",
            mime=d.mime,
            on_click="ignore",
            key=f"{d.key}_{table}",
            icon=d.icon,
        )


with st.expander("Citation for these rows: the dataset version and the articles they come from"):
    st.code(export.citation_text(shown_cite).decode("utf-8"), language=None, wrap_lines=True)

# Only the open tab's table is built and sent (three 1,000-row grids were 2.13 MB a run at a
# million events); the open tab is in the URL (?table=Transfers), so a link opens it again.
tabs = st.tabs(list(TABS.values()), key="table", bind="query-params")
for table, tab in zip(TABS, tabs, strict=True):
    if tab.open:
        with tab:
            show_table(table)
# Dataset history: one line per merge (datasets/CHANGELOG.csv), newest first
st.subheader("Dataset history")
history, unreadable = read_changelog(ctx.ds.folder)
if unreadable:
    st.warning(
        f"{ctx.ds.folder.name}/CHANGELOG.csv could not be read: {unreadable[0].message} (line {unreadable[0].line})."
    )
elif history is None or history.empty:
    st.caption("No merge is recorded yet: this folder has no CHANGELOG.csv lines.")
else:
    st.caption(
        f"{len(history):,} merge(s), newest first. This download's dataset version is `{ctx.ds.version}`."
    )
    st.dataframe(frame.capped(history), hide_index=True, width="stretch", key="changelog")
