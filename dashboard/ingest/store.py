"""Store an article as a seed (text + metadata) and its drafts; every file written atomically."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from dashboard.ingest.source import Refusal
from dashboard.schema import ARTICLES

_ID = re.compile(r"^(\d{3})_[0-9a-f]{16}$")


def parse_published(value: str) -> tuple[date, str]:
    """(date, precision) from YYYY-MM-DD (day) or YYYY-MM (month: the first of the month)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    try:
        if m and m.group(3):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m:
            return date(int(m[1]), int(m[2]), 1), "month"
    except ValueError:
        pass
    raise Refusal(f"--published {value!r}: not a real date in the form YYYY-MM-DD or YYYY-MM")


def existing_article(seeds: Path, sha256: str) -> str | None:
    """The id of a stored article with these bytes, by its metadata or its text."""
    for meta_path in sorted(seeds.glob("*.json")):
        try:
            if json.loads(meta_path.read_text("utf-8-sig")).get("sha256") == sha256:
                return meta_path.stem
        except (OSError, ValueError, AttributeError):
            continue
    for text_path in sorted(seeds.glob("*.txt")):
        if hashlib.sha256(text_path.read_bytes()).hexdigest() == sha256:
            return text_path.stem
    return None


def next_article_id(seeds: Path, sha256: str) -> str:
    numbers = [int(m[1]) for p in seeds.glob("*.*") if (m := _ID.match(p.stem))]
    return f"{max(numbers, default=-1) + 1:03d}_{sha256[:16]}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then os.replace it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def headline(text: str) -> str:
    """The first line, which a saved article opens with; the codebook requires a title."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


def seed_metadata(
    article_id: str, sha256: str, args, published: date, precision: str, printed: bool, text: str
) -> dict:
    given = args.published
    basis = args.published_basis or (
        f"given by the curator as {given}"
        + ("" if printed else "; the date is not printed in the text")
    )
    values = {
        "article_id": article_id,
        "title": args.title or headline(text),
        "publisher": args.publisher,
        "publisher_via": args.via or "",
        "author": args.author or "",
        "date_published": published.isoformat(),
        "date_published_precision": precision,
        "date_published_inferred": not printed,
        "date_published_basis": basis,
        "url": args.url or "",
        "url_basis": "given by the curator (--url)" if args.url else "",
        "sha256": sha256,
        "date_retrieved": datetime.now(UTC).date().isoformat(),
        "language": "en",
    }
    return {key: values[key] for key in ARTICLES.columns if key in values}  # origin_* optional


def csv_bytes(frame: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def json_bytes(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
