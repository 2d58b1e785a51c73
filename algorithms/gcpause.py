"""Python's cyclic garbage collector paused for the length of a bulk run (issue 18).

A run builds hundreds of thousands of short-lived container objects (rows bound for SQLite, findings, report lines).
Each allocation burst makes the collector scan the young generation, and every few bursts the whole heap: inside
QGIS that is some 130 000 objects, 35–45 ms a time, three to five times in a 100 000-plot check (0.15–0.2 s of a
2.2 s run, all of it holding the GIL the other threads wait for). Nothing a run makes is garbage before it ends except
what reference counting frees anyway, so the collector is switched off meanwhile and back on afterwards; the few
cycles a run leaves (about 200 objects in a 100 000-plot check) are collected then.

The pause is process-wide (the collector is), counted: nested or concurrent runs (QGIS runs Processing algorithms
in background tasks) switch it back on when the last one ends, and only if it was on when the first one started.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

__all__ = ["paused_gc"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc():
    """Switch the cyclic garbage collector off for the ``with`` block (reference counting still frees memory)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
