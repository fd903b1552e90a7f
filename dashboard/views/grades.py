"""Source grading (the Admiralty / NATO system): reliability A–F per claimant actor, credibility
1–6 per row. Both optional: a missing grade is "ungraded", never F or 6 (those are grades a
curator gives when a source or a report cannot be judged)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.schema import (
    CREDIBILITY_GRADES,
    CREDIBILITY_MEANINGS,
    RELIABILITY_GRADES,
    RELIABILITY_MEANINGS,
)

UNGRADED = "ungraded"
# The thresholds a filter offers: "B or better" keeps A and B. F and 6 say "cannot be judged":
# they are no better than any grade, so no threshold keeps them.
RELIABILITY_THRESHOLDS = RELIABILITY_GRADES[:-1]
CREDIBILITY_THRESHOLDS = CREDIBILITY_GRADES[:-1]
SCALE_HELP = (
    "Admiralty (NATO) grading, set by a curator with a basis and a date. Source reliability "
    "(of the claimant): "
    + "; ".join(f"{g} {m.split(':')[0]}" for g, m in RELIABILITY_MEANINGS.items())
    + ". Information credibility (of the row): "
    + "; ".join(f"{g} {m.split(':')[0]}" for g, m in CREDIBILITY_MEANINGS.items())
    + ". Written as B3. A choice here leaves out ungraded rows and F and 6 (they cannot be "
    "judged); no choice keeps every row. Ungraded is shown as “ungraded”, never as F or 6."
)


def _table(frame: pd.DataFrame | None, key: str, grade: str) -> dict[str, str]:
    if frame is None or frame.empty:
        return {}
    return dict(zip(frame[key], frame[grade], strict=True))


def reliability_of(ds: Dataset) -> dict[str, str]:
    """actor_id -> A..F for every graded actor."""
    return _table(ds.reliability, "actor_id", "reliability")


def credibility_of(ds: Dataset) -> dict[str, str]:
    """row id (event or transfer) -> 1..6 for every graded row."""
    return _table(ds.credibility, "row_id", "credibility")


def transfer_credibility(transfers: pd.DataFrame, ds: Dataset) -> pd.Series:
    """Each transfer's own grade, else its event's; missing where neither is graded."""
    graded = credibility_of(ds)
    own = transfers["transfer_id"].map(graded)
    return own.where(own.notna(), transfers["event_id"].map(graded))


def passing(grades: tuple[str, ...], threshold: str) -> set[str]:
    """The grades at or better than the threshold ('B' -> {'A', 'B'})."""
    return set(grades[: grades.index(threshold) + 1])


def grade_label(reliability: object, credibility: object) -> str:
    """'B3' as analysts write it; the ungraded half said in words, never shown as F or 6."""
    r = reliability if isinstance(reliability, str) and reliability else None
    c = credibility if isinstance(credibility, str) and credibility else None
    if r and c:
        return f"{r}{c}"
    if r:
        return f"{r} / ungraded"
    if c:
        return f"ungraded / {c}"
    return UNGRADED


def _graded(values: pd.Series) -> pd.Series:
    """The grade where it is a non-empty text, else "" (what grade_label treats as ungraded)."""
    values = pd.Series(values, copy=False).astype(object)
    text = values.map(type).eq(str) & values.fillna("").astype(str).ne("")
    return values.where(text, "").astype(object)


def grade_labels(claimants: pd.Series, credibility: pd.Series, ds: Dataset) -> list[str]:
    """grade_label for each row, from its claimant and its credibility grade (vectorised)."""
    r = _graded(claimants.map(reliability_of(ds))).to_numpy(dtype=object)
    c = _graded(credibility).to_numpy(dtype=object)
    has_r, has_c = r != "", c != ""
    labels = np.where(
        has_r & has_c,
        r + c,
        np.where(has_r, r + " / ungraded", np.where(has_c, "ungraded / " + c, UNGRADED)),
    )
    return labels.tolist()


def grades_table(ds: Dataset) -> pd.DataFrame:
    """Every grade with its basis and date, for the sources page."""
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    frames = []
    if ds.reliability is not None and not ds.reliability.empty:
        r = ds.reliability
        frames.append(
            pd.DataFrame(
                {
                    "graded": r["actor_id"].map(names),
                    "scale": "reliability",
                    "grade": r["reliability"],
                    "basis": r["basis"],
                    "graded_by": r["graded_by"],
                    "graded_on": r["graded_on"],
                }
            )
        )
    if ds.credibility is not None and not ds.credibility.empty:
        c = ds.credibility
        frames.append(
            pd.DataFrame(
                {
                    "graded": c["row_id"],
                    "scale": "credibility",
                    "grade": c["credibility"],
                    "basis": c["basis"],
                    "graded_by": c["graded_by"],
                    "graded_on": c["graded_on"],
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=["graded", "scale", "grade", "basis", "graded_by", "graded_on"])
    return pd.concat(frames, ignore_index=True)
