"""Exact, fast overlay of plots with constraint polygons.

How it stays exact and fast (issue 5):

* Both layers are in one projected metre CRS. No area is ever summed on raw coordinates like x ≈ 36 400 000
  (Gauss-Krüger with the zone prefix): the clipping works relative to each plot's first vertex, other areas
  go through :func:`exact_area` (each geometry moved to its own first vertex), and GEOS overlays whose area
  is used run on a local origin (:func:`to_local`).
* One bulk ``STRtree.query`` gives the bbox candidate pairs. With the constraint features *prepared*, plots
  wholly inside a feature (``contains_properly``) take the plot's own area and geometry, plots not touching it
  (``intersects`` false) are dropped — neither needs an intersection.
* Only boundary-crossing pairs are intersected. For convex plots (almost all plots) this is a vectorized
  Sutherland–Hodgman clipping in numpy (:func:`.clip.clipped_areas`) over *chunks* of the constraint boundary: each
  ring is cut into pieces of 16 edges and the runs of pieces far from the plot are collapsed, so a 1 000-vertex
  constraint costs about as much as the few dozen edges near the plot. Where the feature enters the plot several
  times, the clipped ring joins the parts along the plot's edges; :mod:`.clipjoin` splits it into its valid parts
  (no GEOS overlay). Other plots go to GEOS against grid pieces of complex features (:func:`split_complex`).
* Per plot, overlapping features of one constraint layer are dissolved (union) so nothing is counted twice.
"""
from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely

from ..geometry import exact_area, polygonal as _polygonal
from ..geometry import single_parts as _single_parts, union_by_group as per_plot_union
from ..threads import PER_THREAD, n_threads, run_all, slices, split_map
from .clip import _convex_ccw, clipped_areas, feature_tables

#: pairs above which a GEOS overlay of small geometries is worth running on several threads
_GEOS_SPLIT = 1_000
#: bbox candidate pairs above which the prepared containment tests run on several threads (a test against a
#: 1 000-vertex feature costs several µs)
_SETTLE_SPLIT = 2_000

__all__ = ["OverlayResult", "to_local", "from_local", "exact_area", "split_complex", "overlay", "per_plot_union",
           "outside_parts", "clipped_areas", "clip_to_boxes"]



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
        cut, owners = [], []
        bounds = shapely.bounds(geoms[complex_idx])
        for k, i in enumerate(complex_idx):
            n = int(np.ceil(np.sqrt(nv[i] / max_vertices)))
            x0, y0, x1, y1 = bounds[k]
            xs = np.linspace(x0, x1, n + 1)
            ys = np.linspace(y0, y1, n + 1)
            for a in range(n):
                for b in range(n):
                    cut.append(shapely.clip_by_rect(geoms[i], xs[a], ys[b], xs[a + 1], ys[b + 1]))
                    owners.append(i)
        cut = _polygonal(np.array(cut, dtype=object))
        owners = np.asarray(owners, dtype=np.int64)
        keep = ~shapely.is_empty(cut) & (shapely.area(cut) > 0)
        cut, owners = cut[keep], owners[keep]
        # rectangle clipping may leave self-touching rings on the cell edge: repair those few
        bad = ~shapely.is_valid(cut)
        if bad.any():
            cut[bad] = _polygonal(shapely.make_valid(cut[bad]))
        pieces.append(cut)
        parent.append(owners)
    return np.concatenate(pieces), np.concatenate(parent).astype(np.int64)


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
    whole: np.ndarray | None = None     # per row: the plot lies inside the feature (the row is the whole plot)


