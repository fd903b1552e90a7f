"""Command line: `python -m dashboard validate [DIR]` and `python -m dashboard codebook`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import codebook
from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT, validate_folder
from dashboard.data.problems import Problem


def validate(folder: Path) -> int:
    if not folder.is_dir():
        problems = [Problem(str(folder), 0, "", "", "dataset folder not found")]
    else:
        try:
            problems = validate_folder(folder)
        except Exception as err:  # the validator reports, it never crashes
            problems = [Problem(str(folder), 0, "", "", f"could not be read: {err!r}")]
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s) in {folder}; nothing loaded.", file=sys.stderr)
        return 1
    print(f"{folder}: valid.")
    return 0


def write_codebook(folder: Path) -> int:
    for name, text in codebook.render(REPO_ROOT / "seeds").items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a dataset folder and its seeds; change nothing")
    v.add_argument("folder", nargs="?", default=str(DEFAULT_DATA_DIR))
    sub.add_parser("codebook", help="write datasets/datapackage.json and CODEBOOK.md")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(Path(args.folder))
    return write_codebook(DEFAULT_DATA_DIR)


if __name__ == "__main__":
    sys.exit(main())
