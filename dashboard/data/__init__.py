"""The data layer: read, parse and validate a dataset folder into a Dataset. No streamlit."""
