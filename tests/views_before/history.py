"""Figure history: every stated figure for a system (or for troops) over the date it was
reported, one mark per claimant and article, and the pairs that cannot both be true. Figures
are compared here, never summed or averaged. Pure pandas.

A figure whose report date is unknown is placed at its article's publication date: a claim is
made at the latest when it is published. Such marks say so ("placed at publication").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import View
from tests.views_before import grades, tallies
from tests.views_before.corroboration import article_labels
from tests.views_before.relations import figure_groups, relations

TROOPS = "North Korean troops"


def figure_points(view: View, ds: Dataset) -> pd.DataFrame:
    """One row per transfer with a stated figure: its bounds, date, claimant, article, grade."""
    t = view.transfers[view.transfers["quantity_low"].notna()]
    q = tallies.quantity_rows(View(view.events, t, view.locations, view.filters), ds)
    published = t["article_id"].map(
        dict(zip(ds.articles["article_id"], ds.articles["date_published"], strict=True))
    )
    known = t["report_date_start"].notna().to_numpy()
    q["date"] = np.where(known, t["report_date_start"], pd.to_datetime(published, errors="coerce"))
    q["date"] = pd.to_datetime(q["date"])
    q["date_end"] = pd.to_datetime(np.where(known, t["report_date_end"], q["date"]))
    q["placed"] = np.where(known, "reported", "placed at publication")
    q["article_id"] = t["article_id"].to_numpy()
    q["article"] = q["article_id"].map(article_labels(ds.articles))
    q["claimant_actor_id"] = t["claimant_actor_id"].to_numpy()
    q["grade"] = grades.grade_labels(t["claimant_actor_id"], grades.transfer_credibility(t, ds), ds)
    return q.sort_values(["date", "transfer_id"], ignore_index=True)


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
    rows = []
    for key, basis in pairs.items():
        a, b = sorted(key)
        ra, rb = by_id.loc[a], by_id.loc[b]
        rows.append(
            {
                "system": ra["system"],
                "a": a,
                "a_as_stated": ra["as_stated"],
                "a_claimant": ra["claimant"],
                "a_article": ra["article"],
                "a_grade": ra["grade"],
                "b": b,
                "b_as_stated": rb["as_stated"],
                "b_claimant": rb["claimant"],
                "b_article": rb["article"],
                "b_grade": rb["grade"],
                "basis": basis,
            }
        )
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
    return pd.DataFrame(rows, columns=cols).sort_values(["system", "a", "b"], ignore_index=True)


def related_groups(view: View, ds: Dataset) -> list[dict]:
    """The view's figures tied by relations, in groups to compare (relations.figure_groups)."""
    return figure_groups(tallies.quantity_rows(view, ds), ds)


DRAWN = 300  # marks on one chart: more would hide each other, and be slow to send


def system_history(view: View, ds: Dataset, system: str) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One system's figures (the latest DRAWN), the pairs among them that differ, and how many
    figures the system has in all."""
    points = figure_points(view, ds)
    mine = points[points["system"] == system]
    drawn = mine.tail(DRAWN).reset_index(drop=True)
    return drawn, differs_pairs(drawn, ds), len(mine)
