"""Helpers shared by the layout steps: merging small pieces, stable codes, quality figures, validation."""
from __future__ import annotations

import math
from typing import Optional, Sequence

import numpy as np
import shapely

from ..errors import InputError
from .split import Frame, min_rectangles, polygon_parts

__all__ = ["same_crs", "safe_op", "merge_small", "order_along", "quality_figures", "check_area_params", "is_blank", "log_quality"]


def same_crs(gdf, crs):
    """``gdf`` in ``crs`` (layers given in another CRS are reprojected; None passes through)."""
    if gdf is None or crs is None or gdf.crs is None:
        return gdf
    from pyproj import CRS

    return gdf if CRS.from_user_input(gdf.crs).equals(CRS.from_user_input(crs)) else gdf.to_crs(crs)


def is_blank(v) -> bool:
    """None, NaN, pandas NA or an empty string."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return True
    try:
        return bool(v != v) or (isinstance(v, float) and math.isnan(v))
    except TypeError:  # pandas.NA
        return True


def check_area_params(target: Optional[float], lo: Optional[float], hi: Optional[float], *,
                      names=("target_area", "min_area", "max_area")) -> tuple[float, float, float]:
    """Validate target/min/max areas (m²); defaults min = target/2, max = 2·target."""
    if target is None or not np.isfinite(target) or target <= 0:
        raise InputError("E_BAD_PARAMETER", name=names[0], value=target, reason_zh="目标面积必须大于 0",
                         reason_en="the target area must be greater than 0")
    lo = target / 2.0 if lo is None else float(lo)
    hi = target * 2.0 if hi is None else float(hi)
    if lo < 0 or not lo <= target:
        raise InputError("E_BAD_PARAMETER", name=names[1], value=lo, reason_zh="最小面积须在 0 与目标面积之间",
                         reason_en="the minimum area must lie between 0 and the target area")
    if not hi >= target:
        raise InputError("E_BAD_PARAMETER", name=names[2], value=hi, reason_zh="最大面积不得小于目标面积",
                         reason_en="the maximum area must not be below the target area")
    return float(target), lo, hi


#: snap-rounding grid (m) used when a floating-point overlay fails (1 µm: far below any tolerance)
ROBUST_GRID = 1e-6


def safe_op(op, *args):
    """``op(*args)`` (a shapely overlay), retried with snap-rounding on a 1 µm grid when GEOS raises a
    TopologyException on nearly coincident edges."""
    try:
        return op(*args)
    except shapely.errors.GEOSException:
        return op(*args, grid_size=ROBUST_GRID)


def _shared_length(a, b) -> np.ndarray:
    return shapely.length(safe_op(shapely.intersection, shapely.boundary(a), shapely.boundary(b)))


def _near_neighbours(geoms, tree, i, groups, locked, tol: float = 1e-3):
    near = tree.query(geoms[i], predicate="dwithin", distance=tol)
    near = near[(near != i) & (groups[near] == groups[i]) & ~locked[near]]
    if not len(near):
        return near, np.array([])
    zone = shapely.buffer(shapely.boundary(geoms[i]), tol, quad_segs=1)  # robust for needle-like slivers
    lens = shapely.length(safe_op(shapely.intersection, shapely.boundary(geoms[near]), zone))
    m = lens > 1e-9
    return near[m], lens[m]


def _find(parent: np.ndarray, i: int) -> int:
    """The root of ``i``'s merged piece in ``parent`` (path halving)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _roots_of(parent: np.ndarray, i, cand, lens):
    """Neighbours as their current merged pieces (not ``i`` itself), shared lengths summed."""
    if not len(cand):
        return cand, lens
    r = np.array([_find(parent, int(c)) for c in cand], dtype=np.int64)
    ok = r != i
    r, inv = np.unique(r[ok], return_inverse=True)
    return r, np.bincount(inv, weights=np.asarray(lens, dtype=float)[ok], minlength=len(r))


