"""Pages that open on a plotly chart start loading plotly.js while the server runs their script.

Streamlit's front end fetches its plotly chunk (plotly.js and the chart component, ≈ 4.7 MB of
JavaScript) only when a chart's element arrives, and then evaluates it in one long task of about
a second before anything is drawn: on a page that opens on a chart that second came after the
first script run. This ASGI middleware adds two lines to the HTML of those pages' addresses
only (PageSpec.chart): a `modulepreload` of the chunk, so it is fetched beside the front end's
own files, and a module script that imports it once the browser is idle, which is while it
waits for the first script run. The same module is what Streamlit imports later, so it is
evaluated once. Every other response passes through untouched; the chunk's hashed file name is
read from the installed Streamlit, and without one nothing is added.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import streamlit

from dashboard.pages import ALL_PAGES

STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
CHUNK_GLOB = "PlotlyChart.*.js"
CHART_PAGES = frozenset(p.url for p in ALL_PAGES if p.chart)
OFF_ENV = "DASHBOARD_PRELOAD"  # "0" turns it off (the bench measures the difference)


def chunk_name(folder: Path = STREAMLIT_JS) -> str | None:
    """The plotly chunk's file name in this Streamlit's build, or None (one expected)."""
    found = sorted(p.name for p in folder.glob(CHUNK_GLOB))
    return found[0] if len(found) == 1 else None


def configured_chunk(environ: Mapping[str, str] = os.environ) -> str | None:
    """The chunk the server preloads: none when DASHBOARD_PRELOAD is "0"."""
    return None if environ.get(OFF_ENV, "") == "0" else chunk_name()


def head_tags(chunk: str) -> bytes:
    """What goes before </head>: fetch the chunk now, evaluate it when the browser is idle."""
    src = f"./static/js/{chunk}"
    return (
        f'<link rel="modulepreload" crossorigin href="{src}">'
        '<script type="module">(window.requestIdleCallback || setTimeout)'
        f'(() => import("{src}"), {{timeout: 1000}});</script>'
    ).encode()


def wants_chart(path: str) -> bool:
    """Is this the address of a page that opens on a chart (its last part, any base path)?"""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(last) and last in CHART_PAGES


class PreloadCharts:
    """ASGI middleware: the HTML of a chart page's address gets head_tags(); nothing else
    changes. The request is asked uncompressed (the page is ≈ 8 KB) so the HTML can be read."""

    def __init__(self, app, chunk: str | None = None):
        self.app = app
        self.tags = head_tags(chunk) if chunk else b""

    async def __call__(self, scope, receive, send):
        if (
            not self.tags
            or scope["type"] != "http"
            or scope.get("method") != "GET"
            or not wants_chart(scope.get("path", ""))
        ):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        start: dict = {}
        body: list[bytes] = []

        async def edit(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._send_edited(send, start, b"".join(body))

        await self.app(scope, receive, edit)

    async def _send_edited(self, send, start: dict, data: bytes) -> None:
        headers = list(start.get("headers", []))
        names = {k.lower(): v for k, v in headers}
        html = names.get(b"content-type", b"").startswith(b"text/html")
        plain = b"content-encoding" not in names
        if start.get("status") == 200 and html and plain and b"</head>" in data:
            data = data.replace(b"</head>", self.tags + b"</head>", 1)
            dropped = (b"content-length", b"etag", b"last-modified")  # the body is ours now
            headers = [(k, v) for k, v in headers if k.lower() not in dropped]
            headers.append((b"content-length", str(len(data)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": data, "more_body": False})
