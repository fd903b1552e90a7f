"""The cached dataset loader and the validation report shown in place of the pages."""

from __future__ import annotations

import gc
import hashlib
import os
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import (
    Dataset,
    DatasetInvalid,
    Problem,
    data_dir,
    dataset_version,
    load_dataset,
)
from dashboard.data.seeds import seeds_dir_for
from dashboard.views import filters as flt
from dashboard.web import memory, validated

# A content hash of the whole folder at most this often per folder, when nothing in a stat
# changed: an edit that keeps name, size, mtime and (within one clock tick) ctime is still seen
# within this many seconds, and the version cited is the data's.
HASH_EVERY_S = 5.0
# A hash that takes more than a second (a million events: 700 MB, 1.5 s or more) is repeated at
# most once per HASH_COST_FACTOR times its own duration instead: it would otherwise cost every
# other page run its budget. A changed stat is still seen at once.
HASH_COST_FACTOR = 20
_hashed: dict[str, tuple[tuple, str, float, float]] = {}  # folder -> (stat, hash, when, took)


def _stat_signature(folder: Path) -> tuple:
    """Name, size, mtime, inode and ctime of every table and seed (and of both folders). A
    user cannot keep inode and ctime by accident: a rewrite changes ctime, a copy the inode.
    One directory scan each: the seeds can be thousands of files."""
    entries = []
    for where in (folder, seeds_dir_for(folder)):
        if where.is_dir():
            info = where.stat()
            entries.append((str(where), "", info.st_ino, info.st_mtime_ns, info.st_ctime_ns))
            with os.scandir(where) as scan:
                for e in scan:
                    if e.name.endswith((".csv", ".txt", ".json")):
                        s = e.stat()
                        entries.append(
                            (where.name, e.name, s.st_size, s.st_mtime_ns, s.st_ino, s.st_ctime_ns)
                        )
    return tuple(sorted(entries))


def _signature(folder: Path, now: float | None = None) -> str:
    """The cache key: the dataset's content hash (its version), recomputed whenever a stat
    changes and at least every HASH_EVERY_S seconds."""
    stat = _stat_signature(folder)
    now = time.monotonic() if now is None else now
    last = _hashed.get(str(folder))
    if last and last[0] == stat:
        took = last[3]
        every = HASH_EVERY_S if took < 1.0 else max(HASH_EVERY_S, HASH_COST_FACTOR * took)
        if now - last[2] < every:
            return last[1]
    started = time.perf_counter()
    try:
        digest = dataset_version(folder)
    except OSError:  # an unreadable file: the validator names it; the key is the stat's
        digest = hashlib.sha256(repr(stat).encode()).hexdigest()[:12]
    _hashed[str(folder)] = (stat, digest, now, time.perf_counter() - started)
    return digest


@st.cache_resource(show_spinner="Loading and validating the dataset…", max_entries=4)
def _load(folder: str, signature: str) -> tuple[Dataset | None, list[Problem], pd.DataFrame | None]:
    # cache_resource, not cache_data: the frames are shared read-only, never copied per rerun.
    # Bytes validated before (by this validator) are read back instead of validated again.
    ds, key = validated.read(Path(folder))
    if ds is None:
        try:
            ds = load_dataset(folder)
        except DatasetInvalid as err:
            return None, err.problems, None
        except Exception as err:  # anything unreadable becomes a report, never a traceback
            return None, [Problem(folder, 0, "", "", f"could not be read: {err!r}")], None
        validated.write(Path(folder), ds, key)
    links = flt.actor_links(ds)
    # Streamlit runs a full garbage collection after every script run (runner.postScriptGC):
    # ~70 ms over every module and frame. Freezing what lives as long as the server (the
    # imported modules, this dataset) leaves it only what the runs allocate (bench/, docs/).
    gc.freeze()
    memory.release()  # validation's working memory, freed, back to the system
    return ds, [], links


def load() -> tuple[Dataset | None, list[Problem], pd.DataFrame | None]:
    folder = data_dir()
    if not folder.is_dir():
        return None, [Problem(str(folder), 0, "", "", "dataset folder not found")], None
    return _load(str(folder), _signature(folder))


def show_problems(folder: Path, problems: list[Problem]) -> None:
    st.error(
        f"The dataset in ‘{md(folder.name)}’ did not pass validation: {len(problems)} problem(s). "
        "Nothing from it is shown until they are fixed. Run `python -m dashboard validate` "
        "for the same report."
    )
    report = pd.DataFrame(
        [(p.file, p.line or None, p.column, p.value, p.message) for p in problems],
        columns=["file", "line", "column", "value", "problem"],
    )
    st.dataframe(report, hide_index=True, width="stretch", key="problems")
