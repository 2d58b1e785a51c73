"""Exact-area straight cuts and the recursive splitter shared by unit and plot subdivision.

A polygon is cut by a straight line perpendicular to one axis of a frame (the main orientation of the
unit or piece, from its oriented envelope). The cut offset is found exactly for the wanted area: in the
frame, the area of the polygon left of ``x = t`` is a piecewise-quadratic function of ``t`` whose pieces
break at vertex abscissae (Green's theorem, ``A(t) = -∮_{x≤t} y dx``), so it is evaluated at the
breakpoints and solved in closed form inside the bracketing interval — the exact version of the bisection
on the cut offset of CityEngine's published parcel subdivision (Vanegas et al. 2012, "Procedural
generation of parcels in urban modeling"). Cuts are applied in world coordinates with one vectorized
``intersection``/``difference`` per recursion level, so the untouched boundary keeps its original vertices
and the two halves share the cut exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely

from .frames import (Frame, _edges, area_left, choose_count, cut_offset, frame_of, frames_of,  # noqa: F401
                     min_rectangles, polygon_parts)

__all__ = ["min_rectangles", "Frame", "frame_of", "frames_of", "area_left", "cut_offset", "choose_count", "SplitJob",
           "split_recursive", "polygon_parts"]


@dataclass
class SplitJob:
    geom: object
    n: int                       # number of pieces wanted
    frame: Frame
    owner: int                   # index of the unit (or cluster piece) it belongs to
    quota: float                 # wanted area of one piece
    lo: float                    # min area of a piece
    hi: float                    # max area of a piece
    frontage: Optional[object] = None  # road-facing lines of the owner (world coords) or None
    tag: object = None           # carried through (e.g. parcel id)
    extra: dict = field(default_factory=dict)


def _frontage_split(lines, frame: Frame, axis: int, t: float) -> tuple[float, float]:
    """Lengths of ``lines`` left and right of ``x = t`` in the frame (axis as for :func:`_edges`)."""
    if lines is None or lines.is_empty:
        return 0.0, 0.0
    parts = [p for p in shapely.get_parts(lines) if p.geom_type in ("LineString", "MultiLineString")]
    if not parts:
        return 0.0, 0.0
    xy, idx = shapely.get_coordinates(shapely.get_parts(np.array(parts, dtype=object)), return_index=True)
    if len(xy) < 2:
        return 0.0, 0.0
    loc = frame.to_local(xy)
    x = loc[:, 1] if axis == 1 else loc[:, 0]
    same = idx[:-1] == idx[1:]
    xa, xb = x[:-1][same], x[1:][same]
    seg = np.hypot(*(loc[1:][same] - loc[:-1][same]).T)
    lo, hi = np.minimum(xa, xb), np.maximum(xa, xb)
    span = hi - lo
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(span > 0, np.clip((t - lo) / np.where(span > 0, span, 1.0), 0, 1), (lo <= t).astype(float))
    left = float(np.sum(seg * frac))
    return left, float(np.sum(seg)) - left


def _plan_cut(job: SplitJob, front, min_width: float, max_aspect: float) -> tuple[int, float, float, float]:
    """Choose the axis and offset of the cut of ``job``: ``(axis, t, fraction, extent_along_axis)``."""
    n1 = job.n // 2
    frac = n1 / job.n
    loc = job.frame.to_local(shapely.get_coordinates(job.geom))
    ext = loc.max(axis=0) - loc.min(axis=0)
    long_axis = 0 if ext[0] >= ext[1] else 1
    edges = _edges(job.geom, job.frame, long_axis)
    t, lo, hi = cut_offset(edges, frac)
    if front is None:
        return long_axis, t, frac, hi - lo
    need = max(min_width, 1.0)
    fl, fr = _frontage_split(front, job.frame, long_axis, t)
    if fl >= need and fr >= need:
        return long_axis, t, frac, hi - lo
    other = 1 - long_axis
    e2 = _edges(job.geom, job.frame, other)
    t2, lo2, hi2 = cut_offset(e2, frac)
    gl, gr = _frontage_split(front, job.frame, other, t2)
    # widths of the halves across the other axis, and their aspect ratio
    w_small = min(t2 - lo2, hi2 - t2)
    aspect = ext[long_axis] / max(w_small, 1e-9)
    if gl >= need and gr >= need and w_small >= min_width and aspect <= max_aspect:
        return other, t2, frac, hi2 - lo2
    if min(gl, gr) > min(fl, fr) and w_small >= min_width and aspect <= max_aspect:
        return other, t2, frac, hi2 - lo2
    return long_axis, t, frac, hi - lo


def _half_plane(frame: Frame, axis: int, t: float, reach: float):
    """The world polygon of the half plane x' ≤ t in the cut frame (x' = x for axis 0, y for axis 1),
    large enough to cover every point within ``reach`` of the frame's origin."""
    r = reach + abs(t) + 10.0
    pts = np.array([[-r, -r], [t, -r], [t, r], [-r, r]])
    if axis == 1:  # cut coordinates (x', y') = (y, -x)  ->  (x, y) = (-y', x')
        pts = np.column_stack([-pts[:, 1], pts[:, 0]])
    return shapely.Polygon(frame.to_world(pts))


