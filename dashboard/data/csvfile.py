"""Decode a CSV file strictly and split it into str cells, each record with its CSV line.

The CSVs are split with Python's csv module rather than pandas.read_csv: it reports ragged
rows instead of silently shifting or dropping a field, and it tells each record's first CSV
line, so every problem names the line a person sees in an editor.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.data.problems import Problem
from dashboard.schema import Table

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # a line and its own line end
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class RawTable:
    frame: pd.DataFrame  # every cell a str ("" when empty), original column names
    lines: list[int]  # CSV line on which each record starts
    ragged: list[list[str]] = field(default_factory=list)  # rows reported and left out


def decode_text(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    """Strict UTF-8 (a byte-order mark is accepted and dropped); NUL bytes and empty files refused."""
    if not raw.strip():
        problems.append(Problem(name, 0, "", "", "file is empty"))
        return None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.append(Problem(name, line, "", "", "contains a NUL byte"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = f"0x{raw[err.start]:02x}"
        problems.append(Problem(name, line, "", byte, "file is not UTF-8"))
        return None


def _lines(text: str):
    """The lines of `text` with their ends, split as io.StringIO(text, newline="") splits them
    (at CR LF, LF or a lone CR) but without the copy it makes at four bytes a character."""
    if text.count("\r") != text.count("\r\n"):  # a lone CR ends a line: rare, and slower
        yield from (m.group() for m in _LINE.finditer(text))
        return
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def split_csv(text: str, name: str, problems: list[Problem]) -> RawTable | None:
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        problems.append(Problem(name, 1, "", "", f"cannot read the header: {err}"))
        return None
    rows, lines, ragged, prev = [], [], [], reader.line_num
    width = len(header)
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            if not any(row):  # an empty line, or a row of empty fields
                continue
            if len(row) != width:
                problems.append(
                    Problem(name, start, "", "", f"row has {len(row)} fields, header has {width}")
                )
                ragged.append(row)
                continue
            rows.append(tuple(row))  # tuples of str leave the garbage collector's care: 3x faster
            lines.append(start)
    except csv.Error as err:
        problems.append(Problem(name, reader.line_num, "", "", f"malformed CSV: {err}"))
        return None
    frame = pd.DataFrame(rows, columns=range(width), dtype=object)
    frame.columns = header
    return RawTable(frame, lines, ragged)


def check_header(raw: RawTable, table: Table, name: str, problems: list[Problem]) -> bool:
    header = list(raw.frame.columns)
    ok = True
    for col in sorted({c for c in header if header.count(c) > 1}):
        problems.append(Problem(name, 1, col, "", "duplicate column"))
        ok = False
    for col in table.columns:
        if col not in header:
            problems.append(Problem(name, 1, col, "", "missing column"))
            ok = False
    for col in header:
        if col not in table.columns:
            problems.append(Problem(name, 1, col, "", "unexpected column (not in the codebook)"))
            ok = False
    return ok
