"""Checking and repairing input polygons before any measurement.

The rules (documented in docs/INPUT.md): null/empty geometries are dropped and reported; invalid ones are
repaired with GEOS make_valid (keeping only polygonal parts) and reported; Z/M values are dropped; multipart
polygons are kept (or exploded on request); a layer of lines or points is refused.
"""
from __future__ import annotations

import numpy as np
import shapely

from .errors import GeometryError, InputError
from .findings import Finding
from .threads import split_map
from .validity import is_valid

#: curves (CircularString, CompoundCurve, CurvePolygon, MultiSurface) are linearised so that no point of the
#: straight segments lies farther than this from the arc (metres) — in QGIS (plugin/bridge) and in GDAL reads
CURVE_TOLERANCE_M = 0.01
#: GDAL's arc step for the engine's own reads (OGR_ARC_STEPSIZE, degrees; GDAL's default 4° leaves 0.06 m on a
#: 100 m radius): a chord of step s deviates r·(1 − cos(s/2)) from the arc, ≤ 0.01 m for radii up to 26 km
ARC_STEP_DEG = 0.1

__all__ = ["CURVE_TOLERANCE_M", "ARC_STEP_DEG", "linearised_reads", "prepare_polygons", "polygonal_part",
           "oriented_rectangularity", "exact_area", "signed_ring_areas", "single_parts", "polygonal", "union_by_group"]


def linearised_reads():
    """GDAL (pyogrio, geopandas) reads after this call linearise curves within :data:`CURVE_TOLERANCE_M` (for radii up
    to 26 km) instead of GDAL's 4° step. A process-wide GDAL setting, set and never reset: reads on several threads
    (the scaled run) must not see it switch back; it changes nothing for geometries without arcs, and QGIS reads
    curves as curves (plugin/bridge turns GDAL's curve support back on)."""
    import pyogrio

    if pyogrio.get_gdal_config_option("OGR_ARC_STEPSIZE") != str(ARC_STEP_DEG):
        pyogrio.set_gdal_config_options({"OGR_ARC_STEPSIZE": str(ARC_STEP_DEG)})


def polygonal_part(geom):
    """The polygonal part of a geometry (e.g. after make_valid), or an empty polygon: :func:`polygonal` of one."""
    return polygonal(np.array([geom], dtype=object))[0]


def prepare_polygons(gdf, *, layer: str = "", code_field: str | None = None, explode: bool = False,
                     require_features: bool = True):
    """Return ``(clean, findings)``: a copy of ``gdf`` fit for measurement, and what was repaired.

    The input is never modified. Raises :class:`InputError` for an empty layer or non-polygon geometry.
    """
    if require_features and len(gdf) == 0:
        raise InputError("E_EMPTY_LAYER", layer=layer)
    gdf = gdf.copy()
    findings: list[Finding] = []

    def _code(i):
        if code_field and code_field in gdf.columns:
            v = gdf[code_field].iloc[i]
            return None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
        return f"#{gdf.index[i]}"

    arr = np.asarray(gdf.geometry.values.copy(), dtype=object)
    present = _present_polygons(arr, layer, require_features)
    for i in np.flatnonzero(~present):
        findings.append(Finding("GEOM-NULL", "空几何", "warning", _code(i),
                                f"要素无几何，已跳过 / feature {gdf.index[i]} has no geometry and was skipped"))
    changed = False
    if shapely.has_z(arr[present]).any():
        changed = True
        arr[present] = shapely.force_2d(arr[present])
        findings.append(Finding("GEOM-Z", "三维坐标", "info", None,
                                "已去除 Z 值，面积按平面量算 / Z values dropped; areas are planimetric"))
    valid = _repaired_in_place(arr, present, _code, findings)
    keep = present & ~shapely.is_empty(arr)
    for i in np.flatnonzero(present & ~keep):
        findings.append(Finding("GEOM-EMPTY-AFTER-REPAIR", "修复后为空", "warning", _code(i),
                                "修复后无面积，已跳过 / nothing polygonal left after repair; skipped"))
    if changed or (~valid).any():            # the geometry column is rebuilt only when something was repaired
        gdf = gdf.set_geometry(arr, crs=gdf.crs)
    if not keep.all():
        gdf = gdf[keep]
    if explode:
        gdf = gdf.explode(index_parts=False)
    if require_features and len(gdf) == 0:
        raise GeometryError("E_ALL_NULL_GEOMETRY", layer=layer)
    return gdf, findings


