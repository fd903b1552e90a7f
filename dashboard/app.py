"""Entry point: page config, the shared sidebar filters, and navigation."""

import streamlit as st

st.set_page_config(page_title="NK arms to Russia — curated claims", layout="wide")
st.title("North Korean arms transfers to Russia")
st.write("The pages are being built. The dataset holds:")
from dashboard.data import load_dataset  # noqa: E402

st.table({k: [v] for k, v in load_dataset().counts().items()})
