"""The baseline: a hello-world Streamlit app (one st.write), and a button for a rerun round trip.

With HELLO_WITH set it also carries one of the dashboard's heavy elements, so what Streamlit's
own front end costs for that element can be told apart from what the dashboard adds:
`plotly` (a one-trace chart), `pydeck` (a one-point map) or `multiselect` (a filter whose change
reruns the script and redraws the chart beside it)."""

import os

import streamlit as st

WITH = os.environ.get("HELLO_WITH", "")
runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.write(f"Hello, world. This session has run {runs} time(s).")
st.button("Rerun", key="rerun")
if WITH == "multiselect":
    chosen = st.sidebar.multiselect("Stance", ["confirms", "denies"], key="stance")
if WITH in ("plotly", "multiselect"):
    import plotly.graph_objects as go

    y = [1, 3, 2] if WITH == "plotly" or not chosen else [2, 1, 3]
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=y)), key="chart")
if WITH == "pydeck":
    import pydeck as pdk

    layer = pdk.Layer(
        "ScatterplotLayer",
        [{"lon": 37.6, "lat": 55.8}],
        id="points",
        get_position="[lon, lat]",
        get_radius=50_000,
    )
    st.pydeck_chart(pdk.Deck(layers=[layer], map_provider=None), key="map")
