"""Equipment and Overview by position: what each transfer is (hardware or troops, stated or not,
its tally values, its relations' ends) is coded once per dataset (`coded`); a filter change
then picks positions with numpy and copies only the rows a page sends (its first 1,000, its
chart's 30), instead of every kept transfer several times over. Each function gives what its
row-wise counterpart gives (tallies.tally_rows, sections.equipment_sections, relations.
figure_groups); tests/test_vectorised.py holds them to it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views import relations
from dashboard.views.filters import View
from dashboard.views.positions import at, kept, positions
from dashboard.views.sections import HARDWARE, HARDWARE_TITLE, PERSONNEL

TALLY_BY = ("system", "category", "claimant")


@dataclass(frozen=True)
class Coded:
    """tallies.transfer_rows(ds) and, per transfer (by position), what the pages pick rows by."""

    table: pd.DataFrame  # tallies.transfer_rows(ds), indexed like ds.transfers
    hardware: np.ndarray  # category is one of HARDWARE
    personnel: np.ndarray  # category is PERSONNEL
    stated: np.ndarray  # a figure is stated (a lower bound exists)
    values: dict[str, np.ndarray]  # TALLY_BY column -> codes (0: missing), per transfer
    system_names: np.ndarray  # the system of each system code (code 0: missing)
    ends: tuple[np.ndarray, np.ndarray]  # relation ends as transfer positions (-1: not one)
    rank: np.ndarray  # each transfer's place in id order (the smallest id names a group)
    by_rank: np.ndarray  # the transfer position of each rank
    ids: np.ndarray  # each transfer's id


def coded(ds: Dataset, table: pd.DataFrame) -> Coded:
    """Once per dataset: `table` is tallies.transfer_rows(ds)."""
    category = table["category"]
    values, system_names = {}, None
    for by in TALLY_BY:
        codes, uniques = pd.factorize(table[by], sort=True)  # sorted: code order is name order
        values[by] = codes.astype(np.int64) + 1
        if by == "system":
            system_names = np.asarray([None, *uniques], dtype=object)
    ids = pd.Index(table["transfer_id"])
    rel = relations.relations(ds)
    ends = tuple(ids.get_indexer(rel[end]).astype(np.int64) for end in ("from_row_id", "to_row_id"))
    id_values = table["transfer_id"].to_numpy(dtype=object)
    by_rank = np.argsort(id_values, kind="stable")  # as np.unique sorts ids: Python's order
    rank = np.empty(len(by_rank), dtype=np.int64)
    rank[by_rank] = np.arange(len(by_rank))
    return Coded(
        table,
        category.isin(HARDWARE).to_numpy(dtype=bool),
        (category == PERSONNEL).to_numpy(dtype=bool),
        table["low"].notna().to_numpy(dtype=bool),
        values,
        system_names,
        ends,
        rank,
        by_rank,
        id_values,
    )


def _rows(c: Coded, where: np.ndarray) -> pd.DataFrame:
    return c.table.take(where).reset_index(drop=True)


@dataclass(frozen=True)
class Part:
    """One of Equipment's sections, as much of it as a page sends: its first `limit` rows and
    its first `chart` stated figures, with how many there are in all."""

    key: str
    title: str
    rows: pd.DataFrame  # the first `limit` rows (sections.Section.rows.head(limit))
    total: int
    stated: pd.DataFrame  # the first `chart` stated rows (Section.stated.head(chart))
    n_stated: int


def parts(view: View, ds: Dataset, c: Coded, limit: int, chart: int) -> list[Part]:
    """sections.equipment_sections of the view's quantity rows, capped: hardware, then troops."""
    pos = positions(view.transfer_index, ds.transfers.index)
    out = []
    for key, title, mask in (
        ("hardware", HARDWARE_TITLE, c.hardware),
        ("personnel", "Troops", c.personnel),
    ):
        mine = pos[mask[pos]]
        stated = mine[c.stated[mine]]
        out.append(
            Part(
                key,
                title,
                _rows(c, mine[:limit]),
                len(mine),
                _rows(c, stated[:chart]),
                len(stated),
            )
        )
    return out


