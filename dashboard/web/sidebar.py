"""The shared, URL-bound filters in the sidebar, and the words that describe them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import Dataset
from dashboard.schema import EVENT_TYPES, STANCES
from dashboard.views import datagrid
from dashboard.views import filters as flt
from dashboard.views.corroboration import article_labels
from dashboard.views.urldates import check_url_dates
from dashboard.web import date_fields, more_filters, search_box
from dashboard.web.frame import Context, _view

DATES_NOTICE = "_dates_notice"


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
        "article": sorted(article_labels(ds.articles).values(), key=str.casefold),
    }
    return flt.date_span(ds), labels, names, claimant_ids, choices


GRADE_HELP = more_filters.GRADE_HELP  # the Sources page explains the scales with it


def sidebar(ds: Dataset, links: pd.DataFrame) -> Context:
    span, labels, names, claimant_ids, choices = _options(ds.version, ds)
    dropped = {k: _unknown_from_url(k, v) for k, v in choices.items()}
    sb = st.sidebar
    search_box.render(ds)
    sb.header("Filters")
    start = end = None
    url_dates = check_url_dates(_raw("dates"), span)
    counts = None
    if span:
        start, end, cells = date_fields.date_range(sb, span, DATES_NOTICE)
        if (start, end) == tuple(span):
            start = end = None  # the whole span is no date filter: every row is in it
        if url_dates.override:
            start, end = url_dates.dates or (None, None)
        date_fields.typed_fields(cells, (start or span[0], end or span[1]), span, DATES_NOTICE)
        if url_dates.notice:  # kept until the range is changed: the widget corrects the URL
            st.session_state[DATES_NOTICE] = url_dates.notice
        if st.session_state.get(DATES_NOTICE):
            sb.warning(md(st.session_state[DATES_NOTICE]), icon=":material/warning:")
        counts = sb.empty()
    basis = sb.radio(
        "The range applies to the date a row",
        list(flt.DATE_BASES),
        key="date_on",
        bind="query-params",
        horizontal=True,
        help="happened: the event's own window; reported: when the claim was made "
        "or published; either: one of the two overlaps the range.",
    )
    undated = sb.toggle("Include undated rows", value=True, key="undated", bind="query-params")
    by_label = {v: k for k, v in labels.items()}
    actors = sb.multiselect(
        "Actor (a state includes its people and forces)",
        choices["actor"],
        key="actor",
        bind="query-params",
        placeholder="All actors",
    )
    types = sb.multiselect(
        "Event type", choices["type"], key="type", bind="query-params", placeholder="All types"
    )
    claimants = sb.multiselect(
        "Claimant (who says so)",
        choices["claimant"],
        key="claimant",
        bind="query-params",
        placeholder="All claimants",
    )
    stances = sb.multiselect(
        "Stance", choices["stance"], key="stance", bind="query-params", placeholder="All stances"
    )
    more = more_filters.render(sb, choices["article"])
    for key, values in dropped.items():
        if values:
            # The values come from the URL: escaped, or a link could draw images, TeX or colours.
            shown = ", ".join(f"‘{md(v[:40])}’" for v in values[:5])
            sb.warning(
                f"Ignored from the link: {md(key)} {shown} (not in this dataset).",
                icon=":material/warning:",
            )
    name_to_id = {names[a]: a for a in claimant_ids}
    article_ids = {v: k for k, v in article_labels(ds.articles).items()}
    f = flt.Filters(
        start=start,
        end=end,
        actors=tuple(by_label[a] for a in actors if a in by_label),
        event_types=tuple(types),
        claimants=tuple(name_to_id[c] for c in claimants if c in name_to_id),
        stances=tuple(stances),
        include_undated=bool(undated),
        date_basis=basis if basis in flt.DATE_BASES else "either",
        articles=tuple(article_ids[a] for a in more.articles if a in article_ids),
        reliability=more.reliability,
        credibility=more.credibility,
    )
    sb.caption(
        f"Dataset version `{ds.version}` · {len(ds.events)} events · {len(ds.articles)} article(s)"
    )
    if ds.warnings:  # e.g. bidi controls: shown (as U+FFFD), loaded, but a curator should fix them
        with sb.expander(f"{len(ds.warnings)} validator warning(s)", icon=":material/warning:"):
            for problem in ds.warnings[:20]:
                st.caption(md(str(problem)))
    view = _view(ds.version, f, ds, links)
    if counts is not None:
        counts.caption(flt.undated_words(view))
    return Context(ds, view, f, span, labels)


def _raw(key: str) -> list[str]:
    """A parameter's values as the link gave them (before any widget corrects them)."""
    try:
        return st.query_params.get_all(key)
    except Exception:
        return []


def filter_summary(ctx: Context) -> dict[str, str]:
    """The filters in words (views.datagrid.describe_filters), for citations."""
    return datagrid.describe_filters(ctx.ds, ctx.filters)
