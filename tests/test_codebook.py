"""The registry, the CSVs, the seeds, datapackage.json and CODEBOOK.md say the same thing, both
ways: every column is described, every described field is used, every derived form agrees."""

import csv
import importlib
import json
from dataclasses import replace

import pandas as pd
import pyarrow as pa
import pytest

from dashboard import codebook, schema
from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT, load_dataset
from dashboard.data.parsing import pandera_schema
from dashboard.data.seeds import check_metadata
from dashboard.schema import (
    ARTICLE_OPTIONAL_FIELDS,
    ARTICLES,
    FIELDS_BY_NAME,
    RESOURCES,
    TABLES,
    Field,
    Table,
)

SEEDS = REPO_ROOT / "seeds"
MULTI = REPO_ROOT / "tests" / "fixtures" / "multi"


def _header(name):
    with open(DEFAULT_DATA_DIR / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh))


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


# --- the registry against the files ------------------------------------------------------------


def test_every_csv_column_is_described_and_every_described_table_has_its_csv():
    for name, table in TABLES.items():
        assert _header(name) == table.columns, name
    assert {p.stem for p in DEFAULT_DATA_DIR.glob("*.csv")} == {*TABLES, schema.CHANGELOG.name}
    assert _header(schema.CHANGELOG.name) == schema.CHANGELOG.columns


def test_every_described_field_is_used_by_a_table():
    used = {name for t in (*RESOURCES.values(), schema.CHANGELOG) for name in t.field_names}
    assert set(FIELDS_BY_NAME) - used == set()


def test_seed_metadata_has_exactly_the_described_fields():
    paths = sorted(SEEDS.glob("*.json"))
    assert paths
    for path in paths:
        keys = list(json.loads(path.read_text("utf-8")))
        required = [k for k in ARTICLES.columns if k not in ARTICLE_OPTIONAL_FIELDS]
        assert [k for k in keys if k not in ARTICLE_OPTIONAL_FIELDS] == required, path.name
        assert set(keys) <= set(ARTICLES.columns), path.name


def test_seed_metadata_values_pass_the_registry():
    paths = sorted(SEEDS.glob("*.json"))
    assert paths
    for path in paths:
        assert check_metadata(json.loads(path.read_text("utf-8")), path.name) == []


def _meta(**changes):
    meta = json.loads(next(SEEDS.glob("*.json")).read_text("utf-8"))
    return meta | changes


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, [], id="valid"),
        pytest.param(
            {"date_published_inferred": "yes"},
            ["s.json [date_published_inferred] not true or false (value: 'yes')"],
            id="boolean",
        ),
        pytest.param(
            {"date_published_precision": "week"},
            [
                "s.json [date_published_precision] not one of: day, part_of_month, month, "
                "unknown (value: 'week')"
            ],
            id="enum",
        ),
        pytest.param(
            {"language": "English"},
            [
                "s.json [language] does not match ^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$ "
                "(value: 'English')"
            ],
            id="pattern",
        ),
        pytest.param({"title": ""}, ["s.json [title] required value is empty"], id="required"),
        pytest.param({"author": "", "url": None}, [], id="optional-empty"),
        pytest.param({"title": 7}, ["s.json [title] not a string (value: '7')"], id="not-string"),
        pytest.param(
            {"date_retrieved": "2026-02-30"},
            ["s.json [date_retrieved] not a real YYYY-MM-DD date (value: '2026-02-30')"],
            id="date",
        ),
        pytest.param(
            {"extra": 1}, ["s.json [extra] unexpected field (not in the codebook)"], id="extra"
        ),
    ],
)
def test_seed_metadata_is_checked_by_its_field_types(changes, expected):
    assert [str(p) for p in check_metadata(_meta(**changes), "s.json")] == expected


# --- the registry's own consistency ------------------------------------------------------------


