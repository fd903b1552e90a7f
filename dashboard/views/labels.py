"""Plain words where a person reads a grid: the codebook's codes as words, column names as
labels, ids beside names. Display only: downloads keep the codes (they are data).

Every enum value in dashboard/schema.py has words here: its own, with blanks for
underscores, unless CODE_WORDS says it better.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.schema import FIELDS_BY_NAME, TABLES
from dashboard.views.corroboration import article_labels
from dashboard.views.geo import PRECISION_WORDS
from dashboard.views.rows import field_label

MISSING = "—"
CODE_WORDS = {  # where blanks for underscores do not say it
    "city_for_region": PRECISION_WORDS["city_for_region"],
    "part_of_month": "part of a month",
    "unknown": "not known",
    "self_propelled_howitzer": "self-propelled howitzer",
    "at_least": "at least",
    "up_to": "up to",
    "same_as": "same report as",
}
FIELD_WORDS = {"geo_precision": PRECISION_WORDS}  # a code that reads otherwise in this column
ENUM_CODES = frozenset(v for f in FIELDS_BY_NAME.values() if f.enum for v in f.enum)
# Columns a page names itself (not codebook fields) that hold codebook values.
CODE_COLUMNS = ("status", "category", "event_type", "stance", "type", "kind", "precision")


def code_words(value: object, field: str | None = None) -> object:
    """A codebook code as words ('in_transit' -> 'in transit'); anything else as it was."""
    if isinstance(value, str) and value in ENUM_CODES:
        own = FIELD_WORDS.get(field or "", {})
        return own.get(value) or CODE_WORDS.get(value, value.replace("_", " "))
    return value


def words_column(values: pd.Series, field: str | None = None) -> pd.Series:
    """A column of codes as words, missing cells as a dash."""
    out = values.astype(object).map(lambda v: code_words(v, field))
    return out.where(out.notna(), MISSING)


def _number_words(values: pd.Series) -> pd.Series:
    """Numbers as text ('10,900', '51.7'), missing ones as a dash: a grid shows a missing
    number as 'None' and has no setting for it."""

    def one(v):
        if pd.isna(v):
            return MISSING
        return f"{int(v):,}" if float(v).is_integer() else f"{float(v):g}"

    return values.astype(object).map(one)


def _blank_words(values: pd.Series) -> pd.Series:
    """Any column with a missing cell, that cell as a dash (numbers and dates as text)."""
    if not values.isna().any() or pd.api.types.is_bool_dtype(values):
        return values
    if pd.api.types.is_numeric_dtype(values):
        return _number_words(values)
    if pd.api.types.is_datetime64_any_dtype(values):
        return _day(values)
    return values.astype(object).where(values.notna(), MISSING)


def shown(frame: pd.DataFrame, columns=CODE_COLUMNS) -> pd.DataFrame:
    """A page's own table as a person reads it: the named columns' codes as words, no missing
    cell shown as 'None'."""
    out = frame.copy(deep=False)
    for c in out.columns:
        out[c] = words_column(out[c]) if c in columns else _blank_words(out[c])
    return out


def _names(ds: Dataset, ref: str) -> dict[str, str]:
    if ref == "actors":
        return dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    if ref == "locations":
        return dict(zip(ds.locations["location_id"], ds.locations["name"], strict=True))
    return {}


def _named(values: pd.Series, names: dict[str, str], listed: bool) -> pd.Series:
    """'North Korea (north-korea)': the name a person reads, the id kept beside it."""

    def one(value):
        if not isinstance(value, str) or not value:
            return MISSING
        ids = [i.strip() for i in value.split(";") if i.strip()] if listed else [value]
        return "; ".join(f"{names[i]} ({i})" if i in names else i for i in ids)

    return values.astype(object).map(one)


def _day(values: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD text (sorts as dates), missing ones as a dash."""
    days = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
    return days.where(days.notna(), MISSING).astype(object)


# Decimals a coordinate is shown with, by what the point stands for: four (about 10 m) for the
# place itself; one (about 10 km) for a point standing for a region, whose decimals would claim
# a precision the article never gave; none for a whole country.
COORDINATE_DECIMALS = {"place": 4, "city_for_region": 1, "region": 1, "country": 0}


def _coordinates(values: pd.Series, precision: pd.Series) -> pd.Series:
    """A latitude or longitude as text with the decimals its precision allows."""
    decimals = precision.astype(object).map(COORDINATE_DECIMALS).fillna(4).astype(int)
    return pd.Series(
        [
            MISSING if pd.isna(v) else f"{float(v):.{d}f}"
            for v, d in zip(values, decimals, strict=True)
        ],
        index=values.index,
        dtype=object,
    )


def grid_label(table: str, name: str) -> str:
    """A column's header: the codebook's words for it ('claimant_actor_id' -> 'Claimant (who
    says so)'); the table's own id is 'id'."""
    t = TABLES[table]
    if name == t.primary_key:
        return "id"
    field = next((f for f in t.fields if f.name == name), None)
    return field_label(field) if field is not None else name


def grid_help(table: str, name: str) -> str | None:
    field = next((f for f in TABLES[table].fields if f.name == name), None)
    if field is None:
        return None
    return f"{field.description} (column `{name}` in the downloads)"


def readable_grid(ds: Dataset, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A table's rows as the Data grid shows them: headers in words, codes as words, names
    beside actor and place ids, the article by its publisher and date, dates as days, no
    empty cell shown as 'None'. Columns that are not the table's fields pass through."""
    fields = {f.name: f for f in TABLES[table].fields}
    articles = article_labels(ds.articles)
    out = {}
    for name in frame.columns:
        values, field = frame[name], fields.get(name)
        if field is None:
            out[name] = values
        elif name == "article_id":
            out[name] = values.astype(object).map(lambda a: articles.get(a, a))
        elif field.enum:
            out[name] = words_column(values, name)
        elif field.ref in ("actors", "locations"):
            out[name] = _named(values, _names(ds, field.ref), field.type == "id_list")
        elif field.type == "date":
            out[name] = _day(values)
        elif name in ("lat", "lon") and "geo_precision" in frame.columns:
            out[name] = _coordinates(values, frame["geo_precision"])
        else:
            out[name] = _blank_words(values)
    shown = pd.DataFrame(out, index=frame.index)
    shown.columns = [grid_label(table, c) if c in fields else c for c in frame.columns]
    return shown
