"""Validate hostile files (issue 13 item 5): time and peak memory, medians, beside a baseline.

    .venv/bin/python -m bench.validate_hostile [--runs 5]

Cases, each a copy of datasets/ + seeds/ with events.csv replaced:
- baseline: the real dataset, untouched;
- ragged-plain: the header, then 50 MB of "x,y" lines (13 million ragged rows, no quotes);
- ragged-quoted: the header, then 50 MB of quoted rows one field too long (200,000 rows);
- wide-header: claims.csv with 100,000 more columns in its header.
Each run is a fresh `python -m dashboard validate` process that reports its own peak RSS
(VmHWM; ru_maxrss would include its parent's, tests/test_hostile_data.py).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = 50 * 1024 * 1024
RUN = """
import contextlib, io, sys
from pathlib import Path
from dashboard.__main__ import validate
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    validate(Path(sys.argv[1]))
with open("/proc/self/status") as fh:  # VmHWM: ru_maxrss would carry this bench's own peak
    print(next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024)
"""


def _copy(root: Path, name: str) -> Path:
    data = root / name / "datasets"
    data.mkdir(parents=True)
    for path in (REPO / "datasets").glob("*.csv"):
        shutil.copy(path, data / path.name)
    shutil.copytree(REPO / "seeds", root / name / "seeds")
    return data


def make_cases(root: Path) -> dict[str, Path]:
    header = (REPO / "datasets" / "events.csv").read_bytes().split(b"\n", 1)[0] + b"\n"
    width = header.count(b",") + 1
    cases = {"baseline": _copy(root, "baseline")}
    plain = _copy(root, "ragged-plain")
    (plain / "events.csv").write_bytes(header + b"x,y\n" * (SIZE // 4))
    quoted = _copy(root, "ragged-quoted")
    row = b",".join([b'"000-ev99"'] + [b'"a, b"'] * width) + b"\n"
    (quoted / "events.csv").write_bytes(header + row * (SIZE // len(row)))
    wide = _copy(root, "wide-header")
    head, body = (wide / "claims.csv").read_text(encoding="utf-8").split("\n", 1)
    extra = ",".join(f"c{i}" for i in range(100_000))
    (wide / "claims.csv").write_text(f"{head},{extra}\n{body}", encoding="utf-8")
    return cases | {"ragged-plain": plain, "ragged-quoted": quoted, "wide-header": wide}


def measure(folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUN, str(folder)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, int(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_cases(Path(tmp))
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved: noise falls on every case alike
            for name, folder in cases.items():
                seconds, peak = measure(folder)
                times[name].append(seconds)
                peaks[name].append(peak)
    base = statistics.median(times["baseline"])
    rows = {
        name: {
            "median_s": round(statistics.median(times[name]), 2),
            "ratio_to_baseline": round(statistics.median(times[name]) / base, 1),
            "peak_rss_mb": max(peaks[name]),
        }
        for name in cases
    }
    print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
