"""What a person waits for, measured in headless Chromium: cold start, a filter change, bytes sent.

A run is "drawn" when the app is connected, its script is not running, no skeleton is left and
the page's own content is there: a plotly `.main-svg`, a deck.gl canvas, a metric, a grid.
A redraw after an input is timed in the page itself: from the input event's timestamp to the
last DOM change inside the chart (hello: its text) and inside the whole main area, once the
rerun's script_finished has arrived and the page has been still for QUIET_MS. So the time
includes the chart being drawn again, not only the server's answer.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser, Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.common import CHROMIUM_ARGS, HELLO, Server, chromium_path

ROW_ID = "kursk-oblast"
# Per page: its URL path and the selector that shows its content is drawn.
READY = {
    "hello": ("/", '[data-testid="stMain"] [data-testid="stMarkdownContainer"]'),
    # hello-world with the dashboard's heavy elements (bench/hello.py, HELLO_WITH): the floor
    "hello_plotly": ("/", '[data-testid="stPlotlyChart"] .main-svg'),
    "hello_pydeck": ("/", '[data-testid="stDeckGlJsonChart"] canvas'),
    "overview": ("/", '[data-testid="stMetric"]'),
    "timeline": ("/timeline", '[data-testid="stPlotlyChart"] .main-svg'),
    "map": ("/map", '[data-testid="stPlotlyChart"] .main-svg'),  # opens on a plotly picture
    "equipment": ("/equipment", '[data-testid="stPlotlyChart"] .main-svg'),
    "sources": ("/sources", ".st-key-reader_text"),
    "data": ("/data", '[data-testid="stDataFrame"]'),
    "history": ("/history", '[data-testid="stPlotlyChart"] .main-svg'),
    # The Row page needs a row: a place every dataset has (the seed's and bench/synth.py's).
    "row": (f"/row?id={ROW_ID}", '[class*="st-key-fields_"]'),
    "print": ("/print", '[data-testid="stPlotlyChart"] .main-svg'),  # its static timeline
}
DRAWN_JS = """(selector) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !!document.querySelector(selector);
}"""
QUIET_MS = 400
WATCH_JS = """(drawn) => {
  window.__bench = {t0: null, last: 0, drawn: 0, first: 0};
  const main = document.querySelector('[data-testid="stMain"]');
  new MutationObserver((records) => {
    const now = performance.now();
    window.__bench.last = now;
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && node.closest(drawn)) {
        if (window.__bench.t0 !== null && !window.__bench.first) window.__bench.first = now;
        window.__bench.drawn = now;
      }
    }
  }).observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
  const start = (e) => { window.__bench.t0 = e.timeStamp; };
  document.addEventListener('click', (e) => { if (e.target.closest('button')) start(e); }, true);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Backspace') start(e);
  }, true);
}"""
# Installed before the page's own scripts (add_init_script): when each WebSocket message was
# sent and handled (performance.now(), the clock of the input event's timeStamp) and the main
# thread's long tasks, so a redraw can be cut into phases. The frames' kinds come from Python.
PHASES_INIT_JS = """(() => {
  const log = window.__ws = {sent: [], recv: [], long: []};
  const Native = window.WebSocket;
  const send = Native.prototype.send;
  Native.prototype.send = function (data) {
    log.sent.push(performance.now());
    return send.call(this, data);
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => log.recv.push(performance.now()));
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) log.long.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
})();"""
SETTLED_JS = f"""() => {{
  const b = window.__bench, app = document.querySelector('[data-testid="stApp"]');
  return b.t0 !== null && app.dataset.testScriptState === 'notRunning'
    && b.drawn > b.t0 && performance.now() - b.last > {QUIET_MS};
}}"""


def launch(playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )


def wait_drawn(page: Page, name: str, timeout_s: float = 120) -> None:
    page.wait_for_function(DRAWN_JS, arg=READY[name][1], polling="raf", timeout=timeout_s * 1000)


COLD_JS = """() => {
  const ws = window.__ws || {recv: [], long: []};
  const res = performance.getEntriesByType('resource');
  const chunk = res.find((r) => r.name.includes('/PlotlyChart.'));
  const nav = performance.getEntriesByType('navigation')[0];
  return {recv: ws.recv, long: ws.long, now: performance.now(),
          chunk: chunk ? [chunk.startTime, chunk.responseEnd] : null,
          loaded: nav ? nav.loadEventEnd : null};
}"""


def cold_start(
    browser: Browser,
    script: Path,
    name: str,
    data: Path | None = None,
    phases_out: list | None = None,
) -> float:
    """Seconds from starting the server process to the page drawn in a fresh browser context.
    With `phases_out`, appends where that time went (start_phases)."""
    context = browser.new_context()
    context.add_init_script(PHASES_INIT_JS)
    page = context.new_page()
    runs = Runs(page)
    server = Server(script, data)
    name, _, variant = name.partition(":")
    element = name.removeprefix("hello_") if name.startswith("hello_") else ""
    key, value = VARIANTS.get(variant, ("", None))
    try:
        with hello_with(element), environ(key, value):
            started = server.start()
        server.wait_healthy()
        healthy = time.perf_counter()
        page.goto(server.url + READY[name][0], wait_until="commit")
        wait_drawn(page, name)
        total = time.perf_counter() - started
        if phases_out is not None:
            phases_out.append(start_phases(page.evaluate(COLD_JS), runs.frames, healthy - started))
        return total
    finally:
        context.close()
        server.stop()


def start_phases(got: dict, frames: list[tuple[str, int]], health_s: float) -> dict:
    """A cold start cut into phases, in ms: the server process until it answered health; then,
    from the navigation, the page's load event, the first frame, the chart's frame and
    script_finished handled, plotly's chunk fetched (start, end), the page seen drawn; the
    main thread's long tasks and the bytes received."""
    recv = got["recv"] if len(got["recv"]) == len(frames) else []
    kinds = list(zip(recv, [k for k, _ in frames], strict=False))
    at = lambda kind: next((t for t, k in kinds if k == kind), None)  # noqa: E731
    chunk = got["chunk"] or [None, None]
    return {
        "health": health_s * 1000,
        "loaded": got["loaded"],
        "first_frame": recv[0] if recv else None,
        "chart_frame": at("plotly_chart"),
        "script_finished": at("script_finished"),
        "chunk_start": chunk[0],
        "chunk_end": chunk[1],
        "drawn": got["now"],
        "long_tasks": sum(d for _, d in got["long"]),
        "long_task_max": max((d for _, d in got["long"]), default=0),
        "bytes": sum(size for _, size in frames),
    }


