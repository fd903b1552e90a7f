"""Give freed memory back to the operating system after the server frees a lot at once.

glibc keeps freed heap memory for reuse instead of returning it: at a million events, loading
and validating the dataset, building a filtered view's frames and dropping an old view each
free hundreds of megabytes that would otherwise stay in the server's resident set (and add up
to its peak). `release()` asks glibc to return them (malloc_trim); elsewhere (musl, macOS,
Windows) there is no such call and it does nothing. It takes a few milliseconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading

_lock = threading.Lock()
_trim = None


def _malloc_trim():
    global _trim
    if _trim is None:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _trim = libc.malloc_trim
            _trim.argtypes, _trim.restype = [ctypes.c_size_t], ctypes.c_int
        except (OSError, AttributeError):  # not glibc: nothing to call
            _trim = False
    return _trim


def release(collect: bool = False) -> bool:
    """Return freed heap memory to the system (after a garbage collection if `collect`);
    False where the C library has no malloc_trim."""
    trim = _malloc_trim()
    if not trim:
        return False
    with _lock:  # one at a time: two sessions freeing views need not both walk the heap
        if collect:
            gc.collect()
        trim(0)
    return True
