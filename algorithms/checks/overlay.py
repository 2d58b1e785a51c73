"""Exact, fast overlay of plots with constraint polygons.

How it stays exact and fast (issue 5):

* Both layers are in one projected metre CRS and are moved to a **local origin** before any GEOS call
  (:func:`to_local`), so coordinates like x ≈ 36 400 000 (Gauss-Krüger with the zone prefix) lose no digits
  in the intersection and area arithmetic.
* Very complex constraint polygons are cut into pieces on a grid over their bounding box
  (:func:`split_complex`); pieces keep their parent's index. Each intersection then works on a few hundred
  vertices instead of thousands.
* One bulk ``STRtree.query`` gives the bbox candidate pairs. With the pieces *prepared*, plots wholly inside
  a piece (``contains_properly``) take the plot's own area and geometry, plots not touching it
  (``intersects`` false) are dropped — neither needs an intersection. Only the boundary-crossing pairs are
  intersected, as one vectorized ``shapely.intersection`` call.
* Per plot, overlapping features of one constraint layer are dissolved (union) so nothing is counted twice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

__all__ = ["OverlayResult", "to_local", "split_complex", "overlay", "per_plot_union", "outside_parts"]

_POLY = (3, 6)  # Polygon, MultiPolygon type ids


def to_local(*arrays, origin=None):
    """Translate geometry arrays by ``-origin`` (default: the floor of the first array's min x/y, to 1 km).

    Returns ``(origin, translated arrays...)``. Translation is exact in binary floating point only up to
    rounding of the subtraction, which is far below 1e-6 m for survey coordinates; the point is that every
    later product of coordinates then has ~8 more significant digits to spare.
    """
    if origin is None:
        b = shapely.total_bounds(np.asarray(arrays[0]))
        if not np.all(np.isfinite(b)):
            b = np.zeros(4)
        origin = (float(np.floor(b[0] / 1000.0) * 1000.0), float(np.floor(b[1] / 1000.0) * 1000.0))
    ox, oy = origin
    out = [shapely.transform(np.asarray(a, dtype=object), lambda c: c - np.array([ox, oy])) for a in arrays]
    return (origin, *out)


def from_local(geoms, origin):
    ox, oy = origin
    return shapely.transform(np.asarray(geoms, dtype=object), lambda c: c + np.array([ox, oy]))


def split_complex(geoms, *, max_vertices: int = 200):
    """Cut polygons with more than ``max_vertices`` vertices into grid pieces.

    Returns ``(pieces, parent)``: an array of polygonal pieces and the index of the input geometry each came
    from. Pieces of one parent have disjoint interiors, so their overlap areas with a plot add up exactly.
    """
    geoms = np.asarray(geoms, dtype=object)
    nv = shapely.get_num_coordinates(geoms)
    simple = nv <= max_vertices
    pieces = [geoms[simple]]
    parent = [np.flatnonzero(simple)]
    complex_idx = np.flatnonzero(~simple)
    if len(complex_idx):
        boxes, owners = [], []
        bounds = shapely.bounds(geoms[complex_idx])
        for k, i in enumerate(complex_idx):
            n = int(np.ceil(np.sqrt(nv[i] / max_vertices)))
            x0, y0, x1, y1 = bounds[k]
            xs = np.linspace(x0, x1, n + 1)
            ys = np.linspace(y0, y1, n + 1)
            gx0, gy0 = np.meshgrid(xs[:-1], ys[:-1])
            gx1, gy1 = np.meshgrid(xs[1:], ys[1:])
            boxes.append(shapely.box(gx0.ravel(), gy0.ravel(), gx1.ravel(), gy1.ravel()))
            owners.append(np.full(n * n, i))
        boxes = np.concatenate(boxes)
        owners = np.concatenate(owners)
        cut = shapely.intersection(geoms[owners], boxes)
        cut = _polygonal(cut)
        keep = ~shapely.is_empty(cut) & (shapely.area(cut) > 0)
        pieces.append(cut[keep])
        parent.append(owners[keep])
    return np.concatenate(pieces), np.concatenate(parent).astype(np.int64)


def _polygonal(geoms):
    """Keep only the polygonal part of each geometry (intersections can add slivers of lines/points)."""
    geoms = np.asarray(geoms, dtype=object)
    tid = shapely.get_type_id(geoms)
    mixed = np.flatnonzero(tid == 7)
    if len(mixed):
        geoms = geoms.copy()
        for i in mixed:
            parts = shapely.get_parts(geoms[i])
            parts = parts[np.isin(shapely.get_type_id(parts), _POLY)]
            geoms[i] = shapely.union_all(parts) if len(parts) else shapely.Polygon()
    other = ~np.isin(tid, (3, 6, 7))
    if other.any():
        geoms = geoms.copy()
        geoms[other] = shapely.Polygon()
    return geoms


@dataclass
class OverlayResult:
    """Overlap of plots with constraint features, one row per (plot, feature) with area > 0.

    ``plot`` and ``feature`` are positions in the input arrays; ``area`` in m²; ``geometry`` the overlap in
    local coordinates (``None`` when not requested); ``touch_plot``/``touch_feature`` list pairs that only
    touch (common boundary, no common area).
    """

    plot: np.ndarray
    feature: np.ndarray
    area: np.ndarray
    geometry: np.ndarray | None
    touch_plot: np.ndarray
    touch_feature: np.ndarray
    n_intersected: int = 0
    n_contained: int = 0


def overlay(plots, features, *, max_vertices: int = 200, geometry: bool = True,
            progress=None) -> OverlayResult:
    """Overlap areas of every plot with every constraint feature (both arrays in local metre coordinates).

    Pieces of one feature are merged back per (plot, feature), so the result has one row per pair.
    """
    plots = np.asarray(plots, dtype=object)
    features = np.asarray(features, dtype=object)
    empty_i = np.zeros(0, dtype=np.int64)
    if len(plots) == 0 or len(features) == 0:
        return OverlayResult(empty_i, empty_i, np.zeros(0), np.zeros(0, dtype=object) if geometry else None,
                             empty_i, empty_i)
    pieces, parent = split_complex(features, max_vertices=max_vertices)
    tree = shapely.STRtree(pieces)
    qi, pj = tree.query(plots)  # bbox candidates: plot index, piece index
    if progress is not None:
        progress(20, f"{len(qi)} 候选对 / candidate pairs")
    shapely.prepare(pieces)
    inside = shapely.contains_properly(pieces[pj], plots[qi])
    rest = ~inside
    hit = np.zeros(len(qi), dtype=bool)
    hit[rest] = shapely.intersects(pieces[pj[rest]], plots[qi[rest]])
    shapely.destroy_prepared(pieces)
    cross = np.flatnonzero(hit)
    if progress is not None:
        progress(40, f"{len(cross)} 对需求交 / pairs to intersect")
    inter = _polygonal(shapely.intersection(plots[qi[cross]], pieces[pj[cross]]))
    ia = shapely.area(inter)
    pos = ia > 0
    touch = cross[~pos]
    # assemble (plot, piece) rows: contained ones first, then crossing ones with area
    cont = np.flatnonzero(inside)
    rows_q = np.concatenate([qi[cont], qi[cross[pos]]])
    rows_f = np.concatenate([parent[pj[cont]], parent[pj[cross[pos]]]])
    rows_a = np.concatenate([shapely.area(plots[qi[cont]]), ia[pos]])
    rows_g = np.concatenate([plots[qi[cont]], inter[pos]]) if geometry else None
    if progress is not None:
        progress(70, "合并分块 / merging pieces")
    plot_i, feat_i, area, geoms = _merge_pairs(rows_q, rows_f, rows_a, rows_g)
    # touching pairs: only those (plot, feature) that have no area row at all
    tq, tf = qi[touch], parent[pj[touch]]
    if len(tq):
        key = tq * len(features) + tf
        have = set((plot_i * len(features) + feat_i).tolist())
        uniq, first = np.unique(key, return_index=True)
        keep = np.array([k not in have for k in uniq.tolist()], dtype=bool)
        tq, tf = tq[first[keep]], tf[first[keep]]
    return OverlayResult(plot_i, feat_i, area, geoms, tq, tf, n_intersected=len(cross), n_contained=len(cont))


def _merge_pairs(q, f, a, g):
    """Sum areas and union geometries of rows sharing (plot, feature) — pieces of one split feature."""
    if len(q) == 0:
        return q, f, a, (g if g is not None else None)
    order = np.lexsort((f, q))
    q, f, a = q[order], f[order], a[order]
    g = g[order] if g is not None else None
    new = np.ones(len(q), dtype=bool)
    new[1:] = (q[1:] != q[:-1]) | (f[1:] != f[:-1])
    starts = np.flatnonzero(new)
    sums = np.add.reduceat(a, starts)
    counts = np.diff(np.append(starts, len(q)))
    geoms = None
    if g is not None:
        geoms = g[starts].copy()
        for k in np.flatnonzero(counts > 1):
            s = starts[k]
            geoms[k] = shapely.union_all(g[s:s + counts[k]])
    return q[starts], f[starts], sums, geoms


def per_plot_union(n_plots: int, plot_idx, area, geoms=None):
    """Per-plot dissolved overlap area (and geometry): overlapping features are not counted twice.

    Plots with one overlapping feature keep that area unchanged; plots with several get the area of the
    union of their overlap geometries (needs ``geoms``).
    """
    total = np.zeros(n_plots)
    union = np.empty(n_plots, dtype=object) if geoms is not None else None
    if len(plot_idx) == 0:
        return total, union
    order = np.argsort(plot_idx, kind="stable")
    p = np.asarray(plot_idx)[order]
    a = np.asarray(area)[order]
    g = np.asarray(geoms, dtype=object)[order] if geoms is not None else None
    starts = np.flatnonzero(np.r_[True, p[1:] != p[:-1]])
    counts = np.diff(np.append(starts, len(p)))
    single = counts == 1
    total[p[starts[single]]] = a[starts[single]]
    if g is not None:
        union[p[starts[single]]] = g[starts[single]]
    for k in np.flatnonzero(~single):
        s, c = starts[k], counts[k]
        if g is None:
            raise ValueError("geometries are needed to dissolve plots overlapping several features")
        u = _polygonal(np.array([shapely.union_all(g[s:s + c])], dtype=object))[0]
        total[p[s]] = shapely.area(u)
        union[p[s]] = u
    return total, union


def outside_parts(plots, inside_union, inside_area, *, tolerance: float = 0.0):
    """For a "must lie inside" rule: area and geometry of each plot outside the dissolved inside part."""
    plots = np.asarray(plots, dtype=object)
    plot_area = shapely.area(plots)
    out_area = np.clip(plot_area - inside_area, 0.0, None)
    geoms = np.empty(len(plots), dtype=object)
    none_in = inside_area <= 0
    geoms[none_in] = plots[none_in]
    part = np.flatnonzero(~none_in & (out_area > tolerance))
    if len(part):
        diff = _polygonal(shapely.difference(plots[part], np.asarray(inside_union, dtype=object)[part]))
        geoms[part] = diff
        out_area[part] = shapely.area(diff)
    return out_area, geoms
