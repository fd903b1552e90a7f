"""Checks that span columns, tables and seeds: references, date windows, verbatim passages."""

from __future__ import annotations

import pandas as pd

from dashboard.data.parsing import split_ids
from dashboard.data.problems import Problem
from dashboard.data.reading import Parsed
from dashboard.schema import DATED_PRECISIONS, TABLES


def check_references(parsed: Parsed) -> list[Problem]:
    problems = []
    keys = {
        name: set(frame[TABLES[name].primary_key].dropna()) | parsed.ragged_keys.get(name, set())
        for name, frame in parsed.tables.items()
    }
    for name, frame in parsed.tables.items():
        table, lines = TABLES[name], parsed.lines[name]
        for f in table.fields:
            if f.name == "article_id":
                known, target = set(parsed.seeds) | parsed.seed_ids, "seeds"
            elif f.ref:
                if f.ref not in keys:
                    continue  # that table failed to load and is reported already
                known, target = keys[f.ref], f"{f.ref}.csv"
            else:
                continue
            values = frame[f.name].dropna()
            missing = {}  # each distinct cell once: rows are many, distinct cells are few
            for value in set(values.tolist()):
                items = split_ids(value) if f.type == "id_list" else [value]
                if unknown := [item for item in items if item not in known]:
                    missing[value] = unknown
            for i, value in values[values.isin(list(missing))].items():
                for item in missing[value]:
                    problems.append(
                        Problem(table.path, lines[i], f.name, item, f"no such id in {target}")
                    )
    return problems


def check_windows(parsed: Parsed, skip: set[tuple[str, int, str]]) -> list[Problem]:
    problems = []
    for name, frame in parsed.tables.items():
        table, lines = TABLES[name], parsed.lines[name]
        for prefix in table.windows:
            cols = [f"{prefix}_start", f"{prefix}_end", f"{prefix}_precision"]
            start, end = frame[f"{prefix}_start"], frame[f"{prefix}_end"]
            precision = frame[f"{prefix}_precision"]
            rules = [
                (end < start, f"{prefix}_end", end, "ends before its start"),
                (start.isna() != end.isna(), f"{prefix}_start", start, "set start and end both"),
                (
                    (precision == "unknown") & start.notna(),
                    f"{prefix}_precision",
                    precision,
                    "precision unknown but a date is given",
                ),
                (
                    precision.isin(DATED_PRECISIONS) & start.isna(),
                    f"{prefix}_precision",
                    precision,
                    "precision given but no date",
                ),
                (
                    (precision == "day") & (end > start),  # end < start is reported above
                    f"{prefix}_end",
                    end,
                    "a day-precise window must start and end on the same day",
                ),
            ]
            for mask, col, values, message in rules:
                for i in mask[mask.fillna(False)].index:
                    if any((table.path, lines[i], c) in skip for c in cols):
                        continue  # a cell of this window failed to parse; that is the problem to fix
                    shown = values[i]
                    shown = "" if pd.isna(shown) else str(shown)[:10]
                    problems.append(Problem(table.path, lines[i], col, shown, message))
    return problems


def check_passages(parsed: Parsed, skip: set[tuple[str, int, str]]) -> list[Problem]:
    problems = []
    for name, frame in parsed.tables.items():
        table, lines = TABLES[name], parsed.lines[name]
        if "passage" not in table.columns:
            continue
        # An empty, unparseable or negative offset is reported already: only the search is left.
        unsure = {line for file, line, col in skip
                  if file == table.path and col in ("passage_start", "passage_end")}  # fmt: skip
        rows = zip(frame.index, frame["article_id"], frame["passage"],
                   frame["passage_start"].tolist(), frame["passage_end"].tolist(), strict=True)  # fmt: skip
        for i, article, passage, start, end in rows:
            text = parsed.seeds.get(article)
            if text is None or not isinstance(passage, str):
                continue  # missing seed or empty passage is reported elsewhere
            offsets = start is not pd.NA and end is not pd.NA and lines[i] not in unsure
            if offsets and text[start:end] == passage:
                continue  # verbatim at its offsets, known without searching the text
            if passage not in text:
                problems.append(
                    Problem(
                        table.path, lines[i], "passage", passage[:60], "not verbatim in the seed"
                    )
                )
            elif offsets:
                found = text.index(passage)
                problems.append(
                    Problem(
                        table.path,
                        lines[i],
                        "passage_start",
                        f"{start}-{end}",
                        f"offsets do not match the passage (it is at {found}-{found + len(passage)})",
                    )
                )
    return problems


def check_all(parsed: Parsed) -> list[Problem]:
    """Every cross-column problem, beside the parse problems already in `parsed`."""
    skip = {(p.file, p.line, p.column) for p in parsed.problems}
    return [
        *check_references(parsed),
        *check_windows(parsed, skip),
        *check_passages(parsed, skip),
    ]
