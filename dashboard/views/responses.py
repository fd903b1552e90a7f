"""Denials and acknowledgements beside what they answer (Sources & claims), and the contested
rows (Overview). What a response says and answers is a function of the row and the dataset:
answer_pairs and answered_words make it once per dataset; a view then only picks its rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.filters import CONTEXT_MARK, View, responds_to_pairs
from dashboard.views.positions import at, kept
from dashboard.views.tallies import _per_distinct, actor_names, timing

CONTESTED_STANCES = ("denies", "acknowledges", "uncertain")
TIMING_COLUMNS = [
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "report_date_start",
    "report_date_end",
    "report_date_precision",
    "report_date_text",
]
ANSWER_COLUMNS = [
    "answer",
    "stance",
    "by",
    "when",
    "in their words",
    "answers",
    "claim by",
    "what was claimed",
]


def timings(events: pd.DataFrame) -> pd.Series:
    """timing() of each event, indexed by event_id (once per distinct set of dates and words)."""
    return pd.Series(
        _per_distinct(events, TIMING_COLUMNS, timing), index=events["event_id"], dtype=object
    )


def answer_pairs(ds: Dataset) -> pd.DataFrame:
    """Every (response, row it answers) of the dataset, in the order of the rows, with the words
    the Sources page shows; `row` is the response's index in ds.events."""
    names = actor_names(ds)
    pairs = responds_to_pairs(ds.events)
    named = pd.concat([pairs["event_id"], pairs["answers_event_id"]]).unique()
    events = ds.events[ds.events["event_id"].isin(named)]
    by_id = events.set_index("event_id")
    return pd.DataFrame(
        {
            "row": pairs["event_id"].map(pd.Series(ds.events.index, index=ds.events["event_id"])),
            "answer": pairs["event_id"],
            "stance": pairs["event_id"].map(by_id["stance"]),
            "by": pairs["event_id"].map(by_id["claimant_actor_id"]).map(names),
            "when": pairs["event_id"].map(timings(events)),
            "in their words": pairs["event_id"].map(by_id["passage"]),
            "answers": pairs["answers_event_id"],
            "claim by": pairs["answers_event_id"].map(by_id["claimant_actor_id"]).map(names),
            "what was claimed": pairs["answers_event_id"].map(by_id["summary"]),
        }
    )


def answered_words(pairs: pd.DataFrame) -> dict[str, str]:
    """event_id -> what it answers, 'Claimant (row id)' joined by '; ' (from answer_pairs)."""
    said = pairs["claim by"] + " (" + pairs["answers"] + ")"
    return _joined(said, pairs["answer"], "; ").to_dict()


def _joined(texts: pd.Series, keys: pd.Series, sep: str) -> pd.Series:
    """texts joined per key in their order, indexed by key; most keys have one text, and only
    the others are joined one by one."""
    texts, keys = texts.reset_index(drop=True), keys.reset_index(drop=True)
    many = keys.duplicated(keep=False)
    single = pd.Series(texts[~many].to_numpy(dtype=object), index=keys[~many].to_numpy())
    joined = texts[many].groupby(keys[many], sort=False).agg(sep.join).astype(object)
    return pd.concat([single, joined])


def answers_table(view: View, ds: Dataset, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each denial or acknowledgement beside each row it answers, in its own words and with its
    timing; a response kept only because it answers a shown row is marked so. `pairs` is
    answer_pairs(ds) when the caller keeps it (computed once per dataset)."""
    return answers_first(view, ds, pairs)[0]


def _picked(shown: np.ndarray, context: np.ndarray, limit: int | None):
    """(the positions of every row picked (the shown, then the context ones), of the first
    `limit` of them, how many are shown among those)."""
    first, then = np.flatnonzero(shown), np.flatnonzero(context)
    every = np.concatenate([first, then])
    chosen = every if limit is None else every[:limit]
    return every, chosen, min(len(first), len(chosen))


def answers_first(
    view: View, ds: Dataset, pairs: pd.DataFrame | None = None, limit: int | None = None
) -> tuple[pd.DataFrame, int]:
    """(answers_table's first `limit` rows, how many rows it has): only the rows a page sends
    are copied (at a million events the answers are a hundred thousand)."""
    pairs = answer_pairs(ds) if pairs is None else pairs
    rows = ds.events.index.get_indexer(pairs["row"])
    shown = at(kept(view.event_index, ds.events.index), rows)
    context = pairs["row"].isin(view.answering.index).to_numpy(dtype=bool)
    every, chosen, n_shown = _picked(shown, context, limit)
    out = pairs.iloc[chosen][ANSWER_COLUMNS].reset_index(drop=True)
    out["shown because"] = [""] * n_shown + [CONTEXT_MARK] * (len(chosen) - n_shown)
    return out, len(every)


def contested_rows(ds: Dataset, answered: dict[str, str] | None = None) -> pd.DataFrame:
    """contested's columns for every event that is contested or answers another, indexed like
    ds.events; `contested` says which of them are contested in their own right."""
    names = actor_names(ds)
    answered = answered_words(answer_pairs(ds)) if answered is None else answered
    ev = ds.events
    own = ev["stance"].isin(CONTESTED_STANCES) | (ev["attribution"] == "unattributed")
    rows = ev[own | ev["responds_to_event_ids"].notna()]
    return pd.DataFrame(
        {
            "event_id": rows["event_id"],
            "stance": rows["stance"],
            "claimant": rows["claimant_actor_id"].map(names),
            "attribution": rows["attribution"],
            "summary": rows["summary"],
            "answers": rows["event_id"].map(answered),
            "contested": own[rows.index],
        }
    )


def contested(view: View, ds: Dataset, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Denials, acknowledgements and unverified rows, with what they answer; then the responses
    kept because they answer a shown row. `table` is contested_rows(ds) when the caller keeps
    it (computed once per dataset)."""
    return contested_first(view, ds, table)[0]


def contested_first(
    view: View, ds: Dataset, table: pd.DataFrame | None = None, limit: int | None = None
) -> tuple[pd.DataFrame, int]:
    """(contested's first `limit` rows, how many rows it has): only those rows are copied."""
    table = contested_rows(ds) if table is None else table
    mine = at(kept(view.event_index, ds.events.index), ds.events.index.get_indexer(table.index))
    shown = table["contested"].to_numpy(dtype=bool) & mine
    context = table.index.isin(view.answering.index)
    every, chosen, n_shown = _picked(shown, context, limit)
    out = table.iloc[chosen].drop(columns="contested").reset_index(drop=True)
    # Typed as the row-wise version typed "nothing answered": decided on every row picked.
    if table["answers"].isna().to_numpy()[every].all():
        out["answers"] = out["answers"].astype(object)
    out["answers"] = out["answers"].fillna("")
    out["shown_because"] = [""] * n_shown + [CONTEXT_MARK] * (len(chosen) - n_shown)
    return out, len(every)
