"""The vectorised analyses give exactly what the row-by-row versions gave (tests/views_before):
on the many-articles fixture, the shared fixture, the curated seed and a small synthetic
dataset (bench/synth.py), unfiltered and under filters that split groups and chains."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from bench import synth
from dashboard.builders import analyst, charts, downloads
from dashboard.builders import history as history_chart
from dashboard.builders import passages as passages_mod
from dashboard.data.dataset import load_dataset
from dashboard.views import (
    articles,
    corroboration,
    datagrid,
    figure_rows,
    geo,
    grades,
    history,
    relations,
    responses,
    sections,
    tallies,
)
from dashboard.views import filters as flt
from tests.views_before import charts as charts_before
from tests.views_before import corroboration as corroboration_before
from tests.views_before import geo as geo_before
from tests.views_before import grades as grades_before
from tests.views_before import history as history_before
from tests.views_before import history_chart as history_chart_before
from tests.views_before import passages as passages_before
from tests.views_before import relations as relations_before
from tests.views_before import tallies as tallies_before

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SYNTHETIC_EVENTS = 1_500


@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth") / "datasets"
    synth.write_dataset(folder, SYNTHETIC_EVENTS)
    return {
        "multi": load_dataset(FIXTURES / "multi"),
        "shared": load_dataset(FIXTURES / "dataset"),
        "seed": load_dataset(),
        "synthetic": load_dataset(folder),
    }


FILTERS = [
    pytest.param({}, id="all"),
    pytest.param({"start": date(2024, 10, 1), "end": date(2024, 12, 31)}, id="dates"),
    pytest.param({"stances": ("denies", "acknowledges")}, id="responses"),
    pytest.param({"include_undated": False}, id="dated-only"),
    pytest.param({"reliability": "C"}, id="graded-C-or-better"),
]
DATASETS = ["multi", "shared", "seed", "synthetic"]


def same(new: pd.DataFrame, old: pd.DataFrame) -> None:
    """Equal frames, dtypes included; an empty frame's columns have no values to type, so two
    empty frames need only the same columns."""
    if new.empty and old.empty:
        assert list(new.columns) == list(old.columns)
    else:
        assert_frame_equal(new, old)


def views(datasets, name, kw):
    ds = datasets[name]
    return ds, flt.apply_filters(ds, flt.Filters(**kw))


def test_the_synthetic_sample_has_what_the_analyses_work_on(datasets):
    ds = datasets["synthetic"]
    assert len(ds.events) == SYNTHETIC_EVENTS
    assert len(ds.relations) > 20 and set(ds.relations["kind"]) == set(relations.WORDS)
    assert len(ds.credibility) > 100 and len(ds.reliability) > 5
    assert ds.articles["origin_article_id"].notna().sum() > 0


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_quantity_rows_and_overview_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    table = tallies.transfer_rows(ds)
    q = tallies.quantity_rows(view, ds, table)
    same(q, tallies_before.quantity_rows(view, ds))
    same(tallies.quantity_rows(view, ds), q)
    for by in ("system", "category", "claimant"):
        same(tallies.tally_rows(q, by), tallies_before.tally_rows(q, by))
    new, old = tallies.overview_metrics(view, ds, table), tallies_before.overview_metrics(view, ds)
    assert new.keys() == old.keys()
    for key in ("hardware", "personnel"):
        same(new.pop(key), old.pop(key))
    assert new == old


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_related_groups_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    new = history.related_groups(view, ds, tallies.transfer_rows(ds)).listed()
    old = history_before.related_groups(view, ds)
    assert [(g["group"], g["headline"], g["kind"]) for g in new] == [
        (g["group"], g["headline"], g["kind"]) for g in old
    ]
    for a, b in zip(new, old, strict=True):
        same(a["rows"], b["rows"])
        same(a["relations"], b["relations"])
    if name in ("multi", "seed", "synthetic") and not kw:
        assert len(new) >= 2  # the comparison saw groups


def test_a_listed_prefix_is_the_first_groups(datasets):
    ds, view = views(datasets, "synthetic", {})
    groups = history.related_groups(view, ds)
    assert len(groups) > 5
    first = groups.listed(3)
    assert [g["group"] for g in first] == [g["group"] for g in groups.listed()[:3]]


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_figure_points_and_history_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    points = history.point_rows(ds, tallies.transfer_rows(ds))
    new = history.figure_points(view, ds, points)
    same(new, history_before.figure_points(view, ds))
    seen = 0
    for system in history.systems(new)[:4]:
        got = history.system_history(view, ds, system, points)
        want = history_before.system_history(view, ds, system)
        same(got[0], want[0])
        same(got[1], want[1])
        assert got[2] == want[2]
        seen += 1
    assert seen >= 1 or new.empty


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_corroboration_matches(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    want = corroboration_before.corroboration(view, ds)
    same(corroboration.corroboration(view, ds, corroboration.claim_rows(ds)), want)
    same(corroboration.corroboration(view, ds), want)
    if not kw:
        assert (want["articles"] > 0).sum() >= 1  # the comparison saw counts


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_answers_and_contested_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    pairs = responses.answer_pairs(ds)
    same(responses.answers_table(view, ds, pairs), tallies_before.answers_table(view, ds))
    table = responses.contested_rows(ds, responses.answered_words(pairs))
    same(responses.contested(view, ds, table), tallies_before.contested(view, ds))
    same(responses.contested(view, ds), tallies_before.contested(view, ds))


@pytest.mark.parametrize("name", DATASETS)
def test_grade_labels_and_chains_match(datasets, name):
    ds = datasets[name]
    t = ds.transfers
    cred = grades.transfer_credibility(t, ds)
    assert grades.grade_labels(t["claimant_actor_id"], cred, ds) == grades_before.grade_labels(
        t["claimant_actor_id"], cred, ds
    )
    assert corroboration.publisher_chain(ds.articles) == corroboration_before.publisher_chain(
        ds.articles
    )
    rows = ds.events
    assert_series_equal(
        corroboration.row_origins(rows, ds), corroboration_before.row_origins(rows, ds)
    )


@pytest.mark.parametrize(
    "edges",
    [
        pytest.param([("b", "a"), ("c", "b"), ("e", "d")], id="chain-and-pair"),
        pytest.param([("z", "y"), ("y", "x"), ("x", "w"), ("w", "v")], id="long-chain"),
        pytest.param([("a", "a")], id="self"),
        pytest.param([], id="none"),
    ],
)
def test_components_match_union_find(edges):
    got = relations.components([a for a, _ in edges], [b for _, b in edges]).to_dict()
    assert got == relations_before._components(edges)


def test_grade_labels_say_ungraded_in_words():
    ds = load_dataset(FIXTURES / "multi")
    claimants = pd.Series(["nope", "nope", "nope"])
    assert grades.grade_labels(claimants, pd.Series(["2", None, ""]), ds) == [
        "ungraded / 2",
        "ungraded",
        "ungraded",
    ]


def by_system_before(rows: pd.DataFrame) -> pd.DataFrame:
    """The Overview page's ordering before figure_rows.by_system: systems with the most figures
    first; within one, in report order (stable)."""
    size = rows.groupby("system")["system"].transform("size")
    return rows.assign(_n=size).sort_values(
        ["_n", "system"], ascending=[False, True], kind="stable"
    )


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_equipment_by_position_matches(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    table = tallies.transfer_rows(ds)
    c = figure_rows.coded(ds, table)
    q = tallies_before.quantity_rows(view, ds)
    seen = 0
    for limit, chart in ((1_000, 30), (3, 2), (1, 0)):
        old = sections.equipment_sections(q)
        new = figure_rows.parts(view, ds, c, limit, chart)
        assert [(p.key, p.title) for p in new] == [(s.key, s.title) for s in old]
        for p, s in zip(new, old, strict=True):
            assert (p.total, p.n_stated) == (len(s.rows), len(s.stated))
            same(p.rows, s.rows.head(limit).reset_index(drop=True))
            same(p.stated, s.stated.head(chart).reset_index(drop=True))
            seen += p.total
    assert seen >= 1 or q.empty
    for by in figure_rows.TALLY_BY:
        same(figure_rows.tally(view, ds, c, by), tallies_before.tally_rows(q, by))
    for key, rows in (
        ("hardware", q[q["category"].isin(sections.HARDWARE)]),
        ("personnel", q[q["category"] == sections.PERSONNEL]),
    ):
        for limit in (50, 4, 1):
            listed = figure_rows.by_system(view, ds, c, key, limit)
            assert listed.total == len(rows)
            want = by_system_before(rows).head(limit).drop(columns="_n")
            same(listed.first, want.reset_index(drop=True))
        same(figure_rows.quantity_part(view, ds, c, key), rows.reset_index(drop=True))


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_groups_by_position_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    table = tallies.transfer_rows(ds)
    new = figure_rows.groups(view, ds, figure_rows.coded(ds, table))
    old = relations.figure_groups(tallies.quantity_rows(view, ds, table), ds)
    for part in ("summary", "members", "links"):
        same(getattr(new, part), getattr(old, part))
    before = history_before.related_groups(view, ds)
    assert [(g["group"], g["headline"]) for g in new.listed()] == [
        (g["group"], g["headline"]) for g in before
    ]
    for a, b in zip(new.listed(), before, strict=True):
        same(a["rows"], b["rows"])
        same(a["relations"], b["relations"])
    if name in ("multi", "seed", "synthetic") and not kw:
        assert len(new) >= 2


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_history_by_position_matches(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    points = history.point_rows(ds, tallies.transfer_rows(ds))
    coded = history.coded_points(ds, points)
    old_points = history_before.figure_points(view, ds)
    shown = history.shown_systems(view, ds, coded)
    assert shown == history_before.systems(old_points)
    seen = 0
    for system in [*shown[:4], "no such system"]:
        got = history.shown_history(view, ds, system, coded)
        want = history_before.system_history(view, ds, system)
        same(got[0], want[0])
        same(got[1], want[1])
        assert got[2] == want[2]
        seen += got[2]
    assert seen >= 1 or old_points.empty


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_claims_matrix_by_keys_matches(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    want = tallies.claims_matrix(view, ds)
    same(tallies.claims_matrix(view, ds, tallies.matrix_keys(ds)), want)
    assert not want.empty or view.events.empty


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_reader_articles_by_position_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    codes = articles.article_codes(ds)
    ev, tr = view.events, view.transfers
    want = sorted(set(ev["article_id"].unique()) | set(tr["article_id"].unique()))
    assert articles.articles_in_view(view, ds, codes) == want
    assert want or view.empty
    for article in [*want[:3], "no-such-article"]:
        got = articles.article_view(view, ds, codes, article)
        assert_frame_equal(got.events, ev[ev["article_id"] == article])
        assert_frame_equal(got.transfers, tr[tr["article_id"] == article])


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_data_page_citations_by_codes_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    codes = articles.article_codes(ds)
    assert analyst.articles_cited(
        ds, articles.articles_in_view(view, ds, codes)
    ) == analyst.view_articles_cited(view, ds)
    for table in ("events", "transfers", "locations"):
        rows = getattr(view, table)
        ids = articles.table_articles(view, ds, codes, table)
        assert ids == sorted(set(rows.get("article_id", pd.Series(dtype=object)).unique()))
        assert downloads.cited({"x": "y"}, rows, ds, "n", ids) == downloads.cited(
            {"x": "y"}, rows, ds, "n"
        )


def checked(fig) -> dict:
    """The figure's JSON after plotly checks every property (charts.figure skips that)."""
    return json.loads(pio.to_json(go.Figure(fig.to_dict())))


