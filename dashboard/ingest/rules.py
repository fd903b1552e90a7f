"""Small cue tables: what kind of event a sentence reports, what happened to a transfer."""

from __future__ import annotations

import re

# First match wins; the stance decides denials, acknowledgements and expectations before these.
EVENT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE))
    for kind, rx in (
        ("training", r"\b(?:trained|training|drills?|exercises?)\b"),
        ("troop_buildup", r"\b(?:amassed|massed|massing|build-?up|concentrat\w+|gathered)\b"),
        ("casualties", r"\b(?:casualties|killed|wounded|dead|deaths|losses|injured|captured)\b"),
        (
            "combat",
            r"\b(?:combat|fighting|fought|battles?|clash\w*|offensive|assault\w*|attack\w*|front\s*line|operations?|campaign)\b",
        ),
        (
            "troop_deployment",
            r"\b(?:deploy\w*|stationed|dispatched|sent\s+(?:troops|soldiers)|arriv\w+|presence)\b"
            r"|\b(?:troops|soldiers|fighters|servicemen)\b[^.]*\b(?:travel\w*|moved|moving|headed)\b",
        ),
        ("diplomatic_meeting", r"\b(?:talks|discussions|met|meeting|summit|negotiat\w+)\b"),
        ("diplomatic_visit", r"\b(?:visit\w*|trip|travel\w*)\b"),
    )
)
ARMS_VERBS = re.compile(
    r"\b(?:suppl\w+|deliver\w*|ship\w*|sent|sends|sending|export\w*|transferr?\w*|provid\w+|handed|arms|weapons|transported|arrived|seen|spotted|observed|photographed)\b",
    re.IGNORECASE,
)
WEAPONS = re.compile(
    r"\b(?:guns?|weapons?|howitzers?|launchers?|missiles?|shells?|munitions|ammunition|artillery|arms)\b",
    re.IGNORECASE,
)
STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (status, re.compile(rx, re.IGNORECASE))
    for status, rx in (
        (
            "in_transit",
            r"\b(?:transported|being\s+(?:moved|shipped|transported)|en\s+route|in\s+transit|by\s+(?:rail|train|sea|ship))\b",
        ),
        (
            "observed",
            r"\b(?:seen|spotted|photographed|observed|pictured|filmed|showed|shows|images?)\b",
        ),
        (
            "delivered",
            r"\b(?:deliver\w*|suppl\w+|shipped|sent|export\w*|transferred|provided|handed\s+over|arrived)\b",
        ),
        ("deployed", r"\b(?:deploy\w*|stationed|amassed|massed|fighting|involved)\b"),
    )
)
STATUS_DEFAULT = {"personnel": "deployed"}


def event_type(text: str, stance: str, has_system: bool) -> tuple[str, str]:
    """(event_type, the words that decided it)."""
    if stance == "denies":
        return "denial", "a denial (stance)"
    if stance == "acknowledges":
        return "acknowledgement", "an acknowledgement (stance)"
    if stance == "expects":
        return "expected_event", "an expectation (stance)"
    if has_system or WEAPONS.search(text):  # "the guns arrived" names no new system
        m = ARMS_VERBS.search(text)
        if m:
            return "arms_transfer", m.group(0)
    for kind, rx in EVENT_CUES:
        m = rx.search(text)
        if m:
            return kind, m.group(0)
    return "report", ""


def transfer_status(text: str, category: str) -> tuple[str, str]:
    for status, rx in STATUS_CUES:
        if category == "personnel" and status != "deployed":
            continue
        m = rx.search(text)
        if m:
            return status, m.group(0)
    return STATUS_DEFAULT.get(category, "delivered"), ""
