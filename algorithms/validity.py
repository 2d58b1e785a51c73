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

from .segments import repeat
from .threads import split_map

__all__ = ["is_valid", "proven_valid"]

#: Shewchuk's ccwerrboundA for IEEE doubles, (3 + 16ε)ε with ε = 2^-53
_ERR_A = (3.0 + 16.0 * 2.0 ** -53) * 2.0 ** -53
#: geometries with fewer coordinates go straight to GEOS, which is as fast as the proof for them; so do smoother
#: rings (fewer than JAGGED of their edges starting a monotone chain), which GEOS checks in less time than the proof
#: takes (about 12 + 250·share ns a coordinate against 65)
MIN_COORDS = 64
JAGGED = 0.25
#: the first look at a ring takes every STEP-th edge of the rings
STEP = 8
#: absolute slack for products that reach the subnormal range (their rounding error is absolute, not relative)
_TINY = 1e-290


def _orient(u0, v0, u1, v1):
    """(certified counter-clockwise, certified clockwise) of edges p → q round the centre c: the sign of
    orient2d(c, p, q) from p − c = (u0, v0), q − c = (u1, v1), where Shewchuk's filter vouches for it."""
    left, right = u0 * v1, v0 * u1
    det, bound = left - right, _ERR_A * (np.abs(left) + np.abs(right)) + _TINY
    return det > bound, -det > bound


def _sampled(u, v, starts, last):
    """Per ring: do every :data:`STEP`-th edge of all the rings turn one way round the centre (a cheap first look,
    which turns most rings that are not star-shaped round it away before the full proof)?"""
    j = np.arange(0, len(u) - 1, STEP)
    ring = np.searchsorted(starts, j, side="right") - 1
    j, ring = j[j != last[ring]], ring[j != last[ring]]     # the pair joining two rings is no edge
    ccw, cw = _orient(u[j], v[j], u[j + 1], v[j + 1])
    n = np.bincount(ring, minlength=len(starts))
    return (np.bincount(ring, ccw, minlength=len(starts)) == n) | (np.bincount(ring, cw, minlength=len(starts)) == n)


def _turns(u, v, starts, last):
    """Per ring (coordinates taken from the ring's centre c, ring k from ``starts[k]`` to its closing coordinate
    ``last[k]``): does every edge turn strictly one way round c, the signs certified, and does the ring go round c
    once? (c is any pair of doubles: only the signs below are relied on.)"""
    bridge = np.zeros(len(u) - 1, dtype=bool)               # pairs that join one ring to the next are no edges
    bridge[last[:-1]] = True
    ccw, cw = _orient(u[:-1], v[:-1], u[1:], v[1:])          # edge j: coordinate j → j + 1
    ccw, cw = ccw | bridge, cw | bridge
    up = ((v[:-1] < 0) & (v[1:] >= 0) & ~bridge).astype(np.int64)     # crossings of the ray c + t·(1, 0), t > 0
    down = ((v[:-1] > 0) & (v[1:] <= 0) & ~bridge).astype(np.int64)
    all_ccw, all_cw = np.logical_and.reduceat(ccw, starts), np.logical_and.reduceat(cw, starts)
    ups, downs = np.add.reduceat(up, starts), np.add.reduceat(down, starts)
    return (all_ccw & (ups == 1)) | (all_cw & (downs == 1))


def _rings(geoms):
    """(indices, coordinates, coordinate counts) of the geometries that may be proven: polygons and multipolygons of
    one polygon, with at least four coordinates."""
    types = shapely.get_type_id(geoms)
    idx = np.flatnonzero((types == 3) | ((types == 6) & (shapely.get_num_geometries(geoms) == 1)))
    xy = shapely.get_coordinates(geoms[idx])
    counts = shapely.get_num_coordinates(geoms[idx])
    return _subset(counts >= 4, idx, xy, counts)            # empty (or too short) polygons: GEOS


def _subset(keep, idx, xy, counts):
    """The rings ``keep`` says (indices, coordinates, counts)."""
    if keep.all():
        return idx, xy, counts
    return idx[keep], xy[repeat(keep, counts)], counts[keep]


