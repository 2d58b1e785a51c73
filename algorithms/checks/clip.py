"""Exact areas of convex plots ∩ constraint polygons without GEOS: a vectorized Sutherland–Hodgman clipping in
numpy over chunks of the constraint rings (issue 5; :func:`algorithms.checks.overlay.overlay` uses it for the
boundary-crossing pairs of convex plots, almost all plots).

Each ring of a feature is cut into chunks of ``chunk`` edges; runs of chunks lying beyond one side of the plot's
bounding box are collapsed to one segment (the clipped area is unchanged), so a 1 000-vertex constraint costs about
as much as its edges near the plot. Coordinates are taken relative to each plot's first vertex.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..geometry import signed_ring_areas as _signed_ring_areas
from ..threads import n_threads, run_all
from ..segments import expand as _expand, repeat as _repeat, segment_of as _segment_of
from .clipjoin import ring_next, split_joined_rings

__all__ = ["clipped_areas", "feature_tables"]


def _convex_ccw(plots):
    """Mask of single-ring polygons whose turns all have one sign (valid input → convex)."""
    plots = np.asarray(plots, dtype=object)
    ok = (shapely.get_type_id(plots) == 3) & (shapely.get_num_interior_rings(plots) == 0)
    idx = np.flatnonzero(ok)
    if not len(idx):
        return ok
    xy, of = shapely.get_coordinates(plots[idx], return_index=True)     # hole-free: the exterior ring only
    start = np.searchsorted(of, np.arange(len(idx)))
    n = np.diff(np.r_[start, len(xy)])
    nxt = np.arange(1, len(xy) + 1)
    nxt[start + n - 1] = start + 1                     # closing vertex → second vertex
    d = xy[nxt] - xy
    cross = d[:, 0] * d[nxt, 1] - d[:, 1] * d[nxt, 0]
    scale = np.abs(d).max(axis=1) ** 2 * 1e-12
    pos = np.add.reduceat((cross > scale).astype(np.int64), start)
    neg = np.add.reduceat((cross < -scale).astype(np.int64), start)
    ok[idx] = ((pos == 0) | (neg == 0)) & (n >= 4)
    return ok


def _ring_table(geoms, parts=None):
    """All rings of ``geoms`` as flat vertex arrays without closing vertex, plus per ring: owner index and sign
    (+1 exterior, −1 hole) × orientation so that sign × shoelace(ring clipped) is the area contribution.
    ``parts``: ``shapely.get_parts(geoms, return_index=True)`` when the caller has it."""
    parts, part_owner = parts or shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    # first ring of each part is its exterior
    is_ext = np.r_[True, ring_part[1:] != ring_part[:-1]]
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    # drop the closing vertex of each ring
    last = np.r_[ring_of[1:] != ring_of[:-1], True]
    coords, ring_of = coords[~last], ring_of[~last]
    ccw = shapely.is_ccw(rings)
    sign = np.where(is_ext, 1.0, -1.0) * np.where(ccw, 1.0, -1.0)
    return coords, ring_of, part_owner[ring_part], sign


def feature_tables(features, chunk: int = 16, parts=None):
    """The features' rings and chunks as :func:`clipped_areas` works on them: vertex rows, per ring its sign, per
    feature its first ring and ring count, per ring its first chunk and chunk count, per chunk its first vertex row,
    edge count and bounding box. ``parts``: ``shapely.get_parts(features, return_index=True)`` (copies of the parts:
    the tables then read no geometry of ``features`` itself)."""
    sc, s_ring, s_owner, s_sign = _ring_table(features, parts)
    c_start, c_len, c_ring, cbox = _chunk_table(sc, s_ring, chunk)
    r_start = np.searchsorted(s_owner, np.arange(len(features)))       # rings of each feature: contiguous
    r_count = np.diff(np.r_[r_start, len(s_owner)])
    k_start = np.searchsorted(c_ring, np.arange(len(s_sign)))          # chunks of each ring: contiguous
    k_count = np.diff(np.r_[k_start, len(c_ring)])
    return sc, s_sign, r_start, r_count, k_start, k_count, c_start, c_len, cbox


def _chunk_table(coords, ring_of, chunk):
    """Cut every ring (vertex rows ``coords`` by ``ring_of``, no closing vertex) into chunks of ``chunk``
    consecutive edges; per chunk: first vertex row, number of edges, ring and bounding box."""
    n = len(coords)
    r_first = np.r_[True, ring_of[1:] != ring_of[:-1]]
    r_start = np.flatnonzero(r_first)
    r_len = np.diff(np.r_[r_start, n])
    local = np.arange(n) - _repeat(r_start, r_len)
    nxt = np.arange(1, n + 1)
    nxt[r_start + r_len - 1] = r_start
    c_first = (local % chunk) == 0
    c_start = np.flatnonzero(c_first)
    c_len = np.diff(np.r_[c_start, n])
    ex0 = np.minimum(coords[:, 0], coords[nxt, 0])
    ex1 = np.maximum(coords[:, 0], coords[nxt, 0])
    ey0 = np.minimum(coords[:, 1], coords[nxt, 1])
    ey1 = np.maximum(coords[:, 1], coords[nxt, 1])
    bbox = np.column_stack([np.minimum.reduceat(ex0, c_start), np.minimum.reduceat(ey0, c_start),
                            np.maximum.reduceat(ex1, c_start), np.maximum.reduceat(ey1, c_start)])
    return c_start, c_len, ring_of[c_start], bbox


def clipped_areas(plots, features, qi, fj, *, chunk: int = 16, batch: int = 2_000, want_rings: bool = False,
                  threads: int = 0, tables=None):
    """Exact area of ``plots[qi] ∩ features[fj]`` for convex plots.

    Every ring of the feature is clipped by the plot's edges with a vectorized Sutherland–Hodgman; the signed
    shoelace area of its result is the intersection area even where the result is degenerate. To keep this
    linear in what is near the plot, each ring is cut into chunks of ``chunk`` edges (the "split complex
    polygons into pieces" step): a run of chunks whose bounding boxes lie beyond the same side of the plot's
    bounding box is replaced by the straight segment between its ends. That segment and the run lie in one
    half-plane outside the plot, so the winding number over the plot — and the clipped area — is unchanged.
    Coordinates are taken relative to each plot's first vertex. Returns areas (and, with ``want_rings``,
    one polygon per pair where the result is a single ring, else ``None``). ``tables``: the features'
    :func:`feature_tables` for this ``chunk`` when the caller has them.
    """
    areas = np.zeros(len(qi))
    threads = threads or n_threads()
    used, qi = np.unique(qi, return_inverse=True)      # work on the plots involved only
    pc, start, nv, ccw, pbox = _plot_table(np.asarray(plots, dtype=object)[used])
    sc, s_sign, r_start, r_count, k_start, k_count, c_start, c_len, cbox = tables or feature_tables(features, chunk)

    def run(c0):
        q, p = qi[c0:c0 + batch], fj[c0:c0 + batch]
        nr = r_count[p]
        pair_of_ring = _segment_of(nr)
        ring_ids = _expand(r_start[p], nr)
        rows, rid = _near_rows(pbox[q[pair_of_ring]], ring_ids, k_start, k_count, c_start, c_len, cbox)
        plot_row = q[pair_of_ring[rid]]
        ox, oy = pc[start[plot_row], 0], pc[start[plot_row], 1]
        x, y, rid = _sh_clip(sc[rows, 0] - ox, sc[rows, 1] - oy, rid, pair_of_ring, q, pc, start, nv, ccw)
        part = np.zeros(len(q))
        rings = None
        if len(x):
            rs = np.flatnonzero(np.r_[True, rid[1:] != rid[:-1]])
            cnt = np.diff(np.r_[rs, len(x)])
            nxt = ring_next(rs, cnt)
            ring_area = 0.5 * np.add.reduceat(x * y[nxt] - x[nxt] * y, rs)
            rr = rid[rs]
            np.add.at(part, pair_of_ring[rr], ring_area * s_sign[ring_ids[rr]])
            if want_rings:      # x, y relative to the first vertex of each ring's plot (row in ``plots``)
                rings = _rings_to_polygons(len(q), pair_of_ring[rr], cnt, x, y, q[pair_of_ring[rr]], nr,
                                           (pc, start, nv, ccw))
        return c0, part, rings

    # numpy and GEOS release the GIL in the large array operations: batches run side by side on several cores,
    # at least two per thread so that the threads finish together
    batch = int(max(256, min(batch, np.ceil(len(qi) / (2 * threads)))))
    done = run_all(run, range(0, len(qi), batch), threads)
    geoms = np.full(len(qi), None, dtype=object) if want_rings else None
    for c0, part, rings in done:
        areas[c0:c0 + len(part)] = part
        if want_rings and rings is not None:
            geoms[c0:c0 + len(part)] = rings
    return (areas, geoms) if want_rings else areas


def _plot_table(plots):
    """The plots' coordinates, first row of each, vertex counts without the closing vertex, orientation
    (counter-clockwise?) and bounding boxes."""
    pc, pc_of = shapely.get_coordinates(plots, return_index=True)
    start = np.searchsorted(pc_of, np.arange(len(plots)))
    nv = np.diff(np.r_[start, len(pc)]) - 1
    ccw = _signed_ring_areas(pc, pc_of, start, len(plots)) > 0
    return pc, start, nv, ccw, shapely.bounds(plots)


def _near_rows(box, ring_ids, k_start, k_count, c_start, c_len, cbox):
    """Vertex rows of the rings ``ring_ids`` (each against the plot box ``box`` of its pair) with the runs of chunks
    lying beyond one side of the box collapsed to their first vertex, and the ring (position in ``ring_ids``) of
    each row."""
    nk = k_count[ring_ids]
    ring_of_chunk = _segment_of(nk)
    ch = _expand(k_start[ring_ids], nk)
    b = box[ring_of_chunk]
    cb = cbox[ch]
    side = np.full(len(ch), -1, dtype=np.int8)
    side[cb[:, 1] > b[:, 3]] = 3
    side[cb[:, 3] < b[:, 1]] = 2
    side[cb[:, 0] > b[:, 2]] = 1
    side[cb[:, 2] < b[:, 0]] = 0
    run_start = np.r_[True, (side[1:] != side[:-1]) | (ring_of_chunk[1:] != ring_of_chunk[:-1])]
    emit = np.where(side < 0, c_len[ch], np.where(run_start, 1, 0))
    return _expand(c_start[ch], emit), _repeat(ring_of_chunk, emit)


def _sh_clip(x, y, rid, pair_of_ring, q, pc, start, nv, ccw):
    """Sutherland–Hodgman of the rings (rows x, y grouped by rid) against each pair's convex plot. A plot of fewer
    corners than the batch's most sits out the extra rounds (clipping again by its last edge could move points lying on
    it by a rounding), so that the result does not depend on which pairs share its batch (nor on the thread count)."""
    m = int(nv[q].max())
    done = np.arange(m)[None, :] >= nv[q][:, None]            # per pair and round: no edge left
    kk = np.minimum(np.arange(m)[None, :], nv[q][:, None] - 1)
    nvq = nv[q][:, None]
    k0 = np.where(ccw[q][:, None], kk, nvq - kk) % nvq
    k1 = np.where(ccw[q][:, None], kk + 1, nvq - kk - 1) % nvq
    b0 = start[q][:, None]
    ex0, ey0 = pc[b0 + k0, 0] - pc[b0, 0], pc[b0 + k0, 1] - pc[b0, 1]
    edx, edy = pc[b0 + k1, 0] - pc[b0 + k0, 0], pc[b0 + k1, 1] - pc[b0 + k0, 1]
    for e in range(m):
        if len(x) == 0:
            break
        pr = pair_of_ring[rid]
        ax, ay, dx, dy = ex0[pr, e], ey0[pr, e], edx[pr, e], edy[pr, e]
        side = dx * (y - ay) - dy * (x - ax)
        if done[:, e].any():
            side[done[pr, e]] = 1.0                            # inside: kept as it is
        first = np.r_[True, rid[1:] != rid[:-1]]
        rstart = np.flatnonzero(first)
        prev = np.arange(len(x)) - 1
        prev[rstart] = np.r_[rstart[1:], len(x)] - 1
        inside = side >= 0
        cross = inside != inside[prev]
        ci = np.flatnonzero(cross)
        sp = side[prev[ci]]
        t = sp / (sp - side[ci])
        xp, yp = x[prev[ci]], y[prev[ci]]
        cnt = cross.astype(np.int64) + inside
        pos = np.cumsum(cnt) - cnt
        nx = np.empty(int(cnt.sum()))
        ny = np.empty_like(nx)
        nx[pos[ci]] = xp + t * (x[ci] - xp)
        ny[pos[ci]] = yp + t * (y[ci] - yp)
        ii = np.flatnonzero(inside)
        slot = pos[ii] + cross[ii]
        nx[slot], ny[slot] = x[ii], y[ii]
        rid = _repeat(rid, cnt)
        x, y = nx, ny
    return x, y, rid


def _rings_to_polygons(n_pairs, rpair, cnt, x, y, rplot, piece_rings, plots):
    """Polygons from clipped rings (rows ``x``, ``y`` in rings of ``cnt`` rows; per ring its pair ``rpair`` and plot
    ``rplot``) for pairs whose piece has one ring; ``None`` elsewhere (the caller intersects those with GEOS). A ring
    joining several parts along the plot's edges is split into its valid parts (:func:`.clipjoin.split_joined_rings`);
    ``plots``: (coordinates, first rows, vertex counts, orientation)."""
    geoms = np.full(n_pairs, None, dtype=object)
    good_ring = cnt >= 3
    nring = np.bincount(rpair[good_ring], minlength=n_pairs)
    sel_ring = good_ring & ((nring == 1) & (piece_rings == 1))[rpair]
    if sel_ring.any():
        rows = _repeat(sel_ring, cnt)
        # selected rings numbered 0, 1, … in order (ring rows are contiguous)
        ring_index = _repeat(np.cumsum(sel_ring) - 1, cnt)[rows]
        plot = rplot[sel_ring]
        pc, start = plots[0], plots[1]
        geoms[rpair[sel_ring]] = split_joined_rings(x[rows], y[rows], ring_index, plot, pc[start[plot]], *plots)
    return geoms
