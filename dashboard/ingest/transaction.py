"""Replace several files of a dataset folder as one change: all of them, or none.

Each file is replaced with os.replace (atomic for that file), but a crash between two files
would leave a mix of generations. So before the first replacement the old files are copied to
the history folder and a journal naming them is written (atomically); the journal is removed
only after the last replacement. A journal found later means the change did not finish:
`recover` puts every old file back, so the folder is exactly as it was before the change.
The validator refuses to load a folder with a journal (dashboard/data/reading.py), so nobody
reads a half-replaced dataset in between.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from dashboard.data.reading import MERGE_JOURNAL

STAGING = ".merge"  # DIR/.merge/<stamp>/: new files are staged here, on the dataset's filesystem


@dataclass(frozen=True)
class Change:
    folder: Path  # the dataset folder
    stamp: str  # names the staging and history folders
    files: dict[str, Path]  # file name in `folder` -> its staged new version
    history: Path  # where the replaced files are kept
    moves: tuple[tuple[str, str], ...] = ()  # (path in folder, path in history) moved on commit


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, flushed, then os.replace."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def journal_path(folder: Path) -> Path:
    return folder / MERGE_JOURNAL


def apply(change: Change) -> None:
    """Replace every file of the change and make its moves, or (on any failure) none of them."""
    folder, history = change.folder, change.history
    for staged in change.files.values():  # on disk before anything points at them
        with open(staged, "rb+") as fh:
            os.fsync(fh.fileno())
    history.mkdir(parents=True, exist_ok=False)
    absent = []
    for name in change.files:
        if (folder / name).is_file():
            shutil.copy2(folder / name, history / name)
        else:
            absent.append(name)
    _fsync_dir(history)
    journal = {
        "stamp": change.stamp,
        "history": str(history.relative_to(folder)),
        "replaced": list(change.files),
        "absent": absent,
        "moves": [list(m) for m in change.moves],
    }
    journal_path(folder).parent.mkdir(exist_ok=True)
    write_bytes_atomic(journal_path(folder), json.dumps(journal, indent=1).encode())
    try:
        for name, staged in change.files.items():
            os.replace(staged, folder / name)
        for src, dst in change.moves:
            (folder / dst).parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / src, folder / dst)
        _fsync_dir(folder)
    except BaseException:
        recover(folder)
        raise
    os.remove(journal_path(folder))  # the commit point
    _fsync_dir(journal_path(folder).parent)
    shutil.rmtree(folder / STAGING / change.stamp, ignore_errors=True)


def recover(folder: Path) -> str | None:
    """Undo a change that did not finish; return what was done, or None when nothing was pending."""
    path = journal_path(folder)
    if not path.is_file():
        return None
    journal = json.loads(path.read_text("utf-8"))
    history = folder / journal["history"]
    for src, dst in reversed(journal["moves"]):
        if (folder / dst).exists() and not (folder / src).exists():
            (folder / src).parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / dst, folder / src)
    for name in journal["replaced"]:
        if name in journal["absent"]:
            (folder / name).unlink(missing_ok=True)
        else:
            write_bytes_atomic(folder / name, (history / name).read_bytes())
    _fsync_dir(folder)
    os.remove(path)
    shutil.rmtree(folder / STAGING / journal["stamp"], ignore_errors=True)
    shutil.rmtree(history, ignore_errors=True)  # nothing was merged: no history to keep
    return (
        f"An interrupted merge ({journal['stamp']}) was rolled back: "
        f"{', '.join(journal['replaced'])} are as they were before it."
    )
