"""How pages divide their rows: dated and undated events, hardware and personnel transfers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.schema import TRANSFER_CATEGORIES
from dashboard.views.filters import Filters, View
from dashboard.views.positions import once, positions

PERSONNEL = "personnel"
HARDWARE = tuple(c for c in TRANSFER_CATEGORIES if c != PERSONNEL)  # every other category
HARDWARE_TITLE = "Weapons and equipment"  # guns, launchers, missiles, ammunition: not troops
EQUIPMENT_COLUMNS = [
    "transfer_id",
    "as_stated",
    "system",
    "claimant",
    "grade",
    "article",
    "status",
    "reported",
    "low",
    "high",
    "related",
    "passage",
]


@dataclass(frozen=True)
class Section:
    key: str  # names the page's widgets: f"{key}_chart", f"{key}_table"
    title: str
    rows: pd.DataFrame

    @property
    def stated(self) -> pd.DataFrame:
        """The rows whose figure the article states (a lower bound exists)."""
        return self.rows[self.rows["low"].notna()]


def is_dated(events: pd.DataFrame) -> pd.Series:
    """True where a row has a window to draw: when it happened, or else when it was reported."""
    return events["date_start"].notna() | events["report_date_start"].notna()


def split_dated(events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows the timeline draws, rows it lists as undated)."""
    dated = is_dated(events)
    return events[dated], events[~dated]


UNDATED_COLUMNS = (  # what undated_table reads
    *("summary", "event_type", "claimant_actor_id", "stance", "date_text", "report_date_text"),
    "event_id",
)


def undated_table(undated: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The undated rows as the Timeline lists them: what, who says so, and the words for when."""
    return pd.DataFrame(
        {
            "summary": undated["summary"],
            "event_type": undated["event_type"],
            "claimant": undated["claimant_actor_id"].map(names),
            "stance": undated["stance"],
            "when (as written)": undated["date_text"],
            "reported": undated["report_date_text"],
            "id": undated["event_id"],
        }
    )


def chosen_range(
    f: Filters, span: tuple[date, date] | None
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The date range the filter chose, to shade on the timeline (first day to the end of the
    last); None when no range narrows the data's own span."""
    if not (f.start or f.end) or span is None or (f.start, f.end) == tuple(span):
        return None
    lo, hi = pd.Timestamp(f.start or span[0]), pd.Timestamp(f.end or span[1])
    return lo, hi + pd.Timedelta(days=1)


def equipment_sections(q: pd.DataFrame) -> list[Section]:
    """tallies.quantity_rows split into hardware and troops: their figures are never compared."""
    hardware = q["category"].isin(HARDWARE)
    return [
        Section("hardware", HARDWARE_TITLE, q[hardware]),
        Section("personnel", "Troops", q[q["category"] == PERSONNEL]),
    ]


def coloured_dates(view: View, ds: Dataset, colour_by: str) -> pd.DataFrame:
    """The view's events' two window starts and `colour_by`, the latter as a categorical made
    once per dataset: the weekly counts then group on its codes instead of hashing a million
    strings (charts.timeline_counts_figure counts the same rows, in the same order)."""
    ev = view.event_cols("date_start", "report_date_start")
    whole = once(ds.events, f"categorical:{colour_by}", lambda e: e[colour_by].astype("category"))
    return ev.assign(**{colour_by: whole.array.take(positions(view.event_index, ds.events.index))})
