"""What every page shares: the filtered context, cached computations, the page header and notices."""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.builders.palette import words
from dashboard.builders.text import md, md_frame
from dashboard.data.dataset import Dataset
from dashboard.views import datagrid
from dashboard.views import filters as flt
from dashboard.web import memory

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


# Cached views, most recently used last. A view copies the rows it keeps only when a page asks
# for them (filters.View): at a million events one copy is ~0.5 GB (59 columns of 8-byte
# cells), so eight of them (Streamlit's max_entries) would pass the 3 GB budget alone. They are
# kept up to VIEW_ENTRIES and VIEW_CELLS copied cells instead, the oldest costly one dropped
# first; the newest always stays. A view that copied nothing costs nothing.
VIEW_ENTRIES = 8
VIEW_CELLS = 40_000_000  # ≈ 320 MB: one filtered view copied whole at a million events
RELEASE_CELLS = 1_000_000  # dropping more than this many copied cells gives the memory back
_views: OrderedDict[tuple, flt.View] = OrderedDict()
_views_lock = threading.Lock()


def _evict(budget: int, keep: tuple | None = None) -> None:
    """Drop the oldest costly views (never `keep`) until the copied cells fit `budget`. A
    view's cost is read now: its rows are copied after it is cached, by the pages."""
    costs = {k: v.copied_cells() for k, v in _views.items()}
    dropped = 0
    while sum(costs.values()) > budget:
        costly = [k for k, c in costs.items() if c and k != keep]  # oldest first
        if not costly:
            break
        dropped += costs.pop(costly[0])
        _views.pop(costly[0]).release()
    if dropped > RELEASE_CELLS:
        memory.release()  # its rows, freed, back to the system (sessions may still hold it)


def _view(version: str, filters: flt.Filters, _ds: Dataset, _links: pd.DataFrame) -> flt.View:
    """The rows the filters keep, once per dataset version and filters (shared, read-only)."""
    key = (version, filters)
    with _views_lock:
        if key in _views:
            _views.move_to_end(key)
            _evict(VIEW_CELLS, keep=key)
            return _views[key]
        # Room for the new view before it is built and copied (at most a copy of every row),
        # so the peak holds the budget, not the budget and one more view.
        _evict(VIEW_CELLS - (_ds.events.size + _ds.transfers.size))
    view = flt.apply_filters(_ds, filters, _links)  # outside the lock: sessions run in parallel
    with _views_lock:
        _views[key] = view
        _views.move_to_end(key)
        while len(_views) > VIEW_ENTRIES:
            _views.popitem(last=False)[1].release()
        _evict(VIEW_CELLS, keep=key)
    return view


def clear_views() -> None:
    """Forget every cached view (tests; Streamlit's cache clearing does not reach these)."""
    with _views_lock:
        _views.clear()


@st.cache_resource(max_entries=32, show_spinner=False)
def _computed(name: str, version: str, filters: flt.Filters, args: tuple, _fn, _ctx) -> object:
    return _fn(_ctx.view, _ctx.ds, *args)


# Streamlit keeps 32 results, whatever their size: at a million events one result can hold a
# copy of 200,000 rows (the Timeline's undated rows), and 32 of them would be 3 GB. The cells
# of what each result holds are noted here (keys only), and past COMPUTED_CELLS the oldest
# costly results are cleared from Streamlit's cache; the newest always stays.
COMPUTED_CELLS = 24_000_000  # ≈ 190 MB of cells across the cached results
_ledger: OrderedDict[tuple, int] = OrderedDict()
_ledger_lock = threading.Lock()