class Runs:
    """Counts the script runs a page's WebSocket reports finished (ForwardMsg.script_finished)
    and notes every frame's kind and size in order (the page notes when it handled each)."""

    def __init__(self, page: Page):
        self.finished = 0
        self.frames: list[tuple[str, int]] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        kind = "text"
        if isinstance(payload, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            kind = msg.WhichOneof("type") or ""
            if kind == "delta":
                delta = msg.delta
                inner = delta.WhichOneof("type")
                kind = delta.new_element.WhichOneof("type") if inner == "new_element" else inner
            self.finished += kind == "script_finished"
        self.frames.append((kind, len(payload)))


def phases(log: dict, frames: list[tuple[str, int]], first: int, t0: float) -> dict:
    """Where a redraw's time went, in ms from the input event: the rerun request sent, the
    first frame of the answer handled, the chart's frame handled, script_finished handled; the
    bytes received and the main thread's long tasks from the input to the page settled. `log`
    is the page's __ws record, `frames` the kinds Python saw (same order), `first` the index of
    the first frame after the input."""
    recv = log["recv"]
    if len(recv) != len(frames):  # a frame Python or the page missed: no phases for this one
        return {}
    sent = next((t - t0 for t in log["sent"] if t >= t0), None)
    after = [
        (t - t0, kind, size) for t, (kind, size) in zip(recv[first:], frames[first:], strict=True)
    ]
    at = lambda kinds: next((t for t, k, _ in after if k in kinds), None)  # noqa: E731
    return {
        "request_sent": sent,
        "first_frame": after[0][0] if after else None,
        "chart_frame": at({"plotly_chart"}),
        "script_finished": at({"script_finished"}),
        "bytes": sum(size for *_, size in after),
        "frames": len(after),
        "long_tasks": sum(d for start, d in log["long"] if start >= t0),
        "long_task_count": sum(1 for start, _ in log["long"] if start >= t0),
    }


def _measure(page: Page, runs: Runs, trigger) -> dict:
    """Milliseconds from the input `trigger` fires to the last change of the watched element
    (the chart, or hello's text: "drawn"; its first change: "first_change") and of the whole
    main area ("settled"), once the rerun it caused has finished and the page has been still
    for QUIET_MS; with the phases in between when the page records them (PHASES_INIT_JS)."""
    page.evaluate("() => { window.__bench.t0 = null; window.__bench.first = 0; }")
    before, first = runs.finished, len(runs.frames)
    trigger()
    deadline = time.perf_counter() + 60
    while runs.finished == before:
        if time.perf_counter() > deadline:
            raise TimeoutError("no rerun finished after the input")
        page.wait_for_timeout(20)
    page.wait_for_function(SETTLED_JS, polling=50, timeout=60_000)
    b = page.evaluate("() => window.__bench")
    out = {
        "drawn": b["drawn"] - b["t0"],
        "settled": b["last"] - b["t0"],
        "first_change": b["first"] - b["t0"] if b["first"] else None,
    }
    log = page.evaluate("() => window.__ws || null")
    if log is not None:
        out |= phases(log, runs.frames, first, b["t0"])
    return out


@contextmanager
def watched_page(
    browser: Browser, server: Server, path: str, ready: str, watched: str, settle_ms=0
):
    """A fresh context's page at `path`, drawn (READY[ready]), its WebSocket frames and the
    element `watched` observed (Runs, WATCH_JS): (page, runs). The context closes after."""
    context = browser.new_context()
    context.add_init_script(PHASES_INIT_JS)
    try:
        page = context.new_page()
        watch = Runs(page)
        page.goto(server.url + path)
        wait_drawn(page, ready)
        if settle_ms:
            page.wait_for_timeout(settle_ms)
        page.evaluate(WATCH_JS, watched)
        yield page, watch
    finally:
        context.close()


def hello_reruns(browser: Browser, runs: int) -> list[dict]:
    """The baseline: click hello's button, wait for its text to change."""
    with (
        Server(HELLO) as server,
        watched_page(browser, server, "", "hello", READY["hello"][1]) as (
            page,
            watch,
        ),
    ):
        button = page.get_by_role("button", name="Rerun")
        return [_measure(page, watch, button.click) for _ in range(runs)]


def _stance_changes(page: Page, watch: Runs, box, runs: int) -> list[dict]:
    """Choose "confirms" in a sidebar multiselect (Enter), then remove it (Backspace)."""
    field = box.locator("input")
    out = []
    for i in range(runs):
        field.click()
        if i % 2 == 0:
            page.keyboard.type("confirms")
            out.append(_measure(page, watch, lambda: page.keyboard.press("Enter")))
        else:
            out.append(_measure(page, watch, lambda: page.keyboard.press("Backspace")))
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    return out


CHART = '[data-testid="stPlotlyChart"]'


def filter_changes(browser: Browser, data: Path, runs: int) -> list[dict]:
    """On the Timeline: choose a stance in the sidebar (Enter), then remove it (Backspace)."""
    with (
        Server(data=data) as server,
        watched_page(browser, server, "/timeline", "timeline", CHART, 500) as (page, watch),
    ):
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(3)
        return _stance_changes(page, watch, box, runs)


def colour_switches(browser: Browser, data: Path, runs: int) -> list[dict]:
    """On the Timeline: click "Colour by" stance, then event type. Only the chart depends on
    it, and only its fragment reruns (dashboard/web/app_pages/timeline.py)."""
    with (
        Server(data=data) as server,
        watched_page(browser, server, "/timeline", "timeline", CHART, 500) as (page, watch),
    ):
        group = page.get_by_test_id("stMain").get_by_test_id("stButtonGroup").first
        out = []
        for i in range(runs):
            button = group.get_by_role("radio", name="stance" if i % 2 == 0 else "event type")
            out.append(_measure(page, watch, button.click))
            page.wait_for_timeout(200)
        return out


@contextmanager
def environ(key: str, value: str | None):
    """os.environ[key] = value (None: unchanged) for the servers started meanwhile."""
    before = os.environ.get(key)
    if value is not None:
        os.environ[key] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = before


def hello_with(element: str):
    """bench/hello.py with one of the dashboard's elements (HELLO_WITH, read at its start)."""
    return environ("HELLO_WITH", element)


# A measured name is a READY page, or a page and a variant of the server: "timeline:nopreload"
# is the Timeline with dashboard/web/preload.py turned off (the difference it makes).
VARIANTS = {
    "nopreload": ("DASHBOARD_PRELOAD", "0"),
    "nostatic": ("DASHBOARD_STATIC_MEMORY", "0"),
    "nomain": ("EXP_NOMAIN", "1"),
    "lazy": ("EXP_LAZY", "1"),
    "nice": ("EXP_NICE", "10"),
    "nice19": ("EXP_NICE", "19"),
    "nogrid": ("EXP_NOGRID", "1"),
}


def hello_filter_changes(browser: Browser, runs: int) -> list[dict]:
    """Streamlit's own floor for the filter change: hello-world with the same sidebar
    multiselect and a one-trace plotly chart that changes with it, driven the same way."""
    with (
        hello_with("multiselect"),
        Server(HELLO) as server,
        watched_page(browser, server, "", "hello_plotly", CHART, 500) as (page, watch),
    ):
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(0)
        return _stance_changes(page, watch, box, runs)


def _add_frame(got: dict, payload) -> None:
    got["bytes"] += len(payload if isinstance(payload, bytes) else payload.encode())
    got["frames"] += 1


def _count_frames(got: dict, ws) -> None:
    ws.on("framereceived", partial(_add_frame, got))


def payloads(browser: Browser, server: Server, names: list[str], runs: int) -> dict:
    """Bytes of WebSocket frames the browser receives for one run of each page (fresh sessions)."""
    context = browser.new_context()
    out = {}
    for name in names:
        sizes, frames = [], []
        for _ in range(runs):
            page = context.new_page()
            got = {"bytes": 0, "frames": 0}
            page.on("websocket", partial(_count_frames, got))
            page.goto(server.url + READY[name][0])
            wait_drawn(page, name)
            page.wait_for_timeout(300)  # any frame still on its way
            sizes.append(got["bytes"])
            frames.append(got["frames"])
            page.close()
        out[name] = {"bytes": sizes, "frames": frames}
    context.close()
    return out
