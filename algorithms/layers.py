"""Preparing an input layer for measurement: repair, choose the measurement CRS, reproject.

Every algorithm goes through :func:`prepare_layer` so that all of them treat bad geometry, layers in degrees,
layers without a CRS and mixed CRSs the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from pyproj import CRS

from .crs import m2_to_ha, m2_to_mu, measurement_crs, to_crs
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

    @property
    def reprojected(self) -> bool:
        return not self.crs.equals(self.measure_crs)


def prepare_layer(gdf, *, layer: str, target_crs: Optional[CRS] = None, code_field: Optional[str] = None,
                  explode: bool = False, require_features: bool = True) -> PreparedLayer:
    """Repair ``gdf`` (a copy), then reproject it into ``target_crs`` or its own measurement CRS.

    Pass the measurement CRS of the run's main layer as ``target_crs`` for every further layer, so that
    a run measures in one CRS even when its inputs come in different ones.
    """
    if gdf.crs is None:
        raise CrsError("E_NO_CRS", layer=layer)
    own = CRS.from_user_input(gdf.crs)
    clean, findings = prepare_polygons(gdf, layer=layer, code_field=code_field, explode=explode,
                                       require_features=require_features)
    if target_crs is None:
        bounds = tuple(clean.total_bounds) if len(clean) else None
        if own.is_geographic and bounds is not None and not np.all(np.isfinite(bounds)):
            raise CrsError("E_NO_CRS", layer=layer)
        target_crs = measurement_crs(own, layer=layer, bounds=bounds)
        if own.is_geographic:
            findings.append(Finding(
                "CRS-GEOGRAPHIC", "经纬度坐标", "info", None,
                f"图层“{layer}”为经纬度坐标，已投影到 {target_crs.name} 量算面积 / layer '{layer}' is in degrees; "
                f"measured in {target_crs.name}"))
    elif not own.equals(target_crs):
        findings.append(Finding(
            "CRS-REPROJECTED", "坐标系不一致", "info", None,
            f"图层“{layer}”（{own.name}）已重投影到 {target_crs.name} 量算 / layer '{layer}' ({own.name}) "
            f"reprojected to {target_crs.name} for measurement"))
    measured = to_crs(clean, target_crs)
    for f in findings:
        if f.geometry is not None and not own.equals(target_crs):
            import geopandas as gpd
            f.geometry = gpd.GeoSeries([f.geometry], crs=own).to_crs(target_crs).iloc[0]
    return PreparedLayer(layer, clean, measured, own, target_crs, findings)


def area_table(measured) -> "dict[str, np.ndarray]":
    """Areas of the measured geometries in m², 公顷 and 亩 (unrounded)."""
    m2 = measured.geometry.area.to_numpy(dtype=float)
    return {"m2": m2, "ha": m2_to_ha(m2), "mu": m2_to_mu(m2)}
