"""Exports an analyst can open: names beside ids, the article's columns, XLSX date cells, a
frozen header, autofilter, widths, a codebook sheet, a ZIP of plain files; the formula
defences hold on every added column and sheet."""

import csv
import io
import zipfile
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from dashboard.builders import analyst, export
from dashboard.data.dataset import load_dataset
from dashboard.schema import TABLES
from dashboard.views import filters as flt


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.mark.parametrize(
    ("column", "name"),
    [
        pytest.param("supplier_actor_id", "supplier_name", id="actor"),
        pytest.param("actor_ids", "actor_names", id="actor-list"),
        pytest.param("partner_actor_ids", "partner_names", id="partner-list"),
        pytest.param("destination_location_id", "destination_name", id="place"),
        pytest.param("location_id", "location_name", id="bare-place"),
        pytest.param("claim_id", "claim_proposition", id="claim"),
        pytest.param("parent_actor_id", "parent_name", id="parent"),
    ],
)
def test_name_column(column, name):
    assert analyst.name_column(column) == name


def test_transfers_carry_names_and_the_article(ds):
    rows = ds.transfers[ds.transfers["transfer_id"] == "000-tr03"]
    out = analyst.analyst_frame("transfers", rows, ds)
    cols = list(out.columns)
    for id_col, name_col in (
        ("supplier_actor_id", "supplier_name"),
        ("recipient_actor_id", "recipient_name"),
        ("claimant_actor_id", "claimant_name"),
        ("destination_location_id", "destination_name"),
    ):
        assert cols.index(name_col) == cols.index(id_col) + 1
    row = out.iloc[0]
    assert (row["supplier_name"], row["recipient_name"], row["claimant_name"]) == (
        "North Korea",
        "Russia",
        "Financial Times",
    )
    assert (row["destination_name"], row["origin_name"]) == ("Kursk region", "North Korea")
    assert pd.isna(row["sighting_name"])
    assert cols[cols.index("article_id") + 1 : cols.index("article_id") + 5] == [
        "article_publisher",
        "article_title",
        "article_date_published",
        "article_url",
    ]
    assert row["article_publisher"] == "Caliber.Az"
    assert row["article_date_published"] == pd.Timestamp("2024-11-20")
    assert row["article_url"].startswith("https://caliber.az/")
    assert len(out.columns) == len(rows.columns) + 6 + 4  # 3 actors, 3 places; the article


def test_event_lists_get_every_name(ds):
    rows = ds.events[ds.events["event_id"] == "000-ev02"]
    out = analyst.analyst_frame("events", rows, ds).iloc[0]
    assert out["partner_names"] == "Russian forces; Russian Airborne Brigade; Russian Marines"
    assert out["claimant_name"] == "National Intelligence Service (NIS)"
    assert out["claim_proposition"].startswith("North Korean troops take part in combat")


def test_codebook_describes_every_exported_column(ds):
    out = analyst.analyst_frame("transfers", ds.transfers, ds)
    book = analyst.codebook_frame("transfers", list(out.columns))
    assert list(book["column"]) == list(out.columns)
    assert (book["description"] != "").all()
    by = book.set_index("column")
    assert (
        by.at["supplier_name", "description"]
        == "Name(s) of supplier_actor_id (from actors.csv); not in the CSV, added here."
    )
    enum = TABLES["transfers"].field("quantity_qualifier").enum
    assert by.at["quantity_qualifier", "allowed values"] == ", ".join(enum)
    assert by.at["quantity_qualifier", "allowed values"].startswith("exact, nearly, approximately")
    assert by.at["caliber_mm", "unit"] == "mm"


def test_articles_cited(ds):
    text = analyst.articles_cited(ds, ds.events["article_id"])
    assert text.startswith("Caliber.Az, “South Korea confirms North Korea's additional exports")
    assert ", 2024-11-20 (date inferred), https://caliber.az/" in text
    assert analyst.articles_cited(ds, []) == "none"


def _xlsx(ds, hostile=False):
    rows = ds.events.copy()
    if hostile:
        rows.loc[rows.index[0], "summary"] = '=HYPERLINK("http://127.0.0.1:9/x","click")'
    out = analyst.analyst_frame("events", rows, ds)
    book = analyst.codebook_frame("events", list(out.columns))
    cite = export.citation("v1", {"actors": "North Korea"}, date(2026, 11, 25), "T")
    return out, openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(out, cite, "events", book)))


def test_xlsx_dates_are_date_cells_with_header_frozen_and_filtered(ds):
    out, book = _xlsx(ds)
    assert book.sheetnames == ["citation", "codebook", "events"]
    ws = book["events"]
    header = [c.value for c in ws[1]]
    assert header == list(out.columns)
    col = header.index("report_date_start") + 1
    cell = ws.cell(row=2, column=col)
    assert cell.is_date and cell.value == datetime(2024, 11, 20)
    assert cell.number_format == "yyyy-mm-dd"
    assert ws.cell(row=2, column=header.index("article_date_published") + 1).value == datetime(
        2024, 11, 20
    )
    assert (
        ws.cell(row=2, column=header.index("date_start") + 1).value is None
    )  # undated stays empty
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(out) + 1}"
    widths = {
        k: ws.column_dimensions[k].width
        for k in ("A", openpyxl.utils.get_column_letter(header.index("passage") + 1))
    }
    assert (
        8 <= widths["A"] <= 20
        and widths[openpyxl.utils.get_column_letter(header.index("passage") + 1)] > 60
    )
    assert book["codebook"].freeze_panes == "A2"


def test_xlsx_added_columns_keep_the_formula_defences(ds):
    _, book = _xlsx(ds, hostile=True)
    ws = book["events"]
    header = [c.value for c in ws[1]]
    assert (
        ws.cell(row=2, column=header.index("summary") + 1).value
        == '\'=HYPERLINK("http://127.0.0.1:9/x","click")'
    )
    formulas = [
        c.coordinate for s in book for row in s.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_zip_holds_csv_citation_and_codebook(ds):
    view = flt.apply_filters(ds, flt.Filters(actors=("financial-times",)))
    out = analyst.analyst_frame("transfers", view.transfers, ds)
    book = analyst.codebook_frame("transfers", list(out.columns))
    cite = export.citation("v1", {}, date(2026, 11, 25), "T") | {
        "articles": analyst.articles_cited(ds, out["article_id"])
    }
    raw = export.to_zip_bytes("transfers_ft", out, cite, book)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        assert z.namelist() == [
            "transfers_ft.csv",
            "transfers_ft.citation.txt",
            "transfers_ft.codebook.csv",
        ]
        rows = list(csv.DictReader(io.StringIO(z.read("transfers_ft.csv").decode("utf-8-sig"))))
        text = z.read("transfers_ft.citation.txt").decode()
        codebook = list(
            csv.DictReader(io.StringIO(z.read("transfers_ft.codebook.csv").decode("utf-8-sig")))
        )
    assert [r["transfer_id"] for r in rows] == ["000-tr03", "000-tr04"]
    assert (
        rows[0]["supplier_name"] == "North Korea"
        and rows[0]["article_date_published"] == "2024-11-20"
    )
    assert "articles: Caliber.Az, “South Korea confirms" in text
    assert [r["column"] for r in codebook] == list(out.columns)
