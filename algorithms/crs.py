"""Measurement CRS and area units.

Rule (docs/SCHEMA.md): areas are measured in a projected metre CRS chosen once per run — the data's own
CRS when it is projected in metres, else the CGCS2000 3-degree Gauss-Krüger zone whose central meridian is
nearest to the data's centre. A layer without a CRS is refused.
"""
from __future__ import annotations

import math
from typing import Optional

from . import _compat  # noqa: F401  (PROJ data directory)
from pyproj import CRS

from .errors import CrsError

__all__ = ["M2_PER_HA", "MU_PER_HA", "m2_to_ha", "m2_to_mu", "gk3_zone", "gk3_epsg", "measurement_crs",
           "is_metre_projected", "to_crs", "per_mu_to_per_ha"]

M2_PER_HA = 10_000.0
#: 1 公顷 = 15 亩 (1 亩 = 10000/15 ≈ 666.67 m²)
MU_PER_HA = 15.0


def m2_to_ha(m2):
    return m2 / M2_PER_HA


def m2_to_mu(m2):
    return m2 / M2_PER_HA * MU_PER_HA


def per_mu_to_per_ha(value_per_mu):
    """万元/亩 → 万元/公顷 (×15)."""
    return value_per_mu * MU_PER_HA


def gk3_zone(lon: float) -> int:
    """3-degree zone number (25–45 in China) whose central meridian 3·n° is nearest to ``lon``."""
    return int(math.floor(lon / 3.0 + 0.5))


def gk3_epsg(lon: float, *, zone_prefix: bool = False) -> int:
    """EPSG code of the CGCS2000 3-degree Gauss-Krüger CRS for ``lon``.

    ``zone_prefix=False`` gives the "CM xxxE" variant (EPSG:4534–4554, false easting 500 km), which keeps
    coordinates small and areas exact in floating point; ``True`` gives the "zone nn" variant
    (EPSG:4513–4533, false easting nn·10⁶ + 500 km) used by many Chinese surveys.
    """
    zone = gk3_zone(lon)
    if not 25 <= zone <= 45:
        raise CrsError("E_OUTSIDE_CHINA", layer="", lon=lon)
    return (4513 if zone_prefix else 4534) + zone - 25


def is_metre_projected(crs: CRS) -> bool:
    if not crs.is_projected:
        return False
    units = {ax.unit_name.lower() for ax in crs.axis_info[:2]}
    return units <= {"metre", "meter", "m"}


def measurement_crs(crs: Optional[CRS], lonlat_center: Optional[tuple[float, float]] = None, *,
                    layer: str = "", bounds: Optional[tuple[float, float, float, float]] = None) -> CRS:
    """The projected metre CRS in which to measure data that is in ``crs``.

    ``bounds`` (in ``crs``) or ``lonlat_center`` locate the data when ``crs`` is geographic.
    """
    if crs is None:
        raise CrsError("E_NO_CRS", layer=layer)
    crs = CRS.from_user_input(crs)
    if is_metre_projected(crs):
        return crs
    if crs.is_geographic:
        if lonlat_center is None:
            if bounds is None:
                raise CrsError("E_NO_CRS", layer=layer)
            x0, y0, x1, y1 = bounds
            lon, lat = (x0 + x1) / 2.0, (y0 + y1) / 2.0
        else:
            lon, lat = lonlat_center
        try:
            return CRS.from_epsg(gk3_epsg(lon))
        except CrsError:
            raise CrsError("E_OUTSIDE_CHINA", layer=layer, lon=lon) from None
    units = ",".join(ax.unit_name for ax in crs.axis_info[:2]) or "?"
    raise CrsError("E_CRS_UNITS", layer=layer, units=units)


def to_crs(gdf, crs: CRS):
    """``gdf`` in ``crs`` (no copy when it already is)."""
    if gdf.crs is not None and CRS.from_user_input(gdf.crs).equals(crs):
        return gdf
    return gdf.to_crs(crs)
