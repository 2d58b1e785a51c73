"""Measurement CRS, area units, and the sanity test of a layer's coordinates against its CRS.

Rules (docs/SCHEMA.md, README “面积与坐标系”):

* Coordinates vs CRS (:func:`check_coordinates`): a layer's extent (``total_bounds``, O(1) per layer) must fit
  its CRS's area of use widened by :data:`AREA_OF_USE_MARGIN_DEG` (a CRS without one — a city's local grid —
  is not judged); 8-digit X in a Gauss-Krüger CRS without
  zone prefix, 6-digit X in one with a prefix, a prefix of another zone, degrees in a metre CRS and metres in
  a geographic CRS stop the run with :class:`CrsError` ``E_COORDS_CRS`` naming the layer, what the coordinates
  look like and the CRS that fits them.
* Area-faithful measurement (:func:`measurement_crs`): a projected metre CRS is used for measuring only when
  its areal scale error (``pyproj.Proj.get_factors().areal_scale`` at the data's corners, edge midpoints and
  centre) is at most :data:`AREA_SCALE_LIMIT` (0.1 %); otherwise — and for data in degrees — areas are
  measured in the CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534–4554) whose central meridian is nearest to
  the data's centre. A layer without a CRS is refused.
"""
from __future__ import annotations

import functools
import math
from typing import Optional

from . import _compat  # noqa: F401  (PROJ data directory)
from pyproj import CRS

from .errors import CrsError

__all__ = ["M2_PER_HA", "MU_PER_HA", "AREA_SCALE_LIMIT", "AREA_OF_USE_MARGIN_DEG", "m2_to_ha", "m2_to_mu",
           "gk3_zone", "gk3_epsg", "measurement_crs", "is_metre_projected", "to_crs", "per_mu_to_per_ha",
           "areal_scale_error", "check_coordinates", "lonlat_centre"]

M2_PER_HA = 10_000.0
#: 1 公顷 = 15 亩 (1 亩 = 10000/15 ≈ 666.67 m²)
MU_PER_HA = 15.0
#: a projected CRS measures areas only when |areal scale − 1| ≤ this over the data (0.1 %)
AREA_SCALE_LIMIT = 0.001
#: a layer's extent may reach this far (degrees) beyond its CRS's area of use (data crossing a zone edge)
AREA_OF_USE_MARGIN_DEG = 2.0


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


def _finite(bounds) -> bool:
    return bounds is not None and len(bounds) == 4 and all(math.isfinite(float(v)) for v in bounds)


def _sample_points(bounds):
    """Corners, edge midpoints and centre of ``bounds`` (x list, y list)."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    xm, ym = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    return [x0, xm, x1, x0, xm, x1, x0, xm, x1], [y0, y0, y0, ym, ym, ym, y1, y1, y1]


@functools.lru_cache(maxsize=64)
def _to_lonlat(crs_wkt: str):
    from pyproj import Transformer

    crs = CRS.from_wkt(crs_wkt)
    return Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)


def _lonlat(crs: CRS, xs, ys):
    if crs.is_geographic:
        return list(xs), list(ys)
    return _to_lonlat(crs.to_wkt()).transform(xs, ys, errcheck=False)


def lonlat_centre(crs: CRS, bounds) -> tuple[float, float]:
    """Longitude and latitude (degrees) of the centre of ``bounds`` given in ``crs``."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    lon, lat = _lonlat(CRS.from_user_input(crs), [(x0 + x1) / 2.0], [(y0 + y1) / 2.0])
    return float(lon[0]), float(lat[0])


