"""Threads for vectorized GEOS and numpy work on large arrays (shapely 2 and numpy release the GIL there).

:data:`THREADS` is how many threads the engine's own array work may use: 0 (default) means up to 4, by the
machine's cores. ``algorithms.scale`` sets 1 inside its partitions: there the workers are the parallelism,
one core each, so that a worker's rate projects to a cluster's cores.

Only geometries that one thread alone touches are ever handed to it: GEOS prepared geometries build their
indexes lazily and must not be shared between threads.
"""
from __future__ import annotations

import contextvars
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

__all__ = ["THREADS", "PER_THREAD", "n_threads", "split_map", "slices", "run_all"]

THREADS = contextvars.ContextVar("zutuan_threads", default=0)

#: below this many elements an array is not worth splitting
MIN_SPLIT = 20_000


def n_threads() -> int:
    return THREADS.get() or min(4, os.cpu_count() or 1)


def slices(n: int, parts: int, *, breaks=None) -> list[slice]:
    """``parts`` contiguous slices of ``range(n)``; with ``breaks`` (sorted group keys of the n elements) no
    group is cut in two."""
    edges = np.linspace(0, n, max(1, parts) + 1).astype(np.int64)
    if breaks is not None and n:
        breaks = np.asarray(breaks)
        edges = np.searchsorted(breaks, breaks[np.minimum(edges, n - 1)], side="left")
        edges[0], edges[-1] = 0, n
        edges = np.unique(edges)
    return [slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:]) if b > a]


def run_all(fn, items, threads: int) -> list:
    """``[fn(x) for x in items]``, on up to ``threads`` threads when there is more than one item."""
    items = list(items)
    n = max(1, min(threads, len(items)))
    if n == 1:
        return [fn(x) for x in items]
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(fn, items))


#: slices per thread of a split: the threads take them as they come free, so that costly elements bunched in one
#: part of the arrays (GEOS unions of the larger conflicts, say) do not leave the other threads waiting
PER_THREAD = 4


def split_map(fn, *arrays, min_size: int | None = None):
    """``fn(*arrays)`` for an elementwise ``fn``, run on :data:`PER_THREAD` slices of the arrays per thread and
    concatenated."""
    n = len(arrays[0])
    t = n_threads()
    if t <= 1 or n < (MIN_SPLIT if min_size is None else min_size):
        return fn(*arrays)
    return np.concatenate(run_all(lambda s: fn(*(a[s] for a in arrays)), slices(n, PER_THREAD * t), t))