def _small_edges(geoms, tree, si, groups, locked):
    """``(src, dst, shared)``: each small piece, its unlocked neighbours of the same group, and the boundary
    length they share."""
    qi, qj = tree.query(geoms[si], predicate="intersects")
    src = si[qi]
    keep = (qj != src) & (groups[qj] == groups[src]) & ~locked[qj]
    src, dst = src[keep], qj[keep]
    shared = _shared_length(geoms[src], geoms[dst]) if len(src) else np.array([])
    return src, dst, shared


def _pick_target(i, cand, lens, small, comp, tags) -> Optional[int]:
    """The neighbour (merged piece) that small piece ``i`` merges into, or None when none may receive it."""
    big = ~small[cand] | ((comp[cand] > comp[i]) | ((comp[cand] == comp[i]) & (cand > i)))
    pref = big & ~small[cand]
    if tags is not None:
        same = np.array([tags[c] == tags[i] for c in cand])
        if (pref & same).any():
            pref = pref & same
        elif (big & same).any() and not pref.any():
            big = big & same
    use = pref if pref.any() else big
    if not use.any():
        return None
    order = np.lexsort((cand[use], -lens[use]))
    return int(cand[use][order[0]])


def _merge_targets(geoms, groups, small, locked, tags, sliver, drop_below):
    """``(parent, dropped, isolated)``: the union-find parents after merging every small piece, the float-noise
    crumbs dropped and the small pieces left without a neighbour."""
    n = len(geoms)
    parent = np.arange(n)
    tree = shapely.STRtree(geoms)
    si = np.flatnonzero(small)
    src, dst, shared = _small_edges(geoms, tree, si, groups, locked)
    areas = shapely.area(geoms)
    isolated, dropped = [], []
    members = {int(k): [int(k)] for k in si}  # small piece -> the pieces merged into it so far
    comp = areas.copy()                          # area of each piece with what it absorbed
    # smallest first; a small piece may merge into a larger small one (never a cycle: key strictly grows).
    # A piece that absorbed smaller ones also borders their neighbours.
    for i in sorted(si, key=lambda k: (areas[k], k)):
        if areas[i] < sliver:  # a sliver left by float noise: the piece along which it lies, even a locked one
            cand, lens = _roots_of(parent, i, *_near_neighbours(geoms, tree, i, groups, np.zeros(n, bool)))
        else:
            m = np.isin(src, members[i]) & (shared > 1e-9)
            cand, lens = _roots_of(parent, i, dst[m], shared[m])
            if not len(cand):  # float noise: edges within 1 mm but not exactly shared
                cand, lens = _roots_of(parent, i, *_near_neighbours(geoms, tree, i, groups, locked))
        t = _pick_target(i, cand, lens, small, comp, tags) if len(cand) else None
        if t is None:
            (dropped if areas[i] < drop_below else isolated).append(int(i))
            continue
        parent[i] = t
        comp[t] += comp[i]
        members.setdefault(t, [t]).extend(members[i])
    return parent, dropped, isolated


def _merged_geoms(geoms, parent, dropped) -> tuple[list, list[int]]:
    """``(geoms, kept)``: the union of every merged piece not dropped (its parts apart where they only touch
    at points) and, per geometry, the input index of its root."""
    roots = np.array([_find(parent, i) for i in range(len(geoms))])
    out, kept = [], []
    for r in np.unique(roots):
        if r in dropped:
            continue
        members = np.flatnonzero(roots == r)
        g = geoms[r] if len(members) == 1 else safe_op(shapely.union_all, geoms[members])
        parts = polygon_parts(g)
        if len(parts) > 1 and len(members) > 1:  # float noise kept the pieces apart: snap-round on 1 µm
            parts = polygon_parts(shapely.union_all(geoms[members], grid_size=ROBUST_GRID))
        if len(parts) > 1 and len(members) > 1:  # drop float-noise crumbs (< 0.001 m²) of the union
            big_parts = [p for p in parts if p.area >= 1e-3]
            parts = big_parts or parts
        if len(parts) > 1:  # touching only at points: keep the parts apart
            for p in parts:
                out.append(p)
                kept.append(int(r))
        else:
            out.append(parts[0] if parts else g)
            kept.append(int(r))
    return out, kept


