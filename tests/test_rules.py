"""Row rules (dashboard/data/rules): one fault per rule on a copy of the real dataset, with the
exact lines the validator prints; the rules as data for the codebook. Row lines as in
tests/test_validator.py: events 000-evNN on line NN + 1, transfers 000-trNN on NN + 1, actors
in file order (north-korea 2, nk-troops 3, russia 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.codebook import codebook_markdown
from dashboard.data.dataset import validate_folder
from dashboard.data.problems import ERROR, WARNING
from dashboard.data.rules import ROW_RULES
from dashboard.data.rules.references import parent_cycles
from dashboard.data.rules.transfers import UNREADABLE
from tests.test_validator import Fault, cell, cells, folder, problems_after, seed_meta

__all__ = ["folder"]  # the fixture, used by name

RULE_FAULTS = [
    # --- quantity_bounds_follow_figure ---------------------------------------------------------
    pytest.param(
        cell("transfers", "000-tr03", "quantity_low", "44"),
        ["transfers.csv:4 [quantity_low] the stated figure 'nearly 50' gives 45 (value: '44')"],
        id="bounds-low-wrong",
    ),
    pytest.param(
        cell("transfers", "000-tr04", "quantity_qualifier", "about"),
        [
            "transfers.csv:5 [quantity_qualifier] the stated figure '20' gives exact (value: 'about')"
        ],
        id="bounds-qualifier-wrong",
    ),
    pytest.param(
        cell("transfers", "000-tr07", "quantity_high", "20000"),
        [
            "transfers.csv:8 [quantity_high] the stated figure 'over 10,000' gives no bound "
            "(value: '20000')"
        ],
        id="bounds-open-ended-given-a-high",
    ),
    pytest.param(
        cell("transfers", "000-tr01", "quantity_low", "5"),
        ["transfers.csv:2 [quantity_low] an empty quantity_as_stated gives no bound (value: '5')"],
        id="bounds-without-a-figure",
    ),
    pytest.param(
        cell("transfers", "000-tr04", "quantity_as_stated", "20 upgraded"),
        [f"transfers.csv:5 [quantity_as_stated] {UNREADABLE} (value: '20 upgraded')"],
        id="figure-unreadable",
    ),
    # --- stated_figure_in_passage --------------------------------------------------------------
    pytest.param(
        cells(
            cell("transfers", "000-tr03", "quantity_as_stated", "nearly 60"),
            cell("transfers", "000-tr03", "quantity_low", "55"),
            cell("transfers", "000-tr03", "quantity_high", "59"),
        ),
        [
            "transfers.csv:4 [quantity_as_stated] not word for word in the row's passage "
            "(value: 'nearly 60')"
        ],
        id="figure-not-in-passage",
    ),
    # --- quantity_low_not_above_high -----------------------------------------------------------
    pytest.param(
        cells(
            cell("transfers", "000-tr03", "quantity_low", "49"),
            cell("transfers", "000-tr03", "quantity_high", "45"),
        ),
        [
            "transfers.csv:4 [quantity_high] the stated figure 'nearly 50' gives 49 (value: '45')",
            "transfers.csv:4 [quantity_low] above quantity_high (45) (value: '49')",
            "transfers.csv:4 [quantity_low] the stated figure 'nearly 50' gives 45 (value: '49')",
        ],
        id="low-above-high",
    ),
    # --- transfer_matches_its_event ------------------------------------------------------------
    pytest.param(
        cell("transfers", "000-tr03", "claimant_actor_id", "nis"),
        [
            "transfers.csv:4 [claimant_actor_id] differs from its event 000-ev10 "
            "('financial-times') (value: 'nis')"
        ],
        id="transfer-claimant-differs",
    ),
    pytest.param(
        cells(
            cell("transfers", "000-tr03", "report_date_start", "2024-11-15"),
            cell("transfers", "000-tr03", "report_date_end", "2024-11-15"),
        ),
        [
            "transfers.csv:4 [report_date_end] differs from its event 000-ev10 ('2024-11-16') "
            "(value: '2024-11-15')",
            "transfers.csv:4 [report_date_start] differs from its event 000-ev10 ('2024-11-16') "
            "(value: '2024-11-15')",
        ],
        id="transfer-report-window-differs",
    ),
    pytest.param(
        cells(
            cell("transfers", "000-tr06", "report_date_precision", "month"),
            cell("transfers", "000-tr06", "report_date_start", "2024-11-01"),
            cell("transfers", "000-tr06", "report_date_end", "2024-11-30"),
        ),
        [
            "transfers.csv:7 [report_date_end] differs from its event 000-ev03 ('') "
            "(value: '2024-11-30')",
            "transfers.csv:7 [report_date_precision] differs from its event 000-ev03 ('unknown') "
            "(value: 'month')",
            "transfers.csv:7 [report_date_start] differs from its event 000-ev03 ('') "
            "(value: '2024-11-01')",
        ],
        id="transfer-dated-where-its-event-is-not",
    ),
    # --- answer_names_its_rows / answer_not_itself ---------------------------------------------
    pytest.param(
        cell("events", "000-ev20", "responds_to_event_ids", ""),
        [
            "events.csv:21 [responds_to_event_ids] a denial or acknowledgement must name the rows "
            "it answers"
        ],
        id="denial-answers-nothing",
    ),
    pytest.param(
        cell("events", "000-ev23", "responds_to_event_ids", ""),
        [
            "events.csv:24 [responds_to_event_ids] a denial or acknowledgement must name the rows "
            "it answers"
        ],
        id="acknowledgement-answers-nothing",
    ),
    pytest.param(
        cell("events", "000-ev20", "responds_to_event_ids", "000-ev18;000-ev20"),
        ["events.csv:21 [responds_to_event_ids] a row cannot answer itself (value: '000-ev20')"],
        id="answers-itself",
    ),
    # --- actor_parents_end ---------------------------------------------------------------------
    pytest.param(
        cell("actors", "nk-troops", "parent_actor_id", "nk-troops"),
        ["actors.csv:3 [parent_actor_id] an actor cannot be its own parent (value: 'nk-troops')"],
        id="actor-own-parent",
    ),
    pytest.param(
        cell("actors", "north-korea", "parent_actor_id", "nk-troops"),
        [
            "actors.csv:2 [parent_actor_id] parents form a cycle: north-korea → nk-troops → "
            "north-korea (value: 'nk-troops')",
            "actors.csv:3 [parent_actor_id] parents form a cycle: nk-troops → north-korea → "
            "nk-troops (value: 'north-korea')",
        ],
        id="actor-parent-cycle",
    ),
    # --- actor_names_distinct ------------------------------------------------------------------
    pytest.param(
        cell("actors", "russia", "name", "north  KOREA"),
        [
            "actors.csv:2 [name] another actor has the same name: russia (line 6) "
            "(value: 'North Korea')",
            "actors.csv:6 [name] another actor has the same name: north-korea (line 2) "
            "(value: 'north  KOREA')",
        ],
        id="actor-names-clash",
    ),
    # --- window_not_after_publication ----------------------------------------------------------
    pytest.param(
        cells(
            cell("events", "000-ev06", "date_start", "2025-01-01"),
            cell("events", "000-ev06", "date_end", "2025-01-19"),
        ),
        [
            "events.csv:7 [date_start] after its article's publication date (2024-11-20) "
            "(value: '2025-01-01')"
        ],
        id="event-after-publication",
    ),
    pytest.param(
        cells(
            cell("events", "000-ev09", "date_start", "2025-06-01"),
            cell("events", "000-ev09", "date_end", "2025-06-30"),
            cell("events", "000-ev09", "date_precision", "month"),
        ),
        [],
        id="expectation-may-be-in-the-future",
    ),
    pytest.param(
        cells(
            cell("events", "000-ev09", "report_date_start", "2025-06-01"),
            cell("events", "000-ev09", "report_date_end", "2025-06-30"),
            cell("events", "000-ev09", "report_date_precision", "month"),
        ),
        [
            "events.csv:10 [report_date_start] after its article's publication date "
            "(2024-11-20) (value: '2025-06-01')"
        ],
        id="expectation-reported-after-publication",
    ),
    pytest.param(
        seed_meta(lambda meta: meta.update(date_published="2024-11-15")),
        [
            f"events.csv:{line} [report_date_start] after its article's publication date "
            f"(2024-11-15) (value: '2024-11-{day}')"
            for line, day in ((2, 20), (3, 20), (11, 16), (12, 16), (13, 16))
        ]
        + [
            f"transfers.csv:{line} [report_date_start] after its article's publication date "
            f"(2024-11-15) (value: '2024-11-{day}')"
            for line, day in ((2, 20), (3, 20), (4, 16), (5, 16))
        ],
        id="article-published-before-its-rows",
    ),
    pytest.param(
        seed_meta(
            lambda meta: meta.update(date_published="2024-11-01", date_published_precision="month")
        ),
        [],
        id="month-precise-publication-covers-the-month",
    ),
]


@pytest.mark.parametrize(("fault", "expected"), RULE_FAULTS)
def test_rule_fault_is_reported(folder: Path, fault: Fault, expected: list[str]):
    assert problems_after(folder, fault) == expected


def test_real_dataset_passes_every_row_rule_through_the_validator_only():
    """The data rules that tests/test_dataset.py used to check by hand are the validator's now:
    the real dataset passes `validate`, and each rule has a fault above that it reports."""
    from dashboard.data.dataset import DEFAULT_DATA_DIR

    assert validate_folder(DEFAULT_DATA_DIR) == []
    tested = {p.id for p in RULE_FAULTS}
    assert len(tested) == len(RULE_FAULTS) >= len(ROW_RULES)


def test_rules_are_data_and_the_codebook_lists_each():
    names = [r.name for r in ROW_RULES]
    assert len(names) == len(set(names)) == 20
    assert {r.severity for r in ROW_RULES} == {ERROR, WARNING}
    assert [r.name for r in ROW_RULES if r.severity == WARNING] == ["no_bidi_controls"]
    text = codebook_markdown()
    assert "## Row rules" in text
    for rule in ROW_RULES:
        assert rule.description and "\n" not in rule.description
        assert f"| `{rule.name}` | {rule.severity} |" in text


@pytest.mark.parametrize(
    ("parents", "expected"),
    [
        pytest.param({}, {}, id="none"),
        pytest.param({"a": "b", "b": "c"}, {}, id="chain"),
        pytest.param({"a": "b", "b": "a"}, {"a": ["a", "b", "a"], "b": ["b", "a", "b"]}, id="two"),
        pytest.param(
            {"x": "a", "a": "b", "b": "c", "c": "a"},
            {"a": ["a", "b", "c", "a"], "b": ["b", "c", "a", "b"], "c": ["c", "a", "b", "c"]},
            id="three-with-a-tail",
        ),
        pytest.param({"a": "missing"}, {}, id="dangling"),
    ],
)
def test_parent_cycles(parents, expected):
    assert parent_cycles(parents) == expected


def test_parent_cycles_is_linear():
    chain = {f"a{i}": f"a{i + 1}" for i in range(200_000)}
    assert parent_cycles(chain) == {}
