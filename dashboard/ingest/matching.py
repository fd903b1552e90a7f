"""Match a name against the dataset's names and aliases: exactly, or near enough, with a score.

Near spellings are scored with rapidfuzz (`fuzz.ratio` on normalised text, 0-100). At or
above MERGE_SCORE the name is taken as the known one and the score is recorded; between
PROPOSE_SCORE and MERGE_SCORE it is only proposed as a new alias (never merged silently);
below, it is a new name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

MERGE_SCORE = 90.0
PROPOSE_SCORE = 80.0
_PAREN = re.compile(r"\s*\([^)]*\)")


def normalise(text: str) -> str:
    """Lower case, no accents, no quotes, punctuation as spaces, no leading 'the'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’']s\b", "", text.lower())
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def compact(text: str) -> str:
    """normalise() without spaces: 'M-1978', 'M1978' and 'm 1978' are one key."""
    return normalise(text).replace(" ", "")


def alias_forms(cell: str) -> list[str]:
    """The spellings in an aliases cell: ';'-separated, each without its '(basis)'."""
    out = []
    cell = _PAREN.sub("", cell or "").split("(")[0]  # a basis in brackets may hold ';' too
    for part in cell.split(";"):
        form = part.strip()
        if form:
            out.append(form)
    return out


def name_forms(name: str) -> list[str]:
    """A name, the name without its bracketed part, and an acronym given in brackets."""
    forms = [name]
    bare = _PAREN.sub("", name).strip()
    if bare and bare != name:
        forms.append(bare)
    forms += re.findall(r"\(([A-Z][A-Z.]{1,9})\)", name)
    return forms


def _key(text: str) -> str:
    """compact() without a final s: "launchers" and "launcher", "Koksans" and "Koksan" meet."""
    return compact(text).rstrip("s")


@dataclass(frozen=True)
class Match:
    key: str  # the id (or normalised name) it matched
    surface: str  # the known spelling it matched
    score: float
    how: str  # exact, fuzzy (merged) or proposed (a new alias, not merged)

    def explain(self, words: str) -> str:
        if self.how == "exact":
            return f'"{words}" = {self.key} (matching rule: name or alias "{self.surface}")'
        verdict = "merged" if self.how == "fuzzy" else "not merged: new alias proposed"
        return (
            f'"{words}" ~ {self.key} "{self.surface}" (matching rule: rapidfuzz ratio '
            f"{self.score:.1f}, merge at {MERGE_SCORE:.0f}; {verdict})"
        )


class Lexicon:
    """Known spellings -> key; exact look-up by compact form, fuzzy by rapidfuzz."""

    def __init__(self, entries: list[tuple[str, str]]):
        self.entries = [(s, k) for s, k in entries if s and normalise(s)]
        self._exact = {}
        for surface, key in self.entries:
            self._exact.setdefault(_key(surface), (surface, key))
        self._norm = [normalise(s) for s, _ in self.entries]

    def surfaces(self) -> list[str]:
        return [s for s, _ in self.entries]

    def match(self, words: str, fuzzy: bool = True) -> Match | None:
        hit = self._exact.get(_key(words))
        if hit:
            return Match(hit[1], hit[0], 100.0, "exact")
        if not fuzzy or not self._norm:
            return None
        best = process.extractOne(normalise(words), self._norm, scorer=fuzz.ratio)
        if best is None or best[1] < PROPOSE_SCORE:
            return None
        surface, key = self.entries[best[2]]
        return Match(
            key, surface, round(best[1], 1), "fuzzy" if best[1] >= MERGE_SCORE else "proposed"
        )
