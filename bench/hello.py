"""The baseline: a hello-world Streamlit app (one st.write), and a button for a rerun round trip."""

import streamlit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.write(f"Hello, world. This session has run {runs} time(s).")
st.button("Rerun", key="rerun")
