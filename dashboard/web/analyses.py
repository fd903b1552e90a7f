"""The analyses behind Overview, Equipment, Figure history and Sources, computed in two layers: what each
row says (its grade, article, relations, report date: a function of the row and the dataset)
once per dataset version, and which rows the filters keep once per version and filters
(frame.cached). A filter change then only takes rows from tables already made."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.builders import analyst, charts
from dashboard.builders.history import history_figure
from dashboard.data.dataset import Dataset
from dashboard.views import (
    articles,
    corroboration,
    figure_rows,
    grades,
    history,
    labels,
    responses,
    tallies,
)
from dashboard.views.filters import View
from dashboard.views.positions import positions
from dashboard.web import frame


@st.cache_resource(max_entries=16, show_spinner=False)
def _per_dataset(name: str, version: str, _fn, _ds: Dataset):
    """fn(ds) once per dataset version, shared between sessions: read it only."""
    return _fn(_ds)


def transfer_table(ds: Dataset):
    return _per_dataset("transfer_rows", ds.version, tallies.transfer_rows, ds)


def point_table(ds: Dataset):
    return _per_dataset("point_rows", ds.version, _point_rows, ds)


def claim_rows(ds: Dataset):
    return _per_dataset("claim_rows", ds.version, corroboration.claim_rows, ds)


def grades_table(ds: Dataset):
    return _per_dataset("grades_table", ds.version, grades.grades_table, ds)


def grades_shown(ds: Dataset):
    """labels.shown of grades_table's first frame.TABLE_ROWS rows (a grid sends no more)."""
    return _per_dataset("grades_shown", ds.version, _grades_shown, ds)


def _grades_shown(ds: Dataset):
    return labels.shown(grades_table(ds).head(frame.TABLE_ROWS))


def equipment_codes(ds: Dataset) -> figure_rows.Coded:
    return _per_dataset("equipment_codes", ds.version, _equipment_codes, ds)


def _equipment_codes(ds: Dataset) -> figure_rows.Coded:
    return figure_rows.coded(ds, transfer_table(ds))


def answer_table(ds: Dataset):
    return _per_dataset("answer_pairs", ds.version, responses.answer_pairs, ds)


def contested_table(ds: Dataset):
    return _per_dataset("contested_rows", ds.version, _contested_rows, ds)


def _contested_rows(ds: Dataset):
    return responses.contested_rows(ds, responses.answered_words(answer_table(ds)))


def _point_rows(ds: Dataset):
    return history.coded_points(ds, history.point_rows(ds, transfer_table(ds)))


def _claims_matrix(view: View, ds: Dataset):
    keys = _per_dataset("matrix_keys", ds.version, tallies.matrix_keys, ds)
    return tallies.claims_matrix(view, ds, keys)


def _overview_metrics(view: View, ds: Dataset) -> dict:
    """tallies.overview_metrics, with each kind's figures as the Overview lists them (the
    systems with most figures first, its first LIST_ROWS rows: figure_rows.Listed)."""
    c = equipment_codes(ds)
    return {
        "events": view.n_events,
        "transfers": view.n_transfers,
        "hardware": figure_rows.by_system(view, ds, c, "hardware", frame.LIST_ROWS),
        "personnel": figure_rows.by_system(view, ds, c, "personnel", frame.LIST_ROWS),
        "span": tallies.shown_span(view),
        "claimants": distinct(view, ds, claimant_codes(ds)),
        "articles": distinct(view, ds, article_codes(ds).events),
    }


def distinct(view: View, ds: Dataset, codes) -> int:
    """How many distinct values (codes, -1 for none) the view's events hold: nunique()."""
    shown = codes[positions(view.event_index, ds.events.index)]
    return int(np.count_nonzero(np.bincount(shown[shown >= 0], minlength=1)))


def claimant_codes(ds: Dataset):
    return _per_dataset("claimant_codes", ds.version, _claimant_codes, ds)


def _claimant_codes(ds: Dataset):
    return pd.factorize(ds.events["claimant_actor_id"])[0]


def _related_groups(view: View, ds: Dataset):
    return figure_rows.groups(view, ds, equipment_codes(ds))


def _corroboration(view: View, ds: Dataset):
    return corroboration.corroboration(view, ds, claim_rows(ds))


def _answers_table(view: View, ds: Dataset, limit: int):
    return responses.answers_first(view, ds, answer_table(ds), limit)


def _contested(view: View, ds: Dataset, limit: int):
    return responses.contested_first(view, ds, contested_table(ds), limit)


def _listed_groups(view: View, ds: Dataset, limit: int):
    groups = _related_groups(view, ds)
    return groups.listed(limit), len(groups)


