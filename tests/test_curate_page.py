"""AppTest for the Curate page: it exists only with curation on; it shows the draft with the
codebook's choices and the validator's messages, saves every edit, reviews in bulk, merges."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.builders.text import md
from dashboard.ingest import review
from dashboard.pages import ENTRY, PAGES, curation_enabled, pages_for
from dashboard.schema import EVENT_TYPES
from tests.curate_fixture import ARTICLE, dataset_with_draft

CURATE = "app_pages/curate.py"


@pytest.fixture(autouse=True)
def _fresh():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def folder(tmp_path, monkeypatch):
    folder = dataset_with_draft(tmp_path / "datasets")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    monkeypatch.setenv("DASHBOARD_CURATE", "1")
    monkeypatch.setenv("DASHBOARD_CURATOR", "AppTest Curator")
    return folder


def curate() -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    at.switch_page(CURATE).run()
    assert not at.exception
    return at


def grid(at: AppTest, name: str):
    return next(d for d in at.data_editor if d.key.startswith(f"grid-{ARTICLE}-{name}-"))


def draft_rows(folder, name) -> list[dict[str, str]]:
    path = folder / "drafts" / ARTICLE / f"{name}.csv"
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"), newline="")))


def test_the_page_shows_the_draft_with_the_codebooks_choices(folder):
    at = curate()
    assert [t.value for t in at.title] == ["Curate"]
    assert [d.key.split("-")[-2] for d in at.data_editor] == [
        "events",
        "transfers",
        "locations",
        "actors",
        "claims",
    ]
    events = grid(at, "events")
    assert events.value["event_id"].tolist() == ["syn-ev01", "syn-ev02", "syn-ev03"]
    assert events.value["problems"].tolist() == ["", "", ""]
    columns = json.loads(events.proto.columns)
    assert columns["event_type"]["type_config"]["options"] == list(EVENT_TYPES)
    assert columns["review"]["type_config"]["options"] == ["draft", "accepted", "rejected"]
    claims = columns["claim_id"]["type_config"]["options"]
    assert (
        claims[-2:] == ["syn-claim-artillery", "syn-claim-troops"] and "nk-arms-to-russia" in claims
    )
    assert columns["drafted_by"]["disabled"] is True
    assert [m.value for m in at.markdown if m.proto.allow_html] == []
    # Every candidate's passage is highlighted in the article (escaped Markdown).
    text = [m.value for m in at.markdown]
    assert any(
        ":blue-background[A spokesperson for the Ministry of Test Affairs" in t for t in text
    )


def test_the_validators_messages_stand_beside_their_rows(folder):
    draft = review.read_draft(folder, ARTICLE)
    frame = draft.tables["transfers"].copy()
    frame.loc[1, "passage_start"] = "12x"
    frame.loc[0, "event_id"] = "syn-ev99"
    review.save_table(draft, "transfers", frame)
    at = curate()
    assert grid(at, "transfers").value["problems"].tolist() == [
        "event_id: no such id in events.csv ('syn-ev99')",
        "passage_start: not a whole number ('12x')",
    ]
    captions = [c.value for c in at.caption]
    message = "event_id: no such id in events.csv ('syn-ev99')"
    assert f"⚠ {md('syn-tr01')}: {md(message)}" in captions


def test_an_edit_is_saved_at_once_and_survives_a_restart(folder):
    at = curate()
    key = grid(at, "events").key
    at.session_state[key] = {
        "edited_rows": {"1": {"summary": "Edited by the curator", "review": "accepted"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    rows = draft_rows(folder, "events")
    assert [(r["event_id"], r["summary"], r["review"]) for r in rows][1] == (
        "syn-ev02",
        "Edited by the curator",
        "accepted",
    )
    st.cache_data.clear()
    st.cache_resource.clear()
    again = curate()  # a new session, as after a refresh or a server restart
    shown = grid(again, "events").value
    assert shown.loc[1, "summary"] == "Edited by the curator"
    assert shown["review"].tolist() == ["draft", "accepted", "draft"]


def test_a_row_added_in_the_grid_is_a_curators_draft(folder):
    at = curate()
    key = grid(at, "claims").key
    at.session_state[key] = {
        "edited_rows": {},
        "deleted_rows": [],
        "added_rows": [{"claim_id": "syn-claim-new", "proposition": "A new claim"}],
    }
    at.run()
    assert draft_rows(folder, "claims")[-1] == {
        "claim_id": "syn-claim-new",
        "proposition": "A new claim",
        "relation_hint": "",
        "review": "draft",
        "drafted_by": "added by the curator",
    }


def test_bulk_review_and_merge_then_the_data_page_shows_the_rows(folder):
    at = curate()
    for name in ("events", "transfers", "locations", "actors", "claims"):
        at.button(key=f"accept-{name}").click().run()
    assert [r["review"] for r in draft_rows(folder, "actors")] == ["accepted"] * 3
    assert at.button(key="merge").label == "Merge 11 accepted row(s)"
    assert at.text_input(key="curator").value == "AppTest Curator"
    at.button(key="merge").click().run()
    assert not at.exception
    assert [s.value for s in at.success][0].startswith(
        md(f"Merged 3 events, 2 transfers, 1 locations, 3 actors, 2 claims from {ARTICLE}")
    )
    assert [i.value for i in at.info][0].startswith("No draft waits for review")
    log = list(csv.DictReader(io.StringIO((folder / "CHANGELOG.csv").read_text("utf-8"))))
    assert [(r["article_id"], r["curator"], r["events_added"]) for r in log] == [
        (ARTICLE, "AppTest Curator", "3")
    ]
    # The same session's next rerun loads the new dataset: its undated rows pass any date filter
    # (the sidebar's date range keeps the span it had before the merge: see the report).
    at.switch_page("app_pages/tables.py").run()
    assert [t.value for t in at.title] == ["Data"]
    ids = at.dataframe[0].value["id"].tolist()  # the Events tab
    assert [i for i in ids if i.startswith("syn-")] == ["syn-ev02", "syn-ev03"]
    fresh = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    fresh.switch_page("app_pages/tables.py").run()
    ids = fresh.dataframe[0].value["id"].tolist()
    assert [i for i in ids if i.startswith("syn-")] == ["syn-ev01", "syn-ev02", "syn-ev03"]


def test_a_merge_that_fails_says_why_and_changes_nothing(folder):
    at = curate()
    at.button(key="accept-transfers").click().run()
    before = (folder / "transfers.csv").read_bytes()
    at.button(key="merge").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        md(
            "Nothing merged: the dataset with the accepted rows would not pass validation "
            "(5 problem(s)). Fix them in the draft and merge again."
        )
    ]
    report = at.dataframe[0]  # above the grids
    assert report.editing_mode == "read_only"
    problems = report.value
    assert problems["file"].unique().tolist() == [f"drafts/{ARTICLE}/transfers.csv"]
    assert (folder / "transfers.csv").read_bytes() == before
    assert review.list_drafts(folder) == [ARTICLE]


# --- the public app has no write path ----------------------------------------------------------

PUBLIC_RUN = """
import sys
from streamlit.testing.v1 import AppTest
from dashboard.pages import ENTRY, PAGES, curation_enabled, pages_for
at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
assert not at.exception, at.exception
for p in PAGES[1:]:
    at.switch_page(p.script).run()
    assert not at.exception, (p.name, at.exception)
