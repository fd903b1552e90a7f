"""Relations between rows (same_as, overlaps, updates, differs) as the pages show them: on a
row, and as groups of figures to compare, never to add. Pure pandas."""

from __future__ import annotations

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


def _components(edges: list[tuple[str, str]]) -> dict[str, str]:
    """row -> the smallest row id of its connected group (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in parent}


def figure_groups(q: pd.DataFrame, ds: Dataset) -> list[dict]:
    """Groups of the figures in `q` (quantity rows) tied by relations, each with the words it
    asks of the reader, its rows and the relations between them. Both ends must be in `q`."""
    rel = relations(ds)
    ids = set(q["transfer_id"])
    rel = rel[rel["from_row_id"].isin(ids) & rel["to_row_id"].isin(ids)]
    if rel.empty:
        return []
    group_of = _components(list(zip(rel["from_row_id"], rel["to_row_id"], strict=True)))
    rel = rel.assign(group=rel["from_row_id"].map(group_of))
    members = q[q["transfer_id"].isin(group_of)].assign(
        group=lambda d: d["transfer_id"].map(group_of)
    )
    out = []
    for group, rows in members.groupby("group", sort=True):
        links = rel[rel["group"] == group]
        kind = next(k for k in GROUP_WORDS if k in set(links["kind"]))
        nouns = {NOUNS.get(c, "items") for c in rows["category"]}
        noun = nouns.pop() if len(nouns) == 1 else "items"
        out.append(
            {
                "group": group,
                "headline": f"These {_count(len(rows))} {GROUP_WORDS[kind].format(noun=noun)}.",
                "kind": kind,
                "rows": rows.drop(columns="group").reset_index(drop=True),
                "relations": links.drop(columns="group").reset_index(drop=True),
            }
        )
    return out


def _count(n: int) -> str:
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return words[n] if n < len(words) else f"{n:,}"
