"""What a claimant does with a claim, read from cue words: confirms, denies, acknowledges ..."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEG = r"(?:has|have|had|did|does|do|could|would|will|was|were)\s+not|(?:has|have|had|did|does|do|could|would|will|was|were)n[’']t|never|declined\s+to|refused\s+to|unable\s+to|not\s+(?:yet\s+)?been"
# First match wins: a negated confirmation before a confirmation, an acknowledgement before a
# "has not denied" that only softens it, a denial before a plain report.
CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (stance, rule, re.compile(rx, re.IGNORECASE))
    for stance, rule, rx in (
        (
            "uncertain",
            "not confirmed",
            rf"\b(?:{_NEG})\s+(?:\w+\s+)?(?:confirm|verif|corroborat)\w*|\bneither\s+confirm\w*\s+nor\s+den\w*|\bunconfirmed\b|\bcould\s+not\s+be\s+(?:independently\s+)?verified\b",
        ),
        ("acknowledges", "acknowledged", r"\b(?:acknowledg|admit|conced)\w*"),
        (
            "denies",
            "denied",
            r"(?<!\bnot\s)(?<!\bnot\soutright\s)\b(?:denied|denies|deny|denying|denial|rejected|rejects|refuted|refutes)\b",
        ),
        (
            "denies",
            "dismissed as fake",
            r"\bdismiss\w*\b[^.]{0,60}?\bas\b[^.]{0,20}?(?:fake|fibs?|false|lies|lie|propaganda|hype|nonsense|baseless|groundless|fabricat\w*|speculation|rumou?rs?)",
        ),
        (
            "denies",
            "called false",
            r"\b(?:called|branded|labelled|labeled)\b[^.]{0,40}?\b(?:fake|false|baseless|groundless|lies|fabricat\w*|nonsense)\b",
        ),
        ("confirms", "confirmed", r"\bconfirm(?:ed|s|ing)?\b"),
        (
            "uncertain",
            "unclear",
            r"\b(?:unclear|under\s+investigation|unverified|remains?\s+to\s+be\s+seen|contradictory|conflicting\s+(?:information|reports))\b",
        ),
        (
            "expects",
            "could/expected",
            r"\b(?:could|may|might|is\s+expected|are\s+expected|expects?|likely\s+to|plans?\s+to|planning\s+to|is\s+set\s+to|are\s+set\s+to|will|intends?\s+to|poised\s+to)\b",
        ),
    )
)


@dataclass(frozen=True)
class Stance:
    stance: str
    words: str  # the cue words as written, empty when none
    rule: str

    def explain(self) -> str:
        if not self.words:
            return f"no stance cue → {self.stance} (stance rule: {self.rule})"
        return f'"{self.words}" → {self.stance} (stance rule: {self.rule})'


def read_stance(text: str) -> Stance:
    """The stance a sentence's cue words give; 'reports' when it has none."""
    for stance, rule, rx in CUES:
        m = rx.search(text)
        if m:
            return Stance(stance, m.group(0), rule)
    return Stance("reports", "", "a plain report")
