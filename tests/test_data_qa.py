"""Data QA, driven per article: each article's rows against the expectations in
<dataset>/qa/<article_id>.json (datasets/qa/README.md). A new article adds a file, not a test.

Runs over the curated dataset and, to show that the checks work on more than one article, over
the synthetic fixture dataset (tests/fixtures/dataset)."""

from __future__ import annotations

import hashlib
import json
import re

import pandas as pd
import pytest

from dashboard.data.dataset import DEFAULT_DATA_DIR, Dataset, load_dataset
from dashboard.data.seeds import seeds_dir_for
from tests.fixtures import FIXTURE_DIR

FOLDERS = {"datasets": DEFAULT_DATA_DIR, "fixture": FIXTURE_DIR}
NUMBER = re.compile(r"\d[\d,]*\d|\d")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_EXPRESSION = re.compile(rf"(?:mid-|late |early )?(?:{MONTHS})(?: \d{{1,2}}\b)?")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
DAY = re.compile(r"\b\d{1,2}\b")


def _articles() -> list:
    """(folder name, article id) for every seed beside every dataset folder."""
    out = []
    for name, folder in FOLDERS.items():
        ids = sorted(p.stem for p in seeds_dir_for(folder).glob("*.json"))
        assert ids, f"no seeds for {folder}"
        out += [pytest.param(name, article, id=f"{name}:{article}") for article in ids]
    return out


ARTICLES = _articles()
_LOADED: dict[str, Dataset] = {}


def dataset(name: str) -> Dataset:
    if name not in _LOADED:
        _LOADED[name] = load_dataset(FOLDERS[name])
    return _LOADED[name]


def expectations(name: str, article: str) -> dict:
    path = FOLDERS[name] / "qa" / f"{article}.json"
    assert path.is_file(), f"no QA expectations for {article}: add {path}"
    qa = json.loads(path.read_text("utf-8"))
    assert qa["article_id"] == article
    return qa


def rows(ds: Dataset, table: str, article: str) -> pd.DataFrame:
    frame = getattr(ds, table)
    return frame[frame["article_id"] == article]


def has_cell(ds: Dataset, article: str, table: str, column: str, value) -> bool:
    col = rows(ds, table, article)[column]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return bool((col == pd.Timestamp(value)).any())
    return bool((col == value).any())


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_seed_text_matches_its_sha256(name, article):
    seeds = seeds_dir_for(FOLDERS[name])
    meta = json.loads((seeds / f"{article}.json").read_text("utf-8"))
    raw = (seeds / f"{article}.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == meta["sha256"]


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_row_counts(name, article):
    ds, qa = dataset(name), expectations(name, article)
    got = {table: len(rows(ds, table, article)) for table in ("events", "transfers")}
    assert got == qa["rows"]


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_denials_and_acknowledgements_answer_a_row(name, article):
    ds, qa = dataset(name), expectations(name, article)
    ev = rows(ds, "events", article)
    answers = ev[ev["stance"].isin(["denies", "acknowledges"])]
    assert sorted(answers["event_id"]) == sorted(qa["answers"])
    assert answers["responds_to_event_ids"].notna().all()


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_day_precision_only_where_the_words_name_the_day(name, article):
    ds, qa = dataset(name), expectations(name, article)
    ev = rows(ds, "events", article)
    assert sorted(ev.loc[ev["date_precision"] == "day", "event_id"]) == qa["day_precise_events"]
    seen = 0
    for table in ("events", "transfers"):
        frame = rows(ds, table, article)
        for text in frame.loc[frame["report_date_precision"] == "day", "report_date_text"]:
            seen += 1
            assert isinstance(text, str) and DAY.search(text), text
    assert seen or not len(ev[ev["report_date_start"].notna()])


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_years_not_in_the_text_are_flagged_inferred(name, article):
    ds, qa = dataset(name), expectations(name, article)
    found = {m.group() for m in YEAR.finditer(ds.seeds[article])}
    assert found == set(qa["years_in_text"]) | set(qa["not_years"])
    if qa["years_in_text"]:
        return  # the rows' years may come from the text itself
    seen = 0
    for table, cols in (
        ("events", ["date_start", "report_date_start"]),
        ("transfers", ["report_date_start"]),
    ):
        frame = rows(ds, table, article)
        dated = frame[frame[cols].notna().any(axis=1)]
        seen += len(dated)
        assert dated["year_inferred"].all(), list(dated.iloc[:, 0])
    assert seen >= 1
    meta = ds.articles.set_index("article_id").loc[article]
    assert bool(meta["date_published_inferred"]) is True


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_places_and_their_precision(name, article):
    ds, qa = dataset(name), expectations(name, article)
    used = set(rows(ds, "events", article)["location_id"].dropna())
    transfers = rows(ds, "transfers", article)
    for col in ("origin_location_id", "destination_location_id", "sighting_location_id"):
        used |= set(transfers[col].dropna())
    assert used, "the article's rows use no place"
    precision = ds.locations.set_index("location_id")["geo_precision"]
    assert {loc: precision[loc] for loc in used} == qa["places"]


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_every_number_is_listed_and_captured(name, article):
    ds, qa = dataset(name), expectations(name, article)
    text = ds.seeds[article]
    found = sorted((m.group(), text[m.end() : m.end() + 11]) for m in NUMBER.finditer(text))
    listed = sorted((n["number"], n["followed_by"]) for n in qa["numbers"])
    assert found == listed
    for n in qa["numbers"]:
        assert n["cells"] or n.get("why"), n
        missing = [cell for cell in n["cells"] if not has_cell(ds, article, *cell)]
        assert missing == [], n["number"]


@pytest.mark.parametrize(("name", "article"), ARTICLES)
def test_every_date_expression_is_listed_and_captured(name, article):
    ds, qa = dataset(name), expectations(name, article)
    text = ds.seeds[article]
    listed = qa["date_expressions"]
    assert {m.group() for m in MONTH_EXPRESSION.finditer(text)} <= set(listed)
    assert listed, "the article has no date expression"
    for words, cells in listed.items():
        assert words in text, words
        missing = [cell for cell in cells if not has_cell(ds, article, *cell)]
        assert cells and missing == [], words
