"""Corroboration, relations, grades and figure history as pure functions, with exact values on
the many-articles fixture and on the curated seed (one article is a special case of N)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.builders import analyst, downloads, export
from dashboard.builders.history import history_figure
from dashboard.data.dataset import load_dataset
from dashboard.views import corroboration, grades, history, relations, tallies
from dashboard.views import filters as flt

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"


@pytest.fixture(scope="module")
def multi():
    return load_dataset(FIXTURE)


@pytest.fixture(scope="module")
def seed():
    return load_dataset()


def view(ds, **kw):
    return flt.apply_filters(ds, flt.Filters(**kw))


def test_corroboration_counts_a_syndicated_copy_once(multi):
    table = corroboration.corroboration(view(multi), multi).set_index("claim_id")
    assert table[["articles", "origins"]].to_dict("index") == {
        "nk-arms-to-russia": {"articles": 3, "origins": 2},
        "nk-troops-in-russia": {"articles": 3, "origins": 2},
    }
    assert table.at["nk-troops-in-russia", "denied_by"] == "Russian defence ministry"
    assert table.at["nk-arms-to-russia", "chains"] == (
        "Daily Relay ← Northwind Wire ← National Intelligence Service (NIS); "
        "Harbour Times ← Ukraine's military intelligence (HUR); "
        "Northwind Wire ← National Intelligence Service (NIS)"
    )


def test_the_copy_alone_is_one_article_from_one_origin(multi):
    table = corroboration.corroboration(view(multi, articles=("fx2_relay",)), multi)
    assert table[["claim_id", "articles", "origins"]].values.tolist() == [
        ["nk-arms-to-russia", 1, 1],
        ["nk-troops-in-russia", 1, 1],
    ]


@pytest.mark.parametrize(
    ("roots", "expected"),
    [
        pytest.param(
            {}, {"fx1_northwind": "fx1_northwind", "fx2_relay": "fx1_northwind"}, id="metadata"
        ),
    ],
)
def test_article_roots_follow_the_origin(multi, roots, expected):
    got = corroboration.article_roots(multi.articles)
    assert {k: got[k] for k in expected} == expected


def test_same_as_rows_merge_origins_without_metadata(multi):
    articles = multi.articles.assign(origin_article_id=None)  # the copy's origin unknown
    ds = type(multi)(**{**multi.__dict__, "articles": articles})
    table = corroboration.corroboration(view(ds), ds).set_index("claim_id")
    assert table.at["nk-troops-in-russia", "origins"] == 2  # fx-r02 ties b-ev02 to a-ev02


def test_the_seed_chain_reads_publisher_via_claimant(seed):
    table = corroboration.corroboration(view(seed), seed).set_index("claim_id")
    assert (
        table.at["choe-visit", "chains"]
        == "Caliber.Az ← Korean media ← National Intelligence Service (NIS)"
    )
    assert "Caliber.Az ← Korean media ← Caliber.Az" not in table.at["nk-arms-to-russia", "chains"]
    assert table[["articles", "origins"]].drop_duplicates().values.tolist() == [[1, 1]]


def test_citations_name_each_article_in_one_wording(multi):
    spy = "“SYNTHETIC TEST TEXT: Spy agency says howitzers and troops went to Russia”"
    kept = view(multi, reliability="C")
    assert analyst.view_articles_cited(kept, multi) == (
        f"Northwind Wire, {spy}, 2024-11-20, https://example.org/synthetic/fx1_northwind; "
        f"Daily Relay, {spy}, 2024-11-21, https://example.org/synthetic/fx2_relay; "
        "Harbour Times, “SYNTHETIC TEST TEXT: Estimates of North Korean troops in Kursk "
        "diverge”, 2024-12-10, https://example.org/synthetic/fx3_harbour"
    )
    cite = export.citation("v1", {}, date(2026, 11, 26), "T")
    assert "articles" not in cite  # one source of truth: the rows' own articles, added below
    relayed = kept.transfers[kept.transfers["article_id"] == "fx2_relay"]
    assert downloads.cited(cite, relayed, multi, "none undated")["articles"] == (
        f"Daily Relay, {spy}, 2024-11-21, https://example.org/synthetic/fx2_relay"
    )
    assert corroboration.article_labels(multi.articles)["fx2_relay"] == "Daily Relay · 2024-11-21"


@pytest.mark.parametrize(
    ("kw", "events", "transfers"),
    [
        pytest.param({}, 9, 7, id="none"),
        pytest.param({"articles": ("fx3_harbour",)}, 4, 3, id="one-article"),
        pytest.param({"reliability": "A"}, 0, 0, id="A"),
        pytest.param({"reliability": "B"}, 5, 5, id="B-or-better"),
        pytest.param({"reliability": "C"}, 7, 7, id="C-or-better"),
        pytest.param({"reliability": "E"}, 8, 7, id="E-or-better"),
        pytest.param({"credibility": "2"}, 1, 1, id="2-or-better"),
        pytest.param({"credibility": "3"}, 2, 2, id="3-or-better"),
        pytest.param({"credibility": "5"}, 4, 3, id="5-or-better"),
        pytest.param({"reliability": "B", "credibility": "2"}, 1, 1, id="B2"),
    ],
)
def test_article_and_grade_filters_keep_exact_rows(multi, kw, events, transfers):
    v = view(multi, **kw)
    assert (len(v.events), len(v.transfers)) == (events, transfers)


def test_grade_labels_say_ungraded_never_f_or_6():
    assert grades.grade_label("B", "3") == "B3"
    assert grades.grade_label("B", None) == "B / ungraded"
    assert grades.grade_label(float("nan"), "4") == "ungraded / 4"
    assert grades.grade_label(None, None) == "ungraded"
    assert grades.grade_label("F", "6") == "F6"
    assert grades.passing(("A", "B", "C", "D", "E", "F"), "B") == {"A", "B"}


def test_a_transfer_takes_its_events_credibility_when_it_has_none(multi):
    t = multi.transfers
    cred = grades.transfer_credibility(t, multi)
    assert dict(zip(t["transfer_id"], cred.fillna("-"), strict=True)) == {
        "a-tr01": "3",
        "a-tr02": "-",
        "b-tr01": "-",
        "b-tr02": "-",
        "c-tr01": "2",
        "c-tr02": "4",
        "c-tr03": "-",
    }


def test_relations_read_from_each_end(multi):
    rows = relations.for_row(multi, "c-tr01")
    assert rows[["relation", "kind"]].values.tolist() == [
        ["updates a-tr02", "updates"],
        ["differs from c-tr02", "differs"],
    ]
    assert relations.for_row(multi, "a-tr02")["relation"].tolist() == [
        "same report as b-tr02",
        "is updated by c-tr01",
    ]


def test_equipment_groups_say_compare_do_not_add(multi, seed):
    groups = history.related_groups(view(multi), multi).listed()
    assert [(g["headline"], list(g["rows"]["transfer_id"])) for g in groups] == [
        (
            "These three figures may describe the same guns — compare, do not add.",
            ["a-tr01", "b-tr01", "c-tr03"],
        ),
        (
            "These four figures for troops disagree for the same scope: they cannot all be true — compare them "
            "side by side, do not add.",
            ["a-tr02", "b-tr02", "c-tr01", "c-tr02"],
        ),
    ]
    seed_groups = history.related_groups(view(seed), seed).listed()
    assert [list(g["rows"]["transfer_id"]) for g in seed_groups] == [
        ["000-tr01", "000-tr03", "000-tr05"],
        ["000-tr02", "000-tr04"],
        ["000-tr06", "000-tr07", "000-tr08"],
    ]
    assert (
        seed_groups[0]["headline"]
        == "These three figures may describe the same guns — compare, do not add."
    )


def test_quantity_rows_carry_grade_article_and_relations(multi):
    q = tallies.quantity_rows(view(multi), multi).set_index("transfer_id")
    assert q.loc["c-tr02", ["grade", "article", "related"]].tolist() == [
        "C4",
        "Harbour Times · 2024-12-10",
        "differs from c-tr01",
    ]


def test_figure_history_places_each_figure_and_flags_the_differing_pair(multi):
    points = history.figure_points(view(multi), multi)
    assert history.systems(points) == [
        "North Korean troops",
        "self-propelled howitzer (type not stated)",
        "Koksan 170 mm self-propelled gun",
    ]
    troops, differs, total = history.system_history(view(multi), multi, "North Korean troops")
    assert total == 4
    assert troops[["transfer_id", "low", "high", "placed"]].astype(str).values.tolist() == [
        ["a-tr02", "10850", "10950", "reported"],
        ["b-tr02", "10850", "10950", "reported"],
        ["c-tr01", "11500", "12500", "reported"],
        ["c-tr02", "2500", "3500", "reported"],
    ]
    assert differs[["a", "b", "a_grade", "b_grade"]].values.tolist() == [
        ["c-tr01", "c-tr02", "B2", "C4"]
    ]
    assert differs.at[0, "basis"].startswith("curated (Both count North Korean soldiers")
    koksan = points[points["system"] == "Koksan 170 mm self-propelled gun"].iloc[0]
    assert (koksan["placed"], koksan["date"]) == (
        "placed at publication",
        pd.Timestamp("2024-12-10"),
    )


def test_differs_is_computed_when_ranges_reported_together_do_not_meet(multi):
    ds = type(multi)(**{**multi.__dict__, "relations": multi.relations.iloc[:0]})
    _, differs, _ = history.system_history(view(ds), ds, "North Korean troops")
    assert differs[["a", "b"]].values.tolist() == [["c-tr01", "c-tr02"]]
    assert differs.at[0, "basis"].startswith("computed: same system, reported at the same time")


def test_the_history_chart_draws_ranges_arrows_and_the_differs_line(multi, seed):
    troops, differs, _ = history.system_history(view(multi), multi, "North Korean troops")
    fig = history_figure(troops, differs)
    names = [t.name for t in fig.data]
    assert names[-1] == "differs: cannot both be true"
    bars = [t for t in fig.data if t.mode == "lines" and t.name != names[-1]]
    assert sorted(y for t in bars for y in t.y if y is not None) == [
        2500,
        3500,
        10850,
        10850,
        10950,
        10950,
        11500,
        12500,
    ]
    seed_troops, seed_differs, _ = history.system_history(view(seed), seed, "North Korean troops")
    marks = [t for t in history_figure(seed_troops, seed_differs).data if t.mode == "markers"]
    symbols = sorted(s for t in marks for s in t.marker.symbol)
    assert symbols == ["circle-open", "triangle-up-open"]  # over 10,000 runs on; both undated


def test_the_shared_fixture_counts_its_relay_once_and_flags_the_ministrys_figure():
    ds = load_dataset(Path(__file__).resolve().parent / "fixtures" / "dataset")
    table = corroboration.corroboration(view(ds), ds).set_index("claim_id")
    assert table.loc["arms-delivered", ["articles", "origins"]].tolist() == [4, 3]
    points = history.figure_points(view(ds), ds)
    system = "self-propelled howitzer (type not stated)"
    _, differs, total = history.system_history(view(ds), ds, system)
    assert total == 4
    assert differs[["a", "b", "a_grade", "b_grade"]].values.tolist() == [
        ["t01-tr01", "t02-tr01", "ungraded", "D / ungraded"]
    ]
    assert points.loc[points["transfer_id"] == "t03-tr01", "related"].tolist() == [
        "same report as t01-tr01"
    ]


def test_the_history_chart_writes_the_words_beside_few_marks_only(multi):
    troops, differs, _ = history.system_history(view(multi), multi, "North Korean troops")
    notes = [a.text for a in history_figure(troops, differs).layout.annotations]
    assert sorted(notes) == sorted(troops["as_stated"]) and len(notes) == 4
    many = pd.concat([troops] * 16, ignore_index=True)  # 64 marks, past LABELLED
    many["transfer_id"] = [f"x{i:02d}" for i in range(len(many))]
    fig = history_figure(many, differs.iloc[:0])
    assert fig.layout.annotations == ()
    assert sum(len(t.x) for t in fig.data if t.mode == "markers") == 64  # every mark still drawn


def test_a_claim_only_denied_in_the_view_names_its_deniers(seed):
    shown = view(seed, claimants=("russian-officials", "new-york-times"))
    table = corroboration.corroboration(shown, seed)
    assert table[["claim_id", "articles", "origins", "denied_by"]].values.tolist() == [
        ["nk-troops-trained", 1, 1, ""],
        ["nk-troops-in-combat", 0, 0, "Russian officials"],
    ]


def test_a_long_list_of_chains_is_cut_with_the_rest_counted():
    from dashboard.views.corroboration import first_of, shown_corroboration

    assert first_of("a; b; c", limit=3) == "a; b; c"
    assert first_of("", limit=3) == ""
    assert first_of("a; b; c; d; e", limit=2) == "a; b; … and 3 more chains"
    table = pd.DataFrame({"claim_id": ["x", "y"], "articles": [5, 1], "chains": ["a; b; c", "d"]})
    shown = shown_corroboration(table, limit=1)
    assert shown["chains"].tolist() == ["a; … and 2 more chains", "d"]
    assert shown["articles"].tolist() == [5, 1]  # K and J are the whole's
    assert table["chains"].tolist() == ["a; b; c", "d"]  # the table itself is not changed
