"""The codebook: every table, column, type, unit, allowed value and description, written once."""

from __future__ import annotations

from dataclasses import dataclass

ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
ISO2_PATTERN = r"^[A-Z]{2}$"
LIST_SEPARATOR = ";"

DATE_PRECISIONS = ("day", "part_of_month", "month", "unknown")
EVENT_TYPES = (
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
)
STANCES = ("confirms", "reports", "acknowledges", "denies", "expects", "uncertain")
ATTRIBUTIONS = ("explicit", "contextual", "unattributed")
TRANSFER_CATEGORIES = ("self_propelled_howitzer", "multiple_rocket_launcher", "personnel")
TRANSFER_STATUSES = ("delivered", "in_transit", "observed", "deployed")
QUANTITY_QUALIFIERS = ("exact", "nearly", "approximately", "about", "over", "unstated")
LOCATION_KINDS = ("city", "region", "country")
GEO_PRECISIONS = ("place", "city_for_region", "region", "country")
ACTOR_KINDS = (
    "state",
    "armed_force",
    "unit",
    "intelligence_agency",
    "ministry",
    "officials",
    "media_outlet",
    "person",
    "group",
)


@dataclass(frozen=True)
class Field:
    """One column: its type is one of string, integer, number, date, boolean, id_list."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    unit: str | None = None
    pattern: str | None = None
    ref: str | None = None  # table whose primary key this column (or each list item) names
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    primary_key: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _id(name: str, what: str) -> Field:
    return Field(name, "string", f"Unique id of the {what}.", True, pattern=ID_PATTERN)


_ARTICLE = Field("article_id", "string", "Id of the seed article the row comes from.", True)
_PASSAGE = (
    Field("passage", "string", "The seed's exact words that support the row, verbatim.", True),
    Field(
        "passage_start",
        "integer",
        "Offset of the passage's first character in the seed text (Unicode code points, "
        "counted from 0 in the UTF-8-decoded file).",
        True,
        unit="characters",
        minimum=0,
    ),
    Field(
        "passage_end",
        "integer",
        "Offset one past the passage's last character: seed[passage_start:passage_end] == passage.",
        True,
        unit="characters",
        minimum=0,
    ),
)


def _window(prefix: str, what: str) -> tuple[Field, ...]:
    return (
        Field(
            f"{prefix}_start",
            "date",
            f"First day of the window in which {what} (ISO 8601). Empty when unknown.",
        ),
        Field(
            f"{prefix}_end",
            "date",
            f"Last day of the window in which {what}; equals the start for a day-precise date.",
        ),
        Field(
            f"{prefix}_precision",
            "string",
            "How precise the window is: day (the article names the day), part_of_month "
            "('mid-November', 'late October', 'earlier this month'), month, or unknown.",
            True,
            enum=DATE_PRECISIONS,
        ),
        Field(f"{prefix}_text", "string", f"The article's own words for when {what}, if any."),
    )


EVENTS = Table(
    "events",
    "Events and claims",
    "One row per event, report, statement, denial, acknowledgement or expectation the article "
    "describes, as claimed by one claimant.",
    "event_id",
    (
        _id("event_id", "event row"),
        _ARTICLE,
        Field("event_type", "string", "What kind of event is claimed.", True, enum=EVENT_TYPES),
        Field("claim_id", "string", "The proposition this row speaks to.", True, ref="claims"),
        Field("summary", "string", "One line saying what the row records.", True),
        Field(
            "claimant_actor_id",
            "string",
            "Who says so (kept apart from the publisher, which is the article's).",
            True,
            ref="actors",
        ),
        Field(
            "claimant_cites_actor_id",
            "string",
            "Whom the claimant cites as its source, where the article says so.",
            ref="actors",
        ),
        Field(
            "attribution",
            "string",
            "explicit: the article names the claimant in the sentence; contextual: the "
            "claimant is carried over from the surrounding attributed sentences (an "
            "inference); unattributed: the article states it in its own voice.",
            True,
            enum=ATTRIBUTIONS,
        ),
        Field("stance", "string", "What the claimant does with the claim.", True, enum=STANCES),
        Field(
            "responds_to_event_ids",
            "id_list",
            "For a denial or acknowledgement: the rows it answers (';'-separated).",
            ref="events",
        ),
        Field("actor_ids", "id_list", "Who acted (';'-separated).", ref="actors"),
        Field(
            "partner_actor_ids",
            "id_list",
            "Who acted with them, alongside or as host (';'-separated).",
            ref="actors",
        ),
        Field(
            "target_actor_ids",
            "id_list",
            "On or against whom they acted (';'-separated).",
            ref="actors",
        ),
        Field("location_id", "string", "Where the event took place.", ref="locations"),
        Field("location_basis", "string", "Why that place, where the article is less direct."),
        *_window("date", "the event happened"),
        *_window("report_date", "the claim was made or published"),
        Field(
            "year_inferred",
            "boolean",
            "true when a year in this row is not in the article but rests on the seed's "
            "inferred publication date (see the seed's metadata).",
            True,
        ),
        *_PASSAGE,
        Field("notes", "string", "Curator's notes: judgement calls and their basis."),
    ),
)

TRANSFERS = Table(
    "transfers",
    "Transfers and deployments",
    "One row per reported delivery or deployment of equipment or personnel.",
    "transfer_id",
    (
        _id("transfer_id", "transfer row"),
        _ARTICLE,
        Field(
            "event_id", "string", "The event row that reports this transfer.", True, ref="events"
        ),
        Field("supplier_actor_id", "string", "Who sends.", True, ref="actors"),
        Field("recipient_actor_id", "string", "Who receives.", True, ref="actors"),
        Field(
            "system_as_written", "string", "The system or personnel as the article words it.", True
        ),
        Field("system_name", "string", "Normalised name used for tallies.", True),
        Field(
            "system_aliases",
            "string",
            "Other names the press uses for the same system (';'-separated); not from the article.",
        ),
        Field("alias_basis", "string", "Where the aliases come from."),
        Field("category", "string", "Kind of system.", True, enum=TRANSFER_CATEGORIES),
        Field("caliber_mm", "number", "Calibre of the weapon.", unit="mm", minimum=1),
        Field(
            "caliber_basis",
            "string",
            "'stated' when the article gives the calibre, otherwise the reference it comes from.",
        ),
        Field(
            "quantity_as_stated",
            "string",
            "The figure in the article's words ('nearly 50'); empty when it gives none.",
        ),
        Field(
            "quantity_qualifier",
            "string",
            "The qualifier of the stated figure; unstated when the article gives no figure.",
            True,
            enum=QUANTITY_QUALIFIERS,
        ),
        Field(
            "quantity_low",
            "integer",
            "Lower bound implied by the stated figure.",
            unit="items",
            minimum=0,
        ),
        Field(
            "quantity_high",
            "integer",
            "Upper bound implied by the stated figure; empty when open-ended ('over 10,000').",
            unit="items",
            minimum=0,
        ),
        Field("quantity_bounds_basis", "string", "The rule that turned the words into bounds."),
        Field(
            "status", "string", "What the claim says happened to it.", True, enum=TRANSFER_STATUSES
        ),
        Field(
            "origin_location_id",
            "string",
            "Where it came from: the supplier's country when the article names the supplier.",
            ref="locations",
        ),
        Field("destination_location_id", "string", "Where it went.", ref="locations"),
        Field("sighting_location_id", "string", "Where it was seen on the way.", ref="locations"),
        Field(
            "claimant_actor_id", "string", "Who says so (as in the event row).", True, ref="actors"
        ),
        *_window("report_date", "the claim was made or published"),
        Field("year_inferred", "boolean", "As in events: a year here rests on inference.", True),
        *_PASSAGE,
        Field("notes", "string", "Curator's notes: judgement calls and their basis."),
    ),
)

LOCATIONS = Table(
    "locations",
    "Places",
    "Every place a row refers to, with how precisely its point stands for it.",
    "location_id",
    (
        _id("location_id", "place"),
        Field("name", "string", "Name of the place as the dataset uses it.", True),
        Field("kind", "string", "What the place is.", True, enum=LOCATION_KINDS),
        Field(
            "country",
            "string",
            "ISO 3166-1 alpha-2 code of its country.",
            True,
            pattern=ISO2_PATTERN,
        ),
        Field(
            "lat",
            "number",
            "Latitude of the point drawn for it (WGS 84).",
            True,
            unit="degrees",
            minimum=-90,
            maximum=90,
        ),
        Field(
            "lon",
            "number",
            "Longitude of the point drawn for it (WGS 84).",
            True,
            unit="degrees",
            minimum=-180,
            maximum=180,
        ),
        Field(
            "geo_precision",
            "string",
            "place: the point is the place itself; city_for_region: a city's point stands for "
            "its region; region: a point inside the region; country: a point stands for the "
            "whole country and says nothing about where in it.",
            True,
            enum=GEO_PRECISIONS,
        ),
        Field("gazetteer", "string", "Where the coordinates come from (source and id).", True),
        Field("note", "string", "What the point stands for and why, where it stands for more."),
    ),
)

ACTORS = Table(
    "actors",
    "Actors",
    "Every state, force, unit, agency, outlet and person the rows name.",
    "actor_id",
    (
        _id("actor_id", "actor"),
        Field("name", "string", "Name as the dataset shows it.", True),
        Field("kind", "string", "What the actor is.", True, enum=ACTOR_KINDS),
        Field(
            "country",
            "string",
            "ISO 3166-1 alpha-2 code of its country, if one.",
            pattern=ISO2_PATTERN,
        ),
        Field(
            "parent_actor_id",
            "string",
            "The actor it belongs to (a minister to a state), for grouping.",
            ref="actors",
        ),
        Field("role", "string", "Office or function, as the article gives it."),
        Field("aliases", "string", "Other spellings (';'-separated) and their basis."),
    ),
)

CLAIMS = Table(
    "claims",
    "Claims",
    "The propositions that claimants confirm, report, deny or acknowledge.",
    "claim_id",
    (
        _id("claim_id", "claim"),
        Field("proposition", "string", "The proposition in one line.", True),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (EVENTS, TRANSFERS, LOCATIONS, ACTORS, CLAIMS)}

# Seed metadata: seeds/<article_id>.json, one per article.
ARTICLE_FIELDS: dict[str, str] = {
    "article_id": "Id of the article; its text is seeds/<article_id>.txt.",
    "title": "Headline as published.",
    "publisher": "Who published it.",
    "publisher_via": "Whom the publisher says it reports through.",
    "author": "Byline.",
    "date_published": "Publication date (ISO 8601).",
    "date_published_precision": "day, or how much less precise.",
    "date_published_inferred": "true when the date is not printed in the text.",
    "date_published_basis": "Evidence for the date.",
    "url": "Where it was published, or empty if it could not be established.",
    "url_basis": "How the URL was established, or why not.",
    "sha256": "SHA-256 of the seed file's bytes.",
    "date_retrieved": "When the text was taken into the project (ISO 8601).",
    "language": "BCP 47 language tag.",
}
