"""Preparing an input layer for measurement: repair, check coordinates vs CRS, choose the measurement CRS,
reproject (with a stated datum transformation).

Every algorithm goes through :func:`prepare_layer` so that all of them treat bad geometry, layers in degrees,
layers without a CRS, coordinates that cannot belong to their CRS, area-distorting projections (Web Mercator),
datum shifts and mixed CRSs the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from pyproj import CRS

from .crs import AREA_SCALE_LIMIT, areal_scale_error, check_coordinates, m2_to_ha, m2_to_mu, measurement_crs
from .datum import DatumShift, datum_shift, reproject
from .errors import CrsError
from .findings import Finding
from .geometry import prepare_polygons

__all__ = ["PreparedLayer", "prepare_layer", "area_table"]


@dataclass
class PreparedLayer:
    name: str
    source: object                 # repaired copy in the layer's own CRS (index = input feature ids)
    measured: object               # the same rows in the measurement CRS
    crs: CRS                       # the layer's own CRS
    measure_crs: CRS
    findings: list = field(default_factory=list)
    datum: Optional[DatumShift] = None   # how the layer was moved to the measurement CRS's datum (None: same)

    @property
    def reprojected(self) -> bool:
        return not self.crs.equals(self.measure_crs)


def prepare_layer(gdf, *, layer: str, target_crs: Optional[CRS] = None, code_field: Optional[str] = None,
                  explode: bool = False, require_features: bool = True, user_transform: Optional[str] = None,
                  user_accuracy: Optional[float] = None) -> PreparedLayer:
    """Repair ``gdf`` (a copy), check its coordinates against its CRS, then reproject it into ``target_crs``
    or its own measurement CRS.

    Pass the measurement CRS of the run's main layer as ``target_crs`` for every further layer, so that
    a run measures in one CRS even when its inputs come in different ones. ``user_transform`` (and its
    ``user_accuracy`` in metres) replaces PROJ's datum transformation (:func:`algorithms.datum.datum_shift`);
    ``gdf.attrs["transforms"]`` carries the QGIS project's choices.
    """
    if gdf.crs is None:
        raise CrsError("E_NO_CRS", layer=layer)
    own = CRS.from_user_input(gdf.crs)
    clean, findings = prepare_polygons(gdf, layer=layer, code_field=code_field, explode=explode,
                                       require_features=require_features)
    bounds = tuple(clean.total_bounds) if len(clean) else None
    if own.is_geographic and bounds is not None and not np.all(np.isfinite(bounds)):
        raise CrsError("E_NO_CRS", layer=layer)
    if target_crs is None:
        target_crs = measurement_crs(own, layer=layer, bounds=bounds)
        findings += _chosen_crs_notes(own, target_crs, bounds, layer)
    else:
        if bounds is not None:
            check_coordinates(own, bounds, layer=layer)
        if not own.equals(target_crs):
            findings.append(Finding(
                "CRS-REPROJECTED", "坐标系不一致", "info", None,
                f"图层“{layer}”（{own.name}）已重投影到 {target_crs.name} 量算 / layer '{layer}' ({own.name}) "
                f"reprojected to {target_crs.name} for measurement"))
    shift = datum_shift(own, target_crs, bounds, user=user_transform, user_accuracy=user_accuracy,
                        project_ops=gdf.attrs.get("transforms"))
    if shift is not None:
        findings.append(Finding("CRS-DATUM", "基准转换", "warning" if shift.uncertain else "info", None,
                                shift.message(layer, target_crs.name), value=shift.accuracy, unit="m"))
    measured = reproject(clean, target_crs, shift)
    findings += _scale_notes(target_crs, measured, layer)
    for f in findings:
        if f.geometry is not None and not own.equals(target_crs):
            import geopandas as gpd
            f.geometry = reproject(gpd.GeoDataFrame(geometry=[f.geometry], crs=own), target_crs, shift).geometry.iloc[0]
    return PreparedLayer(layer, clean, measured, own, target_crs, findings, shift)


def _chosen_crs_notes(own: CRS, target: CRS, bounds, layer: str) -> list:
    """Why the run measures in ``target`` when the layer is in ``own`` (degrees; a projection that distorts
    areas by more than AREA_SCALE_LIMIT)."""
    if own.is_geographic:
        return [Finding("CRS-GEOGRAPHIC", "经纬度坐标", "info", None,
                        f"图层“{layer}”为经纬度坐标，已投影到 {target.name} 量算面积 / layer '{layer}' is in degrees; "
                        f"measured in {target.name}")]
    if own.equals(target):
        return []
    err = areal_scale_error(own, bounds)
    return [Finding("CRS-AREA-SCALE", "坐标系面积变形", "info", None,
                    f"图层“{layer}”的坐标系 {own.name} 在数据范围内面积变形达 {err:.2%}，超过 {AREA_SCALE_LIMIT:.1%}，"
                    f"改在 {target.name} 量算面积 / the CRS {own.name} of layer '{layer}' distorts areas by up to "
                    f"{err:.2%} over the data (limit {AREA_SCALE_LIMIT:.1%}); areas measured in {target.name}",
                    value=err * 100.0, limit=AREA_SCALE_LIMIT * 100.0, unit="%")]


def _scale_notes(target: CRS, measured, layer: str) -> list:
    """A warning when even the measurement CRS distorts areas by more than the limit over the data (data
    spanning several zones, or a measurement CRS given by the user)."""
    if not len(measured):
        return []
    err = areal_scale_error(target, tuple(measured.total_bounds))
    if not err > AREA_SCALE_LIMIT:
        return []
    return [Finding("CRS-AREA-SCALE", "坐标系面积变形", "warning", None,
                    f"量算坐标系 {target.name} 在图层“{layer}”范围内面积变形达 {err:.2%}（限值 {AREA_SCALE_LIMIT:.1%}），"
                    f"面积相应偏大或偏小 / the measurement CRS {target.name} distorts areas by up to {err:.2%} over "
                    f"layer '{layer}' (limit {AREA_SCALE_LIMIT:.1%})", value=err * 100.0,
                    limit=AREA_SCALE_LIMIT * 100.0, unit="%")]


def area_table(measured) -> "dict[str, np.ndarray]":
    """Areas of the measured geometries in m², 公顷 and 亩 (unrounded)."""
    m2 = measured.geometry.area.to_numpy(dtype=float)
    return {"m2": m2, "ha": m2_to_ha(m2), "mu": m2_to_mu(m2)}
