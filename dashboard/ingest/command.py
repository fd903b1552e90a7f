"""`python -m dashboard ingest FILE ...`: store the article as a seed, draft its rows, summarise."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from dashboard.data.dataset import DEFAULT_DATA_DIR, dataset_version
from dashboard.data.seeds import seeds_dir_for
from dashboard.ingest import RULES_VERSION
from dashboard.ingest.context import Context, read_tables
from dashboard.ingest.dates import find_dates
from dashboard.ingest.drafting import ArticleInfo, draft_article
from dashboard.ingest.source import Refusal, read_article
from dashboard.ingest.store import (
    csv_bytes,
    existing_article,
    json_bytes,
    next_article_id,
    parse_published,
    seed_metadata,
    write_atomic,
)
from dashboard.schema import TABLES


def add_parser(sub) -> None:
    p = sub.add_parser("ingest", help="store an article as a seed and draft its rows for review")
    p.add_argument("file", help="the article: a UTF-8 .txt or a saved .html/.htm page")
    p.add_argument("--publisher", required=True, help="who published it")
    p.add_argument("--published", required=True, help="publication date: YYYY-MM-DD or YYYY-MM")
    p.add_argument("--title", default="")
    p.add_argument("--url", default="")
    p.add_argument("--author", default="")
    p.add_argument("--via", default="", help="whom the publisher says it reports through")
    p.add_argument("--published-basis", default="", help="evidence for the publication date")
    p.add_argument(
        "--data", default=str(DEFAULT_DATA_DIR), help="dataset folder (default datasets/)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        print(ingest(args))
    except Refusal as refusal:
        print(f"ingest refused: {refusal}", file=sys.stderr)
        return 1
    except Exception as err:  # a curator sees one line, never a traceback; nothing was kept
        print(
            f"ingest failed: {args.file}: {type(err).__name__}: {err}; nothing written",
            file=sys.stderr,
        )
        return 1
    return 0


def _date_printed(text: str, published, precision: str) -> bool:
    for w in find_dates(text, published, precision):
        if w.start and not w.year_inferred and w.precision in ("day", "month"):
            same_month = (w.start.year, w.start.month) == (published.year, published.month)
            if (precision == "day" and w.precision == "day" and w.start == published) or (
                precision == "month" and same_month
            ):
                return True
    return False


def ingest(args: argparse.Namespace) -> str:
    """Store and draft; return the summary. Refusal (nothing written) when it cannot."""
    published, precision = parse_published(args.published)
    if not args.publisher.strip():
        raise Refusal("--publisher is empty")
    folder = Path(args.data)
    if not folder.is_dir():
        raise Refusal(f"{folder}: dataset folder not found")
    text = read_article(Path(args.file))
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    seeds = seeds_dir_for(folder)
    if seeds.is_dir() and (known := existing_article(seeds, sha)):
        raise Refusal(f"{args.file}: this text is already in the dataset as article {known}")
    article_id = next_article_id(seeds, sha) if seeds.is_dir() else f"000_{sha[:16]}"
    ctx = Context(read_tables(folder))
    info = ArticleInfo(article_id, text, published, precision, args.publisher.strip())
    frames = draft_article(info, ctx).frames()  # drafted before anything is written
    meta = seed_metadata(
        article_id, sha, args, published, precision, _date_printed(text, published, precision), text
    )
    written: list[Path] = []
    try:
        for path, payload in (
            (seeds / f"{article_id}.txt", data),
            (seeds / f"{article_id}.json", json_bytes(meta)),
        ):
            write_atomic(path, payload)
            written.append(path)
        drafts = folder / "drafts" / article_id
        for name, frame in frames.items():
            write_atomic(drafts / f"{name}.csv", csv_bytes(frame))
        record = {
            "article_id": article_id,
            "dataset_version": dataset_version(folder),  # after the seed is stored
            "rules_version": RULES_VERSION,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "rows": {name: len(frame) for name, frame in frames.items()},
        }
        write_atomic(drafts / "draft.json", json_bytes(record))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        shutil.rmtree(folder / "drafts" / article_id, ignore_errors=True)
        raise
    return summary(article_id, seeds, folder, frames, len(text.split()))


def summary(article_id: str, seeds: Path, folder: Path, frames: dict, words: int) -> str:
    lines = [
        f"Stored {seeds / article_id}.txt and .json ({words} words).",
        f"Drafted into {folder / 'drafts' / article_id}/: "
        + ", ".join(f"{name} {len(frame)}" for name, frame in frames.items())
        + " (all 'draft').",
    ]
    left = []
    for name, frame in frames.items():
        for field in TABLES[name].fields:
            if field.required and len(frame):
                empty = int((frame[field.name].astype(str).str.strip() == "").sum())
                if empty:
                    left.append(f"{name}.{field.name} empty in {empty} of {len(frame)}")
    proposed = int(frames["claims"]["proposition"].str.startswith("(to be written)").sum())
    if proposed:
        left.append(f"claims: {proposed} proposed claim(s) whose proposition is to be written")
    lines.append(
        "Left for the curator: " + ("; ".join(left) if left else "nothing required is empty") + "."
    )
    return "\n".join(lines)