def _centred(xy, counts):
    """(u, v, ring starts, closing coordinates): each coordinate minus its ring's centre c, in one subtraction of
    doubles (what orient2d's error bound and the exact signs of v rely on). c: about the area centroid (found from
    the ring's first point, against cancellation; NaN or inf for no area or a NaN), rounded to doubles."""
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    last = starts + counts - 1
    dx, dy = xy[:, 0] - repeat(xy[starts, 0], counts), xy[:, 1] - repeat(xy[starts, 1], counts)
    cross = dx[:-1] * dy[1:] - dx[1:] * dy[:-1]
    cross[last[:-1]] = 0.0                                  # the pair joining two rings is no edge
    area3 = 3 * np.add.reduceat(cross, starts)
    cx = xy[starts, 0] + np.add.reduceat((dx[:-1] + dx[1:]) * cross, starts) / area3
    cy = xy[starts, 1] + np.add.reduceat((dy[:-1] + dy[1:]) * cross, starts) / area3
    return xy[:, 0] - repeat(cx, counts), xy[:, 1] - repeat(cy, counts), starts, last


def _turning(xy, counts):
    """Per ring, about the share of its edges that go into another quadrant than the edge before (each starts a
    new monotone chain: GEOS's work grows with them, the proof's does not), from every fourth pair of edges."""
    j = np.arange(0, len(xy) - 2, 4)
    change = ((xy[j + 1] > xy[j]) != (xy[j + 2] > xy[j + 1])).any(axis=1)
    ring = np.searchsorted(np.cumsum(counts), j, side="right")
    return np.bincount(ring, change, minlength=len(counts)) / np.maximum(np.bincount(ring, minlength=len(counts)), 1)


def proven_valid(geoms, *, min_turning=0.0) -> np.ndarray:
    """True where the geometry is proven valid without GEOS (see the module's docstring); False means "not proven"
    (GEOS decides), never "invalid". ``min_turning``: only rings with at least that share of quadrant changes
    (:func:`_turning`) are looked at."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), dtype=bool)
    idx, xy, counts = _rings(geoms)
    if min_turning > 0 and len(idx):
        idx, xy, counts = _subset(_turning(xy, counts) >= min_turning, idx, xy, counts)
    if not len(idx):
        return out
    with np.errstate(all="ignore"):                         # overflow to inf, NaN: not certified
        u, v, starts, last = _centred(xy, counts)
        keep = _sampled(u, v, starts, last)
        if not keep.all():
            rows = repeat(keep, counts)
            idx, xy, u, v, counts = idx[keep], xy[rows], u[rows], v[rows], counts[keep]
            if not len(idx):
                return out
            starts = np.r_[0, np.cumsum(counts)[:-1]]
            last = starts + counts - 1
        # one ring: its first point comes back only at the last coordinate (a hole, or a shell through its start
        # point again, would bring it back earlier)
        again = (xy == repeat(xy[starts], counts)).all(axis=1).astype(np.int64)
        ring = (np.add.reduceat(again, starts) == 2) & (xy[last] == xy[starts]).all(axis=1)
        ring &= np.logical_and.reduceat(np.isfinite(xy).all(axis=1), starts)
        out[idx] = ring & _turns(u, v, starts, last)
    return out


def _valid(geoms):
    """One thread's share of :func:`is_valid`."""
    valid = np.zeros(len(geoms), dtype=bool)
    big = np.flatnonzero(shapely.get_num_coordinates(geoms) >= MIN_COORDS)
    valid[big] = proven_valid(geoms[big], min_turning=JAGGED)
    rest = np.flatnonzero(~valid)
    valid[rest] = shapely.is_valid(geoms[rest])
    return valid


def is_valid(geoms, *, min_size=None) -> np.ndarray:
    """``shapely.is_valid(geoms)`` (missing geometries: False), GEOS asked only about what :func:`proven_valid`
    does not prove among geometries of :data:`MIN_COORDS` or more coordinates; on threads (``split_map``, ``min_size``
    as there)."""
    return split_map(_valid, np.asarray(geoms, dtype=object), min_size=min_size)
