"""The house's shape: streamlit only under dashboard/web, data flowing one way, pages listed once."""

import ast
from pathlib import Path

import pytest

from dashboard.pages import ALL_PAGES, ENTRY, WEB_DIR

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
# A layer may import the layers before it, never after (seeds -> data -> views -> builders -> web).
LAYERS = ["schema", "data", "views", "builders", "web"]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{alias.name}" for alias in node.names}
    return out


def modules_outside_web() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if WEB_DIR not in p.parents]


def test_streamlit_is_imported_only_under_web():
    checked = modules_outside_web()
    assert len(checked) >= 10
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in checked
        if any(m == "streamlit" or m.startswith("streamlit.") for m in imports(p))
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", ["data", "views", "builders"])
def test_layers_import_only_earlier_layers(layer):
    later = LAYERS[LAYERS.index(layer) + 1 :]
    files = list((PACKAGE / layer).rglob("*.py"))
    assert files
    for path in files:
        for module in imports(path):
            for other in later:
                assert not module.startswith(f"dashboard.{other}"), (path.name, module)


def test_every_page_file_is_registered_and_every_entry_has_a_file():
    files = {p.stem for p in (WEB_DIR / "app_pages").glob("*.py") if p.stem != "__init__"}
    assert files == {p.name for p in ALL_PAGES}
    assert all((ENTRY.parent / p.script).is_file() for p in ALL_PAGES)
    assert len({p.url_path for p in ALL_PAGES}) == len(ALL_PAGES)
    assert [p.default for p in ALL_PAGES].count(True) == 1


def test_no_module_shares_a_name_with_a_page():
    stems = {p.stem for p in modules_outside_web()} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir()
    }
    assert stems & {p.name for p in ALL_PAGES} == set()
