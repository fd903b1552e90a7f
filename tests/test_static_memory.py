"""Streamlit's front-end files answered from memory (dashboard/web/static_memory.py): the same
status, headers and bytes as Streamlit's own static handler, and everything else left to it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.exceptions import HTTPException
from streamlit import config
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from dashboard.web import app, preload, static_memory

FOLDER = static_memory.FOLDER
INDEX_JS = sorted(p.name for p in (FOLDER / "js").glob("index.*.js"))[0]
CSS = sorted(p.name for p in (FOLDER / "css").glob("*.css"))[0]
FONT = sorted(p.name for p in (FOLDER / "media").glob("*.woff2"))[0]
ASSETS = [f"js/{INDEX_JS}", f"css/{CSS}", f"media/{FONT}", f"js/{preload.chunk_name()}"]


def streamlit_static():
    """Streamlit's own handler for its static folder, as its server mounts it at "/"."""
    return create_streamlit_static_handler(directory=str(FOLDER.parent), base_url=None)


def call(asgi, path: str, method: str = "GET", headers=()) -> tuple[int, dict, bytes]:
    sent = []
    scope = {
        "type": "http",
        # 2.4: a file response sends its body without also watching for a disconnect
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "scheme": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"x"), *headers],
        "server": ("127.0.0.1", 8501),
        "client": ("127.0.0.1", 5000),
    }

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    # In a thread of its own: Playwright's sync API leaves an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, asgi(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], dict(start["headers"]), body


class Counting:
    """Streamlit's handler, counting the requests that reach it."""

    def __init__(self):
        self.inner, self.calls = streamlit_static(), []

    async def __call__(self, scope, receive, send):
        self.calls.append(scope["path"])
        try:
            await self.inner(scope, receive, send)
        except HTTPException as err:  # Starlette's exception middleware would answer it
            await send({"type": "http.response.start", "status": err.status_code, "headers": []})
            await send({"type": "http.response.body", "body": b""})


@pytest.mark.parametrize("asset", ASSETS)
def test_an_asset_is_answered_as_streamlit_answers_it(asset):
    inner = Counting()
    ours = call(static_memory.StaticFromMemory(inner), f"/static/{asset}")
    theirs = call(streamlit_static(), f"/static/{asset}")
    assert inner.calls == []  # answered without Streamlit's handler
    assert ours == theirs
    assert ours[0] == 200
    assert ours[2] == (FOLDER / asset).read_bytes()
    assert ours[1][b"cache-control"] == b"public, immutable, max-age=31536000"


def test_a_file_is_read_once_and_then_served_from_memory(monkeypatch):
    reads = []
    real = static_memory.read_asset
    monkeypatch.setattr(
        static_memory, "read_asset", lambda folder, key: reads.append(key) or real(folder, key)
    )
    middleware = static_memory.StaticFromMemory(Counting())
    first = call(middleware, f"/static/js/{INDEX_JS}")
    second = call(middleware, f"/static/js/{INDEX_JS}")
    assert reads == [f"js/{INDEX_JS}"]
    assert first == second
    assert list(middleware.files) == [f"js/{INDEX_JS}"]


def test_a_head_request_gets_the_headers_and_no_body():
    status, headers, body = call(
        static_memory.StaticFromMemory(Counting()), f"/static/css/{CSS}", "HEAD"
    )
    assert (status, body) == (200, b"")
    assert headers[b"content-length"] == str((FOLDER / "css" / CSS).stat().st_size).encode()


@pytest.mark.parametrize(
    "path",
    [
        "/",  # the page itself: Streamlit's (and the preload's)
        "/timeline",
        "/static/js/../../index.html",  # not a plain name
        "/static/js/sub/x.js",
        "/static/../static/js/x.js",
        "/static/img/x.png",  # not a kind kept
        "/static/js/no-such-file.js",  # missing: Streamlit answers (and nothing is kept)
        "/static/js/.hidden",
        "/_stcore/health",
        "/app/static/countries.geojson",  # the app's own static folder
    ],
)
def test_other_paths_go_to_streamlit_and_nothing_is_kept(path):
    inner = Counting()
    middleware = static_memory.StaticFromMemory(inner)
    call(middleware, path)
    assert inner.calls == [path]
    assert middleware.files == {}


@pytest.mark.parametrize(
    "header",
    [
        (b"range", b"bytes=0-10"),
        (b"if-none-match", b'"abc"'),
        (b"if-modified-since", b"Thu, 01 Jan 2026 00:00:00 GMT"),
        (b"if-range", b'"abc"'),
    ],
)
def test_range_and_conditional_requests_go_to_streamlit(header):
    inner = Counting()
    call(static_memory.StaticFromMemory(inner), f"/static/js/{INDEX_JS}", headers=[header])
    assert inner.calls == [f"/static/js/{INDEX_JS}"]


def test_other_methods_and_websockets_go_to_streamlit():
    inner = Counting()
    middleware = static_memory.StaticFromMemory(inner)
    call(middleware, f"/static/js/{INDEX_JS}", "POST")
    assert inner.calls == [f"/static/js/{INDEX_JS}"]
    seen = []

    async def app_(scope, receive, send):
        seen.append(scope["type"])

    with ThreadPoolExecutor(1) as pool:  # not in this thread: see call()
        scope = {"type": "websocket", "path": "/x"}
        pool.submit(asyncio.run, static_memory.StaticFromMemory(app_)(scope, 0, 0)).result()
    assert seen == ["websocket"]


def test_under_a_base_path_only_its_own_addresses_are_answered():
    config.set_option("server.baseUrlPath", "/tracker/")
    try:
        assert static_memory.base_path() == "/tracker"
        assert static_memory.asset(f"/tracker/static/js/{INDEX_JS}", "/tracker") == (
            f"js/{INDEX_JS}"
        )
        inner = Counting()
        status, _, body = call(
            static_memory.StaticFromMemory(inner), f"/tracker/static/js/{INDEX_JS}"
        )
        assert (status, inner.calls) == (200, [])
        assert body == (FOLDER / "js" / INDEX_JS).read_bytes()
        call(static_memory.StaticFromMemory(inner), f"/static/js/{INDEX_JS}")
        assert inner.calls == [f"/static/js/{INDEX_JS}"]
    finally:
        config.set_option("server.baseUrlPath", "")
    assert static_memory.base_path() == ""


def test_switched_off_everything_goes_to_streamlit():
    assert static_memory.enabled({}) is True
    assert static_memory.enabled({static_memory.OFF_ENV: "0"}) is False
    inner = Counting()
    call(static_memory.StaticFromMemory(inner, on=False), f"/static/js/{INDEX_JS}")
    assert inner.calls == [f"/static/js/{INDEX_JS}"]


def test_the_server_answers_assets_first_then_preloads():
    kinds = [m.cls for m in app.MIDDLEWARE]
    assert kinds == [static_memory.StaticFromMemory, preload.PreloadCharts]
