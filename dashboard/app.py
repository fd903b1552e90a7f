"""Entry point: page config, the dataset (or its validation report), shared filters, navigation."""

import streamlit as st

from dashboard import ui

st.set_page_config(page_title="NK arms to Russia · curated claims", page_icon="🛰️", layout="wide")

PAGES = [
    st.Page(
        "app_pages/overview.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page(
        "app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
    ),
    st.Page("app_pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page(
        "app_pages/equipment.py", title="Equipment", icon=":material/train:", url_path="equipment"
    ),
    st.Page(
        "app_pages/sources.py",
        title="Sources & claims",
        icon=":material/record_voice_over:",
        url_path="sources",
    ),
    st.Page("app_pages/data.py", title="Data", icon=":material/download:", url_path="data"),
]
page = st.navigation(PAGES)

ds, problems, links = ui.load()
if ds is None:
    st.title(page.title)
    ui.show_problems(ui.data_dir(), problems)
    st.stop()

st.session_state["_ctx"] = ui.sidebar(ds, links)
page.run()
