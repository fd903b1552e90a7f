"""Every number and date expression in the seed is captured by a row, or excluded with a reason."""

import re

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset

ARTICLE = "000_8ce4acc91b2e9f2a"
NUMBER = re.compile(r"\d[\d,]*\d|\d")
DATE_EXPRESSION = re.compile(
    r"(?:mid-|late |early )?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?: \d{1,2})?|recent weeks|earlier this month|near future|"
    r"initially|earlier reports|already"
)

# (matched text, a few words of context after it) -> cells that must hold it, or an exclusion.
# A cell is (table, column, exact value); every listed cell must exist in some row.
NUMBERS = {
    ("20", ", South Kor"): [("events", "report_date_start", "2024-11-20")],
    ("10,900", " North Kore"): [("transfers", "quantity_as_stated", "approximately 10,900")],
    ("16", ", the Finan"): [("events", "report_date_start", "2024-11-16")],
    ("50", ' M-1978 "Ko'): [("transfers", "quantity_as_stated", "nearly 50")],
    ("1978", ' "Koksan" s'): [
        ("transfers", "system_as_written", 'M-1978 "Koksan" self-propelled howitzers')
    ],
    ("20", " upgraded 2"): [("transfers", "quantity_as_stated", "20")],
    ("240", "mm multiple"): [("transfers", "caliber_mm", 240.0)],
    # "BM-27" is a designation, not a count; it stays in the launcher's name as written.
    ("27", ' "Uragan" M'): [
        (
            "transfers",
            "system_as_written",
            'upgraded 240mm multiple rocket launchers based on the Soviet BM-27 "Uragan" MLRS system',
        )
    ],
    ("50,000", " soldiers f"): [("transfers", "quantity_as_stated", "about 50,000")],
    ("10,000", " North Kore"): [("transfers", "quantity_as_stated", "over 10,000")],
    ("7", " that some "): [("events", "report_date_start", "2024-11-07")],
}
DATES = {
    "November 20": [("events", "report_date_text", "On November 20")],
    "recent weeks": [("events", "report_date_text", "In recent weeks")],
    "earlier this month": [
        ("events", "date_text", "earlier this month"),
        ("events", "date_start", "2024-11-01"),
    ],
    "near future": [("events", "date_text", "in the near future")],
    "November 16": [("events", "report_date_text", "On November 16")],
    "mid-November": [
        ("events", "report_date_text", "surfaced in mid-November"),
        ("events", "report_date_start", "2024-11-11"),
    ],
    "November 7": [("events", "report_date_text", "on November 7")],
    "earlier reports": [("events", "report_date_text", "earlier reports")],
    "initially": [("events", "date_text", "initially")],
    "late October": [
        ("events", "date_text", "in late October"),
        ("events", "date_start", "2024-10-21"),
    ],
    "already": [
        ("events", "date_text", "already"),
        ("transfers", "destination_location_id", "kursk-oblast"),
    ],
}


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def _has(ds, table, column, value):
    col = getattr(ds, table)[column]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (col == pd.Timestamp(value)).any()
    return (col == value).any()


def test_every_number_is_listed(ds):
    text = ds.seeds[ARTICLE]
    found = {(m.group(), text[m.end() : m.end() + 11]) for m in NUMBER.finditer(text)}
    assert found == set(NUMBERS)


def test_every_date_expression_is_listed(ds):
    text = ds.seeds[ARTICLE]
    assert {m.group() for m in DATE_EXPRESSION.finditer(text)} == set(DATES)


@pytest.mark.parametrize("key", list(NUMBERS), ids=lambda k: f"{k[0]}{k[1]}")
def test_number_is_captured(ds, key):
    missing = [cell for cell in NUMBERS[key] if not _has(ds, *cell)]
    assert missing == []


@pytest.mark.parametrize("key", list(DATES))
def test_date_expression_is_captured(ds, key):
    missing = [cell for cell in DATES[key] if not _has(ds, *cell)]
    assert missing == []
