"""Find the weapons and troops a sentence counts: the system as written, its figure, category.

A mention is a head noun ("howitzers", "rocket launchers", "missiles", "soldiers") with the
modifiers before it ("M-1978 "Koksan" self-propelled", "upgraded 240mm") and, right before
those, the figure it is counted with. Troops make a transfer only with a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.ingest.figures import Figure
from dashboard.ingest.matching import Lexicon, Match, alias_forms

HEADS: tuple[tuple[str, str], ...] = (
    (
        "multiple_rocket_launcher",
        r"multiple[\s-]+(?:launch\s+)?rocket\s+(?:launchers?|systems?)|rocket\s+launchers?|MLRS|MRLS?s?|rocket\s+artillery(?:\s+systems?)?",
    ),
    (
        "self_propelled_howitzer",
        r"self[\s-]+propelled\s+(?:howitzers?|guns?|artillery(?:\s+(?:systems?|pieces|guns))?)",
    ),
    (
        "artillery",
        r"howitzers?|artillery\s+(?:pieces|systems|guns)|(?:field\s+)?guns?|cannons?|mortars?",
    ),
    ("ballistic_missile", r"(?:short-range\s+|tactical\s+)?ballistic\s+missiles?|missiles?"),
    (
        "artillery_ammunition",
        r"(?:artillery\s+|mortar\s+)?shells|(?:artillery\s+)?rounds(?:\s+of\s+ammunition)?|rockets|ammunition\s+containers|containers\s+of\s+(?:ammunition|munitions|shells)",
    ),
    (
        "other_equipment",
        r"tanks|armou?red\s+vehicles|drones|anti-aircraft\s+(?:guns|systems)|air[\s-]+defen[cs]e\s+systems",
    ),
    (
        "personnel",
        r"(?:troops|soldiers|fighters|servicemen|personnel|military\s+personnel|special\s+forces|commandos|officers|engineers|workers)",
    ),
)
HEAD = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{cat}>{rx})" for cat, rx in HEADS) + r")(?![\w-])"
)
# Words that may stand between a figure and its head noun.
_MODIFIER = re.compile(
    r"""^(?:[A-Z][\w.]*(?:-\w+)*|["“”'‘’][^"“”'‘’]{1,20}["“”'‘’]|\d+(?:\s*-?\s*mm|-millimet(?:er|re))"""
    r"""|[a-z]+-[a-z]+(?:-[a-z]+)?|upgraded|additional|new|more|modernised|modernized|heavy|light"""
    r"""|long-range|towed|mobile|elite|regular|extra|further|older|soviet-era|short-range|tactical"""
    r"""|multiple|rocket|artillery|military|combat|ballistic|self|propelled)$"""
)
_CASUALTIES = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:killed|wounded|injured|captured|died|dead|casualties|missing)\b",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    [
        "the",
        "these",
        "those",
        "this",
        "that",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "some",
        "any",
        "all",
    ]
)
CALIBRE = re.compile(r"(?P<mm>\d{2,3})\s*-?\s*(?:mm|millimet(?:er|re)s?)\b")
KEY_TOKEN = re.compile(
    r"""["“”']([^"“”']{2,20})["“”']|\b([A-Z]{1,4}-?\d{1,4}[A-Z]?)\b|\b([A-Z][a-z]{3,})\b"""
)


@dataclass(frozen=True)
class SystemMention:
    start: int
    end: int
    text: str  # the system as written
    category: str
    figure: Figure | None
    caliber_mm: int | None

    @property
    def passage_start(self) -> int:
        return self.figure.start if self.figure else self.start


def _extend_left(text: str, head_start: int) -> int:
    """Start of the modifiers before a head noun."""
    start = head_start
    tokens = list(re.finditer(r"""["“][^"”]{1,20}["”]|\S+""", text[:head_start]))
    for tok in reversed(tokens):
        word = tok.group(0).rstrip(",;")
        if word != tok.group(0) or not _MODIFIER.match(word) or word.lower() in _DETERMINERS:
            break
        start = tok.start()
    return start


