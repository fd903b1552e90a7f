"""The shared filters: what they offer, and which rows of each table they keep. Pure pandas.

Date filter semantics: a row is kept when one of its windows overlaps the chosen range. The
`date_basis` says which: "happened" (date_start..date_end, the event's own window),
"reported" (report_date_start..report_date_end) or "either" (the default). A row without the
chosen window(s) is "undated" and is kept or dropped by the `include_undated` switch. A
transfer is shown exactly when the event that reports it is.
Context: a denial or acknowledgement that answers a shown row, but is itself dropped by the
actor or date filter, is kept in `View.context` (marked "answers a shown row"); the type,
claimant and stance filters still apply to it, since they choose kinds of rows.
Actor filter semantics: choosing an actor keeps rows in which it, or any actor under it
(a state's ministers, forces and units), acts, partners, is targeted, claims or is cited, or
supplies or receives in the row's transfers.
Article filter semantics: choosing articles keeps the rows that cite them.
Grade filter semantics (dashboard.views.grades): "B or better" keeps rows whose claimant is
graded A or B; "3 or better" keeps transfers whose credibility (their own, else their event's)
is 1 to 3, and events graded so or reporting such a transfer. Ungraded rows, and F and 6, are
left out by a grade filter and kept without one. The article and grade filters choose kinds
of rows (which sources): a response they drop is not kept as context.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.parsing import split_ids
from dashboard.schema import CREDIBILITY_GRADES, LIST_SEPARATOR, RELIABILITY_GRADES, TABLES
from dashboard.views import grades

DATE_BASES = {  # URL value -> the words the sidebar shows
    "either": "either date",
    "happened": "when it happened",
    "reported": "when it was reported",
}
WINDOWS = {
    "happened": (("date_start", "date_end"),),
    "reported": (("report_date_start", "report_date_end"),),
    "either": (("date_start", "date_end"), ("report_date_start", "report_date_end")),
}
CONTEXT_MARK = "answers a shown row"


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    include_undated: bool = True
    date_basis: str = "either"
    articles: tuple[str, ...] = ()
    reliability: str | None = None  # the worst grade kept: "B" keeps A and B
    credibility: str | None = None  # the worst grade kept: "3" keeps 1, 2 and 3


class View:
    """The rows of every table that the current filters keep.

    A view keeps, for events and transfers, the whole table and which of its rows are kept (a
    mask); the kept rows are copied into a frame only when a page first asks for `events` or
    `transfers` (at a million events that copy is 59 columns of a million cells, a third of a
    second). What needs less asks for less: `n_events`, `event_index` (the kept rows' labels,
    for picking rows of a per-dataset table) and `event_cols(...)` (a few columns of the kept
    rows); the same for transfers. Read-only and shared between sessions."""

    def __init__(
        self,
        events: pd.DataFrame,
        transfers: pd.DataFrame,
        locations: pd.DataFrame,
        filters: Filters | None = None,
        context: pd.DataFrame | None = None,
        *,
        event_keep: np.ndarray | None = None,
        transfer_keep: np.ndarray | None = None,
    ):
        """`events` and `transfers` are the rows shown; or, with `event_keep` / `transfer_keep`
        (boolean masks), the whole tables the kept rows are taken from."""
        self._tables = {"events": (events, event_keep), "transfers": (transfers, transfer_keep)}
        self._built: dict[str, pd.DataFrame] = {}
        self.locations = locations
        self.filters = Filters() if filters is None else filters
        self.context = context  # responses kept because they answer a shown row

    def _rows(self, table: str) -> pd.DataFrame:
        frame = self._built.get(table)  # a race between sessions builds it twice, harmlessly
        if frame is None:
            whole, keep = self._tables[table]
            frame = whole.copy(deep=False) if keep is None else whole[keep]
            self._built[table] = frame
        return frame

    def _cols(self, table: str, names) -> pd.DataFrame:
        if table in self._built:
            return self._built[table][list(names)]
        whole, keep = self._tables[table]
        part = whole[list(names)]
        return part if keep is None else part[keep]

    def _index(self, table: str) -> pd.Index:
        whole, keep = self._tables[table]
        return whole.index if keep is None else whole.index[keep]

    def _count(self, table: str) -> int:
        whole, keep = self._tables[table]
        return len(whole) if keep is None else int(np.count_nonzero(keep))

    @property
    def events(self) -> pd.DataFrame:
        return self._rows("events")

    @property
    def transfers(self) -> pd.DataFrame:
        return self._rows("transfers")

    def event_cols(self, *names: str) -> pd.DataFrame:
        """Only these columns of the shown events (cheap: nothing else is copied)."""
        return self._cols("events", names)

    def transfer_cols(self, *names: str) -> pd.DataFrame:
        return self._cols("transfers", names)

    @property
    def event_index(self) -> pd.Index:
        """The labels of the shown events in the dataset's table (nothing copied but them)."""
        return self._index("events")

    @property
    def transfer_index(self) -> pd.Index:
        return self._index("transfers")

    @property
    def n_events(self) -> int:
        return self._count("events")

    @property
    def n_transfers(self) -> int:
        return self._count("transfers")

    def release(self) -> None:
        """Forget the copied rows (they are copied again if asked for): a view dropped from
        the cache may still be held by a session's context or a download button, and must
        not keep a million rows alive with it."""
        self._built.clear()

    def copied_cells(self) -> int:
        """Cells of the rows copied so far (what this view costs beyond the dataset)."""
        return sum(
            frame.size for name, frame in self._built.items() if self._tables[name][1] is not None
        )

    @property
    def empty(self) -> bool:
        return self.n_events == 0

    @property
    def answering(self) -> pd.DataFrame:
        """The responses kept for context (none when the filters dropped no answer)."""
        if self.context is None:
            return self._tables["events"][0].iloc[:0]
        return self.context


