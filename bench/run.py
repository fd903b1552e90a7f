"""`make bench`: every figure is the median of RUNS runs beside a baseline measured in the same run.

    python -m bench.run [--quick] [--runs N] [--sizes seed,10000,100000,250000,1000000]

Prints a Markdown table and writes bench/results.json (medians, ratios, targets and every raw
sample). Baselines: a hello-world app (bench/hello.py) started and driven the same way for
cold start, interaction, script run, payload and memory; the real (seed) dataset for validate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import APP, HELLO, REPO, SEED_DATA, Server, dataset, median
from bench.scripts import PAGES

SIZES = ["seed", "10000", "100000", "250000", "1000000"]
RESULTS = REPO / "bench" / "results.json"
START_RESULTS = REPO / "bench" / "start-results.json"
MB = 1e6
# The targets per size (issue 12): a page script, the server's peak RSS, validate, the payload.
SCRIPT_MS = {"seed": 100, "250000": 1000, "1000000": 1000}
RSS_MB = {"250000": 1500, "1000000": 3000}
VALIDATE_S = {"250000": 5, "1000000": 20}
PAYLOAD_KB = {"250000": 2000, "1000000": 2000}
FIRST_LOAD_S = 900  # a million events load (and validate) before the first page draws


def validate_times(folder: Path, runs: int) -> list[float]:
    """Wall time of `python -m dashboard validate DIR` in a fresh process, which must pass."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", "validate", str(folder)],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if done.returncode:
            raise RuntimeError(f"validate failed on {folder}:\n{done.stdout[-2000:]}")
    return times


