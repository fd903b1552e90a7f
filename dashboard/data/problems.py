"""What a validator reports: one Problem per fault (file, line, column, value, message), errors
apart from warnings, and a cap on how many of one kind are kept."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ERROR, WARNING = "error", "warning"
# The first problems of each kind in a file are kept; the rest are counted. A broken 50 MB file
# has millions of faults of one kind, and its first few say what to fix.
MAX_PER_KIND = 50
_NUMBER = re.compile(r"\d+")
MORE = "… and "  # how a count line's message starts


@dataclass(frozen=True, order=True)
class Problem:
    """An error stops the dataset from loading; a warning is shown and loading goes on."""

    file: str
    line: int
    column: str
    value: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        col = f" [{self.column}]" if self.column else ""
        val = f" (value: {self.value!r})" if self.value != "" else ""
        tag = "warning: " if self.severity == WARNING else ""
        return f"{where}{col} {tag}{self.message}{val}"

    @property
    def is_error(self) -> bool:
        return self.severity != WARNING


def kind_of(p: Problem) -> tuple[str, str, str, str]:
    """Problems of one kind share file, message (numbers aside), severity and, for a cell in a
    row, its column: a header's 100,000 unexpected columns are one kind, not 100,000."""
    column = p.column if p.line > 1 else ""
    return p.file, column, _NUMBER.sub("#", p.message), p.severity


class Problems(list):
    """A list of problems that keeps the first MAX_PER_KIND of each kind and counts the rest,
    so memory stays bounded however broken a file is."""

    def __init__(self, limit: int = MAX_PER_KIND):
        super().__init__()
        self.limit = limit
        self.seen: Counter = Counter()
        self.example: dict[tuple, Problem] = {}

    def append(self, p: Problem) -> None:
        kind = kind_of(p)
        self.seen[kind] += 1
        if self.seen[kind] <= self.limit:
            self.example.setdefault(kind, p)
            super().append(p)

    def extend(self, problems) -> None:
        for p in problems:
            self.append(p)

    def __iadd__(self, problems):
        self.extend(problems)
        return self

    def count_more(self, p: Problem, n: int) -> None:
        """Count n more problems of p's kind that the caller found but did not build."""
        if n > 0:
            self.seen[kind_of(p)] += n
            self.example.setdefault(kind_of(p), p)

    def count_lines(self) -> list[Problem]:
        """One line per kind that was cut short, saying how many more there were."""
        out = []
        for kind, n in sorted(self.seen.items()):
            if n > self.limit:
                first = self.example[kind]
                out.append(
                    Problem(
                        first.file,
                        0,
                        kind[1],
                        "",
                        f"{MORE}{n - self.limit:,} more like “{first.message}” (not listed)",
                        first.severity,
                    )
                )
        return out


def is_count_line(p: Problem) -> bool:
    return p.line == 0 and p.message.startswith(MORE)


def finish(problems: list[Problem]) -> list[Problem]:
    """Sorted distinct problems; after them, when some kinds were cut short, their count lines."""
    if isinstance(problems, Problems):
        return sorted(set(problems)) + problems.count_lines()
    counts = [p for p in problems if is_count_line(p)]
    return sorted({p for p in problems if not is_count_line(p)}) + list(dict.fromkeys(counts))


class DatasetInvalid(Exception):
    """The folder failed validation; `problems` holds every problem found (warnings too)."""

    def __init__(self, folder: Path, problems: list[Problem]):
        self.folder = folder
        self.problems = finish(problems)
        errors = sum(p.is_error for p in self.problems)
        super().__init__(f"{errors} problem(s) in {folder}")


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a dataset from loading (warnings left out)."""
    return [p for p in problems if p.is_error]


def tally(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings), counting what each count line stands for."""
    totals = {ERROR: 0, WARNING: 0}
    for p in problems:
        n = int(p.message[len(MORE) :].split(" ", 1)[0].replace(",", "")) if is_count_line(p) else 1
        totals[WARNING if not p.is_error else ERROR] += n
    return totals[ERROR], totals[WARNING]
