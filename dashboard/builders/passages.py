"""The article reader's text as inert Markdown (dashboard.builders.text.md only) and a passage's
citation for copying. No streamlit here.

Marks: the chosen passage orange and bold; the other passages on a faint grey background while
one is chosen (blue when none is); where two passages overlap, violet, and a passage that
begins inside another one shows where it begins (⟨n); each passage's number [n] after it, a
link (dashboard.builders.text.link) when the reader gives one, the chosen one in bold.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard.builders.text import link, md
from dashboard.views import tallies


def _wrap(line: str, opening: str, closing: str) -> str:
    """Markup around the words only: '** x**' is not bold, so blanks stay outside the marks."""
    core = line.strip()
    if not core:
        return md(line)
    lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
    return f"{md(lead)}{opening}{md(core)}{closing}{md(trail)}"


def _inner_starts(passages: pd.DataFrame) -> dict[int, list[int]]:
    """Offsets where a passage begins inside another passage, and which ones begin there."""
    start = passages["passage_start"].to_numpy(dtype=np.int64)
    end = passages["passage_end"].to_numpy(dtype=np.int64)
    inside = (start[None, :] < start[:, None]) & (start[:, None] < end[None, :])  # [i, j]
    np.fill_diagonal(inside, False)
    out: dict[int, list[int]] = {}
    for i in np.flatnonzero(inside.any(axis=1)).tolist():
        out.setdefault(int(start[i]), []).append(i)
    return out


def _marker(i: int, focus: int | None, href: Callable[[int], str] | None) -> str:
    """Passage i's number after it: '[3]', a link to mark it when `href` gives one."""
    if href is None:
        return f" :gray[\\[{i + 1}\\]]"
    marker = link(f"[{i + 1}]", href(i))
    return f" **{marker}**" if i == focus else f" {marker}"


def marked_text(
    text: str,
    passages: pd.DataFrame,
    focus: int | None,
    href: Callable[[int], str] | None = None,
) -> str:
    """The text as Markdown with every cited passage marked (see the module's docstring);
    `href(i)` is the address that marks passage i, for markers one can click."""
    out = []
    ends: dict[int, list[int]] = {}
    for i, e in enumerate(passages["passage_end"]):
        ends.setdefault(int(e), []).append(i)
    starts = _inner_starts(passages)
    other = ":gray-background[" if focus is not None else ":blue-background["
    position = 0
    for segment, covering in tallies.reader_segments(text, passages):
        for i in starts.get(position, []):
            out.append(f":gray[⟨{i + 1}] ")
        for k, line in enumerate(segment.split("\n")):
            if k:
                out.append("\n\n")
            if not line:
                continue
            if focus is not None and focus in covering:
                out.append(_wrap(line, ":orange-background[**", "**]"))
            elif len(covering) > 1:
                out.append(_wrap(line, ":violet-background[", "]"))
            elif covering:
                out.append(_wrap(line, other, "]"))
            else:
                out.append(md(line))
        position += len(segment)
        for i in ends.get(position, []):
            out.append(_marker(i, focus, href))
    return "".join(out)


def paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around text[start:end], cut into (before, passage, after)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    return text[first:start], text[start:end], text[end:last]


def in_context(text: str, start: int, end: int) -> str:
    """The passage inside its paragraph, as Markdown: the passage orange and bold."""
    before, passage, after = paragraph(text, start, end)
    return md(before) + _wrap(passage, ":orange-background[**", "**]") + md(after)


def citation(
    passage: str, meta: dict, n: int, start: int, end: int, rows: str, version: str
) -> str:
    """Plain text to paste: the passage in quotes, the article, where in it, and the rows."""
    published = str(meta.get("date_published") or "date not known")[:10]
    if meta.get("date_published_inferred"):
        published += " (inferred)"
    return (
        f"“{passage}”\n"
        f"— {meta.get('publisher', '')}, “{meta.get('title', '')}”, {published}"
        f"{', ' + meta['url'] if meta.get('url') else ''}.\n"
        f"Passage [{n}], characters {start}–{end} of seed {meta.get('article_id', '')}; "
        f"supports rows {rows}. Dataset version {version}."
    )
