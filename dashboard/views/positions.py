"""Where a view's rows sit in the dataset's tables, as numpy positions and masks. Tables made
once per dataset (indexed like the dataset's) are then read by position on a filter change,
instead of hashing a million labels again (Index.isin, .loc) for every page. Pure numpy."""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd


def positions(labels: pd.Index, index: pd.Index) -> np.ndarray:
    """The positions in `index` (a table's) of `labels` (some of its rows, e.g. a view's
    event_index), in the order of `labels`."""
    if labels is index or (len(labels) == len(index) and labels.equals(index)):
        return np.arange(len(index), dtype=np.int64)
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return np.asarray(labels, dtype=np.int64)  # labels are positions
    return index.get_indexer(labels).astype(np.int64)


def kept(labels: pd.Index, index: pd.Index) -> np.ndarray:
    """A mask over `index`'s positions: True where `labels` holds the row."""
    out = np.zeros(len(index), dtype=bool)
    out[positions(labels, index)] = True
    return out


def at(mask: np.ndarray, where: np.ndarray) -> np.ndarray:
    """mask[where], False where `where` is -1 (no such row)."""
    where = np.asarray(where, dtype=np.int64)
    return (where >= 0) & mask[np.where(where >= 0, where, 0)] if len(mask) else where < -1


_ONCE: dict[tuple[int, str], tuple] = {}  # (id(owner), name) -> (weak ref, value)


def once(owner, name: str, fn):
    """fn(owner), made once per owner object (a dataset, or one of its frames) and kept while
    it lives (like filters.event_positions): codes and labels a pure view reads on every run.
    Shared: read it only. Two sessions racing may both make it; either result is the same."""
    key = (id(owner), name)
    hit = _ONCE.get(key)
    if hit is None or hit[0]() is not owner:
        hit = (weakref.ref(owner), fn(owner))
        _ONCE[key] = hit
        weakref.finalize(owner, _ONCE.pop, key, None)
    return hit[1]
