"""The real dataset: valid, every passage verbatim at its offsets, quantities by the rule.
(Per-article expectations are data QA: tests/test_data_qa.py with datasets/qa/.)"""

import pandas as pd

from dashboard.data.dataset import DEFAULT_DATA_DIR, load_dataset, validate_folder
from dashboard.data.quantities import quantity_bounds


def test_real_dataset_is_valid():
    assert validate_folder(DEFAULT_DATA_DIR) == []


def test_every_passage_is_at_its_offsets():
    ds = load_dataset()
    for table in (ds.events, ds.transfers):
        for row in table.itertuples():
            text = ds.seeds[row.article_id]
            assert text[row.passage_start : row.passage_end] == row.passage, row


def test_quantity_bounds_follow_the_rule():
    ds = load_dataset()
    for row in ds.transfers.itertuples():
        qualifier, low, high = quantity_bounds(row.quantity_as_stated or "")
        got = (
            row.quantity_qualifier,
            None if pd.isna(row.quantity_low) else int(row.quantity_low),
            None if pd.isna(row.quantity_high) else int(row.quantity_high),
        )
        assert got == (qualifier, low, high), row.transfer_id


def test_stated_quantity_is_verbatim_in_the_passage():
    ds = load_dataset()
    for row in ds.transfers.dropna(subset=["quantity_as_stated"]).itertuples():
        assert row.quantity_as_stated in row.passage, row.transfer_id


def test_transfer_claimant_and_report_date_match_their_event():
    ds = load_dataset()
    merged = ds.transfers.merge(ds.events, on="event_id", suffixes=("", "_event"))
    assert len(merged) == len(ds.transfers)
    for col in (
        "claimant_actor_id",
        "report_date_start",
        "report_date_end",
        "report_date_precision",
    ):
        left, right = merged[col], merged[f"{col}_event"]
        assert ((left == right) | (left.isna() & right.isna())).all(), col
