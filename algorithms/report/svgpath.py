"""SVG path data of many polygons and lines at once (the report's maps): rings taken from the coordinates in one
pass, oriented in numpy, written as text by numpy (no Python object per point), cut into paths Qt's SVG renderer
reads whole.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..geometry import signed_ring_areas

__all__ = ["bulk_path", "MAX_POINTS"]

#: points per SVG path of :func:`bulk_path` (Qt's SVG renderer truncates paths of more than 32 767)
MAX_POINTS = 30_000


def _rings(geoms, tid=None):
    """(rings, closed, hole) of polygons and lines in the order of ``get_rings(get_parts(…))``: every polygon
    ring (by geometry, part, ring) first, then every line; a polygon without holes and a line stand for their own
    ring (no copy), only the other geometries are taken apart. ``closed``: a polygon's ring; ``hole``: an inner
    ring. Other parts (points) are left out. ``tid``: the geometries' type ids where known."""
    tid = shapely.get_type_id(geoms) if tid is None else tid
    holed = shapely.get_num_interior_rings(geoms) > 0              # 0 for anything but a polygon
    plain = np.flatnonzero((tid == 3) & ~holed)
    line = np.flatnonzero(np.isin(tid, (1, 2)))
    rest = np.flatnonzero(~np.isin(tid, (1, 2, 3)) | holed)
    rings, r_of, hole = geoms[plain], plain, np.zeros(len(plain), dtype=bool)
    lines, l_of = geoms[line], line
    if len(rest):
        parts, p_of = shapely.get_parts(geoms[rest], return_index=True)
        ptid = shapely.get_type_id(parts)
        poly = np.flatnonzero(ptid == 3)
        more, k = shapely.get_rings(parts[poly], return_index=True)
        inner = np.r_[False, k[1:] == k[:-1]]          # rings after the first of their polygon: holes
        rings, r_of = np.concatenate([rings, more]), np.concatenate([r_of, rest[p_of[poly[k]]]])
        hole = np.concatenate([hole, inner])
        part_lines = np.flatnonzero(np.isin(ptid, (1, 2)))
        lines, l_of = np.concatenate([lines, parts[part_lines]]), np.concatenate([l_of, rest[p_of[part_lines]]])
        order = np.argsort(r_of, kind="stable")
        rings, hole = rings[order], hole[order]
        lines = lines[np.argsort(l_of, kind="stable")]
    closed = np.r_[np.ones(len(rings), dtype=bool), np.zeros(len(lines), dtype=bool)]
    return np.concatenate([rings, lines]), closed, np.r_[hole, np.zeros(len(lines), dtype=bool)]


def _oriented(xy, of, closed, hole):
    """Row order of ``xy`` with every polygon ring (``of``: ring per row; ``closed``, ``hole`` per ring) made
    clockwise and every hole counter-clockwise, as GEOS normalize orients them (only the start vertex may differ:
    the same picture)."""
    n = len(closed)
    start = np.searchsorted(of, np.arange(n))
    area = signed_ring_areas(xy, of, start, n)
    flip = (closed & np.where(hole, area < 0, area > 0))[of]
    rows = np.arange(len(of))
    end = np.r_[start[1:], len(of)]
    rows[flip] = start[of[flip]] + end[of[flip]] - 1 - rows[flip]
    return rows


def _quads(units: bool) -> np.ndarray:
    """Four-digit groups as little-endian uint32 (four ASCII bytes): "0000" … "9999", then the same numbers as the
    leading group of a number (leading zeros as NUL bytes, dropped with the other NULs; ``units``: 0 is "0")."""
    full = [f"{i:04d}" for i in range(10_000)]
    lead = [(q.lstrip("0") or ("0" if units else "")).rjust(4, "\0") for q in full]
    return np.frombuffer("".join(full + lead).encode("ascii"), dtype="<u4")


_UNITS, _HIGHER = _quads(True), _quads(False)     # the units group, the groups above it


