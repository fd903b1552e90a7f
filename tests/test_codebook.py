"""schema.py, the CSVs, datapackage.json and CODEBOOK.md say the same thing, both ways."""

import csv
import json

from dashboard import codebook
from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT
from dashboard.schema import ARTICLE_FIELDS, TABLES


def _header(name):
    with open(DEFAULT_DATA_DIR / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh))


def test_every_csv_column_is_described_and_every_described_column_exists():
    for name, table in TABLES.items():
        assert _header(name) == table.columns, name
    csvs = {p.stem for p in DEFAULT_DATA_DIR.glob("*.csv")}
    assert csvs == set(TABLES)


def test_published_codebook_files_are_up_to_date():
    for name, text in codebook.render(REPO_ROOT / "seeds").items():
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
    assert package["sources"][0]["seed"] == "../seeds/000_8ce4acc91b2e9f2a.txt"


def test_codebook_markdown_lists_every_column():
    text = (DEFAULT_DATA_DIR / "CODEBOOK.md").read_text("utf-8")
    for table in TABLES.values():
        for column in table.columns:
            assert f"| `{column}` |" in text, column
    for key in ARTICLE_FIELDS:
        assert f"| `{key}` |" in text


def test_seed_metadata_has_exactly_the_described_fields():
    for path in (REPO_ROOT / "seeds").glob("*.json"):
        assert list(json.loads(path.read_text("utf-8"))) == list(ARTICLE_FIELDS)
