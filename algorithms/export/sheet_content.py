"""Everything the 图则 atlas prints, as frames the print layout turns into layers: one coverage row per page with its
ready strings, the 界址点 and edges, road red lines, setback lines, no-opening stretches, units and clusters (derived
from the plots when not given), the index and the list of small plots.

All geometry is in the drawing CRS (the plots' measurement CRS, metres); the 界址点 coordinates are in the survey CRS
(:func:`.sheet_geometry.survey_crs`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..checks import BUILTIN_RULES
from ..report import action_for, row_result
from .atlas import plan_pages, review_lines
from .sheet_geometry import (boundary_edges, boundary_points, no_opening_segments, road_redlines, setback_lines,
                             survey_crs)

__all__ = ["SheetInputs", "SheetContent", "sheet_content", "RULE_SOURCES", "SCALES", "MAP_FRAME_MM", "POINT_ROWS",
           "map_scale"]

#: rule id → document and clause, and CT_ field → rule id, of the 一张图 check's built-in rules
RULE_SOURCES = {v[0]: v[4] for v in BUILTIN_RULES.values()}
_CT_RULES = {v[3]: (v[0], v[1]) for v in BUILTIN_RULES.values()}
#: the scales (1:n) a sheet's map may take, and the map frame (mm) of the layout
SCALES = (500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000)
MAP_FRAME_MM = (232.0, 265.0)
#: 界址点 rows the sheet's coordinate table shows (all of them: the CSV)
POINT_ROWS = 26


def map_scale(bounds, *, frame=MAP_FRAME_MM, margin: float = 0.25, scales=SCALES) -> int:
    """The smallest of ``scales`` at which ``bounds`` (metres) with ``margin`` (share of its size on each side)
    fits the map frame (mm); the largest scale when none does."""
    x0, y0, x1, y1 = bounds
    need = max((x1 - x0) * (1 + 2 * margin) / frame[0], (y1 - y0) * (1 + 2 * margin) / frame[1]) * 1000.0
    return next((s for s in scales if s >= need), scales[-1])


@dataclass
class SheetInputs:
    """The optional layers of the atlas (GeoDataFrames in the drawing CRS) and the fields to read from them."""

    roads: Optional[gpd.GeoDataFrame] = None
    road_name: Optional[str] = None
    road_class: Optional[str] = None
    road_width: Optional[str] = None
    units: Optional[gpd.GeoDataFrame] = None
    clusters: Optional[gpd.GeoDataFrame] = None
    conflicts: Optional[gpd.GeoDataFrame] = None
    road_rules: Optional[dict] = None
    road_rules_note: str = ""


@dataclass
class SheetContent:
    coverage: gpd.GeoDataFrame
    points: pd.DataFrame
    edges: gpd.GeoDataFrame
    redlines: Optional[gpd.GeoDataFrame]
    setbacks: Optional[gpd.GeoDataFrame]
    openings: Optional[gpd.GeoDataFrame]
    units: gpd.GeoDataFrame
    clusters: gpd.GeoDataFrame
    index: pd.DataFrame
    small: pd.DataFrame
    survey_crs: object
    zone: object                     # shapely polygon of the whole zone (union of the clusters)


def _dissolve(plots, table, key):
    """Polygons of ``key`` (DYBH / ZTBH) dissolved from the plots."""
    codes = table[key].reindex(plots.index)
    keep = codes.notna().to_numpy()
    if not keep.any():
        return gpd.GeoDataFrame({key: []}, geometry=[], crs=plots.crs)
    g = gpd.GeoDataFrame({key: codes[keep].astype(str).to_numpy()}, geometry=plots.geometry[keep].values,
                         crs=plots.crs)
    return g.dissolve(by=key, as_index=False)


def _level(given, plots, table, key):
    if given is not None and key in given.columns and len(given):
        out = given[[key, "geometry"]].copy()
        out[key] = out[key].astype(str)
        return out
    return _dissolve(plots, table, key)


def _ct_lines(row) -> list:
    """Review lines from the plot's own conflict-area fields (CT_*), when no conflict layer is given."""
    out = []
    for fld, (rid, name) in _CT_RULES.items():
        v = row.get(fld)
        if isinstance(v, (int, float)) and np.isfinite(v) and v > 0:
            line = f"{name}：{v:,.2f} ㎡，依据：{RULE_SOURCES.get(rid, '')}"
            action = action_for(rid, str(row.get("SCJL") or ""))[0]
            out.append(line + (f"；建议：{action}" if action else ""))
    return out


