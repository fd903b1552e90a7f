"""Split an article into paragraphs and sentences, each with its character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence (titles, months, initials are handled
# apart): "Gen. Kim", "Nov. 20", "U.S. officials".
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "no",
        "vs",
        "etc",
        "jr",
        "sr",
        "prof",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "inc",
        "corp",
        "co",
        "ltd",
        "dept",
    ]
)
_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)")
_TERMINAL = re.compile(r"[.!?][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int  # index of the paragraph (a run of lines without a blank line... or a line)
    index: int  # position in the article, from 0
    terminal: bool  # ends with . ! ? (a headline, byline or dateline does not)


def _paragraphs(text: str):
    """(start, end) of every non-blank line: wire copy and saved pages put a paragraph a line."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z]+)\.?$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # "U.S.", "Kim J. Un"
        return True
    return bool(re.search(r"(?:\b[A-Za-z]\.){2,}$", text[: dot + 1]))


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of every paragraph, with text[start:end] == sentence.text."""
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(_paragraphs(text)):
        start = ps
        for m in _END.finditer(text, ps, pe):
            if _is_abbreviation(text, m.start()):
                continue
            nxt = re.match(r"\s+(\S)", text[m.end() : pe])
            if nxt and nxt.group(1).islower():  # "about 5 p.m. on Monday", "e.g. this"
                continue
            _add(out, text, start, m.end(), p)
            start = m.end()
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            _add(out, text, start, pe, p)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    if chunk.strip():
        out.append(Sentence(chunk, start, end, paragraph, len(out), bool(_TERMINAL.search(chunk))))
