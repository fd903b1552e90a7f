"""`make load` (second part): a bounded soak — sessions that change a filter or a page every
second for ten minutes or more, coming and going, with latency and memory per minute.

    python -m bench.soak [--sessions 20] [--seconds 600] [--life 90] [--data DIR]

Each session reruns once a second, alternating a sidebar toggle and a page change, and lives
`--life` seconds before it disconnects and a new one takes its place (so disconnected sessions
pile up as they do when analysts close tabs). The verdict: the p95 of the last minute is at most
1.5× the first minute's, and the server's memory is flat (last minute's median RSS at most 1.2×
the second minute's; the first minute is warm-up). Results go to bench/soak-results.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.common import APP, REPO, SEED_DATA, Server
from bench.load import RUN_TIMEOUT_S, _percentile
from dashboard.pages import PAGES

RESULTS = REPO / "bench" / "soak-results.json"
WINDOW_S = 60
P95_GROWTH_LIMIT = 1.5
RSS_GROWTH_LIMIT = 1.2


async def _rerun(ws, page: str, widget: WidgetState | None, errors: list[str]) -> dict[str, str]:
    msg = BackMsg()
    msg.rerun_script.page_name = page
    if widget is not None:
        msg.rerun_script.widget_states.widgets.append(widget)
    await ws.send(msg.SerializeToString())
    ids = {}
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            name = element.WhichOneof("type")
            if name == "exception":
                errors.append(f"exception: {element.exception.message[:120]}")
            widget_id = getattr(getattr(element, name), "id", "")
            if widget_id:
                ids[widget_id.rsplit("-", 1)[-1]] = widget_id
        elif kind == "script_finished":
            if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                errors.append(f"script_finished status {fwd.script_finished}")
            return ids


async def _session_slot(url: str, start_at: float, stop_at: float, life: float, out: dict) -> None:
    """One seat: a session that lives `life` seconds, then another, until stop_at."""
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    pages = [p.url_path if not p.default else "" for p in PAGES]
    while time.perf_counter() < stop_at - 2:
        born = time.perf_counter()
        try:
            async with websockets.connect(
                url, subprotocols=["streamlit"], max_size=None, open_timeout=30, ping_interval=None
            ) as ws:
                ids = await _rerun(ws, "", None, out["errors"])
                due, step, page, flip = born, 0, "", False
                while (due := due + 1.0) < min(stop_at, born + life):
                    await asyncio.sleep(max(0.0, due - time.perf_counter()))
                    step += 1
                    widget = None
                    if step % 2:
                        flip = not flip
                        widget = WidgetState(id=ids["undated"], bool_value=not flip)
                    else:
                        page = pages[(step // 2) % len(pages)]
                    sent = time.perf_counter()
                    ids |= await _rerun(ws, page, widget, out["errors"])
                    out["samples"].append((sent, time.perf_counter() - sent))
            out["sessions"] += 1
        except Exception as err:  # a refused, dropped or timed-out session is an error, counted
            out["errors"].append(f"{type(err).__name__}: {err}"[:160])
            await asyncio.sleep(1)


async def _soak(server: Server, sessions: int, seconds: float, life: float) -> dict:
    start = time.perf_counter() + 0.5
    stop = start + seconds
    out = {"samples": [], "errors": [], "sessions": 0}
    rss: list[tuple[float, int]] = []

    async def sample() -> None:
        while time.perf_counter() < stop:
            rss.append((time.perf_counter(), server.rss()))
            await asyncio.sleep(1.0)

    url = server.url.replace("http", "ws") + "/_stcore/stream"
    stagger = 1.0 / sessions
    await asyncio.gather(
        sample(),
        *(_session_slot(url, start + i * stagger, stop, life, out) for i in range(sessions)),
    )
    windows = []
    for w in range(int(seconds // WINDOW_S)):
        lo, hi = start + w * WINDOW_S, start + (w + 1) * WINDOW_S
        lat = [x for t, x in out["samples"] if lo <= t < hi]
        mem = [r for t, r in rss if lo <= t < hi]
        windows.append(
            {
                "minute": w + 1,
                "reruns": len(lat),
                "p50_ms": round(1000 * _percentile(lat, 0.50), 1),
                "p95_ms": round(1000 * _percentile(lat, 0.95), 1),
                "rss_median_mb": round(statistics.median(mem) / 1e6, 1) if mem else None,
            }
        )
    return {
        "windows": windows,
        "errors": len(out["errors"]),
        "error_kinds": sorted(set(out["errors"]))[:10],
        "sessions_served": out["sessions"],
    }


def verdict(windows: list[dict]) -> dict:
    """p95 of the last minute against the first; memory of the last minute against the second."""
    first, last = windows[0], windows[-1]
    p95_ratio = last["p95_ms"] / first["p95_ms"]
    rss_ratio = last["rss_median_mb"] / windows[min(1, len(windows) - 1)]["rss_median_mb"]
    return {
        "p95_last_over_first": round(p95_ratio, 2),
        "rss_last_over_second": round(rss_ratio, 2),
        "met": p95_ratio <= P95_GROWTH_LIMIT and rss_ratio <= RSS_GROWTH_LIMIT,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--life", type=float, default=90, help="seconds a session lives")
    parser.add_argument("--data", type=Path, default=SEED_DATA)
    parser.add_argument("--label", default="dashboard", help="name of this run in the results")
    parser.add_argument("--extra", nargs="*", default=[], help="extra streamlit options")
    args = parser.parse_args(argv)
    print(
        f"soak: {args.sessions} sessions x {args.seconds:.0f} s, a rerun a second each, "
        f"each session living {args.life:.0f} s",
        flush=True,
    )
    with Server(APP, args.data, extra=args.extra) as server:
        result = asyncio.run(_soak(server, args.sessions, args.seconds, args.life))
    result["verdict"] = verdict(result["windows"])
    print("| minute | reruns | p50 ms | p95 ms | server RSS MB |\n|---:|---:|---:|---:|---:|")
    for w in result["windows"]:
        print(
            f"| {w['minute']} | {w['reruns']} | {w['p50_ms']:.0f} | {w['p95_ms']:.0f} | {w['rss_median_mb']} |"
        )
    v = result["verdict"]
    print(
        f"\np95 last/first minute {v['p95_last_over_first']}× (≤ {P95_GROWTH_LIMIT}×), "
        f"RSS last/second minute {v['rss_last_over_second']}× (≤ {RSS_GROWTH_LIMIT}×), "
        f"errors {result['errors']}: {'met' if v['met'] else 'NOT met'}"
    )
    saved = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    saved[args.label] = {"args": {k: str(v) for k, v in vars(args).items()}, **result}
    RESULTS.write_text(json.dumps(saved, indent=1))
    return 0 if v["met"] and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
