"""Passages: each row's passage is verbatim in its seed at its offsets, and a stated figure
stands in its passage."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from dashboard.data.problems import Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip
from dashboard.schema import TABLES


def check_passages(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    for name, frame in parsed.tables.items():
        table, lines = TABLES[name], parsed.lines[name]
        if "passage" not in table.columns:
            continue
        # An empty, unparseable or negative offset is reported already: only the search is left.
        unsure = {
            line
            for file, line, col in skip
            if file == table.path and col in ("passage_start", "passage_end")
        }
        rows = zip(
            frame.index,
            frame["article_id"],
            frame["passage"],
            frame["passage_start"].tolist(),
            frame["passage_end"].tolist(),
            strict=True,
        )
        for i, article, passage, start, end in rows:
            text = parsed.seeds.get(article)
            if text is None or not isinstance(passage, str):
                continue  # missing seed or empty passage is reported elsewhere
            offsets = start is not pd.NA and end is not pd.NA and lines[i] not in unsure
            if offsets and text[start:end] == passage:
                continue  # verbatim at its offsets, known without searching the text
            if passage not in text:
                yield Problem(
                    table.path, lines[i], "passage", passage[:60], "not verbatim in the seed"
                )
            elif offsets:
                found = text.index(passage)
                yield Problem(
                    table.path,
                    lines[i],
                    "passage_start",
                    f"{start}-{end}",
                    f"offsets do not match the passage (it is at {found}-{found + len(passage)})",
                )


def check_stated_figure(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (transfers := parsed.tables.get("transfers")) is None:
        return
    lines = parsed.lines["transfers"]
    rows = transfers[["quantity_as_stated", "passage"]].dropna()
    for i, stated, passage in rows.itertuples():
        if stated not in passage:
            yield Problem(
                "transfers.csv",
                lines[i],
                "quantity_as_stated",
                stated,
                "not word for word in the row's passage",
            )


RULES = (
    Rule(
        "passage_verbatim",
        "A row's `passage` is verbatim in its seed text, at `passage_start`..`passage_end`.",
        check_passages,
    ),
    Rule(
        "stated_figure_in_passage",
        'A transfer\'s `quantity_as_stated` stands word for word in its `passage` ("nearly 50" '
        'stays "nearly 50").',
        check_stated_figure,
    ),
)