def _digits(a, c, v, w) -> None:
    """``v`` (integers) written into columns ``c`` … ``c + w`` of the byte rows ``a``: a minus sign or NUL at
    ``c``, then ``w`` digits (a multiple of 4) four at a time from :data:`_UNITS` / :data:`_HIGHER`, the leading
    zeros NUL."""
    np.multiply(v < 0, 45, out=a[:, c], casting="unsafe")
    v = np.abs(v)
    for k in range(w // 4):                                   # from the units up
        if k < w // 4 - 1:
            v, group = np.divmod(v, 10_000)
            group[v == 0] += 10_000                           # nothing above: the leading group
        else:
            group = v + 10_000                                # the top group (v < 10 000): leading
        at = c + 1 + w - 4 * (k + 1)
        a[:, at:at + 4].view("<u4")[:, 0] = (_UNITS if k == 0 else _HIGHER)[group]


def _text(lead, x, y, z) -> np.ndarray:
    """Tokens ``{lead}{x},{y}{Z}␠`` of integer points (``lead`` a byte, ``z`` a mask) as one row of bytes per
    token, the bytes to leave out (no leading zeros, a sign only where negative, no Z where ``z`` is false) NUL:
    digits written four by four from a table of "0000" … "9999"."""
    w = 4 * max(1, -(-len(str(int(max(np.abs(x).max(), np.abs(y).max())))) // 4))   # digits, a multiple of 4
    a = np.empty((len(x), 6 + 2 * w), dtype=np.uint8)
    a[:, 0] = lead
    _digits(a, 1, x, w)
    a[:, 2 + w] = 44
    _digits(a, 3 + w, y, w)
    np.multiply(z, 90, out=a[:, 4 + 2 * w], casting="unsafe")
    a[:, 5 + 2 * w] = 32
    return a


def _cuts(first_token, n_tokens) -> list:
    """Token positions where the paths start: whole rings, as many as fit in :data:`MAX_POINTS` (a longer ring
    alone), Qt's SVG renderer truncating a path of more than 32 767 points."""
    starts = np.r_[first_token, n_tokens]
    cuts = [0]
    while cuts[-1] < n_tokens:
        b = cuts[-1]
        k = int(np.searchsorted(starts, b + MAX_POINTS, side="right")) - 1
        cuts.append(int(starts[k]) if starts[k] > b else int(starts[np.searchsorted(starts, b, side="right")]))
    return cuts


def bulk_path(view, geoms, *, orient: bool = False, outline: bool = False, tid=None) -> list:
    """SVG path data (a list of ``d`` strings of whole rings) of many polygons and lines at once, in tenths of a
    pixel (draw them inside ``<g transform="scale(0.1)">``): coordinates rounded to integers, repeated points
    dropped — a zone of 100 000 plots is written in a fraction of a second and its overview stays a few MB.
    ``orient``: polygons' outer rings clockwise, holes counter-clockwise (fill with the nonzero rule).
    ``outline``: polygons' rings drawn open, as their boundary lines (for polygons only: the text of
    ``bulk_path(view, shapely.boundary(geoms))`` without GEOS copying every ring). ``tid``: the geometries'
    ``shapely.get_type_id`` where the caller has it (then none may be missing)."""
    geoms = np.asarray(geoms, dtype=object)
    if tid is None:
        geoms = geoms[~shapely.is_missing(geoms)] if len(geoms) else geoms
    if not len(geoms):
        return []
    rings, closed, hole = _rings(geoms, tid)
    if outline:
        closed = np.zeros_like(closed)
    xy, of = shapely.get_coordinates(rings, return_index=True)
    if not len(xy):
        return []
    if orient:
        rows = _oriented(xy, of, closed, hole)
        xy = xy[rows]
    px = np.rint(((xy[:, 0] - view.x0) * view.s + view.pad) * 10).astype(np.int64)
    py = np.rint(((view.y0 + view.h - xy[:, 1]) * view.s + view.pad) * 10).astype(np.int64)
    first = np.r_[True, of[1:] != of[:-1]]
    keep = first | (px != np.r_[0, px[:-1]]) | (py != np.r_[0, py[:-1]])
    px, py, of, first = px[keep], py[keep], of[keep], first[keep]
    last = np.r_[of[1:] != of[:-1], True]
    table = _text(np.where(first, 77, 76), px, py, last & closed[of])       # M / L
    cuts = _cuts(np.flatnonzero(first)[1:], len(px))
    table[np.array(cuts[1:]) - 1, -1] = 0                   # no space after a path's last token
    return [table[a:b].tobytes().translate(None, b"\0").decode("ascii") for a, b in zip(cuts[:-1], cuts[1:])]
