"""Text in cells: bidirectional controls can make a figure or a name read backwards."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from dashboard.data.problems import WARNING, Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip

# Embeddings, overrides and isolates, the LRM/RLM marks and the Arabic letter mark.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def visible(text: str) -> str:
    """The text with each bidirectional control written out as <U+202E>."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def check_bidi(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    for name, frame in parsed.tables.items():
        if name in parsed.bidi_free:
            continue  # no control in the file's bytes, so none in its cells
        lines = parsed.lines[name]
        for col in frame.columns:
            if not (
                pd.api.types.is_object_dtype(frame[col]) or pd.api.types.is_string_dtype(frame[col])
            ):
                continue
            cells = frame[col].dropna()
            hits = {v for v in set(cells.tolist()) if isinstance(v, str) and _BIDI.search(v)}
            for i, value in cells[cells.isin(list(hits))].items():
                codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in _BIDI.findall(value)}))
                yield Problem(
                    f"{name}.csv",
                    lines[i],
                    col,
                    visible(value)[:80],
                    f"contains bidirectional control characters ({codes})",
                    WARNING,
                )


RULES = (
    Rule(
        "no_bidi_controls",
        "No cell holds a Unicode bidirectional control character (U+202A–U+202E, "
        "U+2066–U+2069, U+200E, U+200F, U+061C): they can make a figure or a name read "
        "backwards. A warning: the dataset still loads.",
        check_bidi,
        WARNING,
    ),
)
