"""Streamlit's front-end files, served from memory while the warm-up thread holds the GIL.

A browser opening the dashboard fetches ≈ 60 of Streamlit's files (≈ 2.3 MB, 4.7 MB more for
plotly's chunk) while `warmup.warm` imports pandas, pandera and plotly in a thread beside the
server. Starlette serves each file with a worker thread per open, read (64 KB at a time) and
close, and each hop between that thread and the event loop waits for the GIL the warm-up holds:
fetching them one after another right after the server answered took 344 ms against hello-world's
89 ms, plotly's chunk 61–91 ms against 12–15 (docs/PERFORMANCE.md). This ASGI middleware answers
a plain GET or HEAD of `<base>/static/{js,css,media}/<file>` itself: the file is read once, in
the event loop (one read from the page cache), kept, and sent in one message, with the headers
Starlette's FileResponse computes for it and Streamlit's cache policy for its hashed bundles.
Anything else — another path, a name that is not a plain file name, a Range or conditional
request, a file that is not there — goes to Streamlit as before. What is kept is bounded by
Streamlit's own static folder (≈ 26 MB; the front end asks for ≈ 7 MB of it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import streamlit
from starlette.responses import FileResponse

FOLDER = Path(streamlit.__file__).parent / "static" / "static"  # what `<base>/static/` maps to
KINDS = frozenset({"js", "css", "media"})
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")  # one plain file name: no "/", no ".."
# Streamlit's Cache-Control for its hashed bundles (starlette_static_routes._apply_cache_headers)
IMMUTABLE = "public, immutable, max-age=31536000"
# Requests Streamlit answers differently from a plain 200: left to it.
PASS_HEADERS = frozenset({b"range", b"if-range", b"if-none-match", b"if-modified-since"})
OFF_ENV = "DASHBOARD_STATIC_MEMORY"  # "0" turns it off (the bench measures the difference)


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(OFF_ENV, "") != "0"


def base_path() -> str:
    """The server's base URL path as Streamlit mounts it: "" or "/some/path"."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def asset(path: str, base: str) -> str | None:
    """'js/<name>' (etc.) when `path` asks for one of Streamlit's static files, else None."""
    prefix = f"{base}/static/"
    if not path.startswith(prefix):
        return None
    kind, _, name = path[len(prefix) :].partition("/")
    if kind not in KINDS or not NAME.fullmatch(name):
        return None
    return f"{kind}/{name}"


def read_asset(folder: Path, key: str) -> tuple[list[tuple[bytes, bytes]], bytes] | None:
    """Headers and bytes for folder/key, or None when it is not a regular file there."""
    path = folder / key
    try:
        info = path.stat()
        if not path.is_file() or path.resolve().parent.parent != folder.resolve():
            return None
        body = path.read_bytes()
    except OSError:
        return None
    if len(body) != info.st_size:  # changed while read: Streamlit serves it
        return None
    response = FileResponse(path, stat_result=info)  # Starlette's type, length, etag, date
    response.headers["cache-control"] = IMMUTABLE
    return response.raw_headers, body


class StaticFromMemory:
    """ASGI middleware: plain GET/HEAD of Streamlit's static files answered from memory."""

    def __init__(self, app, folder: Path = FOLDER, on: bool = True):
        self.app, self.folder, self.on = app, folder, on
        self.files: dict[str, tuple[list[tuple[bytes, bytes]], bytes]] = {}

    async def __call__(self, scope, receive, send):
        found = self._lookup(scope) if self.on and scope["type"] == "http" else None
        if found is None:
            await self.app(scope, receive, send)
            return
        headers, body = found
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        head = scope["method"] == "HEAD"
        await send({"type": "http.response.body", "body": b"" if head else body})

    def _lookup(self, scope):
        if scope.get("method") not in ("GET", "HEAD"):
            return None
        if any(k.lower() in PASS_HEADERS for k, _ in scope.get("headers", ())):
            return None
        key = asset(scope.get("path", ""), base_path())
        if key is None:
            return None
        found = self.files.get(key)
        if found is None:
            found = read_asset(self.folder, key)  # a missing name is not kept: Streamlit says 404
            if found is not None:
                self.files[key] = found
        return found
