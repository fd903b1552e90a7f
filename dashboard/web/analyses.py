"""The analyses behind Overview, Equipment, Figure history and Sources, computed in two layers: what each
row says (its grade, article, relations, report date: a function of the row and the dataset)
once per dataset version, and which rows the filters keep once per version and filters
(frame.cached). A filter change then only takes rows from tables already made."""

from __future__ import annotations

import streamlit as st

from dashboard.builders import charts
from dashboard.builders.history import history_figure
from dashboard.data.dataset import Dataset
from dashboard.views import corroboration, grades, history, responses, sections, tallies
from dashboard.views.filters import View
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


def answer_table(ds: Dataset):
    return _per_dataset("answer_pairs", ds.version, responses.answer_pairs, ds)


def contested_table(ds: Dataset):
    return _per_dataset("contested_rows", ds.version, _contested_rows, ds)


def _contested_rows(ds: Dataset):
    return responses.contested_rows(ds, responses.answered_words(answer_table(ds)))


def _point_rows(ds: Dataset):
    return history.point_rows(ds, transfer_table(ds))


def _quantity_rows(view: View, ds: Dataset):
    return tallies.quantity_rows(view, ds, transfer_table(ds))


def _overview_metrics(view: View, ds: Dataset):
    return tallies.overview_metrics(view, ds, transfer_table(ds))


def _related_groups(view: View, ds: Dataset):
    return history.related_groups(view, ds, transfer_table(ds))


def _corroboration(view: View, ds: Dataset):
    return corroboration.corroboration(view, ds, claim_rows(ds))


def _answers_table(view: View, ds: Dataset):
    return responses.answers_table(view, ds, answer_table(ds))


def _contested(view: View, ds: Dataset):
    return responses.contested(view, ds, contested_table(ds))


def _listed_groups(view: View, ds: Dataset, limit: int):
    groups = _related_groups(view, ds)
    return groups.listed(limit), len(groups)


CHART_ROWS = 30  # one bar per stated figure: more would be unreadable, and slow to send


def _equipment_charts(view: View, ds: Dataset) -> dict:
    """Each section's range chart (its first CHART_ROWS stated figures), by section key."""
    q = _quantity_rows(view, ds)
    return {
        s.key: charts.range_figure(s.stated.head(CHART_ROWS))
        for s in sections.equipment_sections(q)
        if not s.stated.empty
    }


def _history_chart(view: View, ds: Dataset, system: str):
    drawn, differs, _ = _system_history(view, ds, system)
    return history_figure(drawn, differs)


def _figure_points(view: View, ds: Dataset):
    return history.figure_points(view, ds, point_table(ds))


def _system_history(view: View, ds: Dataset, system: str):
    return history.system_history(view, ds, system, point_table(ds))


def quantity_rows(ctx: frame.Context):
    """tallies.quantity_rows of the view."""
    return frame.cached(_quantity_rows, ctx)


def overview_metrics(ctx: frame.Context) -> dict:
    """tallies.overview_metrics of the view."""
    return frame.cached(_overview_metrics, ctx)


def related_groups(ctx: frame.Context):
    """history.related_groups of the view (relations.FigureGroups)."""
    return frame.cached(_related_groups, ctx)


def figure_points(ctx: frame.Context):
    """history.figure_points of the view."""
    return frame.cached(_figure_points, ctx)


def system_history(ctx: frame.Context, system: str):
    """history.system_history of the view for one system."""
    return frame.cached(_system_history, ctx, system)


def answers_table(ctx: frame.Context):
    """responses.answers_table of the view."""
    return frame.cached(_answers_table, ctx)


def contested(ctx: frame.Context):
    """responses.contested of the view."""
    return frame.cached(_contested, ctx)


def corroboration_table(ctx: frame.Context):
    """corroboration.corroboration of the view."""
    return frame.cached(_corroboration, ctx)


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
