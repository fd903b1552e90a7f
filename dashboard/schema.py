"""The codebook registry: every field described once, every table a list of field names.

In the spirit of pudl's FIELD_METADATA: `FIELDS` describes each column once (type, meaning,
allowed values, unit, references); a `Table` lists the names it holds and overrides a field
only where its meaning differs there. The seed metadata (seeds/<article_id>.json) is a table
of the same kind. Every other list — pandera checks, datapackage.json, CODEBOOK.md, pandas
dtypes, Arrow types, the filters' actor and place columns, the Data grid's date and long-text
columns — is derived from here (dashboard/codebook.py, dashboard/data/parsing.py, views).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Literal, get_args

import pandas as pd
import pyarrow as pa

ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
ISO2_PATTERN = r"^[A-Z]{2}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"  # BCP 47, the common forms
LIST_SEPARATOR = ";"
SEP = f"'{LIST_SEPARATOR}'-separated"

FieldType = Literal["string", "integer", "number", "date", "boolean", "id_list"]
DisplayWidth = Literal["small", "medium", "large"]
TableFormat = Literal["csv", "json"]

DatePrecision = Literal["day", "part_of_month", "month", "unknown"]
EventType = Literal[
    "arms_transfer",
    "troop_deployment",
    "troop_buildup",
    "combat",
    "casualties",
    "training",
    "diplomatic_visit",
    "diplomatic_meeting",
    "report",
    "denial",
    "acknowledgement",
    "expected_event",
]
Stance = Literal["confirms", "reports", "acknowledges", "denies", "expects", "uncertain"]
Attribution = Literal["explicit", "contextual", "unattributed"]
TransferCategory = Literal[
    "self_propelled_howitzer",
    "multiple_rocket_launcher",
    "artillery",  # guns and howitzers not said to be self-propelled
    "ballistic_missile",
    "artillery_ammunition",
    "other_equipment",
    "personnel",
]
TransferStatus = Literal["delivered", "in_transit", "observed", "deployed"]
QuantityQualifier = Literal[
    "exact",
    "nearly",
    "approximately",
    "about",
    "over",
    "at_least",  # "at least 3,000": the figure and above
    "up_to",  # "up to 12,000", "as many as": 0 to the figure
    "under",  # "fewer than", "less than": below the figure
    "range",  # "10,000 to 12,000": its two ends
    "dozens",  # "dozens of": 24-99
    "hundreds",  # "hundreds of": 200-999
    "thousands",  # "thousands of": 2,000-9,999; "tens of thousands": 20,000-99,999
    "unstated",
]
LocationKind = Literal["city", "region", "country"]
GeoPrecision = Literal["place", "city_for_region", "region", "country"]
ActorKind = Literal[
    "state",
    "armed_force",
    "unit",
    "intelligence_agency",
    "ministry",
    "officials",
    "media_outlet",
    "person",
    "group",
]

DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STANCES: tuple[str, ...] = get_args(Stance)
ATTRIBUTIONS: tuple[str, ...] = get_args(Attribution)
TRANSFER_CATEGORIES: tuple[str, ...] = get_args(TransferCategory)
TRANSFER_STATUSES: tuple[str, ...] = get_args(TransferStatus)
QUANTITY_QUALIFIERS: tuple[str, ...] = get_args(QuantityQualifier)
LOCATION_KINDS: tuple[str, ...] = get_args(LocationKind)
GEO_PRECISIONS: tuple[str, ...] = get_args(GeoPrecision)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
DATED_PRECISIONS = tuple(p for p in DATE_PRECISIONS if p != "unknown")  # a window has a date

# Many articles (issue 10): relations between rows, the Admiralty (NATO) source grading, and
# each article's origin (the article it copies or relays).
RelationKind = Literal["same_as", "overlaps", "updates", "differs"]
ReliabilityGrade = Literal["A", "B", "C", "D", "E", "F"]
CredibilityGrade = Literal["1", "2", "3", "4", "5", "6"]
OriginKind = Literal["syndicated", "relayed"]
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)
RELIABILITY_GRADES: tuple[str, ...] = get_args(ReliabilityGrade)
CREDIBILITY_GRADES: tuple[str, ...] = get_args(CredibilityGrade)
ORIGIN_KINDS: tuple[str, ...] = get_args(OriginKind)
RELATION_MEANINGS = {
    "same_as": "the two rows record one report: a copy (syndicated, relayed) of the other; "
    "count it once",
    "overlaps": "the two figures may describe the same items (the same guns, the same "
    "contingent): compare them, never add them",
    "updates": "the from-row is a later figure for the same scope from the same claimant, "
    "and replaces the to-row",
    "differs": "the two figures are for the same scope and cannot both be true",
}
RELIABILITY_MEANINGS = {
    "A": "completely reliable: no doubt about the source's authenticity, trustworthiness or "
    "competence; a history of complete reliability",
    "B": "usually reliable: minor doubts; a history of mostly valid information",
    "C": "fairly reliable: doubts; has provided valid information in the past",
    "D": "not usually reliable: significant doubts; has provided valid information in the past",
    "E": "unreliable: lacks authenticity, trustworthiness and competence; a history of "
    "invalid information",
    "F": "reliability cannot be judged: no basis for evaluating the source (not the same as "
    "ungraded, which means no curator has graded it)",
}
CREDIBILITY_MEANINGS = {
    "1": "confirmed: by other independent sources; logical in itself; consistent with other "
    "information on the subject",
    "2": "probably true: not confirmed; logical in itself; consistent with other information",
    "3": "possibly true: not confirmed; reasonably logical; agrees with some other information",
    "4": "doubtful: not confirmed; possible but not logical; no other information on the subject",
    "5": "improbable: not confirmed; not logical in itself; contradicted by other information",
    "6": "truth cannot be judged: no basis exists for evaluating the validity of the "
    "information (not the same as ungraded)",
}
ROW_ID_TABLES = ("events", "transfers")  # a relation or a credibility grade names a row of these


@dataclass(frozen=True, kw_only=True)
class Field:
    """One column: what it holds, what it may hold, and how it is shown."""

    type: FieldType
    description: str
    name: str = ""  # set from its key in FIELDS
    required: bool = False
    enum: tuple[str, ...] | None = None
    unit: str | None = None
    pattern: str | None = None
    ref: str | None = None  # the table whose primary key this column (or each list item) names
    minimum: float | None = None
    maximum: float | None = None
    display_width: DisplayWidth | None = None  # the Data grid's width; "large" for long text

    def __post_init__(self):
        for attr, kind in (("type", FieldType), ("display_width", DisplayWidth)):
            value = getattr(self, attr)
            if value is not None and value not in get_args(kind):
                raise ValueError(f"{self.name or self.description!r}: {attr} {value!r}")

    def to_pandas_dtype(self):
        """The dtype of the loaded column: an enum is a categorical of its allowed values."""
        if self.enum:
            return pd.CategoricalDtype(list(self.enum))
        return {
            "string": "object",
            "id_list": "object",
            "integer": "Int64",
            "number": "float64",
            "date": "datetime64[us]",
            "boolean": "bool" if self.required else "boolean",
        }[self.type]

    def to_pyarrow(self) -> pa.DataType:
        if self.enum:
            return pa.dictionary(pa.int32(), pa.string())
        return {
            "string": pa.string(),
            "id_list": pa.string(),  # stored as in the CSV; split_ids makes the list
            "integer": pa.int64(),
            "number": pa.float64(),
            "date": pa.timestamp("us"),
            "boolean": pa.bool_(),
        }[self.type]

    def to_pyarrow_field(self) -> pa.Field:
        meta = {"description": self.description}
        return pa.field(self.name, self.to_pyarrow(), nullable=not self.required, metadata=meta)


FIELD_ATTRIBUTES = tuple(f.name for f in fields(Field))


def _window(prefix: str, what: str) -> dict[str, Field]:
    """The date-window group: start, end, precision and the article's words, for `prefix`."""
    return {
        f"{prefix}_start": Field(
            type="date",
            description=f"First day of the window in which {what} (ISO 8601). Empty when unknown.",
        ),
        f"{prefix}_end": Field(
            type="date",
            description=f"Last day of the window in which {what}; equals the start for a "
            "day-precise date.",
        ),
        f"{prefix}_precision": Field(
            type="string",
            description="How precise the window is: day (the article names the day), "
            "part_of_month ('mid-November', 'late October', 'earlier this month'), month, "
            "or unknown.",
            required=True,
            enum=DATE_PRECISIONS,
        ),
        f"{prefix}_text": Field(
            type="string", description=f"The article's own words for when {what}, if any."
        ),
    }


