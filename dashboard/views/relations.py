"""Relations between rows (same_as, overlaps, updates, differs) as the pages show them: on a
row, and as groups of figures to compare, never to add. Pure pandas."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset

# How a relation reads from each end: (from the from-row, from the to-row).
WORDS = {
    "same_as": ("same report as", "same report as"),
    "overlaps": ("may overlap", "may overlap"),
    "updates": ("updates", "is updated by"),
    "differs": ("differs from", "differs from"),
}
# What a group of related figures asks of the reader, strongest first.
GROUP_WORDS = {
    "differs": "figures for {noun} disagree for the same scope: they cannot all be true — "
    "compare them side by side, do not add",
    "overlaps": "figures may describe the same {noun} — compare, do not add",
    "updates": "figures for {noun} are successive counts of the same scope — the latest "
    "replaces the earlier, do not add",
    "same_as": "figures for {noun} are one report and its copies — count it once",
}
NOUNS = {
    "self_propelled_howitzer": "guns",
    "multiple_rocket_launcher": "launchers",
    "personnel": "troops",
}


def relations(ds: Dataset) -> pd.DataFrame:
    cols = ["relation_id", "from_row_id", "to_row_id", "kind", "basis", "set_by", "set_on"]
    if ds.relations is None:
        return pd.DataFrame(columns=cols)
    return ds.relations[cols]


def for_row(ds: Dataset, row_id: str) -> pd.DataFrame:
    """The relations a row takes part in, read from that row: 'updates c-tr01', with the basis."""
    rel = relations(ds)
    out = []
    for r in rel[(rel["from_row_id"] == row_id) | (rel["to_row_id"] == row_id)].itertuples():
        outgoing = r.from_row_id == row_id
        other = r.to_row_id if outgoing else r.from_row_id
        words = WORDS[r.kind][0 if outgoing else 1]
        out.append((r.relation_id, r.kind, f"{words} {other}", other, r.basis, r.set_by, r.set_on))
    return pd.DataFrame(
        out, columns=["relation_id", "kind", "relation", "other_row", "basis", "set_by", "set_on"]
    )


def related_words(ds: Dataset, row_ids: pd.Series) -> pd.Series:
    """For each row, its relations in words ('same report as a-tr01; may overlap c-tr03')."""
    rel = relations(ds)
    rel = rel[rel["from_row_id"].isin(row_ids) | rel["to_row_id"].isin(row_ids)]
    said: dict[str, list[str]] = {}
    for a, b, kind in zip(rel["from_row_id"], rel["to_row_id"], rel["kind"], strict=True):
        said.setdefault(a, []).append(f"{WORDS[kind][0]} {b}")
        said.setdefault(b, []).append(f"{WORDS[kind][1]} {a}")
    words = {k: "; ".join(v) for k, v in said.items()}
    return pd.Series([words.get(r, "") for r in row_ids], index=row_ids.index, dtype=object)


def propagate(ca: np.ndarray, cb: np.ndarray, n: int) -> np.ndarray:
    """Each of n nodes (0..n-1) -> the smallest node of its connected group, the edges being
    (ca[i], cb[i]): minimum labels spread along the edges, with pointer jumping."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[ca], label[cb])
        new = label.copy()
        np.minimum.at(new, ca, low)
        np.minimum.at(new, cb, low)
        new = new[new]  # a label is a node: take its label (pointer jumping)
        if np.array_equal(new, label):
            return label
        label = new


def components(a: pd.Series | list, b: pd.Series | list) -> pd.Series:
    """Each id on an edge (a[i], b[i]) -> the smallest id of its connected group, as a Series
    indexed by id (sorted). Vectorised: minimum labels spread along the edges, with pointer
    jumping, until nothing changes (as many rounds as the groups are wide, not as edges)."""
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    if len(a) == 0:
        return pd.Series([], dtype=object)
    nodes, codes = np.unique(
        np.concatenate([a, b]), return_inverse=True
    )  # sorted: min code = min id
    label = propagate(codes[: len(a)], codes[len(a) :], len(nodes))
    return pd.Series(nodes[label], index=nodes, dtype=object)


