"""Make data safe to show as Markdown: every ASCII punctuation mark is backslash-escaped.

CommonMark lets any ASCII punctuation be escaped, so no data value can open a link, an image
(a tracking beacon), HTML, a LaTeX span ($), a colour directive (:red[…]) or an emoji code.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def md(value: object) -> str:
    """A data value as inert Markdown text, on one line."""
    if value is None:
        return ""
    text = _LINE_BREAKS.sub(" ", str(value))
    return _PUNCTUATION.sub(r"\\\1", text)
