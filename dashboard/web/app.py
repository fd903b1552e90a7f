"""The server: `streamlit run dashboard/web/app.py` serves entry.py, warming up while browsers load.

Streamlit runs nothing of a script before the first session connects, so the first visitor
used to wait for pandas, pandera and plotly to import and the dataset to be validated after the
front end had loaded. Here the server starts at once and a background thread does that work
(`warmup.warm`) while the browser is still fetching the front end; the first script run then
finds the modules imported and the validated dataset cached, under the same content key.
A dataset that passed is also kept on disk by content (`validated.py`), so a restart with the
same files, the same validator and the same libraries reads it back instead of validating again.
A page that opens on a chart has the browser load plotly.js meanwhile too (`preload.py`), and
Streamlit's front-end files are answered from memory, without a worker thread per read that
would wait on the warm-up for the GIL (`static_memory.py`).
"""

from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from dashboard.web import preload, static_memory


@asynccontextmanager
async def _lifespan(_app):
    # Both imports are light: anything heavy here would delay the server's first answer.
    from dashboard.web import validated, warmup

    validated.enable()  # a restart with unchanged files skips re-validating them
    warmup.start()
    yield


MIDDLEWARE = [
    Middleware(static_memory.StaticFromMemory, on=static_memory.enabled()),
    Middleware(preload.PreloadCharts, chunk=preload.configured_chunk()),
]
app = st.App("entry.py", lifespan=_lifespan, middleware=MIDDLEWARE)
