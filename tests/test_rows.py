"""The Row page's pure parts: finding any id in any table, fields in words, the passage in its
paragraph, and what a row answers, reports or names."""

import pytest

from dashboard.data.dataset import load_dataset
from dashboard.schema import TABLES, Field
from dashboard.views import rows


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.mark.parametrize(
    ("row_id", "tables"),
    [
        pytest.param("000-tr03", ["transfers"], id="transfer"),
        pytest.param("000-ev20", ["events"], id="event"),
        pytest.param("russia", ["locations", "actors"], id="place-and-actor-share-an-id"),
        pytest.param("choe-son-hui", ["actors"], id="actor"),
        pytest.param("nk-troops-in-russia", ["claims"], id="claim"),
        pytest.param("000-tr99", [], id="unknown"),
        pytest.param("<script>", [], id="hostile"),
    ],
)
def test_find_row(ds, row_id, tables):
    assert [f.table for f in rows.find_row(ds, row_id)] == tables


@pytest.mark.parametrize(
    ("field", "label"),
    [
        pytest.param(
            Field(name="claimant_actor_id", type="string", description=""),
            "Claimant (who says so)",
            id="override",
        ),
        pytest.param(
            Field(name="destination_location_id", type="string", description=""),
            "Destination",
            id="location-suffix",
        ),
        pytest.param(
            Field(name="caliber_mm", type="number", description="", unit="mm"),
            "Caliber (mm)",
            id="unit",
        ),
        pytest.param(
            Field(name="quantity_low", type="integer", description="", unit="items"),
            "Quantity low (items)",
            id="unit-beside",
        ),
        pytest.param(
            Field(name="report_date_text", type="string", description=""),
            "Report date text",
            id="plain",
        ),
    ],
)
def test_field_label(field, label):
    assert rows.field_label(field) == label


def test_transfer_fields_in_words(ds):
    (hit,) = rows.find_row(ds, "000-tr03")
    fields = dict(zip(*rows.field_rows(ds, hit).T.values, strict=True))
    assert fields["Supplier"] == "North Korea (north-korea)"
    assert fields["Destination"] == "Kursk region (kursk-oblast)"
    assert fields["Category"] == "self propelled howitzer"
    assert fields["Quantity as stated"] == "nearly 50"
    assert fields["Quantity low (items)"] == "45"
    assert fields["Report date start"] == "16 Nov 2024"
    assert fields["Year inferred"] == "yes"
    assert fields["Sighting"] == "—"
    assert fields["Published by"] == "Caliber.Az, 2024-11-20 (date inferred)"
    assert fields["Article address"].startswith("https://caliber.az/")
    assert "Passage" not in fields and "Notes" not in fields
    shown = {f.name for f in TABLES["transfers"].fields} - set(rows.SHOWN_APART)
    assert len(fields) == len(shown) + 2  # every field once, plus publisher and address


def test_passage_inside_its_paragraph(ds):
    (hit,) = rows.find_row(ds, "000-tr03")
    text = ds.seeds[hit.row["article_id"]]
    before, passage, after = rows.paragraph(text, hit.row["passage_start"], hit.row["passage_end"])
    assert passage == hit.row["passage"]
    assert before == ""
    assert after.startswith(" and are part of Russia’s ongoing military campaign")
    assert "\n" not in before + after
    assert rows.paragraph("a\nbc de\nf", 3, 5) == ("b", "c ", "de")


@pytest.mark.parametrize(
    ("row_id", "table", "expected"),
    [
        pytest.param(
            "000-ev20",
            "events",
            {"It answers": ["000-ev18", "000-ev19"], "Answered by": [], "Transfers it reports": []},
            id="denial",
        ),
        pytest.param(
            "000-ev18",
            "events",
            {"It answers": [], "Answered by": ["000-ev20", "000-ev21"], "Transfers it reports": []},
            id="answered",
        ),
        pytest.param(
            "000-ev10",
            "events",
            {"It answers": [], "Answered by": [], "Transfers it reports": ["000-tr03", "000-tr04"]},
            id="event-of-transfers",
        ),
        pytest.param(
            "000-tr03",
            "transfers",
            {"Reported in": ["000-ev10"], "Answered by (answers its event)": []},
            id="transfer",
        ),
        pytest.param(
            "krasnoyarsk-krai",
            "locations",
            {"Events here": ["000-ev13"], "Transfers from, to or seen here": ["000-tr05"]},
            id="sighting-place",
        ),
        pytest.param(
            "nk-troops-in-russia",
            "claims",
            {"Rows speaking to this claim": ["000-ev03", "000-ev08", "000-ev22", "000-ev23"]},
            id="claim",
        ),
    ],
)
def test_related(ds, row_id, table, expected):
    (hit,) = [f for f in rows.find_row(ds, row_id) if f.table == table]
    got = {k: list(v["row_id"]) for k, v in rows.related(ds, hit).items()}
    assert got == expected


def test_actor_related_rows(ds):
    (hit,) = rows.find_row(ds, "choe-son-hui")
    got = {k: list(v["row_id"]) for k, v in rows.related(ds, hit).items()}
    assert got == {
        "Rows naming this actor": ["000-ev06", "000-ev07"],
        "Transfers it sends or receives": [],
    }
