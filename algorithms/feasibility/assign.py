"""The growth rule of 滚动开发分期 on indivisible blocks (a unit's plots, or one row each).

:func:`assign_blocks` takes per-block areas, investments, tiers and neighbours and returns a phase per block: the
supplied blocks first, then serviced ones, then those touching built infrastructure or what is already assigned,
nearest to the infrastructure first; a phase closes when the next block would push it over its capacity (a phase
always takes at least one block, so only a block larger than the capacity makes a phase larger than it).

Pins (a positive phase number per block) are kept as given when every pinned phase fits the capacity. When one does
not (e.g. the units inherited their cluster's 开发分期 1/2), the pins are read as an **order**: the blocks of the
lowest pin value are phased first, in capacity-sized phases, then the next value, then the unpinned blocks.
"""
from __future__ import annotations

import heapq
from typing import Optional

import numpy as np

__all__ = ["assign_blocks", "block_neighbours", "pins_fit"]


def block_neighbours(row_neighbours: list, block_of: np.ndarray, n_blocks: int) -> list[np.ndarray]:
    """Neighbour lists between blocks from neighbour lists between rows (a block is never its own neighbour)."""
    out: list[set] = [set() for _ in range(n_blocks)]
    for i, nb in enumerate(row_neighbours):
        b = int(block_of[i])
        for j in block_of[np.asarray(nb, dtype=int)]:
            if int(j) != b:
                out[b].add(int(j))
    return [np.array(sorted(s), dtype=int) for s in out]


def pins_fit(pinned: np.ndarray, area: np.ndarray, cap_ha: float) -> bool:
    """True when every pinned phase's area is within the capacity (or is one block larger than it)."""
    for p in np.unique(pinned[pinned > 0]):
        sel = pinned == p
        if area[sel].sum() > cap_ha + 1e-9 and sel.sum() > 1:
            return False
    return True


def _greedy(area, inv, *, pinned, supplied, serviced, touching, dist, neighbours, cap_ha, cap_inv, progress,
            first_phase=1):
    n = len(area)
    phase = pinned.copy()
    heap: list = []
    queued = np.zeros(n, bool)

    def push(i, tier):
        if phase[i] == 0 and not queued[i]:
            queued[i] = True
            heapq.heappush(heap, (tier, float(dist[i]), int(i)))

    for i in np.flatnonzero(supplied):
        push(i, 0)
    for i in np.flatnonzero(serviced & ~supplied):
        push(i, 1)
    for i in np.flatnonzero(touching):
        push(i, 2)
    k = first_phase
    area_k = {p: float(area[pinned == p].sum()) for p in np.unique(pinned[pinned > 0])}
    inv_k = {p: float(inv[pinned == p].sum()) for p in np.unique(pinned[pinned > 0])}

    def open_phase(p):
        for j in np.flatnonzero(pinned == p):
            for nb in neighbours[j]:
                push(nb, 2)

    open_phase(k)
    remaining = int((phase == 0).sum())
    done = 0
    while remaining:
        if not heap:
            free = np.flatnonzero(phase == 0)
            push(free[np.argmin(dist[free])], 3)
        tier, d, i = heapq.heappop(heap)
        if phase[i]:
            continue
        a_now, i_now = area_k.get(k, 0.0), inv_k.get(k, 0.0)
        full = a_now > 0 and (a_now + area[i] > cap_ha + 1e-9 or (cap_inv and i_now + inv[i] > cap_inv + 1e-9))
        if full:
            heapq.heappush(heap, (tier, d, i))
            k += 1
            open_phase(k)
            continue
        phase[i] = k
        area_k[k] = a_now + area[i]
        inv_k[k] = i_now + inv[i]
        remaining -= 1
        done += 1
        for nb in neighbours[i]:
            push(nb, 2)
        if progress is not None and done % 200 == 0:
            progress(30 + 60 * done / max(n, 1), "分期 / phasing")
    return phase


def assign_blocks(area: np.ndarray, inv: np.ndarray, *, pinned: np.ndarray, supplied: np.ndarray,
                  serviced: np.ndarray, touching: np.ndarray, dist: np.ndarray, neighbours: list, cap_ha: float,
                  cap_inv: Optional[float], progress=None) -> tuple[np.ndarray, bool]:
    """Phase per block, and whether the pins were read as an order (see the module docstring)."""
    kw = dict(cap_ha=cap_ha, cap_inv=cap_inv, progress=progress)
    if pins_fit(pinned, area, cap_ha):
        return _greedy(area, inv, pinned=pinned, supplied=supplied, serviced=serviced, touching=touching, dist=dist,
                       neighbours=neighbours, **kw), False
    n = len(area)
    phase = np.zeros(n, dtype=int)
    stages = [int(s) for s in np.unique(pinned[pinned > 0])] + [0]
    for s in stages:
        sel = np.flatnonzero(pinned == s)
        if not len(sel):
            continue
        local = np.full(n, -1, dtype=int)
        local[sel] = np.arange(len(sel))
        sub_nb = [local[nb][local[nb] >= 0] for nb in (neighbours[i] for i in sel)]
        near_done = np.array([bool((phase[neighbours[i]] > 0).any()) if len(neighbours[i]) else False for i in sel])
        offset = int(phase.max())
        got = _greedy(area[sel], inv[sel], pinned=np.zeros(len(sel), dtype=int), supplied=supplied[sel],
                      serviced=serviced[sel], touching=touching[sel] | near_done, dist=dist[sel],
                      neighbours=sub_nb, **kw)
        phase[sel] = got + offset
    return phase, True
