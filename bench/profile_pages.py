"""Where a page's script run spends its time after a filter change, profiled inside AppTest.

`python -m bench.profile_pages DIR PAGES [RUNS]` loads the dataset in DIR once, then for each
page (URL paths, comma-separated: `equipment,sources`) narrows the date range RUNS times as
bench.scripts does and profiles the last run with yappi (AppTest runs the script in a thread
of its own, which cProfile does not see; CPU clock, so other processes' load counts little).
It prints each run's seconds and the page's top functions by cumulative time, and writes
`bench/profiles/<page>.pstat` for `python -m pstats`.
"""

from __future__ import annotations

import io
import os
import pstats
import sys
import time
from datetime import timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "profiles"


def main(folder: str, pages: list[str], runs: int) -> None:
    import yappi
    from streamlit.testing.v1 import AppTest

    from dashboard.pages import ENTRY, page_by_url

    os.environ["DASHBOARD_DATA_DIR"] = folder
    at = AppTest.from_file(str(ENTRY), default_timeout=1800)
    started = time.perf_counter()
    at.run()
    print(f"load {time.perf_counter() - started:.1f} s", flush=True)
    start, end = at.sidebar.date_input(key="dates").value
    shift = 0
    yappi.set_clock_type("cpu")
    OUT.mkdir(exist_ok=True)
    for page in pages:
        at.switch_page(page_by_url(page).script)
        at.run()  # the first run of a page imports it
        times = []
        for i in range(runs):
            shift += 1  # the window closes in a day at a time, from either end in turn
            lo, hi = start + timedelta(days=shift // 2), end - timedelta(days=shift - shift // 2)
            at.sidebar.date_input(key="dates").set_value((lo, hi))
            if i == runs - 1:
                yappi.clear_stats()
                yappi.start()
            started = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - started)
        yappi.stop()
        print(f"== {page}: {', '.join(f'{t:.3f}' for t in times)} s (the last one profiled)")
        path = OUT / f"{page}.pstat"
        yappi.get_func_stats().save(str(path), type="pstat")
        text = io.StringIO()
        pstats.Stats(str(path), stream=text).sort_stats("cumulative").print_stats(40)
        print(text.getvalue(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]) if len(sys.argv) > 3 else 2)
