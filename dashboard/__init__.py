"""Curated, passage-cited dataset of North Korean arms transfers to Russia, and its dashboard."""
