"""Draft candidate rows from an article: one event per factual sentence, one transfer per stated
system or troop figure, and the actors and places the dataset does not have yet.

Every filled field records the rule and the article's words that filled it (`drafted_by`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.ingest import DRAFT_COLUMNS
from dashboard.ingest.actors import Mention, _kind_guess, country_of
from dashboard.ingest.attribution import Attribution, find_attribution
from dashboard.ingest.claims import propose_claims
from dashboard.ingest.context import Context
from dashboard.ingest.dates import find_dates
from dashboard.ingest.figures import find_figures
from dashboard.ingest.places import Place, most_specific, slug
from dashboard.ingest.relations import event_hints, match_claim
from dashboard.ingest.rules import event_type
from dashboard.ingest.sentences import Sentence, split_sentences
from dashboard.ingest.stance import read_stance
from dashboard.ingest.systems import find_systems
from dashboard.ingest.transfers import draft_transfer
from dashboard.ingest.windows import fill_windows, split_dates
from dashboard.schema import TABLES

MIN_WORDS = 5
# "South Korea's National Intelligence Service", "North Korea's leader, Kim Jong-un": the
# country qualifies an actor; it is neither where the event happened nor who acted.
_QUALIFYING = re.compile(
    r"^['’]s\s+(?:(?:[A-Z][\w.-]*|leader|minister|president|spokes\w+|chief|head|envoy|ambassador"
    r"|foreign|defen[cs]e|national|state|ministry|military|government|army)[\s,]+){0,4}$"
)
_GAP_WORDS = (
    2  # "confirmed on November 7", "said late last week": a date this close is the report's
)


@dataclass(frozen=True)
class ArticleInfo:
    article_id: str
    text: str
    published: date
    precision: str  # of the publication date: day or month
    publisher: str


@dataclass
class Draft:
    events: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    actors: dict[str, dict] = field(default_factory=dict)
    locations: dict[str, dict] = field(default_factory=dict)
    claims: dict[str, dict] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        rows = {
            "events": self.events,
            "transfers": self.transfers,
            "actors": list(self.actors.values()),
            "locations": list(self.locations.values()),
            "claims": list(self.claims.values()),
        }
        out = {}
        for name, table_rows in rows.items():
            columns = [*TABLES[name].columns, *DRAFT_COLUMNS]
            frame = pd.DataFrame(table_rows, columns=columns, dtype=object).fillna("")
            frame["review"] = "draft"
            out[name] = frame
        return out


class Drafter:
    def __init__(self, info: ArticleInfo, ctx: Context):
        self.info, self.ctx = info, ctx
        self.draft = Draft()
        self.number = info.article_id[:3]
        self.publisher_id = self._publisher()
        kind = (
            self.ctx.actor_kinds.get(self.publisher_id)
            or self.draft.actors[self.publisher_id]["kind"]
        )
        publisher_id = self.publisher_id if self.publisher_id in self.ctx.actor_kinds else None
        self.recent: list[Mention] = [
            Mention(-1, -1, info.publisher, publisher_id, None, kind, "")
        ]  # the publisher is the first actor a "the ministry said" can refer to

    # --- actors and places -------------------------------------------------------------
    def _publisher(self) -> str:
        match = self.ctx.actors.lexicon.match(self.info.publisher)
        if match and match.how in ("exact", "fuzzy"):
            return match.key
        kind = _kind_guess(self.info.publisher, "org")
        kind = "media_outlet" if kind == "group" else kind
        row = self._new_actor(self.info.publisher, kind, country_of(self.info.publisher), match)
        row["role"] = "publisher of the article; claimant where it speaks in its own voice"
        return row["actor_id"]

    def _new_id(self, name: str) -> str:
        base = slug(name)
        new_id, k = base, 2
        while new_id in self.ctx.taken_ids and new_id not in self.draft.actors:
            new_id, k = f"{base}-{k}", k + 1
        return new_id

    def _new_actor(self, name: str, kind: str, country: str, match) -> dict:
        actor_id = self._new_id(name)
        if actor_id in self.draft.actors:
            return self.draft.actors[actor_id]
        state = self.ctx.state_of(country) if country else None
        hint = f"alias of {match.key}?" if match else ""
        by = [f'name: "{name}" → new actor, kind {kind} (actors rule: not in the dataset)']
        if match:
            by.append(match.explain(name))
        row = {
            "actor_id": actor_id,
            "name": name,
            "kind": kind,
            "country": country,
            "parent_actor_id": state or "",
            "role": "",
            "aliases": "",
            "relation_hint": hint,
            "drafted_by": " | ".join(by),
        }
        self.draft.actors[actor_id] = row
        return row

    def actor_id(self, mention: Mention) -> str:
        if mention.actor_id:
            return mention.actor_id
        return self._new_actor(mention.text, mention.kind, mention.country, mention.match)[
            "actor_id"
        ]

    def location_id(self, place: Place) -> str:
        if place.new_row is not None and place.location_id not in self.ctx.location_ids:
            row = dict(place.new_row)
            row.setdefault("relation_hint", "")
            row["drafted_by"] = place.explain()
            self.draft.locations.setdefault(place.location_id, row)
        return place.location_id

    # --- sentences ---------------------------------------------------------------------
    def run(self) -> Draft:
        previous: Attribution | None = None
        prev_sentence: Sentence | None = None
        prev_rows: list[dict] = []
        for sentence in split_sentences(self.info.text):
            if not _factual(sentence):
                continue
            same_paragraph = (
                prev_sentence is not None and prev_sentence.paragraph == sentence.paragraph
            )
            rows = self._sentence(sentence, previous, same_paragraph, prev_rows)
            if rows is None:
                continue
            attribution, rows = rows
            previous = attribution if attribution.kind != "unattributed" else None
            prev_sentence, prev_rows = sentence, rows
        propose_claims(self.draft.events, self.draft.claims, self.number)
        return self.draft

    def _sentence(self, s: Sentence, previous, same_paragraph: bool, prev_rows: list[dict]):
        text = s.text
        dates = find_dates(text, self.info.published, self.info.precision)
        figures = find_figures(text, [(d.offset, d.end_offset) for d in dates])
        mentions = self.ctx.actors.find(text)
        places = self.ctx.places.find(text)
        places = [
            p
            for p in places
            if not _qualifies_actor(text, p.end, mentions)
            and not any(
                m.start <= p.start and p.end <= m.end and m.kind != "state" for m in mentions
            )
        ]  # "US" in "US State Department" names a body, not a place
        systems = find_systems(text, figures, self.ctx.systems.heads)
        attribution = find_attribution(
            text, mentions, self.publisher_id, previous, same_paragraph, tuple(self.recent)
        )
        if not (mentions or places or systems) and attribution.kind == "unattributed":
            return None  # names nothing the dataset tracks, and nobody says it
        if attribution.kind == "explicit":
            self.recent.extend(attribution.claimants)
        stance = read_stance(text)
        kind, kind_words = event_type(text, stance.stance, bool(systems))
        event_dates, report_dates = split_dates(dates, attribution, text)
        if kind in ("denial", "acknowledgement"):
            # the statement is the event: when it was made is when it happened
            event_dates = report_dates = sorted(event_dates + report_dates, key=lambda w: w.offset)
        rows = []
        claimants = attribution.claimants or (None,)
        for claimant in claimants:
            row = self._event(s, attribution, claimant, stance, kind, kind_words, mentions, places)
            if kind in ("denial", "acknowledgement"):
                answered = [
                    r["event_id"]
                    for r in prev_rows
                    if r["claimant_actor_id"] != row["claimant_actor_id"]
                ]
                if answered:
                    row["responds_to_event_ids"] = ";".join(answered)
                    row["_by"].append(
                        f"responds_to_event_ids: the previous sentence's rows (responses rule: a {kind} answers what was just reported)"
                    )
            self._dates(row, event_dates, report_dates, attribution, prev_rows)
            self.draft.events.append(row)
            rows.append(row)
        for mention in systems:
            transfer = draft_transfer(self, s, rows[0], mention, mentions, places)
            self.draft.transfers.append(transfer)
        return attribution, rows

    def _event(self, s, attribution, claimant, stance, kind, kind_words, mentions, places) -> dict:
        by: list[str] = []
        if claimant is None:
            claimant_id = self.publisher_id
            by.append(f"claimant_actor_id: {claimant_id} ← {attribution.explain()}")
        else:
            claimant_id = self.actor_id(claimant)
            by.append(f"claimant_actor_id: {claimant_id} ← {attribution.explain()}")
            if claimant.match and claimant.match.how != "exact":
                by.append(f"claimant_actor_id: {claimant.explain()}")
        cited = ""
        if attribution.cited is not None:
            cited = self.actor_id(attribution.cited)
            by.append(
                f'claimant_cites_actor_id: "{attribution.cited.text}" after a citing cue (attribution rule: cites)'
            )
        by.append(f"stance: {stance.explain()}")
        by.append(
            f'event_type: "{kind_words}" → {kind} (event type rule)'
            if kind_words
            else "event_type: no cue → report (event type rule)"
        )
        excluded = {claimant_id, cited, self.publisher_id}
        acting = [
            m
            for m in mentions
            if (m.actor_id or "") not in excluded
            and m is not claimant
            and m is not attribution.cited
            and not _qualifies_actor(s.text, m.end, mentions)
        ]
        after = [m for m in acting if m.start >= max(attribution.cue_end, 0)] or acting
        actor_ids = ""
        if after:
            actor_ids = self.actor_id(after[0])
            by.append(
                f'actor_ids: "{after[0].text}", the first actor named in the claim (actors rule)'
            )
        place = most_specific(places)
        location_id = location_basis = ""
        if place:
            location_id = self.location_id(place)
            location_basis = f"The sentence names '{place.text}'."
            by.append(f"location_id: {place.explain()}")
        claim = match_claim(s.text, kind, self.ctx.claims, self.ctx.claims_by_type)
        claim_id = ""
        if claim:
            claim_id = claim[0]
            by.append(
                f"claim_id: {claim[0]} (claims rule: token_set_ratio {claim[1]} against its proposition, among {claim[2]})"
            )
        name = self.ctx.actor_names.get(claimant_id) or self.draft.actors.get(claimant_id, {}).get(
            "name", claimant_id
        )
        summary = f"{name}: {_clip(s.text)}"
        by.append(
            "summary: the claimant and the sentence (summary rule: to be rewritten by the curator)"
        )
        number = len(self.draft.events) + 1
        return {
            "event_id": f"{self.number}-ev{number:02d}",
            "article_id": self.info.article_id,
            "event_type": kind,
            "claim_id": claim_id,
            "summary": summary,
            "claimant_actor_id": claimant_id,
            "claimant_cites_actor_id": cited,
            "attribution": attribution.kind,
            "stance": stance.stance,
            "responds_to_event_ids": "",
            "actor_ids": actor_ids,
            "partner_actor_ids": "",
            "target_actor_ids": "",
            "location_id": location_id,
            "location_basis": location_basis,
            "passage": s.text,
            "passage_start": s.start,
            "passage_end": s.end,
            "notes": "",
            "relation_hint": "",
            "_by": by,
        }

    def _dates(self, row, event_dates, report_dates, attribution, prev_rows) -> None:
        by = row.pop("_by")
        fill_windows(row, by, event_dates, report_dates, attribution.kind, prev_rows)
        hints = event_hints(row, self.ctx.event_rows)
        if hints:
            row["relation_hint"] = "; ".join(hints)
            by.append(
                f"relation_hint: {row['relation_hint']} (relations rule: same claim, claimant, "
                "type and window)"
            )
        row["drafted_by"] = " | ".join(by)


def _qualifies_actor(text: str, end: int, mentions: list[Mention]) -> bool:
    """True when the words ending at `end` are a possessive that qualifies the next actor."""
    nxt = next((m for m in mentions if m.start >= end), None)
    return nxt is not None and bool(_QUALIFYING.match(text[end : nxt.start]))


def _factual(s: Sentence) -> bool:
    """A sentence that states something: ends like one, has a few words, asks nothing."""
    return (
        s.terminal
        and len(s.text.split()) >= MIN_WORDS
        and not s.text.rstrip("\"'”’) ").endswith("?")
    )


def _clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def draft_article(info: ArticleInfo, ctx: Context) -> Draft:
    return Drafter(info, ctx).run()


__all__ = ["ArticleInfo", "Draft", "country_of", "draft_article"]