WINDOWS = {"date": "the event happened", "report_date": "the claim was made or published"}
PASSAGE = ("passage", "passage_start", "passage_end")


def window(prefix: str) -> tuple[str, ...]:
    """The names of one date-window group, in table order."""
    return tuple(f"{prefix}_{part}" for part in ("start", "end", "precision", "text"))


def _id(what: str) -> Field:
    return Field(
        type="string", description=f"Unique id of the {what}.", required=True, pattern=ID_PATTERN
    )


FIELDS_BY_NAME: dict[str, Field] = {
    # ids and references
    "event_id": _id("event row"),
    "transfer_id": _id("transfer row"),
    "location_id": _id("place"),
    "actor_id": _id("actor"),
    "claim_id": _id("claim"),
    "article_id": Field(
        type="string",
        description="Id of the seed article the row comes from.",
        required=True,
        ref="articles",
    ),
    "claimant_actor_id": Field(
        type="string",
        description="Who says so, kept apart from the publisher (which is the article's). "
        "A transfer's claimant is its event's.",
        required=True,
        ref="actors",
    ),
    "claimant_cites_actor_id": Field(
        type="string",
        description="Whom the claimant cites as its source, where the article says so.",
        ref="actors",
    ),
    "actor_ids": Field(type="id_list", description=f"Who acted ({SEP}).", ref="actors"),
    "partner_actor_ids": Field(
        type="id_list",
        description=f"Who acted with them, alongside or as host ({SEP}).",
        ref="actors",
    ),
    "target_actor_ids": Field(
        type="id_list", description=f"On or against whom they acted ({SEP}).", ref="actors"
    ),
    "responds_to_event_ids": Field(
        type="id_list",
        description=f"For a denial or acknowledgement: the rows it answers ({SEP}).",
        ref="events",
    ),
    "supplier_actor_id": Field(
        type="string", description="Who sends.", required=True, ref="actors"
    ),
    "recipient_actor_id": Field(
        type="string", description="Who receives.", required=True, ref="actors"
    ),
    "parent_actor_id": Field(
        type="string",
        description="The actor it belongs to (a minister to a state), for grouping.",
        ref="actors",
    ),
    "origin_location_id": Field(
        type="string",
        description="Where it came from: the supplier's country when the article names the "
        "supplier.",
        ref="locations",
    ),
    "destination_location_id": Field(type="string", description="Where it went.", ref="locations"),
    "sighting_location_id": Field(
        type="string", description="Where it was seen on the way.", ref="locations"
    ),
    # what an event row claims
    "event_type": Field(
        type="string",
        description="What kind of event is claimed.",
        required=True,
        enum=EVENT_TYPES,
    ),
    "summary": Field(
        type="string",
        description="One line saying what the row records.",
        required=True,
        display_width="large",
    ),
    "attribution": Field(
        type="string",
        description="explicit: the article names the claimant in the sentence; contextual: the "
        "claimant is carried over from the surrounding attributed sentences (an inference); "
        "unattributed: the article states it in its own voice.",
        required=True,
        enum=ATTRIBUTIONS,
    ),
    "stance": Field(
        type="string",
        description="What the claimant does with the claim.",
        required=True,
        enum=STANCES,
    ),
    "location_basis": Field(
        type="string", description="Why that place, where the article is less direct."
    ),
    **{name: f for prefix, what in WINDOWS.items() for name, f in _window(prefix, what).items()},
    "year_inferred": Field(
        type="boolean",
        description="true when a year in this row is not in the article but rests on the "
        "seed's inferred publication date (see the seed's metadata).",
        required=True,
    ),
    # the passage group
    "passage": Field(
        type="string",
        description="The seed's exact words that support the row, verbatim.",
        required=True,
        display_width="large",
    ),
    "passage_start": Field(
        type="integer",
        description="Offset of the passage's first character in the seed text (Unicode code "
        "points, counted from 0 in the UTF-8-decoded file).",
        required=True,
        unit="characters",
        minimum=0,
    ),
    "passage_end": Field(
        type="integer",
        description="Offset one past the passage's last character: "
        "seed[passage_start:passage_end] == passage.",
        required=True,
        unit="characters",
        minimum=0,
    ),
    "notes": Field(
        type="string",
        description="Curator's notes: judgement calls and their basis.",
        display_width="large",
    ),
    # what a transfer row says was sent
    "system_as_written": Field(
        type="string",
        description="The system or personnel as the article words it.",
        required=True,
    ),
    "system_name": Field(
        type="string", description="Normalised name used for tallies.", required=True
    ),
    "system_aliases": Field(
        type="string",
        description=f"Other names the press uses for the same system ({SEP}); not from the "
        "article.",
    ),
    "alias_basis": Field(type="string", description="Where the aliases come from."),
    "category": Field(
        type="string", description="Kind of system.", required=True, enum=TRANSFER_CATEGORIES
    ),
    "caliber_mm": Field(type="number", description="Calibre of the weapon.", unit="mm", minimum=1),
    "caliber_basis": Field(
        type="string",
        description="'stated' when the article gives the calibre, otherwise the reference it "
        "comes from.",
    ),
    "quantity_as_stated": Field(
        type="string",
        description="The figure in the article's words ('nearly 50'); empty when it gives none.",
    ),
    "quantity_qualifier": Field(
        type="string",
        description="The qualifier of the stated figure; unstated when the article gives no "
        "figure.",
        required=True,
        enum=QUANTITY_QUALIFIERS,
    ),
    "quantity_low": Field(
        type="integer",
        description="Lower bound implied by the stated figure.",
        unit="items",
        minimum=0,
    ),
    "quantity_high": Field(
        type="integer",
        description="Upper bound implied by the stated figure; empty when open-ended "
        "('over 10,000').",
        unit="items",
        minimum=0,
    ),
    "quantity_bounds_basis": Field(
        type="string", description="The rule that turned the words into bounds."
    ),
    "status": Field(
        type="string",
        description="What the claim says happened to it.",
        required=True,
        enum=TRANSFER_STATUSES,
    ),
    # places and actors
    "name": Field(type="string", description="Name as the dataset shows it.", required=True),
    "kind": Field(type="string", description="What the place or actor is.", required=True),
    "country": Field(
        type="string",
        description="ISO 3166-1 alpha-2 code of its country, if one.",
        pattern=ISO2_PATTERN,
    ),
    "lat": Field(
        type="number",
        description="Latitude of the point drawn for it (WGS 84).",
        required=True,
        unit="degrees",
        minimum=-90,
        maximum=90,
    ),
    "lon": Field(
        type="number",
        description="Longitude of the point drawn for it (WGS 84).",
        required=True,
        unit="degrees",
        minimum=-180,
        maximum=180,
    ),
    "geo_precision": Field(
        type="string",
        description="place: the point is the place itself; city_for_region: a city's point "
        "stands for its region; region: a point inside the region; country: a point stands "
        "for the whole country and says nothing about where in it.",
        required=True,
        enum=GEO_PRECISIONS,
    ),
    "gazetteer": Field(
        type="string", description="Where the coordinates come from (source and id).", required=True
    ),
    "note": Field(
        type="string",
        description="What the point stands for and why, where it stands for more.",
        display_width="large",
    ),
    "role": Field(type="string", description="Office or function, as the article gives it."),
    "aliases": Field(type="string", description=f"Other spellings ({SEP}) and their basis."),
    "proposition": Field(
        type="string",
        description="The proposition in one line.",
        required=True,
        display_width="large",
    ),
    # the seed's metadata (seeds/<article_id>.json)
    "title": Field(type="string", description="Headline as published.", required=True),
    "publisher": Field(type="string", description="Who published it.", required=True),
    "publisher_via": Field(
        type="string", description="Whom the publisher says it reports through."
    ),
    "author": Field(type="string", description="Byline."),
    "date_published": Field(type="date", description="Publication date (ISO 8601)."),
    "date_published_precision": Field(
        type="string",
        description="day, or how much less precise.",
        required=True,
        enum=DATE_PRECISIONS,
    ),
    "date_published_inferred": Field(
        type="boolean",
        description="true when the date is not printed in the text.",
        required=True,
    ),
    "date_published_basis": Field(type="string", description="Evidence for the date."),
    "url": Field(
        type="string",
        description="Where it was published, or empty if it could not be established.",
    ),
    "url_basis": Field(type="string", description="How the URL was established, or why not."),
    "sha256": Field(
        type="string",
        description="SHA-256 of the seed file's bytes.",
        required=True,
        pattern=SHA256_PATTERN,
    ),
    "date_retrieved": Field(
        type="date",
        description="When the text was taken into the project (ISO 8601).",
        required=True,
    ),
    "language": Field(
        type="string", description="BCP 47 language tag.", required=True, pattern=LANGUAGE_PATTERN
    ),
    "origin_article_id": Field(
        type="string",
        description="Optional. The article (in seeds/) this one copies or relays, when known: "
        "its rows then count once, under that origin, when claims are corroborated.",
    ),
    "origin_kind": Field(
        type="string",
        description="Optional; required with an origin. syndicated: the origin's text, reposted; "
        "relayed: the publisher retells what the origin reported ('via', 'citing').",
        enum=ORIGIN_KINDS,
    ),
    "origin_basis": Field(
        type="string",
        description="Optional; required with an origin. The evidence that this article copies "
        "or relays the origin.",
    ),
    # relations between rows, and grades (issue 10)
    "relation_id": _id("relation"),
    "from_row_id": Field(
        type="string",
        description="The row the relation is read from (an event_id or a transfer_id).",
        required=True,
        pattern=ID_PATTERN,
    ),
    "to_row_id": Field(
        type="string",
        description="The row it relates to (an event_id or a transfer_id).",
        required=True,
        pattern=ID_PATTERN,
    ),
    "row_id": Field(
        type="string",
        description="The graded row (an event_id or a transfer_id).",
        required=True,
        pattern=ID_PATTERN,
    ),
    "basis": Field(
        type="string",
        description="The evidence for the relation or the grade.",
        required=True,
        display_width="large",
    ),
    "set_by": Field(
        type="string",
        description="Who set it: a curator, or 'ingest draft' for a relation drafted from the "
        "ingestion assistant's `same as` / `differs from` marks and accepted by a curator.",
        required=True,
    ),
    "set_on": Field(type="date", description="When it was set (ISO 8601).", required=True),
    "reliability": Field(
        type="string",
        description="Admiralty reliability of the source organisation: "
        + "; ".join(f"{k} {v}" for k, v in RELIABILITY_MEANINGS.items())
        + ".",
        required=True,
        enum=RELIABILITY_GRADES,
    ),
    "credibility": Field(
        type="string",
        description="Admiralty credibility of the row's information: "
        + "; ".join(f"{k} {v}" for k, v in CREDIBILITY_MEANINGS.items())
        + ".",
        required=True,
        enum=CREDIBILITY_GRADES,
    ),
    "graded_by": Field(type="string", description="Who graded it (a curator).", required=True),
    "graded_on": Field(type="date", description="When it was graded (ISO 8601).", required=True),
}
FIELDS_BY_NAME = {name: replace(f, name=name) for name, f in FIELDS_BY_NAME.items()}


