"""Draft one transfer row from a system or troop mention: who sends, who receives, how many."""

from __future__ import annotations

import re

from dashboard.ingest.actors import DEMONYMS, Mention
from dashboard.ingest.places import Place, most_specific
from dashboard.ingest.relations import transfer_hints
from dashboard.ingest.rules import transfer_status
from dashboard.ingest.sentences import Sentence
from dashboard.ingest.systems import SystemMention

ADJECTIVES = {
    "KP": "North Korean",
    "KR": "South Korean",
    "RU": "Russian",
    "UA": "Ukrainian",
    "US": "American",
    "CN": "Chinese",
    "BY": "Belarusian",
    "IR": "Iranian",
}
SENDS = re.compile(
    r"\b(?:suppl\w+|deliver\w*|ship\w*|sent|sends|export\w*|transferr?\w*|provid\w+|handed|deploy\w*|amassed|massed|dispatched)\b",
    re.IGNORECASE,
)
_DEMONYM = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True)) + r")\b"
)


def _supplier(d, s: Sentence, m: SystemMention, mentions: list[Mention]):
    """(actor id, basis): a nationality in the mention, else the state before a 'sends' verb."""
    demonym = _DEMONYM.search(m.text)
    if demonym and DEMONYMS[demonym.group(1)]:
        state = d.ctx.state_of(DEMONYMS[demonym.group(1)])
        if state:
            return (
                state,
                f'supplier_actor_id: "{demonym.group(1)}" in "{m.text}" → {state} (transfers rule: nationality)',
            )
    verb = SENDS.search(s.text)
    if verb:
        states = [x for x in mentions if x.kind == "state" and x.end <= verb.start()]
        if states:
            sid = d.actor_id(states[-1])
            return (
                sid,
                f'supplier_actor_id: "{states[-1].text}" before "{verb.group(0)}" → {sid} (transfers rule: subject of a sending verb)',
            )
    return "", ""


def _recipient(d, s: Sentence, supplier: str, mentions: list[Mention], speakers: set[str]):
    """The state named after the sending verb (or anywhere), neither the supplier nor the one
    who says so ("The United States estimated that Pyongyang shipped ...")."""
    states = [x for x in mentions if x.kind == "state" and x.actor_id not in {supplier, *speakers}]
    verb = SENDS.search(s.text)
    later = [x for x in states if verb and x.start >= verb.end()] or states
    if not later:
        return "", ""
    rid = d.actor_id(later[0])
    return (
        rid,
        f'recipient_actor_id: "{later[0].text}" → {rid} (transfers rule: the other state named)',
    )


def _recipient_by_place(d, supplier: str, places: list[Place]):
    """The state whose country holds the most precise place named ("to the Kursk region")."""
    supplier_country = d.ctx.actor_countries.get(supplier, "")
    inside = [p for p in places if _country_of_place(d, p) not in ("", supplier_country)]
    place = most_specific(inside)
    state = d.ctx.state_of(_country_of_place(d, place)) if place else None
    if not state:
        return "", ""
    return (
        state,
        f'recipient_actor_id: "{place.text}" is in {state} (transfers rule: the place\'s country)',
    )


def _country_of_place(d, place: Place) -> str:
    if place.new_row is not None:
        return place.new_row["country"]
    return d.ctx.location_country.get(place.location_id, "")