def overlay(plots, features, *, max_vertices: int = 200, chunk: int = 16, geometry: bool = True,
            plot_area=None, progress=None) -> OverlayResult:
    """Overlap areas of every plot with every constraint feature (both arrays in local metre coordinates).

    One row per (plot, feature) with area > 0. Convex plots are clipped exactly with the chunked
    Sutherland–Hodgman of :func:`clipped_areas`; other plots are intersected by GEOS with the feature's grid
    pieces (:func:`split_complex`, features over ``max_vertices`` vertices), merged back per feature.
    ``plot_area``: the plots' :func:`exact_area` when the caller has it (plots wholly inside take it).
    """
    # single-part MultiPolygons (what GeoPackage and Shapefile layers usually hold) are polygons for the clipping
    plots = _single_parts(np.asarray(plots, dtype=object))
    features = np.asarray(features, dtype=object)
    empty_i = np.zeros(0, dtype=np.int64)
    if len(plots) == 0 or len(features) == 0:
        return OverlayResult(empty_i, empty_i, np.zeros(0), np.zeros(0, dtype=object) if geometry else None,
                             empty_i, empty_i, whole=np.zeros(0, dtype=bool))
    qi, fj = shapely.STRtree(features).query(plots)  # bbox candidates: plot index, feature index
    if progress is not None:
        progress(20, f"{len(qi)} 候选对 / candidate pairs")
    inside, hit, tables = _settled(plots, features, qi, fj, chunk)
    cross = np.flatnonzero(hit)
    if progress is not None:
        progress(40, f"{len(cross)} 对需求交 / pairs to intersect")
    ia = np.zeros(len(cross))
    inter = np.full(len(cross), None, dtype=object)
    convex = np.zeros(len(cross), dtype=bool)
    if len(cross):
        up, inv = np.unique(qi[cross], return_inverse=True)
        convex = _convex_ccw(plots[up])[inv]
    cv = np.flatnonzero(convex)
    if len(cv):
        ia[cv], g_cv = _convex_pairs(plots, features, qi[cross[cv]], fj[cross[cv]], chunk, geometry, tables)
        if geometry:
            inter[cv] = g_cv
    ncv = np.flatnonzero(~convex)
    if len(ncv):
        a_n, g_n = _geos_pieces(plots, features, qi[cross[ncv]], fj[cross[ncv]], max_vertices, geometry)
        ia[ncv] = a_n
        if geometry:
            inter[ncv] = g_n
    pos = ia > 0
    touch = cross[~pos]
    cont = np.flatnonzero(inside)
    rows_q = np.concatenate([qi[cont], qi[cross[pos]]])
    rows_f = np.concatenate([fj[cont], fj[cross[pos]]])
    own = exact_area(plots[qi[cont]]) if plot_area is None else np.asarray(plot_area, dtype=float)[qi[cont]]
    rows_a = np.concatenate([own, ia[pos]])
    rows_g = np.concatenate([plots[qi[cont]], inter[pos]]) if geometry else None
    order = np.lexsort((rows_f, rows_q))
    return OverlayResult(rows_q[order], rows_f[order], rows_a[order],
                         rows_g[order] if geometry else None, qi[touch], fj[touch],
                         n_intersected=len(cross), n_contained=len(cont),
                         whole=(np.arange(len(rows_q)) < len(cont))[order])


def _convex_pairs(plots, features, q, f, chunk, geometry, tables=None):
    """Areas (and with ``geometry`` the polygons) of ``plots[q] ∩ features[f]`` for convex plots: the clipping, and
    GEOS for the results it could not give as valid polygons (features with holes, parts touching)."""
    got = clipped_areas(plots, features, q, f, chunk=chunk, want_rings=geometry, tables=tables)
    area, geoms = got if geometry else (got, None)
    area[area < 1e-8] = 0.0      # float noise of collinear shared edges: below 1e-8 m² is a touch, not an overlap
    if geometry:
        redo = np.flatnonzero(np.equal(geoms, None) & (area > 0))
        if len(redo):
            geoms[redo] = _clipped_intersection(plots[q[redo]], features[f[redo]])
    return area, geoms


def _settled(plots, features, qi, fj, chunk):
    """:func:`_settle`'s masks and the features' clipping tables (:func:`.clip.feature_tables`, ``None`` for few
    pairs or one thread): with many pairs this thread builds the tables, mostly Python-side work, while the
    prepared predicates run on the pool without the GIL. The tables read copies of the features' parts, taken
    before: no geometry is touched by two threads at once."""
    if n_threads() < 2 or len(qi) < _SETTLE_SPLIT:
        return (*_settle(plots, features, qi, fj), None)
    parts = shapely.get_parts(features, return_index=True)
    with ThreadPoolExecutor(1) as pool:
        settled = pool.submit(contextvars.copy_context().run, _settle, plots, features, qi, fj)
        tables = feature_tables(features, chunk, parts)
        return (*settled.result(), tables)


