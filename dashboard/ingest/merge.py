"""Merge an article's reviewed draft into the dataset: accepted rows only, validated first,
written all at once, with history and a changelog line. No streamlit here.

1. Refuse a draft made on another version of the dataset (it was reviewed against other rows).
2. Build every table (the dataset's bytes, then the accepted rows) in a staging folder beside
   the dataset, and run the full validator on it with the seeds.
3. Only if it passes, replace the tables and CHANGELOG.csv as one change (transaction.py):
   the old files and the reviewed draft are kept under DIR/.history/<UTC stamp>/.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.data.dataset import dataset_version, validate_folder
from dashboard.data.problems import Problem
from dashboard.data.seeds import seeds_dir_for
from dashboard.ingest import review, transaction
from dashboard.ingest.claims import STAND_IN
from dashboard.ingest.relation_marks import relations_from_marks
from dashboard.ingest.review import DRAFTS, Draft, DraftError, read_draft, to_csv_text
from dashboard.schema import CHANGELOG, TABLES

HISTORY = ".history"


@dataclass(frozen=True)
class Candidate:
    """The tables as a merge would write them, and where each appended row came from."""

    texts: dict[str, str]  # table name -> whole file text
    added: dict[str, int]  # table name -> rows appended
    origin: dict[tuple[str, int], tuple[str, int]]  # (file, merged line) -> (table, draft row)


@dataclass
class MergeResult:
    ok: bool
    message: str
    problems: list[Problem] = field(default_factory=list)  # the validator's, on draft lines
    added: dict[str, int] = field(default_factory=dict)
    history: Path | None = None


def _existing_text(folder: Path, name: str) -> str:
    path = folder / TABLES[name].path
    text = path.read_bytes().decode("utf-8-sig") if path.is_file() else ""
    return text if not text or text.endswith("\n") else text + "\n"


def build_candidate(
    folder: Path, draft: Draft, keep: tuple[str, ...] = ("accepted",), curator: str = "the curator"
) -> Candidate:
    """Each table: the dataset's own text unchanged, then the draft's rows whose review is in
    `keep`, in the dataset's columns (review and drafted_by dropped); and a relation for each of
    those rows' `same as` / `differs from` marks (relation_marks.py)."""
    texts, added, origin = {}, {}, {}
    kept = {n: f[f["review"].isin(keep)] for n, f in draft.tables.items()}
    marked = relations_from_marks(kept, curator, datetime.now(UTC).date())
    if marked:
        tables = {**draft.tables, "relations": pd.DataFrame(marked).assign(review=keep[0])}
        draft = replace(draft, tables=tables)
    for name, table in TABLES.items():
        text = _existing_text(folder, name)
        frame = draft.tables.get(name)
        rows = frame[frame["review"].isin(keep)] if frame is not None else None
        if rows is None or rows.empty:
            texts[name], added[name] = text, 0
            continue
        if not text:
            text = ",".join(table.columns) + "\n"
        line = text.count("\n") + 1  # the line the next record starts on
        parts = [text]
        for i in rows.index:
            record = to_csv_text(rows.loc[[i]], table.columns).split("\n", 1)[1]
            origin[(table.path, line)] = (name, int(i))
            line += record.count("\n")
            parts.append(record)
        texts[name], added[name] = "".join(parts), len(rows)
    return Candidate(texts, added, origin)


def validate_candidate(folder: Path, candidate: Candidate, where: Path) -> list[Problem]:
    """The full validator on the candidate tables written into `where`, with the dataset's seeds."""
    where.mkdir(parents=True, exist_ok=True)
    for name, text in candidate.texts.items():
        (where / TABLES[name].path).write_text(text, encoding="utf-8", newline="")
    (where / "seeds").symlink_to(seeds_dir_for(folder).resolve(), target_is_directory=True)
    return validate_folder(where)


def on_draft_lines(problems: list[Problem], candidate: Candidate, draft: Draft) -> list[Problem]:
    """Problems as the curator can find them: a merged row's line becomes its draft file's line."""
    out = []
    for p in problems:
        if (p.file, p.line) in candidate.origin:
            name, i = candidate.origin[(p.file, p.line)]
            where = f"{DRAFTS}/{draft.article_id}/{TABLES[name].path}"
            out.append(Problem(where, draft.lines[name][i], p.column, p.value, p.message))
        else:
            out.append(p)
    return out


PREVIEW = ("draft", "accepted")  # the rows the Curate page checks as they are edited


def preview_key(draft: Draft, version: str) -> str:
    """Names what the preview validates, without reading the dataset: the dataset version and
    the checked rows with their positions. Setting a row from draft to accepted keeps it."""
    digest = hashlib.sha256(version.encode())
    for name, table in TABLES.items():
        frame = draft.tables.get(name)
        if frame is not None:
            rows = frame[frame["review"].isin(PREVIEW)]
            digest.update(f"\0{name}\0{list(rows.index)}\0".encode())
            digest.update(to_csv_text(rows, table.columns).encode())
    return digest.hexdigest()


def preview_problems(folder: Path, draft: Draft) -> dict[tuple[str, int], list[str]]:
    """What the validator says now about the rows not rejected, by (table, draft row); the key
    (name, -1) holds what concerns no draft row. Nothing in `folder` is written."""
    candidate = build_candidate(folder, draft, keep=PREVIEW)
    with tempfile.TemporaryDirectory(prefix="curate-preview-") as tmp:
        problems = validate_candidate(folder, candidate, Path(tmp) / "dataset")
    out: dict[tuple[str, int], list[str]] = {}
    for name, i, col in review.stand_ins(draft, PREVIEW):
        out.setdefault((name, i), []).append(f"{col}: still the drafting stand-in: write it")
    for p in problems:
        name, i = candidate.origin.get((p.file, p.line), (p.file, -1))
        what = f"{p.column}: {p.message}" if p.column else p.message
        if i < 0:
            what = str(p)
        out.setdefault((name, i), []).append(
            what + (f" ({p.value!r})" if p.value and i >= 0 else "")
        )
    return out


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ")


