"""The real dataset: valid, every passage verbatim at its offsets, codebook in step."""

import re

import pandas as pd
import pytest

from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT, load_dataset, validate_folder
from dashboard.data.quantities import quantity_bounds


def test_real_dataset_is_valid():
    assert validate_folder(DEFAULT_DATA_DIR) == []


def test_counts():
    assert load_dataset().counts() == {
        "events": 24,
        "transfers": 8,
        "locations": 4,
        "actors": 24,
        "claims": 10,
        "articles": 1,
    }


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


def test_denials_and_acknowledgements_answer_a_claim():
    ds = load_dataset()
    answers = ds.events[ds.events["stance"].isin(["denies", "acknowledges"])]
    assert sorted(answers["event_id"]) == ["000-ev20", "000-ev21", "000-ev23"]
    assert answers["responds_to_event_ids"].notna().all()


def test_day_precise_dates_only_where_the_article_gives_the_day():
    ds = load_dataset()
    day_rows = ds.events[ds.events["report_date_precision"] == "day"]
    for row in day_rows.itertuples():
        assert re.search(r"November \d{1,2}", row.report_date_text), row.event_id
    assert (ds.events["date_precision"] != "day").all()


def test_inferred_years_are_flagged():
    ds = load_dataset()
    dated = ds.events["date_start"].notna() | ds.events["report_date_start"].notna()
    assert (ds.events.loc[dated, "year_inferred"]).all()
    assert bool(ds.articles.loc[0, "date_published_inferred"]) is True


def test_seed_is_the_shared_article_byte_for_byte():
    shared = REPO_ROOT.parent / "shared" / "seeds" / "000_8ce4acc91b2e9f2a.txt"
    if not shared.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert (REPO_ROOT / "seeds" / shared.name).read_bytes() == shared.read_bytes()
