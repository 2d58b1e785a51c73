"""Valid polygons from Sutherland–Hodgman rings (issue 18): the parts of ``feature ∩ convex plot`` that the
clipping of :mod:`.clip` joins into one degenerate ring.

Clipping a polygon by a convex plot gives one ring whose area is exact but which, where the feature enters the
plot several times, runs back and forth along the plot's edges to join the parts ("bridges" of zero width).
GEOS cannot take such a ring as a polygon, and an intersection of the plot with a noisy 1 000-vertex feature costs
~150 µs per pair. Here, vectorized over all such rings:

1. every vertex lying on the plot's boundary gets its position ``t`` along the (counter-clockwise) perimeter;
2. the edges lying on the boundary (both ends and the middle on it) are dropped: what remains are *arcs* of the
   feature's boundary inside the plot, each entering at ``t_in`` and leaving at ``t_out``;
3. the region lies left of every arc, so after leaving at ``t_out`` its boundary follows the plot's perimeter
   counter-clockwise to the nearest entry ``t_in`` — the next arc — taking the plot's corners on the way
   (Weiler–Atherton for a convex clip region); following these links closes each part's ring.

The parts of a simple feature inside a convex plot have no holes, so each cycle is one polygon. A result is kept
only if it is valid and its area equals the clipped ring's to 1e-9 relative; otherwise (touching parts, float
noise at a corner) the caller falls back to GEOS. Coordinates stay relative to each plot's first vertex.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..segments import expand, repeat, segment_of

__all__ = ["split_joined_rings", "ring_next"]

#: a vertex this close (m, local coordinates) to a plot edge lies on it: far above the clipping's rounding
#: (~1e-13 m), far below anything a survey can mean
_ON = 1e-8


def ring_next(starts, counts):
    """Per row, the row of the next vertex of its ring (rings as contiguous rows from ``starts``, ``counts`` rows
    each, no closing vertex): a ring's last row goes back to its first."""
    nxt = np.arange(1, int(np.sum(counts)) + 1)
    nxt[starts + counts - 1] = starts
    return nxt


def _shoelace(x, y, nxt, group, n):
    """Signed areas (> 0 counter-clockwise) of the rings of rows grouped by ``group`` (0 … n − 1), ``nxt`` from
    :func:`ring_next`."""
    return 0.5 * np.bincount(group, weights=x * y[nxt] - x[nxt] * y, minlength=n)


def _plot_edges(pc, start, nv, ccw, plot):
    """Per ring's plot (``plot``: row of the plot): its edges counter-clockwise in local coordinates — start
    corners ``(ax, ay)``, vectors ``(dx, dy)``, lengths (0 for the padding of plots with fewer corners) — the
    perimeter position of each start corner and the perimeter, each an array of shape (rings, most corners)."""
    n = nv[plot][:, None]
    m = int(n.max())
    j = np.arange(m)[None, :]
    k0 = np.minimum(j, n - 1)
    k1 = np.where(j + 1 < n, j + 1, 0)
    ccw = ccw[plot][:, None]
    k0, k1 = np.where(ccw, k0, (n - k0) % n), np.where(ccw, k1, (n - k1) % n)
    b = start[plot][:, None]
    ax, ay = pc[b + k0, 0] - pc[b, 0], pc[b + k0, 1] - pc[b, 1]
    dx, dy = pc[b + k1, 0] - pc[b + k0, 0], pc[b + k1, 1] - pc[b + k0, 1]
    length = np.where(j < n, np.hypot(dx, dy), 0.0)
    cum = np.cumsum(length, axis=1) - length
    return ax, ay, dx, dy, length, cum, cum[:, -1] + length[:, -1]


def _positions(px, py, r, edges):
    """Perimeter position of points (px, py) of rings ``r`` on their plot's boundary; NaN off the boundary."""
    ax, ay, dx, dy, length, cum, _ = edges
    t = np.full(len(px), np.nan)
    for e in range(ax.shape[1]):
        L = length[r, e]
        use = L > 0
        Ls = np.where(use, L, 1.0)
        qx, qy = px - ax[r, e], py - ay[r, e]
        dist = (dx[r, e] * qy - dy[r, e] * qx) / Ls
        s = (dx[r, e] * qx + dy[r, e] * qy) / Ls
        on = use & np.isnan(t) & (np.abs(dist) <= _ON) & (s >= -_ON) & (s <= L + _ON)
        t[on] = cum[r[on], e] + np.clip(s[on], 0.0, L[on])
    return t


