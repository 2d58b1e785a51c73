"""审查结果 rows with the 地块编号 of every finding.

A finding names its plot in DKBH (一张图冲突 layers) or in BH (the code of the feature concerned, which may also be a
unit or a cluster, or a list of plots); a finding with only a geometry is joined to the plots it overlaps. What is
not about one plot says so explicitly: "（单元 Z01-01）", "（组团 Z01）", "（规划范围外）", or "（全区）" for a finding
about the whole plan (e.g. a standard value missing for an industry).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["WHOLE_PLAN", "OUTSIDE", "finding_plot_codes"]

WHOLE_PLAN = "（全区）"
OUTSIDE = "（规划范围外）"
_MIN_OVERLAP_M2 = 0.01   # a polygon finding belongs to a plot it overlaps by more than this (not one it touches)
_MAX_LISTED = 10


def _text(v) -> Optional[str]:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    s = str(v).strip()
    return s or None


def _codes(frame, col) -> set:
    if frame is None or col not in getattr(frame, "columns", []):
        return set()
    return {t for t in (_text(v) for v in frame[col]) if t}


def _by_code(code: str, plots: set, units: set, clusters: set) -> Optional[str]:
    if code in plots:
        return code
    if code in units:
        return f"（单元 {code}）"
    if code in clusters:
        return f"（组团 {code}）"
    first = code.replace(",", "、").split("、")[0].strip()
    return code if first in plots else None          # a list of plots: "Z01-01-01、Z01-01-02 等 12 个"


def _listed(codes: list[str]) -> str:
    codes = sorted(set(codes))
    return "、".join(codes[:_MAX_LISTED]) + (f" 等 {len(codes)} 个" if len(codes) > _MAX_LISTED else "")


def _geometry_codes(geoms, layers: list[tuple]) -> list[Optional[str]]:
    """For each geometry, the codes of the features of the first layer it overlaps (plots, then units, clusters)."""
    import shapely

    out: list[Optional[str]] = [None] * len(geoms)
    todo = [i for i, g in enumerate(geoms) if g is not None and not shapely.is_empty(g)]
    for polys, codes, fmt in layers:
        if not todo or polys is None or not len(polys):
            continue
        tree = shapely.STRtree(polys)
        src, hit = tree.query(np.array([geoms[i] for i in todo], dtype=object), predicate="intersects")
        found: dict = {}
        for s, h in zip(src, hit):
            g = geoms[todo[s]]
            area = shapely.area(g)
            if area > 0 and shapely.area(shapely.intersection(g, polys[h])) <= _MIN_OVERLAP_M2:
                continue               # only touches the feature
            if codes[h]:
                found.setdefault(todo[s], []).append(codes[h])
        for i, cs in found.items():
            out[i] = fmt(_listed(cs))
        todo = [i for i in todo if out[i] is None]
    return out


def _in_crs(frame, crs):
    """``frame``'s geometry in ``crs`` (a findings list has none: its geometry is already in the measurement CRS)."""
    if frame.crs is None or frame.crs == crs:
        return frame.geometry.to_numpy()
    return frame.geometry.to_crs(crs).to_numpy()


def finding_plot_codes(findings: pd.DataFrame, plots, *, codes: Optional[pd.DataFrame] = None, units=None,
                       clusters=None) -> pd.Series:
    """The 地块编号 column of the findings (same index), never empty.

    ``plots``: the plot layer (DKBH and geometry); ``codes``: its DKBH/DYBH/ZTBH with the derived unit and cluster
    codes (the prepared plot frame), default ``plots``; ``units`` / ``clusters``: their layers, when given.
    """
    codes = plots if codes is None else codes
    plot_codes = _codes(codes, "DKBH")
    unit_codes = _codes(codes, "DYBH") | _codes(units, "DYBH")
    cluster_codes = _codes(codes, "ZTBH") | _codes(units, "ZTBH") | _codes(clusters, "ZTBH")
    out = []
    for rec in findings.to_dict("records"):
        own = _text(rec.get("DKBH"))
        bh = _text(rec.get("BH"))
        out.append(own or (_by_code(bh, plot_codes, unit_codes, cluster_codes) if bh else None))
    out = pd.Series(out, index=findings.index, dtype=object)
    todo = out.isna().to_numpy()
    has_geom = hasattr(findings, "geometry") and "geometry" in findings.columns and todo.any()
    if has_geom and hasattr(plots, "geometry") and plots.crs is not None:
        from ..crs import measurement_crs, to_crs

        mcrs = measurement_crs(plots.crs, layer="plots", bounds=tuple(plots.total_bounds))
        geoms = _in_crs(findings.loc[todo], mcrs)
        layers = [(to_crs(lyr, mcrs).geometry.to_numpy(), [_text(v) for v in lyr[col]], fmt)
                  for lyr, col, fmt in ((plots, "DKBH", str), (units, "DYBH", lambda c: f"（单元 {c}）"),
                                        (clusters, "ZTBH", lambda c: f"（组团 {c}）"))
                  if lyr is not None and col in lyr.columns and getattr(lyr, "crs", None) is not None]
        got = _geometry_codes(list(geoms), layers)
        located = [g is not None and not g.is_empty for g in geoms]
        out.loc[todo] = [c or (OUTSIDE if loc else None) for c, loc in zip(got, located)]
    return out.fillna(WHOLE_PLAN)
