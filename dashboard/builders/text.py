"""Make data safe to show as Markdown: inert punctuation, no autolinks, no hidden reversals.

CommonMark lets any ASCII punctuation be escaped, so no data value can open a link, an image
(a tracking beacon), HTML, a LaTeX span ($), a colour directive (:red[…]) or an emoji code.
Escaping is not enough for GFM's *autolink literals*: Streamlit's Markdown (remark-gfm) finds
`http://…`, `www.…` and `name@host.tld` in the text *after* escapes are resolved, so a bare URL
in a cell would become a live link. A WORD JOINER (U+2060, invisible, zero width) after the
scheme's colon, after `www` and after `@` breaks each of those patterns without changing what
a reader sees.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.data.bidi import show_bidi_controls

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
WORD_JOINER = "\u2060"
# What remark-gfm's autolink-literal transform looks for (case-insensitive): a scheme before
# `//`, `www` before a dot, and the `@` of an e-mail address.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)")


def md(value: object) -> str:
    """A data value as inert Markdown text, on one line."""
    if value is None:
        return ""
    text = _LINE_BREAKS.sub(" ", show_bidi_controls(str(value)))
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, text))


def md_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame for a Markdown-rendering sink (st.table renders every cell as Markdown): each cell
    and each column name through md(), missing cells empty, numbers as their text."""
    out = frame.map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else md(v))
    out.columns = [md(c) for c in frame.columns]
    return out


# A link this app builds to itself: a relative path with a percent-encoded query and an optional
# fragment. No scheme, no blank, no bracket or parenthesis: nothing that can end the Markdown link
# or lead elsewhere.
_OWN_HREF = re.compile(r"^[a-z][a-z0-9_-]*(?:\?[A-Za-z0-9_.~%+=&-]*)?(?:#[a-z0-9-]+)?$")


def link(text: object, href: str) -> str:
    """A Markdown link to one of this app's own pages: the text through md(), the address
    checked against _OWN_HREF (built by the app, never taken from data)."""
    if not _OWN_HREF.match(href):
        raise ValueError(f"not an address inside this app: {href!r}")
    return f"[{md(text)}]({href})"
