"""The print view's tables: every row while they are few; past PRINT_ROWS, counts by period
and category (as the Timeline page counts) and the first LISTED_ROWS rows. Pure pandas.

Words are worked out for the listed rows only, and counts are vectorised, so a sheet of a
million events costs about what one of three hundred does. Quantities are never added: the
counts are of rows (figures from different claimants stay apart).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.views.details import when
from dashboard.views.filters import View, event_positions
from dashboard.views.sections import HARDWARE, PERSONNEL
from dashboard.views.tallies import actor_names

PRINT_ROWS = 300  # as the Timeline draws one mark per row up to 300: past that, counts
LISTED_ROWS = 50  # past PRINT_ROWS, the rows listed under the counts (a page or two on paper)
UNDATED = "undated"
EVENT_COUNTED = ("date_start", "report_date_start", "event_type")  # what event_counts reads
TRANSFER_COUNTED = ("category", "quantity_as_stated", "system_name", "claimant_actor_id", "status")
ALL = "all"


@dataclass(frozen=True)
class Section:
    """One table of the sheet: the rows listed, how many the filters keep, and the count
    tables shown above them when they are more than the sheet lists (else none)."""

    rows: pd.DataFrame
    total: int
    counts: tuple[pd.DataFrame, ...] = ()

    @property
    def capped(self) -> bool:
        return self.total > len(self.rows)


@dataclass(frozen=True)
class Sheet:
    figures: Section
    events: Section
    transfers: Section


def _count(by: list[pd.Series]) -> pd.DataFrame:
    """Rows per combination of the first key and the second (its values as columns); a row
    without the first key is counted under None. Categoricals count only what is present."""
    counts = pd.concat(by, axis=1).groupby(
        [s.name for s in by], dropna=False, observed=True, sort=True
    )
    return counts.size().unstack(fill_value=0)


def event_counts(events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows per month, the month the event's window starts, else its report's: the Timeline's
    rule; months in order, undated and all last), (rows per type, most first, all last). Two
    narrow tables: a month-by-type table is fourteen columns wide and is cut off on paper."""
    start = events["date_start"].fillna(events["report_date_start"])
    month = (start.dt.year * 12 + start.dt.month - 1).rename("month")  # whole numbers: fast
    per_month = month.value_counts(dropna=False).sort_index(na_position="last")
    months = [
        UNDATED if pd.isna(m) else pd.Timestamp(int(m) // 12, int(m) % 12 + 1, 1).strftime("%b %Y")
        for m in per_month.index
    ]
    by_month = pd.DataFrame({"month": [*months, ALL], "rows": [*per_month, len(events)]})
    per_type = events["event_type"].value_counts(sort=True)
    per_type = per_type[per_type > 0]  # categoricals list what is absent too
    by_type = pd.DataFrame(
        {"event_type": [*map(str, per_type.index), ALL], "rows": [*per_type, len(events)]}
    )
    return by_month, by_type


def transfer_counts(transfers: pd.DataFrame) -> pd.DataFrame:
    """Rows per system and status, with a total column and row."""
    return _with_totals(_count([transfers["system_name"], transfers["status"]]), "system_name")


def figure_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Per system: how many rows state a figure, how many do not, and from how many claimants.
    The figures themselves are not added (their claimants and scopes differ)."""
    stated = figures["quantity_as_stated"].notna()
    grouped = figures.assign(stated=stated, unstated=~stated).groupby("system_name", sort=True)
    return (
        pd.DataFrame(
            {
                "figure stated": grouped["stated"].sum(),
                "quantity not stated": grouped["unstated"].sum(),
                "claimants": grouped["claimant_actor_id"].nunique(),
            }
        )
        .rename_axis("system_name")
        .reset_index()
    )


def _with_totals(table: pd.DataFrame, name: str) -> pd.DataFrame:
    table = table.copy()
    table[ALL] = table.sum(axis=1)
    table.loc[ALL] = table.sum(axis=0)
    table.columns.name = None
    return table.rename_axis(name).reset_index()


def _events(ev: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "summary": ev["summary"],
            "event_type": ev["event_type"],
            "claimant": ev["claimant_actor_id"].map(names),
            "stance": ev["stance"],
            "happened": _when(ev, "date"),
            "reported": _when(ev, "report_date"),
            "row": ev["event_id"],
        }
    ).reset_index(drop=True)


def _when(rows: pd.DataFrame, prefix: str) -> list[str]:
    return [
        when(s, e, p, t)
        for s, e, p, t in zip(
            rows[f"{prefix}_start"],
            rows[f"{prefix}_end"],
            rows[f"{prefix}_precision"],
            rows[f"{prefix}_text"],
            strict=True,
        )
    ]


def _transfers(tr: pd.DataFrame, ds: Dataset, names: dict[str, str]) -> pd.DataFrame:
    """Transfers in words; when they happened is their event's window and words (the event
    looked up by its row, not by hashing a million ids)."""
    index, _ = event_positions(ds)
    own = ds.events.iloc[index.get_indexer(tr["event_id"].unique())]
    happened = dict(zip(own["event_id"], _when(own, "date"), strict=True))
    return pd.DataFrame(
        {
            "summary": tr["quantity_as_stated"].fillna("quantity not stated")
            + " "
            + tr["system_as_written"]
            + " ("
            + tr["status"].str.replace("_", " ")
            + ")",
            "claimant": tr["claimant_actor_id"].map(names),
            "happened": tr["event_id"].map(happened),
            "reported": _when(tr, "report_date"),
            "row": tr["transfer_id"],
        }
    ).reset_index(drop=True)


def _figures(fig: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "as stated": fig["quantity_as_stated"].fillna("not stated"),
            "what": fig["system_as_written"],
            "status": fig["status"],
            "claimant": fig["claimant_actor_id"].map(names),
            "reported": _when(fig, "report_date"),
            "row": fig["transfer_id"],
        }
    ).reset_index(drop=True)


def print_sheet(view: View, ds: Dataset, limit: int | None = None) -> Sheet:
    """The sheet for these filters: each table whole up to `limit` rows (PRINT_ROWS unless
    given); past that, its counts and its first LISTED_ROWS (at most `limit`) rows."""
    limit = PRINT_ROWS if limit is None else limit
    names = actor_names(ds)
    # Only the columns counted are copied, and the rows listed: the view's rows in full are
    # 59 columns of a million events.
    tr = view.transfer_cols(*TRANSFER_COUNTED)
    ev_index, tr_index = view.event_index, tr.index
    hardware, personnel = tr["category"].isin(HARDWARE), tr["category"] == PERSONNEL
    figures = tr[hardware | personnel]  # weapons first, then troops, as the Overview lists them

    def listed(total: int) -> int:
        return total if total <= limit else min(limit, LISTED_ROWS)

    n = listed(len(figures))
    first = tr.index[hardware][:n].append(tr.index[personnel][:n])[:n]
    n_events = len(ev_index)
    return Sheet(
        figures=Section(
            _figures(ds.transfers.loc[first], names),
            len(figures),
            (figure_counts(figures),) if len(figures) > limit else (),
        ),
        events=Section(
            _events(ds.events.loc[ev_index[: listed(n_events)]], names),
            n_events,
            event_counts(view.event_cols(*EVENT_COUNTED)) if n_events > limit else (),
        ),
        transfers=Section(
            _transfers(ds.transfers.loc[tr_index[: listed(len(tr))]], ds, names),
            len(tr),
            (transfer_counts(tr),) if len(tr) > limit else (),
        ),
    )
