"""The validated-dataset disk cache (dashboard/web/validated.py) beside validating, at one size.

    .venv/bin/python -m bench.validated_cache DIR [--runs 5]

Interleaved run by run, each run a fresh process reporting wall time, CPU time and peak RSS:
- validate: load_dataset(DIR), what a server start does without the cache (the baseline);
- cached: validated.read(DIR) from a pickle written once before the runs (hashing every file
  for the key, then unpickling), what a restart with unchanged files does;
- hash: validated.content_key(DIR) alone, the part of `cached` that is not unpickling.
Also reported: the pickle's size on disk and the time to write it (validated.write, once).
MAX_SOURCE_BYTES is lifted in these processes: the costs are measured to choose it.
Prints JSON; writes nothing in the repository.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WAYS = {
    "validate": "from dashboard.data.dataset import load_dataset\nok = len(load_dataset(FOLDER).events) > 0",
    "cached": "ds, _ = validated.read(FOLDER)\nok = ds is not None and len(ds.events) > 0",
    "hash": "ok = validated.content_key(FOLDER) is not None",
}
WRAP = """
import os, resource, sys, time
from pathlib import Path
FOLDER = Path(sys.argv[1])
os.environ["DASHBOARD_CACHE_DIR"] = sys.argv[2]
from dashboard.web import validated
validated.enable()
validated.MAX_SOURCE_BYTES = 2**40  # measured whatever the cap, to choose the cap
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
with open("/proc/self/status") as fh:  # VmHWM: ru_maxrss would carry the parent's peak too
    peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print("BENCH", int(ok), usage.ru_utime + usage.ru_stime, peak // 1024)
"""
WRITE = """
import os, sys, time
from pathlib import Path
FOLDER = Path(sys.argv[1])
os.environ["DASHBOARD_CACHE_DIR"] = sys.argv[2]
from dashboard.data.dataset import load_dataset
from dashboard.web import validated
validated.enable()
validated.MAX_SOURCE_BYTES = 2**40
before = validated.content_key(FOLDER)
ds = load_dataset(FOLDER)
started = time.perf_counter()
ok = validated.write(FOLDER, ds, before)
print("WROTE", int(ok), time.perf_counter() - started)
"""


def run(code: str, folder: Path, cache: Path) -> tuple[float, list[str]]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(cache)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return time.perf_counter() - started, out.split()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "validated"
        _, wrote = run(WRITE, args.folder, cache)
        assert wrote[1] == "1", "the dataset was not stored"
        (pickled,) = cache.glob("*.pickle")
        samples: dict[str, list[tuple[float, float, int]]] = {way: [] for way in WAYS}
        for _ in range(args.runs):  # interleaved: noise falls on every way alike
            for way, body in WAYS.items():
                wall, out = run(WRAP.format(body=body), args.folder, cache)
                assert out[-4] == "BENCH" and out[-3] == "1", (way, out)
                samples[way].append((wall, float(out[-2]), int(out[-1])))
        size_mb = pickled.stat().st_size / 2**20
    base = statistics.median(s[0] for s in samples["validate"])
    rows = {
        way: {
            "runs": len(s),
            "wall_median_s": round(statistics.median(x[0] for x in s), 2),
            "cpu_median_s": round(statistics.median(x[1] for x in s), 2),
            "peak_rss_mb_median": statistics.median(x[2] for x in s),
            "wall_ratio_to_validate": round(statistics.median(x[0] for x in s) / base, 2),
            "wall_samples_s": [round(x[0], 2) for x in s],
        }
        for way, s in samples.items()
    }
    print(json.dumps({"pickle_mb": round(size_mb), "write_s": round(float(wrote[2]), 2)} | rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