def test_each_field_knows_its_name_and_types_are_from_the_literals():
    assert len(FIELDS_BY_NAME) >= 60
    for name, f in FIELDS_BY_NAME.items():
        assert f.name == name
        assert f.type in ("string", "integer", "number", "date", "boolean", "id_list")
        assert (f.enum is None) or f.type == "string"


def test_references_name_a_table_and_their_key():
    refs = [(t.name, f) for t in RESOURCES.values() for f in t.fields if f.ref]
    assert len(refs) >= 15
    for table, f in refs:
        assert f.ref in RESOURCES, (table, f.name)
        key = RESOURCES[f.ref].primary_key
        assert f.name == key or f.name.endswith(("_id", "_ids")), (table, f.name)


def test_every_table_has_its_key_and_place_column():
    for t in RESOURCES.values():
        assert t.field(t.primary_key).required
        assert t.place_column is None or t.field(t.place_column).ref in ("locations", None)


@pytest.mark.parametrize(
    ("table", "column", "attribute", "value"),
    [
        pytest.param("locations", "country", "required", True, id="country-required-at-places"),
        pytest.param("actors", "country", "required", False, id="country-optional-at-actors"),
        pytest.param("locations", "kind", "enum", schema.LOCATION_KINDS, id="place-kinds"),
        pytest.param("actors", "kind", "enum", schema.ACTOR_KINDS, id="actor-kinds"),
        pytest.param("transfers", "event_id", "ref", "events", id="transfer-names-its-event"),
        pytest.param("events", "event_id", "ref", None, id="event-id-is-the-key"),
        pytest.param("events", "location_id", "required", False, id="event-place-optional"),
        pytest.param("events", "location_id", "pattern", None, id="reference-has-no-pattern"),
        pytest.param("articles", "article_id", "ref", None, id="article-id-is-the-key"),
        pytest.param("events", "article_id", "ref", "articles", id="row-names-its-article"),
    ],
)
def test_overrides_apply_where_the_meaning_differs(table, column, attribute, value):
    assert getattr(RESOURCES[table].field(column), attribute) == value


def test_shared_fields_are_described_once():
    for column in ("notes", "claimant_actor_id", "year_inferred", "passage", "report_date_start"):
        described = {RESOURCES[t].field(column).description for t in ("events", "transfers")}
        assert described == {FIELDS_BY_NAME[column].description}, column


def test_a_field_with_an_unknown_type_or_override_is_refused():
    with pytest.raises(ValueError, match="type 'text'"):
        Field(type="text", description="x")
    with pytest.raises(ValueError, match="does not list"):
        Table(
            name="t",
            title="T",
            description="",
            primary_key="claim_id",
            field_names=("claim_id",),
            overrides={"notes": {"required": True}},
        )


def test_windows_and_reference_columns_are_derived():
    assert schema.EVENTS.windows == ["date", "report_date"]
    assert schema.TRANSFERS.windows == ["report_date"]
    assert schema.TRANSFERS.ref_columns("actors") == [
        "supplier_actor_id",
        "recipient_actor_id",
        "claimant_actor_id",
    ]
    assert schema.EVENTS.ref_columns("locations") == ["location_id"]
    assert schema.DATED_PRECISIONS == ("day", "part_of_month", "month")


# --- derived forms: pandas dtypes, Arrow, pandera ------------------------------------------------


def test_pandas_dtypes_enums_are_categoricals():
    dtypes = schema.EVENTS.to_pandas_dtypes()
    assert dtypes["stance"] == pd.CategoricalDtype(list(schema.STANCES))
    assert (dtypes["passage_start"], dtypes["date_start"]) == ("Int64", "datetime64[us]")
    assert (dtypes["year_inferred"], dtypes["summary"]) == ("bool", "object")
    assert replace(FIELDS_BY_NAME["year_inferred"], required=False).to_pandas_dtype() == "boolean"


