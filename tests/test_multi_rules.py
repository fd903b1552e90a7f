"""The validator on what ties articles together: relations, grades and origins. Each fault is
written into a copy of the many-articles fixture and must come back as one exact problem."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard.data.dataset import load_dataset, validate_folder

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"


def copy(tmp_path: Path) -> Path:
    dest = tmp_path / "multi"
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return dest


def append(folder: Path, table: str, line: str) -> None:
    with (folder / f"{table}.csv").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def problems(folder: Path) -> list[tuple]:
    return [(p.file, p.line, p.column, p.value, p.message) for p in validate_folder(folder)]


def test_the_fixture_is_valid_and_loads_its_relations_and_grades():
    ds = load_dataset(FIXTURE)
    assert ds.counts() == {
        "events": 9,
        "transfers": 7,
        "locations": 3,
        "actors": 11,
        "claims": 2,
        "relations": 7,
        "reliability": 3,
        "credibility": 4,
        "articles": 3,
    }
    assert (
        ds.articles.set_index("article_id").at["fx2_relay", "origin_article_id"] == "fx1_northwind"
    )


R = "test curator,2024-12-15"
FAULTS = [
    pytest.param(
        "relations",
        f"fx-r08,a-tr01,zz-tr99,overlaps,basis,{R}",
        [("relations.csv", 9, "to_row_id", "zz-tr99", "no such id in events.csv or transfers.csv")],
        id="unknown-row",
    ),
    pytest.param(
        "relations",
        f"fx-r08,a-tr01,a-tr01,overlaps,basis,{R}",
        [("relations.csv", 9, "to_row_id", "a-tr01", "a row cannot relate to itself")],
        id="itself",
    ),
    pytest.param(
        "relations",
        f"fx-r08,a-tr01,b-tr01,differs,basis,{R}",
        [
            (
                "relations.csv",
                9,
                "kind",
                "differs",
                "contradicts line 4: same_as and differs on the same two rows",
            )
        ],
        id="same-and-differs",
    ),
    pytest.param(
        "relations",
        f"fx-r08,a-tr01,c-tr03,overlaps,basis,{R}",
        [("relations.csv", 9, "kind", "overlaps", "the same relation as on line 8")],
        id="twice",
    ),
    pytest.param(
        "relations",
        f"fx-r08,a-tr02,c-tr01,updates,basis,{R}",
        [
            (
                "relations.csv",
                9,
                "kind",
                "updates",
                "contradicts line 6: two rows cannot each update the other",
            )
        ],
        id="updates-both-ways",
    ),
    pytest.param(
        "relations",
        f"fx-r08,a-tr01,c-tr03,adds_to,basis,{R}",
        [
            (
                "relations.csv",
                9,
                "kind",
                "adds_to",
                "not one of: same_as, overlaps, updates, differs",
            )
        ],
        id="unknown-kind",
    ),
    pytest.param(
        "credibility",
        "zz-ev99,2,basis,test curator,2024-12-15",
        [("credibility.csv", 6, "row_id", "zz-ev99", "no such id in events.csv or transfers.csv")],
        id="grade-unknown-row",
    ),
    pytest.param(
        "credibility",
        "a-ev01,7,basis,test curator,2024-12-15",
        [("credibility.csv", 6, "credibility", "7", "not one of: 1, 2, 3, 4, 5, 6")],
        id="credibility-7",
    ),
    pytest.param(
        "reliability",
        "nobody,B,basis,test curator,2024-12-15",
        [("reliability.csv", 5, "actor_id", "nobody", "no such id in actors.csv")],
        id="grade-unknown-actor",
    ),
    pytest.param(
        "reliability",
        "northwind-wire,G,basis,test curator,2024-12-15",
        [("reliability.csv", 5, "reliability", "G", "not one of: A, B, C, D, E, F")],
        id="reliability-G",
    ),
    pytest.param(
        "reliability",
        "nis,A,basis,test curator,2024-12-15",
        [
            ("reliability.csv", 5, "actor_id", "nis", "duplicate id"),
            ("reliability.csv", 2, "actor_id", "nis", "duplicate id"),
        ],
        id="graded-twice",
    ),
]


@pytest.mark.parametrize(("table", "line", "expected"), FAULTS)
def test_a_fault_is_reported_by_file_line_and_column(tmp_path, table, line, expected):
    folder = copy(tmp_path)
    append(folder, table, line)
    assert sorted(problems(folder)) == sorted(expected)


def _set_meta(folder: Path, article: str, **fields) -> None:
    path = folder / "seeds" / f"{article}.json"
    meta = json.loads(path.read_text("utf-8")) | fields
    path.write_text(json.dumps(meta), "utf-8")


ORIGIN_FAULTS = [
    pytest.param(
        "fx2_relay",
        {"origin_article_id": "fx9_missing"},
        [
            (
                "seeds/fx2_relay.json",
                0,
                "origin_article_id",
                "fx9_missing",
                "no such article in seeds/",
            )
        ],
        id="unknown-origin",
    ),
    pytest.param(
        "fx2_relay",
        {"origin_article_id": "fx2_relay"},
        [
            (
                "seeds/fx2_relay.json",
                0,
                "origin_article_id",
                "fx2_relay",
                "an article cannot be its own origin",
            )
        ],
        id="own-origin",
    ),
    pytest.param(
        "fx2_relay",
        {"origin_kind": "copied"},
        [("seeds/fx2_relay.json", 0, "origin_kind", "copied", "not one of: syndicated, relayed")],
        id="unknown-kind",
    ),
    pytest.param(
        "fx2_relay",
        {"origin_kind": ""},
        [
            (
                "seeds/fx2_relay.json",
                0,
                "origin_kind",
                "",
                "required with an origin: one of syndicated, relayed",
            )
        ],
        id="no-kind",
    ),
    pytest.param(
        "fx2_relay",
        {"origin_basis": ""},
        [("seeds/fx2_relay.json", 0, "origin_basis", "", "an origin needs its basis")],
        id="no-basis",
    ),
    pytest.param(
        "fx3_harbour",
        {"origin_kind": "relayed"},
        [
            (
                "seeds/fx3_harbour.json",
                0,
                "origin_kind",
                "relayed",
                "set without an origin_article_id",
            )
        ],
        id="kind-without-origin",
    ),
    pytest.param(
        "fx1_northwind",
        {"origin_article_id": "fx2_relay", "origin_kind": "relayed", "origin_basis": "b"},
        [
            (
                "seeds/fx1_northwind.json",
                0,
                "origin_article_id",
                "fx2_relay",
                "the chain of origins loops back to this article",
            ),
            (
                "seeds/fx2_relay.json",
                0,
                "origin_article_id",
                "fx1_northwind",
                "the chain of origins loops back to this article",
            ),
        ],
        id="loop",
    ),
]


@pytest.mark.parametrize(("article", "fields", "expected"), ORIGIN_FAULTS)
def test_an_origin_fault_names_the_seed_and_field(tmp_path, article, fields, expected):
    folder = copy(tmp_path)
    _set_meta(folder, article, **fields)
    assert sorted(problems(folder)) == sorted(expected)


def test_a_folder_without_the_new_tables_is_valid_and_has_none_of_their_rows(tmp_path):
    folder = copy(tmp_path)
    for name in ("relations", "reliability", "credibility"):
        (folder / f"{name}.csv").unlink()
    assert problems(folder) == []
    ds = load_dataset(folder)
    assert (len(ds.relations), len(ds.reliability), len(ds.credibility)) == (0, 0, 0)
    assert list(ds.relations.columns)[:4] == ["relation_id", "from_row_id", "to_row_id", "kind"]