def areal_scale_error(crs, bounds) -> float:
    """max |areal scale − 1| of projected ``crs`` over ``bounds`` (corners, edge midpoints, centre); NaN when
    it cannot be computed, 0 for a geographic CRS (not used for measuring)."""
    from pyproj import Proj

    crs = CRS.from_user_input(crs)
    if not crs.is_projected or not _finite(bounds):
        return 0.0 if crs.is_geographic else math.nan
    lon, lat = _lonlat(crs, *_sample_points(bounds))
    try:
        f = Proj(crs).get_factors(lon, lat, errcheck=False)
    except Exception:  # noqa: BLE001 - a CRS pyproj cannot evaluate factors for: unknown error
        return math.nan
    errs = [abs(s - 1.0) for s in f.areal_scale if math.isfinite(s)]
    return max(errs) if len(errs) == len(lon) else math.nan


def measurement_crs(crs: Optional[CRS], lonlat_center: Optional[tuple[float, float]] = None, *,
                    layer: str = "", bounds: Optional[tuple[float, float, float, float]] = None) -> CRS:
    """The projected metre CRS in which to measure data that is in ``crs``.

    ``bounds`` (in ``crs``, the layer's ``total_bounds``) are first checked against the CRS
    (:func:`check_coordinates`); they or ``lonlat_center`` locate the data. A projected metre CRS whose areal
    scale error over ``bounds`` exceeds :data:`AREA_SCALE_LIMIT` (e.g. Web Mercator, +17 % at 22°N) is
    replaced by the CGCS2000 3-degree zone of the data's centre (kept when that lies outside China's zones).
    """
    if crs is None:
        raise CrsError("E_NO_CRS", layer=layer)
    crs = CRS.from_user_input(crs)
    if _finite(bounds):
        check_coordinates(crs, bounds, layer=layer)
    if is_metre_projected(crs):
        if not _finite(bounds) or not areal_scale_error(crs, bounds) > AREA_SCALE_LIMIT:
            return crs
        lon, _ = lonlat_centre(crs, bounds)
        return CRS.from_epsg(gk3_epsg(lon)) if 25 <= gk3_zone(lon) <= 45 else crs
    if crs.is_geographic:
        if lonlat_center is None:
            if not _finite(bounds):
                raise CrsError("E_NO_CRS", layer=layer)
            lon, _ = lonlat_centre(crs, bounds)
        else:
            lon, _ = lonlat_center
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


# ------------------------------------------------------------------------- coordinates vs their CRS
def check_coordinates(crs, bounds, *, layer: str = "") -> None:
    """Raise ``E_COORDS_CRS`` when coordinates within ``bounds`` cannot belong to ``crs`` (see module doc)."""
    crs = CRS.from_user_input(crs)
    if not _finite(bounds):
        return
    got = _diagnose(crs, tuple(float(v) for v in bounds))
    if got is not None:
        looks_zh, looks_en, fix_zh, fix_en = got
        raise CrsError("E_COORDS_CRS", layer=layer, crs=_crs_label(crs), coords=_coords_text(crs, bounds),
                       looks_zh=looks_zh, looks_en=looks_en, fix_zh=fix_zh, fix_en=fix_en)


def _crs_label(crs: CRS) -> str:
    epsg = crs.to_epsg(min_confidence=90)
    return f"{crs.name} (EPSG:{epsg})" if epsg else crs.name


def _coords_text(crs: CRS, bounds) -> str:
    x0, y0, x1, y1 = bounds
    fmt = "{:,.6f}" if max(abs(x0), abs(x1), abs(y0), abs(y1)) < 1000 else "{:,.0f}"
    return (f"X {fmt.format(x0)} – {fmt.format(x1)}, Y {fmt.format(y0)} – {fmt.format(y1)}")


def _tm_params(crs: CRS):
    """(false easting, central meridian) of a Transverse Mercator CRS, else None."""
    op = crs.coordinate_operation
    if op is None or "transverse mercator" not in (op.method_name or "").lower():
        return None
    p = {q.name.lower(): q.value for q in op.params}
    return p.get("false easting"), p.get("longitude of natural origin")


