"""Streamlit glue shared by the pages: the cached loader, the sidebar filters, the notices."""

from __future__ import annotations

import gc
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import filters as flt
from dashboard.data import Dataset, DatasetInvalid, Problem, data_dir, load_dataset
from dashboard.loader import seeds_dir_for
from dashboard.schema import EVENT_TYPES, STANCES

TABLE_ROWS = 1_000  # a grid sends at most this many rows; the Data page's downloads hold them all
LIST_ROWS = 50  # a page lists at most this many rows one by one


@dataclass(frozen=True)
class Context:
    ds: Dataset
    view: flt.View
    filters: flt.Filters
    span: tuple | None
    actor_labels: dict[str, str]


def _signature(folder: Path) -> str:
    """Cheap stand-in for the files' hash: a digest of the name, size and mtime of every table
    and seed. One directory scan each and a short key: the seeds can be thousands of files."""
    entries = []
    for where in (folder, seeds_dir_for(folder)):
        if where.is_dir():
            with os.scandir(where) as scan:
                entries += [(where.name, e.name, (s := e.stat()).st_size, s.st_mtime_ns)
                            for e in scan if e.name.endswith((".csv", ".txt", ".json"))]  # fmt: skip
    return hashlib.sha256(repr(sorted(entries)).encode()).hexdigest()


@st.cache_resource(show_spinner="Loading and validating the dataset…", max_entries=4)
def _load(folder: str, signature: str) -> tuple[Dataset | None, list[Problem], pd.DataFrame | None]:
    # cache_resource, not cache_data: the frames are shared read-only, never copied per rerun.
    try:
        ds = load_dataset(folder)
    except DatasetInvalid as err:
        return None, err.problems, None
    except Exception as err:  # anything unreadable becomes a report, never a traceback
        return None, [Problem(folder, 0, "", "", f"could not be read: {err!r}")], None
    links = flt.actor_links(ds)
    # Streamlit runs a full garbage collection after every script run (runner.postScriptGC):
    # ~70 ms over every module and frame. Freezing what lives as long as the server (the
    # imported modules, this dataset) leaves it only what the runs allocate (bench/, docs/).
    gc.freeze()
    return ds, [], links


def load() -> tuple[Dataset | None, list[Problem], pd.DataFrame | None]:
    folder = data_dir()
    if not folder.is_dir():
        return None, [Problem(str(folder), 0, "", "", "dataset folder not found")], None
    return _load(str(folder), _signature(folder))


def show_problems(folder: Path, problems: list[Problem]) -> None:
    st.error(
        f"The dataset in `{folder.name}` did not pass validation: {len(problems)} problem(s). "
        "Nothing from it is shown until they are fixed. Run `python -m dashboard validate` "
        "for the same report."
    )
    report = pd.DataFrame(
        [(p.file, p.line or None, p.column, p.value, p.message) for p in problems],
        columns=["file", "line", "column", "value", "problem"],
    )
    st.dataframe(report, hide_index=True, width="stretch", key="problems")


def _unknown_from_url(key: str, allowed: list[str]) -> list[str]:
    try:
        values = st.query_params.get_all(key)
    except Exception:
        return []
    return [v for v in values if v and v not in allowed]


@st.cache_resource(max_entries=4)
def _options(version: str, _ds: Dataset) -> tuple:
    """What the filters offer: computed once per dataset version, not on every rerun."""
    ds = _ds
    labels = flt.actor_options(ds.actors)
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    claimant_ids = sorted(set(ds.events["claimant_actor_id"]), key=lambda a: names[a].casefold())
    choices = {
        "actor": list(labels.values()),
        "type": [t for t in EVENT_TYPES if t in set(ds.events["event_type"])],
        "claimant": [names[a] for a in claimant_ids],
        "stance": [s for s in STANCES if s in set(ds.events["stance"])],
    }
    return flt.date_span(ds), labels, names, claimant_ids, choices


def sidebar(ds: Dataset, links: pd.DataFrame) -> Context:
    span, labels, names, claimant_ids, choices = _options(ds.version, ds)
    dropped = {k: _unknown_from_url(k, v) for k, v in choices.items()}
    sb = st.sidebar
    sb.header("Filters")
    start = end = None
    if span:
        picked = sb.date_input(
            "Date range (rows whose window overlaps it)",
            value=span,
            min_value=span[0],
            max_value=span[1],
            key="dates",
            bind="query-params",
            format="YYYY-MM-DD",
        )
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            start, end = picked
        elif isinstance(picked, (tuple, list)) and len(picked) == 1:
            start = end = picked[0]
    undated = sb.toggle("Include undated rows", value=True, key="undated", bind="query-params")
    by_label = {v: k for k, v in labels.items()}
    actors = sb.multiselect("Actor (a state includes its people and forces)", choices["actor"],
                            key="actor", bind="query-params", placeholder="All actors")  # fmt: skip
    types = sb.multiselect("Event type", choices["type"], key="type", bind="query-params",
                           placeholder="All types")  # fmt: skip
    claimants = sb.multiselect("Claimant (who says so)", choices["claimant"], key="claimant",
                               bind="query-params", placeholder="All claimants")  # fmt: skip
    stances = sb.multiselect("Stance", choices["stance"], key="stance", bind="query-params",
                             placeholder="All stances")  # fmt: skip
    for key, values in dropped.items():
        if values:
            shown = ", ".join(f"‘{v[:40]}’" for v in values[:5])
            sb.warning(
                f"Ignored from the link: {key} {shown} (not in this dataset).",
                icon=":material/warning:",
            )
    name_to_id = {names[a]: a for a in claimant_ids}
    f = flt.Filters(
        start=start,
        end=end,
        actors=tuple(by_label[a] for a in actors if a in by_label),
        event_types=tuple(types),
        claimants=tuple(name_to_id[c] for c in claimants if c in name_to_id),
        stances=tuple(stances),
        include_undated=bool(undated),
    )
    sb.caption(
        f"Dataset version `{ds.version}` · {len(ds.events)} events · {len(ds.articles)} article(s)"
    )
    return Context(ds, _view(ds.version, f, ds, links), f, span, labels)


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
    for key in ("actor", "type", "claimant", "stance"):
        st.session_state[key] = []


def context() -> Context:
    return st.session_state["_ctx"]


def page(title: str, caption: str) -> Context:
    """A page's title and caption; stops the page with a notice when the filters keep nothing."""
    ctx = context()
    st.title(title)
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


def filter_summary(ctx: Context) -> dict[str, str]:
    f, names = ctx.filters, dict(zip(ctx.ds.actors["actor_id"], ctx.ds.actors["name"], strict=True))
    return {
        "dates": f"{f.start}..{f.end}" if f.start else "",
        "include_undated": "" if f.include_undated else "no",
        "actors": ", ".join(names[a] for a in f.actors),
        "event_types": ", ".join(f.event_types),
        "claimants": ", ".join(names[a] for a in f.claimants),
        "stances": ", ".join(f.stances),
    }
