"""What a row rule is: a name, a one-line description for the codebook, and its check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd

from dashboard.data.problems import ERROR, Problem
from dashboard.data.reading import Parsed

Skip = set[tuple[str, int, str]]  # (file, line, column) of every cell that failed to parse
Check = Callable[[Parsed, Skip], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    check: Check
    severity: str = ERROR


def shown(value: object) -> str:
    """A typed cell as the CSV shows it: dates as YYYY-MM-DD, nothing as ''."""
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def flag(
    parsed: Parsed,
    name: str,
    mask: pd.Series,
    column: str,
    values: pd.Series,
    message: str,
    skip: Skip,
    cols: Iterable[str] = (),
) -> Iterator[Problem]:
    """A problem on every row of table `name` where `mask` holds, unless one of `cols` (or
    `column`) on that row failed to parse: that is the problem to fix first."""
    path, lines = f"{name}.csv", parsed.lines[name]
    unparsed = skipped_lines(skip, path, {column, *cols})
    for i in mask[mask.fillna(False).astype(bool)].index:
        if lines[i] not in unparsed:
            yield Problem(path, lines[i], column, shown(values[i]), message)


def skipped_lines(skip: Skip, path: str, cols: Iterable[str]) -> set[int]:
    """The lines of `path` where one of `cols` failed to parse (one pass over skip, rather
    than a lookup per row and column)."""
    cols = set(cols)
    return {line for file, line, col in skip if file == path and col in cols}
