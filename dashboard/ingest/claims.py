"""Claims for drafted events: a denial speaks to the claim it answers; events no existing claim
fits get a proposed claim per event type, its proposition a stand-in for the curator to write."""

from __future__ import annotations

from dashboard.ingest.relations import CLAIM_SCORE

STAND_IN = "(to be written)"


def propose_claims(events: list[dict], claims: dict[str, dict], number: str) -> None:
    """Fill every event's claim_id, adding proposed claims to `claims` (a merge needs one)."""
    inherit_claims(events)
    for row in events:
        if not row["claim_id"] and not row["responds_to_event_ids"]:
            _propose(row, claims, number)
    inherit_claims(events)
    for row in events:
        if not row["claim_id"]:
            _propose(row, claims, number)


def inherit_claims(events: list[dict]) -> None:
    """A denial or acknowledgement without a claim takes the claim of the rows it answers."""
    known = {r["event_id"]: r["claim_id"] for r in events}
    for row in events:
        answered = [known[i] for i in row["responds_to_event_ids"].split(";") if known.get(i)]
        if not row["claim_id"] and answered:
            row["claim_id"] = known[row["event_id"]] = answered[0]
            row["drafted_by"] += (
                f" | claim_id: {answered[0]}, the claim of the rows it answers (claims rule)"
            )


def _propose(row: dict, claims: dict[str, dict], number: str) -> None:
    claim_id = f"{number}-{row['event_type'].replace('_', '-')}"
    if claim_id not in claims:
        passage = row["passage"]
        if len(passage) > 200:
            passage = passage[:199].rsplit(" ", 1)[0] + "…"
        claims[claim_id] = {
            "claim_id": claim_id,
            "proposition": f"{STAND_IN} {passage}",
            "relation_hint": "",
            "drafted_by": f"proposition: the first {row['event_type']} sentence without a "
            "fitting claim, as a stand-in (claims rule: new claim proposed)",
        }
    row["claim_id"] = claim_id
    row["drafted_by"] += (
        f" | claim_id: {claim_id}, a new claim proposed for this article's {row['event_type']} "
        f"rows (claims rule: no existing claim scores {CLAIM_SCORE:.0f} or more)"
    )
