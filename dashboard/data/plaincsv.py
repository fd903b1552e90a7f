"""Split a CSV's bytes block by block: a block without a quote at numpy speed, the others
with the csv module.

A quote-free block has one record per line, and a record's fields are its commas plus one,
so ragged rows are found by counting bytes without building a Python list per row. A hostile
file of 13 million short ragged lines, alone or appended to a real quoted file, is then counted
in seconds (tests/test_hostile_data.py) instead of the minute the csv module needs for it.
Blocks end at a newline outside any quoted field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import numpy as np

BLOCK = 4 * 1024 * 1024  # bytes scanned per step: bounded memory whatever the file's size
NEWLINE, COMMA, CR = 10, 44, 13
BOM = b"\xef\xbb\xbf"


def is_plain(data: bytes) -> bool:
    """No quote, and every CR is part of a CR LF: one record is exactly one line."""
    return b'"' not in data and data.count(b"\r") == data.count(b"\r\n")


def header_is_plain(data: bytes) -> bool:
    """The header line is plain, so the blocks after it can be split one by one."""
    end = data.find(b"\n")
    return is_plain(data[: len(data) if end == -1 else end + 1])


@dataclass
class PlainSplit:
    header: list[str]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    ragged: list[tuple[int, int, str | None]] = field(default_factory=list)  # line, fields, key
    n_ragged: int = 0
    error: tuple[int, str] | None = None  # (line, message) of malformed CSV in a quoted block


def _cells(line: bytes) -> list[str]:
    return line.rstrip(b"\r\n").decode("utf-8").split(",")


def _between(mask: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of mask's True values lie in each [start, end)."""
    total = np.zeros(len(mask) + 1, dtype=np.int32)
    np.cumsum(mask, dtype=np.int32, out=total[1:])
    return total[ends] - total[starts]


def _block_end(data: bytes, pos: int) -> int:
    """One past the newline that ends the block starting at pos: about BLOCK bytes on, and
    never inside a quoted field (an even number of quotes before it). Quotes are counted
    once each, so an unclosed quote costs one pass to the end, not one per line."""
    end, quotes = pos, 0
    while True:
        nl = data.find(b"\n", min(max(end + 1, pos + BLOCK), len(data)) - 1)
        new_end = len(data) if nl == -1 else nl + 1
        quotes += data.count(b'"', end, new_end)
        end = new_end
        if end == len(data) or quotes % 2 == 0:
            return end


def _quoted_block(
    chunk: bytes, line_no: int, width: int, pk: int | None, keep: int, out: PlainSplit
) -> int:
    """Split one block with the csv module; return the line after it."""
    reader = csv.reader(
        io.TextIOWrapper(io.BytesIO(chunk), encoding="utf-8", newline=""), strict=True
    )
    prev = 0
    try:
        for record in reader:
            start, prev = line_no + prev, reader.line_num
            if not any(record):
                continue
            if len(record) == width:
                out.rows.append(tuple(record))
                out.lines.append(start)
                continue
            if len(out.ragged) < keep:
                cell = record[pk] if pk is not None and pk < len(record) else None
                out.ragged.append((start, len(record), cell))
            out.n_ragged += 1
    except csv.Error as err:
        out.error = (line_no + reader.line_num - 1, f"malformed CSV: {err}")
    return line_no + reader.line_num


def split_plain(data: bytes, key: str | None, keep_ragged: int, keep_keys: int) -> PlainSplit:
    """Header, rows of the header's width with their lines, and of the ragged lines the first
    `keep_ragged` (line, number of fields) and the ids of the first `keep_keys`, plus a count."""
    data = data.removeprefix(BOM)
    first = data.find(b"\n")
    first = len(data) if first == -1 else first + 1
    out = PlainSplit(_cells(data[:first]))
    width = len(out.header)
    pk = out.header.index(key) if key in out.header else None
    pos, line_no = first, 2
    keep = max(keep_ragged, keep_keys)
    while pos < len(data):
        end = _block_end(data, pos)
        if not is_plain(data[pos:end]):  # quotes here: the csv module splits this block
            line_no = _quoted_block(data[pos:end], line_no, width, pk, keep, out)
            if out.error:
                return out
            pos = end
            continue
        block = np.frombuffer(data, dtype=np.uint8, count=end - pos, offset=pos)
        ends = np.flatnonzero(block == NEWLINE) + 1  # one past each line's newline
        if not len(ends) or ends[-1] != len(block):
            ends = np.append(ends, len(block))  # a last line without a newline
        starts = np.concatenate(([0], ends[:-1]))
        commas = _between(block == COMMA, starts, ends)
        breaks = _between((block == NEWLINE) | (block == CR), starts, ends)
        filled = (ends - starts) - commas - breaks > 0  # a line of only commas is blank
        fields = commas + 1
        for i in np.flatnonzero((fields == width) & filled):
            out.rows.append(tuple(_cells(data[pos + starts[i] : pos + ends[i]])))
            out.lines.append(line_no + int(i))
        bad = np.flatnonzero((fields != width) & filled)
        for i in bad[: max(0, keep - len(out.ragged))]:
            cells = _cells(data[pos + starts[i] : pos + ends[i]])
            cell = cells[pk] if pk is not None and pk < len(cells) else None
            out.ragged.append((line_no + int(i), int(fields[i]), cell))
        out.n_ragged += len(bad)
        line_no += len(ends)
        pos = end
    return out