def changelog_text(folder: Path, line: dict[str, object]) -> str:
    path = folder / CHANGELOG.path
    text = path.read_bytes().decode("utf-8-sig") if path.is_file() else ""
    if not text:
        text = ",".join(CHANGELOG.columns) + "\n"
    record = to_csv_text(pd.DataFrame([line]), CHANGELOG.columns).split("\n", 1)[1]
    return (text if text.endswith("\n") else text + "\n") + record


def merge_article(
    folder: Path, article_id: str, curator: str, now: datetime | None = None
) -> MergeResult:
    """Merge the accepted rows of DIR/drafts/<article_id>/ into DIR, or change nothing."""
    folder = Path(folder).resolve()
    now = now or datetime.now(UTC)
    recovered = transaction.recover(folder)
    note = f"{recovered} " if recovered else ""
    try:
        draft = read_draft(folder, article_id)
    except DraftError as err:
        return MergeResult(False, f"{note}Nothing merged: {err}")
    before = dataset_version(folder)
    if draft.meta["dataset_version"] != before:
        return MergeResult(
            False,
            (
                f"{note}Nothing merged: the dataset changed since this draft was made (the draft was "
                f"made on version {draft.meta['dataset_version']}, the dataset is now {before}). "
                "Its rows were reviewed against other rows: see CHANGELOG.csv for what changed, review "
                "it again on the Curate page and confirm it there."
            ),
        )
    if not curator.strip():
        return MergeResult(False, f"{note}Nothing merged: give the curator's name.")
    candidate = build_candidate(folder, draft, curator=curator.strip())
    if not any(candidate.added.values()):
        return MergeResult(False, f"{note}Nothing merged: no row of this draft is accepted.")
    if wrong := _other_articles(draft):
        return MergeResult(False, f"{note}Nothing merged: {wrong}")
    if left := review.stand_ins(draft, ("accepted",)):
        name, i, col = left[0]
        return MergeResult(
            False,
            f"{note}Nothing merged: {DRAFTS}/{article_id}/{name}.csv:{draft.lines[name][i]} "
            f"[{col}] still holds the drafting stand-in {STAND_IN!r}: write it"
            + (f" (and {len(left) - 1} more)" if len(left) > 1 else "")
            + ".",
        )
    stamp = _stamp(now)
    staging = folder / transaction.STAGING / stamp
    history = folder / HISTORY / stamp
    if staging.exists() or history.exists():
        return MergeResult(False, f"{note}Nothing merged: a merge at {stamp} exists; try again.")
    try:
        problems = validate_candidate(folder, candidate, staging / "new")
        if problems:
            problems = on_draft_lines(problems, candidate, draft)
            return MergeResult(
                False,
                (
                    f"{note}Nothing merged: the dataset with the accepted rows would not pass "
                    f"validation ({len(problems)} problem(s)). Fix them in the draft and merge again."
                ),
                problems,
            )
        after = dataset_version(staging / "new")  # the same tables and seeds as DIR will have
        (staging / "new" / "seeds").unlink()
        line = {
            "merged_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "article_id": article_id,
            **{f"{n}_added": candidate.added[n] for n in TABLES},
            "curator": curator.strip(),
            "rules_version": draft.meta["rules_version"],
            "dataset_version_before": before,
            "dataset_version_after": after,
            "history": f"{HISTORY}/{stamp}",
        }
        (staging / "new" / CHANGELOG.path).write_text(
            changelog_text(folder, line), "utf-8", newline=""
        )
        changed = [TABLES[n].path for n, k in candidate.added.items() if k] + [CHANGELOG.path]
        transaction.apply(
            transaction.Change(
                folder,
                stamp,
                {p: staging / "new" / p for p in changed},
                history,
                moves=((f"{DRAFTS}/{article_id}", f"{HISTORY}/{stamp}/draft"),),
            )
        )
    except Exception as err:  # apply() has rolled back: say so, never a traceback
        return MergeResult(
            False,
            (
                f"{note}Nothing merged: writing the dataset failed ({err}); every file was put back "
                "as it was before the merge."
            ),
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    added = {n: k for n, k in candidate.added.items() if k}
    said = ", ".join(f"{k} {n}" for n, k in added.items())
    return MergeResult(
        True,
        (
            f"{note}Merged {said} from {article_id} (dataset version {before} → {after}). "
            f"The replaced files and the reviewed draft are kept in {HISTORY}/{stamp}/."
        ),
        added=added,
        history=history,
    )


def _other_articles(draft: Draft) -> str:
    for name in ("events", "transfers"):
        frame = draft.tables.get(name)
        if frame is None:
            continue
        rows = frame[(frame["review"] == "accepted") & (frame["article_id"] != draft.article_id)]
        if not rows.empty:
            i = rows.index[0]
            return (
                f"{DRAFTS}/{draft.article_id}/{name}.csv:{draft.lines[name][i]} [article_id] "
                f"is {rows.at[i, 'article_id']!r}, not this draft's article"
            )
    return ""


__all__ = ["MergeResult", "build_candidate", "merge_article", "preview_problems"]
