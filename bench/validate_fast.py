"""The validator's fast path (dashboard/data/fastcsv.py) timed beside same-run baselines.

    .venv/bin/python -m bench.validate_fast [--runs 5] [--sizes 250000,1000000]

For each synthetic size, interleaved run by run so noise falls on every way alike, each run a
fresh process reporting its wall time, CPU time and peak RSS:
- validate: `python -m dashboard validate DIR` as shipped (the fast path where it holds);
- exact: the same with the fast path switched off (the line-numbered path alone, as before);
- read_csv: pandas.read_csv of the same tables, every column as text (reading alone: no
  parsing, no checks, no rules), the floor any validator stands on.
Writes bench/validate-fast-results.json (medians, ratios and every sample).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import REPO, dataset

RESULTS = REPO / "bench" / "validate-fast-results.json"
WAYS = {
    "validate": """
from dashboard.__main__ import validate
ok = validate(FOLDER) == 0
""",
    "exact": """
from dashboard.data import reading
reading.fast_table = lambda data, table: None
from dashboard.__main__ import validate
ok = validate(FOLDER) == 0
""",
    "read_csv": """
import pandas as pd
from dashboard.schema import TABLES
for t in TABLES.values():
    if (FOLDER / t.path).is_file():
        pd.read_csv(FOLDER / t.path, dtype=str, keep_default_na=False)
ok = True
""",
}
WRAP = """
import contextlib, io, resource, sys, time
from pathlib import Path
FOLDER = Path(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()):
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
with open("/proc/self/status") as fh:  # VmHWM: ru_maxrss would carry the parent's peak too
    peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print("BENCH", int(ok), usage.ru_utime + usage.ru_stime, peak // 1024)
"""


def run_once(way: str, folder: Path) -> dict:
    body = "\n".join(f"    {line}" for line in WAYS[way].strip().splitlines())
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", WRAP.format(body=body), str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    _, ok, cpu, peak = done.stdout.strip().splitlines()[-1].split()
    if ok != "1":
        raise RuntimeError(f"{way} failed on {folder}")
    return {"wall_s": wall, "cpu_s": float(cpu), "peak_rss_mb": int(peak)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="250000,1000000")
    parser.add_argument("--ways", default=",".join(WAYS))
    args = parser.parse_args()
    ways = args.ways.split(",")
    out: dict = {"runs": args.runs, "sizes": {}}
    for size in args.sizes.split(","):
        folder = Path(size) if Path(size).is_dir() else dataset(size)
        samples: dict[str, list[dict]] = {way: [] for way in ways}
        for _ in range(args.runs):
            for way in ways:
                samples[way].append(run_once(way, folder))
                print(size, way, samples[way][-1], file=sys.stderr, flush=True)
        medians = {
            way: {k: statistics.median(s[k] for s in runs) for k in runs[0]}
            for way, runs in samples.items()
        }
        base = medians.get("read_csv", {}).get("wall_s")
        ratios = {way: m["wall_s"] / base for way, m in medians.items()} if base else {}
        out["sizes"][size] = {
            "median": medians,
            "wall_ratio_to_read_csv": ratios,
            "samples": samples,
        }
        print(json.dumps({size: {"median": medians, "ratio": ratios}}, indent=1))
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