def drawn_marks(fig) -> list[tuple]:
    """Every point a figure draws, with what a person sees and hovers: (x, y, mode, symbol,
    size, marker colour, line width, line colour, hover text, row id); gaps left out."""
    out = []
    for t in fig.data:
        n = len(t.x)
        symbol = t.marker.symbol
        for k in range(n):
            if t.x[k] is None:
                continue
            hover = t.hovertext if isinstance(t.hovertext, str) else t.hovertext[k]
            out.append(
                (
                    t.x[k],
                    t.y[k],
                    t.mode,
                    symbol if symbol is None or isinstance(symbol, str) else symbol[k],
                    t.marker.size,
                    t.marker.color,
                    t.line.width,
                    t.line.color,
                    t.marker.line.width,
                    hover,
                    t.customdata[k],
                    t.hoverinfo,
                    t.showlegend,
                )
            )
    return sorted(out, key=repr)


def first_seen_categories(fig) -> list:
    """The y categories in the order plotly meets them (trace by trace, point by point)."""
    return list(dict.fromkeys(y for t in fig.data for y in t.y if y is not None))


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS[:2])
def test_range_figure_draws_what_one_trace_per_row_drew(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    q = tallies.quantity_rows(view, ds)
    seen = 0
    for s in sections.equipment_sections(q):
        rows = s.stated.head(30)
        new, old = charts.range_figure(rows), charts_before.range_figure(rows)
        assert drawn_marks(new) == drawn_marks(old)
        assert checked(new) == json.loads(pio.to_json(new))
        assert len(new.data) <= 2
        assert list(new.layout.yaxis.categoryarray or []) == first_seen_categories(old)
        assert new.layout.annotations == old.layout.annotations
        for part in ("height", "margin", "xaxis"):
            assert new.layout[part] == old.layout[part]
        assert (new.layout.yaxis.autorange, new.layout.yaxis.title) == (
            old.layout.yaxis.autorange,
            old.layout.yaxis.title,
        )
        seen += len(rows)
    assert seen >= 1 or kw


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", [*FILTERS, pytest.param({"date_basis": "reported"}, id="reported")])
def test_data_page_rows_by_position_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    seen = 0
    for table in ("events", "transfers", "locations"):
        rows = getattr(view, table)
        assert datagrid.shown_count(view, table) == len(rows)
        for n in (1_000, 2):
            assert_frame_equal(datagrid.first_rows(view, ds, table, n), rows.head(n))
        assert datagrid.undated_note(view, ds, table) == flt.undated_note(view, table)
        seen += len(rows)
    assert seen >= 1 or view.empty


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_map_frames_by_codes_match(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    for new, old in (
        (geo.places_frame, geo_before.places_frame),
        (geo.arcs_frame, geo_before.arcs_frame),
        (geo.sightings_frame, geo_before.sightings_frame),
    ):
        same(new(view, ds), old(view, ds))
    if not kw:
        assert len(geo_before.places_frame(view, ds)) >= 1
        assert len(geo_before.arcs_frame(view, ds)) >= 1 or name == "shared"


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS[:3])
def test_history_chart_is_what_it_was(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    coded = history.coded_points(ds, history.point_rows(ds, tallies.transfer_rows(ds)))
    seen = 0
    for system in history.shown_systems(view, ds, coded)[:3]:
        drawn, differs, _ = history.shown_history(view, ds, system, coded)
        new = history_chart.history_figure(drawn, differs)
        old = history_chart_before.history_figure(drawn, differs)
        assert json.loads(pio.to_json(new)) == json.loads(pio.to_json(old))
        assert checked(new) == json.loads(pio.to_json(new))
        seen += len(drawn)
    assert seen >= 1 or kw


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("colour_by", ["event_type", "stance"])
def test_weekly_counts_figure_is_what_it_was(datasets, name, colour_by):
    ds, view = views(datasets, name, {})
    new = charts.timeline_counts_figure(view.events, colour_by)
    old = charts_before.timeline_counts_figure(view.events, colour_by)
    assert json.loads(pio.to_json(new)) == json.loads(pio.to_json(old))
    assert checked(new) == checked(old)
    new.add_vrect(x0="2024-10-01", x1="2024-11-01", name="chosen range")  # as the Timeline does
    assert [s.name for s in new.layout.shapes] == ["chosen range"]
    assert len(new.data) >= 1


def articles_cited_before(ds, article_ids) -> str:
    """analyst.articles_cited as it was before the citations were made once per dataset."""
    used = set(pd.Series(article_ids, dtype=object).dropna().unique())
    meta = ds.articles[ds.articles["article_id"].isin(used)].sort_values("article_id")
    out = [
        f"{p}, “{t}”, {d}{' (date inferred)' if bool(i) else ''}"
        + (f", {u}" if isinstance(u, str) and u else "")
        for p, t, d, i, u in zip(
            meta["publisher"],
            meta["title"],
            meta["date_published"],
            meta["date_published_inferred"],
            meta["url"],
            strict=True,
        )
    ]
    return "; ".join(out) or "none"


@pytest.mark.parametrize("name", DATASETS)
def test_article_labels_and_citations_are_what_they_were(datasets, name):
    ds = datasets[name]
    assert corroboration.article_labels(ds.articles) == corroboration_before.article_labels(
        ds.articles
    )
    ids = list(ds.articles["article_id"])
    assert len(ids) >= 1
    for chosen in (ids, ids[:1], ids[::2], [], ["no-such-article", *ids[:2]]):
        assert analyst.articles_cited(ds, chosen) == articles_cited_before(ds, chosen)


@pytest.mark.parametrize("name", DATASETS)
def test_reader_segments_are_what_they_were(datasets, name):
    ds = datasets[name]
    view = flt.apply_filters(ds, flt.Filters())
    cited = tallies.cited_passages(view)
    seen = 0
    for article, text in list(ds.seeds.items())[:5]:
        passages = cited[cited["article_id"] == article].reset_index(drop=True)
        assert tallies.reader_segments(text, passages) == passages_before.reader_segments(
            text, passages
        )
        assert passages_mod._inner_starts(passages) == passages_before._inner_starts(passages)
        seen += len(passages)
    made = pd.DataFrame({"passage_start": [0, 2, 4, 4, 9], "passage_end": [6, 5, 12, 5, 10]})
    text = "abcdefghijklmnop"
    assert tallies.reader_segments(text, made) == passages_before.reader_segments(text, made)
    assert passages_mod._inner_starts(made) == passages_before._inner_starts(made)
    assert seen >= 1


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS[:2])
@pytest.mark.parametrize("colour_by", ["event_type", "stance"])
def test_weekly_counts_on_categorical_colours_are_what_they_were(datasets, name, kw, colour_by):
    ds, view = views(datasets, name, kw)
    ev = sections.coloured_dates(view, ds, colour_by)
    assert isinstance(ev[colour_by].dtype, pd.CategoricalDtype)
    assert list(ev[colour_by].astype(object)) == list(view.events[colour_by])
    new = charts.timeline_counts_figure(ev, colour_by)
    old = charts_before.timeline_counts_figure(view.events, colour_by)
    assert json.loads(pio.to_json(new)) == json.loads(pio.to_json(old))
    assert len(new.data) >= 1 or kw


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kw", FILTERS)
def test_first_answers_and_contested_are_the_head(datasets, name, kw):
    ds, view = views(datasets, name, kw)
    pairs = responses.answer_pairs(ds)
    table = responses.contested_rows(ds, responses.answered_words(pairs))
    answers = tallies_before.answers_table(view, ds)
    contested = tallies_before.contested(view, ds)
    for limit in (1_000, 3, 1):
        got, total = responses.answers_first(view, ds, pairs, limit)
        assert total == len(answers)
        same(got, answers.head(limit).reset_index(drop=True))
        got, total = responses.contested_first(view, ds, table, limit)
        assert total == len(contested)
        same(got, contested.head(limit).reset_index(drop=True))
    assert len(answers) + len(contested) >= 1 or kw
