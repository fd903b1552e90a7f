"""deploy/nginx.conf.template: sticky sessions over N replicas, websocket upgrade, health.

Runs the real nginx (Debian's package, installed by .ci/run) in front of two tiny HTTP
servers on 127.0.0.1 that answer with their own name, so stickiness is seen, not assumed.
"""

from __future__ import annotations

import http.server
import os
import re
import threading
import urllib.request
from pathlib import Path

import pytest

from bench.replicas import NGINX, proxy, render_conf

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def test_rendered_conf_lists_every_replica_and_upgrades_the_websocket(tmp_path):
    conf = render_conf(tmp_path, 9000, [8501, 8502, 8503])
    assert re.findall(r"server 127\.0\.0\.1:(\d+) max_fails", conf) == ["8501", "8502", "8503"]
    assert "hash $st_affinity consistent;" in conf
    stream = conf[conf.index("location /_stcore/stream") :]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert "listen 127.0.0.1:9000;" in conf
    assert "{{" not in conf


class _Named(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        body = b"ok" if self.path == "/_stcore/health" else self.server.name.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def replicas():
    servers = []
    for name in ("replica-a", "replica-b"):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Named)
        server.name = name
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield [s.server_address[1] for s in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


def _get(url: str, cookie: str | None = None) -> tuple[str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with OPENER.open(request, timeout=5) as response:
        return response.read().decode(), response.headers.get("Set-Cookie", "")


def test_a_browser_stays_on_its_replica_and_new_browsers_spread(replicas):
    if not Path(NGINX).exists():
        message = "nginx is not installed: apt-get install nginx (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with proxy(replicas) as url:
        assert _get(f"{url}/healthz")[0] == "ok\n"
        body, set_cookie = _get(f"{url}/")
        cookie = set_cookie.split(";")[0]
        assert cookie.startswith("st_affinity=") and len(cookie) > len("st_affinity=")
        # The same cookie: the same replica, every time.
        assert {_get(f"{url}/", cookie)[0] for _ in range(20)} == {body}
        # New browsers (no cookie yet) land on both replicas.
        assert {_get(f"{url}/")[0] for _ in range(40)} == {"replica-a", "replica-b"}
