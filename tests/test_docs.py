"""The README's architecture section matches the code: every module under dashboard/ is listed
in one line, and every module or file the README names exists (as datasette's test_docs)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
LISTED = re.compile(r"^\| `(dashboard/[^`]+\.py)` \| (.+) \|$", re.M)
NAMED = re.compile(r"`(dashboard/[\w/.]+)`")


def modules() -> set[str]:
    """Every module under dashboard/ but the packages' __init__ files (their docstrings only)."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "dashboard").rglob("*.py")
        if p.name != "__init__.py"
    }


def test_every_module_is_listed_in_the_architecture_section():
    listed = {path for path, _ in LISTED.findall(README)}
    found = modules()
    assert len(found) >= 30
    assert sorted(found - listed) == [], "add these to README.md's Architecture table"


def test_every_listed_module_exists_and_is_listed_once():
    listed = [path for path, _ in LISTED.findall(README)]
    assert len(listed) >= 30
    assert sorted(p for p in listed if not (ROOT / p).is_file()) == []
    assert len(listed) == len(set(listed))


def test_every_dashboard_path_the_readme_names_exists():
    named = set(NAMED.findall(README))
    assert len(named) >= 30
    assert sorted(p for p in named if not (ROOT / p.rstrip("/")).exists()) == []