def _ref(description: str, table: str, required: bool = False) -> dict:
    """Override for an id column that names a row of another table (its own key elsewhere)."""
    return {"description": description, "ref": table, "required": required, "pattern": None}


@dataclass(frozen=True, kw_only=True)
class Table:
    """A table lists the names of its fields; `overrides` changes a field where it means more."""

    name: str
    title: str
    description: str
    primary_key: str
    field_names: tuple[str, ...]
    overrides: dict[str, dict] = field(default_factory=dict, compare=False, repr=False)
    format: TableFormat = "csv"
    place_column: str | None = None  # the place a row is drawn at (map, GeoJSON export)
    optional: bool = False  # a folder without the file (or with an empty one) has no such rows
    fields: tuple[Field, ...] = field(init=False)

    def __post_init__(self):
        unknown = set(self.overrides) - set(self.field_names)
        if unknown:
            raise ValueError(f"{self.name}: overrides for fields it does not list: {unknown}")
        resolved = tuple(
            replace(FIELDS_BY_NAME[n], **self.overrides.get(n, {})) for n in self.field_names
        )
        object.__setattr__(self, "fields", resolved)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def path(self) -> str:
        return f"{self.name}.csv" if self.format == "csv" else "seeds/<article_id>.json"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def ref_columns(self, table: str) -> list[str]:
        """The columns that name rows of `table` (lists of ids included)."""
        return [f.name for f in self.fields if f.ref == table and f.name != self.primary_key]

    def columns_of_type(self, *types: str) -> list[str]:
        return [f.name for f in self.fields if f.type in types]

    @property
    def windows(self) -> list[str]:
        """The prefixes of the date-window groups the table holds ('date', 'report_date')."""
        return [p for p in WINDOWS if set(window(p)) <= set(self.columns)]

    def to_pandas_dtypes(self) -> dict[str, object]:
        return {f.name: f.to_pandas_dtype() for f in self.fields}

    def to_pyarrow(self) -> pa.Schema:
        return pa.schema([f.to_pyarrow_field() for f in self.fields])


