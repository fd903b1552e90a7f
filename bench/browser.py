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
  window.__bench = {t0: null, last: 0, drawn: 0};
  const main = document.querySelector('[data-testid="stMain"]');
  new MutationObserver((records) => {
    const now = performance.now();
    window.__bench.last = now;
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && node.closest(drawn)) window.__bench.drawn = now;
    }
  }).observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
  const start = (e) => { window.__bench.t0 = e.timeStamp; };
  document.addEventListener('click', (e) => { if (e.target.closest('button')) start(e); }, true);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Backspace') start(e);
  }, true);
}"""
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


def cold_start(browser: Browser, script: Path, name: str, data: Path | None = None) -> float:
    """Seconds from starting the server process to the page drawn in a fresh browser context."""
    context = browser.new_context()
    page = context.new_page()
    server = Server(script, data)
    element = name.removeprefix("hello_") if name.startswith("hello_") else ""
    try:
        with hello_with(element):
            started = server.start()
        server.wait_healthy()
        page.goto(server.url + READY[name][0], wait_until="commit")
        wait_drawn(page, name)
        return time.perf_counter() - started
    finally:
        context.close()
        server.stop()


class Runs:
    """Counts the script runs a page's WebSocket reports finished (ForwardMsg.script_finished)."""

    def __init__(self, page: Page):
        self.finished = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            self.finished += msg.WhichOneof("type") == "script_finished"


def _measure(page: Page, runs: Runs, trigger) -> tuple[float, float]:
    """Milliseconds from the input `trigger` fires to the last change of the watched element
    (the chart, or hello's text) and of the whole main area, once the rerun it caused has
    finished and the page has been still for QUIET_MS."""
    page.evaluate("() => { window.__bench.t0 = null; }")
    before = runs.finished
    trigger()
    deadline = time.perf_counter() + 60
    while runs.finished == before:
        if time.perf_counter() > deadline:
            raise TimeoutError("no rerun finished after the input")
        page.wait_for_timeout(20)
    page.wait_for_function(SETTLED_JS, polling=50, timeout=60_000)
    return tuple(
        page.evaluate(
            "() => [window.__bench.drawn - window.__bench.t0, "
            "window.__bench.last - window.__bench.t0]"
        )
    )


def hello_reruns(browser: Browser, runs: int) -> list[tuple[float, float]]:
    """The baseline: click hello's button, wait for its text to change."""
    context = browser.new_context()
    with Server(HELLO) as server:
        page = context.new_page()
        watch = Runs(page)
        page.goto(server.url)
        wait_drawn(page, "hello")
        page.evaluate(WATCH_JS, READY["hello"][1])
        button = page.get_by_role("button", name="Rerun")
        out = [_measure(page, watch, button.click) for _ in range(runs)]
    context.close()
    return out


def _stance_changes(page: Page, watch: Runs, box, runs: int) -> list[tuple[float, float]]:
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


def filter_changes(browser: Browser, data: Path, runs: int) -> list[tuple[float, float]]:
    """On the Timeline: choose a stance in the sidebar (Enter), then remove it (Backspace)."""
    context = browser.new_context()
    with Server(data=data) as server:
        page = context.new_page()
        watch = Runs(page)
        page.goto(server.url + "/timeline")
        wait_drawn(page, "timeline")
        page.wait_for_timeout(500)
        page.evaluate(WATCH_JS, '[data-testid="stPlotlyChart"]')
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(3)
        out = _stance_changes(page, watch, box, runs)
    context.close()
    return out


@contextmanager
def hello_with(element: str):
    """bench/hello.py with one of the dashboard's elements (HELLO_WITH, read at its start)."""
    before = os.environ.get("HELLO_WITH")
    os.environ["HELLO_WITH"] = element
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("HELLO_WITH", None)
        else:
            os.environ["HELLO_WITH"] = before


def hello_filter_changes(browser: Browser, runs: int) -> list[tuple[float, float]]:
    """Streamlit's own floor for the filter change: hello-world with the same sidebar
    multiselect and a one-trace plotly chart that changes with it, driven the same way."""
    context = browser.new_context()
    with hello_with("multiselect"), Server(HELLO) as server:
        page = context.new_page()
        watch = Runs(page)
        page.goto(server.url)
        wait_drawn(page, "hello_plotly")
        page.wait_for_timeout(500)
        page.evaluate(WATCH_JS, '[data-testid="stPlotlyChart"]')
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(0)
        out = _stance_changes(page, watch, box, runs)
    context.close()
    return out


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
