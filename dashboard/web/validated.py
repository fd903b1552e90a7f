"""Datasets that passed the validator, kept on disk by content so a restart skips re-validating.

The key is a SHA-256 over the folder's path, the names and bytes of every table and seed, and
the validator's own code (dashboard/data, dashboard/schema.py) with the pandas, pandera and
Python versions: an edited file, a new rule or an upgrade is a new key, and a new key is
validated in full. Only a dataset that passed is written, and only when the files hashed the
same before and after it was read, so an edit made during the load is never stored under the
old bytes. A file that cannot be read back is ignored (the folder is validated as usual).

Pickle runs code when read: the folder is the user's own cache (mode 0700), written only here.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.data.dataset import Dataset

# Importing this module stays cheap (app.py turns the cache on before the server listens):
# dashboard.data.dataset, with pandas, is imported when a dataset is read or written; pandera
# only when a folder is validated (dashboard/data/parsing.py), never to read a pickle back.

CACHE_ENV = "DASHBOARD_CACHE_DIR"  # where; an empty string turns the cache off
KEEP = 4  # newest files kept; older ones are removed after a write
# Bigger datasets (tables and seeds together) are validated on every start. Twice the
# validator's cap on one file (csvfile.MAX_FILE_BYTES): an events.csv at that cap makes a
# dataset of about 715 MB at the synthetic proportions (1M events: 416 MB of 580 MB). At 1M
# the pickle is 538 MB, written once in 5.5-6.5 s, and a restart reads it back in 0.15-0.19x
# the time validating takes, at 0.7x its peak memory (bench/validated_cache.py, PERFORMANCE.md).
MAX_SOURCE_BYTES = 1024 * 1024 * 1024
READ_BLOCK = 1024 * 1024  # bytes hashed at a time
PACKAGE = Path(__file__).resolve().parents[1]


_enabled = False  # the server turns it on (app.py); AppTests and tools run without it


def enable(on: bool = True) -> None:
    global _enabled  # noqa: PLW0603
    _enabled = on


def cache_dir() -> Path | None:
    if not _enabled:
        return None
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nk-arms-dashboard" / "validated"


@lru_cache(maxsize=1)
def validator_stamp() -> str:
    """A hash of the validator's code and the libraries it runs on."""
    digest = hashlib.sha256()
    sources = sorted((PACKAGE / "data").rglob("*.py")) + [PACKAGE / "schema.py"]
    for path in sources:
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    for package in ("pandas", "pandera", "numpy", "pyarrow"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def content_key(folder: Path) -> tuple[str, str, int] | None:
    """(cache key, the dataset version it implies, bytes read); None if a file is unreadable."""
    from dashboard.data.dataset import dataset_files

    files = dataset_files(folder)
    version = hashlib.sha256()  # exactly dataset_version's digest
    key = hashlib.sha256(f"{folder.resolve()}\0{validator_stamp()}\0".encode())
    size = 0
    try:
        for path in files:
            for d in (version, key):
                d.update(path.name.encode())
            with path.open("rb") as fh:  # by blocks: a 416 MB events.csv is never held whole
                while block := fh.read(READ_BLOCK):
                    size += len(block)
                    for d in (version, key):
                        d.update(block)
    except OSError:
        return None
    return key.hexdigest(), version.hexdigest()[:12], size


def read(folder: Path) -> tuple[Dataset | None, tuple[str, str, int] | None]:
    """The dataset validated earlier from these exact bytes, or None; and the key used."""
    where = cache_dir()
    found = content_key(folder) if where else None
    if found is None or found[2] > MAX_SOURCE_BYTES:
        return None, found
    from dashboard.data.dataset import Dataset

    path = where / f"{found[0]}.pickle"
    if not _private(where) or not _private(path):
        return None, found  # someone else could have written it: validate in full instead
    try:
        with path.open("rb") as fh:
            ds = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None, found
    if not isinstance(ds, Dataset) or ds.version != found[1]:
        return None, found
    return ds, found


def write(folder: Path, ds: Dataset, before: tuple[str, str, int] | None) -> bool:
    """Store a dataset that passed, if its files hashed the same before and after the load."""
    where = cache_dir()
    if where is None or before is None or before[2] > MAX_SOURCE_BYTES:
        return False
    if ds.version != before[1] or content_key(folder) != before:
        return False  # changed while it was read: validated next time, never stored as stale
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=where, suffix=".tmp", delete=False) as fh:
            tmp = Path(fh.name)
            pickle.dump(ds, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, where / f"{before[0]}.pickle")
        _prune(where)
    except Exception:  # a full disk or an unpicklable value: no cache, nothing half-written
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return False
    return True


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else (pickle runs code when it is read)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner_only = not info.st_mode & 0o022
    return info.st_uid == os.getuid() and owner_only and not path.is_symlink()


def _prune(where: Path) -> None:
    files = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
