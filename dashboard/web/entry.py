"""Entry point: page config, the dataset (or its validation report), shared filters, navigation."""

import streamlit as st

from dashboard.pages import curation_enabled, pages_for
from dashboard.web import loading, sidebar

st.set_page_config(page_title="NK arms to Russia · curated claims", page_icon="🛰️", layout="wide")

curate = curation_enabled()
page = st.navigation(
    [
        st.Page(
            p.script,
            title=p.title,
            icon=p.icon,
            url_path=p.url_path,
            default=p.default,
        )
        for p in pages_for(curate)
    ]
)
if curate:  # only here is the write path imported: the public app never loads it
    from dashboard.web import curating

    curating.recover_interrupted_merge()

ds, problems, links = loading.load()
if ds is None:
    st.title(page.title)
    loading.show_problems(loading.data_dir(), problems)
    st.stop()

st.session_state["_ctx"] = sidebar.sidebar(ds, links)
page.run()
