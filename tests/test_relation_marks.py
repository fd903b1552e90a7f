"""Relations drafted from the ingestion assistant's marks: `same as` and `differs from` on an
accepted row become relation rows when the draft is merged; `alias of` marks do not."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.data.dataset import load_dataset
from dashboard.ingest import merge, review
from dashboard.ingest.relation_marks import relations_from_marks
from tests.curate_fixture import ARTICLE, dataset_with_draft
from tests.test_merge import ACCEPT_MOST, review_rows


def test_marks_become_relations_with_their_rule_as_basis():
    transfers = pd.DataFrame(
        {
            "transfer_id": ["001-tr01", "001-tr02", "001-tr03"],
            "relation_hint": ["same as 000-tr03; alias of koksan?", "differs from 000-tr06", ""],
            "drafted_by": [
                "quantity_low: 'nearly 50' → 45 (figures rule) | relation_hint: same as 000-tr03 (relations rule)",
                "",
                "",
            ],
        }
    )
    out = relations_from_marks({"transfers": transfers}, "Test Curator", date(2026, 11, 26))
    assert [(r["relation_id"], r["from_row_id"], r["to_row_id"], r["kind"]) for r in out] == [
        ("001-tr01-r1", "001-tr01", "000-tr03", "same_as"),
        ("001-tr02-r1", "001-tr02", "000-tr06", "differs"),
    ]
    assert out[0]["basis"] == (
        "the ingestion assistant marked 001-tr01 'same as 000-tr03' "
        "(relation_hint: same as 000-tr03 (relations rule))"
    )
    assert out[0]["set_by"] == "ingest draft, accepted by Test Curator"
    assert out[1]["set_on"] == "2026-11-26"


def test_a_merge_writes_the_accepted_rows_marks_as_relations(tmp_path):
    folder = dataset_with_draft(tmp_path / "datasets")
    review_rows(folder, ACCEPT_MOST)
    draft = review.read_draft(folder, ARTICLE)
    transfers = draft.tables["transfers"].copy()
    target = load_dataset(folder).transfers["transfer_id"].iloc[0]
    transfers.loc[transfers.index[0], "relation_hint"] = f"same as {target}"
    review.save_table(draft, "transfers", transfers)
    result = merge.merge_article(folder, ARTICLE, "Test Curator")
    assert result.ok, (result.message, result.problems)
    relations = load_dataset(folder).relations
    mine = relations[relations["from_row_id"] == transfers.iloc[0]["transfer_id"]]
    assert mine[["to_row_id", "kind", "set_by"]].values.tolist() == [
        [target, "same_as", "ingest draft, accepted by Test Curator"]
    ]
