"""What the benchmarks share: the apps, a Streamlit server on 127.0.0.1, memory sampling, data."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "web" / "app.py"
HELLO = REPO / "bench" / "hello.py"
SEED_DATA = REPO / "datasets"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CACHE = Path(tempfile.gettempdir()) / "dashboard-bench"


def chromium_path() -> str | None:
    """Debian's Chromium when present, else Playwright's own (None)."""
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def synthetic(n_events: int) -> Path:
    """A synthetic dataset of n events, written once per version of bench/synth.py and reused."""
    from bench import synth

    stamp = hashlib.sha256(Path(synth.__file__).read_bytes()).hexdigest()[:10]
    folder = CACHE / f"synth-{n_events}-{stamp}"
    if not (folder / "events.csv").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        synth.write_dataset(folder.with_suffix(".tmp"), n_events)
        folder.with_suffix(".tmp").rename(folder)
    return folder


def dataset(size: str) -> Path:
    """'seed' is the real dataset; a number is that many synthetic events."""
    return SEED_DATA if size == "seed" else synthetic(int(size))


class Server:
    """`streamlit run` on 127.0.0.1 as `make run` starts it, stopped on exit; samples its RSS."""

    def __init__(self, script: Path = APP, data: Path | None = None, extra: list[str] = ()):
        self.script, self.data, self.port = script, data, free_port()
        self.extra = list(extra)  # further `--section.option=value` flags
        self.url = f"http://127.0.0.1:{self.port}"
        self.peak_rss = 0
        self._stop = threading.Event()

    def start(self) -> float:
        """Start the process; return its start time (time.perf_counter)."""
        env = dict(os.environ)
        if self.data is not None:
            env["DASHBOARD_DATA_DIR"] = str(self.data)
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={self.port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
            "--global.developmentMode=false",
            *self.extra,
        ]
        started = time.perf_counter()
        CACHE.mkdir(parents=True, exist_ok=True)
        self.log = CACHE / f"server-{self.port}.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=log)
        self.ps = psutil.Process(self.proc.pid)
        threading.Thread(target=self._sample, daemon=True).start()
        return started

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.02)
        raise TimeoutError("server did not become healthy")

    def rss(self) -> int:
        try:
            return self.ps.memory_info().rss
        except psutil.Error:
            return 0

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_rss = max(self.peak_rss, self.rss())
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        self.start()
        self.wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