def _oriented(x, y, ring, rs, cnt):
    """Rows of every ring in counter-clockwise order, and the rings' (positive) shoelace areas."""
    local = np.arange(len(x)) - rs[ring]
    area = _shoelace(x, y, ring_next(rs, cnt), ring, len(rs))
    rev = area[ring] < 0
    return np.where(rev, rs[ring] + cnt[ring] - 1 - local, np.arange(len(x))), np.abs(area)


def _boundary_edges(x, y, ring, rs, cnt, edges):
    """Perimeter positions of the vertices and the mask of edges (vertex → next vertex) lying on the plot's
    boundary: both ends and the middle on it (a chord between two boundary points crosses the interior)."""
    nxt = ring_next(rs, cnt)
    t = _positions(x, y, ring, edges)
    bnd = ~np.isnan(t) & ~np.isnan(t[nxt])
    e = np.flatnonzero(bnd)
    bnd[e] = ~np.isnan(_positions(0.5 * (x[e] + x[nxt[e]]), 0.5 * (y[e] + y[nxt[e]]), ring[e], edges))
    return t, bnd


def _arcs(bnd, ring, rs, cnt):
    """Rotation of every ring so that it starts where an arc (a run of edges off the boundary) starts, and per
    arc its first and last vertex rows in the rotated order."""
    local = np.arange(len(bnd)) - rs[ring]
    nxt = ring_next(rs, cnt)
    prv = np.empty_like(nxt)
    prv[nxt] = np.arange(len(nxt))
    starts = bnd[prv] & ~bnd
    j0 = np.minimum.reduceat(np.where(starts, local, np.iinfo(np.int64).max), rs)
    rot = rs[ring] + (local + j0[ring]) % cnt[ring]
    b = bnd[rot]
    first = np.flatnonzero(b[prv] & ~b)
    last = np.flatnonzero(~b & b[nxt]) + 1       # the arc's last edge is followed by a boundary edge, in its ring
    return rot, first, last


def _links(t_in, t_out, arc_ring, per):
    """For every arc, the arc entered next when following the perimeter counter-clockwise from its exit, and the
    distance along the perimeter to it: one sort of all entries and exits by (ring, position), an exit before an
    entry at the same position."""
    A = len(t_in)
    t = np.r_[t_out, t_in]
    kind = np.r_[np.zeros(A, dtype=np.int8), np.ones(A, dtype=np.int8)]
    r = np.r_[arc_ring, arc_ring]
    order = np.lexsort((kind, t, r))
    is_in = kind[order] == 1
    pos = np.arange(2 * A)
    # the next entry at or after each event (a reverse running minimum); past the ring's end: its first entry
    nxt_in = np.minimum.accumulate(np.where(is_in, pos, 2 * A)[::-1])[::-1]
    rs = np.searchsorted(r[order], r[order], side="left")
    re = np.searchsorted(r[order], r[order], side="right")
    first_in = nxt_in[rs]
    at = np.where(nxt_in < re, nxt_in, first_in)
    exits = ~is_in
    arc_of = np.where(order < A, order, order - A)
    nxt = np.empty(A, dtype=np.int64)
    nxt[arc_of[exits]] = arc_of[at[exits]]
    gap = np.mod(t_in[nxt] - t_out, per[arc_ring])
    return nxt, gap


def _corners(t_out, gap, arc_ring, edges):
    """Per arc, the plot corners passed between its exit and the next arc's entry, in order: (count, x, y) with
    x, y of shape (arcs, most corners), the first ``count`` of each row used."""
    ax, ay, _, _, length, cum, per = edges
    r = arc_ring
    delta = np.mod(cum[r] - t_out[:, None], per[r][:, None])
    use = (length[r] > 0) & (delta > _ON) & (delta < gap[:, None] - _ON)
    key = np.where(use, delta, np.inf)
    order = np.argsort(key, axis=1)
    rows = np.arange(len(r))[:, None]
    return use.sum(axis=1), ax[r][rows, order], ay[r][rows, order]


