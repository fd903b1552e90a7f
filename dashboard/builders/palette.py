"""One fixed colour per category and plain words for every code, derived once from the registry.

A category keeps its colour on every chart, on the map and under any filter, because the
colour comes from the category's place in the registry's enum, never from which categories a
filter happens to leave. The colours are mid-tones that read on a light and on a dark page.
"""

from __future__ import annotations

import pandas as pd

from dashboard.schema import EVENT_TYPES, STANCES, TRANSFER_CATEGORIES

# Named where the meaning suggests a colour (arms transfers red, combat orange); a value the
# registry adds later takes the next spare colour by its place in the enum, so it is stable too.
_NAMED = {
    "event_type": {
        "arms_transfer": "#d62728",
        "troop_deployment": "#1f77b4",
        "troop_buildup": "#17becf",
        "combat": "#ff7f0e",
        "casualties": "#8c564b",
        "training": "#bcbd22",
        "diplomatic_visit": "#9467bd",
        "diplomatic_meeting": "#e377c2",
        "report": "#7f7f7f",
        "denial": "#c51b7d",
        "acknowledgement": "#2ca02c",
        "expected_event": "#b8860b",
    },
    "stance": {
        "confirms": "#1a9850",
        "reports": "#4575b4",
        "acknowledges": "#f28e2b",
        "denies": "#d73027",
        "expects": "#9467bd",
        "uncertain": "#7f7f7f",
    },
    "category": {
        "self_propelled_howitzer": "#d62728",
        "multiple_rocket_launcher": "#9467bd",
        "artillery": "#8c564b",
        "ballistic_missile": "#ff7f0e",
        "artillery_ammunition": "#bcbd22",
        "other_equipment": "#7f7f7f",
        "personnel": "#1f77b4",
    },
}
_SPARE = (
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
    "#e6550d",
    "#31a354",
    "#756bb1",
    "#636363",
)


def _fixed(by: str, enum: tuple[str, ...]) -> dict[str, str]:
    named = _NAMED[by]
    spare = iter(c for c in _SPARE if c not in named.values())
    return {v: named[v] if v in named else next(spare, "#555555") for v in enum}


EVENT_TYPE_COLOURS = _fixed("event_type", EVENT_TYPES)
STANCE_COLOURS = _fixed("stance", STANCES)
CATEGORY_COLOURS = _fixed("category", TRANSFER_CATEGORIES)
COLOURS = {
    "event_type": EVENT_TYPE_COLOURS,
    "stance": STANCE_COLOURS,
    "category": CATEGORY_COLOURS,
}
UNKNOWN = "#555555"

# Codes whose plain words are not just the code with spaces.
WORDS = {
    "self_propelled_howitzer": "self-propelled gun",
    "multiple_rocket_launcher": "rocket launcher",
    "personnel": "troops",
    "city_for_region": "a city standing for its region",
    "place": "the place itself",
    "region": "a point inside the region",
    "country": "the whole country (no city known)",
    "part_of_month": "part of a month",
    "claimant_actor_id": "claimant",
    "event_type": "event type",
    "geo_precision": "the point stands for",
}

NOT_STATED = "not stated"


def colour(by: str, value: str) -> str:
    """The fixed colour of a category (`by` is event_type, stance or category)."""
    return COLOURS.get(by, {}).get(value, UNKNOWN)


def colour_map(values, by: str) -> dict[str, str]:
    """The fixed colours of the values present, in the registry's order."""
    order = list(COLOURS.get(by, {}))
    present = sorted(set(values), key=lambda v: (order.index(v) if v in order else len(order), v))
    return {v: colour(by, v) for v in present}


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#d62728' -> [214, 39, 40, alpha], as pydeck takes a colour."""
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def words(value: object) -> str:
    """A code in plain words: 'arms_transfer' -> 'arms transfer', None -> 'not stated'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return NOT_STATED
    text = str(value)
    return WORDS.get(text, text.replace("_", " "))


def worded(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """A copy with the codes in `columns` put into words and those columns renamed plainly."""
    out = frame.copy()
    for c in columns:
        if c in out:
            out[c] = out[c].map(words)
    return out.rename(columns={c: words(c) for c in columns if c in WORDS})