def result_cells(obj: object, depth: int = 0) -> int:
    """Cells of the frames a result holds: in a frame, a series, or a tuple, list, dict or
    dataclass of them (two levels down)."""
    if isinstance(obj, pd.DataFrame):
        return obj.size
    if isinstance(obj, pd.Series):
        return len(obj)
    if depth >= 2:
        return 0
    if isinstance(obj, dict):
        return sum(result_cells(v, depth + 1) for v in obj.values())
    if isinstance(obj, tuple | list):
        return sum(result_cells(v, depth + 1) for v in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return sum(result_cells(getattr(obj, f.name), depth + 1) for f in dataclasses.fields(obj))
    return 0


def cached(fn, ctx: Context, *args):
    """fn(view, ds, *args) once per dataset version and filters: page switches and in-page
    widgets rerun without recomputing. The result is shared between sessions: read it only."""
    key = (f"{fn.__module__}.{fn.__qualname__}", ctx.ds.version, ctx.filters, args)
    result = _computed(*key, fn, ctx)
    dropped = 0
    with _ledger_lock:
        _ledger[key] = result_cells(result)
        _ledger.move_to_end(key)
        while sum(_ledger.values()) > COMPUTED_CELLS:
            costly = [k for k, c in _ledger.items() if c and k != key]  # oldest first
            if not costly:
                break
            dropped += _ledger.pop(costly[0])
            _computed.clear(*costly[0], None, None)  # fn and ctx are not part of the key
    if dropped > RELEASE_CELLS:
        memory.release()
    return result


def reset_filters(span) -> None:
    """Callback: every filter back to its default (the URL follows the widgets)."""
    st.session_state["dates"] = span
    st.session_state["undated"] = True
    st.session_state["date_on"] = "either"
    for key in ("actor", "type", "claimant", "stance", "article"):
        st.session_state[key] = []
    for key in ("reliability", "credibility"):
        st.session_state[key] = None


def context() -> Context:
    return st.session_state["_ctx"]


def filter_line(ctx: Context) -> str:
    """The active filters and what they leave, dated and undated, in one plain sentence, e.g.
    'Filters: 16 Nov 2024 – 20 Nov 2024 · actor North Korea — 8 events, 5 transfers · 6 dated in
    range · 2 undated included.' (one line: a second near-duplicate count line read as noise)."""
    f = ctx.filters
    names = dict(zip(ctx.ds.actors["actor_id"], ctx.ds.actors["name"], strict=True))
    parts = []
    if f.start and ctx.span and (f.start, f.end) != tuple(ctx.span):
        parts.append(f"{f.start:%-d %b %Y} – {f.end:%-d %b %Y}")
    for label, values in (
        ("actor", [names.get(a, a) for a in f.actors]),
        ("type", [words(t) for t in f.event_types]),
        ("claimant", [names.get(a, a) for a in f.claimants]),
        ("stance", list(f.stances)),
    ):
        if values:
            parts.append(f"{label} {', '.join(values)}")
    if f.articles or f.reliability or f.credibility:  # under "More filters", often closed
        said = datagrid.describe_filters(ctx.ds, f)  # the citation's words for them
        for key, label in (("articles", "article"), ("reliability", ""), ("credibility", "")):
            if said[key]:
                parts.append(f"{label or key} {said[key]}")
    shown = (
        f"{ctx.view.n_events:,} events, {ctx.view.n_transfers:,} transfers · "
        f"{flt.undated_words(ctx.view)}"
    )
    if not parts and f.include_undated:
        return f"No filter: all {shown}."
    return f"Filters: {' · '.join(parts) or 'dated rows only'} — {shown}."


def view_link(path: str | None = None) -> str:
    """This view's address: the page and every filter in the URL (the bound widgets' params)."""
    try:
        base = st.context.url or ""
    except Exception:  # no browser (AppTest)
        base = ""
    if path is not None:
        base = base.rsplit("/", 1)[0] + "/" + path if base else path
    params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    return base + ("?" + urlencode(params) if params else "")


def share_box() -> None:
    """A link to this view to copy (the code box's copy button), and the print view."""
    st.caption("Link to this view, with its filters (copy button at the right):")
    st.code(view_link(), language=None, wrap_lines=True)
    st.link_button("Open the print view", view_link("print"), icon=":material/print:")


def page(title: str, caption: str) -> Context:
    """A page's title, a one-line summary of the active filters and the page's caption; stops
    the page with a notice when the filters keep nothing."""
    ctx = context()
    st.title(title)
    line, share = st.columns([5, 1], vertical_alignment="center")
    with line.container(key="filter_line"):
        st.markdown(f":material/filter_alt: {md(filter_line(ctx))}", help=UNDATED_HELP)
    # Its content is made only while it is open (a click reruns the page): the link box and
    # the print button are not drawn on every first paint and rerun of every page.
    box = share.popover(
        "Share · print", icon=":material/share:", width="stretch", key="share", on_change="rerun"
    )
    with box:
        if box.open:
            share_box()
    st.caption(caption)
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


def static_table(frame: pd.DataFrame) -> None:
    """st.table renders each cell as Markdown: data reaches it only escaped (builders.text)."""
    st.table(md_frame(frame))
