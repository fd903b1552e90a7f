"""The server: `streamlit run dashboard/web/app.py` serves entry.py, warming up while browsers load.

Streamlit runs nothing of a script before the first session connects, so the first visitor
used to wait for pandas, pandera and plotly to import and the dataset to be validated after the
front end had loaded. Here the server starts at once and a background thread does that work
(`warmup.warm`) while the browser is still fetching the front end; the first script run then
finds the modules imported and the validated dataset cached, under the same content key.
"""

from contextlib import asynccontextmanager

import streamlit as st


@asynccontextmanager
async def _lifespan(_app):
    from dashboard.web import warmup

    warmup.start()
    yield


app = st.App("entry.py", lifespan=_lifespan)