@pytest.mark.parametrize("name", list(TABLES))
def test_loaded_tables_convert_to_their_arrow_schema(ds, name):
    table = TABLES[name]
    # The optional tables (relations, grades) have rows in the many-articles fixture.
    frame = getattr(load_dataset(MULTI) if table.optional else ds, name)
    assert len(frame) >= 1
    typed = frame.astype(table.to_pandas_dtypes())
    arrow = pa.Table.from_pandas(typed, schema=table.to_pyarrow(), preserve_index=False)
    assert arrow.schema.names == table.columns
    assert arrow.num_rows == len(frame)
    key = arrow.schema.field(table.primary_key)
    assert (key.type, key.nullable) == (pa.string(), False)


def test_arrow_types_by_field_type():
    types = {f.name: f.to_pyarrow() for f in schema.TRANSFERS.fields}
    assert types["quantity_low"] == pa.int64()
    assert types["caliber_mm"] == pa.float64()
    assert types["category"] == pa.dictionary(pa.int32(), pa.string())
    assert types["year_inferred"] == pa.bool_()
    assert types["report_date_start"] == pa.timestamp("us")


def test_pandera_schema_carries_every_constraint():
    checks = pandera_schema(schema.LOCATIONS).columns
    assert list(checks) == schema.LOCATIONS.columns
    assert [c.error for c in checks["lat"].checks] == [
        "below the minimum -90",
        "above the maximum 90",
    ]
    assert checks["location_id"].unique and not checks["location_id"].nullable
    assert checks["note"].nullable


# --- published files -----------------------------------------------------------------------------


def test_published_codebook_files_are_up_to_date():
    for name, text in codebook.render(SEEDS).items():
        on_disk = (DEFAULT_DATA_DIR / name).read_text("utf-8")
        assert on_disk == text, f"{name} is stale: run `python -m dashboard codebook`"


def test_datapackage_fields_match_schema_both_ways():
    package = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(TABLES)
    for name, table in TABLES.items():
        fields = [f["name"] for f in resources[name]["schema"]["fields"]]
        assert fields == table.columns == _header(name)
        assert resources[name]["path"] == f"{name}.csv"
        for key in resources[name]["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in resources
    seed_fields = [f["name"] for f in package["x-seed-metadata"]["schema"]["fields"]]
    assert seed_fields == ARTICLES.columns
    assert package["sources"][0]["seed"] == "../seeds/000_8ce4acc91b2e9f2a.txt"


def test_codebook_markdown_lists_every_column():
    text = (DEFAULT_DATA_DIR / "CODEBOOK.md").read_text("utf-8")
    for table in RESOURCES.values():
        assert table.title in text
        for column in table.columns:
            assert f"| `{column}` |" in text, column


# --- lists elsewhere that are keyed by the registry's values: a new value fails here ----------


@pytest.mark.parametrize(
    ("mapping", "values"),
    [
        pytest.param("dashboard.views.geo:PRECISION_WORDS", "GEO_PRECISIONS", id="geo-words"),
        pytest.param("dashboard.builders.maps:PRECISION_STYLE", "GEO_PRECISIONS", id="geo-style"),
        pytest.param("dashboard.builders.palette:STANCE_COLOURS", "STANCES", id="stance-colours"),
        pytest.param(
            "dashboard.builders.palette:EVENT_TYPE_COLOURS", "EVENT_TYPES", id="type-colours"
        ),
        pytest.param(
            "dashboard.builders.palette:CATEGORY_COLOURS",
            "TRANSFER_CATEGORIES",
            id="category-colours",
        ),
    ],
)
def test_mappings_keyed_by_enum_values_cover_them_all(mapping, values):
    module, name = mapping.split(":")
    keys = getattr(importlib.import_module(module), name)
    assert list(keys) == list(getattr(schema, values))


def test_values_the_code_names_are_in_the_registry():
    # The code singles these out (a day-precise window is a point; unknown has no date).
    assert {"day", "unknown"} <= set(schema.DATE_PRECISIONS)
    assert "personnel" in schema.TRANSFER_CATEGORIES
