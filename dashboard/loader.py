"""Read a dataset folder and its seeds, parse every column, and report every problem at once.

The CSVs are split with Python's csv module rather than pandas.read_csv: it reports ragged
rows instead of silently shifting or dropping a field, and it tells each record's first CSV
line, so every problem names the line a person sees in an editor.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from dashboard.schema import ARTICLE_FIELDS, LIST_SEPARATOR, TABLES, Field, Table

TRUE_FALSE = {"true": True, "false": False}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch  # not 2024-1-5
_DIGITS = re.compile(r"-?[0-9]+").fullmatch  # not 45.0, not 1e3
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # a line and its own line end
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        col = f" [{self.column}]" if self.column else ""
        val = f" (value: {self.value!r})" if self.value != "" else ""
        return f"{where}{col} {self.message}{val}"


class DatasetInvalid(Exception):
    """The folder failed validation; `problems` holds every problem found."""

    def __init__(self, folder: Path, problems: list[Problem]):
        self.folder = folder
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in {folder}")


@dataclass
class RawTable:
    frame: pd.DataFrame  # every cell a str ("" when empty), original column names
    lines: list[int]  # CSV line on which each record starts
    ragged: list[list[str]] = field(default_factory=list)  # rows reported and left out


@dataclass
class Parsed:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    seeds: dict[str, str] = field(default_factory=dict)
    ragged_keys: dict[str, set[str]] = field(default_factory=dict)  # ids on ragged rows
    seed_ids: set[str] = field(default_factory=set)  # every article with metadata, text or not
    articles: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)


def seeds_dir_for(folder: Path) -> Path:
    """A dataset folder keeps its seeds in DIR/seeds, or beside it in DIR/../seeds as in the repo."""
    inside = folder / "seeds"
    return inside if inside.is_dir() else folder.parent / "seeds"


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


def parse_column(raw: pd.Series, f: Field) -> tuple[pd.Series, pd.Series, str]:
    """Parse one column of str cells; return (typed values, mask of unparseable cells, message)."""
    cells = raw.to_numpy()  # plain loops over it: several times faster than .str on objects
    # A cell of blanks is as empty as an empty one.
    empty = pd.Series([not v or v.isspace() for v in cells], index=raw.index, dtype=bool)
    if f.type == "date":
        iso = pd.Series([_ISO_DATE(v) is not None for v in cells], index=raw.index, dtype=bool)
        typed = pd.to_datetime(raw.where(iso), format="%Y-%m-%d", errors="coerce")
        return typed, typed.isna() & ~empty, "not a real YYYY-MM-DD date"
    if f.type in ("integer", "number"):
        num = pd.to_numeric(raw.where(~empty), errors="coerce")
        if f.type == "integer":
            digits = pd.Series([_DIGITS(v) is not None for v in cells], index=raw.index, dtype=bool)
            bad = (num.isna() | ~digits) & ~empty
            typed = num.where(~bad).astype("Int64")
            return typed, bad, "not a whole number"
        return num.astype("float64"), num.isna() & ~empty, "not a number"
    if f.type == "boolean":
        typed = raw.map(TRUE_FALSE)
        return typed, typed.isna() & ~empty, "not true or false"
    return raw.where(~empty, None), pd.Series(False, index=raw.index), ""


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    columns = {}
    for f in table.fields:
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(f.enum, error=f"not one of: {', '.join(f.enum)}"))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern, error=f"does not match {f.pattern}"))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum, error=f"below the minimum {f.minimum:g}"))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum, error=f"above the maximum {f.maximum:g}"))
        columns[f.name] = pa.Column(
            checks=checks,
            nullable=not f.required,
            unique=f.name == table.primary_key,
            required=True,
        )
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def check_table(raw: RawTable, table: Table, name: str, problems: list[Problem]) -> pd.DataFrame:
    """Parse each column first (so one bad cell cannot hide others), then run pandera lazily."""
    typed = pd.DataFrame(index=raw.frame.index)
    lines = raw.lines
    for f in table.fields:
        values, bad, message = parse_column(raw.frame[f.name], f)
        for i in bad[bad].index:
            problems.append(Problem(name, lines[i], f.name, raw.frame.at[i, f.name], message))
        typed[f.name] = values
    try:
        pandera_schema(table).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as err:
        problems.extend(humanise_failures(err.failure_cases, raw, name))
    return typed


def humanise_failures(cases: pd.DataFrame, raw: RawTable, name: str) -> list[Problem]:
    out = []
    for case in cases.itertuples(index=False):
        col = str(case.column) if case.column is not None else ""
        idx = case.index
        if idx is None or pd.isna(idx) or col not in raw.frame.columns:
            continue
        cell = raw.frame.at[int(idx), col]
        check = str(case.check)
        if check == "not_nullable":
            message = "required value is empty"
        elif check == "field_uniqueness":
            message = "duplicate id"
        else:
            message = check
        if message == "required value is empty" and cell.strip() != "":
            continue  # already reported as unparseable
        out.append(Problem(name, raw.lines[int(idx)], col, cell, message))
    return out


def read_seeds(
    folder: Path, problems: list[Problem]
) -> tuple[dict[str, str], pd.DataFrame, set[str]]:
    """Seed texts and metadata; and the ids of every article with metadata, its text readable or not."""
    seeds_dir = seeds_dir_for(folder)
    texts: dict[str, str] = {}
    metas = []
    ids: set[str] = set()
    if not seeds_dir.is_dir():
        problems.append(Problem(str(seeds_dir), 0, "", "", "seeds folder not found"))
        return texts, pd.DataFrame(columns=list(ARTICLE_FIELDS)), ids
    for meta_path in sorted(seeds_dir.glob("*.json")):
        name = f"seeds/{meta_path.name}"
        try:
            meta = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            problems.append(Problem(name, 0, "", "", f"not valid UTF-8 JSON: {err}"))
            ids.add(meta_path.stem)
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(name, 0, "", "", "must hold one JSON object"))
            ids.add(meta_path.stem)
            continue
        for key in ARTICLE_FIELDS:
            if key not in meta:
                problems.append(Problem(name, 0, key, "", "missing field"))
        for key in meta:
            if key not in ARTICLE_FIELDS:
                problems.append(Problem(name, 0, key, "", "unexpected field (not in the codebook)"))
        article_id = str(meta.get("article_id", meta_path.stem))
        if article_id != meta_path.stem:
            problems.append(
                Problem(name, 0, "article_id", article_id, "does not match the file's name")
            )
            article_id = meta_path.stem  # the file names the article; rows are checked against it
        for key in ("date_published", "date_retrieved"):
            if key in meta and not _is_iso_date(meta[key]):
                problems.append(Problem(name, 0, key, str(meta[key]), "not a real YYYY-MM-DD date"))
        ids.add(article_id)  # a missing or unreadable text is reported once, not on every row
        text_path = seeds_dir / f"{article_id}.txt"
        if not text_path.is_file():
            problems.append(Problem(name, 0, "article_id", article_id, "seed text file not found"))
            continue
        raw = text_path.read_bytes()
        if meta.get("sha256") and hashlib.sha256(raw).hexdigest() != meta["sha256"]:
            problems.append(
                Problem(name, 0, "sha256", meta["sha256"], "does not match the seed text's bytes")
            )
        text = decode_text(raw, f"seeds/{text_path.name}", problems)
        if text is not None:
            texts[article_id] = text
            metas.append(meta)
    return texts, pd.DataFrame(metas, columns=list(ARTICLE_FIELDS)), ids


def _is_iso_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def read_folder(folder: Path) -> Parsed:
    out = Parsed()
    out.seeds, out.articles, out.seed_ids = read_seeds(folder, out.problems)
    for table in TABLES.values():
        path = folder / table.path
        if not path.is_file():
            out.problems.append(Problem(table.path, 0, "", "", "file not found"))
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            out.problems.append(Problem(table.path, 0, "", "", "file is larger than 200 MB"))
            continue
        text = decode_text(path.read_bytes(), table.path, out.problems)
        raw = split_csv(text, table.path, out.problems) if text is not None else None
        if raw is None or not check_header(raw, table, table.path, out.problems):
            continue
        out.tables[table.name] = check_table(raw, table, table.path, out.problems)
        out.lines[table.name] = raw.lines
        # A ragged row is reported once; its id still exists, so references to it are no fault.
        pk = list(raw.frame.columns).index(table.primary_key)
        out.ragged_keys[table.name] = {row[pk] for row in raw.ragged if pk < len(row)}
    return out


def split_ids(value: object) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
