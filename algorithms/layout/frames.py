"""Frames and exact straight cuts of the layout (:mod:`.split` runs them recursively): the minimum rotated rectangles,
a polygon's frame (main orientation), the area left of a cut ``x = t`` in that frame as a piecewise-quadratic
function solved in closed form (Green's theorem), the number of pieces for a target size, a geometry's polygon parts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

__all__ = ["min_rectangles", "Frame", "frame_of", "frames_of", "area_left", "cut_offset", "choose_count",
           "polygon_parts"]


def min_rectangles(geoms) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Minimum-area enclosing rectangle of each geometry, vectorized (rotating calipers over the hull edges;
    shapely's ``oriented_envelope`` runs in Python on GEOS < 3.12). Returns ``(area, short_side, long_side,
    long_dir)`` with ``long_dir`` an (n, 2) array of unit vectors along the long side."""
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    area, short, long_ = np.zeros(n), np.zeros(n), np.zeros(n)
    ldir = np.tile([1.0, 0.0], (n, 1))
    if not n:
        return area, short, long_, ldir
    hull = shapely.convex_hull(geoms)
    nv = shapely.get_num_coordinates(hull)
    big = nv > 256  # pairing every hull edge with every hull vertex is quadratic: big hulls go to shapely
    for k in np.flatnonzero(big):
        env = shapely.oriented_envelope(hull[k])
        c = shapely.get_coordinates(env)
        if len(c) >= 4:
            e1, e2 = c[1] - c[0], c[2] - c[1]
            n1, n2 = float(np.hypot(*e1)), float(np.hypot(*e2))
            area[k], short[k], long_[k] = n1 * n2, min(n1, n2), max(n1, n2)
            d = e1 if n1 >= n2 else e2
            ldir[k] = d / max(np.hypot(*d), 1e-300)
    hull = np.where(big, None, hull)
    xy, gi = shapely.get_coordinates(hull, return_index=True)
    if not len(xy):
        return area, short, long_, ldir
    same = gi[:-1] == gi[1:]
    e0 = np.flatnonzero(same)                       # edge k: point k -> k+1 of the same geometry
    d = xy[e0 + 1] - xy[e0]
    ln = np.hypot(d[:, 0], d[:, 1])
    ok = ln > 0
    e0, d, ln = e0[ok], d[ok] / ln[ok, None], ln[ok]
    eg = gi[e0]
    counts = np.bincount(gi, minlength=n)
    start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    reps = counts[eg]                               # pair every edge with every point of its geometry
    edge_of_pair = np.repeat(np.arange(len(e0)), reps)
    pair_start = np.concatenate([[0], np.cumsum(reps)[:-1]])
    pt = start[eg][edge_of_pair] + (np.arange(reps.sum()) - pair_start[edge_of_pair])
    u = d[edge_of_pair]
    p = xy[pt]
    a = p[:, 0] * u[:, 0] + p[:, 1] * u[:, 1]
    b = -p[:, 0] * u[:, 1] + p[:, 1] * u[:, 0]
    wa = np.maximum.reduceat(a, pair_start) - np.minimum.reduceat(a, pair_start)
    wb = np.maximum.reduceat(b, pair_start) - np.minimum.reduceat(b, pair_start)
    ea = wa * wb
    order = np.lexsort((np.arange(len(ea)), ea, eg))   # per geometry: smallest rectangle first
    first = order[np.concatenate([[True], eg[order][1:] != eg[order][:-1]])]
    g = eg[first]
    area[g] = ea[first]
    short[g] = np.minimum(wa[first], wb[first])
    long_[g] = np.maximum(wa[first], wb[first])
    along_u = wa[first] >= wb[first]
    du = d[first]
    ldir[g] = np.where(along_u[:, None], du, np.column_stack([-du[:, 1], du[:, 0]]))
    return area, short, long_, ldir


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
    _, short, long_, ldir = min_rectangles(geoms)
    ctr = shapely.get_coordinates(shapely.centroid(shapely.envelope(geoms)))
    out = []
    for k in range(len(geoms)):
        d = ldir[k]
        if long_[k] > 0 and abs(long_[k] - short[k]) <= 1e-9 * long_[k]:  # a square: the side nearer east-west
            d = d if abs(d[0]) >= abs(d[1]) else np.array([-d[1], d[0]])
        ux, uy = round(float(d[0]), 12), round(float(d[1]), 12)   # canonical: equal shapes, equal frames
        if ux < -1e-9 or (abs(ux) <= 1e-9 and uy < 0):
            ux, uy = -ux, -uy
        if abs(ux) > 1 - 1e-9:  # axis-parallel: exact
            ux, uy = 1.0, 0.0
        elif abs(uy) > 1 - 1e-9:
            ux, uy = 0.0, 1.0
        out.append(Frame(float(ctr[k, 0]), float(ctr[k, 1]), ux, uy))
    return out


def frame_of(geom) -> Frame:
    return frames_of([geom])[0]


def _edges(geom, frame: Frame, axis: int) -> np.ndarray:
    """Edges (x1, y1, x2, y2) of the oriented rings (exteriors CCW, holes CW) in the frame, with the cut
    axis as x."""
    polys = shapely.get_parts(geom)
    rings = shapely.get_rings(polys)
    nint = shapely.get_num_interior_rings(polys)
    exterior = np.zeros(len(rings), bool)
    exterior[np.concatenate([[0], np.cumsum(nint + 1)[:-1]])] = True
    xy, idx = shapely.get_coordinates(rings, return_index=True)
    loc = frame.to_local(xy)
    if axis == 1:  # cut across v: swap (x, y) -> (y, -x) keeps the orientation
        loc = np.column_stack([loc[:, 1], -loc[:, 0]])
    same = idx[:-1] == idx[1:]
    e = np.column_stack([loc[:-1][same], loc[1:][same]])
    ring = idx[:-1][same]
    # exteriors counter-clockwise, holes clockwise: flip the edges of rings with the wrong signed area
    signed = np.bincount(ring, weights=e[:, 0] * e[:, 3] - e[:, 2] * e[:, 1], minlength=len(rings))
    flip = (signed < 0) == exterior
    f = flip[ring]
    e[f] = e[f][:, [2, 3, 0, 1]]
    return e


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
    if len(xs) <= 64:  # evaluate at every breakpoint at once
        a = area_left(edges, xs)
        target = fraction * a[-1]
        i = int(np.searchsorted(a, target, side="left"))
        i = min(max(i, 1), len(xs) - 1)
        a0, a1 = a[i - 1], a[i]
    else:  # many vertices: bisection over the breakpoints (A is monotone), O(edges · log vertices) memory-light
        lo_i, hi_i = 0, len(xs) - 1
        a0, a1 = 0.0, float(area_left(edges, [xs[-1]])[0])
        target = fraction * a1
        while hi_i - lo_i > 1:
            mid = (lo_i + hi_i) // 2
            am_ = float(area_left(edges, [xs[mid]])[0])
            if am_ < target:
                lo_i, a0 = mid, am_
            else:
                hi_i, a1 = mid, am_
        i = hi_i
    x0, x1 = xs[i - 1], xs[i]
    h = x1 - x0
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
    if geom is None:
        return []
    tid = shapely.get_type_id(geom)
    if tid == 3:  # fast path: a single polygon
        return [geom] if shapely.area(geom) > 0 else []
    if geom.is_empty:
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
