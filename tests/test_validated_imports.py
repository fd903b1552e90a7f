"""pandera is imported only to validate: a server whose dataset was validated before (the
validated cache, web/validated.py) reads it back, and warms its first page, without it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.data.dataset import dataset_version
from tests.fixtures import FIXTURE_DIR

# One process = one server start: enable the cache as app.py does, load as the warm-up does.
LOAD = """
import json, logging, sys
logging.disable(logging.CRITICAL)  # cache_resource outside a script run warns; not the point
from dashboard.web import loading, validated
validated.enable()
ds, problems, _ = loading.load()
out = {
    "version": ds.version if ds is not None else None,
    "problems": [p.message for p in problems],
    "events": len(ds.events) if ds is not None else None,
    "pandera": "pandera" in sys.modules,
    "reader": "dashboard.data.reading" in sys.modules,
}
if "--view" in sys.argv:
    from dashboard.web import warmup
    warmup._default_view()
    out["pandera_after_view"] = "pandera" in sys.modules
print(json.dumps(out))
"""


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
        timeout=180,
    )
    return done.stdout.strip().splitlines()[-1]


def test_importing_the_loader_does_not_import_pandera():
    code = (
        "import sys\n"
        "from dashboard.web import loading\n"
        "from dashboard.data import dataset\n"
        "from dashboard.views import filters\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pandera'"
        " or m in ('dashboard.data.reading', 'dashboard.data.rules', 'dashboard.data.fastcsv')))"
    )
    assert run_python(code) == "[]"


def test_validating_still_imports_pandera():
    # The other side of the test above: a load that validates does run pandera's checks.
    code = (
        "import sys\n"
        "from dashboard.data.dataset import load_dataset\n"
        "before = 'pandera' in sys.modules\n"
        f"ds = load_dataset({str(FIXTURE_DIR)!r})\n"
        "print(before, 'pandera' in sys.modules, len(ds.events) > 0)"
    )
    assert run_python(code) == "False True True"


def test_a_validated_dataset_is_read_back_without_pandera(tmp_path: Path):
    folder = shutil.copytree(FIXTURE_DIR, tmp_path / "dataset")
    cache = tmp_path / "cache"
    env = {"DASHBOARD_CACHE_DIR": str(cache), "DASHBOARD_DATA_DIR": str(folder)}
    version = dataset_version(folder)

    first = json.loads(run_python(LOAD, env=env))
    assert len(list(cache.glob("*.pickle"))) == 1
    second = json.loads(run_python(LOAD, "--view", env=env))

    assert first["version"] == second["version"] == version
    assert first["problems"] == second["problems"] == []
    assert first["events"] == second["events"] > 0
    assert (first["pandera"], first["reader"]) == (True, True)  # validated: the reader ran
    assert (second["pandera"], second["reader"]) == (False, False)  # read back from the pickle
    assert second["pandera_after_view"] is False  # nor does the warm-up's first view need it


def test_a_changed_file_after_a_cached_load_is_validated_with_pandera(tmp_path: Path):
    folder = shutil.copytree(FIXTURE_DIR, tmp_path / "dataset")
    env = {"DASHBOARD_CACHE_DIR": str(tmp_path / "cache"), "DASHBOARD_DATA_DIR": str(folder)}
    run_python(LOAD, env=env)
    events = folder / "events.csv"
    events.write_bytes(
        events.read_bytes().replace(b"2030-03-14,2030-03-14", b"2030-03-14,2030-13-40", 1)
    )
    again = json.loads(run_python(LOAD, env=env))
    assert (again["version"], again["pandera"]) == (None, True)
    assert again["problems"] == ["not a real YYYY-MM-DD date"]
