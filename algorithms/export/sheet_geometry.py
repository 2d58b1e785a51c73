"""What a 图则 draws besides the plots: the numbered 界址点 with their coordinates, edge lengths, road red lines,
退线 (setback lines) by road class and 禁止开口 (no-opening) stretches near intersections.

Coordinates of the 界址点 are given in CGCS2000 in the plan's Gauss-Krüger zone (:func:`survey_crs`), X = northing,
Y = easting, 3 decimals; they are numbered J1, J2 … clockwise from the vertex nearest the plot's north-west corner
(the habit of 地籍调查: start at the north-west, go clockwise). Vertices closer than 1 mm are one point; no vertex is
dropped otherwise (a 界址点 is a legal point, never simplified away). Geometry to draw is returned in the drawing
CRS (the plots' own); lengths and coordinates are computed in the survey CRS.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..crs import gk3_epsg, lonlat_centre

__all__ = ["survey_crs", "boundary_points", "boundary_edges", "road_redlines", "setback_lines",
           "no_opening_segments", "RoadRule", "MIN_VERTEX_GAP"]

#: vertices closer than this (m) are one 界址点
MIN_VERTEX_GAP = 0.001


def survey_crs(crs, bounds):
    """The CRS of the 界址点 table: the plots' own when it is CGCS2000 Transverse Mercator (a GK zone, with or
    without the zone prefix), otherwise the CGCS2000 3° GK zone (with prefix) of the plots' centre."""
    from pyproj import CRS

    crs = CRS.from_user_input(crs)
    op = crs.coordinate_operation
    if crs.is_projected and crs.datum is not None and crs.datum.name == "China 2000" and op is not None \
            and op.method_name == "Transverse Mercator":
        return crs
    lon, _ = lonlat_centre(crs, bounds)
    return CRS.from_epsg(gk3_epsg(lon, zone_prefix=True))


def _ring_order(xy):
    """Indices of a ring's distinct vertices (``xy`` without the closing point, survey CRS): clockwise, starting at
    the one nearest the north-west corner of the ring's bounding box."""
    keep = [0]
    for k in range(1, len(xy)):
        if np.hypot(*(xy[k] - xy[keep[-1]])) >= MIN_VERTEX_GAP:
            keep.append(k)
    if len(keep) > 1 and np.hypot(*(xy[keep[0]] - xy[keep[-1]])) < MIN_VERTEX_GAP:
        keep.pop()
    idx = np.array(keep)
    if len(idx) < 3:
        return idx
    x, y = xy[idx, 0], xy[idx, 1]
    if 0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y) > 0:    # counter-clockwise → clockwise
        idx = idx[::-1]
        x, y = x[::-1], y[::-1]
    start = int(np.argmin(np.hypot(x - x.min(), y - y.max())))
    return np.roll(idx, -start)


def _rings(geom):
    """The rings of a (multi)polygon: every part's exterior, then its holes."""
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        yield part.exterior.coords
        for hole in part.interiors:
            yield hole.coords


def boundary_points(gdf, *, code_field: str = "DKBH", crs=None) -> pd.DataFrame:
    """One row per 界址点: code, ``JZDH`` (J1 …), ring number ``HH``, ``X``/``Y`` (survey CRS: northing, easting),
    ``T_X``/``T_Y`` (3 decimals), ``XH`` (its place in the plot's list, 1 …), ``dx``/``dy`` (drawing CRS).

    ``crs``: the survey CRS (default :func:`survey_crs` of the plots)."""
    from pyproj import Transformer

    target = crs if crs is not None else survey_crs(gdf.crs, tuple(gdf.total_bounds))
    fwd = Transformer.from_crs(gdf.crs, target, always_xy=True)
    rows = []
    for code, geom in zip(gdf[code_field].astype(str), gdf.geometry):
        if geom is None or geom.is_empty:
            continue
        n = 0
        for ring_no, coords in enumerate(_rings(geom), start=1):
            draw = np.asarray(coords, dtype=float)[:-1, :2]
            e, nn = fwd.transform(draw[:, 0], draw[:, 1])
            survey = np.column_stack([np.asarray(e, dtype=float), np.asarray(nn, dtype=float)])
            for k in _ring_order(survey):
                n += 1
                rows.append((code, f"J{n}", ring_no, n, survey[k, 1], survey[k, 0], draw[k, 0], draw[k, 1]))
    df = pd.DataFrame(rows, columns=[code_field, "JZDH", "HH", "XH", "X", "Y", "dx", "dy"])
    df["T_X"] = [f"{v:.3f}" for v in df["X"]]
    df["T_Y"] = [f"{v:.3f}" for v in df["Y"]]
    return df


def boundary_edges(points: pd.DataFrame, *, code_field: str = "DKBH") -> pd.DataFrame:
    """One row per boundary edge (between consecutive 界址点 of one ring, closing the ring): code, from/to point
    names, length ``BC`` (m, survey CRS), its label ``T_BC`` (2 decimals) and the segment in the drawing CRS."""
    rows = []
    for (code, _), ring in points.groupby([code_field, "HH"], sort=False):
        if len(ring) < 2:
            continue
        nxt = np.roll(np.arange(len(ring)), -1)
        x, y = ring["X"].to_numpy(), ring["Y"].to_numpy()
        dx, dy = ring["dx"].to_numpy(), ring["dy"].to_numpy()
        names = ring["JZDH"].to_numpy()
        for a, b in zip(range(len(ring)), nxt):
            length = math.hypot(x[b] - x[a], y[b] - y[a])
            rows.append((code, names[a], names[b], length, f"{length:.2f}",
                         shapely.LineString([(dx[a], dy[a]), (dx[b], dy[b])])))
    return pd.DataFrame(rows, columns=[code_field, "QD", "ZD", "BC", "T_BC", "geometry"])


