"""Who makes a claim, and whom they cite, from attribution cues (said, told, according to ...).

A sentence with a cue names its claimant (explicit). A sentence without one that follows an
attributed sentence of the same paragraph carries its claimant over (contextual, an inference
flagged as such), unless it opens with a turn ("However", "Meanwhile"). Otherwise the article
speaks in its own voice: the claimant is the publisher (unattributed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.ingest.actors import Mention

_VERBS = (
    r"said|says|saying|told|tells|reported|reports|reporting|confirmed|confirms|confirming"
    r"|denied|denies|denying|announced|announces|revealed|reveals|stated|states|claimed|claims"
    r"|claiming|added|noted|acknowledged|admitted|warned|estimated|estimates|indicated|indicating"
    r"|assessed|assesses|dismissed|dismissing|rejected|wrote|posted|briefed|disclosed|alleged"
    r"|insisted|believes|informed|showed|shows|called|branded|labell?ed|described|(?:has|have|had)\s+found|found\s+that"
)
BEFORE = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)  # the claimant comes before the verb
AFTER = re.compile(
    r"\b(?:according\s+to|(?:as\s+)?(?:reported|confirmed|announced|stated|revealed|disclosed|claimed|said|assessed)\s+by)\b",
    re.IGNORECASE,
)
CITES = re.compile(r"\b(?:citing|who\s+cited|cited|quoting|via)\b", re.IGNORECASE)
TURNS = re.compile(
    r"^(?:However|But|Meanwhile|Separately|In\s+other\s+news|Elsewhere|In\s+a\s+separate|On\s+the\s+other\s+hand|There\s+(?:is|are|was|were))\b"
)
# "the ministry said", "he added", "a ministry spokesman said": a cue whose speaker is the one
# named before; the claimant is carried over (contextual), across paragraphs too.
ANAPHOR = re.compile(
    r"(?:\b(?:he|she|they|it)|\b(?:the|a|an)\s+(?:[a-z]+\s+)?(?:ministry|agency|service|department|office"
    r"|spokes\w+|officials?|minister|government|paper|newspaper|outlet|statement|report|military|army"
    r"|command|committee|president))\s*$",
    re.IGNORECASE,
)
_JOIN = re.compile(r"^(?:,\s*|\s+)(?:and\s+|or\s+)?(?:the\s+|both\s+)?$")
REACH = 120  # characters between a claimant and its verb, at most
# "earlier reports from the Pentagon", "media reports": a noun, not a verb of saying.
_NOUN_BEFORE = re.compile(
    r"\b(?:the|these|those|earlier|recent|media|press|news|initial|unconfirmed|such|of|conflicting"
    r"|contradictory|some|many|other|similar|previous|intelligence|its|their|his|her)\s+$",
    re.IGNORECASE,
)
_TITLE_GAP = re.compile(
    r"^\s+(?:[a-z]+\s+){0,2}$|^\s+(?:spokes\w+|minister|official|chief|head)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class Attribution:
    kind: str  # explicit, contextual or unattributed
    claimants: tuple[Mention, ...]  # empty: the publisher speaks
    cited: Mention | None
    cue: str
    cue_start: int  # offsets in the sentence; -1 when there is no cue
    cue_end: int
    rule: str

    def explain(self) -> str:
        if self.kind == "unattributed":
            return "no attribution cue → the publisher's own voice (attribution rule: unattributed)"
        names = " and ".join(f'"{m.text}"' for m in self.claimants)
        if self.kind == "contextual" and self.cue:
            return f'{names} carried over: "{self.cue}" refers back (attribution rule: contextual)'
        if self.kind == "contextual":
            return f"{names} carried over from the previous sentence (attribution rule: contextual)"
        return f'{names} + "{self.cue}" → claimant (attribution rule: {self.rule})'


def _chain(mentions: list[Mention], last: int, text: str) -> list[Mention]:
    """The claimant at `last` and those joined to it by 'and' or commas just before it."""
    out = [mentions[last]]
    i = last
    while i > 0 and _JOIN.match(text[mentions[i - 1].end : mentions[i].start]):
        i -= 1
        out.insert(0, mentions[i])
    return out


ANAPHOR_KINDS = {
    "ministry": "ministry",
    "department": "ministry",
    "office": "ministry",
    "government": "state",
    "agency": "intelligence_agency",
    "service": "intelligence_agency",
    "he": "person",
    "she": "person",
    "minister": "person",
    "president": "person",
    "paper": "media_outlet",
    "newspaper": "media_outlet",
    "outlet": "media_outlet",
    "military": "armed_force",
    "army": "armed_force",
    "command": "armed_force",
}


def _referent(anaphor: re.Match[str] | None, recent: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The latest actor named before of the kind the words refer to ('the agency')."""
    if anaphor is None:
        return ()
    kind = ANAPHOR_KINDS.get(anaphor.group(0).split()[-1].lower())
    hit = next((m for m in reversed(recent) if kind and m.kind == kind), None)
    return (hit,) if hit else ()


