"""The Data page's downloads as a table: one entry per file kind, each making its bytes on click."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd

from dashboard.builders import export
from dashboard.schema import TABLES

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ICON = ":material/download:"


@dataclass(frozen=True)
class Download:
    key: str  # the button's key is f"{key}_{table}"
    label: str
    suffix: str  # the file name is f"{stem}{suffix}"
    mime: str
    data: bytes | Callable[[], bytes]  # a callable runs when the button is clicked
    icon: str | None = ICON


def downloads(
    rows: pd.DataFrame, table: str, cite: dict[str, str], locations: pd.DataFrame
) -> list[Download]:
    """CSV, its citation, XLSX with a citation sheet, and GeoJSON of the rows that have a place
    (at the table's place column, from the registry)."""
    place = TABLES[table].place_column
    out = [
        Download("csv", "CSV", ".csv", "text/csv", partial(export.to_csv_bytes, rows)),
        Download(
            "cite",
            "Citation for the CSV",
            ".citation.txt",
            "text/plain",
            export.citation_text(cite),  # a few lines: sent with the page
            icon=None,
        ),
        Download(
            "xlsx",
            "XLSX (with citation sheet)",
            ".xlsx",
            XLSX_MIME,
            partial(export.to_xlsx_bytes, rows, cite, table),
        ),
    ]
    if place is not None:
        out.append(
            Download(
                "geojson",
                "GeoJSON (located rows)",
                ".geojson",
                "application/geo+json",
                partial(export.to_geojson_bytes, rows, locations, cite, place),
            )
        )
    return out
