"""Marks for the curator: a draft row that restates an existing row, or disagrees with it; and
the existing claim a drafted event most likely speaks to."""

from __future__ import annotations

from rapidfuzz import fuzz

CLAIM_SCORE = 60.0  # rapidfuzz token_set_ratio of the sentence against a claim's proposition


def _int(cell) -> int | None:
    return int(cell) if str(cell).strip() not in ("", "nan", "None") else None


def _overlap(a_low, a_high, b_low, b_high) -> bool | None:
    """True when two figures' bounds overlap, False when not, None when either is unstated."""
    if a_low is None or b_low is None:
        return None
    a_hi = a_high if a_high is not None else float("inf")
    b_hi = b_high if b_high is not None else float("inf")
    return a_low <= b_hi and b_low <= a_hi


def transfer_hints(row: dict, existing: list[dict]) -> list[str]:
    """'same as <id>' for the same system and claimant with an overlapping figure; 'differs
    from <id>' for the same system with a figure that does not overlap."""
    hints = []
    if not row["system_name"]:
        return hints
    for other in existing:
        if other["system_name"] != row["system_name"]:
            continue
        ov = _overlap(
            row["quantity_low"],
            row["quantity_high"],
            _int(other["quantity_low"]),
            _int(other["quantity_high"]),
        )
        if ov is True and other["claimant_actor_id"] == row["claimant_actor_id"]:
            hints.append(f"same as {other['transfer_id']}")
        elif ov is False:
            hints.append(f"differs from {other['transfer_id']}")
    return hints


def _windows_meet(row: dict, other: dict) -> bool:
    a, b = row["date_start"], other["date_start"]
    if not a and not b:
        return True
    if not a or not b:
        return False
    return a <= other["date_end"] and b <= row["date_end"]


def event_hints(row: dict, existing: list[dict]) -> list[str]:
    """'same as <id>' for an existing row with the same claim, claimant, type and window."""
    if not row["claim_id"]:
        return []
    key = ("claim_id", "claimant_actor_id", "event_type")
    return [
        f"same as {o['event_id']}"
        for o in existing
        if all(o[k] == row[k] for k in key) and _windows_meet(row, o)
    ]


def match_claim(text: str, event_type: str, claims: list[tuple[str, str]], by_type: dict):
    """(claim_id, score, basis) of the claim whose proposition best fits the sentence, among the
    claims the dataset's rows of the same event type speak to (all claims if none); or None."""
    used = by_type.get(event_type, set())
    pool = [c for c in claims if c[0] in used] or claims
    best = None
    lowered = text.lower()
    for claim_id, proposition in pool:
        score = fuzz.token_set_ratio(lowered, proposition)
        if best is None or score > best[1]:
            best = (claim_id, round(score, 1))
    if best is None or best[1] < CLAIM_SCORE:
        return None
    scope = "claims of the same event type" if used else "all claims"
    return best[0], best[1], scope