def _settle(plots, features, qi, fj):
    """For bbox candidate pairs: plot wholly inside the feature (``contains_properly``) and, for the rest,
    any contact (``intersects``), with the features prepared. On several threads the pairs are split by
    feature, so each prepared feature is used by one thread only."""
    inside = np.zeros(len(qi), dtype=bool)
    hit = np.zeros(len(qi), dtype=bool)
    order = np.argsort(fj, kind="stable")

    def run(s):
        k = order[s]
        mine = features[np.unique(fj[k])]        # features of this slice: no other thread touches them
        shapely.prepare(mine)
        ins = shapely.contains_properly(features[fj[k]], plots[qi[k]])
        rest = k[~ins]
        inside[k[ins]] = True
        hit[rest] = shapely.intersects(features[fj[rest]], plots[qi[rest]])
        shapely.destroy_prepared(mine)

    t = n_threads() if len(qi) >= _SETTLE_SPLIT else 1
    run_all(run, slices(len(qi), PER_THREAD * t if t > 1 else 1, breaks=fj[order]), t)
    return inside, hit


def _clipped_intersection(plots, features):
    """GEOS ``plots[k] ∩ features[k]`` with each feature first cut to the plot's box plus 1 m (fast rectangle
    clipping), so a 1 000-vertex feature costs about as much as its few edges near the plot."""
    def run(p, f):
        return shapely.intersection(p, clip_to_boxes(f, shapely.bounds(p) + np.array([-1.0, -1.0, 1.0, 1.0])))

    return _polygonal(split_map(run, np.asarray(plots, dtype=object), np.asarray(features, dtype=object),
                                min_size=_GEOS_SPLIT))


def clip_to_boxes(geoms, boxes):
    """``geoms[k]`` cut to the rectangle ``boxes[k]`` (minx, miny, maxx, maxy): GEOS's fast rectangle clipping,
    or — where that fails or gives an invalid result, which it may — the exact intersection with the box."""
    geoms = np.asarray(geoms, dtype=object)
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    out = np.empty(len(geoms), dtype=object)
    for k, (g, bb) in enumerate(zip(geoms, boxes)):
        try:
            out[k] = shapely.clip_by_rect(g, *bb)
        except shapely.errors.GEOSException:
            out[k] = None
    bad = np.flatnonzero(np.equal(out, None) | ~shapely.is_valid(out))
    if len(bad):
        out[bad] = shapely.intersection(geoms[bad], shapely.box(boxes[bad, 0], boxes[bad, 1], boxes[bad, 2],
                                                                boxes[bad, 3]))
    return _polygonal(out)


def _geos_pieces(plots, features, q, f, max_vertices, geometry):
    """GEOS overlap of plots[q] with features[f], complex features cut into grid pieces first."""
    uf = np.unique(f)
    origin, pl, fl = to_local(plots[q], features[uf])      # GEOS areas need small coordinates
    plots = np.empty(int(q.max()) + 1, dtype=object)
    plots[q] = pl
    features = np.empty(int(uf.max()) + 1, dtype=object)
    features[uf] = fl
    pieces, parent_local = split_complex(features[uf], max_vertices=max_vertices)
    parent = uf[parent_local]
    k, pj = shapely.STRtree(pieces).query(plots[q])
    keep = parent[pj] == f[k]
    k, pj = k[keep], pj[keep]
    g = _polygonal(shapely.intersection(plots[q[k]], pieces[pj]))
    a = shapely.area(g)
    _, _, sums, geoms = _merge_pairs(k, np.zeros(len(k), dtype=np.int64), a, g if geometry else None)
    area = np.zeros(len(q))
    out = np.full(len(q), None, dtype=object)
    uk = np.unique(k)
    area[uk] = sums
    if geometry:
        out[uk] = from_local(geoms, origin)
    return area, out


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


def outside_parts(plots, inside_union, inside_area, *, tolerance: float = 0.0, plot_area=None):
    """For a "must lie inside" rule: area and geometry of each plot outside the dissolved inside part.

    The area is the plot's exact area minus the exact inside area; GEOS only draws the outside polygon.
    """
    plots = np.asarray(plots, dtype=object)
    own = exact_area(plots) if plot_area is None else np.asarray(plot_area, dtype=float)
    out_area = np.clip(own - inside_area, 0.0, None)
    out_area[out_area < 1e-8] = 0.0          # float noise of a plot covered exactly
    geoms = np.empty(len(plots), dtype=object)
    none_in = inside_area <= 0
    geoms[none_in] = plots[none_in]
    part = np.flatnonzero(~none_in & (out_area > tolerance))
    if len(part):
        geoms[part] = _polygonal(shapely.difference(plots[part], np.asarray(inside_union, dtype=object)[part]))
    return out_area, geoms
