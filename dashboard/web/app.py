"""Entry point: page config, the dataset (or its validation report), shared filters, navigation."""

import streamlit as st

from dashboard.pages import PAGES
from dashboard.web import loading, sidebar

st.set_page_config(page_title="NK arms to Russia · curated claims", page_icon="🛰️", layout="wide")

page = st.navigation(
    [
        st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
        for p in PAGES
    ]
)

ds, problems, links = loading.load()
if ds is None:
    st.title(page.title)
    loading.show_problems(loading.data_dir(), problems)
    st.stop()

st.session_state["_ctx"] = sidebar.sidebar(ds, links)
page.run()
