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

__all__ = ["Frame", "frame_of", "frames_of", "area_left", "cut_offset", "choose_count", "SplitJob",
           "split_recursive", "polygon_parts"]


@dataclass(frozen=True)
class Frame:
    """A right-handed frame: origin ``o``, main axis ``u`` (long side of the oriented envelope), ``v`` ⟂ ``u``."""

    ox: float
    oy: float
    ux: float
    uy: float

    @property
    def vx(self) -> float:
        return -self.uy

    @property
    def vy(self) -> float:
        return self.ux

    def to_local(self, xy: np.ndarray) -> np.ndarray:
        d = xy - np.array([self.ox, self.oy])
        return np.column_stack([d[:, 0] * self.ux + d[:, 1] * self.uy, d[:, 0] * self.vx + d[:, 1] * self.vy])

    def to_world(self, xy: np.ndarray) -> np.ndarray:
        return np.column_stack([self.ox + xy[:, 0] * self.ux + xy[:, 1] * self.vx,
                                self.oy + xy[:, 0] * self.uy + xy[:, 1] * self.vy])


def frames_of(geoms) -> list[Frame]:
    """The frame of each geometry: long side of its oriented envelope, pointing east (or north), origin at
    the envelope's centre. Deterministic for the same geometry."""
    geoms = np.asarray(geoms, dtype=object)
    env = shapely.oriented_envelope(geoms)
    out = []
    for e in env:
        c = shapely.get_coordinates(e)
        if len(c) >= 4:
            e1, e2 = c[1] - c[0], c[2] - c[1]
            n1, n2 = np.hypot(*e1), np.hypot(*e2)
            if abs(n1 - n2) <= 1e-9 * max(n1, n2):  # a square: the side nearer east-west
                d = e1 if abs(e1[0]) / max(n1, 1e-300) >= abs(e2[0]) / max(n2, 1e-300) else e2
            else:
                d = e1 if n1 > n2 else e2
        else:
            d = c[-1] - c[0] if len(c) >= 2 else np.array([1.0, 0.0])
        n = float(np.hypot(*d))
        ux, uy = (d / n) if n > 0 else (1.0, 0.0)
        # canonical direction: round away float noise so that equal shapes give equal frames
        ux, uy = round(float(ux), 12), round(float(uy), 12)
        if ux < -1e-9 or (abs(ux) <= 1e-9 and uy < 0):
            ux, uy = -ux, -uy
        if abs(ux) > 1 - 1e-9:  # axis-parallel: exact
            ux, uy = 1.0, 0.0
        elif abs(uy) > 1 - 1e-9:
            ux, uy = 0.0, 1.0
        ctr = shapely.get_coordinates(shapely.centroid(e)) if not e.is_empty else np.zeros((1, 2))
        out.append(Frame(float(ctr[0, 0]), float(ctr[0, 1]), ux, uy))
    return out


def frame_of(geom) -> Frame:
    return frames_of([geom])[0]


def _edges(geom, frame: Frame, axis: int) -> np.ndarray:
    """Edges (x1, y1, x2, y2) of the oriented rings (exteriors CCW, holes CW) in the frame, with the cut
    axis as x."""
    g = shapely.orient_polygons(geom)
    rings = shapely.get_rings(shapely.get_parts(g))
    xy, idx = shapely.get_coordinates(rings, return_index=True)
    loc = frame.to_local(xy)
    if axis == 1:  # cut across v: swap (x, y) -> (y, -x) keeps the orientation
        loc = np.column_stack([loc[:, 1], -loc[:, 0]])
    same = idx[:-1] == idx[1:]
    return np.column_stack([loc[:-1][same], loc[1:][same]])


def area_left(edges: np.ndarray, t) -> np.ndarray:
    """Area of the polygon (given by oriented ``edges``) where x ≤ t, for an array of ``t``."""
    x1, y1, x2, y2 = edges.T
    t = np.atleast_1d(np.asarray(t, dtype=float))[:, None]
    lo = np.minimum(x1, x2)
    hi = np.maximum(x1, x2)
    dx = x2 - x1
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(dx != 0, (y2 - y1) / np.where(dx != 0, dx, 1.0), 0.0)
    c = np.clip(t, lo, hi)
    ylo = np.where(x1 <= x2, y1, y2)
    yc = ylo + (c - lo) * slope
    sign = np.sign(dx)
    return -np.sum(sign * (c - lo) * (ylo + yc) / 2.0, axis=1)


def cut_offset(edges: np.ndarray, fraction: float) -> tuple[float, float, float]:
    """``(t, xmin, xmax)``: the offset where the area left of ``x = t`` is ``fraction`` of the whole."""
    xs = np.unique(np.concatenate([edges[:, 0], edges[:, 2]]))
    a = area_left(edges, xs)
    total = a[-1]
    target = fraction * total
    i = int(np.searchsorted(a, target, side="left"))
    i = min(max(i, 1), len(xs) - 1)
    x0, x1 = xs[i - 1], xs[i]
    h = x1 - x0
    a0, a1 = a[i - 1], a[i]
    am = float(area_left(edges, [x0 + h / 2.0])[0])
    cq = 2.0 * (a1 - 2.0 * am + a0) / (h * h) if h > 0 else 0.0
    bq = (a1 - a0) / h - cq * h if h > 0 else 0.0
    r = a0 - target
    if abs(cq) * h * h < 1e-12 * max(abs(bq) * h, 1e-300):
        s = -r / bq if bq != 0 else 0.0
    else:
        disc = max(bq * bq - 4.0 * cq * r, 0.0)
        sq = math.sqrt(disc)
        # numerically stable roots; pick the one inside [0, h]
        q = -0.5 * (bq + math.copysign(sq, bq)) if bq != 0 else -0.5 * sq
        roots = [q / cq if cq != 0 else np.inf, r / q if q != 0 else np.inf]
        roots = [s for s in roots if -1e-9 * max(h, 1) <= s <= h * (1 + 1e-9) + 1e-9]
        s = min(roots, key=lambda s: abs(s - h / 2)) if roots else h / 2
    return float(x0 + min(max(s, 0.0), h)), float(xs[0]), float(xs[-1])


def choose_count(area: float, target: float, lo: float, hi: float) -> int:
    """Number of pieces for ``area`` so that each is near ``target`` and, where possible, within [lo, hi]."""
    if area <= 0:
        return 0
    n = max(1, int(round(area / target)))
    if area / n > hi:
        n = int(math.ceil(area / hi - 1e-9))
    if area / n < lo:
        n = max(1, int(math.floor(area / lo + 1e-9)))
    return n


def polygon_parts(geom) -> list:
    """Single polygons of a geometry (drops points/lines left by an overlay)."""
    if geom is None or geom.is_empty:
        return []
    parts = shapely.get_parts(geom)
    out = []
    for p in parts:
        t = p.geom_type
        if t == "Polygon":
            if p.area > 0:
                out.append(p)
        elif t in ("MultiPolygon", "GeometryCollection"):
            out.extend(polygon_parts(p))
    return out


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
        cuts = []
        for j, pf in zip(pending, piece_front):
            axis, t, frac, _ = _plan_cut(j, pf, min_width, max_aspect)
            loc = j.frame.to_local(shapely.get_coordinates(j.geom))
            cuts.append(_half_plane(j.frame, axis, t, float(np.abs(loc).max())))
        hp = np.array(cuts, dtype=object)
        left = shapely.intersection(geoms, hp)
        right = shapely.difference(geoms, hp)
        nxt = []
        for j, lg, rg in zip(pending, left, right):
            n1 = j.n // 2
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
