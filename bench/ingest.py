"""Ingest speed: `python -m dashboard ingest` on a 2,000-word article, median of RUNS runs.

    python -m bench.ingest [--runs N] [--words 2000]

Each run ingests into a fresh copy of the dataset, in a fresh process (the curator's command,
imports and gazetteer included). Baseline, measured in the same run the same way:
`python -m dashboard validate` on a copy of the seed dataset. Target: 2 s for 2,000 words.
Writes bench/ingest-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import REPO, median

FIXTURES = REPO / "tests" / "fixtures" / "articles"
RESULTS = REPO / "bench" / "ingest-results.json"
TARGET_S = 2.0


def article(words: int) -> str:
    """A synthetic article of about `words` words: the fixture articles' sentences, with the
    figures and days varied so that no two paragraphs are the same."""
    lines = []
    for path in sorted(FIXTURES.glob("*.txt")):
        lines += [x for x in path.read_text("utf-8").splitlines()[1:] if x.strip().endswith(".")]
    out = ["SYNTHETIC TEST TEXT — not a real article", "A long synthetic report for the benchmark"]
    k = 0
    while sum(len(x.split()) for x in out) < words:
        line = lines[k % len(lines)].replace("50", str(50 + k)).replace("3,000", f"{3 + k},000")
        out.append(line)
        k += 1
    return "\n".join(out) + "\n"


def copy_dataset(tmp: Path) -> Path:
    shutil.copytree(
        REPO / "datasets", tmp / "datasets", ignore=shutil.ignore_patterns("drafts", ".history")
    )
    shutil.copytree(REPO / "seeds", tmp / "seeds")
    return tmp / "datasets"


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of `python -m dashboard ARGV` in a fresh process. CPU time (user +
    system of the child) is kept beside wall time: on a shared machine the wall time of a run
    grows with the load while its CPU time does not."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", *argv], cwd=REPO, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise RuntimeError(f"{argv[0]} failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=2000)
    opts = parser.parse_args()
    text = article(opts.words)
    ingest, baseline = [], []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "article.txt"
        source.write_text(text, encoding="utf-8")
        for i in range(opts.runs):
            data = copy_dataset(tmp / f"run{i}")
            baseline.append(timed(["validate", str(data)]))
            ingest.append(
                timed(
                    [
                        "ingest",
                        str(source),
                        "--publisher",
                        "Bench Wire",
                        "--published",
                        "2024-11-20",
                        "--data",
                        str(data),
                    ]
                )
            )
    wall = [w for w, _ in ingest]
    cpu = [c for _, c in ingest]
    base_wall = [w for w, _ in baseline]
    base_cpu = [c for _, c in baseline]
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "words": len(text.split()),
        "runs": opts.runs,
        "ingest_median_s": round(median(wall), 3),
        "ingest_cpu_median_s": round(median(cpu), 3),
        "baseline_validate_median_s": round(median(base_wall), 3),
        "baseline_validate_cpu_median_s": round(median(base_cpu), 3),
        "ratio_to_baseline": round(median(wall) / median(base_wall), 2),
        "cpu_ratio_to_baseline": round(median(cpu) / median(base_cpu), 2),
        "target_s": TARGET_S,
        "meets_target_cpu": median(cpu) <= TARGET_S,
        "meets_target_wall": median(wall) <= TARGET_S,
        "samples": {"ingest": ingest, "validate": baseline},
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"| ingest of {result['words']} words | wall {result['ingest_median_s']} s, CPU "
        f"{result['ingest_cpu_median_s']} s | validate (baseline) wall "
        f"{result['baseline_validate_median_s']} s, CPU {result['baseline_validate_cpu_median_s']} s "
        f"| ratio {result['ratio_to_baseline']} (CPU {result['cpu_ratio_to_baseline']}) | load "
        f"{result['load_average_1m']} on {result['cpus']} CPUs |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
