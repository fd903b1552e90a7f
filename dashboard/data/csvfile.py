"""Decode a CSV file strictly and split it into str cells, each record with its CSV line.

The CSVs are split with Python's csv module rather than pandas.read_csv: it reports ragged
rows instead of silently shifting or dropping a field, and it tells each record's first CSV
line, so every problem names the line a person sees in an editor.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, islice
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.data.plaincsv import header_is_plain, split_plain
from dashboard.data.problems import MAX_PER_KIND, Problem, Problems
from dashboard.schema import Table

CHUNK = 50_000  # records split per step
# A million synthetic events make a 416 MB events.csv (bench/synth.py), and that must load.
MAX_FILE_BYTES = 512 * 1024 * 1024
# Ids on ragged rows are remembered so that references to them are no fault; past this many
# the file is too broken for that, and references into it are not checked at all.
MAX_RAGGED_KEYS = 10_000


@dataclass
class RawTable:
    frame: pd.DataFrame  # every cell a str ("" when empty), original column names
    lines: list[int]  # CSV line on which each record starts
    ragged_keys: set[str] | None  # ids on rows reported and left out; None: too many to keep


def read_inside(folder: Path, filename: str, name: str, problems: list[Problem]) -> bytes | None:
    """The bytes of folder/filename, or None with a problem named `name`: a missing file, a
    symbolic link or anything resolving outside the folder (a link to /etc/passwd must not
    show on a page), a file too large or unreadable."""
    path = folder / filename
    if path.is_symlink():
        problems.append(Problem(name, 0, "", "", "is a symbolic link: refused"))
        return None
    if not path.exists():
        problems.append(Problem(name, 0, "", "", "file not found"))
        return None
    if path.resolve().parent != folder.resolve():
        problems.append(Problem(name, 0, "", "", "resolves outside its folder: refused"))
        return None
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except OSError as err:
        problems.append(Problem(name, 0, "", "", f"cannot be read: {err.strerror or err}"))
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(name, 0, "", "", "not a regular file"))
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.append(
                Problem(name, 0, "", "", f"file is larger than {MAX_FILE_BYTES // 2**20} MB")
            )
            return None
        try:
            return fh.read()
        except OSError as err:
            problems.append(Problem(name, 0, "", "", f"cannot be read: {err.strerror or err}"))
            return None


def utf16_or_32(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the bytes look like that encoding (by its byte-order mark, or
    by NUL bytes in every other byte as ASCII text has in UTF-16), else None."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = raw[:4096]
    if len(sample) < 8:
        return None
    for odd in (sample[1::2], sample[0::2]):
        if odd.count(0) >= 0.9 * len(odd):
            return "UTF-32" if sample.count(0) >= 0.7 * len(sample) else "UTF-16"
    return None


def decode_text(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    """Strict UTF-8 (a byte-order mark is accepted and dropped); NUL bytes and empty files refused."""
    if not raw.strip():
        problems.append(Problem(name, 0, "", "", "file is empty"))
        return None
    if encoding := utf16_or_32(raw):
        problems.append(
            Problem(name, 0, "", "", f"file is {encoding}, not UTF-8: save it as UTF-8")
        )
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


def _line_breaks(row: list[str]) -> int:
    """Line breaks inside a record's quoted fields (CR LF, LF or a lone CR each count once)."""
    return sum(f.count("\n") + f.count("\r") - f.count("\r\n") for f in row)


