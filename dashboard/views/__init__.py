"""Views: pure pandas functions of a Dataset and the filters (filter, tally, geo)."""
