"""Figure history: every stated figure for a system (or for troops) over the date it was
reported, one mark per claimant and article, and the pairs that cannot both be true. Figures
are compared here, never summed or averaged. Pure pandas.

A figure whose report date is unknown is placed at its article's publication date: a claim is
made at the latest when it is published. Such marks say so ("placed at publication").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views import tallies
from dashboard.views.filters import View
from dashboard.views.positions import kept
from dashboard.views.relations import FigureGroups, figure_groups, relations

TROOPS = "North Korean troops"


def point_rows(ds: Dataset, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """figure_points for every transfer with a stated figure, indexed like ds.transfers and in
    the order the points are drawn (date, then id). `table` is tallies.transfer_rows(ds)."""
    t = ds.transfers[ds.transfers["quantity_low"].notna()]
    table = tallies.transfer_rows(ds) if table is None else table
    q = table.loc[t.index]
    published = t["article_id"].map(
        dict(zip(ds.articles["article_id"], ds.articles["date_published"], strict=True))
    )
    known = t["report_date_start"].notna().to_numpy()
    q["date"] = np.where(known, t["report_date_start"], pd.to_datetime(published, errors="coerce"))
    q["date"] = pd.to_datetime(q["date"])
    q["date_end"] = pd.to_datetime(np.where(known, t["report_date_end"], q["date"]))
    q["placed"] = np.where(known, "reported", "placed at publication")
    q["article_id"] = t["article_id"].to_numpy()
    q["claimant_actor_id"] = t["claimant_actor_id"].to_numpy()
    return q.sort_values(["date", "transfer_id"])


def figure_points(view: View, ds: Dataset, points: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per transfer with a stated figure: its bounds, date, claimant, article, grade.
    `points` is point_rows(ds) when the caller keeps it (computed once per dataset)."""
    points = point_rows(ds) if points is None else points
    return points[points.index.isin(view.transfer_index)].reset_index(drop=True)


def systems(points: pd.DataFrame) -> list[str]:
    """Systems with a stated figure, most figures first; troops first of all."""
    counts = points["system"].value_counts()
    order = sorted(counts.index, key=lambda s: (s != TROOPS, -counts[s], s))
    return list(order)


def differs_pairs(points: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """Pairs of figures that cannot both be true, side by side: those a curator related as
    `differs`, and those the data shows (the same system, reported in overlapping windows by
    different claimants, ranges that do not meet)."""
    rel = relations(ds)
    ids = set(points["transfer_id"])
    curated = rel[
        (rel["kind"] == "differs") & rel["from_row_id"].isin(ids) & rel["to_row_id"].isin(ids)
    ]
    pairs = {
        frozenset((a, b)): f"curated ({basis})"
        for a, b, basis in zip(
            curated["from_row_id"], curated["to_row_id"], curated["basis"], strict=True
        )
    }
    p = points[points["placed"] == "reported"].reset_index(drop=True)
    low = p["low"].astype(float).to_numpy()
    high = p["high"].astype(float).fillna(np.inf).to_numpy()
    start, end = p["date"].to_numpy(), p["date_end"].to_numpy()
    same = p["system"].to_numpy()[:, None] == p["system"].to_numpy()[None, :]
    other = p["claimant"].to_numpy()[:, None] != p["claimant"].to_numpy()[None, :]
    together = (start[:, None] <= end[None, :]) & (start[None, :] <= end[:, None])
    apart = (high[:, None] < low[None, :]) | (high[None, :] < low[:, None])
    for i, j in zip(*np.nonzero(np.triu(same & other & together & apart, 1)), strict=True):
        key = frozenset((p.at[i, "transfer_id"], p.at[j, "transfer_id"]))
        pairs.setdefault(
            key,
            "computed: same system, reported at the same time by different claimants, ranges that do not meet",
        )
    by_id = points.set_index("transfer_id")
    keys = [sorted(key) for key in pairs]
    a_ids, b_ids = [k[0] for k in keys], [k[1] for k in keys]
    side = ["system", "as_stated", "claimant", "article", "grade"]
    ra = by_id.loc[a_ids, side].to_dict("list")  # lists: each column typed as before
    rb = by_id.loc[b_ids, side].to_dict("list")
    rows = {"system": ra["system"], "a": a_ids}
    rows |= {f"a_{c}": ra[c] for c in side[1:]}
    rows |= {"b": b_ids} | {f"b_{c}": rb[c] for c in side[1:]}
    rows["basis"] = list(pairs.values())
    cols = [
        "system",
        "a",
        "a_as_stated",
        "a_claimant",
        "a_article",
        "a_grade",
        "b",
        "b_as_stated",
        "b_claimant",
        "b_article",
        "b_grade",
        "basis",
    ]
    out = pd.DataFrame(rows, columns=cols) if keys else pd.DataFrame(columns=cols)
    return out.sort_values(["system", "a", "b"], ignore_index=True)


def related_groups(view: View, ds: Dataset, table: pd.DataFrame | None = None) -> FigureGroups:
    """The view's figures tied by relations, in groups to compare (relations.figure_groups)."""
    return figure_groups(tallies.quantity_rows(view, ds, table), ds)


DRAWN = 300  # marks on one chart: more would hide each other, and be slow to send


def system_history(
    view: View, ds: Dataset, system: str, points: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One system's figures (the latest DRAWN), the pairs among them that differ, and how many
    figures the system has in all. `points` as for figure_points."""
    points = figure_points(view, ds, points)
    mine = points[points["system"] == system]
    drawn = mine.tail(DRAWN).reset_index(drop=True)
    return drawn, differs_pairs(drawn, ds), len(mine)


@dataclass(frozen=True)
class Points:
    """point_rows(ds) with, per point, its transfer's position and its system's code: a filter
    change picks a system's points with numpy instead of copying every kept point."""

    table: pd.DataFrame  # point_rows(ds)
    where: np.ndarray  # each point's position in ds.transfers
    system: np.ndarray  # each point's system code (0: no system)
    names: np.ndarray  # the system of each code


def coded_points(ds: Dataset, points: pd.DataFrame) -> Points:
    """Once per dataset: `points` is point_rows(ds)."""
    codes, names = pd.factorize(points["system"])
    return Points(
        points,
        ds.transfers.index.get_indexer(points.index).astype(np.int64),
        codes.astype(np.int64) + 1,
        np.asarray([None, *names], dtype=object),
    )


def _shown(view: View, ds: Dataset, p: Points) -> np.ndarray:
    """A mask over the points: those of transfers the view keeps."""
    return kept(view.transfer_index, ds.transfers.index)[p.where]


def shown_systems(view: View, ds: Dataset, p: Points) -> list[str]:
    """systems(figure_points(view, ds)), counted on codes."""
    counts = np.bincount(p.system[_shown(view, ds, p)], minlength=len(p.names))
    present = [int(s) for s in np.flatnonzero(counts) if s > 0]
    order = sorted(present, key=lambda s: (p.names[s] != TROOPS, -counts[s], p.names[s]))
    return [p.names[s] for s in order]


def shown_history(
    view: View, ds: Dataset, system: str, p: Points
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """system_history(view, ds, system), picking the system's kept points by position."""
    code = np.flatnonzero(p.names == system)[:1]  # none when the system has no figure
    mine = np.flatnonzero(_shown(view, ds, p) & np.isin(p.system, code))
    drawn = p.table.iloc[mine[-DRAWN:]].reset_index(drop=True)
    return drawn, differs_pairs(drawn, ds), len(mine)