def script_times(target: str, runs: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.scripts", target, str(runs)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    for line in done.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line.removeprefix("BENCH-JSON "))
    raise RuntimeError(f"bench.scripts {target} failed:\n{done.stderr[-3000:]}")


def start_figures(chromium, runs: int, quick: bool) -> dict:
    """Cold starts (interleaved run by run, so the machine's noise falls on every app alike)
    and filter changes, each beside its hello-world baselines."""
    from bench import browser

    out: dict = {"cold_start_s": {}, "cold_phases_ms": {}}
    cold = [("hello", HELLO, None), ("overview", APP, SEED_DATA)]
    if not quick:
        cold += [("timeline", APP, SEED_DATA), ("map", APP, SEED_DATA)]
        # The same two without the plotly preload (dashboard/web/preload.py): what it saves
        cold += [("timeline:nopreload", APP, SEED_DATA), ("map:nopreload", APP, SEED_DATA)]
        # The Overview with Streamlit's files served by Streamlit (web/static_memory.py off)
        cold += [("overview:nostatic", APP, SEED_DATA)]
        # Streamlit's own floor for a page with a chart or a map: hello-world with one
        cold += [("hello_plotly", HELLO, None)]  # (Map opens on a plotly picture too)
    for _ in range(runs):
        for name, script, data in cold:
            phases = out["cold_phases_ms"].setdefault(name, [])
            seconds = browser.cold_start(chromium, script, name, data, phases)
            out["cold_start_s"].setdefault(name, []).append(seconds)
    out["rerun_ms"] = {
        "hello_button": browser.hello_reruns(chromium, 2 * runs),
        "hello_filter": browser.hello_filter_changes(chromium, 2 * runs),
        "timeline_filter": browser.filter_changes(chromium, SEED_DATA, 2 * runs),
        "timeline_colour": browser.colour_switches(chromium, SEED_DATA, 2 * runs),
    }
    return out


def browser_figures(sizes: list[str], runs: int, quick: bool) -> dict:
    from playwright.sync_api import sync_playwright

    from bench import browser

    out: dict = {"payload": {}, "peak_rss_bytes": {}}
    with sync_playwright() as p:
        chromium = browser.launch(p)
        out |= start_figures(chromium, runs, quick)
        with Server(HELLO) as server:
            out["payload"]["hello"] = browser.payloads(chromium, server, ["hello"], runs)
            out["peak_rss_bytes"]["hello"] = server.peak_rss
        for size in sizes:
            with Server(APP, dataset(size)) as server:
                warm(chromium, server)
                # Every page: tests/test_bench_browser.py checks READY knows each one.
                out["payload"][size] = browser.payloads(chromium, server, PAGES, runs)
                out["peak_rss_bytes"][size] = server.peak_rss
        chromium.close()
    return out


def warm(chromium, server: Server) -> None:
    """One session that waits for the dataset to load, so the payload runs that follow (each a
    fresh session) time the pages, not the loader. The peak RSS keeps the load's peak."""
    from bench import browser

    page = chromium.new_page()
    page.goto(server.url)
    browser.wait_drawn(page, "overview", FIRST_LOAD_S)
    page.close()


def _row(metric, what, value, unit, base_name, base, target="", met=None) -> dict:
    return {
        "metric": metric,
        "what": what,
        "value": value,
        "unit": unit,
        "baseline": base_name,
        "baseline_value": base,
        "ratio": value / base if base else None,
        "target": target,
        "met": met,
    }


FLOORS = {"timeline": "hello_plotly", "map": "hello_plotly"}  # the same element on hello-world
FLOOR_NAMES = {
    "hello_plotly": "hello-world + a plotly chart",
    "hello_pydeck": "hello-world + a pydeck map",
}


VARIANT_WORDS = {  # a page measured with one of the server's aids off (bench.browser.VARIANTS)
    "nopreload": "without preload",
    "nostatic": "without static files from memory",
}


def cold_start_rows(cold: dict) -> list[dict]:
    """Each page against hello-world (the target), and against hello-world carrying the same
    heavy element, which is Streamlit's own floor for that page (no target); a page measured
    also with one of the server's aids off ("timeline:nopreload", "overview:nostatic")
    against itself with it."""
    out = []
    hello = median(cold["hello"])
    for name, times in cold.items():
        if name == "hello":
            continue
        page, _, variant = name.partition(":")
        reference = bool(variant) or name in FLOOR_NAMES  # measured for comparison only
        off = f", {VARIANT_WORDS[variant]}" if variant else ""
        what = FLOOR_NAMES.get(name, f"{page} (seed){off}")
        target = "" if reference else "≤ 1.5× hello"
        met = None if reference else median(times) / hello <= 1.5
        out.append(_row("cold start", what, median(times), "s", "hello-world", hello, target, met))
        floor = FLOORS.get(page)
        if floor in cold:
            base = median(cold[floor])
            out.append(_row("cold start", what, median(times), "s", FLOOR_NAMES[floor], base))
        for aid, words in VARIANT_WORDS.items():
            if not variant and f"{name}:{aid}" in cold:
                base = median(cold[f"{name}:{aid}"])
                out.append(_row("cold start", what, median(times), "s", f"the same, {words}", base))
    return out


PHASES = (  # (key in a measurement, what it is): the phases of a filter change, in order
    ("request_sent", "input → rerun request sent (the widget's own handling)"),
    ("first_frame", "input → first frame of the answer handled"),
    ("chart_frame", "input → the chart's frame handled"),
    ("script_finished", "input → script_finished handled"),
    ("first_change", "input → first change in the chart"),
    ("drawn", "input → chart redrawn (last change)"),
    ("long_tasks", "long tasks on the main thread, input → settled"),
)


def _median_of(samples: list[dict], key: str) -> float | None:
    values = [s[key] for s in samples if s.get(key) is not None]
    return median(values) if values else None


COLD_PHASES = (  # (key, what): a cold start's phases (bench.browser.start_phases), in order
    ("health", "process start → health answered"),
    ("loaded", "navigation → front end loaded"),
    ("first_frame", "navigation → first frame handled"),
    ("chunk_start", "navigation → plotly chunk requested"),
    ("chart_frame", "navigation → the chart's frame handled"),
    ("script_finished", "navigation → script_finished handled"),
    ("chunk_end", "navigation → plotly chunk fetched"),
    ("drawn", "navigation → drawn"),
    ("long_tasks", "long tasks on the main thread"),
    ("long_task_max", "the longest task"),
)


def cold_phase_rows(phases: dict) -> list[dict]:
    """Each page's cold start, phase by phase, beside hello-world (Overview) or hello-world +
    a plotly chart (Timeline, Map): the same element on Streamlit's own floor."""
    out = []
    for name in ("overview", "timeline", "map"):
        base_name = FLOORS.get(name, "hello")
        floor = phases.get(base_name)
        if not floor or not phases.get(name):
            continue
        for key, what in COLD_PHASES:
            mine, base = _median_of(phases[name], key), _median_of(floor, key)
            if mine is not None and base is not None:
                label = FLOOR_NAMES.get(base_name, "hello-world")
                out.append(
                    _row("cold start, phase", f"{name} (seed): {what}", mine, "ms", label, base)
                )
    return out


def redraw_rows(reruns: dict) -> list[dict]:
    """The Timeline's filter change against hello's button rerun (the target), and Streamlit's
    floor for the same widget: hello-world's sidebar multiselect redrawing its chart; then each
    phase of the change beside the same phase on that floor."""
    out = []
    for key, what in (("drawn", "chart redrawn"), ("settled", "page settled")):
        hello_ms = _median_of(reruns["hello_button"], key)  # hello: its text redrawn
        filt = _median_of(reruns["timeline_filter"], key)
        met = filt <= 2 * hello_ms if key == "drawn" else None
        target = "≤ 2× hello" if key == "drawn" else ""
        out.append(
            _row(
                f"filter change → {what}",
                "timeline (seed)",
                filt,
                "ms",
                "hello button rerun",
                hello_ms,
                target,
                met,
            )
        )
        if key == "drawn" and "hello_filter" in reruns:
            floor = _median_of(reruns["hello_filter"], "drawn")
            base = "hello-world multiselect + chart"
            out.append(
                _row(
                    "filter change → chart redrawn",
                    base,
                    floor,
                    "ms",
                    "hello button rerun",
                    hello_ms,
                )
            )
            out.append(
                _row("filter change → chart redrawn", "timeline (seed)", filt, "ms", base, floor)
            )
    if "hello_filter" in reruns:
        for key, what in PHASES:
            mine = _median_of(reruns["timeline_filter"], key)
            floor = _median_of(reruns["hello_filter"], key)
            if mine is not None and floor is not None:
                out.append(
                    _row(
                        "filter change, phase",
                        f"timeline (seed): {what}",
                        mine,
                        "ms",
                        "hello-world multiselect + chart",
                        floor,
                    )
                )
        if "timeline_colour" in reruns:  # only the chart's fragment reruns (timeline.py)
            hello_ms = _median_of(reruns["hello_button"], "drawn")
            colour = _median_of(reruns["timeline_colour"], "drawn")
            out.append(
                _row(
                    "colour switch → chart redrawn",
                    "timeline (seed)",
                    colour,
                    "ms",
                    "hello button rerun",
                    hello_ms,
                )
            )
        mine, floor = (_median_of(reruns[k], "bytes") for k in ("timeline_filter", "hello_filter"))
        if mine is not None and floor is not None:
            out.append(
                _row(
                    "filter change, bytes received",
                    "timeline (seed)",
                    mine / 1000,
                    "KB",
                    "hello-world multiselect + chart",
                    floor / 1000,
                )
            )
    return out


def rows(raw: dict, sizes: list[str]) -> list[dict]:
    out = []
    b = raw["browser"]
    out += cold_start_rows(b["cold_start_s"])
    out += cold_phase_rows(b.get("cold_phases_ms", {}))
    out += redraw_rows(b["rerun_ms"])
    hello_run = median(raw["scripts"]["hello"]["hello"]["rerun_s"]) * 1000
    for size in sizes:
        for page in PAGES:
            limit = SCRIPT_MS.get(size)
            for metric, key in (
                ("script run after a filter change", "filter_change_s"),
                ("script rerun, filters unchanged", "rerun_s"),
            ):
                ms = median(raw["scripts"][size][page][key]) * 1000
                out.append(
                    _row(
                        metric,
                        f"{page} @ {size}",
                        ms,
                        "ms",
                        "hello rerun",
                        hello_run,
                        f"≤ {limit} ms" if limit else "",
                        ms <= limit if limit else None,
                    )
                )
    if "curate" in raw["scripts"]:
        cur = raw["scripts"]["curate"]["curate"]
        for what, key in (("rerun", "rerun_s"), ("after a bulk review click", "review_click_s")):
            ms = median(cur[key]) * 1000
            out.append(
                _row(
                    "Curate page script",
                    f"{what} @ seed + draft",
                    ms,
                    "ms",
                    "hello rerun",
                    hello_run,
                    "≤ 200 ms",
                    ms <= 200,
                )
            )
    hello_kb = median(b["payload"]["hello"]["hello"]["bytes"]) / 1000
    for size in sizes:
        for page in b["payload"][size]:
            kb = median(b["payload"][size][page]["bytes"]) / 1000
            limit = PAYLOAD_KB.get(size)
            out.append(
                _row(
                    "payload per page run",
                    f"{page} @ {size}",
                    kb,
                    "KB",
                    "hello-world",
                    hello_kb,
                    f"≤ {limit / 1000:g} MB" if limit else "",
                    kb <= limit if limit else None,
                )
            )
    hello_mb = b["peak_rss_bytes"]["hello"] / MB
    for size in sizes:
        mb = b["peak_rss_bytes"][size] / MB
        limit = RSS_MB.get(size)
        out.append(
            _row(
                "server peak RSS",
                size,
                mb,
                "MB",
                "hello-world",
                hello_mb,
                f"≤ {limit / 1000:g} GB" if limit else "",
                mb <= limit if limit else None,
            )
        )
    seed_validate = median(raw["validate_s"]["seed"])
    for size in sizes:
        s = median(raw["validate_s"][size])
        limit = VALIDATE_S.get(size)
        out.append(
            _row(
                "validate",
                size,
                s,
                "s",
                "validate seed",
                seed_validate,
                f"≤ {limit} s" if limit else "",
                s <= limit if limit else None,
            )
        )
    return out


def table(result_rows: list[dict]) -> str:
    lines = [
        "| metric | what | median | baseline | baseline median | ratio | target | met |",
        "|---|---|---:|---|---:|---:|---|---|",
    ]
    for r in result_rows:
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else ""
        lines.append(
            f"| {r['metric']} | {r['what']} | {r['value']:,.1f} {r['unit']} | {r['baseline']} "
            f"| {r['baseline_value']:,.1f} {r['unit']} | {ratio} | {r['target']} | {met} |"
        )
    return "\n".join(lines)


def start_only(runs: int) -> int:
    """`python -m bench.run --start`: the cold-start and redraw rows alone (about 5 minutes)."""
    from playwright.sync_api import sync_playwright

    from bench import browser

    started = time.perf_counter()
    load = os.getloadavg()
    with sync_playwright() as p:
        chromium = browser.launch(p)
        raw = start_figures(chromium, runs, quick=False)
        chromium.close()
    result_rows = (
        cold_start_rows(raw["cold_start_s"])
        + cold_phase_rows(raw["cold_phases_ms"])
        + redraw_rows(raw["rerun_ms"])
    )
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": runs,
        "load_average_before": [round(x, 2) for x in load],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "total_s": round(time.perf_counter() - started),
    }
    START_RESULTS.write_text(json.dumps({"meta": meta, "rows": result_rows, "raw": raw}, indent=1))
    print(table(result_rows))
    print(f"load average before {meta['load_average_before']}, after {meta['load_average_after']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="seed and 10k only; fewer cold starts")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--sizes", help="comma-separated: seed and/or numbers of events")
    parser.add_argument(
        "--start",
        action="store_true",
        help="only cold starts and filter changes; writes bench/start-results.json",
    )
    args = parser.parse_args(argv)
    if args.start:
        return start_only(args.runs)
    sizes = args.sizes.split(",") if args.sizes else SIZES[:2] if args.quick else SIZES
    started = time.perf_counter()
    say = lambda text: print(f"[{time.perf_counter() - started:6.0f} s] {text}", flush=True)  # noqa: E731
    raw: dict = {"validate_s": {}, "scripts": {}}
    for size in sizes:
        say(f"dataset {size}: {dataset(size)}")
    for size in sizes:
        say(f"validate {size}")
        raw["validate_s"][size] = validate_times(dataset(size), args.runs)
    say("script runs: hello")
    raw["scripts"]["hello"] = script_times("hello", args.runs)
    for size in sizes:
        say(f"script runs: {size}")
        raw["scripts"][size] = script_times(str(dataset(size)), args.runs)
    say("script runs: curate (seed + a synthetic draft)")
    raw["scripts"]["curate"] = script_times("curate", args.runs)
    say("browser: cold starts, filter change, payloads and memory")
    raw["browser"] = browser_figures(sizes, args.runs, args.quick)
    result_rows = rows(raw, sizes)
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": args.runs,
        "sizes": sizes,
        "quick": args.quick,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "total_s": round(time.perf_counter() - started),
    }
    RESULTS.write_text(json.dumps({"meta": meta, "rows": result_rows, "raw": raw}, indent=1))
    print(table(result_rows))
    say(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