EVENTS = Table(
    name="events",
    title="Events and claims",
    description="One row per event, report, statement, denial, acknowledgement or expectation "
    "the article describes, as claimed by one claimant.",
    primary_key="event_id",
    field_names=(
        "event_id",
        "article_id",
        "event_type",
        "claim_id",
        "summary",
        "claimant_actor_id",
        "claimant_cites_actor_id",
        "attribution",
        "stance",
        "responds_to_event_ids",
        "actor_ids",
        "partner_actor_ids",
        "target_actor_ids",
        "location_id",
        "location_basis",
        *window("date"),
        *window("report_date"),
        "year_inferred",
        *PASSAGE,
        "notes",
    ),
    overrides={
        "claim_id": _ref("The proposition this row speaks to.", "claims", required=True),
        "location_id": _ref("Where the event took place.", "locations"),
    },
    place_column="location_id",
)

TRANSFERS = Table(
    name="transfers",
    title="Transfers and deployments",
    description="One row per reported delivery or deployment of equipment or personnel.",
    primary_key="transfer_id",
    field_names=(
        "transfer_id",
        "article_id",
        "event_id",
        "supplier_actor_id",
        "recipient_actor_id",
        "system_as_written",
        "system_name",
        "system_aliases",
        "alias_basis",
        "category",
        "caliber_mm",
        "caliber_basis",
        "quantity_as_stated",
        "quantity_qualifier",
        "quantity_low",
        "quantity_high",
        "quantity_bounds_basis",
        "status",
        "origin_location_id",
        "destination_location_id",
        "sighting_location_id",
        "claimant_actor_id",
        *window("report_date"),
        "year_inferred",
        *PASSAGE,
        "notes",
    ),
    overrides={
        "event_id": _ref("The event row that reports this transfer.", "events", required=True)
    },
    place_column="destination_location_id",
)

