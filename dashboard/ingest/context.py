"""What the drafting rules know of the dataset: its tables as text, and matchers built on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.ingest.actors import ActorFinder
from dashboard.ingest.places import Gazetteer, PlaceFinder
from dashboard.ingest.systems import SystemMatcher
from dashboard.schema import TABLES


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of DIR as str cells ('' when empty); a missing table is an empty frame."""
    out = {}
    for name, table in TABLES.items():
        path = folder / table.path
        if path.is_file():
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            frame = pd.DataFrame(columns=table.columns, dtype=str)
        out[name] = frame
    return out


@dataclass
class Context:
    tables: dict[str, pd.DataFrame]
    gazetteer: Gazetteer = field(default_factory=Gazetteer)

    def __post_init__(self):
        self.actors = ActorFinder(self.tables["actors"])
        self.places = PlaceFinder(self.tables["locations"], self.gazetteer)
        self.systems = SystemMatcher(self.tables["transfers"])
        a = self.tables["actors"]
        self.actor_names = dict(zip(a["actor_id"], a["name"], strict=True))
        self.actor_kinds = dict(zip(a["actor_id"], a["kind"], strict=True))
        self.actor_countries = dict(zip(a["actor_id"], a["country"], strict=True))
        self.location_ids = set(self.tables["locations"]["location_id"])
        self.taken_ids = set(a["actor_id"]) | self.location_ids
        loc = self.tables["locations"]
        self.location_country = dict(zip(loc["location_id"], loc["country"], strict=True))
        self.country_locations = {}
        for row in loc[loc["kind"] == "country"].itertuples():
            self.country_locations.setdefault(row.country, row.location_id)
        claims = self.tables["claims"]
        self.claims = list(zip(claims["claim_id"], claims["proposition"].str.lower(), strict=True))
        self.claims_by_type: dict[str, set[str]] = {}
        ev = self.tables["events"]
        for kind, claim in zip(ev["event_type"], ev["claim_id"], strict=True):
            self.claims_by_type.setdefault(kind, set()).add(claim)
        self.event_rows = self.tables["events"].to_dict("records")
        self.transfer_rows = self.tables["transfers"].to_dict("records")

    def state_of(self, country: str) -> str | None:
        """The dataset's state actor for an ISO country code."""
        for aid, kind in self.actor_kinds.items():
            if kind == "state" and self.actor_countries.get(aid) == country:
                return aid
        return None

    def country_location(self, country: str) -> str | None:
        return self.country_locations.get(country)
