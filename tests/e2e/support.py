"""Shared by the e2e fixtures and `python -m tests.e2e.screenshots`: start the real app, find a
browser, wait for Streamlit the way its own e2e suite does, build test datasets, read the grids.

No pytest here, so the screenshot script can use it too.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image
from playwright.sync_api import Browser, Locator, Page, Playwright, expect

from dashboard.pages import PAGES as PAGE_SPECS

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO / "datasets"
SEEDS = REPO / "seeds"
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_GET_A_BROWSER = (
    "no Chromium for the e2e tests: install one with `apt-get install chromium` "
    "(Debian; used from /usr/bin/chromium) or `.venv/bin/python -m playwright install chromium`"
)
TIMEOUT_MS = 30_000  # generous: two cores, a cold server imports pandas, plotly and pydeck
SERVER_START_S = 60
VIEWPORT = {"width": 1400, "height": 900}

# The pages as the sidebar navigation names them: (link text, URL path, title shown).
PAGES = [(p.title, p.url, p.title) for p in PAGE_SPECS]


# --- the app server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class PortTaken(RuntimeError):
    pass


@dataclass
class AppServer:
    """One `streamlit run dashboard/web/app.py` process on 127.0.0.1."""

    data_dir: Path | None = None
    log_path: Path | None = None
    port: int = 0
    proc: subprocess.Popen | None = None
    _log: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 3) -> AppServer:
        """Start on a free port and wait for /_stcore/health; retry when the port was taken."""
        for attempt in range(attempts):
            try:
                return self._start_once()
            except PortTaken:
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def _start_once(self) -> AppServer:
        self.port = free_port()
        env = dict(os.environ)
        env.pop("DASHBOARD_DATA_DIR", None)
        env["PYTHONUNBUFFERED"] = "1"  # the log shows the server's address as soon as it is up
        if self.data_dir is not None:
            env["DASHBOARD_DATA_DIR"] = str(self.data_dir)
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard/web/app.py",
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={self.port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ]
        if self.log_path is None:
            self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / "e2e-streamlit.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                log = self.log_tail()
                if f"Port {self.port} is not available" in log or "already in use" in log:
                    raise PortTaken(self.port)
                raise RuntimeError(f"the app exited with {self.proc.returncode}:\n{log}")
            # Ours, not some other server on that port: it logged its address, and it answers.
            if f"127.0.0.1:{self.port}" in self.log_tail() and self.healthy():
                return self
            time.sleep(0.1)  # polling the server's health endpoint, not the browser
        self.stop()
        raise RuntimeError(f"the app did not answer /_stcore/health in {SERVER_START_S}s")

    def healthy(self) -> bool:
        try:  # straight to 127.0.0.1, whatever *_proxy says
            with _DIRECT.open(f"{self.url}/_stcore/health", timeout=2) as r:
                return r.status == 200 and r.read().strip() == b"ok"
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, n: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""


# --- the browser ---------------------------------------------------------------------------------


def browser_executable(pw: Playwright) -> str | None:
    """/usr/bin/chromium when it exists, else Playwright's own Chromium when it is installed."""
    if SYSTEM_CHROMIUM.exists():
        return str(SYSTEM_CHROMIUM)
    try:
        own = pw.chromium.executable_path
    except Exception:
        return None
    return own if own and Path(own).exists() else None


def launch_browser(pw: Playwright) -> Browser:
    exe = browser_executable(pw)
    if exe is None:
        raise FileNotFoundError(HOW_TO_GET_A_BROWSER)
    return pw.chromium.launch(executable_path=exe, args=BROWSER_ARGS)


# --- waiting, as Streamlit's own e2e_playwright/conftest.py::wait_for_app_run does ----------------


def wait_for_app_run(page: Page, initial_wait: int = 210, wait_delay: int = 100) -> None:
    page.wait_for_timeout(initial_wait)  # the pydeck chart debounces for 200 ms
    page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]').wait_for(
        state="attached", timeout=TIMEOUT_MS
    )
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        state="attached", timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=TIMEOUT_MS)
    page.wait_for_timeout(wait_delay)


