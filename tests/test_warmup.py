"""Cold start: `streamlit run dashboard/web/app.py` serves entry.py through st.App, and a
background warm-up loads (and validates) the dataset before the first visitor asks for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

from dashboard.pages import ENTRY, WEB_DIR
from dashboard.web import loading, warmup
from tests.fixtures import FIXTURE_DIR


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch) -> Path:
    folder = shutil.copytree(FIXTURE_DIR, tmp_path / "dataset")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    loading._hashed.clear()
    st.cache_resource.clear()
    st.cache_data.clear()
    yield folder
    st.cache_resource.clear()


def test_make_run_serves_the_entry_through_st_app():
    found = discover_asgi_app(WEB_DIR / "app.py")
    assert (found.is_asgi_app, found.import_string) == (True, "app:app")
    assert ENTRY == WEB_DIR / "entry.py"
    assert 'st.App("entry.py"' in (WEB_DIR / "app.py").read_text("utf-8")


def test_warm_up_fills_the_cache_the_first_run_reads(fresh: Path, monkeypatch):
    warmup.warm()
    loads = []
    real = loading.load_dataset
    monkeypatch.setattr(loading, "load_dataset", lambda f: loads.append(f) or real(f))
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    assert not at.exception
    assert loads == []  # the first run found the dataset validated and cached
    assert [t.value for t in at.title] == ["Overview"]


def test_warm_up_then_an_edit_is_loaded_again(fresh: Path, monkeypatch):
    warmup.warm()
    monkeypatch.setattr(loading, "HASH_EVERY_S", 0.0)
    events = fresh / "events.csv"
    events.write_bytes(
        events.read_bytes().replace(b"2030-03-14,2030-03-14", b"2030-03-14,2030-13-40", 1)
    )
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    assert not at.exception
    assert "did not pass validation: 1 problem(s)" in at.error[0].value


def test_warm_up_of_a_bad_dataset_is_quiet_and_the_page_reports_it(fresh: Path):
    events = fresh / "events.csv"
    events.write_bytes(
        events.read_bytes().replace(b"2030-03-14,2030-03-14", b"2030-03-14,2030-13-40", 1)
    )
    warmup.warm()  # no exception: the script run reports
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    assert not at.exception
    assert "did not pass validation: 1 problem(s)" in at.error[0].value
    assert at.metric.len == 0  # nothing of the dataset is shown


def test_start_runs_once_in_a_named_thread(monkeypatch):
    ran = []
    monkeypatch.setattr(warmup, "_started", type(warmup._started)())
    monkeypatch.setattr(warmup, "warm", lambda: ran.append(1))
    warmup.start()
    warmup.start()
    import threading

    for t in threading.enumerate():
        if t.name == warmup.THREAD_NAME:
            t.join(5)
    assert ran == [1]


def test_what_the_server_imports_before_it_listens_is_light():
    # app.py's lifespan imports these before the first answer: pandas, pandera and plotly
    # must wait for the warm-up thread, or health and the front end wait for them.
    import subprocess
    import sys

    code = (
        "import sys, dashboard.web.validated, dashboard.web.warmup, dashboard.web.preload;"
        "print(sorted(m for m in ('pandas', 'pandera', 'pydeck', 'dashboard.data.dataset')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_warm_up_step_runs_on_the_fixture(fresh: Path):
    # warm() swallows failures (the script run reports them); its steps must not fail on a
    # good dataset, or a page change would silently turn the warm-up off.
    warmup._streamlit_first_use()
    warmup._default_view()
