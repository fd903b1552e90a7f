"""Relations drafted from the ingestion assistant's marks: an accepted draft row marked
`same as <id>` or `differs from <id>` becomes a relation row (relations.csv) when it is merged,
with the mark and its rule as the basis and the curator who accepted it. No streamlit here."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from dashboard.data.parsing import split_ids
from dashboard.schema import TABLES

MARK = re.compile(r"^(same as|differs from)\s+([a-z0-9]+(?:[-_][a-z0-9]+)*)$")
KINDS = {"same as": "same_as", "differs from": "differs"}
SET_BY = "ingest draft, accepted by {curator}"


def _rule_words(drafted_by: object) -> str:
    """The drafted_by entry that explains the relation_hint, if the assistant wrote one."""
    if not isinstance(drafted_by, str):
        return ""
    return next(
        (p.strip() for p in drafted_by.split(" | ") if p.strip().startswith("relation_hint")), ""
    )


def relations_from_marks(tables: dict[str, pd.DataFrame], curator: str, today: date) -> list[dict]:
    """One relation per `same as` / `differs from` mark on the given draft rows (events and
    transfers, already chosen: the accepted ones). `alias of` marks are the curator's to act on."""
    out = []
    for name in ("events", "transfers"):
        rows = tables.get(name)
        if rows is None or "relation_hint" not in rows:
            continue
        key = TABLES[name].primary_key
        for row_id, hint, drafted_by in zip(
            rows[key],
            rows["relation_hint"],
            rows.get("drafted_by", pd.Series([""] * len(rows), index=rows.index)),
            strict=True,
        ):
            marks = [m for m in split_ids(hint) if MARK.match(m)]
            for n, mark in enumerate(marks, 1):
                words, target = MARK.match(mark).groups()
                rule = _rule_words(drafted_by)
                out.append(
                    {
                        "relation_id": f"{row_id}-r{n}",
                        "from_row_id": row_id,
                        "to_row_id": target,
                        "kind": KINDS[words],
                        "basis": f"the ingestion assistant marked {row_id} '{mark}'"
                        + (f" ({rule})" if rule else ""),
                        "set_by": SET_BY.format(curator=curator),
                        "set_on": today.isoformat(),
                    }
                )
    return out
