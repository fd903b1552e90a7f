"""The real dataset through the validator only: every data rule (passages at their offsets,
quantities by the rule, transfers as their events, answers naming what they answer, dates in
range and not after publication) is a row rule of dashboard/data/rules, with a fault test each
in tests/test_validator.py and tests/test_rules.py, so `python -m dashboard validate` gives the
verdict these tests give. (Per-article expectations are data QA: tests/test_data_qa.py with
datasets/qa/.)"""

from dashboard.data.dataset import DEFAULT_DATA_DIR, validate_folder


def test_real_dataset_is_valid():
    assert validate_folder(DEFAULT_DATA_DIR) == []
