"""Figures, tallies, the claims matrix and the article reader's segments, from a filtered View."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import CONTEXT_MARK, WINDOWS, View, responds_to_pairs
from dashboard.views.sections import HARDWARE, PERSONNEL
from tests.views_before import grades
from tests.views_before.corroboration import article_labels
from tests.views_before.relations import related_words

CONTESTED_STANCES = ("denies", "acknowledges", "uncertain")


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


def _report_labels(t: pd.DataFrame) -> list[str]:
    """Each row's _report_label, worked out once per distinct report window (they are few)."""
    cols = ["report_date_start", "report_date_end", "report_date_precision", "report_date_text"]
    groups = t.groupby(cols, dropna=False, sort=False)  # numbered in order of first appearance
    firsts = [_report_label(r) for r in t.loc[groups.head(1).index].itertuples()]
    return [firsts[i] for i in groups.ngroup()]


def quantity_rows(view: View, ds: Dataset) -> pd.DataFrame:
    """One row per transfer with its figure as stated, bounds, claimant and report date."""
    names = actor_names(ds)
    t = view.transfers
    out = pd.DataFrame(
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
        }
    )
    return out.reset_index(drop=True)


def overview_metrics(view: View, ds: Dataset) -> dict:
    q = quantity_rows(view, ds)
    hardware = q[q["category"].isin(HARDWARE)]
    personnel = q[q["category"] == PERSONNEL]
    return {
        "events": len(view.events),
        "transfers": len(view.transfers),
        "hardware": hardware,
        "personnel": personnel,
        "span": shown_span(view),
        "claimants": view.events["claimant_actor_id"].nunique(),
    }


def shown_span(view: View):
    """Earliest to latest day of the shown rows' windows (on the filter's basis), within the
    chosen range: the span follows the filter."""
    f, ev = view.filters, view.events
    windows = WINDOWS[f.date_basis]
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


def _lookup(events: pd.DataFrame, ids: pd.Series, column: str) -> dict:
    """event_id -> `column` for the events named in `ids` only (not every event)."""
    named = events[events["event_id"].isin(ids.unique())]
    return dict(zip(named["event_id"], named[column], strict=True))


def contested(view: View, ds: Dataset) -> pd.DataFrame:
    """Denials, acknowledgements and unverified rows, with what they answer."""
    names = actor_names(ds)
    cols = [
        "event_id",
        "stance",
        "claimant_actor_id",
        "attribution",
        "summary",
        "responds_to_event_ids",
    ]
    ev = view.events[cols]
    rows = ev[ev["stance"].isin(CONTESTED_STANCES) | (ev["attribution"] == "unattributed")]
    rows = pd.concat([rows, view.answering[cols]]) if len(view.answering) else rows
    pairs = responds_to_pairs(rows)
    claimant = _lookup(ds.events, pairs["answers_event_id"], "claimant_actor_id")
    answered: dict[str, list[str]] = {}
    for event_id, target in zip(
        pairs["event_id"].tolist(), pairs["answers_event_id"].tolist(), strict=True
    ):
        answered.setdefault(event_id, []).append(f"{names[claimant[target]]} ({target})")
    answered = {event_id: "; ".join(texts) for event_id, texts in answered.items()}
    return pd.DataFrame(
        {
            "event_id": rows["event_id"],
            "stance": rows["stance"],
            "claimant": rows["claimant_actor_id"].map(names),
            "attribution": rows["attribution"],
            "summary": rows["summary"],
            "answers": rows["event_id"].map(answered).fillna(""),
            "shown_because": rows["event_id"]
            .isin(view.answering["event_id"])
            .map({True: CONTEXT_MARK, False: ""}),
        }
    ).reset_index(drop=True)


def tally(view: View, ds: Dataset, by: str) -> pd.DataFrame:
    """Number of transfer reports by system, category or claimant (hardware and personnel apart)."""
    return tally_rows(quantity_rows(view, ds), by)


def tally_rows(q: pd.DataFrame, by: str) -> pd.DataFrame:
    """tally() from quantity_rows already at hand (a page that shows them need not redo them)."""
    if by not in ("system", "category", "claimant"):
        raise ValueError(f"cannot tally by {by!r}")
    column = by
    q = q.copy(deep=False)  # copy-on-write: the caller's frame is left as it was
    q["kind"] = q["category"].map(lambda c: PERSONNEL if c == PERSONNEL else "hardware")
    counts = q.groupby(["kind", column]).size().rename("reports").reset_index()
    return counts.sort_values(
        ["kind", "reports", column], ascending=[True, False, True]
    ).reset_index(drop=True)


def claims_matrix(view: View, ds: Dataset) -> pd.DataFrame:
    """Claims (rows) × claimants (columns); each cell the claimant's stance(s) on the claim."""
    names = actor_names(ds)
    propositions = dict(zip(ds.claims["claim_id"], ds.claims["proposition"], strict=True))
    if view.events.empty:
        return pd.DataFrame()
    # Each (claim, claimant, stance) once, in order of first appearance: rows are many, these few.
    ev = view.events[["claim_id", "claimant_actor_id", "stance"]].drop_duplicates()
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


def answers_table(view: View, ds: Dataset) -> pd.DataFrame:
    """Each denial or acknowledgement beside each row it answers, in its own words and with its
    timing; a response kept only because it answers a shown row is marked so."""
    names = actor_names(ds)
    shown = pd.concat([view.events, view.answering]) if len(view.answering) else view.events
    pairs = responds_to_pairs(shown)
    events = ds.events
    if not pairs.empty:  # index only the rows named here, not every event
        named = pd.concat([pairs["event_id"], pairs["answers_event_id"]]).unique()
        events = events[events["event_id"].isin(named)]
    by_id = events.set_index("event_id")
    when = {r.event_id: timing(r) for r in events.itertuples()}
    context = set(view.answering["event_id"])
    return pd.DataFrame(
        {
            "answer": pairs["event_id"],
            "stance": pairs["event_id"].map(by_id["stance"]),
            "by": pairs["event_id"].map(by_id["claimant_actor_id"]).map(names),
            "when": pairs["event_id"].map(when),
            "in their words": pairs["event_id"].map(by_id["passage"]),
            "answers": pairs["answers_event_id"],
            "claim by": pairs["answers_event_id"].map(by_id["claimant_actor_id"]).map(names),
            "what was claimed": pairs["answers_event_id"].map(by_id["summary"]),
            "shown because": pairs["event_id"].map(lambda e: CONTEXT_MARK if e in context else ""),
        }
    )


def cited_passages(view: View) -> pd.DataFrame:
    """One row per distinct passage (article, start, end) with the ids of the rows citing it."""
    cols = ["article_id", "passage_start", "passage_end", "passage"]
    ev = view.events[cols].assign(row_id=view.events["event_id"])
    tr = view.transfers[cols].assign(row_id=view.transfers["transfer_id"])
    rows = pd.concat([ev, tr], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=[*cols, "rows"])
    grouped = rows.groupby(cols, sort=True)["row_id"].agg(lambda ids: ", ".join(sorted(ids)))
    return grouped.rename("rows").reset_index()
