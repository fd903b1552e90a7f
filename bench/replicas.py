"""`make load REPLICAS=N`: N app processes behind nginx on 127.0.0.1, sessions driven through it.

    python -m bench.replicas [--replicas 1 2] [--sessions 40] [--seconds 60] [--data DIR]

For each replica count: start the app N times (each `streamlit run` on its own port, the same
read-only dataset folder), render deploy/nginx.conf.template for them, start nginx (Debian's
package; `make load` installs it when missing), wait until the proxy and every replica answer
/_stcore/health, then drive the sessions of bench/load.py through the proxy. Each session sends
its own affinity cookie, as a browser would after its first page load, so sessions spread over
the replicas and each stays on one. Results: bench/replicas-results.json, and a table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from bench.common import APP, REPO, SEED_DATA, Server, free_port
from bench.load import Session, _percentile

TEMPLATE = REPO / "deploy" / "nginx.conf.template"
RESULTS = REPO / "bench" / "replicas-results.json"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render_conf(run_dir: Path, listen: int, ports: list[int]) -> str:
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;" for p in ports
    )
    return (
        TEMPLATE.read_text()
        .replace("{{RUN_DIR}}", str(run_dir))
        .replace("{{LISTEN}}", f"127.0.0.1:{listen}")
        .replace("{{SERVERS}}", servers)
    )


@contextlib.contextmanager
def proxy(ports: list[int]):
    """nginx on a free 127.0.0.1 port in front of `ports`; stopped on exit."""
    run_dir = Path(tempfile.mkdtemp(prefix="dashboard-nginx-"))
    listen = free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(render_conf(run_dir, listen, ports))
    subprocess.run([NGINX, "-t", "-q", "-c", str(conf), "-p", str(run_dir)], check=True)
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(run_dir), "-g", "daemon off;"])
    try:
        url = f"http://127.0.0.1:{listen}"
        _wait_ok(f"{url}/healthz")
        for _ in ports:  # through the proxy: each replica in turn is asked by some cookie
            _wait_ok(f"{url}/_stcore/health")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(run_dir, ignore_errors=True)


def _wait_ok(url: str, timeout: float = 60) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with opener.open(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer")


async def _drive(url: str, sessions: int, seconds: float) -> dict:
    start = time.perf_counter() + 0.5
    clients = [
        Session(url, "", "undated", {"Cookie": f"st_affinity={uuid.uuid4().hex}"})
        for _ in range(sessions)
    ]
    stagger = 1.0 / sessions
    await asyncio.gather(
        *(c.run(start + i * stagger, start + seconds) for i, c in enumerate(clients))
    )
    latencies = [x for c in clients for x in c.latencies]
    errors = [e for c in clients for e in c.errors]
    return {
        "sessions": sessions,
        "held": sum(c.completed for c in clients),
        "reruns": len(latencies),
        "p50_ms": round(1000 * _percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * _percentile(latencies, 0.95), 1),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
    }


def run(replicas: int, sessions: int, seconds: float, data: Path) -> dict:
    servers = [Server(APP, data) for _ in range(replicas)]
    try:
        for s in servers:
            s.start()
        for s in servers:
            s.wait_healthy()
        with proxy([s.port for s in servers]) as url:
            result = asyncio.run(_drive(url, sessions, seconds))
        result["rss_peak_mb_per_replica"] = [round(s.peak_rss / 1e6) for s in servers]
        return {"replicas": replicas, **result}
    finally:
        for s in servers:
            s.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.replicas", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", type=Path, default=SEED_DATA)
    args = parser.parse_args(argv)
    rows = []
    for n in args.replicas:
        print(
            f"{n} replica(s) behind nginx: {args.sessions} sessions x {args.seconds:.0f} s",
            flush=True,
        )
        rows.append(run(n, args.sessions, args.seconds, args.data))
        print(json.dumps(rows[-1]), flush=True)
    print(
        "\n| replicas | sessions held | reruns | p50 ms | p95 ms | errors |\n|---:|---:|---:|---:|---:|---:|"
    )
    for r in rows:
        print(
            f"| {r['replicas']} | {r['held']}/{r['sessions']} | {r['reruns']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['errors']} |"
        )
    RESULTS.write_text(
        json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "runs": rows}, indent=1)
    )
    return 0 if all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