def find_systems(
    text: str, figures: list[Figure], extra: re.Pattern[str] | None = None
) -> list[SystemMention]:
    """Every system or counted troop mention; `extra` adds the dataset's system names as heads
    ("100 Koksans"), whose category the matcher then gives."""
    spans = []
    heads = sorted(
        [*HEAD.finditer(text), *(extra.finditer(text) if extra else [])], key=lambda m: m.start()
    )
    for m in heads:
        groups = m.groupdict()
        category = next((cat for cat, _ in HEADS if groups.get(cat)), "other_equipment")
        start, end = _extend_left(text, m.start()), m.end()
        based = re.match(
            r"\s*(?:\([^)]{1,12}\))?\s*,?\s*(?:based\s+on|derived\s+from|similar\s+to|a\s+version\s+of)\b[^,;.]*",
            text[end:],
        )
        if based:  # "based on the Soviet BM-27 "Uragan" MLRS system" describes; it adds no system
            end += len(based.group(0).rstrip())
        spans.append((start, end, m.start(), category))
    out: list[SystemMention] = []
    for start, end, head, category in spans:
        # A head inside another mention ("Koksan" in 'M-1978 "Koksan" howitzers') is part of it.
        if any(
            s <= head < e and (s, e) != (start, end) and e - s > end - start for s, e, _, _ in spans
        ):
            continue
        if any(o.start == start and o.end == end for o in out):
            continue
        figure = next(
            (f for f in figures if f.end <= start and not text[f.end : start].strip()), None
        )
        if category == "personnel" and figure is None:
            continue  # troops are counted as a transfer only with a figure
        if category == "personnel" and _CASUALTIES.match(text[end : end + 40]):
            continue  # "200 troops were wounded": a casualty figure, not a deployment
        if figure is None and start == head and _refers_back(text, start):
            continue  # "the guns", "these systems": the ones already named
        words = text[start:end]
        cal = CALIBRE.search(words)
        out.append(
            SystemMention(start, end, words, category, figure, int(cal["mm"]) if cal else None)
        )
    return out


def _refers_back(text: str, start: int) -> bool:
    before = text[:start].split()
    return bool(before) and before[-1].lower() in _DETERMINERS


def key_tokens(words: str) -> list[str]:
    """Names and designations that identify a system: "Koksan", "M-1978", "KN-23"."""
    out = []
    for m in KEY_TOKEN.finditer(words):
        token = next(g for g in m.groups() if g)
        if token.lower() not in {"north", "korean", "soviet", "russian", "the", "upgraded"}:
            out.append(token)
    return out


@dataclass(frozen=True)
class KnownSystem:
    system_name: str
    category: str
    caliber_mm: float | None
    caliber_basis: str
    aliases: str
    alias_basis: str
    row_id: str
    supplier: str = ""
    recipient: str = ""


class SystemMatcher:
    """The dataset's systems by written form, name and alias; near spellings by rapidfuzz."""

    def __init__(self, transfers: pd.DataFrame):
        self.known: dict[str, KnownSystem] = {}
        entries = []
        for row in transfers.itertuples():
            if row.category == "personnel":
                continue
            system = KnownSystem(
                row.system_name,
                row.category,
                row.caliber_mm or None,
                row.caliber_basis,
                row.system_aliases,
                row.alias_basis,
                row.transfer_id,
                getattr(row, "supplier_actor_id", ""),
                getattr(row, "recipient_actor_id", ""),
            )
            self.known.setdefault(row.system_name, system)
            forms = [row.system_as_written, row.system_name, *alias_forms(row.system_aliases)]
            for form in forms:
                entries.append((form, row.system_name))
                entries += [
                    (t, row.system_name) for t in key_tokens(form) if not re.search(r"\d", t)
                ]
                entries += [(t, row.system_name) for t in key_tokens(form) if re.search(r"\d", t)]
        self.whole = Lexicon([(f, k) for f, k in entries])
        self.names = Lexicon([(t, k) for f, k in entries for t in [f] if len(f.split()) == 1])
        words = sorted(
            {
                f
                for f, _ in entries
                if len(f.split()) == 1 and f[:1].isupper() and not re.search(r"\d", f)
            }
        )
        self.heads = (
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")s?(?![\w-])")
            if words
            else None
        )

    def match(self, words: str) -> tuple[KnownSystem, Match] | None:
        hit = self.whole.match(words, fuzzy=False)
        if hit:
            return self.known[hit.key], hit
        for token in key_tokens(words):
            # A designation with digits matches only exactly: M-1978 is not M-1989.
            hit = self.names.match(token, fuzzy=not re.search(r"\d", token))
            if hit:
                return self.known[hit.key], hit
        return None
