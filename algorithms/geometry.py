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

__all__ = ["prepare_polygons", "polygonal_part", "oriented_rectangularity"]

_POLY_TYPES = {"Polygon", "MultiPolygon"}


def polygonal_part(geom):
    """The polygonal part of a geometry (e.g. after make_valid), or an empty polygon."""
    if geom is None:
        return shapely.Polygon()
    if geom.geom_type in _POLY_TYPES:
        return geom
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in shapely.get_parts(geom) if g.geom_type in _POLY_TYPES]
        if polys:
            return shapely.union_all(polys)
    return shapely.Polygon()


def prepare_polygons(gdf, *, layer: str = "", code_field: str | None = None, explode: bool = False,
                     require_features: bool = True):
    """Return ``(clean, findings)``: a copy of ``gdf`` fit for measurement, and what was repaired.

    The input is never modified. Raises :class:`InputError` for an empty layer or non-polygon geometry.
    """
    if require_features and len(gdf) == 0:
        raise InputError("E_EMPTY_LAYER", layer=layer)
    gdf = gdf.copy()
    geoms = gdf.geometry.values.copy()
    findings: list[Finding] = []

    def _code(i):
        if code_field and code_field in gdf.columns:
            v = gdf[code_field].iloc[i]
            return None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
        return f"#{gdf.index[i]}"

    types = shapely.get_type_id(np.asarray(geoms))
    # 3 Polygon, 6 MultiPolygon, 7 GeometryCollection, -1 missing
    present = ~shapely.is_missing(np.asarray(geoms)) & ~shapely.is_empty(np.asarray(geoms))
    bad_type = present & ~np.isin(types, [3, 6, 7])
    if bad_type.any():
        gt = shapely.get_type_id(np.asarray(geoms)[bad_type][0])
        name = {0: "Point", 1: "LineString", 2: "LinearRing", 4: "MultiPoint", 5: "MultiLineString"}.get(int(gt), "?")
        raise InputError("E_NOT_POLYGON", layer=layer, geom_type=name)
    if require_features and not present.any():
        raise GeometryError("E_ALL_NULL_GEOMETRY", layer=layer)
    for i in np.flatnonzero(~present):
        findings.append(Finding("GEOM-NULL", "空几何", "warning", _code(i),
                                f"要素无几何，已跳过 / feature {gdf.index[i]} has no geometry and was skipped"))
    arr = np.asarray(geoms, dtype=object)
    changed = False
    if shapely.has_z(arr[present]).any():
        changed = True
        arr[present] = shapely.force_2d(arr[present])
        findings.append(Finding("GEOM-Z", "三维坐标", "info", None,
                                "已去除 Z 值，面积按平面量算 / Z values dropped; areas are planimetric"))
    valid = np.ones(len(arr), dtype=bool)
    valid[present] = split_map(shapely.is_valid, arr[present])
    for i in np.flatnonzero(~valid):
        reason = shapely.is_valid_reason(arr[i])
        repaired = polygonal_part(shapely.make_valid(arr[i]))
        findings.append(Finding("GEOM-REPAIRED", "几何修复", "warning", _code(i),
                                f"无效几何已修复（{reason}）/ invalid geometry repaired ({reason})",
                                value=float(arr[i].area), limit=float(repaired.area), unit="m²",
                                geometry=arr[i].representative_point() if not arr[i].is_empty else None))
        arr[i] = repaired
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


def oriented_rectangularity(geoms) -> np.ndarray:
    """Area ÷ area of the minimum rotated rectangle, vectorized (1.0 for a rectangle)."""
    geoms = np.asarray(geoms)
    rect = shapely.oriented_envelope(geoms)
    ra = shapely.area(rect)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(ra > 0, shapely.area(geoms) / ra, 0.0)
