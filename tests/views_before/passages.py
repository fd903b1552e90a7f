"""The reader's segments and inner starts as they were before they were compared as arrays
(dashboard/views/tallies.py and dashboard/builders/passages.py at 165c6b3), kept verbatim as
the oracle for tests/test_vectorised.py."""

from __future__ import annotations

import pandas as pd


def reader_segments(text: str, passages: pd.DataFrame) -> list[tuple[str, list[int]]]:
    """Cut the text at every passage boundary: (segment, indexes of the passages covering it)."""
    cuts = {0, len(text)}
    for start, end in zip(passages["passage_start"], passages["passage_end"], strict=True):
        cuts.update((int(start), int(end)))
    bounds = sorted(cuts)
    segments = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        covering = [
            i
            for i, (start, end) in enumerate(
                zip(passages["passage_start"], passages["passage_end"], strict=True)
            )
            if start <= a and b <= end
        ]
        segments.append((text[a:b], covering))
    return segments


def _inner_starts(passages: pd.DataFrame) -> dict[int, list[int]]:
    """Offsets where a passage begins inside another passage, and which ones begin there."""
    spans = list(
        zip(passages["passage_start"].astype(int), passages["passage_end"].astype(int), strict=True)
    )
    out: dict[int, list[int]] = {}
    for i, (start, _) in enumerate(spans):
        if any(s < start < e for j, (s, e) in enumerate(spans) if j != i):
            out.setdefault(start, []).append(i)
    return out