def draft_transfer(
    d, s: Sentence, event: dict, m: SystemMention, mentions, places: list[Place]
) -> dict:
    by: list[str] = []
    known = d.ctx.systems.match(m.text) if m.category != "personnel" else None
    category, caliber, caliber_basis, system_name = m.category, m.caliber_mm, "", ""
    aliases = alias_basis = relation = ""
    if m.caliber_mm:
        caliber_basis = "stated"
        by.append(f'caliber_mm: "{m.text}" → {m.caliber_mm} (systems rule: stated calibre)')
    if known:
        system, match = known
        by.append(f"system_name: {match.explain(m.text)}")
        if match.how == "proposed":
            relation = f"alias of {system.row_id}?"
            system_name = m.text
        else:
            system_name, category = system.system_name, system.category
            aliases, alias_basis = system.aliases, system.alias_basis
            if not caliber and system.caliber_mm:
                caliber = system.caliber_mm
                caliber_basis = f"as in {system.row_id}: {system.caliber_basis}"
                by.append(
                    f"caliber_mm: {caliber} from the dataset's {system.row_id} (systems rule: known system)"
                )
    if not system_name:
        demonym = _DEMONYM.search(m.text)
        if m.category == "personnel":
            system_name = (
                f"{demonym.group(1)} troops" if demonym else "troops (nationality not stated)"
            )
        else:
            system_name = m.text
        by.append(
            f'system_name: "{m.text}" → {system_name} (systems rule: not in the dataset; as written)'
        )
    by.append(f'category: "{m.text}" → {category} (systems rule)')
    supplier, why = _supplier(d, s, m, mentions)
    if why:
        by.append(why)
    if system_name == "troops (nationality not stated)" and supplier:
        adjective = ADJECTIVES.get(d.ctx.actor_countries.get(supplier, ""))
        if adjective:  # "North Korea dispatched 1,000 additional soldiers"
            system_name = f"{adjective} troops"
            by.append(f"system_name: {system_name}, the supplier's troops (systems rule: supplier)")
    speakers = {event["claimant_actor_id"], event["claimant_cites_actor_id"]}
    recipient, why = _recipient(d, s, supplier, mentions, speakers)
    if not recipient:
        recipient, why = _recipient_by_place(d, supplier, places)
    system = known[0] if known and known[1].how != "proposed" else None
    if system and not supplier and system.supplier:
        supplier = system.supplier
        by.append(
            f"supplier_actor_id: {supplier}, as in the dataset's {system.row_id} for this system (transfers rule: known system)"
        )
    if system and not recipient and system.recipient and system.recipient != supplier:
        recipient, why = (
            system.recipient,
            f"recipient_actor_id: {system.recipient}, as in the dataset's {system.row_id} for this system (transfers rule: known system)",
        )
    if why:
        by.append(why)
    status, words = transfer_status(s.text, m.category)
    by.append(
        f'status: "{words}" → {status} (transfers rule)'
        if words
        else f"status: no cue → {status} (transfers rule: default)"
    )
    q = m.figure.quantity if m.figure else None
    if m.figure:
        by.append(f"quantity_as_stated: {m.figure.explain()}")
    origin = ""
    if supplier and d.ctx.actor_countries.get(supplier):
        origin = d.ctx.country_location(d.ctx.actor_countries[supplier]) or ""
        if origin:
            by.append(f"origin_location_id: {origin}, the supplier's country (transfers rule)")
    others = [p for p in places if p.location_id != origin]
    recipient_country = d.ctx.actor_countries.get(recipient) or ""
    in_recipient = [p for p in others if _country_of_place(d, p) == recipient_country]
    place = most_specific(in_recipient if recipient_country and in_recipient else others)
    destination = sighting = ""
    if place:
        if status in ("in_transit", "observed"):
            sighting = d.location_id(place)
            by.append(f"sighting_location_id: {place.explain()}")
        else:
            destination = d.location_id(place)
            by.append(f"destination_location_id: {place.explain()}")
    number = len(d.draft.transfers) + 1
    row = {
        "transfer_id": f"{d.number}-tr{number:02d}",
        "article_id": d.info.article_id,
        "event_id": event["event_id"],
        "supplier_actor_id": supplier,
        "recipient_actor_id": recipient,
        "system_as_written": m.text,
        "system_name": system_name,
        "system_aliases": aliases,
        "alias_basis": alias_basis,
        "category": category,
        "caliber_mm": caliber or "",
        "caliber_basis": caliber_basis,
        "quantity_as_stated": m.figure.text if m.figure else "",
        "quantity_qualifier": q.qualifier if q else "unstated",
        "quantity_low": q.low if q else None,
        "quantity_high": q.high if q else None,
        "quantity_bounds_basis": q.basis if q else "no figure given",
        "status": status,
        "origin_location_id": origin,
        "destination_location_id": destination,
        "sighting_location_id": sighting,
        "claimant_actor_id": event["claimant_actor_id"],
        "report_date_start": event["report_date_start"],
        "report_date_end": event["report_date_end"],
        "report_date_precision": event["report_date_precision"],
        "report_date_text": event["report_date_text"],
        "year_inferred": event["year_inferred"],
        "passage": event["passage"],
        "passage_start": event["passage_start"],
        "passage_end": event["passage_end"],
        "notes": "",
    }
    hints = transfer_hints(row, d.ctx.transfer_rows)
    if relation:
        hints.insert(0, relation)
    row["relation_hint"] = "; ".join(hints)
    if hints:
        by.append(
            f"relation_hint: {row['relation_hint']} (relations rule: same system and claimant with an overlapping figure, or a figure that does not overlap)"
        )
    for key in ("quantity_low", "quantity_high"):
        row[key] = "" if row[key] is None else row[key]
    row["drafted_by"] = " | ".join(by)
    return row
