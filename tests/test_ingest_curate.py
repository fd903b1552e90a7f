"""An article drafted by `ingest` opens on the Curate page without error, every drafted table
in its grid (the draft folder is the contract between the two)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.ingest.command import ingest
from dashboard.pages import ENTRY
from tests.ingest_support import FIXTURES, args, copy_dataset


@pytest.fixture
def folder(tmp_path, monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    data = copy_dataset(tmp_path)
    ingest(
        args(FIXTURES / "ministry_release.txt", data, publisher="Ministry of Defence of Ukraine")
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_CURATE", "1")
    monkeypatch.setenv("DASHBOARD_CURATOR", "AppTest Curator")
    return data


def test_an_ingested_draft_opens_on_the_curate_page(folder):
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    at.switch_page("app_pages/curate.py").run()
    assert not at.exception
    grids = {d.key.split("-")[-2] for d in at.data_editor}
    assert {"events", "transfers", "claims"} <= grids
