"""Transfers: bounds follow the stated figure by the rule in quantities.py, and a transfer says
what its event says about who claims it and when."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from dashboard.data.problems import Problem
from dashboard.data.quantities import QUALIFIERS, quantity_bounds
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip, shown, skipped_lines
from dashboard.data.rules.windows import window_broken

QUANTITY = ("quantity_as_stated", "quantity_qualifier", "quantity_low", "quantity_high")
UNREADABLE = "cannot read a figure: a number (1,000 or 1000), alone or after one of: " + ", ".join(
    QUALIFIERS
)
FROM_EVENT = ("claimant_actor_id", "report_date_start", "report_date_end", "report_date_precision")


def _value(v: object) -> object:
    return None if v is None or v is pd.NA or (not isinstance(v, str) and pd.isna(v)) else v


def check_bounds(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (transfers := parsed.tables.get("transfers")) is None:
        return
    lines = parsed.lines["transfers"]
    unparsed = skipped_lines(skip, "transfers.csv", QUANTITY)
    found: dict[tuple, list[tuple[str, str, str]]] = {}  # rows are many, distinct figures few
    for i, *cells in transfers[list(QUANTITY)].itertuples():
        if lines[i] in unparsed:
            continue
        key = tuple(map(_value, cells))
        if key not in found:
            found[key] = list(_bounds_problems(*key))
        for col, value, message in found[key]:
            yield Problem("transfers.csv", lines[i], col, value, message)


def _bounds_problems(stated, qualifier, low, high) -> Iterator[tuple[str, str, str]]:
    """(column, value, message) for each bound that does not follow the stated figure."""
    stated = stated or ""
    try:
        expected = quantity_bounds(stated)
    except ValueError:
        yield "quantity_as_stated", stated, UNREADABLE
        return
    source = f"the stated figure {stated!r}" if stated else "an empty quantity_as_stated"
    for col, got, want in zip(QUANTITY[1:], (qualifier, low, high), expected, strict=True):
        if got != want:
            gives = "no bound" if want is None else str(want)
            yield col, shown(got), f"{source} gives {gives}"


def check_low_high(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    if (transfers := parsed.tables.get("transfers")) is None:
        return
    lines = parsed.lines["transfers"]
    low, high = transfers["quantity_low"], transfers["quantity_high"]
    above = (low > high).fillna(False).astype(bool)
    for i in above[above].index:
        yield Problem(
            "transfers.csv",
            lines[i],
            "quantity_low",
            str(low[i]),
            f"above quantity_high ({high[i]})",
        )


def check_matches_event(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    transfers, events = parsed.tables.get("transfers"), parsed.tables.get("events")
    if transfers is None or events is None:
        return
    t_lines, e_lines = parsed.lines["transfers"], parsed.lines["events"]
    needed = ["event_id", *FROM_EVENT]  # not a copy of every column of every event
    by_id = events[needed].assign(
        _line=[e_lines[i] for i in events.index], _broken=window_broken(events, "report_date")
    )
    by_id = by_id.drop_duplicates("event_id").set_index("event_id")
    if by_id.empty:
        return  # every event row failed to load: that is reported already
    at = by_id.index.get_indexer(transfers["event_id"])  # each id looked up once, not per column
    known = pd.Series(at >= 0, index=transfers.index)

    def of_event(col: str) -> pd.Series:
        return pd.Series(by_id[col].array.take(at, allow_fill=True), index=transfers.index)

    # A broken window is reported as such (windows.py), not again as a difference.
    broken = window_broken(transfers, "report_date") | (of_event("_broken") == True)  # noqa: E712
    for col in FROM_EVENT:
        theirs = of_event(col)
        same = (transfers[col] == theirs).fillna(False) | (transfers[col].isna() & theirs.isna())
        if col.startswith("report_date"):
            same |= broken.fillna(False).astype(bool)
        for i in (known & ~same)[known & ~same].index:
            event = transfers.at[i, "event_id"]
            if ("transfers.csv", t_lines[i], col) in skip or (
                "events.csv",
                int(by_id.at[event, "_line"]),
                col,
            ) in skip:
                continue
            message = f"differs from its event {event} ({shown(theirs[i])!r})"
            yield Problem("transfers.csv", t_lines[i], col, shown(transfers.at[i, col]), message)


RULES = (
    Rule(
        "quantity_bounds_follow_figure",
        "`quantity_qualifier`, `quantity_low` and `quantity_high` are what "
        "`dashboard/data/quantities.py` reads from `quantity_as_stated`: a bare figure is exact; "
        "otherwise ± half the unit of its last non-zero digit, 'nearly' keeping the part below "
        "the figure and 'over' everything above it; no figure is `unstated` with no bounds.",
        check_bounds,
    ),
    Rule(
        "quantity_low_not_above_high",
        "`quantity_low` is not above `quantity_high`.",
        check_low_high,
    ),
    Rule(
        "transfer_matches_its_event",
        "A transfer's `claimant_actor_id` and report window (`report_date_start`, "
        "`report_date_end`, `report_date_precision`) are those of its event.",
        check_matches_event,
    ),
)
