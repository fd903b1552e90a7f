"""Validated datasets kept on disk by content (web/validated.py): a restart with the same bytes
skips the validator; changed bytes are validated again; a bad dataset is never stored."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.data.dataset import dataset_files, dataset_version, load_dataset
from dashboard.pages import ENTRY
from dashboard.web import loading, validated
from tests.fixtures import FIXTURE_DIR

BAD = (b"2030-03-14,2030-03-14", b"2030-03-14,2030-13-40")


@pytest.fixture
def on(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(validated.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(validated, "_enabled", True)
    folder = shutil.copytree(FIXTURE_DIR, tmp_path / "dataset")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    loading._hashed.clear()
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


@pytest.fixture
def counted(monkeypatch) -> list:
    calls = []
    real = loading.load_dataset
    monkeypatch.setattr(loading, "load_dataset", lambda f: calls.append(f) or real(f))
    return calls


def restart() -> AppTest:
    """A new server process: nothing in memory, the disk cache as it is."""
    st.cache_resource.clear()
    loading._hashed.clear()
    return AppTest.from_file(str(ENTRY), default_timeout=60).run()


def test_off_unless_the_server_turns_it_on(monkeypatch):
    monkeypatch.setattr(validated, "_enabled", False)
    assert validated.cache_dir() is None
    monkeypatch.setattr(validated, "_enabled", True)
    monkeypatch.setenv(validated.CACHE_ENV, "")
    assert validated.cache_dir() is None


def test_same_bytes_are_read_back_not_validated_again(on: Path, counted: list):
    first = restart()
    assert len(counted) == 1 and not first.exception
    assert len(list((on.parent / "cache").glob("*.pickle"))) == 1
    second = restart()
    assert len(counted) == 1  # the validator did not run again
    assert not second.exception
    shown = " ".join(c.value for c in second.sidebar.caption)
    assert dataset_version(on) in shown
    ds, _ = validated.read(on)
    fresh = load_dataset(on)
    assert ds.version == fresh.version
    pd.testing.assert_frame_equal(ds.events, fresh.events)
    assert ds.seeds == fresh.seeds and ds.warnings == fresh.warnings


def test_a_changed_file_is_validated_again(on: Path, counted: list):
    restart()
    claims = on / "claims.csv"
    data = claims.read_bytes()
    at = data.rindex(b"a")
    claims.write_bytes(data[:at] + b"b" + data[at + 1 :])
    second = restart()
    assert len(counted) == 2
    shown = " ".join(c.value for c in second.sidebar.caption)
    assert dataset_version(on) in shown


def test_a_bad_file_is_refused_and_never_stored(on: Path, counted: list):
    restart()
    events = on / "events.csv"
    events.write_bytes(events.read_bytes().replace(*BAD, 1))
    for _ in range(2):
        at = restart()
        assert "did not pass validation: 1 problem(s)" in at.error[0].value
        assert at.metric.len == 0
    assert len(counted) == 3  # validated on each start: a failing dataset is not cached
    assert len(list((on.parent / "cache").glob("*.pickle"))) == 1  # the good one only


def test_an_unreadable_cache_file_means_validating(on: Path, counted: list):
    restart()
    (cached,) = (on.parent / "cache").glob("*.pickle")
    cached.write_bytes(b"not a pickle")
    at = restart()
    assert len(counted) == 2 and not at.exception
    assert pickle.loads(cached.read_bytes()).version == dataset_version(on)  # rewritten


def test_a_new_validator_is_a_new_key(on: Path, monkeypatch):
    key = validated.content_key(on)
    validated.validator_stamp.cache_clear()
    monkeypatch.setattr(validated, "validator_stamp", lambda: "another validator")
    assert validated.content_key(on)[0] != key[0]
    assert validated.content_key(on)[1] == key[1] == dataset_version(on)


def test_an_edit_during_the_load_is_not_stored(on: Path):
    before = validated.content_key(on)
    ds = load_dataset(on)
    claims = on / "claims.csv"
    claims.write_bytes(claims.read_bytes() + b"\n")
    assert validated.write(on, ds, before) is False
    assert not list((on.parent / "cache").glob("*.pickle"))


@pytest.mark.parametrize("loosened", ["file", "folder"])
def test_a_cache_others_could_write_is_never_unpickled(on: Path, counted: list, loosened: str):
    restart()
    (cached,) = (on.parent / "cache").glob("*.pickle")
    target = cached if loosened == "file" else cached.parent
    target.chmod(target.stat().st_mode | 0o022)  # group- and world-writable: anyone's pickle
    loads = []
    real = pickle.load
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(validated.pickle, "load", lambda fh: loads.append(fh) or real(fh))
        assert validated.read(on)[0] is None
        at = restart()
    assert loads == [] and len(counted) == 2 and not at.exception  # validated in full instead


def test_a_cache_file_as_a_link_is_never_unpickled(on: Path, counted: list):
    restart()
    (cached,) = (on.parent / "cache").glob("*.pickle")
    moved = cached.with_suffix(".elsewhere")
    cached.rename(moved)
    cached.symlink_to(moved)
    assert validated.read(on)[0] is None


def test_the_cap_is_twice_the_validators_cap_on_one_file():
    from dashboard.data import csvfile

    assert csvfile.MAX_FILE_BYTES == 512 * 2**20
    assert validated.MAX_SOURCE_BYTES == 2 * csvfile.MAX_FILE_BYTES == 1024 * 2**20


def test_the_key_hashes_every_byte_in_blocks(on: Path, monkeypatch):
    whole = validated.content_key(on)
    monkeypatch.setattr(validated, "READ_BLOCK", 7)  # blocks that cut every file anywhere
    assert validated.content_key(on) == whole
    assert whole[1] == dataset_version(on)
    assert whole[2] == sum(p.stat().st_size for p in dataset_files(on)) > 0


def test_a_dataset_over_the_cap_is_neither_stored_nor_read(on: Path, monkeypatch):
    key = validated.content_key(on)
    ds = load_dataset(on)
    monkeypatch.setattr(validated, "MAX_SOURCE_BYTES", key[2] - 1)  # one byte over the cap
    assert validated.write(on, ds, key) is False
    assert not (on.parent / "cache").exists()
    monkeypatch.setattr(validated, "MAX_SOURCE_BYTES", key[2])  # exactly at the cap
    assert validated.write(on, ds, key) is True
    assert validated.read(on)[0].version == key[1]
    monkeypatch.setattr(validated, "MAX_SOURCE_BYTES", key[2] - 1)
    assert validated.read(on) == (None, key)  # the stored file is not read past the cap