def _stream(text: str | bytes) -> io.TextIOWrapper:
    """Lines read in C, split at CR LF, LF or a lone CR, ends kept (what csv wants). A str is
    encoded once rather than wrapped in StringIO, which copies at four bytes a character."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline="")


def split_csv(
    text: str | bytes, name: str, problems: list[Problem], key: str | None = None
) -> RawTable | None:
    """Split into records; a ragged record is reported (the first MAX_PER_KIND of them, then
    counted) and left out, and only its `key` cell is kept. Records are taken CHUNK at a time
    so that the csv module's C loop does the work: 50 MB of short ragged rows (13 million)
    take seconds, not minutes (tests/test_hostile_data.py)."""
    if isinstance(text, bytes) and header_is_plain(text):
        return _from_plain(text, name, problems, key)
    reader = csv.reader(_stream(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        problems.append(Problem(name, 1, "", "", f"cannot read the header: {err}"))
        return None
    width = len(header)
    pk = header.index(key) if key in header else None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    ragged_keys: set[str] | None = set()
    n_ragged, first_ragged, prev = 0, None, reader.line_num
    try:
        while chunk := list(islice(reader, CHUNK)):
            if reader.line_num - prev == len(chunk):  # no record spans lines: the usual case
                starts = range(prev + 1, prev + 1 + len(chunk))
            else:
                starts = list(
                    accumulate((1 + _line_breaks(r) for r in chunk[:-1]), initial=prev + 1)
                )
            prev = reader.line_num
            sizes = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
            filled = np.fromiter(map(any, chunk), dtype=bool, count=len(chunk))  # not blank
            if (sizes == width).all() and filled.all():
                rows.extend(map(tuple, chunk))  # tuples of str leave the garbage collector's care
                lines.extend(starts)
                continue
            for i in np.flatnonzero((sizes == width) & filled):
                rows.append(tuple(chunk[i]))
                lines.append(starts[i])
            bad = np.flatnonzero((sizes != width) & filled)
            for i in bad[: max(0, MAX_PER_KIND - n_ragged)]:
                p = Problem(
                    name, starts[i], "", "", f"row has {sizes[i]} fields, header has {width}"
                )
                problems.append(p)
                first_ragged = first_ragged or p
            n_ragged += len(bad)
            if n_ragged > MAX_RAGGED_KEYS:
                ragged_keys = None
            elif ragged_keys is not None and pk is not None:
                ragged_keys.update(chunk[i][pk] for i in bad if sizes[i] > pk)
    except csv.Error as err:
        problems.append(Problem(name, reader.line_num, "", "", f"malformed CSV: {err}"))
        return None
    if n_ragged > MAX_PER_KIND and isinstance(problems, Problems):
        problems.count_more(first_ragged, n_ragged - MAX_PER_KIND)
    frame = pd.DataFrame(rows, columns=range(width), dtype=object)
    frame.columns = header
    return RawTable(frame, lines, ragged_keys)


def _from_plain(
    data: bytes, name: str, problems: list[Problem], key: str | None
) -> RawTable | None:
    """split_csv by blocks (plaincsv.py): quote-free blocks by numpy, the others by the csv
    module; the same table, problems and counts as the csv module alone."""
    out = split_plain(data, key, MAX_PER_KIND, MAX_RAGGED_KEYS + 1)
    if out.error:
        problems.append(Problem(name, out.error[0], "", "", out.error[1]))
        return None
    width = len(out.header)
    for line, n, _ in out.ragged[:MAX_PER_KIND]:
        problems.append(Problem(name, line, "", "", f"row has {n} fields, header has {width}"))
    if out.n_ragged > MAX_PER_KIND and isinstance(problems, Problems):
        line, n, _ = out.ragged[0]
        first = Problem(name, line, "", "", f"row has {n} fields, header has {width}")
        problems.count_more(first, out.n_ragged - MAX_PER_KIND)
    keys = None if out.n_ragged > MAX_RAGGED_KEYS else {k for *_, k in out.ragged if k is not None}
    frame = pd.DataFrame(out.rows, columns=range(width), dtype=object)
    frame.columns = out.header
    return RawTable(frame, out.lines, keys)


def check_header(raw: RawTable, table: Table, name: str, problems: list[Problem]) -> bool:
    """Duplicate, missing and unexpected columns; linear in the header's width."""
    header = list(raw.frame.columns)
    counts = Counter(header)
    expected = set(table.columns)
    ok = True
    for col in sorted(c for c, n in counts.items() if n > 1):
        problems.append(Problem(name, 1, col, "", "duplicate column"))
        ok = False
    for col in table.columns:
        if col not in counts:
            problems.append(Problem(name, 1, col, "", "missing column"))
            ok = False
    for col in header:
        if col not in expected:
            problems.append(Problem(name, 1, col, "", "unexpected column (not in the codebook)"))
            ok = False
    return ok
