"""Downloads: formula injection neutralised, every field quoted, XLSX without formulas or links."""

import csv
import io
import json
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest

from dashboard.builders import export

TRIGGERED = [
    pytest.param("=1+1", id="equals"),
    pytest.param("+1+1", id="plus"),
    pytest.param("-1+1", id="minus"),
    pytest.param("@SUM(1,1)", id="at"),
    pytest.param("\t=1+1", id="tab"),
    pytest.param("\r=1+1", id="cr"),
    pytest.param("\n=1+1", id="lf"),
    pytest.param("\0=1+1", id="nul"),
    pytest.param(" =1+1", id="leading-space"),
    pytest.param("\u00a0=1+1", id="nbsp"),
    pytest.param("\u3000=1+1", id="ideographic-space"),
    pytest.param("\uff1d1+1", id="fullwidth-equals"),
    pytest.param("\uff0b1", id="fullwidth-plus"),
    pytest.param("\uff0d1", id="fullwidth-minus"),
    pytest.param("\uff20SUM(1)", id="fullwidth-at"),
    pytest.param('=HYPERLINK("http://127.0.0.1:9/x","click")', id="hyperlink"),
    pytest.param("=cmd|' /C calc'!A0", id="dde"),
    # Every Unicode space, format character and control, and every compatibility form of a
    # trigger, is treated as the triggers and blanks already were (issue 13, item 10).
    pytest.param("\u2002=1+1", id="en-space"),
    pytest.param("\u200b=1+1", id="zero-width-space"),
    pytest.param("\ufeff=1+1", id="byte-order-mark"),
    pytest.param("\u202e=1+1", id="bidi-override"),
    pytest.param("\u2028=1+1", id="line-separator"),
    pytest.param("\ufe661+1", id="small-equals"),
    pytest.param("\ufe621", id="small-plus"),
    pytest.param("\ufe631", id="small-minus"),
    pytest.param("\ufe6bSUM(1)", id="small-at"),
    pytest.param("\x0b=1+1", id="vertical-tab"),
    pytest.param("\x0c=1+1", id="form-feed"),
    pytest.param("\x1b=1+1", id="escape"),
    pytest.param("\u200b \u3000\ufe661", id="mixed-blanks"),
]
UNTOUCHED = [
    pytest.param("T-72", id="t72"),
    pytest.param("a=b", id="inner-equals"),
    pytest.param('M-1978 "Koksan"', id="designation"),
    pytest.param("Северная Корея", id="cyrillic"),
    pytest.param("북한", id="korean"),
    pytest.param("'=already", id="already-prefixed"),
    pytest.param("external:\\\\host\\share", id="unc-text"),
    pytest.param("", id="empty"),
    pytest.param("\u200bKoksan", id="zero-width-then-text"),
    pytest.param("\u2212 5", id="minus-sign-is-not-a-trigger"),
]


@pytest.mark.parametrize("value", TRIGGERED)
def test_triggers_are_prefixed(value):
    assert export.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", UNTOUCHED)
def test_safe_text_is_untouched(value):
    assert export.neutralise(value) == value


@pytest.mark.parametrize("value", [-5, 3.5, None, pd.NA, pd.Timestamp("2024-11-20")])
def test_non_text_is_untouched(value):
    assert export.neutralise(value) is value


def _frame():
    return pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": [
                '=HYPERLINK("http://127.0.0.1:9/x","click")',
                "T-72",
                "external:\\\\host\\share",
            ],
            "n": [-5, 20, 50_000],
            "day": pd.to_datetime(["2024-11-20", None, "2024-10-21"]),
            "=header": ["x", "y", "z"],
        }
    )


def test_csv_quotes_every_field_and_keeps_numbers():
    raw = export.to_csv_bytes(_frame())
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == '"id","text","n","day","\'=header"'
    assert (
        text.splitlines()[1]
        == '"a","\'=HYPERLINK(""http://127.0.0.1:9/x"",""click"")","-5","2024-11-20","x"'
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[2] for r in rows[1:]] == ["-5", "20", "50000"]
    assert rows[2][3] == ""


def test_xlsx_has_no_formulas_or_links_and_a_citation_sheet():
    cite = export.citation("abc123", {"actors": "North Korea"}, date(2026, 11, 25), "T")
    raw = export.to_xlsx_bytes(_frame(), cite, "events")
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert "<f>" not in xml and "<f " not in xml
    assert "<hyperlink" not in xml and "relationships/hyperlink" not in xml
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert book.sheetnames == ["citation", "events"]
    cells = dict(book["citation"].iter_rows(min_row=2, values_only=True))
    assert cells["dataset_version"] == "abc123"
    assert cells["filters"] == "actors=North Korea"
    data = list(book["events"].iter_rows(values_only=True))
    assert data[1][:3] == ("a", '\'=HYPERLINK("http://127.0.0.1:9/x","click")', -5)
    assert data[2][1] == "T-72"


def test_geojson_keeps_located_rows_only():
    rows = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "location_id": ["kursk", None, "ru"],
            "summary": ["=1", "x", "y"],
        }
    )
    places = pd.DataFrame(
        {
            "location_id": ["kursk", "ru"],
            "lat": [51.7, 60.0],
            "lon": [36.2, 100.0],
            "geo_precision": ["city_for_region", "country"],
        }
    )
    out = json.loads(export.to_geojson_bytes(rows, places, {"dataset_version": "v"}, "location_id"))
    assert out["citation"] == {"dataset_version": "v"}
    assert [f["properties"]["event_id"] for f in out["features"]] == ["e1", "e3"]
    assert out["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.2, 51.7]}
    assert out["features"][0]["properties"]["summary"] == "'=1"
    assert out["features"][1]["properties"]["geo_precision"] == "country"


@pytest.mark.parametrize(
    ("args", "stem"),
    [
        pytest.param(
            ("transfers", date(2024, 11, 1), date(2024, 11, 30), ["North Korea"], False),
            "transfers_2024-11-01_2024-11-30_north-korea",
            id="issue-example",
        ),
        pytest.param(("events", None, None, [], False), "events", id="unfiltered"),
        pytest.param(
            ("events", None, None, ["Russia · Vladimir Putin", "Financial Times"], True),
            "events_russia-vladimir-putin+financial-times_filtered",
            id="actors-and-other",
        ),
        pytest.param(
            ("locations", None, None, ["a", "b", "c", "d", "e"], False),
            "locations_a+b+c+2-more",
            id="many-actors",
        ),
    ],
)
def test_file_stem_carries_the_filter(args, stem):
    assert export.file_stem(*args) == stem


def test_citation_text():
    cite = export.citation(
        "abc123", {"dates": "2024-11-01..2024-11-20", "actors": ""}, date(2026, 11, 25), "T"
    )
    assert export.citation_text(cite).decode().splitlines() == [
        "title: T",
        "dataset_version: abc123",
        "filters: dates=2024-11-01..2024-11-20",
        "accessed: 2026-11-25",
        "cite_as: T, dataset version abc123, accessed 2026-11-25",
    ]