LOCATIONS = Table(
    name="locations",
    title="Places",
    description="Every place a row refers to, with how precisely its point stands for it.",
    primary_key="location_id",
    field_names=(
        "location_id",
        "name",
        "kind",
        "country",
        "lat",
        "lon",
        "geo_precision",
        "gazetteer",
        "note",
    ),
    overrides={
        "kind": {"description": "What the place is.", "enum": LOCATION_KINDS},
        "country": {
            "description": "ISO 3166-1 alpha-2 code of its country.",
            "required": True,
        },
    },
    place_column="location_id",
)

ACTORS = Table(
    name="actors",
    title="Actors",
    description="Every state, force, unit, agency, outlet and person the rows name.",
    primary_key="actor_id",
    field_names=("actor_id", "name", "kind", "country", "parent_actor_id", "role", "aliases"),
    overrides={"kind": {"description": "What the actor is.", "enum": ACTOR_KINDS}},
)

CLAIMS = Table(
    name="claims",
    title="Claims",
    description="The propositions that claimants confirm, report, deny or acknowledge.",
    primary_key="claim_id",
    field_names=("claim_id", "proposition"),
)

ARTICLES = Table(
    name="articles",
    title="Article metadata",
    description="One JSON object per seed article, beside its verbatim text "
    "seeds/<article_id>.txt.",
    primary_key="article_id",
    field_names=(
        "article_id",
        "title",
        "publisher",
        "publisher_via",
        "author",
        "date_published",
        "date_published_precision",
        "date_published_inferred",
        "date_published_basis",
        "url",
        "url_basis",
        "sha256",
        "date_retrieved",
        "language",
        *("origin_article_id", "origin_kind", "origin_basis"),
    ),
    overrides={
        "article_id": {
            "description": "Id of the article; its text is seeds/<article_id>.txt.",
            "ref": None,
        }
    },
    format="json",
)

