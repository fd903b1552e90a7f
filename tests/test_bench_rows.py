"""bench.run's cold-start rows: each page against hello-world (the target), the chart pages
against hello-world + a chart (Streamlit's floor), and a page with a server aid off against
itself with it."""

from bench.run import cold_start_rows


def test_cold_start_rows_compare_each_page_with_its_baselines():
    rows = cold_start_rows(
        {
            "hello": [1.0, 1.2, 1.1],
            "overview": [1.5, 1.6, 1.65],
            "overview:nostatic": [1.76],
            "timeline": [2.2],
            "timeline:nopreload": [2.75],
            "hello_plotly": [2.0],
        }
    )
    got = [(r["what"], r["baseline"], round(r["ratio"], 3), r["target"], r["met"]) for r in rows]
    assert got == [
        ("overview (seed)", "hello-world", 1.455, "≤ 1.5× hello", True),
        ("overview (seed)", "the same, without static files from memory", 0.909, "", None),
        ("overview (seed), without static files from memory", "hello-world", 1.6, "", None),
        ("timeline (seed)", "hello-world", 2.0, "≤ 1.5× hello", False),
        ("timeline (seed)", "hello-world + a plotly chart", 1.1, "", None),
        ("timeline (seed)", "the same, without preload", 0.8, "", None),
        ("timeline (seed), without preload", "hello-world", 2.5, "", None),
        ("timeline (seed), without preload", "hello-world + a plotly chart", 1.375, "", None),
        ("hello-world + a plotly chart", "hello-world", 1.818, "", None),
    ]