def _cycles(nxt, longest):
    """Arcs in the order of their cycles (one cycle = one polygon) and the cycle number of each: cycles in the order
    of their smallest arc, each from that arc on. ``nxt`` is a permutation whose cycles have at most ``longest``
    arcs. Pointer jumping in numpy (no Python loop over the arcs; the batches run on several threads): the smallest
    arc of each cycle (its root) by doubling windows, then each arc's distance from its root."""
    nxt = np.asarray(nxt, dtype=np.int64)
    n = len(nxt)
    arc = np.arange(n)
    root, p = arc.copy(), nxt.copy()
    span = 1
    while span < longest:                 # root: the smallest of the next 2·span arcs (the cycle once long enough)
        root = np.minimum(root, root[p])
        p = p[p]
        span *= 2
    p = np.where(nxt == root, root, nxt)   # steps from each arc forward to its root (the root absorbs)
    p[root == arc] = arc[root == arc]
    steps = (p != arc).astype(np.int64)
    while (p != p[p]).any():
        steps += steps[p]
        p = p[p]
    size = np.bincount(root, minlength=n)[root]
    seq = np.lexsort(((size - steps) % size, root))
    first = np.r_[True, root[seq][1:] != root[seq][:-1]]
    return seq, np.cumsum(first) - 1


def split_joined_rings(x, y, ring, plot, base, pc, start, nv, ccw):
    """Valid (multi)polygons, in absolute coordinates, of clipped rings that join several parts along the plot's
    edges; ``None`` where the result would not be valid or not of the ring's area (the caller uses GEOS there).

    ``x, y``: ring vertices relative to ``base`` (one row per ring), without closing vertex, grouped by ``ring``
    (0 … R − 1, contiguous); ``plot``: per ring, the plot's row in ``pc``/``start``/``nv``/``ccw`` (the plots'
    coordinates, first rows, vertex counts without closing vertex, orientation), the plot convex. Runs on the
    caller's thread (:func:`.clip.clipped_areas` calls it per batch of pairs, the batches on several threads).
    """
    R = len(plot)
    out = np.full(R, None, dtype=object)
    if R == 0 or len(x) == 0:
        return out
    rs = np.searchsorted(ring, np.arange(R))
    cnt = np.diff(np.r_[rs, len(ring)])
    idx, ring_area = _oriented(x, y, ring, rs, cnt)
    x, y = x[idx], y[idx]
    edges = _plot_edges(pc, start, nv, ccw, plot)
    t, bnd = _boundary_edges(x, y, ring, rs, cnt, edges)
    nb = np.bincount(ring, weights=bnd, minlength=R)
    keep = (nb > 0) & (nb < cnt) & (cnt >= 3)       # rings with both kinds of edges: parts to split out
    if not keep.all():
        whole = (nb == 0) & (cnt >= 3)                # wholly inside the plot: the ring is the polygon
        for sel, fn in ((keep, split_joined_rings), (whole, _whole_rings)):
            if sel.any():
                rows = sel[ring]
                out[sel] = fn(x[rows], y[rows], (np.cumsum(sel) - 1)[ring[rows]], plot[sel], base[sel], pc,
                              start, nv, ccw)
        return out
    rot, first, last = _arcs(bnd, ring, rs, cnt)
    x, y, t = x[rot], y[rot], t[rot]
    arc_ring = ring[first]
    per = edges[-1]
    t_in, t_out = np.mod(t[first], per[arc_ring]), np.mod(t[last], per[arc_ring])
    nxt, gap = _links(t_in, t_out, arc_ring, per)
    good = np.ones(R, dtype=bool)
    good[arc_ring[np.bincount(nxt, minlength=len(nxt)) != 1]] = False      # two arcs entering one: ambiguous
    n_c, cx, cy = _corners(t_out, gap, arc_ring, edges)
    seq, cyc = _cycles(np.where(good[arc_ring], nxt, np.arange(len(nxt))), int(np.bincount(arc_ring).max(initial=1)))
    nvx = last - first + 1
    tot = nvx[seq] + n_c[seq]
    off = np.cumsum(tot) - tot
    X, Y = np.empty(int(tot.sum())), np.empty(int(tot.sum()))
    pos, src = expand(off, nvx[seq]), expand(first[seq], nvx[seq])
    X[pos], Y[pos] = x[src], y[src]
    pos = expand(off + nvx[seq], n_c[seq])
    rc, cc = repeat(seq, n_c[seq]), expand(np.zeros(len(seq), dtype=np.int64), n_c[seq])
    X[pos], Y[pos] = cx[rc, cc], cy[rc, cc]
    poly_row = repeat(cyc, tot)
    return _assemble(X, Y, poly_row, arc_ring[seq[np.r_[True, cyc[1:] != cyc[:-1]]]], ring_area, good, base, out)


