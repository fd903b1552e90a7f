"""The cached dataset loader and the validation report shown in place of the pages."""

from __future__ import annotations

import gc
import hashlib
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.builders.text import md
from dashboard.data.dataset import Dataset, DatasetInvalid, Problem, data_dir, load_dataset
from dashboard.data.seeds import seeds_dir_for
from dashboard.views import filters as flt


def _signature(folder: Path) -> str:
    """Cheap stand-in for the files' hash: a digest of the name, size and mtime of every table
    and seed. One directory scan each and a short key: the seeds can be thousands of files."""
    entries = []
    for where in (folder, seeds_dir_for(folder)):
        if where.is_dir():
            with os.scandir(where) as scan:
                entries += [(where.name, e.name, (s := e.stat()).st_size, s.st_mtime_ns)
                            for e in scan if e.name.endswith((".csv", ".txt", ".json"))]  # fmt: skip
    return hashlib.sha256(repr(sorted(entries)).encode()).hexdigest()


@st.cache_resource(show_spinner="Loading and validating the dataset…", max_entries=4)
def _load(folder: str, signature: str) -> tuple[Dataset | None, list[Problem], pd.DataFrame | None]:
    # cache_resource, not cache_data: the frames are shared read-only, never copied per rerun.
    try:
        ds = load_dataset(folder)
    except DatasetInvalid as err:
        return None, err.problems, None
    except Exception as err:  # anything unreadable becomes a report, never a traceback
        return None, [Problem(folder, 0, "", "", f"could not be read: {err!r}")], None
    links = flt.actor_links(ds)
    # Streamlit runs a full garbage collection after every script run (runner.postScriptGC):
    # ~70 ms over every module and frame. Freezing what lives as long as the server (the
    # imported modules, this dataset) leaves it only what the runs allocate (bench/, docs/).
    gc.freeze()
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
