"""Server-side script runs of every page, timed with AppTest in a process of their own.

`python -m bench.scripts DIR RUNS [PAGES]` prints JSON: for each page (every page, or the
comma-separated URL paths in PAGES, e.g. `timeline,map,data,row,print`), the seconds of RUNS
runs that follow a filter change (the date range narrowed by a day each time, so nothing cached
for earlier filters can serve it) and of RUNS reruns with the filters unchanged, and the
process's peak RSS (`peak_rss_bytes`: the dataset, its views and the pages' caches).
`python -m bench.scripts hello RUNS` times the hello-world app's button reruns instead.
`python -m bench.scripts curate RUNS` times the Curate page (curation on) on a copy of the
seed dataset with a synthetic article's draft: reruns, and runs after a bulk review click
(the draft changes, so the validator's preview of it is computed again).
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import timedelta

from bench.common import HELLO
from dashboard.pages import ENTRY as APP  # the script each session runs (AppTest runs it)
from dashboard.pages import PAGES as PAGE_SPECS
from dashboard.pages import page_by_url

PAGES = [p.url_path for p in PAGE_SPECS]


def _timed(at) -> float:
    started = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return time.perf_counter() - started


def pages(runs: int, names: list[str] = PAGES) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=1800)  # a million events load first
    load = _timed(at)
    start, end = at.sidebar.date_input(key="dates").value
    out, shift = {"load_s": load}, 0
    for page in names:
        if page != "overview":
            at.switch_page(page_by_url(page).script)
        _timed(at)  # the first run of a page: imports it
        change, same = [], []
        for _ in range(runs):
            shift += 1  # the window closes in a day at a time, from either end in turn
            lo, hi = start + timedelta(days=shift // 2), end - timedelta(days=shift - shift // 2)
            at.sidebar.date_input(key="dates").set_value((lo, hi))
            change.append(_timed(at))
        for _ in range(runs):
            same.append(_timed(at))
        out[page] = {"filter_change_s": change, "rerun_s": same}
    out["peak_rss_bytes"] = peak_rss()
    return out


def peak_rss() -> int:
    """This process's own peak resident set size so far (VmHWM, kilobytes on Linux): not
    ru_maxrss, which a process started by another carries over from its parent's peak."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) * 1024


def hello(runs: int) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(HELLO), default_timeout=60)
    _timed(at)
    times = []
    for _ in range(runs):
        at.button(key="rerun").click()
        times.append(_timed(at))
    return {"hello": {"rerun_s": times}}


def curate(runs: int) -> dict:
    import tempfile
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from tests.curate_fixture import dataset_with_draft

    folder = dataset_with_draft(Path(tempfile.mkdtemp(prefix="bench-curate-")) / "datasets")
    os.environ["DASHBOARD_DATA_DIR"], os.environ["DASHBOARD_CURATE"] = str(folder), "1"
    at = AppTest.from_file(str(APP), default_timeout=300)
    _timed(at)
    at.switch_page(page_by_url("curate").script)
    _timed(at)  # the first run of the page: imports it
    same, edit = [], []
    for _ in range(runs):
        same.append(_timed(at))
    for i in range(runs):
        at.button(key="accept-events" if i % 2 == 0 else "undo-events").click()
        edit.append(_timed(at))
    return {"curate": {"rerun_s": same, "review_click_s": edit}}


if __name__ == "__main__":
    target, runs = sys.argv[1], int(sys.argv[2])
    if target == "hello":
        result = hello(runs)
    elif target == "curate":
        result = curate(runs)
    else:
        os.environ["DASHBOARD_DATA_DIR"] = target
        result = pages(runs, sys.argv[3].split(",") if len(sys.argv) > 3 else PAGES)
    print("BENCH-JSON " + json.dumps(result))