def merge_small(geoms: Sequence, groups: Sequence, small: np.ndarray, *, locked: Optional[np.ndarray] = None,
                tags: Optional[Sequence] = None, sliver: float = 1.0,
                drop_below: float = 1e-3) -> tuple[list, list[int], list[int]]:
    """Merge each ``small`` piece into the neighbour of the same group sharing the longest boundary.

    Neighbours that are not small are preferred; ``locked`` pieces (e.g. supplied parcels) never receive
    anything, except pieces below ``sliver`` m² that have no other neighbour; with ``tags``, a neighbour with
    the same tag is preferred. Returns ``(geoms, kept, isolated)``:
    the merged geometries of the surviving pieces, their input indices, and the indices of small pieces
    that had no neighbour (kept as they are; float-noise crumbs below ``drop_below`` m² are dropped).
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    groups = np.asarray(groups)
    locked = np.zeros(n, bool) if locked is None else np.asarray(locked, bool)
    if not small.any():
        return list(geoms), list(range(n)), []
    parent, dropped, isolated = _merge_targets(geoms, groups, small, locked, tags, sliver, drop_below)
    out, kept = _merged_geoms(geoms, parent, dropped)
    return out, kept, isolated


def order_along(geoms, frame: Frame, *, grid: float = 1.0) -> np.ndarray:
    """A stable order of ``geoms``: by position along the frame's main axis, then across it.

    Positions (of representative points) are rounded to ``grid`` metres so that float noise never swaps
    two codes; ties keep the input order.
    """
    pts = shapely.get_coordinates(shapely.point_on_surface(np.asarray(geoms, dtype=object)))
    if not len(pts):
        return np.array([], dtype=int)
    loc = frame.to_local(pts)
    a = np.round(loc[:, 0] / grid)
    b = np.round(-loc[:, 1] / grid)
    return np.lexsort((np.arange(len(pts)), b, a))


def _rectangularity(areas, geoms, rect_area=None) -> float:
    """Mean of area ÷ minimum rotated rectangle area (as algorithms.geometry.oriented_rectangularity, but
    vectorized without shapely's Python oriented_envelope)."""
    if rect_area is None:
        rect_area = min_rectangles(np.asarray(geoms, dtype=object))[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(rect_area > 0, areas / rect_area, 0.0)
    return float(np.mean(np.minimum(r, 1.0)))


def quality_figures(areas: np.ndarray, geoms, *, target: Optional[float] = None, lo: Optional[float] = None,
                    hi: Optional[float] = None, band: float = 0.2,
                    frontage: Optional[np.ndarray] = None, rect_area: Optional[np.ndarray] = None) -> dict:
    """Plot/unit count, area min/mean/max, share within [lo, hi] and within target ± band, share with
    frontage, mean rectangularity (area ÷ oriented envelope area)."""
    areas = np.asarray(areas, dtype=float)
    n = len(areas)
    q = {"count": n,
         "area_min": float(areas.min()) if n else None,
         "area_mean": float(areas.mean()) if n else None,
         "area_max": float(areas.max()) if n else None,
         "rectangularity_mean": _rectangularity(areas, geoms, rect_area) if n else None}
    if lo is not None and hi is not None and n:
        q["share_within_limits"] = float(np.mean((areas >= lo * (1 - 1e-9)) & (areas <= hi * (1 + 1e-9))))
    if target is not None and n:
        q["target_band"] = [target * (1 - band), target * (1 + band)]
        q["share_within_target_band"] = float(np.mean(np.abs(areas - target) <= band * target * (1 + 1e-9)))
    if frontage is not None and n:
        q["share_with_frontage"] = float(np.mean(frontage))
    return q


def log_quality(progress, title: str, q: dict) -> None:
    if progress is None:
        return
    parts = [f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in q.items()]
    progress.log(f"{title}: " + ", ".join(parts))