def _review_text(row, lines) -> str:
    head = f"审查结论：{row.get('SCJL') or '未审查'}"
    if isinstance(row.get("KFZT"), str) and row["KFZT"]:
        head += f"（开发状态：{row['KFZT']}）"
    body = [f"· {ln}" for ln in (lines or _ct_lines(row))]
    for key, label in (("WJCGZ", "未检查规则"), ("SCSM", "审查说明")):
        v = row.get(key)
        if isinstance(v, str) and v.strip() and v != "nan":
            body.append(f"{label}：{v}")
    if not body and row.get("SCJL") in (None, "", "未审查"):
        body.append("本地块未经一张图或用地标准审查 / not reviewed")
    return "\n".join([head] + body)


def _setback_text(code, setbacks, openings, rules_note) -> str:
    parts = []
    if setbacks is not None and len(setbacks):
        for r in setbacks[setbacks["DKBH"] == code].itertuples():
            dist = "未赋值" if not np.isfinite(r.TX) else f"{r.TX:g} m"
            parts.append(f"退线：{r.DLMC or '道路'}（{r.DLDJ}）{dist}（{r.ZT}）")
    if openings is not None and len(openings):
        for r in openings[openings["DKBH"] == code].drop_duplicates(["DLDJ", "JL"]).itertuples():
            parts.append(f"禁止开口：{r.DLDJ}距交叉口 {r.JL:g} m 内（{r.ZT}）")
    if not parts:
        parts.append("退线、禁止开口：本地块不临道路或未给道路图层")
    if rules_note:
        parts.append(rules_note)
    return "\n".join(dict.fromkeys(parts))


def _cover_text(info, plan, n_plots, scrs, rules_note) -> str:
    lines = [info.get("project", ""), "地块图则 / Plot sheets", "", f"编制单位：{info.get('organisation', '') or '—'}",
             f"日期：{info.get('date', '')}", "",
             f"地块 {n_plots} 个：图则 {len(plan.sheets)} 页；面积小于 {plan.min_area:,.0f} ㎡ 的 {len(plan.small)} 个"
             f"地块列于小地块清单。",
             f"界址点坐标：{scrs.name}（EPSG:{scrs.to_epsg() or '—'}），X 为北坐标、Y 为东坐标，单位米，保留 3 位小数；"
             "界址点自地块西北角起顺时针编号。"]
    if rules_note:
        lines.append(rules_note)
    return "\n".join(lines)


def _road_layers(plots, table, inp: SheetInputs):
    """(red lines, setbacks, openings) — None each when there is no road layer."""
    if inp.roads is None or not len(inp.roads):
        return None, None, None
    roads = inp.roads
    red = road_redlines(roads, width_field=inp.road_width)
    n = len(roads)
    names = roads[inp.road_name].astype(str).to_numpy() if inp.road_name else np.full(n, "", dtype=object)
    classes = roads[inp.road_class].astype(str).to_numpy() if inp.road_class else np.full(n, "", dtype=object)
    widths = (pd.to_numeric(roads[inp.road_width], errors="coerce").to_numpy(dtype=float) if inp.road_width
              else np.full(n, np.nan))
    has = np.array([g is not None for g in red])
    redlines = gpd.GeoDataFrame({"DLMC": names[has], "DLDJ": classes[has]}, geometry=list(red[has]), crs=plots.crs)
    pl = gpd.GeoDataFrame({"DKBH": table["DKBH"].astype(str).to_numpy()},
                          geometry=plots.geometry.loc[table.index].values, crs=plots.crs)
    rules = inp.road_rules or {}
    if not inp.road_class:
        return redlines, None, None
    sb = setback_lines(pl, red, classes, names, rules)
    setbacks = gpd.GeoDataFrame(sb, geometry="geometry", crs=plots.crs)
    lines = roads.geometry.to_numpy() if roads.geom_type.str.contains("Line").all() else None
    openings = None
    if lines is not None:
        op = no_opening_segments(pl, lines, red, classes, widths, rules)
        openings = gpd.GeoDataFrame(op, geometry="geometry", crs=plots.crs)
    return redlines, setbacks, openings


