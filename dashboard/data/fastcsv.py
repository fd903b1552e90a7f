"""The fast path for a well-formed table: Arrow's CSV reader splits it, each distinct cell is
parsed once, and the result is the frame the exact path (csvfile.split_csv, then
parsing.check_table) gives for the same bytes.

It is taken only when the bytes prove the file is one the two readers split alike, and only
when nothing in it would be reported: quoting by the book (a quote opens a field or doubles
inside one), no lone CR, no blank or empty rows, no ragged rows, strict UTF-8 without a NUL,
a header naming each column once, and every cell parsing and passing its column's checks.
Anything else returns None and the exact path reads the file, so every fault keeps its
file, line, column and message (tests/test_fastcsv.py compares the two on clean and hostile
files). The parsers and pandera checks are the exact path's own, run on the distinct values
of a column (a date column of 250,000 cells holds a few hundred), so the two cannot drift.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from dashboard.data.csvfile import utf16_or_32
from dashboard.data.parsing import pandera_schema, parse_column
from dashboard.data.plaincsv import BOM
from dashboard.schema import Field, Table

if TYPE_CHECKING:
    import pandera.pandas as pa  # imported where a file is checked (see parsing.py)

QUOTE, COMMA, NEWLINE, CR = 34, 44, 10, 13
_BOUNDARY = np.array([False] * 256)
_BOUNDARY[[COMMA, NEWLINE, CR]] = True
_WHOLE_NUMBER = r"^-?[0-9]{1,18}$"  # within 64 bits whatever the digits
SCAN = 16 * 1024 * 1024  # bytes compared at a time: bounded memory whatever the file's size
# A cell str.isspace() may call blank starts with one of these (parsing.parse_column).
SPACES = (  # every character for which str.isspace() holds (tests/test_fastcsv.py checks)
    "\x09\x0a\x0b\x0c\x0d\x1c\x1d\x1e\x1f\x20\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
MAY_BE_BLANK = "^(?:$|[" + "".join(f"\\x{{{ord(c):x}}}" for c in SPACES) + "])"
SAMPLE = 10_000  # cells looked at to tell an id or passage column from a column of few values


def positions(buf: np.ndarray, byte: int) -> np.ndarray:
    """Offsets of `byte` in buf, scanned a block at a time: no mask as large as the file."""
    found = [np.flatnonzero(buf[i : i + SCAN] == byte) + i for i in range(0, len(buf), SCAN)]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)


def quoting_is_plain(buf: np.ndarray, quotes: np.ndarray) -> bool:
    """Every quote opens a field, closes one or doubles inside one (RFC 4180): then the csv
    module and Arrow split alike. A quote inside an unquoted field (`ab"c`), text after a
    closing quote (`"ab"c`) or an unclosed quote is left to the exact path."""
    if len(quotes) % 2:
        return False
    if not len(quotes):
        return True
    opens, closes = quotes[0::2], quotes[1::2]
    doubled = opens[1:] == closes[:-1] + 1  # "a""b": a close, then at once an open
    before = buf[np.maximum(opens - 1, 0)]
    open_ok = (opens == 0) | _BOUNDARY[before]
    open_ok[1:] |= doubled
    after = buf[np.minimum(closes + 1, len(buf) - 1)]
    close_ok = (closes == len(buf) - 1) | _BOUNDARY[after]
    close_ok[:-1] |= doubled
    return bool(open_ok.all() and close_ok.all())


def record_lines(data: bytes, quotes: np.ndarray, n_rows: int) -> list[int] | None:
    """The CSV line each of n_rows records starts on, when the newlines outside quoted fields
    end exactly the header and those records (no blank line, which Arrow skips); else None."""
    unended = 0 if data.endswith(b"\n") else 1
    if data.count(b"\n") + unended == n_rows + 1:
        return list(range(2, n_rows + 2))  # one line per record: the usual case
    newlines = positions(np.frombuffer(data, dtype=np.uint8), NEWLINE)
    ends = np.flatnonzero(np.searchsorted(quotes, newlines) % 2 == 0)  # among all newlines
    if len(ends) + unended != n_rows + 1:
        return None
    return (ends[:n_rows] + 2).tolist()


def has_bidi_bytes(buf: np.ndarray) -> bool:
    """Whether the UTF-8 bytes hold a bidirectional control (bidi.BIDI_CONTROLS): U+061C is
    D8 9C; U+200E, U+200F and U+202A..U+202E are E2 80 xx; U+2066..U+2069 are E2 81 A6..A9."""
    lead = positions(buf[:-2], 0xE2)
    second, third = buf[lead + 1], buf[lead + 2]
    marks = (third == 0x8E) | (third == 0x8F) | ((third >= 0xAA) & (third <= 0xAE))
    isolates = (second == 0x81) & (third >= 0xA6) & (third <= 0xA9)
    if ((second == 0x80) & marks).any() or isolates.any():
        return True
    arabic = positions(buf[:-1], 0xD8)
    return bool((buf[arabic + 1] == 0x9C).any())


def arrow_table(data: bytes, header: list[str]) -> pyarrow.Table | None:
    """Every cell a string exactly as written (no nulls, no type guessing); None when Arrow
    refuses the file: a ragged row, or bytes that are not strict UTF-8 (Arrow's check rejects
    what Python's decoder rejects: overlong forms, surrogates, truncated sequences; tested)."""
    try:
        return pcsv.read_csv(
            pyarrow.py_buffer(data),
            read_options=pcsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pyarrow.string() for name in header},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pyarrow.ArrowInvalid, pyarrow.ArrowNotImplementedError):
        return None