def road_redlines(roads, *, width_field: Optional[str]) -> np.ndarray:
    """Road red-line polygons: a polygon road as it is; a centre line buffered by half its red-line width (flat
    ends), None where the width is unknown (drawn as a centre line only, never a guessed width)."""
    out = np.full(len(roads), None, dtype=object)
    widths = (pd.to_numeric(roads[width_field], errors="coerce").to_numpy()
              if width_field and width_field in roads.columns else np.full(len(roads), np.nan))
    for k, (geom, w) in enumerate(zip(roads.geometry, widths)):
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            out[k] = geom
        elif np.isfinite(w) and w > 0:
            out[k] = shapely.buffer(geom, w / 2.0, cap_style="flat", join_style="mitre", mitre_limit=3.0)
    return out


@dataclass(frozen=True)
class RoadRule:
    """Setback and no-opening distances of one road class, with their status and source (road_setbacks.csv)."""

    road_class: str
    setback_m: Optional[float]
    no_opening_m: Optional[float]
    status: str                 # 示意 / 地方规定 / 未赋值 …
    source: str


def _near(plot, redline, gap):
    return plot is not None and redline is not None and plot.distance(redline) <= gap


def setback_lines(plots, redlines, classes, names, rules: dict, *, code_field: str = "DKBH",
                  gap: float = 1.0) -> pd.DataFrame:
    """The setback line of each plot from each road red line it lies on (within ``gap`` m): the line at the
    class's setback distance inside the plot. Roads whose class has no setback value give a row without a line
    (``TX`` NaN) so that the sheet can say 未赋值 with the reason."""
    rows = []
    tree = shapely.STRtree([r if r is not None else shapely.Point() for r in redlines])
    for code, plot in zip(plots[code_field].astype(str), plots.geometry):
        if plot is None or plot.is_empty:
            continue
        for j in tree.query(plot, predicate="dwithin", distance=gap):
            red = redlines[j]
            if red is None:
                continue
            rule = rules.get(str(classes[j]))
            dist = rule.setback_m if rule is not None else None
            line = None
            if dist is not None and dist > 0:
                ring = shapely.boundary(shapely.buffer(red, dist, join_style="mitre", mitre_limit=3.0))
                line = shapely.line_merge(shapely.intersection(ring, plot))
                if line.is_empty or line.length < 0.5:
                    line = None
            rows.append((code, names[j], str(classes[j]), np.nan if dist is None else float(dist),
                         rule.status if rule else "未赋值", rule.source if rule else "道路等级不在退线表中", line))
    return pd.DataFrame(rows, columns=[code_field, "DLMC", "DLDJ", "TX", "ZT", "LY", "geometry"])


def road_crossings(centrelines) -> list:
    """Points where two road centre lines meet (each pair once)."""
    geoms = [g for g in centrelines]
    tree = shapely.STRtree([g if g is not None else shapely.Point() for g in geoms])
    out = []
    for a, b in zip(*tree.query(np.array(geoms, dtype=object), predicate="intersects")):
        if a < b and geoms[a] is not None and geoms[b] is not None:
            for p in shapely.get_parts(shapely.intersection(geoms[a], geoms[b])):
                if p.geom_type == "Point":
                    out.append((p, a, b))
    return out


def no_opening_segments(plots, centrelines, redlines, classes, widths, rules: dict, *, code_field: str = "DKBH",
                        gap: float = 1.0) -> pd.DataFrame:
    """禁止开口 stretches: the part of a plot's edge along a road (within ``gap`` m of its red line) that lies within
    the class's no-opening distance of an intersection, measured from the crossing road's red line."""
    rows = []
    for point, a, b in road_crossings(centrelines):
        for road, cross in ((a, b), (b, a)):
            rule = rules.get(str(classes[road]))
            if rule is None or rule.no_opening_m is None or redlines[road] is None:
                continue
            near = (np.nan_to_num(widths[cross]) + np.nan_to_num(widths[road])) / 2.0 + rule.no_opening_m + gap
            across = redlines[cross] if redlines[cross] is not None else centrelines[cross]
            zone = shapely.intersection(shapely.buffer(across, rule.no_opening_m),
                                        shapely.buffer(redlines[road], gap))
            zone = shapely.intersection(zone, shapely.buffer(point, near))
            for code, plot in zip(plots[code_field].astype(str), plots.geometry):
                if plot is None or not _near(plot, redlines[road], gap) or not plot.intersects(zone):
                    continue
                seg = shapely.line_merge(shapely.intersection(shapely.boundary(plot), zone))
                if not seg.is_empty and seg.length >= 0.5:
                    rows.append((code, str(classes[road]), float(rule.no_opening_m), rule.status, rule.source, seg))
    return pd.DataFrame(rows, columns=[code_field, "DLDJ", "JL", "ZT", "LY", "geometry"])
