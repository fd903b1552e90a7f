"""The server's peak memory when analysts use every page with filters, at one dataset size.

    python -m bench.memory [--size 1000000] [--filters 3]

Starts the app as `make run` does (bench.common.Server, RSS sampled every 50 ms) on the
synthetic dataset of that size, waits in one session for the dataset to load, then, in a
browser session, opens every page bench/browser.py can see drawn with FILTERS different date
ranges in the link (`?dates=…&dates=…`, each a filtered view the server builds and caches),
and reports the peak RSS after the load and after the pages. Hello-world's peak, driven the
same way, is the baseline. Writes bench/memory-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, date, datetime, timedelta

from bench.common import APP, HELLO, REPO, Server, dataset

RESULTS = REPO / "bench" / "memory-results.json"
FIRST_LOAD_S = 900  # a million events load (and may validate) before the first page draws
# bench.synth writes dates from 2023-09-01 to 2025-06-30, most of them in late 2024.
FIRST, LAST = date(2023, 9, 1), date(2025, 6, 30)


def ranges(n: int) -> list[tuple[date, date]]:
    """n date ranges, each narrower than the last by 30 days at both ends."""
    return [
        (FIRST + timedelta(days=30 * i), LAST - timedelta(days=30 * i)) for i in range(1, n + 1)
    ]


def page_url(server: Server, path: str, dates: tuple[date, date]) -> str:
    base = server.url + path.rstrip("/")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}dates={dates[0].isoformat()}&dates={dates[1].isoformat()}"


def measure(size: str, filters: int) -> dict:
    from playwright.sync_api import sync_playwright

    from bench import browser

    out: dict = {}
    with sync_playwright() as p:
        chromium = browser.launch(p)
        with Server(HELLO) as server:
            page = chromium.new_page()
            page.goto(server.url)
            browser.wait_drawn(page, "hello")
            page.close()
            out["hello_peak_rss_bytes"] = server.peak_rss
        with Server(APP, dataset(size)) as server:
            started = time.perf_counter()
            page = chromium.new_page()
            page.goto(server.url)
            browser.wait_drawn(page, "overview", FIRST_LOAD_S)
            out["load_s"] = time.perf_counter() - started
            out["after_load_peak_rss_bytes"] = server.peak_rss
            visits = []
            names = [n for n in browser.READY if not n.startswith("hello")]
            for dates in ranges(filters):
                for name in names:
                    path = browser.READY[name][0]
                    page.goto(page_url(server, path, dates))
                    browser.wait_drawn(page, name, FIRST_LOAD_S)
                    shown = page.locator(".st-key-filter_line")  # a row's page has none
                    line = shown.first.inner_text() if shown.count() else None
                    visits.append(
                        {
                            "page": name,
                            "dates": [d.isoformat() for d in dates],
                            "line": line,
                            "rss_bytes": server.rss(),
                            "peak_rss_bytes": server.peak_rss,
                        }
                    )
            page.close()
            out["visits"] = visits
            out["peak_rss_bytes"] = server.peak_rss
            out["rss_at_end_bytes"] = server.rss()
        chromium.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.memory", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--size", default="1000000", help="seed or a number of events")
    parser.add_argument("--filters", type=int, default=3, help="date ranges per page (default 3)")
    args = parser.parse_args(argv)
    result = {
        "meta": {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "size": args.size,
            "filters": args.filters,
            "load_average_before": list(os.getloadavg()),
        },
        **measure(args.size, args.filters),
    }
    result["meta"]["load_average_after"] = list(os.getloadavg())
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    gb = 1e9
    print(
        f"size {args.size}: after the load {result['after_load_peak_rss_bytes'] / gb:.2f} GB, "
        f"after {len(result['visits'])} page visits {result['peak_rss_bytes'] / gb:.2f} GB "
        f"(hello-world {result['hello_peak_rss_bytes'] / 1e6:.0f} MB, "
        f"{result['peak_rss_bytes'] / result['hello_peak_rss_bytes']:.1f}×)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