def _present_polygons(arr, layer, require_features):
    """Mask of the features with a (non-empty) geometry; a point or line geometry, or (with ``require_features``)
    none at all, stops the run."""
    types = shapely.get_type_id(arr)
    # 3 Polygon, 6 MultiPolygon, 7 GeometryCollection, -1 missing
    present = ~shapely.is_missing(arr) & ~shapely.is_empty(arr)
    bad_type = present & ~np.isin(types, [3, 6, 7])
    if bad_type.any():
        gt = shapely.get_type_id(arr[bad_type][0])
        name = {0: "Point", 1: "LineString", 2: "LinearRing", 4: "MultiPoint", 5: "MultiLineString"}.get(int(gt), "?")
        raise InputError("E_NOT_POLYGON", layer=layer, geom_type=name)
    if require_features and not present.any():
        raise GeometryError("E_ALL_NULL_GEOMETRY", layer=layer)
    return present


def _repaired_in_place(arr, present, code, findings):
    """GEOS's validity of the present geometries (validity.py); invalid ones made valid in ``arr`` (their polygonal
    part), each with a GEOM-REPAIRED finding. Returns the validity mask (missing geometries count as valid)."""
    valid = np.ones(len(arr), dtype=bool)
    # a few large polygons (constraint layers) are worth several threads as much as many small ones
    heavy = shapely.get_num_coordinates(arr[present]).sum() > 200_000
    valid[present] = is_valid(arr[present], min_size=2 if heavy else None)     # GEOS's answer (validity.py)
    for i in np.flatnonzero(~valid):
        reason = shapely.is_valid_reason(arr[i])
        repaired = polygonal_part(shapely.make_valid(arr[i]))
        findings.append(Finding("GEOM-REPAIRED", "几何修复", "warning", code(i),
                                f"无效几何已修复（{reason}）/ invalid geometry repaired ({reason})",
                                value=float(arr[i].area), limit=float(repaired.area), unit="m²",
                                geometry=arr[i].representative_point() if not arr[i].is_empty else None))
        arr[i] = repaired
    return valid


def oriented_rectangularity(geoms) -> np.ndarray:
    """Area ÷ area of the minimum rotated rectangle, vectorized (1.0 for a rectangle)."""
    geoms = np.asarray(geoms)
    rect = shapely.oriented_envelope(geoms)
    ra = shapely.area(rect)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(ra > 0, shapely.area(geoms) / ra, 0.0)


# --- exact areas and per-group dissolve (shared by the checks and the report) ---

_POLY = (3, 6)  # Polygon, MultiPolygon type ids


def exact_area(geoms) -> np.ndarray:
    """Areas with every geometry first moved to its own first vertex, so that no digits can be lost to large
    coordinates such as x ≈ 36 400 000 (QGIS 3.22's planimetric overlap areas are off by up to ~0.1 m² on such
    data, see bench/bench_overlay.py); the result does not depend on how the area routine treats them."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return np.zeros(0)
    geoms = single_parts(geoms)
    # polygons without holes (almost all plots): the shoelace in numpy, relative to each ring's first vertex
    simple = np.flatnonzero((shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0))
    if len(simple) == len(geoms):
        return _ring_areas(geoms)
    out = np.empty(len(geoms))
    if len(simple):
        out[simple] = _ring_areas(geoms[simple])
    rest = np.setdiff1d(np.arange(len(geoms)), simple)
    out[rest] = _moved_areas(geoms[rest])
    return out


def _ring_areas(polys):
    """Areas of hole-free polygons: shoelace on coordinates taken relative to each ring's first vertex."""
    xy, of = shapely.get_coordinates(polys, return_index=True)     # hole-free: the exterior ring only
    start = np.searchsorted(of, np.arange(len(polys)))
    return np.abs(signed_ring_areas(xy, of, start, len(polys)))


