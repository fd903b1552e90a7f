"""Odd input drafts without error, and an unexpected failure is one line, not a traceback."""

from datetime import date

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.ingest.context import Context, read_tables
from dashboard.ingest.drafting import ArticleInfo, draft_article
from tests.ingest_support import FIXTURES, copy_dataset

ODD = {
    "no-punctuation": "north korea sent guns to russia and nobody said anything about it at all",
    "numbers-only": "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16.",
    "one-long-sentence": ("The ministry said that " + "some 50 guns and 20 launchers, " * 200)
    + "arrived.",
    "unicode": "Северная Корея отправила 50 гаубиц. 北朝鮮は砲を送った。 North Korea\u200b sent \u202e50 guns.",
    "quotes-and-dashes": "“Nearly 50,” he said — “maybe 60 — M-1978s.” The ‘Koksan’ guns (170-mm) arrived.",
    "dates-galore": "On 31 February, on Monday, last week, in mid-May 2023 and on 2024-13-45 nothing happened.",
    "huge-number": "Officials said 99,999,999,999,999,999,999 shells were sent to Russia.",
}


@pytest.fixture(scope="module")
def ctx():
    return Context(read_tables(FIXTURES.parents[2] / "datasets"))


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
def test_odd_text_drafts_with_passages_in_place(ctx, text):
    frames = draft_article(ArticleInfo("009_x", text, date(2024, 11, 20), "day", "P"), ctx).frames()
    for name in ("events", "transfers"):
        for row in frames[name].itertuples():
            assert text[int(row.passage_start) : int(row.passage_end)] == row.passage
    assert isinstance(frames["events"], pd.DataFrame)


def test_an_unexpected_failure_is_one_line_and_writes_nothing(tmp_path, capsys, monkeypatch):
    from dashboard.ingest import command

    data = copy_dataset(tmp_path)

    def broken(*_):
        raise RuntimeError("rule crashed")

    monkeypatch.setattr(command, "draft_article", broken)
    before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    code = main(
        [
            "ingest",
            str(FIXTURES / "wire_copy.txt"),
            "--publisher",
            "P",
            "--published",
            "2024-11-20",
            "--data",
            str(data),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert (
        err
        == f"ingest failed: {FIXTURES / 'wire_copy.txt'}: RuntimeError: rule crashed; nothing written\n"
    )
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == before