def _second_source(text, mentions, cues, chosen, publisher_id, found):
    """'According to X, the NIS assessed that ...': X claims, citing the NIS."""
    for _, cue, kind in cues:
        if kind == "before" and cue is not chosen:
            other = [m for m in _before(text, mentions, cue, publisher_id) if m not in found]
            if other:
                return other[-1]
    return None


def _person_after_title(after: list[Mention], text: str) -> Mention:
    """'said Kremlin spokesman Dmitry Peskov': the person, not the body he speaks for."""
    first = after[0]
    if (
        len(after) > 1
        and after[1].kind == "person"
        and _TITLE_GAP.match(text[first.end : after[1].start])
    ):
        return after[1]
    return first


def _usable(m: Mention, publisher_id: str | None) -> bool:
    return m.actor_id != publisher_id or publisher_id is None


def _before(text: str, mentions: list[Mention], cue: re.Match[str], publisher_id: str | None):
    """The claimant(s) before a verb cue; or after it when the verb is inverted (', said X')."""
    lead = text[: cue.start()].rstrip()
    if lead.endswith((",", '"', "”", "’")) or not lead:
        after = [m for m in mentions if cue.end() <= m.start <= cue.end() + 40]
        if after:
            return [_person_after_title(after, text)]
    candidates = [
        i
        for i, m in enumerate(mentions)
        if m.end <= cue.start()
        and cue.start() - m.end <= REACH
        and not re.search(r"\bthat\b|[;:]", text[m.end : cue.start()])
    ]
    if not candidates:
        return []
    return _chain(mentions, candidates[-1], text)


def find_attribution(
    text: str,
    mentions: list[Mention],
    publisher_id: str | None,
    previous: Attribution | None = None,
    same_paragraph: bool = False,
    recent: tuple[Mention, ...] = (),
) -> Attribution:
    """The attribution of one sentence, given the actors it names and the one before it."""
    cited = None
    cite = CITES.search(text)
    if cite:
        after = [m for m in mentions if cite.end() <= m.start <= cite.end() + 60]
        cited = after[0] if after else None
    cues: list[tuple[int, re.Match[str], str]] = []
    for m in AFTER.finditer(text):
        cues.append((m.start(), m, "after"))
    for m in BEFORE.finditer(text):
        if _NOUN_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if not any(a.start() <= m.start() < a.end() for _, a, kind in cues if kind == "after"):
            cues.append((m.start(), m, "before"))
    anaphoric = None
    for _, cue, kind in sorted(cues, key=lambda c: c[0]):
        if kind == "before" and anaphoric is None:
            lead = text[max(0, cue.start() - 40) : cue.start()]
            tail = text[cue.end() : cue.end() + 25]
            if ANAPHOR.search(lead) or re.match(
                r"^\s*(?:he|she|they|the\s+\w+)\s*[,.]", tail, re.IGNORECASE
            ):
                anaphoric = cue
        if kind == "after":
            after = [m for m in mentions if cue.end() <= m.start <= cue.end() + 40]
            found = [_person_after_title(after, text)] if after else []
        else:
            found = _before(text, mentions, cue, publisher_id)
        found = [m for m in found if _usable(m, publisher_id) and m is not cited]
        if found and kind == "after" and cited is None:
            cited = _second_source(text, mentions, cues, cue, publisher_id, found)
        if found:
            rule = "according to" if kind == "after" else f'"{cue.group(0).lower()}"'
            return Attribution(
                "explicit", tuple(found), cited, cue.group(0), cue.start(), cue.end(), rule
            )
    if previous and previous.claimants and anaphoric is not None:
        lead = text[max(0, anaphoric.start() - 40) : anaphoric.start()]
        referent = _referent(ANAPHOR.search(lead), recent)
        claimants = referent or previous.claimants
        ids = {m.actor_id or m.text for m in claimants}
        cite = previous.cited
        carried_cite = (
            cite if cite is not None and (cite.actor_id or cite.text) not in ids else None
        )
        return Attribution(
            "contextual",
            claimants,
            carried_cite,
            anaphoric.group(0),
            anaphoric.start(),
            anaphoric.end(),
            "contextual",
        )
    if previous and previous.claimants and same_paragraph and not TURNS.match(text):
        return Attribution(
            "contextual", previous.claimants, previous.cited, "", -1, -1, "contextual"
        )
    return Attribution("unattributed", (), cited, "", -1, -1, "unattributed")
