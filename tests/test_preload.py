"""A page that opens on a chart has its HTML ask for plotly.js at once (dashboard/web/preload.py);
every other response is left exactly as Streamlit sent it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.pages import PAGES
from dashboard.web import app, preload

PAGE = b"<html><head><title>x</title></head><body></body></html>"
CHUNK = "PlotlyChart.abc123.js"
TAGS = (
    b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.abc123.js">'
    b'<script type="module">(window.requestIdleCallback || setTimeout)'
    b'(() => import("./static/js/PlotlyChart.abc123.js"), {timeout: 1000});</script>'
)


def serve(body: bytes, headers: list[tuple[bytes, bytes]], status: int = 200):
    """A tiny ASGI app answering every request with `body`; it notes the request's headers."""
    seen = {}

    async def asgi(scope, receive, send):
        seen["headers"] = scope.get("headers", [])
        await send({"type": "http.response.start", "status": status, "headers": headers})
        half = len(body) // 2  # in two parts, as a file response may send it
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:], "more_body": False})

    return asgi, seen


def get(asgi, path: str, method: str = "GET") -> tuple[dict, bytes]:
    sent = []
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"accept-encoding", b"gzip"), (b"host", b"x")],
    }

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    # In a thread of its own: a browser test earlier in the same pytest process (Playwright's
    # sync API) leaves an event loop running in this one, and asyncio.run refuses to nest.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(
            asyncio.run, preload.PreloadCharts(asgi, chunk=CHUNK)(scope, receive, send)
        ).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {k: v for k, v in start["headers"]}, body


HTML = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"56"), (b"etag", b"e")]


@pytest.mark.parametrize(
    "path", ["/timeline", "/map", "/equipment", "/history", "/print", "/base/map/", "/timeline/"]
)
def test_a_chart_page_gets_the_preload_before_its_head_ends(path):
    asgi, seen = serve(PAGE, HTML)
    headers, body = get(asgi, path)
    assert body == b"<html><head><title>x</title>" + TAGS + b"</head><body></body></html>"
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"etag" not in headers  # the body differs from the file the tag named
    assert (b"accept-encoding", b"gzip") not in seen["headers"]  # asked plain, to be read


@pytest.mark.parametrize(
    "path", ["/", "/overview", "/data", "/sources", "/row", "/static/js/x.js", "/_stcore/health"]
)
def test_other_addresses_pass_through_untouched(path):
    asgi, seen = serve(PAGE, HTML)
    headers, body = get(asgi, path)
    assert (body, headers) == (PAGE, dict(HTML))
    assert (b"accept-encoding", b"gzip") in seen["headers"]


@pytest.mark.parametrize(
    "headers, status",
    [
        pytest.param([(b"content-type", b"application/javascript")], 200, id="not html"),
        pytest.param(HTML + [(b"content-encoding", b"gzip")], 200, id="compressed"),
        pytest.param(HTML, 304, id="not modified"),
    ],
)
def test_a_chart_address_that_is_not_plain_html_passes_through(headers, status):
    asgi, _ = serve(PAGE, headers, status)
    got_headers, body = get(asgi, "/timeline")
    assert (body, got_headers) == (PAGE, dict(headers))


def test_a_head_request_and_a_missing_chunk_change_nothing():
    asgi, _ = serve(PAGE, HTML)
    assert get(asgi, "/timeline", method="HEAD")[1] == PAGE
    assert preload.PreloadCharts(asgi, chunk=None).tags == b""


def test_the_installed_streamlit_has_one_plotly_chunk_and_the_server_uses_it():
    name = preload.chunk_name()
    assert name is not None and name.startswith("PlotlyChart.") and name.endswith(".js")
    assert (preload.STREAMLIT_JS / name).is_file()
    [middleware] = [m for m in app.MIDDLEWARE if m.cls is preload.PreloadCharts]
    assert middleware.kwargs == {"chunk": name}


def test_the_chart_pages_are_the_registry_s():
    assert {"timeline", "map", "equipment", "history", "print"} == preload.CHART_PAGES
    assert {p.url for p in PAGES if p.chart} == preload.CHART_PAGES
    assert preload.chunk_name(preload.STREAMLIT_JS / "nowhere") is None


def test_preloading_can_be_turned_off_for_a_measurement():
    assert preload.configured_chunk({"DASHBOARD_PRELOAD": "0"}) is None
    assert preload.configured_chunk({}) == preload.chunk_name()
    assert preload.configured_chunk({"DASHBOARD_PRELOAD": "1"}) == preload.chunk_name()