def tally(view: View, ds: Dataset, c: Coded, by: str) -> pd.DataFrame:
    """tallies.tally_rows(quantity_rows, by), counted on codes: one row per distinct (kind,
    value) is copied, and the row-wise tally runs on those few rows with their counts."""
    if by not in TALLY_BY:
        raise ValueError(f"cannot tally by {by!r}")
    pos = positions(view.transfer_index, ds.transfers.index)
    values = c.values[by]
    width = int(values.max()) + 1 if len(values) else 1
    key = c.personnel[pos].astype(np.int64) * width + values[pos]
    _, first, n = np.unique(key, return_index=True, return_counts=True)
    few = c.table.take(pos[first])[["category", by] if by != "category" else ["category"]]
    few = few.assign(_n=n)
    few["kind"] = np.where(few["category"] == PERSONNEL, PERSONNEL, "hardware")
    counts = few.groupby(["kind", by])["_n"].sum().rename("reports").reset_index()
    return counts.sort_values(["kind", "reports", by], ascending=[True, False, True]).reset_index(
        drop=True
    )


def groups(view: View, ds: Dataset, c: Coded) -> relations.FigureGroups:
    """relations.figure_groups of the view's quantity rows: relations with both ends kept, the
    kept transfers they tie (numbered as in quantity_rows). Groups are found on the ids' ranks
    (integers), and named by their smallest id, as relations.components names them."""
    pos = positions(view.transfer_index, ds.transfers.index)
    mask = kept(view.transfer_index, ds.transfers.index)
    both = at(mask, c.ends[0]) & at(mask, c.ends[1])
    rel = relations.relations(ds)[both]
    ra, rb = c.rank[c.ends[0][both]], c.rank[c.ends[1][both]]
    nodes, codes = np.unique(np.concatenate([ra, rb]), return_inverse=True)
    label = relations.propagate(codes[: len(ra)], codes[len(ra) :], len(nodes))
    name = c.ids[c.by_rank[nodes[label]]]  # each node's group: its smallest id
    node_of = np.full(len(mask), -1, dtype=np.int64)  # transfer position -> node (-1: none)
    node_of[c.by_rank[nodes]] = np.arange(len(nodes))
    number = np.flatnonzero(node_of[pos] >= 0)  # the tied rows' numbers in quantity_rows
    members = c.table.take(pos[number]).set_axis(pd.RangeIndex(len(pos))[number])
    members = members.assign(group=_texts(name[node_of[pos[number]]], members.index))
    links = rel.assign(group=_texts(name[codes[: len(ra)]], rel.index))
    return relations.summarised(links, members)


def _texts(values: np.ndarray, index: pd.Index) -> pd.Series:
    """Python strings kept as objects (pandas would infer its own string type)."""
    return pd.Series(values, index=index, dtype=object)


@dataclass(frozen=True)
class Listed:
    """Overview's figures of one kind (hardware or troops): how many, and the first `limit`
    of them with the systems that have the most figures first (each in report order)."""

    total: int
    first: pd.DataFrame


def by_system(view: View, ds: Dataset, c: Coded, key: str, limit: int) -> Listed:
    """The Overview's `by_system(rows).head(limit)` of the view's hardware or troops: systems
    with the most figures first, ties by name; within a system, in the view's order."""
    pos = positions(view.transfer_index, ds.transfers.index)
    mine = pos[(c.hardware if key == "hardware" else c.personnel)[pos]]
    codes = c.values["system"][mine]
    counts = np.bincount(codes, minlength=len(c.system_names))
    present = np.flatnonzero(counts)
    present = present[present > 0]  # a missing system is not a group of its own
    order = sorted(present, key=lambda s: (-counts[s], c.system_names[s]))
    chosen: list[np.ndarray] = []
    left = limit
    for s in order:
        if left <= 0:
            break
        rows = mine[codes == s][:left]
        chosen.append(rows)
        left -= len(rows)
    missing = mine[codes == 0]
    if left > 0 and len(missing):
        chosen.append(missing[:left])
    first = np.concatenate(chosen) if chosen else mine[:0]
    return Listed(len(mine), _rows(c, first))


def quantity_part(view: View, ds: Dataset, c: Coded, key: str) -> pd.DataFrame:
    """The view's hardware or troop quantity rows in full (tallies.overview_metrics' frames)."""
    pos = positions(view.transfer_index, ds.transfers.index)
    return _rows(c, pos[(c.hardware if key == "hardware" else c.personnel)[pos]])
