"""Values from the URL reach the sidebar notice only as inert text (issue 13, item 2)."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.pages import ENTRY

PAYLOADS = {
    "actor": "![b](http://127.0.0.2/u.png)",
    "stance": "$\\huge\\text{HACKED}$",
    "type": ":red[alarm] :material/warning:",
    "claimant": "<img src=x> http://127.0.0.2/x",
}


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()


def test_unknown_url_values_are_escaped_in_the_sidebar_notice():
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in PAYLOADS.items():
        at.query_params[key] = [value]
    at.run()
    assert not at.exception
    notices = sorted(w.value for w in at.sidebar.warning)
    assert notices == sorted(
        [
            "Ignored from the link: actor ‘\\!\\[b\\]\\(http\\:\u2060\\/\\/127\\.0\\.0\\.2\\/u\\.png\\)’ (not in this dataset).",
            "Ignored from the link: stance ‘\\$\\\\huge\\\\text\\{HACKED\\}\\$’ (not in this dataset).",
            "Ignored from the link: type ‘\\:red\\[alarm\\] \\:material\\/warning\\:’ (not in this dataset).",
            "Ignored from the link: claimant ‘\\<img src\\=x\\> http\\:\u2060\\/\\/127\\.0\\.0\\.2\\/x’ (not in this dataset).",
        ]
    )
