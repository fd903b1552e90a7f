"""The Data page's downloads as a table: one entry per file kind, each making its bytes on click."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd

from dashboard.builders import analyst, export
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


def analyst_csv(table: str, rows: pd.DataFrame, ds) -> bytes:
    """The rows as CSV with names beside ids and the article's columns."""
    return export.to_csv_bytes(analyst.analyst_frame(table, rows, ds))


def analyst_xlsx(table: str, rows: pd.DataFrame, ds, cite: dict[str, str]) -> bytes:
    """The rows as XLSX (date cells, frozen header, autofilter) with citation and codebook."""
    out = analyst.analyst_frame(table, rows, ds)
    return export.to_xlsx_bytes(out, cite, table, analyst.codebook_frame(table, list(out.columns)))


def analyst_zip(table: str, rows: pd.DataFrame, ds, cite: dict[str, str]) -> bytes:
    """CSV, citation and codebook as plain files in one ZIP."""
    out = analyst.analyst_frame(table, rows, ds)
    return export.to_zip_bytes(table, out, cite, analyst.codebook_frame(table, list(out.columns)))


def cited(
    cite: dict[str, str], rows: pd.DataFrame | int, ds, undated: str, articles: list | None = None
) -> dict[str, str]:
    """The citation with the rows' count, how many are undated, and the articles they come from.
    With `articles` (their ids, when the caller has them) `rows` may be just their count."""
    ids = rows.get("article_id", []) if articles is None else articles
    n = rows if isinstance(rows, int) else len(rows)
    return cite | {
        "articles": analyst.articles_cited(ds, ids),
        "rows": f"{n:,} row(s); {undated}",
    }


def _made(fn: Callable, *args) -> bytes:
    """fn(*args), an argument that is a callable made first: the rows, built on a click."""
    return fn(*(a() if callable(a) else a for a in args))


def downloads(
    rows: pd.DataFrame | Callable[[], pd.DataFrame],
    table: str,
    cite: dict[str, str],
    locations: pd.DataFrame,
    ds=None,
) -> list[Download]:
    """CSV, its citation, XLSX with citation and codebook sheets, GeoJSON of the rows that have
    a place (at the table's place column, from the registry), and a ZIP of plain files. With
    the dataset, the CSV, XLSX and ZIP carry names beside ids and the article's columns.
    `rows` may be a callable that makes them: then they are made on a click, not on each run."""
    place = TABLES[table].place_column
    csv_data = (
        partial(_made, analyst_csv, table, rows, ds)
        if ds is not None
        else partial(_made, export.to_csv_bytes, rows)
    )
    xlsx_data = (
        partial(_made, analyst_xlsx, table, rows, ds, cite)
        if ds is not None
        else partial(_made, export.to_xlsx_bytes, rows, cite, table)
    )
    out = [
        Download("csv", "CSV", ".csv", "text/csv", csv_data),
        Download(
            "cite",
            "Citation for the CSV",
            ".citation.txt",
            "text/plain",
            partial(export.citation_text, cite),  # names every article: built on click
            icon=None,
        ),
        Download(
            "xlsx",
            "XLSX (with citation sheet)",
            ".xlsx",
            XLSX_MIME,
            xlsx_data,
        ),
    ]
    if place is not None:
        out.append(
            Download(
                "geojson",
                "GeoJSON (located rows)",
                ".geojson",
                "application/geo+json",
                partial(_made, export.to_geojson_bytes, rows, locations, cite, place),
            )
        )
    if ds is not None:
        out.append(
            Download(
                "zip",
                "ZIP (CSV, citation, codebook)",
                ".zip",
                "application/zip",
                partial(_made, analyst_zip, table, rows, ds, cite),
                icon=":material/folder_zip:",
            )
        )
    return out
