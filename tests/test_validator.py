"""The validator: one small fault per case, built from a copy of the real dataset, and the exact
problem lines it must print (file:line [column] message (value)). Line numbers are the lines a
person sees in an editor: the header is line 1, and a data row's line is where its record starts."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.data.dataset import load_dataset, validate_folder
from dashboard.data.problems import DatasetInvalid

REPO = Path(__file__).resolve().parents[1]
SEED = "000_8ce4acc91b2e9f2a"
SEED_JSON = f"seeds/{SEED}.json"

Fault = Callable[[Path], None]  # corrupts the copied dataset folder in place


# --- building fixtures --------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the real dataset: tmp/datasets/*.csv and tmp/seeds/*; returns tmp/datasets."""
    data, seeds = tmp_path / "datasets", tmp_path / "seeds"
    data.mkdir()
    for path in sorted((REPO / "datasets").glob("*.csv")):
        shutil.copy(path, data / path.name)
    shutil.copytree(REPO / "seeds", seeds)
    return data


def read_rows(folder: Path, table: str) -> list[list[str]]:
    text = (folder / f"{table}.csv").read_bytes().decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_rows(folder: Path, table: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (folder / f"{table}.csv").write_bytes(out.getvalue().encode("utf-8"))


def row_index(rows: list[list[str]], key: str) -> int:
    """Index in `rows` (header = 0) of the record whose first field (the primary key) is `key`."""
    return next(i for i, row in enumerate(rows) if row[0] == key)


def cell(table: str, key: str, column: str, value: str) -> Fault:
    """Set one cell, found by the row's primary key and the column's name."""

    def fault(folder: Path) -> None:
        rows = read_rows(folder, table)
        rows[row_index(rows, key)][rows[0].index(column)] = value
        write_rows(folder, table, rows)

    return fault


def cells(*faults: Fault) -> Fault:
    """Several faults applied one after another."""

    def fault(folder: Path) -> None:
        for f in faults:
            f(folder)

    return fault


def drop_column(table: str, column: str) -> Fault:
    def fault(folder: Path) -> None:
        rows = read_rows(folder, table)
        i = rows[0].index(column)
        write_rows(folder, table, [row[:i] + row[i + 1 :] for row in rows])

    return fault


def add_column(table: str, column: str, copy_of: str | None = None) -> Fault:
    """Append a column, filled with a copy of another column's values (or empty)."""

    def fault(folder: Path) -> None:
        rows = read_rows(folder, table)
        src = rows[0].index(copy_of) if copy_of else None
        rows = [[*rows[0], column]] + [
            [*row, row[src] if src is not None else ""] for row in rows[1:]
        ]
        write_rows(folder, table, rows)

    return fault


def ragged(table: str, key: str, extra: int) -> Fault:
    """Give one row `extra` more fields (or fewer, when negative) than the header."""

    def fault(folder: Path) -> None:
        rows = read_rows(folder, table)
        i = row_index(rows, key)
        rows[i] = rows[i] + ["x"] * extra if extra > 0 else rows[i][:extra]
        write_rows(folder, table, rows)

    return fault


def raw_bytes(table: str, edit: Callable[[bytes], bytes]) -> Fault:
    def fault(folder: Path) -> None:
        path = folder / f"{table}.csv"
        path.write_bytes(edit(path.read_bytes()))

    return fault


def remove_file(table: str) -> Fault:
    def fault(folder: Path) -> None:
        (folder / f"{table}.csv").unlink()

    return fault


def seed_meta(edit: Callable[[dict], None]) -> Fault:
    def fault(folder: Path) -> None:
        path = folder.parent / SEED_JSON
        meta = json.loads(path.read_text(encoding="utf-8"))
        edit(meta)
        path.write_text(json.dumps(meta, indent=2), encoding="utf-8")

    return fault


def problems_after(folder: Path, fault: Fault) -> list[str]:
    fault(folder)
    return [str(p) for p in validate_folder(folder)]


def seed_text(edit: Callable[[bytes], bytes]) -> Fault:
    def fault(folder: Path) -> None:
        path = folder.parent / f"seeds/{SEED}.txt"
        path.write_bytes(edit(path.read_bytes()))

    return fault


def multiline_notes(folder: Path) -> None:
    """Give the first event (line 2) a three-line quoted note: later records start 2 lines on."""
    rows = read_rows(folder, "events")
    rows[1][rows[0].index("notes")] = 'First line,\nsecond line, with a quote: "x",\nthird.'
    write_rows(folder, "events", rows)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


EVENT_TYPE_MESSAGE = (
    "not one of: arms_transfer, troop_deployment, troop_buildup, combat, casualties, training, "
    "diplomatic_visit, diplomatic_meeting, report, denial, acknowledgement, expected_event"
)
STANCE_MESSAGE = "not one of: confirms, reports, acknowledges, denies, expects, uncertain"
SEED_SHA = "393c3d28a79c3fc0a45119268145bb6e0c6a95e916514cc25dc7bbfe793da29e"
PASSAGE_EV04 = (
    "These troops have already been involved in combat, as reported by South Korean lawmaker "
    "Park Sung-won, who cited NIS intelligence."
)

# Row lines in the real dataset (no multi-line fields): events 000-evNN is on line NN + 1;
# transfers 000-trNN on NN + 1; locations: russia 3; claims: kim-visit 10.
FAULTS = [
    # --- header -------------------------------------------------------------------------------
    pytest.param(
        drop_column("events", "stance"),
        ["events.csv:1 [stance] missing column"],
        id="missing-column",
    ),
    pytest.param(
        add_column("events", "colour"),
        ["events.csv:1 [colour] unexpected column (not in the codebook)"],
        id="extra-column",
    ),
    pytest.param(
        add_column("events", "stance", copy_of="stance"),
        ["events.csv:1 [stance] duplicate column"],
        id="duplicate-column",
    ),
    # --- ragged rows: reported, never shifted into the wrong columns ---------------------------
    pytest.param(
        ragged("events", "000-ev05", +1),
        ["events.csv:6 row has 29 fields, header has 28"],
        id="ragged-one-too-many",
    ),
    pytest.param(
        ragged("events", "000-ev05", -1),
        ["events.csv:6 row has 27 fields, header has 28"],
        id="ragged-one-too-few",
    ),
    pytest.param(
        # 000-ev10 is named by transfers 000-tr03 and 000-tr04: its id still exists, so no
        # "no such id" follows from the ragged row.
        ragged("events", "000-ev10", +1),
        ["events.csv:11 row has 29 fields, header has 28"],
        id="ragged-row-still-referenced",
    ),
    # --- dates --------------------------------------------------------------------------------
    pytest.param(
        cell("events", "000-ev06", "date_start", "2024-13-40"),
        ["events.csv:7 [date_start] not a real YYYY-MM-DD date (value: '2024-13-40')"],
        id="bad-date",
    ),
    pytest.param(
        cell("events", "000-ev06", "date_end", "2024-02-30"),
        ["events.csv:7 [date_end] not a real YYYY-MM-DD date (value: '2024-02-30')"],
        id="impossible-date",
    ),
    pytest.param(
        cell("events", "000-ev06", "date_end", "2024-11-1"),
        ["events.csv:7 [date_end] not a real YYYY-MM-DD date (value: '2024-11-1')"],
        id="date-without-leading-zero",
    ),
    pytest.param(
        cell("events", "000-ev06", "date_end", "2024-10-31"),
        ["events.csv:7 [date_end] ends before its start (value: '2024-10-31')"],
        id="end-before-start",
    ),
    pytest.param(
        cell("transfers", "000-tr01", "report_date_end", "2024-11-19"),
        ["transfers.csv:2 [report_date_end] ends before its start (value: '2024-11-19')"],
        id="end-before-start-day-precise",
    ),
    pytest.param(
        cell("transfers", "000-tr01", "report_date_end", "2024-11-21"),
        [
            "transfers.csv:2 [report_date_end] a day-precise window must start and end on the "
            "same day (value: '2024-11-21')"
        ],
        id="day-precise-window-spans-days",
    ),
    # --- numbers ------------------------------------------------------------------------------
    pytest.param(
        cell("locations", "russia", "lat", "91"),
        ["locations.csv:3 [lat] above the maximum 90 (value: '91')"],
        id="lat-above-90",
    ),
    pytest.param(
        cell("locations", "russia", "lon", "-180.5"),
        ["locations.csv:3 [lon] below the minimum -180 (value: '-180.5')"],
        id="lon-below-minus-180",
    ),
    pytest.param(
        cell("locations", "russia", "lat", "north"),
        ["locations.csv:3 [lat] not a number (value: 'north')"],
        id="lat-not-a-number",
    ),
    # --- ids, allowed values, references ------------------------------------------------------
    pytest.param(
        raw_bytes("claims", lambda b: b + b"kim-visit,Kim Jong-un will visit Russia again\n"),
        [
            "claims.csv:10 [claim_id] duplicate id (value: 'kim-visit')",
            "claims.csv:12 [claim_id] duplicate id (value: 'kim-visit')",
        ],
        id="duplicate-id",
    ),
    pytest.param(
        cell("events", "000-ev04", "event_type", "battle"),
        [f"events.csv:5 [event_type] {EVENT_TYPE_MESSAGE} (value: 'battle')"],
        id="event-type-not-allowed",
    ),
    pytest.param(
        cell("events", "000-ev04", "stance", "claims"),
        [f"events.csv:5 [stance] {STANCE_MESSAGE} (value: 'claims')"],
        id="stance-not-allowed",
    ),
    pytest.param(
        cell("events", "000-ev04", "claimant_actor_id", "nobody"),
        ["events.csv:5 [claimant_actor_id] no such id in actors.csv (value: 'nobody')"],
        id="reference-missing",
    ),
    pytest.param(
        cell("transfers", "000-tr03", "destination_location_id", "moscow"),
        ["transfers.csv:4 [destination_location_id] no such id in locations.csv (value: 'moscow')"],
        id="reference-missing-location",
    ),
    pytest.param(
        cell(
            "events",
            "000-ev02",
            "partner_actor_ids",
            "russian-armed-forces;nobody;russian-marines",
        ),
        ["events.csv:3 [partner_actor_ids] no such id in actors.csv (value: 'nobody')"],
        id="reference-missing-in-list",
    ),
    pytest.param(
        cell("events", "000-ev04", "article_id", "999_nope"),
        ["events.csv:5 [article_id] no such id in seeds (value: '999_nope')"],
        id="bad-article-id",
    ),
    # --- passages -----------------------------------------------------------------------------
    pytest.param(
        cell(
            "events",
            "000-ev04",
            "passage",
            PASSAGE_EV04.replace("Park Sung-won", "Park Sun-won"),
        ),
        [
            "events.csv:5 [passage] not verbatim in the seed "
            "(value: 'These troops have already been involved in combat, as report')"
        ],
        id="passage-not-verbatim",
    ),
    pytest.param(
        cell("events", "000-ev04", "passage_start", "717"),
        [
            "events.csv:5 [passage_start] offsets do not match the passage (it is at 716-846) "
            "(value: '717-846')"
        ],
        id="passage-offsets-wrong",
    ),
    pytest.param(
        cell("events", "000-ev04", "passage_start", ""),
        ["events.csv:5 [passage_start] required value is empty"],
        id="passage-offset-empty",
    ),
    pytest.param(
        cell("events", "000-ev04", "passage_end", "x"),
        ["events.csv:5 [passage_end] not a whole number (value: 'x')"],
        id="passage-offset-not-a-number",
    ),
    pytest.param(
        cell("events", "000-ev04", "passage_start", "-1"),
        ["events.csv:5 [passage_start] below the minimum 0 (value: '-1')"],
        id="passage-offset-negative",
    ),
    # --- bytes and files ----------------------------------------------------------------------
    pytest.param(
        raw_bytes("actors", lambda b: b.replace(b"Kim Jong-un", b"Kim J\xe9ng-un")),
        ["actors.csv:5 file is not UTF-8 (value: '0xe9')"],
        id="latin-1-byte",
    ),
    pytest.param(
        raw_bytes("events", lambda b: b"\xef\xbb\xbf" + b),
        [],
        id="byte-order-mark-accepted",
    ),
    pytest.param(
        raw_bytes("claims", lambda b: b.replace(b"kim-visit", b"kim\x00visit")),
        ["claims.csv:10 contains a NUL byte"],
        id="nul-byte",
    ),
    pytest.param(
        raw_bytes("claims", lambda b: b""),
        ["claims.csv file is empty"],
        id="empty-file",
    ),
    pytest.param(
        remove_file("claims"),
        ["claims.csv file not found"],
        id="missing-table-file",
    ),
    pytest.param(
        raw_bytes("claims", lambda b: b.replace(b"kim-visit,", b'kim-visit,"Kim" will')),
        ["claims.csv:10 malformed CSV: ',' expected after '\"'"],
        id="malformed-quote",
    ),
    # --- seeds --------------------------------------------------------------------------------
    pytest.param(
        seed_text(lambda b: b + b"\n"),
        [f"{SEED_JSON} [sha256] does not match the seed text's bytes (value: '{SEED_SHA}')"],
        id="seed-sha256-mismatch",
    ),
    pytest.param(
        seed_meta(lambda meta: meta.pop("date_published")),
        [f"{SEED_JSON} [date_published] missing field"],
        id="seed-metadata-missing-field",
    ),
    pytest.param(
        # Reported once on the metadata, not again on each of the 31 rows that cite the article.
        lambda folder: (folder.parent / f"seeds/{SEED}.txt").unlink(),
        [f"{SEED_JSON} [article_id] seed text file not found (value: '{SEED}')"],
        id="seed-text-missing",
    ),
    pytest.param(
        seed_text(lambda b: b.replace(b"Park", b"P\xe4rk", 1)),
        [
            f"{SEED_JSON} [sha256] does not match the seed text's bytes (value: '{SEED_SHA}')",
            f"seeds/{SEED}.txt:4 file is not UTF-8 (value: '0xe4')",
        ],
        id="seed-text-not-utf8",
    ),
    # --- required values ----------------------------------------------------------------------
    pytest.param(
        cell("events", "000-ev04", "summary", ""),
        ["events.csv:5 [summary] required value is empty"],
        id="required-value-empty",
    ),
    # --- line numbers after a multi-line quoted field -----------------------------------------
    pytest.param(
        cells(multiline_notes, cell("events", "000-ev05", "stance", "claims")),
        [f"events.csv:8 [stance] {STANCE_MESSAGE} (value: 'claims')"],
        id="line-after-multiline-field",
    ),
    pytest.param(
        cells(
            multiline_notes,
            cell("events", "000-ev05", "stance", "claims"),
            raw_bytes("events", lambda b: b.replace(b"\n", b"\r\n")),
        ),
        [f"events.csv:8 [stance] {STANCE_MESSAGE} (value: 'claims')"],
        id="line-after-multiline-field-crlf",
    ),
    pytest.param(
        cells(multiline_notes, ragged("events", "000-ev01", +1), ragged("events", "000-ev05", -1)),
        [
            "events.csv:2 row has 29 fields, header has 28",
            "events.csv:8 row has 27 fields, header has 28",
        ],
        id="ragged-multiline-row",
    ),
    # --- several faults: all reported, none hides another -------------------------------------
    pytest.param(
        cells(
            cell("transfers", "000-tr03", "quantity_low", "x"),
            cell("transfers", "000-tr04", "quantity_low", "-4"),
        ),
        [
            "transfers.csv:4 [quantity_low] not a whole number (value: 'x')",
            "transfers.csv:5 [quantity_low] below the minimum 0 (value: '-4')",
        ],
        id="two-bad-cells-one-column",
    ),
    pytest.param(
        cells(
            cell("events", "000-ev06", "date_start", "2024-13-40"),
            cell("events", "000-ev06", "date_end", "2024-02-30"),
        ),
        [
            "events.csv:7 [date_end] not a real YYYY-MM-DD date (value: '2024-02-30')",
            "events.csv:7 [date_start] not a real YYYY-MM-DD date (value: '2024-13-40')",
        ],
        id="two-bad-cells-one-row",
    ),
    pytest.param(
        cells(
            cell("events", "000-ev06", "stance", "claims"),
            cell("events", "000-ev06", "date_end", "2024-10-31"),
            cell("events", "000-ev06", "passage", "Not in the seed."),
        ),
        [
            "events.csv:7 [date_end] ends before its start (value: '2024-10-31')",
            "events.csv:7 [passage] not verbatim in the seed (value: 'Not in the seed.')",
            f"events.csv:7 [stance] {STANCE_MESSAGE} (value: 'claims')",
        ],
        id="bad-cell-does-not-hide-row-checks",
    ),
    pytest.param(
        cell("events", "000-ev04", "summary", "   "),
        ["events.csv:5 [summary] required value is empty (value: '   ')"],
        id="required-value-only-blanks",
    ),
    pytest.param(
        cell("transfers", "000-tr03", "quantity_low", "45.0"),
        ["transfers.csv:4 [quantity_low] not a whole number (value: '45.0')"],
        id="integer-written-as-decimal",
    ),
    pytest.param(
        seed_meta(lambda meta: meta.update(article_id="other")),
        [
            f"{SEED_JSON} [article_id] does not match the file's name (value: 'other')",
        ],
        id="seed-id-differs-from-file-name",
    ),
    pytest.param(
        seed_meta(lambda meta: meta.update(date_published="20 Nov 2024")),
        [f"{SEED_JSON} [date_published] not a real YYYY-MM-DD date (value: '20 Nov 2024')"],
        id="seed-date-not-iso",
    ),
    pytest.param(
        cells(
            drop_column("claims", "proposition"),
            cell("events", "000-ev03", "date_start", "2024-13-40"),
            cell("events", "000-ev09", "event_type", "battle"),
            cell("locations", "kursk-oblast", "lat", "95"),
            cell("locations", "krasnoyarsk-krai", "lon", "east"),
            cell("transfers", "000-tr02", "recipient_actor_id", "nobody"),
            seed_meta(lambda meta: meta.pop("language")),
        ),
        [
            "claims.csv:1 [proposition] missing column",
            "events.csv:4 [date_start] not a real YYYY-MM-DD date (value: '2024-13-40')",
            f"events.csv:10 [event_type] {EVENT_TYPE_MESSAGE} (value: 'battle')",
            "locations.csv:4 [lat] above the maximum 90 (value: '95')",
            "locations.csv:5 [lon] not a number (value: 'east')",
            f"{SEED_JSON} [language] missing field",
            "transfers.csv:3 [recipient_actor_id] no such id in actors.csv (value: 'nobody')",
        ],
        id="faults-in-every-file",
    ),
]


def test_copy_of_real_dataset_is_clean(folder: Path):
    assert validate_folder(folder) == []


@pytest.mark.parametrize(("fault", "expected"), FAULTS)
def test_fault_is_reported(folder: Path, fault: Fault, expected: list[str]):
    assert problems_after(folder, fault) == expected


def test_problem_fields(folder: Path):
    """Each problem carries file, line, column, value and message apart, not only as text."""
    cell("transfers", "000-tr04", "quantity_low", "-4")(folder)
    [p] = validate_folder(folder)
    assert (p.file, p.line, p.column, p.value, p.message) == (
        "transfers.csv",
        5,
        "quantity_low",
        "-4",
        "below the minimum 0",
    )


def test_load_dataset_raises_with_every_problem(folder: Path):
    cells(
        cell("transfers", "000-tr03", "quantity_low", "x"),
        cell("transfers", "000-tr04", "quantity_low", "-4"),
    )(folder)
    with pytest.raises(DatasetInvalid) as info:
        load_dataset(folder)
    assert info.value.problems == validate_folder(folder)
    assert len(info.value.problems) == 2


def test_seeds_inside_the_dataset_folder(folder: Path):
    """DIR/seeds wins over DIR/../seeds."""
    shutil.copytree(folder.parent / "seeds", folder / "seeds")
    assert validate_folder(folder) == []
    (folder / SEED_JSON).write_text("[]", encoding="utf-8")  # only the inside copy is broken
    assert [str(p) for p in validate_folder(folder)] == [f"{SEED_JSON} must hold one JSON object"]


# --- the command line -------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_cli_reports_every_problem(folder: Path):
    cells(
        cell("transfers", "000-tr03", "quantity_low", "x"),
        cell("transfers", "000-tr04", "quantity_low", "-4"),
        cell("events", "000-ev04", "stance", "claims"),
    )(folder)
    before = snapshot(folder.parent)
    result = run_cli("validate", str(folder))
    assert snapshot(folder.parent) == before  # the CLI changes nothing either
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"events.csv:5 [stance] {STANCE_MESSAGE} (value: 'claims')",
        "transfers.csv:4 [quantity_low] not a whole number (value: 'x')",
        "transfers.csv:5 [quantity_low] below the minimum 0 (value: '-4')",
    ]
    assert result.stderr == f"3 problem(s) in {folder}; nothing loaded.\n"