ARTICLE_OPTIONAL_FIELDS = ("origin_article_id", "origin_kind", "origin_basis")
"""Seed metadata keys that may be left out (seeds from before them need no edit)."""

RELATIONS = Table(
    name="relations",
    title="Relations between rows",
    description="How two rows bear on each other: "
    + "; ".join(f"{k}: {v}" for k, v in RELATION_MEANINGS.items())
    + ". Figures in relation are compared, never added. Optional: a folder without it has none.",
    primary_key="relation_id",
    field_names=("relation_id", "from_row_id", "to_row_id", "kind", "basis", "set_by", "set_on"),
    overrides={"kind": {"description": "How the two rows relate.", "enum": RELATION_KINDS}},
    optional=True,
)

RELIABILITY = Table(
    name="reliability",
    title="Source reliability (Admiralty grading)",
    description="A curator's reliability grade, A to F, for a source organisation (a claimant "
    "actor). An actor with no row here is ungraded, which is not F. Optional.",
    primary_key="actor_id",
    field_names=("actor_id", "reliability", "basis", "graded_by", "graded_on"),
    overrides={"actor_id": _ref("The graded source organisation.", "actors", required=True)},
    optional=True,
)

CREDIBILITY = Table(
    name="credibility",
    title="Information credibility (Admiralty grading)",
    description="A curator's credibility grade, 1 to 6, for one row's information. A transfer "
    "with no grade of its own takes its event's; a row with neither is ungraded, which is not "
    "6. Optional.",
    primary_key="row_id",
    field_names=("row_id", "credibility", "basis", "graded_by", "graded_on"),
    optional=True,
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (EVENTS, TRANSFERS, LOCATIONS, ACTORS, CLAIMS, RELATIONS, RELIABILITY, CREDIBILITY)
}
"""The CSV tables of a dataset folder, in the order they are read and published."""
RESOURCES: dict[str, Table] = {**TABLES, ARTICLES.name: ARTICLES}
"""Every table the registry describes: the CSVs and the seed metadata."""

