"""Benchmarks and load tests for the dashboard; run by `make bench` and `make load`, never by pytest."""