def typed_column(cells: pyarrow.ChunkedArray, f: Field, column: pa.Column) -> pd.Series | None:
    """The column as parse_column types it, or None when a cell fails to parse or a check."""
    cells = cells.combine_chunks()
    if (
        f.type == "integer"
        and pc.all(
            pc.or_(
                pc.equal(pc.binary_length(cells), 0), pc.match_substring_regex(cells, _WHOLE_NUMBER)
            )
        ).as_py()
    ):
        blank = pc.equal(pc.binary_length(cells), 0)
        ints = pc.cast(pc.if_else(blank, pyarrow.scalar(None, pyarrow.string()), cells), "int64")
        numbers = pc.fill_null(ints, 0).to_numpy(zero_copy_only=False)
        values = pd.Series(pd.arrays.IntegerArray(numbers, blank.to_numpy(zero_copy_only=False)))
        distinct = values.drop_duplicates()
    elif f.type in ("string", "id_list") and _mostly_distinct(cells):
        # Passages and ids: each cell its own value, so no table of distinct values to build.
        raw = pd.Series(cells.to_numpy(zero_copy_only=False), dtype=object)
        if pc.any(pc.match_substring_regex(cells, MAY_BE_BLANK)).as_py():
            values = parse_column(raw, f)[0]  # blank cells become None; text cannot fail
        else:
            values = raw  # what parse_column gives when no cell is blank
        distinct = values
    else:
        encoded = pc.dictionary_encode(cells)
        raw = pd.Series(encoded.dictionary.to_pylist(), dtype=object)
        distinct, bad, _ = parse_column(raw, f)
        if bad.any():
            return None
        values = distinct.take(encoded.indices.to_numpy()).reset_index(drop=True)
    if not passes(distinct, column):
        return None
    return values


def passes(distinct: pd.Series, column: pa.Column) -> bool:
    """The column's pandera checks, nullability among them, on its distinct values: each check
    looks at one cell at a time, so they hold on the column exactly when they hold here."""
    import pandera.pandas as pa

    checks = [c for c in column.checks if c.name != "str_matches"]
    present = distinct.dropna()  # a check ignores missing values, as pandera's do
    for check in column.checks:  # pandera's str.match, without pandas' cost per cell
        pattern = check.statistics.get("pattern") if check.name == "str_matches" else None
        if pattern and not all(map(re.compile(pattern).match, present)):
            return False
    schema = pa.SeriesSchema(checks=checks, nullable=column.nullable)
    try:
        schema.validate(distinct, lazy=False)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors):
        return False
    return True


def _mostly_distinct(cells: pyarrow.Array) -> bool:
    sample = cells.slice(0, SAMPLE)
    return len(sample) > 0 and len(pc.unique(sample)) > len(sample) // 2


@dataclass
class FastTable:
    frame: pd.DataFrame  # as parsing.check_table types it
    lines: list[int]  # CSV line on which each record starts
    bidi: bool  # whether any cell may hold a bidirectional control (rules/text.py looks)


def fast_table(data: bytes, table: Table) -> FastTable | None:
    """The typed frame and each record's first CSV line, as the exact path gives them for a
    file with no problem at all; None when the exact path must read the file."""
    data = data.removeprefix(BOM)
    if not data or data.isspace() or utf16_or_32(data) or b"\x00" in data:
        return None
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # a lone CR ends a line for the csv module: counted there
    buf = np.frombuffer(data, dtype=np.uint8)
    quotes = positions(buf, QUOTE)
    if not quoting_is_plain(buf, quotes):
        return None
    header = _header(data, quotes)
    if header is None or sorted(header) != sorted(table.columns):
        return None  # a header to report: the exact path does
    cells = arrow_table(data, header)
    if cells is None or cells.num_rows == 0 or _doubtful_rows(cells):
        return None  # no rows: the exact path is quick for those
    lines = record_lines(data, quotes, cells.num_rows)
    if lines is None:
        return None
    schema = pandera_schema(table)
    frame = pd.DataFrame(index=pd.RangeIndex(cells.num_rows))
    for f in table.fields:
        # Distinct cells are distinct ids (a blank one fails as empty anyway).
        is_key = f.name == table.primary_key
        if (
            is_key
            and f.type == "string"
            and pc.count_distinct(cells.column(f.name)).as_py() != len(frame)
        ):
            return None
        values = typed_column(cells.column(f.name), f, schema.columns[f.name])
        if values is None:
            return None
        if f.name == table.primary_key and f.type != "string" and values.duplicated().any():
            return None
        frame[f.name] = values  # column by column, as check_table does: no copy into a block
        cells = cells.drop_columns([f.name])  # its memory goes as the frame's grows
    return FastTable(frame, lines, has_bidi_bytes(buf))


def _header(data: bytes, quotes: np.ndarray) -> list[str] | None:
    """The first record's cells (it ends at the first newline outside quotes)."""
    end = 0
    while (end := data.find(b"\n", end) + 1) and np.searchsorted(quotes, end) % 2:
        pass
    try:
        text = data[: end or len(data)].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return next(csv.reader(io.StringIO(text)), None)


def _doubtful_rows(cells: pyarrow.Table) -> bool:
    """A record of only empty fields (",,,") is skipped by the csv module, kept by Arrow; a
    cell longer than the csv module's field limit is an error there, not in Arrow."""
    empty = None
    for column in cells.columns:
        size = pc.binary_length(column)
        if (pc.max(size).as_py() or 0) > csv.field_size_limit():
            return True
        blank = pc.equal(size, 0)
        empty = blank if empty is None else pc.and_(empty, blank)
    return empty is not None and pc.any(empty).as_py()
