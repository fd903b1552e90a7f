"""Unicode bidirectional controls: listed once, and shown as a visible mark wherever data is read.

A right-to-left override (U+202E) and its kin make the text after them display reversed, so a
figure or a name can be made to read backwards. The dataset's files keep the bytes they hold
(the validator warns about them); what the dashboard loads shows each control as one U+FFFD,
one character for one, so every passage stays at its offsets.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
SHOWN_AS = "\ufffd"
_BIDI = re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}]")


def show_bidi_controls(text: str) -> str:
    """Each bidirectional control replaced by a visible U+FFFD (same length, same offsets)."""
    return _BIDI.sub(SHOWN_AS, text)


def has_bidi_controls(text: str) -> bool:
    return _BIDI.search(text) is not None


def show_bidi_in_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell passed through show_bidi_controls. Only the distinct
    values are searched (they are few), and a frame without controls is returned as it is."""
    out = None
    for col in frame.columns:
        if not pd.api.types.is_object_dtype(frame[col]):
            continue
        codes, distinct = pd.factorize(frame[col].to_numpy())
        hit = [isinstance(v, str) and has_bidi_controls(v) for v in distinct]
        if not any(hit):
            continue
        shown = np.array(
            [show_bidi_controls(v) if h else v for v, h in zip(distinct, hit, strict=True)],
            dtype=object,
        )
        values = frame[col].to_numpy(copy=True)
        present = codes >= 0
        values[present] = shown[codes[present]]
        out = frame.copy(deep=False) if out is None else out
        out[col] = pd.Series(values, index=frame.index, dtype=object)
    return frame if out is None else out