def _front_split_vec(front, F: np.ndarray, axis: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorized :func:`_frontage_split` for many pieces: ``front`` lines per piece (or None), frames ``F``
    (m, 4: ox, oy, ux, uy), cut axis and offset per piece."""
    m = len(front)
    left, total = np.zeros(m), np.zeros(m)
    has = np.flatnonzero([f is not None for f in front])
    if not len(has):
        return left, total
    parts, pi = shapely.get_parts(front[has], return_index=True)
    parts2, pj = shapely.get_parts(parts, return_index=True)   # collections may hold multilines
    owner = has[pi[pj]]
    tid = shapely.get_type_id(parts2)
    line = (tid == 1) | (tid == 2)
    parts2, owner = parts2[line], owner[line]
    if not len(parts2):
        return left, total
    xy, li = shapely.get_coordinates(parts2, return_index=True)
    same = li[:-1] == li[1:]
    own = owner[li[:-1][same]]
    f = F[own]
    a, b = xy[:-1][same], xy[1:][same]

    def coord(p):
        dx, dy = p[:, 0] - f[:, 0], p[:, 1] - f[:, 1]
        return np.where(axis[own] == 0, dx * f[:, 2] + dy * f[:, 3], -dx * f[:, 3] + dy * f[:, 2])

    ca, cb = coord(a), coord(b)
    seg = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    span = hi - lo
    tt = t[own]
    with np.errstate(divide="ignore", invalid="ignore"):
        fr = np.where(span > 0, np.clip((tt - lo) / np.where(span > 0, span, 1.0), 0, 1), (lo <= tt).astype(float))
    left = np.bincount(own, weights=seg * fr, minlength=m)
    total = np.bincount(own, weights=seg, minlength=m)
    return left, total


def _front_sides(front, F: np.ndarray, xmin, xmax, ymin, ymax, tol: float = 0.05) -> np.ndarray:
    """Road-facing length on each side (ymin, ymax, xmin, xmax) of every piece's frame-aligned box."""
    m = len(front)
    out = np.zeros((m, 4))
    has = np.flatnonzero([f is not None for f in front])
    if not len(has):
        return out
    parts, pi = shapely.get_parts(front[has], return_index=True)
    parts2, pj = shapely.get_parts(parts, return_index=True)
    owner = has[pi[pj]]
    tid = shapely.get_type_id(parts2)
    line = (tid == 1) | (tid == 2)
    parts2, owner = parts2[line], owner[line]
    if not len(parts2):
        return out
    xy, li = shapely.get_coordinates(parts2, return_index=True)
    same = li[:-1] == li[1:]
    own = owner[li[:-1][same]]
    f = F[own]
    a, b = xy[:-1][same], xy[1:][same]
    mid = (a + b) / 2.0
    dx, dy = mid[:, 0] - f[:, 0], mid[:, 1] - f[:, 1]
    lx, ly = dx * f[:, 2] + dy * f[:, 3], -dx * f[:, 3] + dy * f[:, 2]
    seg = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    for c, (val, ref) in enumerate(((ly, ymin), (ly, ymax), (lx, xmin), (lx, xmax))):
        on = np.abs(val - ref[own]) <= tol
        out[:, c] = np.bincount(own[on], weights=seg[on], minlength=m)
    return out


def _frame_boxes(pending: list[SplitJob], geoms: np.ndarray):
    """``(F, box, reach, rect)``: every job's frame (m, 4: ox, oy, ux, uy), its piece's bounds in the frame
    ``(xmin, xmax, ymin, ymax)``, the largest |coordinate| in the frame, and whether the piece is a rectangle
    in its frame."""
    m = len(pending)
    F = np.array([[j.frame.ox, j.frame.oy, j.frame.ux, j.frame.uy] for j in pending])
    xy, gi = shapely.get_coordinates(geoms, return_index=True)
    f = F[gi]
    dx, dy = xy[:, 0] - f[:, 0], xy[:, 1] - f[:, 1]
    lx, ly = dx * f[:, 2] + dy * f[:, 3], -dx * f[:, 3] + dy * f[:, 2]
    cnt = np.bincount(gi, minlength=m)
    st = np.concatenate([[0], np.cumsum(cnt)[:-1]])
    xmin, xmax = np.minimum.reduceat(lx, st), np.maximum.reduceat(lx, st)
    ymin, ymax = np.minimum.reduceat(ly, st), np.maximum.reduceat(ly, st)
    reach = np.maximum.reduceat(np.maximum(np.abs(lx), np.abs(ly)), st)
    xe, ye = xmax - xmin, ymax - ymin
    area = shapely.area(geoms)
    rect = (cnt == 5) & (np.abs(area - xe * ye) <= 1e-9 * xe * ye) & (shapely.get_type_id(geoms) == 3)
    rect &= shapely.get_num_interior_rings(geoms) == 0
    return F, (xmin, xmax, ymin, ymax), reach, rect


def _cross_cuts(piece_front, F, rect, long_axis, t, frac, aext, omin, oext, min_width, max_aspect):
    """``(axis, t)``: the cut across the long axis, or across the other axis for rectangles where only that one
    gives both halves road frontage (or gives more of it) within the width and aspect limits."""
    has_f = np.array([pf is not None for pf in piece_front])
    need = max(min_width, 1.0)
    fl, ftot = _front_split_vec(piece_front, F, long_axis, t)
    fr = ftot - fl
    t2 = omin + frac * oext
    gl, gtot = _front_split_vec(piece_front, F, 1 - long_axis, t2)
    gr = gtot - gl
    w_small = np.minimum(frac, 1 - frac) * oext
    with np.errstate(divide="ignore", invalid="ignore"):
        aspect = aext / np.maximum(w_small, 1e-9)
    shape_ok = (w_small >= min_width) & (aspect <= max_aspect)
    ok_long = (fl >= need) & (fr >= need)
    other = has_f & rect & ~ok_long & shape_ok & (((gl >= need) & (gr >= need)) |
                                                 (np.minimum(gl, gr) > np.minimum(fl, fr)))
    axis = np.where(other, 1 - long_axis, long_axis)
    t = np.where(other, t2, t)
    return axis, t


def _strip_cuts(pending, piece_front, F, box, rect, n, axis, t, min_width, max_aspect):
    """``(axis, t, n1)``: the cut and the count of pieces left of it; where a rectangle is too deep for every plot to
    reach the road by halving, the cut that strips one row of plots off its longest road-facing side."""
    m = len(pending)
    xmin, xmax, ymin, ymax = box
    xe, ye = xmax - xmin, ymax - ymin
    n1 = n // 2
    # too deep for every plot to reach the road by halving: strip off one row of plots along the
    # longest road-facing side (a ring of fronting rows, as in offset subdivision)
    quota = np.array([j.quota for j in pending])
    depth = np.sqrt(max_aspect * quota) if math.isfinite(max_aspect) else np.full(m, np.inf)
    if min_width > 0:
        depth = np.minimum(depth, quota / min_width)
    side = _front_sides(piece_front, F, xmin, xmax, ymin, ymax)          # (m, 4): ymin, ymax, xmin, xmax
    length = np.column_stack([xe, xe, ye, ye])
    perp = np.column_stack([ye, ye, xe, xe])
    cand = (side >= 0.8 * length) & (perp > 1.5 * depth[:, None]) & rect[:, None] & (n[:, None] >= 3)
    score = np.where(cand, side, -1.0)
    best = np.argmax(score, axis=1)
    strip = score[np.arange(m), best] > 0
    k = np.clip(np.round(length[np.arange(m), best] * depth / quota), 1, n - 1).astype(int)
    low_side = (best % 2) == 0                  # ymin / xmin: the strip is the lower half (x' ≤ t)
    n1 = np.where(strip, np.where(low_side, k, n - k), n1)
    sfrac = n1 / n
    sax = np.where(best < 2, 1, 0)              # a strip along ymin/ymax is cut at y = t (axis 1)
    smin = np.where(sax == 1, ymin, xmin)
    sext = np.where(sax == 1, ye, xe)
    axis = np.where(strip, sax, axis)
    t = np.where(strip, smin + sfrac * sext, t)
    return axis, t, n1


def _half_planes(F: np.ndarray, axis: np.ndarray, t: np.ndarray, reach: np.ndarray):
    """The world polygons of the half planes x' ≤ t in the cut frames (vectorized :func:`_half_plane`)."""
    r = reach + np.abs(t) + 10.0
    pts = np.stack([np.column_stack([-r, -r]), np.column_stack([t, -r]), np.column_stack([t, r]),
                    np.column_stack([-r, r])], axis=1)                       # (m, 4, 2) in cut coordinates
    one = axis == 1
    pts[one] = np.stack([-pts[one][:, :, 1], pts[one][:, :, 0]], axis=-1)  # (x', y') = (y, -x) -> (x, y)
    ox, oy, ux, uy = (F[:, k][:, None] for k in range(4))
    wx = ox + pts[:, :, 0] * ux - pts[:, :, 1] * uy
    wy = oy + pts[:, :, 0] * uy + pts[:, :, 1] * ux
    return shapely.polygons(np.stack([wx, wy], axis=-1))


def _plan_level(pending: list[SplitJob], geoms: np.ndarray, piece_front: np.ndarray, min_width: float,
                max_aspect: float) -> np.ndarray:
    """The half-plane polygon of the cut of every pending job. Rectangles in their frame (the common case)
    are planned vectorized (area is linear in the offset); other shapes through :func:`_plan_cut`."""
    F, (xmin, xmax, ymin, ymax), reach, rect = _frame_boxes(pending, geoms)
    xe, ye = xmax - xmin, ymax - ymin
    n = np.array([j.n for j in pending])
    frac = (n // 2) / n
    long_axis = np.where(xe >= ye, 0, 1)
    amin = np.where(long_axis == 0, xmin, ymin)
    aext = np.where(long_axis == 0, xe, ye)
    omin = np.where(long_axis == 0, ymin, xmin)
    oext = np.where(long_axis == 0, ye, xe)
    axis = long_axis.copy()
    t = amin + frac * aext
    n1 = n // 2
    if any(pf is not None for pf in piece_front):
        axis, t = _cross_cuts(piece_front, F, rect, long_axis, t, frac, aext, omin, oext, min_width, max_aspect)
        axis, t, n1 = _strip_cuts(pending, piece_front, F, (xmin, xmax, ymin, ymax), rect, n, axis, t, min_width,
                                  max_aspect)
    for k in np.flatnonzero(~rect):
        axis[k], t[k], _, _ = _plan_cut(pending[k], piece_front[k], min_width, max_aspect)
    return _half_planes(F, axis, t, reach), n1


def split_recursive(jobs: list[SplitJob], *, min_width: float = 0.0, max_aspect: float = math.inf,
                    progress=None, total_hint: int = 0) -> tuple[list[SplitJob], list[SplitJob]]:
    """Split every job into ``job.n`` pieces of near-equal area by recursive straight cuts.

    Returns ``(pieces, offcuts)``: pieces are jobs with ``n == 1``; offcuts are parts of a cut that fell
    apart (concave shapes) and are smaller than ``lo``; the caller merges them into a neighbour.
    """
    done: list[SplitJob] = []
    offcuts: list[SplitJob] = []
    pending = []
    for j in jobs:
        (pending if j.n > 1 else done).append(j)
    while pending:
        if progress is not None:
            progress.check()
            if total_hint:
                progress(min(99.0, 100.0 * len(done) / total_hint), "")
        geoms = np.array([j.geom for j in pending], dtype=object)
        has_f = np.array([j.frontage is not None for j in pending])
        piece_front = np.full(len(pending), None, dtype=object)
        if has_f.any():
            # a small buffer: cut points on a slanted edge are not exactly collinear with it
            piece_front[has_f] = shapely.intersection(
                np.array([j.frontage for j in pending], dtype=object)[has_f],
                shapely.buffer(geoms[has_f], 0.01, quad_segs=1, join_style="mitre"))
        hp, n1s = _plan_level(pending, geoms, piece_front, min_width, max_aspect)
        left = shapely.intersection(geoms, hp)
        right = shapely.difference(geoms, hp)
        nxt = []
        for j, lg, rg, n1 in zip(pending, left, right, n1s.tolist()):
            for half, nh in ((lg, n1), (rg, j.n - n1)):
                parts = polygon_parts(half)
                if not parts:
                    continue
                fr = j.frontage
                for p in parts:
                    a = p.area
                    if len(parts) == 1:
                        k = nh if a / nh >= j.lo * (1 - 1e-9) or nh == 1 else choose_count(a, j.quota, j.lo, j.hi)
                    else:
                        k = choose_count(a, j.quota, j.lo, j.hi)
                    if a < j.lo * (1 - 1e-9) and (len(parts) > 1 or k == 0):
                        offcuts.append(SplitJob(p, 1, j.frame, j.owner, j.quota, j.lo, j.hi, fr, j.tag, j.extra))
                        continue
                    k = max(k, 1)
                    child = SplitJob(p, k, j.frame, j.owner, j.quota, j.lo, j.hi, fr, j.tag, j.extra)
                    (nxt if k > 1 else done).append(child)
        pending = nxt
    return done, offcuts
