"""Re-drafting the seed article from scratch (its seed and curated rows removed from a copy of
the dataset) finds its curated events and transfers, every passage in place."""

import json

import pandas as pd
import pytest

from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT
from dashboard.ingest.command import ingest
from tests.ingest_support import SEED_ID, args, copy_dataset, read_draft, redraft_scores


@pytest.fixture(scope="module")
def redraft(tmp_path_factory):
    data = copy_dataset(tmp_path_factory.mktemp("seed"), without=SEED_ID)
    meta = json.loads((REPO_ROOT / "seeds" / f"{SEED_ID}.json").read_text("utf-8"))
    seed = REPO_ROOT / "seeds" / f"{SEED_ID}.txt"
    ingest(args(seed, data, publisher=meta["publisher"], published=meta["date_published"]))
    (article_id,) = [p.name for p in (data / "drafts").iterdir()]
    curated = {
        name: pd.read_csv(DEFAULT_DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in ("events", "transfers")
    }
    curated = {k: v[v["article_id"] == SEED_ID] for k, v in curated.items()}
    text = (data.parent / "seeds" / f"{article_id}.txt").read_text("utf-8")
    return curated, read_draft(data, article_id), text


def test_redraft_finds_at_least_85_percent_of_curated_rows(redraft):
    curated, draft, _ = redraft
    scores = redraft_scores(curated, draft)
    assert scores["events"][1] >= 1 and scores["transfers"][1] >= 1
    assert scores["found"] >= 0.85, scores


def test_redraft_passages_are_in_place(redraft):
    _, draft, text = redraft
    rows = [*draft["events"].itertuples(), *draft["transfers"].itertuples()]
    assert len(rows) >= 20
    for r in rows:
        assert text[int(r.passage_start) : int(r.passage_end)] == r.passage


def test_redraft_stores_the_seed_text_unchanged(redraft):
    _, draft, text = redraft
    assert text == (REPO_ROOT / "seeds" / f"{SEED_ID}.txt").read_text("utf-8")
    assert draft["draft"]["article_id"].startswith("000_")


def test_readme_prints_the_figures(redraft):
    curated, draft, _ = redraft
    scores = redraft_scores(curated, draft)
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    found, total = scores["events"]
    assert f"**{found} of {total} curated events ({round(100 * found / total)} %)**" in readme
    found, total = scores["transfers"]
    assert f"**{found} of {total} curated transfers ({round(100 * found / total)} %)**" in readme
    found, total = scores["events_same_claimant"]
    assert f"the curated claimant for {found} of {total} events" in readme