def wait_for_charts(page: Page) -> None:
    """Charts draw after the run ends: every plotly chart has its SVG, every map its canvas."""
    for chart in page.get_by_test_id("stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached(timeout=TIMEOUT_MS)
    for deck in page.get_by_test_id("stDeckGlJsonChart").all():
        expect(deck.locator("canvas").first).to_be_visible(timeout=TIMEOUT_MS)


COUNTRY_FILL = (
    236,
    236,
    232,
)  # get_fill_color of the map's "countries" layer (dashboard/charts.py)
POINT_FILL = (215, 48, 39)  # get_fill_color of its "places" layer
LAND_SHARE, POINT_SHARE = 0.05, 0.0002  # what a drawn map shows at least, as shares of its pixels


def colour_share(png: bytes, rgb: tuple[int, int, int], tolerance: int = 12) -> float:
    """The share of an image's pixels within `tolerance` of a colour."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    return float((np.abs(pixels - np.array(rgb)) <= tolerance).all(axis=-1).mean())


def wait_for_map_drawn(page: Page, timeout_ms: int = TIMEOUT_MS) -> tuple[float, float]:
    """deck.gl draws after the run and after it fetched the outlines: wait until the map's
    canvas shows land (country fill) and points; return both shares for the caller to assert."""
    deck = page.get_by_test_id("stDeckGlJsonChart").first
    expect(deck.locator("canvas").first).to_be_visible(timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        shot = deck.screenshot()
        land, points = colour_share(shot, COUNTRY_FILL), colour_share(shot, POINT_FILL, 30)
        if (land > LAND_SHARE and points > POINT_SHARE) or time.monotonic() > deadline:
            return land, points
        page.wait_for_timeout(200)


def goto(page: Page, url: str) -> None:
    page.goto(url, timeout=TIMEOUT_MS)
    wait_for_app_run(page)


def open_page(page: Page, link: str) -> None:
    """Click a page's link in the sidebar navigation and wait for its run. A page that starts
    with the sidebar collapsed (the print view) is left as a person would: by opening it."""
    expand = page.get_by_test_id("stExpandSidebarButton")
    if expand.count() and expand.is_visible():
        expand.click()
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=link, exact=True).click()
    wait_for_app_run(page)


# --- sidebar widgets -----------------------------------------------------------------------------


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def date_field(page: Page, label: str) -> Locator:
    """The sidebar's typed 'From' or 'To' date field."""
    return (
        sidebar(page)
        .get_by_test_id("stTextInput")
        .filter(has=page.get_by_text(label, exact=True))
        .locator("input")
    )


def set_date_range(page: Page, start: str, end: str) -> None:
    """Type both ends into the sidebar's From / To fields, each applied by Enter, as a person
    would (the calendar's own field would apply only on blur)."""
    for label, value in (("From", start), ("To", end)):
        field_ = date_field(page, label)
        field_.fill(value)
        field_.press("Enter")
        wait_for_app_run(page)


def date_range_values(page: Page) -> list[str]:
    """The range as the From / To fields show it (they show the range applied)."""
    return [date_field(page, label).input_value() for label in ("From", "To")]


def choose_actor(page: Page, label: str) -> None:
    box = sidebar(page).get_by_test_id("stMultiSelect").filter(has_text="Actor")
    box.get_by_role("combobox").click()
    page.keyboard.type(label)
    page.get_by_role("option", name=label, exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app_run(page)


def more_filters(page: Page) -> Locator:
    """The sidebar's "More filters" expander (article, reliability, credibility)."""
    return sidebar(page).get_by_test_id("stExpander").filter(has_text="More filters")


def open_more_filters(page: Page) -> Locator:
    """Open "More filters" as a person would, by its header; its widgets are created then."""
    box = more_filters(page)
    if box.locator("details[open]").count() == 0:
        box.locator("summary").click()
        wait_for_app_run(page)
    expect(box.get_by_test_id("stMultiSelect")).to_have_count(1)
    return box


def chosen(page: Page, label_prefix: str) -> list[str]:
    """The tags shown in a sidebar multiselect."""
    box = sidebar(page).get_by_test_id("stMultiSelect").filter(has_text=label_prefix)
    tags = box.get_by_role("group", name="Selected values").locator("[data-tag]")
    return [t.strip() for t in tags.all_inner_texts()]


# --- reading what is shown -----------------------------------------------------------------------


def captions(page: Page) -> list[str]:
    return page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").all_inner_texts()


def metrics(page: Page) -> dict[str, str]:
    out = {}
    for metric in page.get_by_test_id("stMetric").all():
        label = metric.get_by_test_id("stMetricLabel").inner_text().strip()
        out[label] = metric.get_by_test_id("stMetricValue").inner_text().strip()
    return out


_GRID_JS = """async (el, column) => {
  // Glide data grid draws on a canvas; its accessibility table (inside the canvas) appears
  // while the grid has focus and holds only the rows in view, so scroll through it.
  const scroller = el.querySelector('.dvn-scroller');
  const canvas = el.querySelector('[data-testid="data-grid-canvas"]');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const span = () => {  // the rows the accessibility table holds now, e.g. "7-14"
    const rows = canvas.querySelectorAll('tbody tr');
    if (!rows.length) return null;
    return rows[0].getAttribute('aria-rowindex') + '-' + rows[rows.length - 1].getAttribute('aria-rowindex');
  };
  const settle = async (previous) => {  // until the table follows the scroll (or 1 s: no new rows)
    for (let t = 0; t < 20 && (span() === null || span() === previous); t++) await sleep(50);
  };
  canvas.focus();
  scroller.scrollTop = 0;
  await settle(null);
  const table = canvas.querySelector('table[role="grid"]');
  let rowcount = Number(table.getAttribute('aria-rowcount')) - 1;
  // An empty frame is drawn as one placeholder row ("empty") whose cells hold no text.
  const cells = [...canvas.querySelectorAll('tbody tr[aria-rowindex="2"] td')];
  if (rowcount === 1 && cells.every((td) => td.textContent === '')) rowcount = 0;
  const headers = [...canvas.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('aria-colindex')]);
  let colindex = null;
  for (const [name, index] of headers) if (name === column) colindex = index;
  const values = {};
  if (colindex !== null && rowcount > 0) {
    for (let step = 0; step < 1000; step++) {
      for (const td of canvas.querySelectorAll(`tbody td[aria-colindex="${colindex}"]`))
        values[td.parentElement.getAttribute('aria-rowindex')] = td.textContent;
      const top = scroller.scrollTop, previous = span();
      scroller.scrollTop = top + Math.max(1, scroller.clientHeight - 100);
      if (scroller.scrollTop === top) break;
      await settle(previous);
    }
    scroller.scrollTop = 0;
  }
  canvas.blur();
  return {rowcount, headers: headers.map((h) => h[0]), values};
}"""


@dataclass
class Grid:
    rowcount: int
    headers: list[str]  # the columns in view (the leftmost ones)
    values: list[str]  # the asked-for column, top to bottom (empty when it is not in view)


def read_grid(df: Locator, column: str | None = None) -> Grid:
    """Row count, visible headers and one column's every value of an st.dataframe."""
    df.scroll_into_view_if_needed()
    raw = df.evaluate(_GRID_JS, column or "")
    ordered = [v for _, v in sorted(raw["values"].items(), key=lambda kv: int(kv[0]))]
    if column and column not in raw["headers"]:  # a renamed header must fail, not read as empty
        raise AssertionError(f"no column {column!r} in the grid: {raw['headers']}")
    if column and len(ordered) != raw["rowcount"]:
        raise AssertionError(f"read {len(ordered)} of the grid's {raw['rowcount']} rows")
    return Grid(raw["rowcount"], raw["headers"], ordered)


def undated_summaries(main: Locator) -> list[str]:
    """The Timeline's undated rows when listed as text (up to links.UNDATED_LIST_ROWS): each
    list item's summary, the bold text it starts with."""
    items = main.get_by_test_id("stMarkdownContainer").locator("li")
    return [items.nth(i).locator("strong").first.inner_text() for i in range(items.count())]


def grid_rowcount(df: Locator) -> int:
    return read_grid(df).rowcount


def click_grid_row_marker(df: Locator, row: int, row_height: int, header_height: int = 36) -> None:
    """Tick a row's selection checkbox (the first, marker column) in a selectable st.dataframe."""
    df.scroll_into_view_if_needed()
    scroller = df.locator(".dvn-scroller")
    scroller.click(position={"x": 18, "y": header_height + row * row_height + row_height // 2})


# --- test datasets -------------------------------------------------------------------------------


def copy_dataset(dest: Path) -> Path:
    """A copy of the repo's dataset with its seeds inside: DEST/*.csv and DEST/seeds/."""
    shutil.copytree(DATASETS, dest)
    shutil.copytree(SEEDS, dest / "seeds")
    return dest


def edit_cells(folder: Path, table: str, edits: dict[tuple[str, str], str]) -> None:
    """Set cells by (primary key, column); every other byte of the file stays as it was."""
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    header = rows[0]
    left = dict(edits)
    for row in rows[1:]:
        for (key, column), value in edits.items():
            if row and row[0] == key:
                row[header.index(column)] = value
                left.pop((key, column))
    if left:
        raise KeyError(f"no such rows in {table}: {sorted(left)}")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


FORMULA = '=HYPERLINK("http://127.0.0.1:9/x","click")'
IFRAME = '<iframe srcdoc="<script>window.top.__xss=1</script>"></iframe>'
BEACON = "![](http://127.0.0.1:9/x.png)"
# How Markdown sinks show it: as written, with an invisible word joiner after the scheme's colon
# that keeps GFM from turning the address into a link (dashboard/builders/text.py).
BEACON_SHOWN = BEACON.replace("http://", "http:\u2060//")
TRAP_HOST = "127.0.0.1:9"

# Where each payload goes: rows every page shows (Overview lists the denials ev20 and ev21 with
# their summaries; ev01 is dated 2024-11-20 and involves North Korea, so it is in the download).
HOSTILE_EDITS = {
    ("000-ev01", "summary"): FORMULA,
    ("000-ev20", "summary"): IFRAME,
    ("000-ev21", "summary"): BEACON,
    ("000-ev02", "notes"): IFRAME + " " + BEACON,
}
BAD_DATE = "2024-13-40"
BROKEN_EDITS = {("000-ev06", "date_start"): BAD_DATE}


def build_dataset(dest: Path, edits: dict[tuple[str, str], str], table: str = "events") -> Path:
    copy_dataset(dest)
    edit_cells(dest, table, edits)
    return dest


@dataclass
class Recorder:
    """What a page logged and asked for while a test drove it."""

    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.page_errors.append(str(err)))
        page.on("request", lambda req: self.requests.append(req.url))

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append((msg.text, (msg.location or {}).get("url", "")))
