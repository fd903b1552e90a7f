"""Figures, tallies, the claims matrix and the article reader's segments, from a filtered View."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views import grades
from dashboard.views.corroboration import article_labels
from dashboard.views.filters import WINDOWS, View
from dashboard.views.positions import positions
from dashboard.views.relations import related_words
from dashboard.views.sections import HARDWARE, PERSONNEL


def actor_names(ds: Dataset) -> dict[str, str]:
    return dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))


def label_window(start, end, precision: str) -> str:
    """'16 Nov 2024', '21–31 Oct 2024', '1–19 Nov 2024', or 'date unknown'."""
    if precision == "unknown" or pd.isna(start):
        return "date unknown"
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def _report_label(row) -> str:
    label = label_window(row.report_date_start, row.report_date_end, row.report_date_precision)
    if label == "date unknown" and isinstance(row.report_date_text, str):
        return f"reported {row.report_date_text.lower()}"
    return label


def _per_distinct(frame: pd.DataFrame, cols: list[str], label) -> list[str]:
    """label(row) for each row, worked out once per distinct combination of `cols` (rows are
    many, their date windows few)."""
    if frame.empty:
        return []
    groups = frame.groupby(cols, dropna=False, sort=False)  # numbered in order of first appearance
    firsts = [label(r) for r in frame.loc[groups.head(1).index, cols].itertuples()]
    return [firsts[i] for i in groups.ngroup()]


def _report_labels(t: pd.DataFrame) -> list[str]:
    """Each row's _report_label, worked out once per distinct report window."""
    cols = ["report_date_start", "report_date_end", "report_date_precision", "report_date_text"]
    return _per_distinct(t, cols, _report_label)


def transfer_rows(ds: Dataset) -> pd.DataFrame:
    """quantity_rows for every transfer, indexed like ds.transfers. Every column is a function of
    its own row and the dataset, so a filtered view takes its rows from here (quantity_rows)."""
    names = actor_names(ds)
    t = ds.transfers
    return pd.DataFrame(
        {
            "transfer_id": t["transfer_id"],
            "system": t["system_name"],
            "as_written": t["system_as_written"],
            "category": t["category"],
            "as_stated": t["quantity_as_stated"].fillna("not stated"),
            "qualifier": t["quantity_qualifier"],
            "low": t["quantity_low"],
            "high": t["quantity_high"],
            "status": t["status"],
            "supplier": t["supplier_actor_id"].map(names),
            "claimant": t["claimant_actor_id"].map(names),
            "reported": _report_labels(t),
            "passage": t["passage"],
            "grade": grades.grade_labels(
                t["claimant_actor_id"], grades.transfer_credibility(t, ds), ds
            ),
            "article": t["article_id"].map(article_labels(ds.articles)),
            "related": related_words(ds, t["transfer_id"]),
        },
        index=t.index,
    )


