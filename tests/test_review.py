"""A draft under review: edits applied, bulk review, passages for the reader, reference choices,
the preview's key, and drafts that cannot be read."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.ingest import merge, review
from tests.curate_fixture import ARTICLE, dataset_with_draft


@pytest.fixture
def folder(tmp_path):
    return dataset_with_draft(tmp_path / "datasets")


@pytest.fixture
def draft(folder):
    return review.read_draft(folder, ARTICLE)


def test_list_and_read(folder, draft):
    assert review.list_drafts(folder) == [ARTICLE]
    assert list(draft.tables) == ["events", "transfers", "locations", "actors", "claims"]
    assert draft.lines["events"] == [2, 3, 4]
    assert review.counts(draft)["events"] == {"draft": 3, "accepted": 0, "rejected": 0}


def test_apply_edits_changes_cells_and_adds_curator_rows(draft):
    frame = draft.tables["events"]
    edits = {
        "edited_rows": {"2": {"summary": "New words", "notes": None}, 0: {"review": "accepted"}},
        "added_rows": [{"event_id": "syn-ev04", "summary": "Added"}],
    }
    out = review.apply_edits(draft, "events", frame, edits)
    assert out["review"].tolist() == ["accepted", "draft", "draft", "draft"]
    assert out.loc[2, "summary"] == "New words"
    assert out.loc[3, ["event_id", "article_id", "summary", "drafted_by", "passage"]].tolist() == [
        "syn-ev04",
        ARTICLE,
        "Added",
        "added by the curator",
        "",
    ]
    assert frame["review"].tolist() == ["draft"] * 3  # the input is left as it was


@pytest.mark.parametrize(
    ("state", "only", "before", "after"),
    [
        pytest.param(
            "accepted",
            "draft",
            ["draft", "rejected", "draft"],
            ["accepted", "rejected", "accepted"],
            id="accept-drafts",
        ),
        pytest.param(
            "rejected",
            "draft",
            ["accepted", "draft", "draft"],
            ["accepted", "rejected", "rejected"],
            id="reject-drafts",
        ),
        pytest.param(
            "draft",
            None,
            ["accepted", "rejected", "draft"],
            ["draft", "draft", "draft"],
            id="all-back",
        ),
    ],
)
def test_set_review(state, only, before, after):
    frame = pd.DataFrame({"review": before})
    assert review.set_review(frame, state, only)["review"].tolist() == after


def test_set_review_refuses_an_unknown_state():
    with pytest.raises(ValueError, match="not a review state: 'maybe'"):
        review.set_review(pd.DataFrame({"review": ["draft"]}), "maybe")


def test_save_is_read_back_exactly(folder, draft):
    frame = draft.tables["claims"].copy()
    frame.loc[0, "proposition"] = 'A "quoted", multi-line\nproposition'
    review.save_table(draft, "claims", frame)
    again = review.read_draft(folder, ARTICLE).tables["claims"]
    pd.testing.assert_frame_equal(again, frame)
    assert not list((folder / "drafts" / ARTICLE).glob(".*.tmp"))


def test_candidate_passages_group_rows_citing_the_same_words(draft):
    cited = review.candidate_passages(draft, 10_000)
    assert cited[["passage_start", "passage_end", "rows"]].values.tolist() == [
        [124, 278, "syn-ev01, syn-tr01"],
        [341, 437, "syn-ev02, syn-tr02"],
        [439, 483, "syn-ev03"],
    ]
    assert review.candidate_passages(draft, 300)["rows"].tolist() == ["syn-ev01, syn-tr01"]


def test_choices_offer_the_datasets_ids_then_the_drafts_not_rejected(draft):
    frame = draft.tables["claims"].copy()
    frame.loc[1, "review"] = "rejected"
    draft.tables["claims"] = frame
    options = review.choices({"claims": ["c-1", "c-2"]}, draft)
    assert options["claims"] == ["c-1", "c-2", "syn-claim-artillery"]


def test_the_preview_key_ignores_accepting_and_follows_edits(draft):
    key = merge.preview_key(draft, "v1")
    events = draft.tables["events"]
    accepted = review.set_review(events, "accepted", "draft")
    assert merge.preview_key(replace_table(draft, "events", accepted), "v1") == key
    assert merge.preview_key(draft, "v2") != key
    edited = events.copy()
    edited.loc[0, "summary"] = "x"
    assert merge.preview_key(replace_table(draft, "events", edited), "v1") != key
    rejected = review.set_review(events, "rejected", "draft")
    assert merge.preview_key(replace_table(draft, "events", rejected), "v1") != key


def replace_table(draft, name, frame):
    return review.Draft(
        draft.article_id, draft.folder, draft.meta, {**draft.tables, name: frame}, draft.lines
    )


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(
            ("draft.json", "{"),
            "drafts/901_synthetic_curate/draft.json: not valid UTF-8 JSON",
            id="json",
        ),
        pytest.param(
            ("draft.json", '{"article_id": "901_synthetic_curate"}'),
            "drafts/901_synthetic_curate/draft.json: missing dataset_version, rules_version, created",
            id="meta-keys",
        ),
        pytest.param(
            (
                "draft.json",
                '{"article_id": "x", "dataset_version": "a", "rules_version": "1", "created": "t"}',
            ),
            "drafts/901_synthetic_curate/draft.json: article_id 'x' is not the folder's name",
            id="meta-id",
        ),
        pytest.param(
            ("events.csv", "event_id,review\nsyn-ev01,draft\n"),
            "drafts/901_synthetic_curate/events.csv:1 [article_id] missing column",
            id="columns",
        ),
        pytest.param(
            ("actors.csv", b"actor_id\n\xe9\n"),
            "drafts/901_synthetic_curate/actors.csv:2 file is not UTF-8",
            id="encoding",
        ),
    ],
)
def test_a_draft_that_cannot_be_read_says_where(folder, damage, message):
    name, content = damage
    path = folder / "drafts" / ARTICLE / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(review.DraftError) as err:
        review.read_draft(folder, ARTICLE)
    assert str(err.value).startswith(message)
