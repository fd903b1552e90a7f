"""The validator's fast path (dashboard/data/fastcsv.py) against its exact path: the same
frames, lines, problems and verdicts on the real dataset, the fixture dataset, a synthetic one
and every hostile file of the fault tables; and it really is taken for clean input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bench.synth import write_dataset
from dashboard.data import reading
from dashboard.data.dataset import check_folder, load_dataset
from dashboard.data.fastcsv import SPACES, fast_table, quoting_is_plain
from dashboard.schema import TABLES
from tests.fixtures import FIXTURE_DIR
from tests.test_hostile_data import FAULTS as HOSTILE_FAULTS
from tests.test_validator import FAULTS as VALIDATOR_FAULTS
from tests.test_validator import REPO, Fault, cell, folder, multiline_notes, raw_bytes

__all__ = ["folder"]  # the fixture, used by name
EVENTS = (REPO / "datasets" / "events.csv").read_bytes()
HEADER, FIRST, REST = EVENTS.split(b"\n", 2)


def both_paths(path: Path, monkeypatch: pytest.MonkeyPatch):
    """(fast, exact): each the parsed folder and its problems, the exact one with the fast
    path switched off."""
    fast = check_folder(path)
    with monkeypatch.context() as m:
        m.setattr(reading, "fast_table", lambda data, table: None)
        exact = check_folder(path)
    assert exact[0].fast == set()
    return fast, exact


def assert_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The two paths agree on every problem, table and line; return the tables read fast."""
    (fast, fast_problems), (exact, exact_problems) = both_paths(path, monkeypatch)
    assert [(str(p), p.severity) for p in fast_problems] == [
        (str(p), p.severity) for p in exact_problems
    ]
    assert fast.tables.keys() == exact.tables.keys()
    for name, frame in exact.tables.items():
        pd.testing.assert_frame_equal(fast.tables[name], frame, check_exact=True)
        assert fast.lines[name] == exact.lines[name], name
        assert fast.ragged_keys[name] == exact.ragged_keys[name], name
    return fast.fast


def tables_with_rows(path: Path) -> set[str]:
    return {
        t.name
        for t in TABLES.values()
        if (path / t.path).is_file() and (path / t.path).read_bytes().strip().count(b"\n") >= 1
    }


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(REPO / "datasets", id="real-dataset"),
        pytest.param(FIXTURE_DIR, id="fixture-dataset"),
    ],
)
def test_clean_datasets_take_the_fast_path_and_agree(path: Path, monkeypatch):
    taken = assert_same(path, monkeypatch)
    assert taken == tables_with_rows(path)
    assert len(taken) >= 5


def test_synthetic_dataset_takes_the_fast_path_and_agrees(tmp_path: Path, monkeypatch):
    path = write_dataset(tmp_path / "synth", 600)
    taken = assert_same(path, monkeypatch)
    assert taken == set(TABLES)
    assert len(load_dataset(path).events) == 600


def _all_faults():
    for source, faults in (("validator", VALIDATOR_FAULTS), ("hostile", HOSTILE_FAULTS)):
        for param in faults:
            yield pytest.param(param.values[0], id=f"{source}-{param.id}")


@pytest.mark.parametrize("fault", list(_all_faults()))
def test_every_fault_gets_the_same_verdict_either_way(folder: Path, fault: Fault, monkeypatch):
    fault(folder)
    assert_same(folder, monkeypatch)


def _events(edit) -> Fault:
    return raw_bytes("events", edit)