def signed_ring_areas(xy, of, start, n):
    """Signed shoelace areas (> 0 counter-clockwise) of closed rings given as vertex rows ``xy`` by ring
    ``of`` (rings starting at rows ``start``), each relative to its first vertex."""
    x, y = xy[:, 0] - xy[start[of], 0], xy[:, 1] - xy[start[of], 1]
    cross = np.where(of[1:] == of[:-1], x[:-1] * y[1:] - x[1:] * y[:-1], 0.0)
    return 0.5 * np.bincount(of[:-1], weights=cross, minlength=n)


def _moved_areas(geoms):
    """Areas with each geometry moved to its own first vertex first (any geometry type)."""
    coords, idx = shapely.get_coordinates(geoms, return_index=True)
    if len(coords) == 0:
        return np.zeros(len(geoms))
    first = np.zeros((len(geoms), 2))
    has = np.bincount(idx, minlength=len(geoms)) > 0
    first[has] = coords[np.searchsorted(idx, np.flatnonzero(has))]
    moved = shapely.transform(geoms, lambda c: c - first[idx])
    return shapely.area(moved)


def single_parts(geoms):
    """MultiPolygons of one part as that Polygon (the same area and boundary); everything else unchanged."""
    one = (shapely.get_type_id(geoms) == 6) & (shapely.get_num_geometries(geoms) == 1)
    if one.any():
        geoms = geoms.copy()
        geoms[one] = shapely.get_geometry(geoms[one], 0)
    return geoms


def polygonal(geoms):
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


def union_by_group(n_plots: int, plot_idx, area, geoms=None, covering=None):
    """Per-group (per-plot) dissolved area and geometry: overlapping parts are not counted twice.

    ``plot_idx`` gives each row's group (0 … ``n_plots`` − 1). Groups of one row keep that row's ``area`` and
    geometry unchanged; groups of several get the exact area of the union of their geometries (needs ``geoms``).
    ``covering`` (optional, per row): the row's geometry covers every other row of its group (e.g. the whole plot
    lying inside a feature) — such a group's union is that row, no GEOS union needed.
    Groups without rows: area 0, geometry None.
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
    multi = np.flatnonzero(~single)
    if len(multi) and covering is not None:
        multi = _covered(multi, starts, np.asarray(covering, dtype=bool)[order], p, a, g, total, union)
    if len(multi):
        if g is None:
            raise ValueError("geometries are needed to dissolve plots overlapping several features")
        # vectorized rounds of binary unions: round r adds the r-th overlap of every plot that has one
        s, c = starts[multi], counts[multi]
        u = g[s].copy()
        for r in range(1, int(c.max())):
            live = np.flatnonzero(c > r)
            # a union of two conflict parts costs ~0.1 ms: worth threads from a few dozen on
            u[live] = split_map(shapely.union, u[live], g[s[live] + r], min_size=64)
        u = polygonal(u)
        total[p[s]] = exact_area(u)
        union[p[s]] = u
    return total, union


def _covered(multi, starts, cov, p, a, g, total, union):
    """Groups (of ``multi``) with a covering row take that row's area and geometry; returns the other groups."""
    has = np.maximum.reduceat(cov.astype(np.int8), starts)[multi] > 0
    if not has.any():
        return multi
    grp = multi[has]
    rows = np.flatnonzero(cov)
    first = rows[np.searchsorted(rows, starts[grp])]       # the group's first covering row
    total[p[starts[grp]]] = a[first]
    if union is not None and g is not None:
        union[p[starts[grp]]] = g[first]
    return multi[~has]