def take(table: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """The rows of a per-dataset table (indexed like the dataset's) that a view keeps (`index`:
    their labels, e.g. View.transfer_index), in the view's order, numbered from 0."""
    if len(index) == len(table) and index.equals(table.index):
        return table.reset_index(drop=True)
    return table.loc[index].reset_index(drop=True)


def quantity_rows(view: View, ds: Dataset, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per transfer with its figure as stated, bounds, claimant and report date.
    `table` is transfer_rows(ds) when the caller keeps it (computed once per dataset)."""
    return take(transfer_rows(ds) if table is None else table, view.transfer_index)


def overview_metrics(view: View, ds: Dataset, table: pd.DataFrame | None = None) -> dict:
    q = quantity_rows(view, ds, table)
    hardware = q[q["category"].isin(HARDWARE)]
    personnel = q[q["category"] == PERSONNEL]
    return {
        "events": view.n_events,
        "transfers": view.n_transfers,
        "hardware": hardware,
        "personnel": personnel,
        "span": shown_span(view),
        "claimants": view.event_cols("claimant_actor_id")["claimant_actor_id"].nunique(),
    }


def shown_span(view: View):
    """Earliest to latest day of the shown rows' windows (on the filter's basis), within the
    chosen range: the span follows the filter."""
    f, windows = view.filters, WINDOWS[view.filters.date_basis]
    ev = view.event_cols(*(c for window in windows for c in window))
    starts = pd.concat([ev[s] for s, _ in windows]).dropna()
    ends = pd.concat([ev[e] for _, e in windows]).dropna()
    if starts.empty:
        return None
    lo, hi = starts.min(), ends.max()
    if f.start is not None:
        lo = max(lo, pd.Timestamp(f.start))
    if f.end is not None:
        hi = min(hi, pd.Timestamp(f.end))
    return (lo.date(), hi.date()) if lo <= hi else None


def timing(row) -> str:
    """When a response was made, in the article's words where it has no day: 'initially'."""
    for prefix in ("report_date", "date"):
        label = label_window(
            getattr(row, f"{prefix}_start"),
            getattr(row, f"{prefix}_end"),
            getattr(row, f"{prefix}_precision"),
        )
        if label != "date unknown":
            return label
    for prefix in ("date", "report_date"):
        words = getattr(row, f"{prefix}_text")
        if isinstance(words, str) and words:
            return words
    return "date unknown"


def tally(view: View, ds: Dataset, by: str) -> pd.DataFrame:
    """Number of transfer reports by system, category or claimant (hardware and personnel apart)."""
    return tally_rows(quantity_rows(view, ds), by)


def tally_rows(q: pd.DataFrame, by: str) -> pd.DataFrame:
    """tally() from quantity_rows already at hand (a page that shows them need not redo them)."""
    if by not in ("system", "category", "claimant"):
        raise ValueError(f"cannot tally by {by!r}")
    column = by
    q = q.copy(deep=False)  # copy-on-write: the caller's frame is left as it was
    q["kind"] = np.where(q["category"] == PERSONNEL, PERSONNEL, "hardware")
    counts = q.groupby(["kind", column]).size().rename("reports").reset_index()
    return counts.sort_values(
        ["kind", "reports", column], ascending=[True, False, True]
    ).reset_index(drop=True)


MATRIX_COLUMNS = ["claim_id", "claimant_actor_id", "stance"]


def matrix_keys(ds: Dataset) -> np.ndarray:
    """Each event's (claim, claimant, stance) as one integer (equal keys: equal triples), made
    once per dataset so that claims_matrix finds a view's distinct triples among integers."""
    key = np.zeros(len(ds.events), dtype=np.int64)
    for column in MATRIX_COLUMNS:
        codes, uniques = pd.factorize(ds.events[column])
        key = key * (len(uniques) + 1) + codes + 1
    return key


def claims_matrix(view: View, ds: Dataset, keys: np.ndarray | None = None) -> pd.DataFrame:
    """Claims (rows) × claimants (columns); each cell the claimant's stance(s) on the claim.
    `keys` is matrix_keys(ds) when the caller keeps it (made once per dataset)."""
    names = actor_names(ds)
    propositions = dict(zip(ds.claims["claim_id"], ds.claims["proposition"], strict=True))
    if view.empty:
        return pd.DataFrame()
    # Each (claim, claimant, stance) once, in order of first appearance: rows are many, these few.
    if keys is None:
        ev = view.event_cols(*MATRIX_COLUMNS).drop_duplicates()
    else:
        pos = positions(view.event_index, ds.events.index)
        first = pos[~pd.Series(keys[pos]).duplicated().to_numpy()]
        ev = ds.events.take(first)[MATRIX_COLUMNS]
    cells = (
        ev.assign(
            claimant=ev["claimant_actor_id"].map(names), claim=ev["claim_id"].map(propositions)
        )
        .groupby(["claim", "claimant"])["stance"]
        .agg(lambda s: ", ".join(sorted(set(s))))
        .unstack(fill_value="")
    )
    order = ev["claim_id"].map(propositions).drop_duplicates()
    return cells.loc[order].rename_axis(index="claim", columns=None)


def cited_passages(view: View) -> pd.DataFrame:
    """One row per distinct passage (article, start, end) with the ids of the rows citing it."""
    cols = ["article_id", "passage_start", "passage_end", "passage"]
    ev = view.event_cols(*cols, "event_id").rename(columns={"event_id": "row_id"})
    tr = view.transfer_cols(*cols, "transfer_id").rename(columns={"transfer_id": "row_id"})
    rows = pd.concat([ev, tr], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=[*cols, "rows"])
    grouped = rows.groupby(cols, sort=True)["row_id"].agg(lambda ids: ", ".join(sorted(ids)))
    return grouped.rename("rows").reset_index()


def reader_segments(text: str, passages: pd.DataFrame) -> list[tuple[str, list[int]]]:
    """Cut the text at every passage boundary: (segment, indexes of the passages covering it).
    Which passages cover which segment is one comparison of arrays (segments × passages), not
    a Python loop over both (400 passages took a fifth of a second)."""
    starts = passages["passage_start"].to_numpy(dtype=np.int64)
    ends = passages["passage_end"].to_numpy(dtype=np.int64)
    bounds = np.array(sorted({0, len(text), *starts.tolist(), *ends.tolist()}), dtype=np.int64)
    a, b = bounds[:-1], bounds[1:]
    covers = (starts[None, :] <= a[:, None]) & (b[:, None] <= ends[None, :])
    return [
        (text[x:y], np.flatnonzero(row).tolist())
        for x, y, row in zip(a.tolist(), b.tolist(), covers, strict=True)
    ]
