"""The real dataset: valid, every passage verbatim at its offsets, codebook in step."""

from dashboard.data import DEFAULT_DATA_DIR, load_dataset, validate_folder


def test_real_dataset_is_valid():
    assert validate_folder(DEFAULT_DATA_DIR) == []


def test_counts():
    assert load_dataset().counts() == {
        "events": 23,
        "transfers": 8,
        "locations": 4,
        "actors": 25,
        "claims": 9,
        "articles": 1,
    }
