"""Date windows: start and end agree with each other, with their precision, and with the date
their article was published."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from dashboard.data.problems import Problem
from dashboard.data.reading import Parsed
from dashboard.data.rules.base import Rule, Skip, flag, shown
from dashboard.schema import DATED_PRECISIONS, TABLES

# An expectation ("North Korea could send more troops") may be about a time after the article.
FUTURE_STANCES = frozenset({"expects"})


def windows(parsed: Parsed) -> Iterator[tuple[str, str, pd.DataFrame]]:
    """(table name, prefix, frame) for every date window of every loaded table."""
    for name, frame in parsed.tables.items():
        for prefix in TABLES[name].windows:
            yield name, prefix, frame


def window_rule(test, column: str, message: str):
    """A check of one condition on every window; test(start, end, precision) -> mask."""

    def check(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
        for name, prefix, frame in windows(parsed):
            start, end = frame[f"{prefix}_start"], frame[f"{prefix}_end"]
            precision = frame[f"{prefix}_precision"]
            cols = [f"{prefix}_start", f"{prefix}_end", f"{prefix}_precision"]
            col = f"{prefix}_{column}"
            yield from flag(
                parsed, name, test(start, end, precision), col, frame[col], message, skip, cols
            )

    return check


def publication_dates(parsed: Parsed) -> dict[str, pd.Timestamp]:
    """The last day an article can have been published, by article id: its date, or the end of
    its month or year when the date is given less precisely."""
    out = {}
    articles = parsed.articles if parsed.articles is not None else pd.DataFrame()
    for row in articles.to_dict("records"):
        try:
            day = pd.Timestamp(str(row["date_published"]))
        except (ValueError, TypeError):
            continue  # reported with the seed's metadata
        precision = row.get("date_published_precision")
        if precision in ("month", "part_of_month"):
            day = day + pd.offsets.MonthEnd(0)
        elif precision not in ("day", None) and not pd.isna(precision):
            day = day + pd.offsets.YearEnd(0)
        out[str(row["article_id"])] = day
    return out


def check_publication(parsed: Parsed, skip: Skip) -> Iterator[Problem]:
    published = publication_dates(parsed)
    for name, prefix, frame in windows(parsed):
        path, lines, col = f"{name}.csv", parsed.lines[name], f"{prefix}_start"
        latest = pd.to_datetime(frame["article_id"].map(published))
        after = (frame[col] > latest).fillna(False)
        if prefix == "date" and "stance" in frame.columns:
            after &= ~frame["stance"].isin(FUTURE_STANCES)
        for i in after[after].index:
            if (path, lines[i], col) not in skip:
                day = latest[i].strftime("%Y-%m-%d")
                message = f"after its article's publication date ({day})"
                yield Problem(path, lines[i], col, shown(frame.at[i, col]), message)


# (rule name, description, test(start, end, precision) -> mask, column, message)
WINDOW_TESTS = (
    (
        "window_end_not_before_start",
        "A date window's `*_end` is not before its `*_start`.",
        lambda s, e, p: e < s,
        "end",
        "ends before its start",
    ),
    (
        "window_start_and_end_both",
        "A date window has both a start and an end, or neither.",
        lambda s, e, p: s.isna() != e.isna(),
        "start",
        "set start and end both",
    ),
    (
        "window_unknown_has_no_date",
        "Precision `unknown` goes with an empty window.",
        lambda s, e, p: (p == "unknown") & s.notna(),
        "precision",
        "precision unknown but a date is given",
    ),
    (
        "window_precision_has_date",
        "Precision `day`, `part_of_month` or `month` goes with a window.",
        lambda s, e, p: p.isin(DATED_PRECISIONS) & s.isna(),
        "precision",
        "precision given but no date",
    ),
    # end < start is reported by window_end_not_before_start
    (
        "window_day_is_one_day",
        "A day-precise window starts and ends on the same day.",
        lambda s, e, p: (p == "day") & (e > s),
        "end",
        "a day-precise window must start and end on the same day",
    ),
)


def window_broken(frame: pd.DataFrame, prefix: str) -> pd.Series:
    """Rows whose window fails one of WINDOW_TESTS: rules comparing windows skip them, so a
    broken window is reported once, as what it is."""
    start, end = frame[f"{prefix}_start"], frame[f"{prefix}_end"]
    precision = frame[f"{prefix}_precision"]
    broken = pd.Series(False, index=frame.index)
    for *_, test, _col, _msg in WINDOW_TESTS:
        broken |= test(start, end, precision).fillna(False).astype(bool)
    return broken


RULES = (
    *(
        Rule(name, text, window_rule(test, col, message))
        for name, text, test, col, message in WINDOW_TESTS
    ),
    Rule(
        "window_not_after_publication",
        "A window does not start after its article's publication date (the last day of that "
        "month, or year, when the article's date is less precise than a day). Only an event "
        "window (`date_*`) of a row with stance `expects` may lie in the future; its report "
        "window may not.",
        check_publication,
    ),
)
