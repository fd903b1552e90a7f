"""Parse str cells into typed columns by the codebook, then run the pandera checks lazily."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.data.csvfile import RawTable
from dashboard.data.problems import Problem
from dashboard.schema import LIST_SEPARATOR, Field, Table

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera (about 0.1 s to import) is imported by the functions that build and run a schema:
# a dataset read back from the validated cache (web/validated.py), and the views, which import
# split_ids from here, never need it.

TRUE_FALSE = {"true": True, "false": False}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch  # not 2024-1-5
_DIGITS = re.compile(r"-?[0-9]+").fullmatch  # not 45.0, not 1e3
# Dates outside this window are typos (0000-01-01, 9999-12-31), and pages cannot draw them.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
OUT_OF_RANGE = f"date outside {EARLIEST}..{LATEST}"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
TOO_LARGE = "whole number outside the 64-bit range (-2**63..2**63-1)"


def parse_column(raw: pd.Series, f: Field) -> tuple[pd.Series, pd.Series, str | pd.Series]:
    """Parse one column of str cells; return (typed values, mask of unparseable cells, message:
    one for all, or one per cell where a column has several ways to fail)."""
    cells = raw.to_numpy()  # plain loops over it: several times faster than .str on objects
    # A cell of blanks is as empty as an empty one.
    empty = pd.Series([not v or v.isspace() for v in cells], index=raw.index, dtype=bool)
    if f.type == "date":
        return parse_dates(raw, cells, empty)
    if f.type == "integer":
        return parse_integers(raw, cells, empty)
    if f.type == "number":
        num = pd.to_numeric(raw.where(~empty), errors="coerce").astype("float64")
        bad = (num.isna() | np.isinf(num)) & ~empty  # "inf" is no measurement
        return num.where(~bad), bad, "not a number"
    if f.type == "boolean":
        typed = raw.map(TRUE_FALSE)
        return typed, typed.isna() & ~empty, "not true or false"
    return raw.where(~empty, None), pd.Series(False, index=raw.index), ""


def parse_dates(raw: pd.Series, cells, empty: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    iso = pd.Series([_ISO_DATE(v) is not None for v in cells], index=raw.index, dtype=bool)
    typed = pd.to_datetime(raw.where(iso), format="%Y-%m-%d", errors="coerce")
    unreal = typed.isna() & ~empty
    outside = ~((typed >= pd.Timestamp(EARLIEST)) & (typed <= pd.Timestamp(LATEST))) & typed.notna()
    message = pd.Series("not a real YYYY-MM-DD date", index=raw.index).where(~outside, OUT_OF_RANGE)
    return typed.where(~outside), unreal | outside, message


def parse_integers(
    raw: pd.Series, cells, empty: pd.Series
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Whole numbers, exact (no float on the way: 2**53 + 1 stays itself), within 64 bits."""
    values, messages = [], []
    for v, blank in zip(cells, empty.to_numpy(), strict=True):
        n = int(v) if not blank and _DIGITS(v) else None
        ok = n is not None and INT64_MIN <= n <= INT64_MAX
        values.append(n if ok else None)
        messages.append("" if ok or blank else TOO_LARGE if n is not None else "not a whole number")
    message = pd.Series(messages, index=raw.index, dtype=object)
    return pd.Series(pd.array(values, dtype="Int64"), index=raw.index), message != "", message


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    import pandera.pandas as pa

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
    import pandera.pandas as pa

    typed = pd.DataFrame(index=raw.frame.index)
    lines = raw.lines
    for f in table.fields:
        values, bad, message = parse_column(raw.frame[f.name], f)
        for i in bad[bad].index:
            text = message if isinstance(message, str) else message[i]
            problems.append(Problem(name, lines[i], f.name, raw.frame.at[i, f.name], text))
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


def split_ids(value: object) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