# The dataset's changelog, DIR/CHANGELOG.csv: one line appended by every merge
# (dashboard/ingest/merge.py). Not a table of the dataset (no row cites a passage, nothing
# refers to it), so it is described here and in CODEBOOK.md but stays out of TABLES.
TIMESTAMP_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
CHANGELOG_FIELDS: dict[str, Field] = {
    "merged_at": Field(
        type="string",
        description="When the merge was made (UTC, ISO 8601 to the second).",
        required=True,
        pattern=TIMESTAMP_PATTERN,
    ),
    **{
        f"{name}_added": Field(
            type="integer",
            description=f"Rows the merge added to {name}.csv.",
            required=True,
            unit="rows",
            minimum=0,
        )
        for name in TABLES
        if not TABLES[name].optional  # a merge adds article rows; relations and grades apart
    },
    "curator": Field(type="string", description="Who reviewed and merged the rows.", required=True),
    "rules_version": Field(
        type="string",
        description="Version of the drafting rules that drafted the rows (the draft's draft.json).",
        required=True,
    ),
    "dataset_version_before": Field(
        type="string",
        description="dataset_version of the folder before the merge: the version the draft was "
        "made on.",
        required=True,
    ),
    "dataset_version_after": Field(
        type="string", description="dataset_version of the folder after the merge.", required=True
    ),
    "history": Field(
        type="string",
        description="Folder under .history/ keeping the files the merge replaced and the reviewed "
        "draft (its rejected rows and drafted_by notes included).",
        required=True,
    ),
}
FIELDS_BY_NAME.update({name: replace(f, name=name) for name, f in CHANGELOG_FIELDS.items()})
CHANGELOG = Table(
    name="CHANGELOG",
    title="Changelog",
    description="One line per merge of an article's reviewed draft into the dataset.",
    primary_key="merged_at",
    field_names=(
        "merged_at",
        "article_id",
        *(f"{name}_added" for name in TABLES if not TABLES[name].optional),
        "curator",
        "rules_version",
        "dataset_version_before",
        "dataset_version_after",
        "history",
    ),
    overrides={"article_id": {"description": "The article whose accepted rows were merged."}},
)
