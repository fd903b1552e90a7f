"""Command line: `python -m dashboard validate [DIR]`, `codebook`, `ingest FILE ...` and `merge ARTICLE_ID`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard import codebook
from dashboard.data.dataset import DEFAULT_DATA_DIR, REPO_ROOT, validate_folder
from dashboard.data.problems import Problem, tally
from dashboard.ingest import command as ingest_command


def validate(folder: Path) -> int:
    if not folder.is_dir():
        problems = [Problem(str(folder), 0, "", "", "dataset folder not found")]
    else:
        try:
            problems = validate_folder(folder)
        except Exception as err:  # the validator reports, it never crashes
            problems = [Problem(str(folder), 0, "", "", f"could not be read: {err!r}")]
    for p in problems:
        print(p)
    errors, warnings = tally(problems)
    also = f" and {warnings} warning(s)" if warnings else ""
    if errors:
        print(f"{errors} problem(s){also} in {folder}; nothing loaded.", file=sys.stderr)
        return 1
    # Warnings (e.g. bidirectional controls) are shown but do not stop the dataset loading.
    print(f"{folder}: valid, with {warnings} warning(s)." if warnings else f"{folder}: valid.")
    return 0


def write_codebook(folder: Path) -> int:
    for name, text in codebook.render(REPO_ROOT / "seeds").items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}")
    return 0


def merge(article_id: str | None, folder: Path, curator: str, recover_only: bool) -> int:
    """Merge a reviewed draft (or only roll back an interrupted merge); one clear message."""
    from dashboard.ingest import merge as merging  # the write path is loaded only when asked for
    from dashboard.ingest import transaction

    if not folder.is_dir():
        print(f"{folder}: dataset folder not found; nothing merged.", file=sys.stderr)
        return 1
    if recover_only:
        print(transaction.recover(folder.resolve()) or f"{folder}: no interrupted merge.")
        return 0
    if not article_id:
        print("give the ARTICLE_ID of a draft to merge (or --recover)", file=sys.stderr)
        return 2
    result = merging.merge_article(folder, article_id, curator)
    for p in result.problems:
        print(p)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a dataset folder and its seeds; change nothing")
    v.add_argument("folder", nargs="?", default=str(DEFAULT_DATA_DIR))
    sub.add_parser("codebook", help="write datasets/datapackage.json and CODEBOOK.md")
    m = sub.add_parser("merge", help="merge a draft's accepted rows into the dataset, if valid")
    m.add_argument("article_id", nargs="?", help="the draft to merge: DIR/drafts/ARTICLE_ID/")
    m.add_argument("--data", default=str(DEFAULT_DATA_DIR), help="dataset folder (datasets/)")
    m.add_argument("--curator", default=os.environ.get("USER", ""), help="who reviewed it")
    m.add_argument("--recover", action="store_true", help="only roll back an interrupted merge")
    ingest_command.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "ingest":
        return ingest_command.run(args)
    if args.command == "validate":
        return validate(Path(args.folder))
    if args.command == "merge":
        return merge(args.article_id, Path(args.data), args.curator, args.recover)
    return write_codebook(DEFAULT_DATA_DIR)


if __name__ == "__main__":
    sys.exit(main())
