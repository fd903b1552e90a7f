"""Merging a reviewed draft: accepted rows only, all tables or none, refusals, history, changelog."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard.data.dataset import dataset_version, load_dataset, validate_folder
from dashboard.data.reading import MERGE_JOURNAL
from dashboard.ingest import merge, review, transaction
from dashboard.schema import CHANGELOG
from tests.curate_fixture import ARTICLE, RULES, TABLE_FILES, dataset_with_draft, snapshot

NOW = datetime(2026, 11, 26, 3, 4, 5, tzinfo=UTC)
STAMP = "20261126T030405Z"


@pytest.fixture
def folder(tmp_path) -> Path:
    return dataset_with_draft(tmp_path / "datasets")


def review_rows(folder: Path, decisions: dict[str, dict[str, str]]) -> None:
    """Set review states by (table, primary key), as the Curate page saves them."""
    draft = review.read_draft(folder, ARTICLE)
    for name, states in decisions.items():
        frame = draft.tables[name].copy()
        pk = frame.columns[0]
        for key, state in states.items():
            assert (frame[pk] == key).sum() == 1, key
            frame.loc[frame[pk] == key, "review"] = state
        review.save_table(draft, name, frame)


ACCEPT_MOST = {
    "events": {"syn-ev01": "accepted", "syn-ev02": "accepted", "syn-ev03": "rejected"},
    "transfers": {"syn-tr01": "accepted", "syn-tr02": "accepted"},
    "locations": {"syn-rason": "accepted"},
    "actors": {"syn-ministry": "accepted", "syn-monitor": "accepted", "syn-wire": "rejected"},
    "claims": {"syn-claim-artillery": "accepted", "syn-claim-troops": "accepted"},
}


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_merge_appends_accepted_rows_only_and_keeps_history_and_changelog(folder):
    review_rows(folder, ACCEPT_MOST)
    before = snapshot(folder)
    version = dataset_version(folder)
    result = merge.merge_article(folder, ARTICLE, "Test Curator", now=NOW)
    assert result.ok, (result.message, result.problems)
    assert result.added == {"events": 2, "transfers": 2, "locations": 1, "actors": 2, "claims": 2}
    assert result.message.startswith(
        "Merged 2 events, 2 transfers, 1 locations, 2 actors, 2 claims"
    )
    # Every table: the old bytes unchanged, then the accepted rows in the dataset's columns.
    for name in TABLE_FILES:
        new = (folder / name).read_bytes()
        assert new.startswith(before[name]) and len(new) > len(before[name])
    events = rows((folder / "events.csv").read_text("utf-8"))
    assert [r["event_id"] for r in events if r["article_id"] == ARTICLE] == ["syn-ev01", "syn-ev02"]
    assert "review" not in events[0] and "drafted_by" not in events[0]
    ds = load_dataset(folder)
    assert sorted(ds.transfers.loc[ds.transfers["article_id"] == ARTICLE, "transfer_id"]) == [
        "syn-tr01",
        "syn-tr02",
    ]
    assert "syn-wire" not in set(ds.actors["actor_id"])
    # History: the replaced files byte for byte, and the reviewed draft with its rejected rows.
    history = folder / ".history" / STAMP
    assert result.history == history
    for name in (*TABLE_FILES, "CHANGELOG.csv"):
        assert (history / name).read_bytes() == before[name], name
    kept = rows((history / "draft" / "events.csv").read_text("utf-8"))
    assert [(r["event_id"], r["review"]) for r in kept][-1] == ("syn-ev03", "rejected")
    assert review.list_drafts(folder) == []
    assert not (folder / MERGE_JOURNAL).exists()
    assert list((folder / ".merge").iterdir()) == []
    # The changelog: its header from the codebook, one line for this merge.
    log = rows((folder / "CHANGELOG.csv").read_text("utf-8"))
    assert list(log[0]) == CHANGELOG.columns
    assert log == [
        {
            "merged_at": "2026-11-26T03:04:05Z",
            "article_id": ARTICLE,
            "events_added": "2",
            "transfers_added": "2",
            "locations_added": "1",
            "actors_added": "2",
            "claims_added": "2",
            "curator": "Test Curator",
            "rules_version": RULES,
            "dataset_version_before": version,
            "dataset_version_after": dataset_version(folder),
            "history": f".history/{STAMP}",
        }
    ]
    assert version != dataset_version(folder)


def test_changelog_keeps_earlier_lines(folder):
    earlier = "2026-01-01T00:00:00Z,000_x,1,0,0,0,0,someone,v0,aaa,bbb,.history/x\n"
    path = folder / "CHANGELOG.csv"
    path.write_text(path.read_text("utf-8") + earlier, "utf-8")
    review_rows(folder, ACCEPT_MOST)
    assert merge.merge_article(folder, ARTICLE, "c", now=NOW).ok
    lines = path.read_text("utf-8").splitlines()
    assert (
        len(lines) == 3
        and lines[1] == earlier.strip()
        and lines[2].startswith("2026-11-26T03:04:05Z,")
    )


def test_refuses_when_the_dataset_changed_since_drafting(folder):
    review_rows(folder, ACCEPT_MOST)
    events = folder / "events.csv"
    events.write_text(events.read_text("utf-8").replace("NIS confirms", "NIS says", 1), "utf-8")
    before = snapshot(folder)
    result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
    assert not result.ok
    assert "the dataset changed since this draft was made" in result.message
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("decisions", "expected"),
    [
        pytest.param(
            {"transfers": {"syn-tr01": "accepted"}},
            [
                (
                    "drafts/901_synthetic_curate/transfers.csv",
                    2,
                    "claimant_actor_id",
                    "syn-ministry",
                    "no such id in actors.csv",
                ),
                (
                    "drafts/901_synthetic_curate/transfers.csv",
                    2,
                    "event_id",
                    "syn-ev01",
                    "no such id in events.csv",
                ),
                (
                    "drafts/901_synthetic_curate/transfers.csv",
                    2,
                    "origin_location_id",
                    "syn-rason",
                    "no such id in locations.csv",
                ),
            ],
            id="transfer-without-its-event-actor-and-place",
        ),
        pytest.param(
            {**ACCEPT_MOST, "events": {"syn-ev01": "accepted", "syn-ev02": "accepted"}},
            [],
            id="valid",
        ),
    ],
)
def test_a_merge_that_would_not_validate_changes_nothing(folder, decisions, expected):
    review_rows(folder, decisions)
    if expected:
        before = snapshot(folder)
        result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
        assert not result.ok
        assert "would not pass validation (3 problem(s))" in result.message
        got = [(p.file, p.line, p.column, p.value, p.message) for p in result.problems]
        assert got == expected
        assert snapshot(folder) == before
    else:
        assert merge.merge_article(folder, ARTICLE, "c", now=NOW).ok


def test_a_bad_value_is_reported_on_its_draft_line(folder):
    review_rows(folder, ACCEPT_MOST)
    draft = review.read_draft(folder, ARTICLE)
    frame = draft.tables["events"].copy()
    frame.loc[1, "event_type"] = "troop_parade"
    review.save_table(draft, "events", frame)
    before = snapshot(folder)
    result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
    assert [(p.file, p.line, p.column, p.value) for p in result.problems] == [
        ("drafts/901_synthetic_curate/events.csv", 3, "event_type", "troop_parade")
    ]
    assert result.problems[0].message.startswith("not one of: arms_transfer")
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(
            "none-accepted",
            "Nothing merged: no row of this draft is accepted.",
            id="nothing-accepted",
        ),
        pytest.param(
            "no-draft",
            "Nothing merged: drafts/901_synthetic_curate/draft.json: not found (no draft for this article)",
            id="no-draft",
        ),
        pytest.param(
            "bad-review",
            "Nothing merged: drafts/901_synthetic_curate/claims.csv:3 [review] not one of draft, accepted, rejected (value: 'maybe')",
            id="bad-review",
        ),
        pytest.param("no-curator", "Nothing merged: give the curator's name.", id="no-curator"),
    ],
)
def test_refusals_name_their_reason_and_change_nothing(folder, setup, message):
    curator = "c"
    if setup == "no-draft":
        (folder / "drafts" / ARTICLE / "draft.json").unlink()
    elif setup == "bad-review":
        path = folder / "drafts" / ARTICLE / "claims.csv"
        path.write_text(
            path.read_text("utf-8")
            .replace(",draft,claim", ",maybe,claim", 2)
            .replace(",maybe,claim", ",draft,claim", 1),
            "utf-8",
        )
    elif setup == "no-curator":
        review_rows(folder, ACCEPT_MOST)
        curator = " "
    before = snapshot(folder)
    result = merge.merge_article(folder, ARTICLE, curator, now=NOW)
    assert (result.ok, result.message) == (False, message)
    assert snapshot(folder) == before


class Boom(RuntimeError):
    pass


def test_a_failure_between_two_tables_writes_leaves_the_dataset_as_it_was(folder, monkeypatch):
    review_rows(folder, ACCEPT_MOST)
    before = snapshot(folder)
    real = transaction.os.replace
    calls, failed = [], []

    def replace(src, dst):
        if Path(dst).name in TABLE_FILES:
            calls.append(Path(dst).name)
        if len(calls) == 3 and not failed:
            failed.append(dst)  # events.csv and transfers.csv are in place; locations.csv is next
            raise Boom("disk full")
        return real(src, dst)

    monkeypatch.setattr(transaction.os, "replace", replace)
    result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
    monkeypatch.setattr(transaction.os, "replace", real)
    assert calls[:3] == ["events.csv", "transfers.csv", "locations.csv"]
    assert not result.ok
    assert result.message == (
        "Nothing merged: writing the dataset failed (disk full); every file was put back as it "
        "was before the merge."
    )
    assert snapshot(folder) == before
    assert validate_folder(folder) == []


CRASH = """
import os, sys
from pathlib import Path
from dashboard.ingest import merge, transaction
real, calls = os.replace, []
def replace(src, dst):
    calls.append(Path(dst).name) if Path(dst).name.endswith(".csv") else None
    if len(calls) == 3:
        os._exit(17)  # the process dies between two tables' writes: no except, no finally
    return real(src, dst)