CHART_ROWS = 30  # one bar per stated figure: more would be unreadable, and slow to send


def _equipment_parts(view: View, ds: Dataset) -> list[figure_rows.Part]:
    return figure_rows.parts(view, ds, equipment_codes(ds), frame.TABLE_ROWS, CHART_ROWS)


def _equipment_charts(view: View, ds: Dataset) -> dict:
    """Each section's range chart (its first CHART_ROWS stated figures), by section key."""
    return {p.key: charts.range_figure(p.stated) for p in _equipment_parts(view, ds) if p.n_stated}


def _tally(view: View, ds: Dataset, by: str):
    return figure_rows.tally(view, ds, equipment_codes(ds), by)


def _history_chart(view: View, ds: Dataset, system: str):
    drawn, differs, _ = _system_history(view, ds, system)
    return history_figure(drawn, differs)


def _systems(view: View, ds: Dataset):
    return history.shown_systems(view, ds, point_table(ds))


def _system_history(view: View, ds: Dataset, system: str):
    return history.shown_history(view, ds, system, point_table(ds))


def equipment_parts(ctx: frame.Context) -> list[figure_rows.Part]:
    """Equipment's sections of the view, as much of each as the page sends."""
    return frame.cached(_equipment_parts, ctx)


def tally(ctx: frame.Context, by: str):
    """tallies.tally_rows of the view's quantity rows."""
    return frame.cached(_tally, ctx, by)


def overview_metrics(ctx: frame.Context) -> dict:
    """tallies.overview_metrics of the view (its figures as figure_rows.Listed)."""
    return frame.cached(_overview_metrics, ctx)


def related_groups(ctx: frame.Context):
    """history.related_groups of the view (relations.FigureGroups)."""
    return frame.cached(_related_groups, ctx)


def systems(ctx: frame.Context) -> list[str]:
    """history.systems of the view's figure points."""
    return frame.cached(_systems, ctx)


def system_history(ctx: frame.Context, system: str):
    """history.system_history of the view for one system."""
    return frame.cached(_system_history, ctx, system)


def claims_matrix(ctx: frame.Context):
    """tallies.claims_matrix of the view."""
    return frame.cached(_claims_matrix, ctx)


def answers_table(ctx: frame.Context, limit: int = frame.TABLE_ROWS):
    """(responses.answers_table of the view, its first `limit` rows; how many rows it has)."""
    return frame.cached(_answers_table, ctx, limit)


def contested(ctx: frame.Context, limit: int = frame.LIST_ROWS):
    """(responses.contested of the view, its first `limit` rows; how many rows it has)."""
    return frame.cached(_contested, ctx, limit)


def corroboration_table(ctx: frame.Context):
    """corroboration.corroboration of the view."""
    return frame.cached(_corroboration, ctx)


def corroboration_shown(ctx: frame.Context, limit: int):
    """(the first `limit` claims of the corroboration table with their chains cut for the page,
    how many claims there are): at a million events one claim's chains are thousands."""
    whole = corroboration_table(ctx)
    return corroboration.shown_corroboration(whole.head(limit)), len(whole)


def listed_groups(ctx: frame.Context, limit: int):
    """(the first `limit` groups of related figures as relations.FigureGroups.listed gives
    them, how many groups there are)."""
    return frame.cached(_listed_groups, ctx, limit)


def equipment_charts(ctx: frame.Context) -> dict:
    """Equipment's range charts by section key, built once per filters (read them only)."""
    return frame.cached(_equipment_charts, ctx)


def history_chart(ctx: frame.Context, system: str):
    """Figure history's chart for one system, built once per filters (read it only)."""
    return frame.cached(_history_chart, ctx, system)


def article_codes(ds: Dataset) -> articles.ArticleCodes:
    return _per_dataset("article_codes", ds.version, articles.article_codes, ds)


def _articles_in_view(view: View, ds: Dataset) -> list[str]:
    return articles.articles_in_view(view, ds, article_codes(ds))


def _articles_cited(view: View, ds: Dataset) -> str:
    return analyst.articles_cited(ds, _articles_in_view(view, ds))


def articles_cited(ctx: frame.Context) -> str:
    """analyst.view_articles_cited of the view: the articles its rows come from, cited."""
    return frame.cached(_articles_cited, ctx)


def articles_in_view(ctx: frame.Context) -> list[str]:
    """The articles the view's rows come from, sorted by id."""
    return frame.cached(_articles_in_view, ctx)


def article_view(ctx: frame.Context, article: str) -> View:
    """The view with only one article's rows (not cached: a few masks over codes)."""
    return articles.article_view(ctx.view, ctx.ds, article_codes(ctx.ds), article)