def effective_window(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The event window where known, else the report window; NaT where neither is."""
    dated = events["date_start"].notna()
    start = events["date_start"].where(dated, events["report_date_start"])
    end = events["date_end"].where(dated, events["report_date_end"])
    return start, end


def dated(events: pd.DataFrame, basis: str = "either") -> pd.Series:
    """True where a row has the window(s) the basis looks at."""
    out = pd.Series(False, index=events.index)
    for start, _ in WINDOWS[basis]:
        out |= events[start].notna()
    return out


def in_range(events: pd.DataFrame, lo, hi, basis: str = "either") -> pd.Series:
    """True where one of the basis' windows overlaps lo..hi (None: open on that side)."""
    lo = pd.Timestamp(lo) if lo else pd.Timestamp.min
    hi = pd.Timestamp(hi) if hi else pd.Timestamp.max
    out = pd.Series(False, index=events.index)
    for start, end in WINDOWS[basis]:
        out |= (events[start] <= hi) & (events[end] >= lo)
    return out


def date_span(ds: Dataset, basis: str = "either") -> tuple[date, date] | None:
    """Earliest start to latest end of the basis' windows over every row."""
    starts = pd.concat([ds.events[s] for s, _ in WINDOWS[basis]])
    ends = pd.concat([ds.events[e] for _, e in WINDOWS[basis]])
    if starts.isna().all():
        return None
    return starts.min().date(), ends.max().date()


def date_counts(view: View) -> tuple[int, int]:
    """(rows with a date on the filter's basis, rows without one) among the rows shown."""
    starts = [start for start, _ in WINDOWS[view.filters.date_basis]]
    has = dated(view.event_cols(*starts), view.filters.date_basis)
    return int(has.sum()), int((~has).sum())


def undated_words(view: View) -> str:
    """'8 dated in range · 12 undated included' (or '… · undated left out')."""
    has, undated = date_counts(view)
    f = view.filters
    where = "in range" if (f.start or f.end) else "rows"
    if not f.include_undated:
        return f"{has} dated {where} · undated left out"
    return f"{has} dated {where} · {undated} undated included"


def reference_values(frame: pd.DataFrame, table: str, target: str) -> list[pd.Series]:
    """Every column of `frame` (a `table`) that names a row of `target`, as the registry says,
    one id per cell (lists split); indexed like `frame`."""
    out = []
    for name in TABLES[table].ref_columns(target):
        values = frame[name].dropna()
        if TABLES[table].field(name).type == "id_list":
            values = values.str.split(LIST_SEPARATOR).explode().str.strip()
        out.append(values)
    return out


def actor_links(ds: Dataset) -> pd.DataFrame:
    """One row per (event_id, actor_id) for every way an actor takes part in an event: every
    actor column of the event and of the transfers it reports (read from the registry)."""
    frames = [
        *reference_values(ds.events.set_index("event_id"), "events", "actors"),
        *reference_values(ds.transfers.set_index("event_id"), "transfers", "actors"),
    ]
    links = pd.concat(frames).rename("actor_id").rename_axis("event_id").reset_index()
    links = links[links["actor_id"] != ""].drop_duplicates(ignore_index=True)
    # Categories: at a million events the links are 3 million rows, 290 MB as Python strings
    # and 25 MB as codes; the server keeps them as long as the dataset.
    return links.astype({"event_id": "category", "actor_id": "category"})


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
    kind = pd.Series(True, index=ev.index)  # the filters that choose kinds of rows
    if f.event_types:
        kind &= ev["event_type"].isin(f.event_types)
    if f.claimants:
        kind &= ev["claimant_actor_id"].isin(f.claimants)
    if f.stances:
        kind &= ev["stance"].isin(f.stances)
    if f.articles:
        kind &= ev["article_id"].isin(f.articles)
    if f.reliability:
        ok = grades.passing(RELIABILITY_GRADES, f.reliability)
        kind &= ev["claimant_actor_id"].isin(
            [a for a, g in grades.reliability_of(ds).items() if g in ok]
        )
    credible = None
    if f.credibility:
        ok = grades.passing(CREDIBILITY_GRADES, f.credibility)
        credible = grades.transfer_credibility(ds.transfers, ds).isin(ok)
        rows = {r for r, g in grades.credibility_of(ds).items() if g in ok}
        kind &= ev["event_id"].isin(rows) | ev["event_id"].isin(
            ds.transfers.loc[credible, "event_id"]
        )
    keep = kind.copy()
    if f.start is not None or f.end is not None:
        overlaps = in_range(ev, f.start, f.end, f.date_basis)
        keep &= overlaps | (~dated(ev, f.date_basis) & f.include_undated)
    elif not f.include_undated:
        keep &= dated(ev, f.date_basis)
    if f.actors:
        links = actor_links(ds) if links is None else links
        wanted = actor_descendants(ds.actors, f.actors)
        ids = links.loc[links["actor_id"].isin(wanted), "event_id"]
        keep &= ev["event_id"].isin(ids)
    shown = keep.to_numpy()
    index, of_transfer = event_positions(ds)
    context = _answering(ev, (kind & ~keep).to_numpy(), index, shown)
    kept = shown[of_transfer] & (of_transfer >= 0)
    if credible is not None:
        kept &= credible.to_numpy()
    located = set()
    for table, whole, mask in (("events", ev, shown), ("transfers", ds.transfers, kept)):
        for name in TABLES[table].ref_columns("locations"):
            located |= _present(whole[name].to_numpy()[mask])
    locations = ds.locations[ds.locations["location_id"].isin(located)]
    return View(
        ev,
        ds.transfers,
        locations,
        f,
        context,
        event_keep=None if shown.all() else shown,
        transfer_keep=None if kept.all() else kept,
    )


_POSITIONS: dict[int, tuple] = {}  # id(dataset) -> (weak ref, event index, transfer positions)


def event_positions(ds: Dataset) -> tuple[pd.Index, np.ndarray]:
    """The events' ids as an index (id -> row position) and each transfer's event position
    (-1 if missing), once per dataset: a filter change then looks rows up by position instead
    of hashing a million ids again."""
    hit = _POSITIONS.get(id(ds))
    if hit is None or hit[0]() is not ds:
        index = pd.Index(ds.events["event_id"])
        hit = (weakref.ref(ds), index, index.get_indexer(ds.transfers["event_id"]))
        _POSITIONS[id(ds)] = hit
        weakref.finalize(ds, _POSITIONS.pop, id(ds), None)
    return hit[1], hit[2]


def _answering(
    events: pd.DataFrame, candidate: np.ndarray, index: pd.Index, shown: np.ndarray
) -> pd.DataFrame:
    """The candidate rows (a mask over `events`) that answer (responds_to_event_ids) one of
    the shown rows (`shown`: a mask over the events whose ids `index` holds)."""
    answering = events[candidate & events["responds_to_event_ids"].notna().to_numpy()]
    if answering.empty:
        return answering
    targets = [split_ids(t) for t in answering["responds_to_event_ids"]]
    ids = sorted({t for ts in targets for t in ts})
    positions = index.get_indexer(ids)
    shown_ids = {i for i, at in zip(ids, positions, strict=True) if at >= 0 and shown[at]}
    return answering[[any(t in shown_ids for t in ts) for ts in targets]]


def _present(values) -> set:
    """The distinct non-missing values (hashed once each, not once per row)."""
    distinct = pd.unique(values)
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


def undated_note(view: View, table: str) -> str:
    """How many of a table's shown rows are undated: '12 undated row(s) included'."""
    starts = [start for start, _ in WINDOWS[view.filters.date_basis]]
    ev = view.event_cols("event_id", *starts)
    undated = ev.loc[~dated(ev, view.filters.date_basis), "event_id"]
    if table == "events":
        return f"{len(undated):,} undated row(s) included"
    if table == "transfers":
        n = int(view.transfer_cols("event_id")["event_id"].isin(undated).sum())
        return f"{n:,} row(s) of undated events included"
    return "places carry no date"
