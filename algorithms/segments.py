"""Rows repeated per segment (``np.repeat``) and concatenated ranges, without holding the GIL (issue 18).

numpy 1.24's ``np.repeat`` keeps the GIL for its whole copy loop: in the batches that the overlay runs on several
threads (:mod:`.checks.clip`, :mod:`.checks.clipjoin`, :mod:`.validity`) it was the main thing the threads waited
for each other on. The same rows come from a segment number per output row built with ``cumsum`` and an indexed
store, and a take — numpy operations that release the GIL. Small arrays keep ``np.repeat`` (cheaper there).
"""
from __future__ import annotations

import numpy as np

__all__ = ["repeat", "expand", "segment_of"]

#: below this many output rows ``np.repeat`` holds the GIL for less time than the few calls below take
SMALL = 4096


def segment_of(counts) -> np.ndarray:
    """``np.repeat(np.arange(len(counts)), counts)``: per output row, the index of its segment."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if total < SMALL:
        return np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    nz = np.flatnonzero(counts)                      # empty segments emit no row
    seg = np.zeros(total, dtype=np.int64)
    ends = np.cumsum(counts[nz])
    seg[0] = nz[0]
    seg[ends[:-1]] = np.diff(nz)                     # the step in segment number where each next one starts
    return np.cumsum(seg)                            # (in place, out=seg, it would hold the GIL)


def repeat(values, counts) -> np.ndarray:
    """``np.repeat(values, counts, axis=0)`` (``counts`` one per row of ``values``)."""
    values = np.asarray(values)
    if int(np.sum(counts)) < SMALL:
        return np.repeat(values, counts, axis=0)
    return values[segment_of(counts)]


def expand(starts, counts) -> np.ndarray:
    """Concatenate ranges [starts[i], starts[i] + counts[i]) (vectorized)."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offs = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) + (np.asarray(starts, dtype=np.int64) - offs)[segment_of(counts)]
