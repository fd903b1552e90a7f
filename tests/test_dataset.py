"""The real dataset through the validator only: every data rule (passages at their offsets,
quantities by the rule, transfers as their events, answers naming what they answer, dates in
range and not after publication) is a row rule of dashboard/data/rules, with a fault test each
in tests/test_validator.py and tests/test_rules.py, so `python -m dashboard validate` gives the
verdict these tests give. (Per-article expectations are data QA: tests/test_data_qa.py with
datasets/qa/.)"""

from dashboard.data.dataset import DEFAULT_DATA_DIR, validate_folder


def test_real_dataset_is_valid():
    assert validate_folder(DEFAULT_DATA_DIR) == []


def test_the_version_is_the_same_when_files_are_hashed_in_blocks(tmp_path, monkeypatch):
    """dataset_version reads files in blocks (a million events' table is 400 MB): the version
    is the SHA-256 over each file's name and whole bytes, as it was when files were read whole."""
    import hashlib
    import shutil

    from dashboard.data import dataset as dataset_module

    folder = tmp_path / "datasets"
    shutil.copytree(dataset_module.REPO_ROOT / "datasets", folder)
    shutil.copytree(dataset_module.REPO_ROOT / "seeds", tmp_path / "seeds")
    whole = hashlib.sha256()
    for path in dataset_module.dataset_files(folder):
        whole.update(path.name.encode())
        whole.update(path.read_bytes())
    monkeypatch.setattr(dataset_module, "HASH_BLOCK", 7)  # many blocks, one cut mid-character
    assert dataset_module.dataset_version(folder) == whole.hexdigest()[:12]
