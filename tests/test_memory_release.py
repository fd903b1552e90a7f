"""dashboard/web/memory.release: freed heap memory goes back to the system where glibc can."""

import ctypes.util
import platform

import pytest

from dashboard.web import memory


@pytest.mark.skipif(platform.system() != "Linux", reason="malloc_trim is glibc's (Linux)")
def test_release_calls_malloc_trim_on_glibc():
    assert ctypes.util.find_library("c")
    assert memory.release(collect=True) is True


def test_release_does_nothing_where_there_is_no_malloc_trim(monkeypatch):
    monkeypatch.setattr(memory, "_trim", False)
    assert memory.release() is False
