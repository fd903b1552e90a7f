"""The web layer: every streamlit import lives under this package."""
