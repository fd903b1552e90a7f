"""Read the article a curator hands in: strict UTF-8 text, or a saved page's article text."""

from __future__ import annotations

import re
from pathlib import Path

MIN_ARTICLE_WORDS = 20  # fewer words than this from a page is a menu or a notice, not an article


class Refusal(Exception):
    """Why an article is not taken in: one line for the curator."""


def read_article(path: Path) -> str:
    """The article text of a .txt or .html/.htm file; Refusal when there is none."""
    if not path.is_file():
        raise Refusal(f"{path}: file not found")
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm"):
        raise Refusal(f"{path}: not a .txt, .html or .htm file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise Refusal(f"{path}: cannot be read ({err.strerror})") from None
    if b"\x00" in raw:
        raise Refusal(f"{path}: contains a NUL byte; not a text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise Refusal(f"{path}: not UTF-8 (byte 0x{raw[err.start]:02x} on line {line})") from None
    if suffix == ".txt":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise Refusal(f"{path}: the file is empty")
        return text
    return extract_article(text, path)


def extract_article(html: str, path: Path) -> str:
    """The main text of a saved page, offline (trafilatura; no request is made)."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=True
    )
    if not text or len(re.findall(r"\w+", text)) < MIN_ARTICLE_WORDS:
        raise Refusal(f"{path}: no article text could be extracted from the page")
    return text.strip() + "\n"
