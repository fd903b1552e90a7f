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


def test_st_table_is_called_only_through_the_escaping_helper():
    """st.table renders its cells as Markdown: a cell could fetch an image (found on the print
    view). Only dashboard.web.frame.static_table may call it, and it escapes every cell."""
    import ast
    from pathlib import Path

    web = Path(ENTRY).parent
    calls = []
    files = list(web.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "table"
            ):
                calls.append(path.name)
    assert calls == ["frame.py"]


def test_md_frame_escapes_cells_and_headers():
    import pandas as pd

    from dashboard.builders.text import md_frame

    out = md_frame(
        pd.DataFrame({"a[b]": ["![](http://127.0.0.1:9/x.png)", None], "n": [1.5, None]})
    )
    assert list(out.columns) == ["a\\[b\\]", "n"]
    assert out.to_dict("list") == {
        "a\\[b\\]": ["\\!\\[\\]\\(http\\:\u2060\\/\\/127\\.0\\.0\\.1\\:9\\/x\\.png\\)", ""],
        "n": ["1\\.5", ""],
    }


def test_validator_warnings_are_listed_in_the_sidebar_escaped(tmp_path, monkeypatch):
    """A bidi control loads (shown as U+FFFD) and the validator's warning is listed."""
    import shutil

    from dashboard.data.dataset import REPO_ROOT

    shutil.copytree(REPO_ROOT / "datasets", tmp_path / "datasets")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "datasets" / "claims.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(',"', ',"\u202e[x](http://127.0.0.2/) ', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "datasets"))
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    assert not at.exception
    (expander,) = [e for e in at.sidebar.expander if "validator" in e.label]
    assert expander.label == "1 validator warning(s)"
    shown = [c.value for c in expander.caption]
    assert len(shown) == 1
    assert shown[0].startswith("claims\\.csv\\:2 \\[proposition\\]")
    assert "http\\:\u2060\\/\\/127" in shown[0] and "\u202e" not in shown[0]