@dataclass(frozen=True)
class FigureGroups:
    """Figures tied by relations, as three flat tables (built without a loop over groups):
    `summary` one row per group (group, kind, noun, size), sorted by group; `members` the
    figures with their group, in the figures' order; `links` the relations with their group."""

    summary: pd.DataFrame
    members: pd.DataFrame
    links: pd.DataFrame

    def __len__(self) -> int:
        return len(self.summary)

    def listed(self, limit: int | None = None) -> list[dict]:
        """The first `limit` groups (all when None), each with the words it asks of the reader,
        its rows and the relations between them."""
        summary = self.summary if limit is None else self.summary.head(limit)
        rows, links = _slices(self.members, summary["group"]), _slices(self.links, summary["group"])
        return [
            {
                "group": g,
                "headline": f"These {_count(n)} {GROUP_WORDS[kind].format(noun=noun)}.",
                "kind": kind,
                "rows": rows[g],
                "relations": links[g],
            }
            for g, kind, noun, n in zip(
                summary["group"], summary["kind"], summary["noun"], summary["size"], strict=True
            )
        ]


def _slices(frame: pd.DataFrame, groups: pd.Series) -> dict[str, pd.DataFrame]:
    """group -> its rows of `frame` (in their order, without the group column), for the chosen
    groups only: one stable sort, then a slice each (no boolean mask per group)."""
    chosen = frame[frame["group"].isin(groups)].sort_values("group", kind="stable")
    keys = chosen["group"].to_numpy(dtype=object)
    body = chosen.drop(columns="group")
    cuts = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts, ends = np.r_[0, cuts], np.r_[cuts, len(keys)]
    return {
        keys[s]: body.iloc[s:e].reset_index(drop=True)
        for s, e in zip(starts, ends, strict=True)
        if e > s
    }


def figure_groups(q: pd.DataFrame, ds: Dataset) -> FigureGroups:
    """Groups of the figures in `q` (quantity rows) tied by relations, and the words each asks
    of the reader (the strongest kind of relation in it). Both ends must be in `q`."""
    rel = relations(ds)
    rel = rel[rel["from_row_id"].isin(q["transfer_id"]) & rel["to_row_id"].isin(q["transfer_id"])]
    ends = pd.concat([rel["from_row_id"], rel["to_row_id"]])
    return grouped(rel, q[q["transfer_id"].isin(ends)])


def grouped(rel: pd.DataFrame, members: pd.DataFrame) -> FigureGroups:
    """figure_groups from the relations whose ends are both figures, and those figures (the
    rows of `q` that are an end of one of them, in q's order)."""
    group_of = components(rel["from_row_id"], rel["to_row_id"])
    links = rel.assign(group=rel["from_row_id"].map(group_of).astype(object))
    members = members.assign(group=members["transfer_id"].map(group_of).astype(object))
    return summarised(links, members)


def summarised(links: pd.DataFrame, members: pd.DataFrame) -> FigureGroups:
    """FigureGroups from the relations and the figures, each with its `group` (the smallest
    id of its connected group): what each group asks of the reader, its noun and size."""
    rank = links["kind"].map({k: i for i, k in enumerate(GROUP_WORDS)})
    kind = rank.groupby(links["group"]).min().map(dict(enumerate(GROUP_WORDS)))
    nouns = members["category"].map(NOUNS).fillna("items")
    per = nouns.groupby(members["group"]).agg(["nunique", "first", "size"])
    summary = pd.DataFrame(
        {
            "group": per.index.astype(object),
            "kind": kind.reindex(per.index).to_numpy(dtype=object),
            "noun": per["first"].where(per["nunique"] == 1, "items").to_numpy(dtype=object),
            "size": per["size"].to_numpy(),
        }
    )
    return FigureGroups(summary, members, links)


def _count(n: int) -> str:
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return words[n] if n < len(words) else f"{n:,}"
