"""How pages divide their rows: dated and undated events, hardware and personnel transfers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.schema import TRANSFER_CATEGORIES

PERSONNEL = "personnel"
HARDWARE = tuple(c for c in TRANSFER_CATEGORIES if c != PERSONNEL)  # every other category
UNDATED_COLUMNS = [
    "event_id",
    "event_type",
    "claimant_actor_id",
    "stance",
    "date_text",
    "report_date_text",
    "summary",
]
EQUIPMENT_COLUMNS = [
    "transfer_id",
    "as_stated",
    "system",
    "claimant",
    "status",
    "reported",
    "low",
    "high",
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


def equipment_sections(q: pd.DataFrame) -> list[Section]:
    """tallies.quantity_rows split into hardware and troops: their figures are never compared."""
    hardware = q["category"].isin(HARDWARE)
    return [
        Section("hardware", "Guns and rocket launchers", q[hardware]),
        Section("personnel", "Troops", q[q["category"] == PERSONNEL]),
    ]