def _diagnose(crs: CRS, bounds):
    """(looks zh, looks en, fix zh, fix en) when the coordinates cannot belong to ``crs``; None when they can.

    A Gauss-Krüger zone-prefix slip is impossible in any Transverse Mercator CRS (X tens of thousands of km from
    the central meridian); otherwise only coordinates outside the CRS's (widened) area of use are refused, with
    what they look like. A CRS without an area of use (a city's local grid, 独立坐标系) is not judged further."""
    tm = _tm_params(crs) if is_metre_projected(crs) else None
    if tm is not None and tm[0] is not None and tm[1] is not None:
        got = _gk_prefix(crs, bounds, *tm)
        if got is not None:
            return got
    if crs.area_of_use is None or _fits(crs, bounds):
        return None
    x0, y0, x1, y1 = bounds
    if crs.is_geographic:
        if -180.0 <= x0 and x1 <= 180.0 and -90.0 <= y0 and y1 <= 90.0:
            return _outside_area(crs, bounds)
        if -180.0 <= y0 and y1 <= 180.0 and -90.0 <= x0 and x1 <= 90.0 and _fits(crs, (y0, x0, y1, x1)):
            return _SWAPPED
        return _metres_in_degrees(crs, bounds)
    if not is_metre_projected(crs):
        return None
    if max(abs(x0), abs(x1)) <= 180.0 and max(abs(y0), abs(y1)) <= 90.0:
        gcrs = crs.geodetic_crs
        code = gcrs.to_epsg(min_confidence=70) if gcrs is not None else None
        return ("坐标像经纬度（度）", "they look like longitude/latitude in degrees",
                f"请把图层坐标系设为经纬度坐标系（如 EPSG:{code or 4490}）",
                f"set the layer's CRS to a geographic one (e.g. EPSG:{code or 4490})")
    return _outside_area(crs, bounds)


