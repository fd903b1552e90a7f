"""Where a filter change's milliseconds go in the browser: phases and a CPU profile.

    python -m bench.redraw [--runs N]

Drives the same change as `bench.run --start` (the sidebar's Stance multiselect: "confirms"
+ Enter, then Backspace) on the Timeline at seed size and on hello-world with the same
multiselect and a chart (Streamlit's floor), N changes each, with Chromium's sampling profiler
running from the input to the page settled. Prints the medians of each phase
(bench.browser.phases) and, per app, the main thread's CPU time by where the code came from:
plotly's chunk, Streamlit's other chunks, the browser's own work (garbage collection, style,
layout and paint are "(program)"), and the busiest plotly and Streamlit functions.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from functools import partial
from pathlib import Path

from bench import browser
from bench.common import HELLO, SEED_DATA, Server, median

TOP = 12  # functions listed per app


def _where(url: str) -> str:
    name = Path(url.split("?")[0]).name
    if not url:
        return ""
    if name.startswith("PlotlyChart."):
        return "plotly chunk"
    if re.match(r"index\.[\w-]+\.js$", name):
        return "streamlit index"
    return f"streamlit {name.split('.')[0]}"


def self_times(profile: dict) -> tuple[Counter, Counter]:
    """ms of self time per origin (`_where`, or the profiler's own "(program)", "(garbage
    collector)", "(idle)") and per function (origin: name)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    by_origin, by_function = Counter(), Counter()
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]["callFrame"]
        name = frame["functionName"]
        origin = _where(frame["url"]) or (name if name.startswith("(") else "(built-ins)")
        by_origin[origin] += delta / 1000
        if frame["url"]:
            by_function[f"{origin}: {frame['functionName'] or '(anonymous)'}"] += delta / 1000
    return by_origin, by_function


def profiled_changes(chromium, url: str, ready: str, box_index: int, runs: int) -> tuple:
    """(phases of each change, CPU self time per origin summed, per function summed)."""
    context = chromium.new_context()
    context.add_init_script(browser.PHASES_INIT_JS)
    page = context.new_page()
    watch = browser.Runs(page)
    page.goto(url)
    browser.wait_drawn(page, ready)
    page.wait_for_timeout(500)
    page.evaluate(browser.WATCH_JS, '[data-testid="stPlotlyChart"]')
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(box_index)
    cdp = context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 200})
    origins, functions, out = Counter(), Counter(), []
    field = box.locator("input")
    for i in range(runs):
        field.click()
        if i % 2 == 0:
            page.keyboard.type("confirms")
        cdp.send("Profiler.start")
        key = "Enter" if i % 2 == 0 else "Backspace"
        out.append(browser._measure(page, watch, partial(page.keyboard.press, key)))
        o, f = self_times(cdp.send("Profiler.stop")["profile"])
        origins += o
        functions += f
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    context.close()
    return out, origins, functions


def report(name: str, samples: list[dict], origins: Counter, functions: Counter) -> None:
    n = len(samples)
    print(f"\n## {name}: medians of {n} changes (ms from the input)")
    for key in (
        "request_sent",
        "first_frame",
        "chart_frame",
        "script_finished",
        "first_change",
        "drawn",
        "settled",
        "long_tasks",
        "bytes",
        "frames",
    ):
        values = [s[key] for s in samples if s.get(key) is not None]
        if values:
            print(f"  {key:16} {median(values):9.1f}")
    busy = {k: v for k, v in origins.items() if k != "(idle)"}
    print(f"  CPU per change, by origin (mean ms; idle {origins['(idle)'] / n:.0f} ms left out):")
    for origin, ms in sorted(busy.items(), key=lambda kv: -kv[1]):
        print(f"    {ms / n:8.1f}  {origin}")
    print("  busiest functions (mean ms per change):")
    for fn, ms in functions.most_common(TOP):
        print(f"    {ms / n:8.1f}  {fn}")


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(prog="python -m bench.redraw")
    parser.add_argument("--runs", type=int, default=10, help="changes per app (default 10)")
    args = parser.parse_args(argv)
    with sync_playwright() as p:
        chromium = browser.launch(p)
        with browser.hello_with("multiselect"), Server(HELLO) as server:
            floor = profiled_changes(chromium, server.url, "hello_plotly", 0, args.runs)
        with Server(data=SEED_DATA) as server:
            mine = profiled_changes(chromium, server.url + "/timeline", "timeline", 3, args.runs)
        chromium.close()
    report("hello-world multiselect + chart (floor)", *floor)
    report("timeline (seed)", *mine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