def _whole_rings(x, y, ring, plot, base, *_):
    """Polygons of rings lying inside their plot (no edge on its boundary), where valid."""
    polys = _ragged_polygons(np.column_stack([x, y]) + base[ring], ring, len(plot))
    polys[~shapely.is_valid(polys)] = None
    return polys


def _assemble(X, Y, poly_row, poly_ring, ring_area, good, base, out):
    """Polygons of the cycles, per ring one polygon or a multipolygon; kept where valid and of the ring's area."""
    n_poly = len(poly_ring)
    pv = np.bincount(poly_row, minlength=n_poly)
    a = _shoelace(X, Y, ring_next(np.cumsum(pv) - pv, pv), poly_row, n_poly)
    total = np.bincount(poly_ring, weights=a, minlength=len(good))
    good &= np.abs(total - ring_area) <= 1e-9 * np.maximum(1.0, ring_area)
    good[poly_ring[(pv < 3) | (a <= 0)]] = False
    use = good[poly_ring]
    if not use.any():
        return out
    rows = use[poly_row]
    renum = np.cumsum(use) - 1
    xy = np.column_stack([X[rows], Y[rows]]) + base[poly_ring[poly_row[rows]]]
    owner = poly_ring[use]
    multi = np.bincount(owner, minlength=len(good))[owner] > 1
    prow = renum[poly_row[rows]]
    single = ~multi[prow]
    out[owner[~multi]] = _ragged_polygons(xy[single], np.cumsum(~multi)[prow[single]] - 1, int((~multi).sum()))
    if multi.any():
        um, inv = np.unique(owner[multi], return_inverse=True)
        out[um] = _ragged_polygons(xy[~single], np.cumsum(multi)[prow[~single]] - 1, int(multi.sum()), inv)
    done = np.flatnonzero(good)
    ok = shapely.is_valid(out[done])
    out[done[~ok]] = None
    return out


def _ragged_polygons(xy, ring, n, owner=None):
    """Polygons of one ring each (rows ``xy`` grouped by ``ring`` 0 … n − 1, contiguous, without closing vertex) or,
    with ``owner`` (per ring, ascending 0, 1, … as ``shapely.multipolygons`` needs it), a multipolygon of the rings
    of each owner. The same geometries as ``shapely.polygons(shapely.linearrings(xy, indices=ring))`` (a closing vertex added where the ring's last
    vertex is not its first) and ``shapely.multipolygons(…, indices=owner)``, built straight from the coordinates
    (``shapely.from_ragged_array``): no ring objects, and most of the work without the GIL."""
    cnt = np.bincount(ring, minlength=n)
    st = np.cumsum(cnt) - cnt
    close = (xy[st] != xy[st + cnt - 1]).any(axis=1)
    seg = segment_of(cnt + close)
    rows = expand(st, cnt + close)
    rows = np.where(rows == st[seg] + cnt[seg], st[seg], rows)          # the added closing vertex: the first again
    ring_off = np.r_[0, np.cumsum(cnt + close)]
    if owner is None:
        return shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy[rows], (ring_off, np.arange(n + 1)))
    per = np.bincount(owner)
    return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, xy[rows],
                                     (ring_off, np.arange(n + 1), np.r_[0, np.cumsum(per)]))
