"""The shared filters: what they offer, and which rows of each table they keep. Pure pandas.

Date filter semantics: a row is kept when its window overlaps the chosen range. The window
is the event's own (date_start..date_end) where the article dates the event, otherwise the
window in which it was reported; a row with neither is "undated" and is kept or dropped by
the `include_undated` switch. A transfer is shown exactly when the event that reports it is.
Actor filter semantics: choosing an actor keeps rows in which it, or any actor under it
(a state's ministers, forces and units), acts, partners, is targeted, claims or is cited, or
supplies or receives in the row's transfers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.parsing import split_ids

EVENT_ACTOR_COLUMNS = (
    "actor_ids",
    "partner_actor_ids",
    "target_actor_ids",
    "claimant_actor_id",
    "claimant_cites_actor_id",
)
TRANSFER_ACTOR_COLUMNS = ("supplier_actor_id", "recipient_actor_id")


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    include_undated: bool = True


@dataclass(frozen=True)
class View:
    """The rows of every table that the current filters keep."""

    events: pd.DataFrame
    transfers: pd.DataFrame
    locations: pd.DataFrame
    filters: Filters = field(default_factory=Filters)

    @property
    def empty(self) -> bool:
        return self.events.empty


def effective_window(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The event window where known, else the report window; NaT where neither is."""
    dated = events["date_start"].notna()
    start = events["date_start"].where(dated, events["report_date_start"])
    end = events["date_end"].where(dated, events["report_date_end"])
    return start, end


def date_span(ds: Dataset) -> tuple[date, date] | None:
    start, end = effective_window(ds.events)
    if start.isna().all():
        return None
    return start.min().date(), end.max().date()


def actor_links(ds: Dataset) -> pd.DataFrame:
    """One row per (event_id, actor_id) for every way an actor takes part in an event."""
    frames = []
    for col in EVENT_ACTOR_COLUMNS:
        s = ds.events.set_index("event_id")[col].dropna()
        frames.append(s.str.split(";").explode().str.strip())
    for col in TRANSFER_ACTOR_COLUMNS:
        frames.append(ds.transfers.set_index("event_id")[col].dropna())
    links = pd.concat(frames).rename("actor_id").reset_index()
    return links[links["actor_id"] != ""].drop_duplicates(ignore_index=True)


def actor_descendants(actors: pd.DataFrame, chosen: tuple[str, ...]) -> set[str]:
    """The chosen actors and every actor beneath them in the parent chain."""
    children: dict[str, list[str]] = {}
    for actor_id, parent in zip(actors["actor_id"], actors["parent_actor_id"], strict=True):
        if isinstance(parent, str):
            children.setdefault(parent, []).append(actor_id)
    out, stack = set(), list(chosen)
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(children.get(current, []))
    return out


def actor_state(actors: pd.DataFrame) -> dict[str, str]:
    """Each actor's top-most ancestor (its state, where it has one)."""
    parent = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    out = {}
    for actor_id in parent:
        current, seen = actor_id, set()
        while isinstance(parent.get(current), str) and current not in seen:
            seen.add(current)
            current = parent[current]
        out[actor_id] = current
    return out


def actor_options(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> label, grouped by state: 'North Korea', 'North Korea · Choe Son-hui'."""
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    top = actor_state(actors)
    labels = {}
    for actor_id, name in names.items():
        root = top[actor_id]
        labels[actor_id] = name if root == actor_id else f"{names[root]} · {name}"
    return dict(sorted(labels.items(), key=lambda kv: kv[1].casefold()))


def apply_filters(ds: Dataset, f: Filters, links: pd.DataFrame | None = None) -> View:
    ev = ds.events
    keep = pd.Series(True, index=ev.index)
    if f.start is not None or f.end is not None:
        lo = pd.Timestamp(f.start) if f.start else pd.Timestamp.min
        hi = pd.Timestamp(f.end) if f.end else pd.Timestamp.max
        start, end = effective_window(ev)
        overlaps = (start <= hi) & (end >= lo)
        keep &= overlaps | (start.isna() & f.include_undated)
    elif not f.include_undated:
        keep &= effective_window(ev)[0].notna()
    if f.event_types:
        keep &= ev["event_type"].isin(f.event_types)
    if f.claimants:
        keep &= ev["claimant_actor_id"].isin(f.claimants)
    if f.stances:
        keep &= ev["stance"].isin(f.stances)
    if f.actors:
        links = actor_links(ds) if links is None else links
        wanted = actor_descendants(ds.actors, f.actors)
        ids = links.loc[links["actor_id"].isin(wanted), "event_id"]
        keep &= ev["event_id"].isin(ids)
    events = ev.copy(deep=False) if keep.all() else ev[keep]  # copy-on-write: no rows copied
    transfers = ds.transfers[ds.transfers["event_id"].isin(events["event_id"])]
    located = _present(events["location_id"])
    for col in ("origin_location_id", "destination_location_id", "sighting_location_id"):
        located |= _present(transfers[col])
    locations = ds.locations[ds.locations["location_id"].isin(located)]
    return View(events, transfers, locations, f)


def _present(values: pd.Series) -> set:
    """The distinct non-missing values (hashed once each, not once per row)."""
    distinct = values.unique()
    return set(distinct[pd.notna(distinct)])


def responds_to_pairs(events: pd.DataFrame) -> pd.DataFrame:
    """(event_id, answers_event_id) for every denial or acknowledgement."""
    answering = events.loc[  # few rows answer another
        events["responds_to_event_ids"].notna(), ["event_id", "responds_to_event_ids"]
    ]
    rows = [
        (event_id, target)
        for event_id, targets in zip(
            answering["event_id"], answering["responds_to_event_ids"], strict=True
        )
        for target in split_ids(targets)
    ]
    return pd.DataFrame(rows, columns=["event_id", "answers_event_id"])
