"""GEOS's validity answer, faster for the usual polygon: a vectorized test that proves a hole-free polygon valid
without GEOS, GEOS (``shapely.is_valid``, threaded) for everything it does not prove.

The proof: a shell is simple when, seen from some point c, every edge turns strictly one way around c (counter-
clockwise for all edges, or clockwise for all) and the boundary goes round c exactly once. The direction from c then
grows monotonically along the boundary and meets each ray from c once: the shell is star-shaped around c, a simple
ring with at least three distinct, not all collinear, points — valid for GEOS (a polygon without holes, or a
multipolygon of that one polygon, needs nothing more). Every sign is exact: the orientation of (c, p, q) is taken
only where Shewchuk's floating-point filter (orient2d, error bound A) certifies it, and the turns round c are counted
as crossings of the ray from c along +x, found by comparing coordinates (exact). Anything uncertain — a zero or
near-zero turn, a repeated point, a spike, a non-finite coordinate, a ring not star-shaped around its centroid,
holes, several parts, other geometry types — goes to GEOS. Convex polygons and most plots pass.
"""
from __future__ import annotations

import numpy as np
import shapely

from .threads import split_map

__all__ = ["is_valid", "proven_valid"]

#: Shewchuk's ccwerrboundA for IEEE doubles, (3 + 16ε)ε with ε = 2^-53
_ERR_A = (3.0 + 16.0 * 2.0 ** -53) * 2.0 ** -53
#: geometries with fewer coordinates go straight to GEOS, which is as fast as the proof for them
MIN_COORDS = 16
#: absolute slack for products that reach the subnormal range (their rounding error is absolute, not relative)
_TINY = 1e-290


def _centroids(xy, starts, counts, bridge):
    """The area centroid of each ring (taken from its first point, against cancellation); NaN or inf for no area."""
    first = np.repeat(xy[starts], counts, axis=0)
    dx, dy = xy[:, 0] - first[:, 0], xy[:, 1] - first[:, 1]
    cross = np.where(bridge, 0.0, dx[:-1] * dy[1:] - dx[1:] * dy[:-1])
    area3 = 3 * np.add.reduceat(cross, starts)
    return (xy[starts, 0] + np.add.reduceat((dx[:-1] + dx[1:]) * cross, starts) / area3,
            xy[starts, 1] + np.add.reduceat((dy[:-1] + dy[1:]) * cross, starts) / area3)


def _turns(xy, starts, counts):
    """Per ring (coordinates ``xy`` of all rings, ring k at ``starts[k]``, ``counts[k]`` coordinates, closed):
    does every edge turn strictly one way round the ring's centroid c, the signs certified, and does the ring go
    round c once? (c is any pair of doubles: only the signs below are relied on.)"""
    n = len(xy)
    last = starts + counts - 1                              # the closing coordinate of each ring
    bridge = np.zeros(n - 1, dtype=bool)                    # pairs that join one ring to the next are no edges
    bridge[last[:-1]] = True
    cx, cy = _centroids(xy, starts, counts, bridge)
    u, v = xy[:, 0] - np.repeat(cx, counts), xy[:, 1] - np.repeat(cy, counts)
    left, right = u[:-1] * v[1:], v[:-1] * u[1:]              # edge j: coordinate j → j + 1 (orient(c, p, q))
    det, bound = left - right, _ERR_A * (np.abs(left) + np.abs(right)) + _TINY
    ccw, cw = (det > bound) | bridge, (-det > bound) | bridge
    up = ((v[:-1] < 0) & (v[1:] >= 0) & ~bridge).astype(np.int64)     # crossings of the ray c + t·(1, 0), t > 0
    down = ((v[:-1] > 0) & (v[1:] <= 0) & ~bridge).astype(np.int64)
    all_ccw, all_cw = np.logical_and.reduceat(ccw, starts), np.logical_and.reduceat(cw, starts)
    ups, downs = np.add.reduceat(up, starts), np.add.reduceat(down, starts)
    return (all_ccw & (ups == 1)) | (all_cw & (downs == 1))


def proven_valid(geoms) -> np.ndarray:
    """True where the geometry is proven valid without GEOS (see the module's docstring); False means "not proven"
    (GEOS decides), never "invalid"."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), dtype=bool)
    types = shapely.get_type_id(geoms)
    idx = np.flatnonzero((types == 3) | ((types == 6) & (shapely.get_num_geometries(geoms) == 1)))
    xy, which = shapely.get_coordinates(geoms[idx], return_index=True)
    counts = np.bincount(which, minlength=len(idx))
    some = counts >= 4                                      # empty (or too short) polygons: GEOS
    idx, xy, counts = idx[some], xy[np.repeat(some, counts)], counts[some]
    if not len(idx):
        return out
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    last = starts + counts - 1
    # one ring: its first point comes back only at the last coordinate (a hole, or a shell through its start
    # point again, would bring it back earlier)
    again = (xy == np.repeat(xy[starts], counts, axis=0)).all(axis=1).astype(np.int64)
    ring = (np.add.reduceat(again, starts) == 2) & (xy[last] == xy[starts]).all(axis=1)
    ok = np.isfinite(xy).all(axis=1)
    ring &= np.logical_and.reduceat(ok, starts)
    with np.errstate(all="ignore"):                         # overflow to inf: not certified
        out[idx] = ring & _turns(np.where(ok[:, None], xy, 0.0), starts, counts)
    return out


def _valid(geoms):
    """One thread's share of :func:`is_valid`."""
    valid = np.zeros(len(geoms), dtype=bool)
    big = np.flatnonzero(shapely.get_num_coordinates(geoms) >= MIN_COORDS)
    valid[big] = proven_valid(geoms[big])
    rest = np.flatnonzero(~valid)
    valid[rest] = shapely.is_valid(geoms[rest])
    return valid


def is_valid(geoms, *, min_size=None) -> np.ndarray:
    """``shapely.is_valid(geoms)`` (missing geometries: False), GEOS asked only about what :func:`proven_valid`
    does not prove among geometries of :data:`MIN_COORDS` or more coordinates; on threads (``split_map``, ``min_size``
    as there)."""
    return split_map(_valid, np.asarray(geoms, dtype=object), min_size=min_size)
