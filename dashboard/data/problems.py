"""What a validator reports: one Problem per fault (file, line, column, value, message)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
