"""The analyses as they were before they were vectorised (dashboard/views at ef6d6b5), kept
verbatim as the oracle: tests/test_vectorised.py pins the fast versions to these outputs."""
