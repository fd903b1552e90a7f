"""Builders: DataFrames in, plotly figures, pydeck decks, export files and safe text out."""
