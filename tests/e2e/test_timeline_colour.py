"""The Timeline's "Colour by" reruns only its chart (a fragment): the chart is recoloured, the
link keeps the choice, and the rest of the page (the undated rows' list) stays as it was."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.browser import Runs
from tests.e2e import support as s
from tests.e2e.conftest import assert_clean_console

pytestmark = pytest.mark.e2e

GROUPS_JS = "el => [...new Set(el._fullData.map((t) => t.legendgroup))].sort()"


def test_colour_by_stance_recolours_the_chart_alone(new_tab, app, dataset):
    ev = dataset.events
    dated = ev[ev["date_start"].notna() | ev["report_date_start"].notna()]
    t = new_tab(app)
    frames = Runs(t.page)  # the kind of every frame the page receives
    t.goto("timeline")
    s.wait_for_charts(t.page)
    main = t.page.get_by_test_id("stMain")
    plot = main.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    assert plot.evaluate(GROUPS_JS) == sorted(set(dated["event_type"]))
    listed = s.undated_summaries(main)  # the undated rows, listed as text
    rows_before = len(listed)
    seen = len(frames.frames)
    main.get_by_test_id("stButtonGroup").first.get_by_role("radio", name="stance").click()
    expect(t.page).to_have_url(f"{app.url}/timeline?colour=stance")
    s.wait_for_app_run(t.page)
    s.wait_for_charts(t.page)
    plot = main.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    assert (
        plot.evaluate(GROUPS_JS) == sorted(set(dated["stance"])) != sorted(set(dated["event_type"]))
    )
    assert s.undated_summaries(main) == listed and rows_before >= 1
    sent = {kind for kind, _ in frames.frames[seen:]}
    assert {"button_group", "script_finished"} <= sent  # the fragment ran and sent its part
    assert not sent & {"multiselect", "markdown", "heading"}  # nothing outside it was re-sent
    expect(main.get_by_role("heading", name=f"Undated rows ({rows_before})")).to_be_visible()
    assert_clean_console(t.rec)