def _gk_prefix(crs: CRS, bounds, false_easting: float, cm: float):
    """Zone-prefix slips of a Gauss-Krüger CRS: 8-digit X without prefix, 6-digit X with one, another zone."""
    x0, _, x1, _ = bounds
    crs_prefix = int(false_easting // 1_000_000)
    data_prefix = int(x0 // 1_000_000) if x0 >= 1_000_000 else 0
    if data_prefix != int(x1 // 1_000_000) or data_prefix == crs_prefix:
        return None
    if data_prefix >= 10:
        name, code = _gk_suggestion(crs, zone=data_prefix)
        looks = (f"X 为 8 位、带 {data_prefix} 带号", f"X has 8 digits with the zone prefix {data_prefix}")
        how = (f"{data_prefix} 带加带号", f"zone {data_prefix} with prefix")
    elif crs_prefix >= 10 and x1 < 1_000_000:
        name, code = _gk_suggestion(crs, cm=cm)
        looks = ("X 为 6 位、不带带号", "X has 6 digits without a zone prefix")
        how = (f"中央经线 {cm:g}°E、不加带号", f"central meridian {cm:g}°E without prefix")
    else:
        return None
    to = f" → EPSG:{code}" if code else ""
    return (looks[0], looks[1], f"请将图层坐标系改为 {name}（{how[0]}{to}），或修正坐标的带号后重新导入",
            f"set the layer's CRS to {name} ({how[1]}{to}), or correct the coordinates' zone prefix")


def _datum_prefix(crs: CRS) -> str:
    """'CGCS2000' / 'Xian 1980' / 'Beijing 1954' …: the part of an EPSG Gauss-Krüger CRS name before ' / '."""
    name = crs.name or ""
    if " / " in name:
        return name.split(" / ")[0]
    gname = (crs.geodetic_crs.name if crs.geodetic_crs is not None else "") or ""
    return "CGCS2000" if "2000" in gname else gname


@functools.lru_cache(maxsize=1)
def _gk_names() -> dict:
    from pyproj.database import query_crs_info
    from pyproj.enums import PJType

    return {i.name: int(i.code) for i in query_crs_info(auth_name="EPSG", pj_types=PJType.PROJECTED_CRS)
            if "Gauss-Kruger" in i.name}


def _gk_suggestion(crs: CRS, *, zone: Optional[int] = None, cm: Optional[float] = None):
    """(name, EPSG code or None) of the Gauss-Krüger CRS of ``crs``'s datum for a prefixed ``zone`` (3° zones
    25–45, 6° zones 13–23) or for the no-prefix variant of central meridian ``cm``."""
    if zone is not None:
        tail = f"3-degree Gauss-Kruger zone {zone}" if zone >= 24 else f"Gauss-Kruger zone {zone}"
    else:
        three = "3-degree" in (crs.name or "") or abs(cm / 3.0 - round(cm / 3.0)) < 1e-9
        tail = f"{'3-degree ' if three else ''}Gauss-Kruger CM {cm:g}E"
    for prefix in (_datum_prefix(crs), "CGCS2000"):      # data in WGS 84 / UTM: the CGCS2000 one
        code = _gk_names().get(f"{prefix} / {tail}")
        if code:
            return f"{prefix} / {tail}", code
    return f"CGCS2000 / {tail}", None


def _metres_in_degrees(crs: CRS, bounds):
    """A geographic CRS holding projected metres: suggest the Gauss-Krüger CRS the numbers look like."""
    x0, y0, x1, y1 = bounds
    looks = ("坐标像投影坐标（米），不是经纬度", "they look like projected metres, not degrees")
    if x0 >= 10_000_000 and int(x0 // 1_000_000) == int(x1 // 1_000_000):
        zone = int(x0 // 1_000_000)
        name, code = _gk_suggestion(crs, zone=zone)
        to = f" → EPSG:{code}" if code else ""
        return (looks[0] + f"，X 带 {zone} 带号", looks[1] + f", X carries the zone prefix {zone}",
                f"请将图层坐标系改为 {name}（{zone} 带加带号{to}）",
                f"set the layer's CRS to {name} (zone {zone} with prefix{to})")
    return (looks[0], looks[1], "请将图层坐标系改为对应的投影坐标系（如 CGCS2000 三度带 EPSG:4513–4554）",
            "set the layer's CRS to the projected CRS the data was surveyed in (e.g. CGCS2000 3-degree "
            "Gauss-Kruger, EPSG:4513–4554)")


def _fits(crs: CRS, bounds) -> bool:
    """Every sample point of ``bounds`` converts to a position inside the CRS's widened area of use."""
    aou = crs.area_of_use
    lon, lat = _lonlat(crs, *_sample_points(bounds))
    m = AREA_OF_USE_MARGIN_DEG
    return all(math.isfinite(a) and math.isfinite(b) and aou.west - m <= a <= aou.east + m
               and aou.south - m <= b <= aou.north + m for a, b in zip(lon, lat))


_SWAPPED = ("X、Y 似乎对调", "X and Y appear to be swapped", "请在导入时交换 X/Y 列（或经度/纬度列）",
            "swap the X and Y (longitude/latitude) columns when importing the data")


def _outside_area(crs: CRS, bounds):
    """Coordinates that fall outside the CRS's area of use (widened by the margin), or give no position."""
    aou = crs.area_of_use
    if _fits(crs, (bounds[1], bounds[0], bounds[3], bounds[2])):
        return _SWAPPED
    lon, lat = _lonlat(crs, *_sample_points(bounds))
    if all(math.isfinite(v) for v in list(lon) + list(lat)):
        where = f"经度 {min(lon):.3f}°–{max(lon):.3f}°、纬度 {min(lat):.3f}°–{max(lat):.3f}°"
        where_en = f"longitude {min(lon):.3f}°–{max(lon):.3f}°, latitude {min(lat):.3f}°–{max(lat):.3f}°"
    else:
        where, where_en = "无法换算为经纬度的位置", "no position on the earth"
    return (f"坐标位于{where}，超出该坐标系的适用范围（{aou.name}）",
            f"they lie at {where_en}, outside the CRS's area of use ({aou.name})",
            "请核对图层的坐标系", "check the layer's CRS")
