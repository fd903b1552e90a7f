"""Which of a sentence's dates is when the event happened and which when the claim was made."""

from __future__ import annotations

import re

from dashboard.ingest.attribution import Attribution
from dashboard.ingest.dates import DateWindow

GAP_WORDS = 2  # "confirmed on November 7", "said late last week": a date this close is the report's


def split_dates(dates: list[DateWindow], a: Attribution, text: str):
    """(event dates, report dates): dates in the attribution clause date the claim."""
    if a.cue_start < 0:
        return dates, []
    if a.kind == "contextual":  # "..., the ministry said on Monday": only a date at the cue
        at_cue = [d for d in dates if d.offset >= a.cue_end and _near(text[a.cue_end : d.offset])]
        return [d for d in dates if d not in at_cue], at_cue
    first = min(m.start for m in a.claimants)
    last = max(m.end for m in a.claimants)
    event, report = [], []
    for d in dates:
        before_claimant = d.end_offset <= first and a.cue_start > first
        between = last <= d.offset and d.end_offset <= a.cue_start
        after_cue = d.offset >= a.cue_end and _near(text[a.cue_end : d.offset])
        (report if before_claimant or between or after_cue else event).append(d)
    return event, report


def _near(gap: str) -> bool:
    return len(gap.split()) <= GAP_WORDS and not re.search(r"\bthat\b", gap)


def fill_windows(row: dict, by: list[str], event_dates, report_dates, kind: str, prev_rows) -> None:
    """Write the row's date and report_date windows (the first of each); a carried-over claimant
    carries its report window with it. year_inferred when any year came from the publication."""
    inferred = False
    for prefix, windows in (("date", event_dates), ("report_date", report_dates)):
        w = windows[0] if windows else None
        if w is None and prefix == "report_date" and kind == "contextual" and prev_rows:
            prev = prev_rows[0]
            for key in ("start", "end", "precision", "text"):
                row[f"report_date_{key}"] = prev[f"report_date_{key}"]
            inferred = inferred or prev["year_inferred"] == "true"
            if prev["report_date_text"]:
                by.append("report_date: carried over with the claimant (dates rule: contextual)")
            continue
        row[f"{prefix}_start"] = w.start.isoformat() if w and w.start else ""
        row[f"{prefix}_end"] = w.end.isoformat() if w and w.end else ""
        row[f"{prefix}_precision"] = w.precision if w else "unknown"
        row[f"{prefix}_text"] = w.text if w else ""
        if w:
            inferred = inferred or w.year_inferred
            by.append(f"{prefix}: {w.explain()}")
    row["year_inferred"] = "true" if inferred else "false"