def sheet_content(plots, table, inp: SheetInputs, *, info: dict, min_area: float = 0.0, prefix: str = "TZ-",
                  survey=None) -> SheetContent:
    """The atlas content for ``plots`` (GeoDataFrame in the drawing CRS) and ``table`` (plot_sheet_table of them).
    ``survey``: the CRS of the 界址点 table (default :func:`survey_crs` of the drawing CRS; give that of the layer's
    own CRS, so that plots in degrees get the zone with its prefix)."""
    plan = plan_pages(table, min_area=min_area, prefix=prefix)
    scrs = survey if survey is not None else survey_crs(plots.crs, tuple(plots.total_bounds))
    sheet_plots = plots.loc[plan.sheets.index]
    sheet_plots = gpd.GeoDataFrame({"DKBH": plan.sheets["DKBH"].astype(str).to_numpy()},
                                   geometry=sheet_plots.geometry.values, crs=plots.crs)
    points = boundary_points(gpd.GeoDataFrame({"DKBH": table["DKBH"].astype(str).to_numpy()},
                                              geometry=plots.geometry.loc[table.index].values, crs=plots.crs),
                             crs=scrs)
    edges = gpd.GeoDataFrame(boundary_edges(points), geometry="geometry", crs=plots.crs)
    redlines, setbacks, openings = _road_layers(plots, table, inp)
    units, clusters = _level(inp.units, plots, table, "DYBH"), _level(inp.clusters, plots, table, "ZTBH")
    zone_src = clusters if len(clusters) else plots
    zone = shapely.union_all(zone_src.geometry.values)
    coverage = _coverage(plan, table, sheet_plots, points, setbacks, openings, zone, scrs, inp, info)
    index = plan.index.merge(table[["DKBH", "_HA", "SCJL"]].assign(DKBH=table["DKBH"].astype(str)), on="DKBH",
                             how="left")
    index["T_MJ"] = [f"{v:,.4f}" for v in index["_HA"]]
    small = plan.small.copy()
    small["T_MJ"] = [f"{v:,.2f}" for v in pd.to_numeric(small["YDMJ"], errors="coerce")]
    return SheetContent(coverage, points, edges, redlines, setbacks, openings, units, clusters, index, small, scrs,
                        zone)


def _coverage(plan, table, sheet_plots, points, setbacks, openings, zone, scrs, inp: SheetInputs, info):
    """One row per page: its kind, number, scale and ready strings (cover, index, sheets, list)."""
    lines = review_lines(plan.sheets["DKBH"], inp.conflicts, sources=RULE_SOURCES, result_of=row_result,
                         actions=None if inp.conflicts is None else _actions_of(inp.conflicts))
    counts = points.groupby("DKBH").size()
    total = plan.count
    rows = []
    base = {"YMLX": "", "YM": 0, "ZS": total, "BLC": map_scale(zone.bounds, margin=0.03), "TH": "", "T_TITLE": "",
            "T_PAGE": "", "T_FILE": "", "T_SCYJ": "", "T_TXSM": "", "T_COVER": "",
            "T_ZBXT": f"（{scrs.name}，X 北 / Y 东，m）"}
    box = shapely.box(*zone.bounds)
    rows.append(dict(base, YMLX="cover", YM=1, T_TITLE=f"{info.get('project', '')} 地块图则", T_PAGE="封面",
                     T_FILE="00_封面", T_COVER=_cover_text(info, plan, len(table), scrs, inp.road_rules_note),
                     geometry=box))
    for kind, page, k in plan.pages:
        if kind in ("index", "list"):
            title = "图则目录 / Index" if kind == "index" else "小地块清单 / Plots below the minimum area"
            name = ("01_目录" if kind == "index" else "99_小地块清单") + (f"_{k}" if k > 1 else "")
            rows.append(dict(base, YMLX=kind, YM=page, T_TITLE=title, T_PAGE=name, T_FILE=name, geometry=box))
    for (_, r), geom in zip(plan.sheets.iterrows(), sheet_plots.geometry):
        code = str(r["DKBH"])
        n_pts = int(counts.get(code, 0))
        txsm = _setback_text(code, setbacks, openings, inp.road_rules_note)
        if n_pts > POINT_ROWS:
            txsm = f"界址点共 {n_pts} 个，表中列前 {POINT_ROWS} 个，全部见界址点坐标表（CSV）。\n" + txsm
        rec = {c: r[c] for c in table.columns if c.startswith("T_")}
        rec.update(YMLX="sheet", YM=int(r["YM"]), ZS=total, TH=r["TH"], DKBH=code, DYBH=r.get("DYBH"),
                   ZTBH=r.get("ZTBH"), T_TITLE=f"{code} 地块图则", T_PAGE=code, T_FILE=f"图则_{code}",
                   T_SCYJ=_review_text(r, lines.get(code)), T_TXSM=txsm, T_COVER="", T_ZBXT=base["T_ZBXT"],
                   BLC=map_scale(geom.bounds), geometry=geom)
        rows.append(rec)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=sheet_plots.crs)


def _actions_of(conflicts) -> dict:
    """rule id → suggested action of each rule in the conflict layer (for its worst result)."""
    out = {}
    order = ("不合规", "需核实", "需核实（疑似边界误差）")
    for rid, rows in conflicts.groupby("GZBH"):
        msgs = rows["SM"].astype(str) if "SM" in rows.columns else [""] * len(rows)
        results = {row_result(v, m) for v, m in zip(rows["YZCD"].astype(str), msgs)}
        worst = next((r for r in order if r in results), None)
        out[str(rid)] = action_for(str(rid), worst)[0] if worst else ""
    return out
