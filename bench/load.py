"""`make load`: concurrent sessions against one server, each changing a filter every second.

    python -m bench.load [--sessions 30] [--seconds 60] [--page ""] [--data DIR]

Each session is a lightweight client of Streamlit's own protocol, as the browser speaks it: a
WebSocket to /_stcore/stream (subprotocol "streamlit") carrying BackMsg protobufs up and
ForwardMsg protobufs down. It sends `rerun_script` with a ClientState; the server answers with
deltas and ends each run with `script_finished`. The dashboard's sessions flip the sidebar's
"Include undated rows" toggle (a WidgetState with its widget id, learnt from the first run's
deltas); the hello-world app's press its button (a trigger). Latency is from sending the rerun
to receiving `script_finished`. The same run is made against bench/hello.py, then compared.
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

from bench.common import APP, HELLO, REPO, SEED_DATA, Server

RESULTS = REPO / "bench" / "load-results.json"
RUN_TIMEOUT_S = 30


class Session:
    def __init__(self, url: str, page: str, widget_key: str, headers: dict | None = None):
        self.url, self.page, self.key = (
            url.replace("http", "ws") + "/_stcore/stream",
            page,
            widget_key,
        )
        self.headers = headers or {}  # e.g. the proxy's affinity cookie
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.completed = False

    async def _rerun(self, ws, widget: WidgetState | None = None) -> dict[str, str]:
        """Send one rerun and read up to its script_finished; return the widget ids seen."""
        msg = BackMsg()
        msg.rerun_script.page_name = self.page
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
                    self.errors.append(f"exception: {element.exception.message[:120]}")
                widget_id = getattr(getattr(element, name), "id", "")
                if widget_id:
                    ids[widget_id.rsplit("-", 1)[-1]] = widget_id
            elif kind == "script_finished":
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    self.errors.append(f"script_finished status {fwd.script_finished}")
                return ids

    async def run(self, start_at: float, stop_at: float) -> None:
        await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
        try:
            async with websockets.connect(
                self.url,
                subprotocols=["streamlit"],
                max_size=None,
                open_timeout=30,
                ping_interval=None,
                additional_headers=self.headers,
            ) as ws:
                ids = await self._rerun(ws)
                widget_id, flip, due = ids[self.key], False, time.perf_counter()
                while (due := due + 1.0) < stop_at:
                    await asyncio.sleep(max(0.0, due - time.perf_counter()))
                    flip = not flip
                    widget = WidgetState(id=widget_id)
                    if self.key == "undated":
                        widget.bool_value = not flip  # the toggle: off, on, off...
                    else:
                        widget.trigger_value = True  # a button press
                    sent = time.perf_counter()
                    await self._rerun(ws, widget)
                    self.latencies.append(time.perf_counter() - sent)
                self.completed = not self.errors
        except Exception as err:  # a refused, dropped or timed-out session is an error, counted
            self.errors.append(f"{type(err).__name__}: {err}"[:160])


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _drive(server: Server, page: str, key: str, sessions: int, seconds: float) -> dict:
    start = time.perf_counter() + 0.5
    clients = [Session(server.url, page, key) for _ in range(sessions)]
    rss: list[int] = []

    async def sample() -> None:
        while time.perf_counter() < start + seconds + 2:
            rss.append(server.rss())
            await asyncio.sleep(0.5)

    stagger = 1.0 / sessions  # each session starts at its own fraction of the second
    await asyncio.gather(
        sample(), *(c.run(start + i * stagger, start + seconds) for i, c in enumerate(clients))
    )
    latencies = [x for c in clients for x in c.latencies]
    errors = [e for c in clients for e in c.errors]
    return {
        "sessions": sessions,
        "completed": sum(c.completed for c in clients),
        "reruns": len(latencies),
        "p50_ms": 1000 * _percentile(latencies, 0.50),
        "p95_ms": 1000 * _percentile(latencies, 0.95),
        "max_ms": 1000 * max(latencies, default=float("nan")),
        "mean_ms": 1000 * statistics.fmean(latencies) if latencies else float("nan"),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:10],
        "rss_peak_mb": max(rss, default=0) / 1e6,
        "rss_end_mb": (rss[-1] if rss else 0) / 1e6,
    }


def load_test(
    script: Path, data: Path | None, page: str, key: str, sessions: int, seconds: float
) -> dict:
    with Server(script, data) as server:
        return asyncio.run(_drive(server, page, key, sessions, seconds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--page", default="", help="the dashboard page's url path (default: Overview)"
    )
    parser.add_argument(
        "--data", type=Path, default=SEED_DATA, help="dataset folder (default: the real one)"
    )
    args = parser.parse_args(argv)
    print(
        f"{args.sessions} sessions x {args.seconds:.0f} s, one filter change a second each",
        flush=True,
    )
    hello = load_test(HELLO, None, "", "rerun", args.sessions, args.seconds)
    print("hello-world:", json.dumps(hello), flush=True)
    dash = load_test(APP, args.data, args.page, "undated", args.sessions, args.seconds)
    print("dashboard:  ", json.dumps(dash), flush=True)
    ratio = dash["p95_ms"] / hello["p95_ms"]
    met = ratio <= 2 and dash["errors"] == 0 and dash["completed"] == args.sessions
    print(
        "\n| app | sessions completed | reruns | p50 ms | p95 ms | max ms | errors | server RSS peak MB |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    for name, r in (("hello-world", hello), ("dashboard", dash)):
        print(
            f"| {name} | {r['completed']}/{r['sessions']} | {r['reruns']} | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['max_ms']:.0f} | {r['errors']} | {r['rss_peak_mb']:.0f} |"
        )
    print(
        f"\np95 ratio dashboard / hello-world: {ratio:.2f}× (target ≤ 2×: {'met' if met else 'NOT met'})"
    )
    RESULTS.write_text(
        json.dumps(
            {
                "args": {k: str(v) for k, v in vars(args).items()},
                "hello": hello,
                "dashboard": dash,
                "p95_ratio": ratio,
                "met": met,
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
