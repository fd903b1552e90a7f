"""The dashboard's dataset cache key (issue 13 item 8): an edit that keeps name, size and mtime
is still seen, so the version cited on every page is the version of the bytes shown."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data.dataset import dataset_version
from dashboard.pages import ENTRY
from dashboard.web import loading
from tests.fixtures import FIXTURE_DIR


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    out = tmp_path / "dataset"
    shutil.copytree(FIXTURE_DIR, out)
    loading._hashed.clear()
    return out


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite one file in place with a change of the same length, then put its mtime back."""
    assert len(old) == len(new)
    info = path.stat()
    data = path.read_bytes()
    assert data.count(old) >= 1
    at = data.rindex(old)  # the last one: in a row's text, not in the header
    path.write_bytes(data[:at] + new + data[at + len(old) :])
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (info.st_size, info.st_mtime_ns)


def test_key_is_the_content_version(copy: Path):
    assert loading._signature(copy, now=0.0) == dataset_version(copy)


def test_edit_keeping_name_size_and_mtime_is_seen(copy: Path):
    before = loading._signature(copy, now=0.0)
    same_size_edit(copy / "claims.csv", b"a", b"b")
    # Within the hash interval, and even if ctime had not moved (one clock tick): rehashed
    # because ctime moved, or at the latest once the interval has passed.
    soon = loading._signature(copy, now=1.0)
    later = loading._signature(copy, now=1.0 + loading.HASH_EVERY_S)
    assert later == dataset_version(copy) != before
    assert soon in (before, later)


def test_unchanged_folder_is_hashed_at_a_bounded_rate(copy: Path, monkeypatch):
    calls = []
    real = loading.dataset_version
    monkeypatch.setattr(loading, "dataset_version", lambda f: calls.append(f) or real(f))
    for t in (0.0, 0.5, 1.0, 4.9):
        loading._signature(copy, now=t)
    assert len(calls) == 1
    loading._signature(copy, now=5.0)
    assert len(calls) == 2


def test_stat_signature_sees_inode_and_ctime(copy: Path):
    before = loading._stat_signature(copy)
    path = copy / "claims.csv"
    info = path.stat()
    replacement = copy / "claims.tmp"
    replacement.write_bytes(path.read_bytes())
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(replacement, path)  # same name, bytes, size and mtime; a new inode
    assert loading._stat_signature(copy) != before


def test_page_cites_the_edited_version(copy: Path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(copy))
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(loading, "HASH_EVERY_S", 0.0)  # every run checks the bytes
    at = AppTest.from_file(str(ENTRY), default_timeout=60).run()
    first = dataset_version(copy)
    assert any(first in c.value for c in at.sidebar.caption)
    same_size_edit(copy / "claims.csv", b"a", b"b")
    at.run()
    second = dataset_version(copy)
    assert second != first
    shown = " ".join(c.value for c in at.sidebar.caption)
    assert second in shown and first not in shown
    st.cache_resource.clear()


def test_unreadable_file_gives_a_key_not_a_traceback(copy: Path, monkeypatch):
    def unreadable(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loading, "dataset_version", unreadable)
    key = loading._signature(copy, now=0.0)
    assert len(key) == 12 and key == loading._signature(copy, now=0.1)


def test_a_slow_hash_is_repeated_less_often(copy: Path, monkeypatch):
    """A million events' folder takes seconds to hash: rehashed at most once per 20 times that,
    not every 5 s; a changed stat is still rehashed at once."""
    calls = []
    clock = iter([0.0, 3.0] * 10)  # each hash "takes" 3 s
    monkeypatch.setattr(loading.time, "perf_counter", lambda: next(clock))
    real = loading.dataset_version
    monkeypatch.setattr(loading, "dataset_version", lambda f: calls.append(f) or real(f))
    loading._signature(copy, now=0.0)
    loading._signature(copy, now=59.0)
    assert len(calls) == 1
    loading._signature(copy, now=60.0)
    assert len(calls) == 2
    same_size_edit(copy / "claims.csv", b"a", b"b")  # the ctime moves: rehashed at once
    loading._signature(copy, now=61.0)
    assert len(calls) == 3
