"""The analyses behind Overview, Equipment, Figure history and Sources, timed in one process:
the vectorised functions (dashboard/views) against the row-by-row ones they replaced
(tests/views_before), interleaved run by run so the machine's noise falls on both alike.

`python -m bench.analyses DIR RUNS [--new-only]` prints JSON: for each page, the seconds of the
analyses a filter change recomputes (the date range narrowed by one more day each run), new
and old, and the one-off per-dataset tables the new ones take rows from (once per version).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import timedelta

from dashboard.data.dataset import load_dataset
from dashboard.views import corroboration, history, responses, tallies
from dashboard.views import filters as flt


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def per_dataset(ds) -> tuple[dict, dict]:
    """The tables made once per dataset version, and how long each took."""
    took, made = {}, {}
    for name, fn in (
        ("transfer_rows", lambda: tallies.transfer_rows(ds)),
        ("point_rows", lambda: history.point_rows(ds, made["transfer_rows"])),
        ("answer_pairs", lambda: responses.answer_pairs(ds)),
        (
            "contested_rows",
            lambda: responses.contested_rows(ds, responses.answered_words(made["answer_pairs"])),
        ),
        ("claim_rows", lambda: corroboration.claim_rows(ds)),
    ):
        started = time.perf_counter()
        made[name] = fn()
        took[name] = time.perf_counter() - started
    return made, took


def new_pages(view, ds, made: dict) -> dict:
    """What each page recomputes after a filter change, the new way."""
    t, p = made["transfer_rows"], made["point_rows"]

    def equipment():
        q = tallies.quantity_rows(view, ds, t)
        history.related_groups(view, ds, t).listed(50)
        tallies.tally_rows(q, "system")

    def figure_history():
        points = history.figure_points(view, ds, p)
        history.system_history(view, ds, history.systems(points)[0], p)

    return {
        "overview": lambda: (
            tallies.overview_metrics(view, ds, t),
            responses.contested(view, ds, made["contested_rows"]),
        ),
        "equipment": equipment,
        "history": figure_history,
        "sources": lambda: (
            tallies.claims_matrix(view, ds),
            responses.answers_table(view, ds, made["answer_pairs"]),
            corroboration.corroboration(view, ds, made["claim_rows"]),
        ),
    }


def old_pages(view, ds) -> dict:
    """The same, row by row, as the pages computed it before (tests/views_before)."""
    from tests.views_before import corroboration as old_corroboration
    from tests.views_before import history as old_history
    from tests.views_before import tallies as old_tallies

    def equipment():
        q = old_tallies.quantity_rows(view, ds)
        old_history.related_groups(view, ds)
        old_tallies.tally_rows(q, "system")

    def figure_history():
        points = old_history.figure_points(view, ds)
        old_history.system_history(view, ds, old_history.systems(points)[0])

    return {
        "overview": lambda: (
            old_tallies.overview_metrics(view, ds),
            old_tallies.contested(view, ds),
        ),
        "equipment": equipment,
        "history": figure_history,
        "sources": lambda: (
            old_tallies.claims_matrix(view, ds),
            old_tallies.answers_table(view, ds),
            old_corroboration.corroboration(view, ds),
        ),
    }


def run(folder: str, runs: int, old: bool) -> dict:
    ds = load_dataset(folder)
    links = flt.actor_links(ds)
    made, took = per_dataset(ds)
    start, end = flt.date_span(ds)
    out: dict = {"events": len(ds.events), "per_dataset_s": took, "filters_s": []}
    pages: dict = {}
    for shift in range(1, runs + 1):
        lo, hi = start + timedelta(days=shift // 2), end - timedelta(days=shift - shift // 2)
        started = time.perf_counter()
        view = flt.apply_filters(ds, flt.Filters(start=lo, end=hi), links)
        out["filters_s"].append(time.perf_counter() - started)
        new = new_pages(view, ds, made)
        before = old_pages(view, ds) if old else {}
        for page, fn in new.items():
            times = pages.setdefault(page, {"new_s": [], "old_s": []})
            times["new_s"].append(_timed(fn))
            if old:
                times["old_s"].append(_timed(before[page]))
    out["pages"] = pages
    return out


if __name__ == "__main__":
    print(
        "BENCH-JSON " + json.dumps(run(sys.argv[1], int(sys.argv[2]), "--new-only" not in sys.argv))
    )
