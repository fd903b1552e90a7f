"""Readable lines: the formatter formats every line (no fmt-skip or fmt-off comments), and no
lambda carries default arguments (a loop variable bound that way is a table in disguise)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("dashboard", "tests", "bench", "scripts")
MARKERS = ("fmt: skip", "fmt: off")


def python_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))


def test_no_formatter_escapes():
    files = python_files()
    assert len(files) >= 50
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if any(f"# {m}" in line for m in MARKERS)
    ]
    assert found == []


def test_no_lambda_with_default_arguments():
    files = python_files()
    assert len(files) >= 50
    found = [
        f"{p.relative_to(ROOT)}:{node.lineno}"
        for p in files
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.Lambda) and (node.args.defaults or node.args.kw_defaults)
    ]
    assert found == []