try:
    at.switch_page("app_pages/curate.py")
    print("CURATE REACHABLE")
except ValueError:
    print("no curate page")
loaded = sorted(m for m in sys.modules if m.startswith(("dashboard.ingest", "dashboard.web.curating")))
print("write modules:", loaded)
"""


@pytest.mark.parametrize(
    ("environ", "on"),
    [
        ({}, False),
        ({"DASHBOARD_CURATE": ""}, False),
        ({"DASHBOARD_CURATE": "0"}, False),
        ({"DASHBOARD_CURATE": "true"}, False),
        ({"DASHBOARD_CURATE": "1"}, True),
    ],
)
def test_curation_is_on_only_with_the_flag(environ, on):
    assert curation_enabled(environ) is on
    names = [p.name for p in pages_for(curation_enabled(environ))]
    assert names[len(PAGES) :] == (["curate"] if on else [])
    assert names[: len(PAGES)] == [p.name for p in PAGES]


def test_the_public_app_has_no_curate_page_and_loads_no_write_code(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env["DASHBOARD_DATA_DIR"] = str(dataset_with_draft(tmp_path / "datasets"))
    done = subprocess.run(
        [sys.executable, "-c", PUBLIC_RUN],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-2:] == ["no curate page", "write modules: []"]


def test_a_stale_draft_is_refused_until_the_curator_confirms_it(folder):
    events = folder / "events.csv"
    events.write_text(events.read_text("utf-8").replace("NIS confirms", "NIS says", 1), "utf-8")
    at = curate()
    assert at.warning[0].value.startswith("The dataset changed since this draft was made")
    for name in ("events", "transfers", "locations", "actors", "claims"):
        at.button(key=f"accept-{name}").click().run()
    at.button(key="merge").click().run()
    assert at.error[0].value.startswith(
        md("Nothing merged: the dataset changed since this draft was made")
    )
    at.button(key="confirm_current").click().run()
    meta = json.loads((folder / "drafts" / ARTICLE / "draft.json").read_text("utf-8"))
    assert meta["dataset_version"] == at.session_state["_ctx"].ds.version
    assert [r["to"] for r in meta["reviewed_again"]] == [meta["dataset_version"]]
    assert not at.warning
    at.button(key="merge").click().run()
    assert [s.value for s in at.success][0].startswith(md("Merged 3 events"))


def test_data_in_messages_is_escaped_markdown(folder):
    beacon = "![](http://127.0.0.1:9/x.png)"
    draft = review.read_draft(folder, ARTICLE)
    frame = draft.tables["events"].copy()
    frame.loc[0, "passage_start"] = beacon
    review.save_table(draft, "events", frame)
    at = curate()
    assert (
        grid(at, "events").value["problems"][0] == f"passage_start: not a whole number ({beacon!r})"
    )
    shown = [c.value for c in at.caption if md("syn-ev01") in c.value]
    assert shown == [f"⚠ {md('syn-ev01')}: {md(f'passage_start: not a whole number ({beacon!r})')}"]
    assert "![](" not in shown[0]
    assert [m.value for m in at.markdown if m.proto.allow_html] == []