transaction.os.replace = replace
merge.merge_article(Path(sys.argv[1]), sys.argv[2], "c")
"""


def test_a_crash_between_two_tables_writes_is_rolled_back_on_the_next_run(folder):
    review_rows(folder, ACCEPT_MOST)
    before = snapshot(folder)
    done = subprocess.run([sys.executable, "-c", CRASH, str(folder), ARTICLE], check=False)
    assert done.returncode == 17
    # Half-written: two tables are new, the rest old; the journal says so and nobody loads it.
    assert (folder / "events.csv").read_bytes() != before["events.csv"]
    assert (folder / "locations.csv").read_bytes() == before["locations.csv"]
    first = validate_folder(folder)[0]
    assert (first.file, first.message[:24]) == (MERGE_JOURNAL, "a merge was interrupted;")
    said = transaction.recover(folder)
    assert said.startswith("An interrupted merge (")
    after = snapshot(folder)
    assert after == before
    assert transaction.recover(folder) is None
    assert merge.merge_article(folder, ARTICLE, "c", now=NOW).ok  # and the merge can be redone


def test_merge_recovers_an_interrupted_merge_first(folder):
    review_rows(folder, ACCEPT_MOST)
    done = subprocess.run([sys.executable, "-c", CRASH, str(folder), ARTICLE], check=False)
    assert done.returncode == 17
    result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
    assert result.ok
    assert result.message.startswith("An interrupted merge (")
    assert len(rows((folder / "CHANGELOG.csv").read_text("utf-8"))) == 1


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "merge", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_merges_and_refuses_with_one_message(folder):
    refused = cli(ARTICLE, "--data", str(folder), "--curator", "cli")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "Nothing merged: no row of this draft is accepted."
    review_rows(folder, ACCEPT_MOST)
    done = cli(ARTICLE, "--data", str(folder), "--curator", "cli")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Merged 2 events, 2 transfers, 1 locations, 2 actors, 2 claims from 901_synthetic_curate"
    )
    assert rows((folder / "CHANGELOG.csv").read_text("utf-8"))[0]["curator"] == "cli"
    nothing = cli("--recover", "--data", str(folder))
    assert (nothing.returncode, nothing.stdout.strip()) == (0, f"{folder}: no interrupted merge.")


def test_a_stand_in_left_in_an_accepted_row_is_refused_and_previewed(folder):
    review_rows(folder, ACCEPT_MOST)
    draft = review.read_draft(folder, ARTICLE)
    claims = draft.tables["claims"].copy()
    claims.loc[1, "proposition"] = "(to be written) Observers at the Test Monitoring Group reported"
    review.save_table(draft, "claims", claims)
    before = snapshot(folder)
    result = merge.merge_article(folder, ARTICLE, "c", now=NOW)
    assert (result.ok, result.message) == (
        False,
        "Nothing merged: drafts/901_synthetic_curate/claims.csv:3 [proposition] still holds the "
        "drafting stand-in '(to be written)': write it.",
    )
    assert snapshot(folder) == before
    found = merge.preview_problems(folder, review.read_draft(folder, ARTICLE))
    assert found == {("claims", 1): ["proposition: still the drafting stand-in: write it"]}