def test_cli_clean_folder(folder: Path):
    before = snapshot(folder.parent)
    result = run_cli("validate", str(folder))
    assert snapshot(folder.parent) == before
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{folder}: valid.\n", "")


def test_cli_missing_folder(tmp_path: Path):
    missing = tmp_path / "no-such-folder"
    result = run_cli("validate", str(missing))
    assert result.returncode == 1
    assert result.stdout == f"{missing} dataset folder not found\n"
    assert result.stderr == f"1 problem(s) in {missing}; nothing loaded.\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_in_process(folder: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().out == f"{folder}: valid.\n"
    cell("locations", "russia", "lat", "91")(folder)
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out == "locations.csv:3 [lat] above the maximum 90 (value: '91')\n"
    assert err == f"1 problem(s) in {folder}; nothing loaded.\n"


# --- validation changes nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(cells(), id="clean"),
        pytest.param(
            cells(
                raw_bytes("events", lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n")),
                raw_bytes("actors", lambda b: b.replace(b"Kim Jong-un", b"Kim J\xe9ng-un")),
                cell("transfers", "000-tr03", "quantity_low", "x"),
                seed_text(lambda b: b + b"\n"),
            ),
            id="faulty",
        ),
    ],
)
def test_validation_never_modifies_a_file(folder: Path, fault: Fault):
    fault(folder)
    root = folder.parent
    before = snapshot(root)
    validate_folder(folder)
    with contextlib.suppress(DatasetInvalid):
        load_dataset(folder)
    main(["validate", str(folder)])
    assert snapshot(root) == before
