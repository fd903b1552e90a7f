"""A column added to the registry is parsed, filtered, shown and exported with no other code
edit: a copy of the fixture dataset gains three event columns and the registry (monkeypatched) gains
their fields; the actor filter, search, the Data page's grid and the downloads pick them up."""

import csv
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import schema
from dashboard.builders.downloads import downloads
from dashboard.data.dataset import REPO_ROOT, load_dataset
from dashboard.pages import ENTRY, page_by_url
from dashboard.schema import Field, Table
from dashboard.views.filters import Filters, apply_filters
from dashboard.views.search import search_rows, searchable

OBSERVER = ("synthetic-observer", "Synthetic Observer")
NEW_FIELDS = {
    "observer_actor_ids": Field(
        type="id_list", description="Who watched (test only).", ref="actors"
    ),
    "observer_note": Field(
        type="string", description="What they said (test only).", display_width="large"
    ),
    "observed_on": Field(type="date", description="When they watched (test only)."),
}
NOTE = "SYNTHETIC TEST TEXT: the observer's note, long enough to want a wide column."


FIXTURE = REPO_ROOT / "tests" / "fixtures" / "dataset"  # synthetic articles made for tests


def _rewrite(path: Path, edit) -> None:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


@pytest.fixture
def widened(tmp_path, monkeypatch):
    """(folder, event_id): a dataset copy whose events have the new columns, filled on one
    placed row only, and a registry that describes them."""
    folder = tmp_path / "datasets"
    shutil.copytree(FIXTURE, folder)
    _rewrite(folder / "actors.csv", lambda rows: rows.append([*OBSERVER, "group"] + [""] * 4))
    chosen = {}

    def add_columns(rows):
        place = rows[0].index("location_id")
        first_placed = next(row for row in rows[1:] if row[place])  # so the GeoJSON has it
        chosen["event_id"] = first_placed[0]
        rows[0] += list(NEW_FIELDS)
        for row in rows[1:]:
            row += [OBSERVER[0], NOTE, "2024-11-02"] if row is first_placed else ["", "", ""]

    _rewrite(folder / "events.csv", add_columns)
    for name, f in NEW_FIELDS.items():
        monkeypatch.setitem(schema.FIELDS_BY_NAME, name, replace(f, name=name))
    events = schema.TABLES["events"]
    widened_events = Table(
        name=events.name,
        title=events.title,
        description=events.description,
        primary_key=events.primary_key,
        field_names=(*events.field_names, *NEW_FIELDS),
        overrides=events.overrides,
        place_column=events.place_column,
    )
    monkeypatch.setitem(schema.TABLES, "events", widened_events)
    monkeypatch.setitem(schema.RESOURCES, "events", widened_events)
    return folder, chosen["event_id"]


def test_the_new_columns_are_parsed_filtered_and_searched(widened):
    folder, event_id = widened
    ds = load_dataset(folder)
    assert list(ds.events.columns[-3:]) == list(NEW_FIELDS)
    assert str(ds.events["observed_on"].dtype).startswith("datetime64")
    view = apply_filters(ds, Filters(actors=(OBSERVER[0],)))
    assert list(view.events["event_id"]) == [event_id]  # the observer is named nowhere else
    found = search_rows(searchable(ds), OBSERVER[1])
    assert sorted(found.loc[found["table"] == "events", "row_id"]) == [event_id]


def test_the_new_columns_are_exported(widened):
    folder, event_id = widened
    ds = load_dataset(folder)
    rows = apply_filters(ds, Filters(actors=(OBSERVER[0],))).events
    files = {d.key: d.data for d in downloads(rows, "events", {"title": "t"}, ds.locations)}
    table = list(csv.DictReader(io.StringIO(files["csv"]().decode("utf-8-sig"))))
    assert [(r["event_id"], r["observer_actor_ids"], r["observed_on"]) for r in table] == [
        (event_id, OBSERVER[0], "2024-11-02")
    ]
    features = json.loads(files["geojson"]())["features"]
    assert [f["properties"]["observer_note"] for f in features] == [NOTE]


def test_the_data_page_shows_the_new_columns(widened, monkeypatch):
    folder, event_id = widened
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    at.query_params["actor"] = [OBSERVER[1]]
    at.run()
    at.switch_page(page_by_url("data").script).run()
    assert not at.exception
    grid = at.dataframe[0]  # headers and cells in words, made from the registry's new fields
    assert list(grid.value["id"]) == [event_id]
    assert grid.value["Observer note"].tolist() == [NOTE]
    assert grid.value["Observer"].tolist() == ["Synthetic Observer (synthetic-observer)"]
    assert grid.value["Observed on"].tolist() == ["2024-11-02"]
    config = json.loads(grid.proto.columns)
    assert config["Observer note"]["width"] == "large"
    assert config["Observed on"]["help"] == (
        "When they watched (test only). (column `observed_on` in the downloads)"
    )
    st.cache_resource.clear()
