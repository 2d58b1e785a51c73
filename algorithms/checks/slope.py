"""Slope from a DEM (rasterio) and the share of each plot steeper than a limit.

Slope uses Horn's 3×3 method with the cell size in metres: a projected DEM's cell size times its linear unit,
a geographic DEM's cell size in degrees times the metres per degree of longitude and latitude at each row's
latitude (CGCS2000/GRS80 ellipsoid series). Each plot's share is area-weighted over the cells whose centre
lies in the plot (a plot smaller than a cell takes the cell under its representative point).
"""
from __future__ import annotations

import math

import numpy as np
import shapely

__all__ = ["metres_per_degree", "slope_degrees", "plot_slope_shares"]

_A = 6378137.0
_E2 = 0.00669438002290  # GRS80 / CGCS2000


def metres_per_degree(lat_deg):
    """(metres per degree of longitude, metres per degree of latitude) at latitude ``lat_deg`` (GRS80)."""
    phi = np.radians(lat_deg)
    s2 = np.sin(phi) ** 2
    n = _A / np.sqrt(1 - _E2 * s2)                     # prime vertical radius
    m = _A * (1 - _E2) / (1 - _E2 * s2) ** 1.5         # meridian radius
    return n * np.cos(phi) * math.pi / 180.0, m * math.pi / 180.0


def slope_degrees(z: np.ndarray, dx, dy) -> np.ndarray:
    """Horn slope in degrees; ``dx``/``dy`` are cell sizes in metres (scalars or per-row arrays). NaN = no data."""
    z = np.asarray(z, dtype=float)
    p = np.pad(z, 1, mode="edge")
    a, b, c = p[:-2, :-2], p[:-2, 1:-1], p[:-2, 2:]
    d, f = p[1:-1, :-2], p[1:-1, 2:]
    g, h, i = p[2:, :-2], p[2:, 1:-1], p[2:, 2:]
    dx = np.asarray(dx, dtype=float).reshape(-1, 1) if np.ndim(dx) else float(dx)
    dy = np.asarray(dy, dtype=float).reshape(-1, 1) if np.ndim(dy) else float(dy)
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8.0 * dx)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / (8.0 * dy)
    return np.degrees(np.arctan(np.hypot(dzdx, dzdy)))


def _dem_window(dem_path, geoms, geoms_crs):
    """(heights under the plots' extent plus a cell each side, NaN for no data; that window's transform; the DEM's
    CRS; the plots in the DEM's CRS)."""
    import rasterio
    from pyproj import CRS, Transformer
    from rasterio.windows import Window, from_bounds

    with rasterio.open(dem_path) as src:
        if src.crs is None:
            raise ValueError("DEM has no CRS / 高程数据没有坐标系")
        t = src.transform
        if t.b != 0 or t.d != 0:
            raise ValueError("rotated DEM grids are not supported / 不支持旋转栅格")
        dem_crs = CRS.from_wkt(src.crs.to_wkt())
        tr = Transformer.from_crs(CRS.from_user_input(geoms_crs), dem_crs, always_xy=True)
        g = shapely.transform(geoms, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))
        x0, y0, x1, y1 = shapely.total_bounds(g)
        w = from_bounds(x0, y0, x1, y1, transform=t)
        c0, r0 = int(np.floor(w.col_off)) - 1, int(np.floor(w.row_off)) - 1
        win = Window(c0, r0, int(np.ceil(w.col_off + w.width)) + 1 - c0, int(np.ceil(w.row_off + w.height)) + 1 - r0)
        win = win.intersection(Window(0, 0, src.width, src.height))
        z = src.read(1, window=win, masked=True).astype(float).filled(np.nan)
        wt = src.window_transform(win)
    return z, wt, dem_crs, g


def _cell_sizes(dem_crs, wt, shape):
    """Cell width and height in metres (by row in a geographic DEM) and each cell's area in m²."""
    rows = np.arange(shape[0])
    if dem_crs.is_geographic:
        lat = wt.f + (rows + 0.5) * wt.e
        mx, my = metres_per_degree(lat)
        dx, dy = abs(wt.a) * mx, abs(wt.e) * my
        return dx, dy, np.broadcast_to((dx * dy).reshape(-1, 1), shape)
    unit = dem_crs.axis_info[0].unit_conversion_factor if dem_crs.axis_info else 1.0
    dx, dy = abs(wt.a) * unit, abs(wt.e) * unit
    return dx, dy, np.full(shape, dx * dy)


def plot_slope_shares(geoms, geoms_crs, dem_path: str, *, limit_deg: float = 25.0):
    """For each plot geometry (in ``geoms_crs``): (share steeper than ``limit_deg`` in 0–1, max slope).

    Returns two float arrays; NaN where the DEM has no data under the plot. Raises OSError/ValueError
    (rasterio) when the DEM cannot be read; the caller turns that into a "not checked" rule.
    """
    from rasterio.features import rasterize

    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    share = np.full(n, np.nan)
    smax = np.full(n, np.nan)
    z, wt, dem_crs, g = _dem_window(dem_path, geoms, geoms_crs)
    dx, dy, cell_area = _cell_sizes(dem_crs, wt, z.shape)
    slope = slope_degrees(z, dx, dy)
    ids = rasterize(((geom, k + 1) for k, geom in enumerate(g) if geom is not None and not geom.is_empty),
                    out_shape=z.shape, transform=wt, fill=0, dtype="int32", all_touched=False)
    valid = (ids > 0) & np.isfinite(slope)
    lab = ids[valid] - 1
    w = cell_area[valid]
    steep = slope[valid] > limit_deg
    tot = np.bincount(lab, weights=w, minlength=n)
    stp = np.bincount(lab, weights=w * steep, minlength=n)
    has = tot > 0
    share[has] = stp[has] / tot[has]
    np.fmax.at(smax, lab, slope[valid])
    # plots too small to hold a cell centre: the cell under the representative point
    small = np.flatnonzero(~has)
    if len(small):
        pts = shapely.point_on_surface(g[small])
        inv = ~wt
        cols, rws = inv * (shapely.get_x(pts), shapely.get_y(pts))
        cols, rws = np.floor(cols).astype(int), np.floor(rws).astype(int)
        ok = (rws >= 0) & (rws < z.shape[0]) & (cols >= 0) & (cols < z.shape[1])
        s = np.full(len(small), np.nan)
        s[ok] = slope[rws[ok], cols[ok]]
        fin = np.isfinite(s)
        share[small[fin]] = (s[fin] > limit_deg).astype(float)
        smax[small[fin]] = s[fin]
    return share, smax