# Files the fast path must read (and agree on), and files it must leave to the exact path.
TAKEN = [
    pytest.param(multiline_notes, id="newlines-in-a-quoted-field"),
    pytest.param(_events(lambda b: b.replace(b"\n", b"\r\n")), id="crlf"),
    pytest.param(_events(lambda b: b"\xef\xbb\xbf" + b), id="byte-order-mark"),
    pytest.param(_events(lambda b: b.rstrip(b"\n")), id="no-final-newline"),
    pytest.param(cell("events", "000-ev01", "notes", 'he said ""hi"", twice'), id="doubled"),
    pytest.param(cell("events", "000-ev01", "notes", "=1+1"), id="formula-like"),
    pytest.param(cell("events", "000-ev01", "notes", "a\u2028b\u0085c"), id="unicode-breaks"),
    pytest.param(cell("events", "000-ev01", "notes", "bad\u202edir"), id="bidi-control"),
    pytest.param(cell("events", "000-ev01", "notes", "   "), id="blank-optional"),
    pytest.param(cell("events", "000-ev01", "notes", "\u2003\u3000"), id="unicode-blank-optional"),
    pytest.param(_events(lambda b: b.replace(b"event_id,", b'"event_id",', 1)), id="quoted-header"),
]
LEFT = [
    pytest.param(_events(lambda b: b.replace(b"\n", b"\r", 3)), id="lone-cr"),
    pytest.param(_events(lambda b: b.replace(b"\n", b"\n\n", 3)), id="blank-line"),
    pytest.param(_events(lambda b: b + b"\n\n"), id="blank-lines-at-end"),
    pytest.param(_events(lambda b: b + b"," * (b.count(b",", 0, b.index(b"\n")))), id="commas"),
    pytest.param(
        _events(lambda b: b.replace(b"restates this", b'restates "this', 1)),
        id="quote-inside-field",
    ),
    pytest.param(_events(lambda b: b.replace(b'",', b'"x,', 1)), id="text-after-quote"),
    pytest.param(_events(lambda b: b + b'"unclosed'), id="unclosed-quote"),
    pytest.param(_events(lambda b: b.replace(b"\n", b",x\n", 2)), id="ragged"),
    pytest.param(_events(lambda b: b.replace(b"\n", b"\x00\n", 2)), id="nul"),
    pytest.param(_events(lambda b: b.replace(b"restates", b"\xed\xa0\x80", 1)), id="surrogate"),
    pytest.param(_events(lambda b: b.replace(b"restates", b"\xc0\xaf", 1)), id="overlong"),
    pytest.param(_events(lambda b: b.decode().encode("utf-16")), id="utf-16"),
    pytest.param(_events(lambda b: b.replace(b"notes", b"notes,notes", 1)), id="dup-header"),
    pytest.param(cell("events", "000-ev01", "event_id", "\u3000"), id="unicode-blank-id"),
    pytest.param(cell("events", "000-ev01", "passage", "\u2003"), id="unicode-blank-passage"),
    pytest.param(cell("events", "000-ev02", "event_id", "000-ev01"), id="duplicate-id"),
    pytest.param(cell("events", "000-ev01", "date_start", "2024-1-5"), id="date-form"),
    pytest.param(cell("events", "000-ev01", "passage_start", " 5"), id="spaced-integer"),
    pytest.param(cell("events", "000-ev01", "passage_start", "9" * 30), id="huge-integer"),
    pytest.param(cell("events", "000-ev01", "stance", "Confirms"), id="enum"),
    pytest.param(_events(lambda b: b.split(b"\n", 1)[0] + b"\n"), id="header-only"),
    pytest.param(cell("events", "000-ev01", "notes", "x, " * 50_000), id="over-field-limit"),
    pytest.param(_events(lambda b: b" \n"), id="blank-file"),
]


@pytest.mark.parametrize("fault", TAKEN)
def test_well_formed_variants_take_the_fast_path(folder: Path, fault: Fault, monkeypatch):
    fault(folder)
    assert "events" in assert_same(folder, monkeypatch)


@pytest.mark.parametrize("fault", LEFT)
def test_doubtful_files_are_left_to_the_exact_path(folder: Path, fault: Fault, monkeypatch):
    fault(folder)
    assert "events" not in assert_same(folder, monkeypatch)


@pytest.mark.parametrize(
    ("row", "plain"),
    [
        pytest.param(b'a,"b",c\n', True, id="quoted-field"),
        pytest.param(b'"a ""q"" b",c\n', True, id="doubled-quotes"),
        pytest.param(b'"",""\n', True, id="empty-quoted"),
        pytest.param(b'a,b"c\n', False, id="quote-inside"),
        pytest.param(b'"a"b,c\n', False, id="text-after-closing"),
        pytest.param(b'a, "b"\n', False, id="space-before-quote"),
        pytest.param(b'"a,b\n', False, id="unclosed"),
    ],
)
def test_quoting_is_plain(row: bytes, plain: bool):
    buf = np.frombuffer(row, dtype=np.uint8)
    assert quoting_is_plain(buf, np.flatnonzero(buf == 34)) is plain


@pytest.mark.parametrize(
    "bad",
    [b"\xed\xa0\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xe2\x80", b"\xff"],
    ids=["surrogate", "overlong-2", "overlong-3", "above-10ffff", "truncated", "ff"],
)
def test_bytes_python_refuses_are_never_read_fast(bad: bytes):
    """Arrow's UTF-8 check stands in for Python's strict decoder: it must refuse as much."""
    with pytest.raises(UnicodeDecodeError):
        bad.decode("utf-8")
    events = TABLES["events"]
    assert fast_table(HEADER + b"\n" + FIRST + b"\n", events) is not None
    assert fast_table(HEADER + b"\n" + FIRST + bad + b"\n", events) is None  # in the notes


def test_spaces_are_what_python_calls_whitespace():
    assert "".join(c for c in map(chr, range(0x110000)) if c.isspace()) == SPACES


def test_a_bidi_control_read_fast_is_shown_visibly_in_the_loaded_dataset(folder: Path):
    cell("events", "000-ev01", "notes", "bad\u202edir")(folder)
    assert "events" in check_folder(folder)[0].fast
    events = load_dataset(folder).events
    assert events.loc[events["event_id"] == "000-ev01", "notes"].item() == "bad\ufffddir"
    assert (events["notes"].dropna().str.contains("\u202e")).sum() == 0
