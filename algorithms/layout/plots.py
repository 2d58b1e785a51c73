"""单元划分地块 — subdivide units into plots near a target area, on the cadastral base.

Already supplied parcels (已供地) are kept intact as plots; with ``respect_cadastre`` new plots never cross a
parcel boundary. The rest is cut by recursive exact-area straight cuts across the long side (in the unit's
main orientation), preferring cuts that leave every plot on a road-facing edge; offcuts below the minimum are
merged into the neighbour sharing the longest edge.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..crs import m2_to_ha, m2_to_mu
from ..errors import InputError
from ..findings import Finding
from ..geometry import prepare_polygons
from ..progress import Progress
from ..schema import DEFAULT_CODES, PLOT, CodeFormat
from .common import check_area_params, is_blank, log_quality, merge_small, order_along, quality_figures, same_crs
from .split import SplitJob, choose_count, frames_of, min_rectangles, polygon_parts, split_recursive

__all__ = ["subdivide_plots", "SUPPLIED", "NOT_SUPPLIED", "road_zone"]

SUPPLIED = "已供地"
NOT_SUPPLIED = "未供地"


def road_zone(roads, *, tolerance: float = 1.0, line_distance: float = 25.0):
    """Polygons within which a plot edge counts as road-facing: road corridors grown by ``tolerance``, or
    centre lines grown by half their red-line width ``HXKD`` + ``tolerance`` (``line_distance`` without a
    width). Raises for points."""
    if roads is None or len(roads) == 0:
        return None
    g = np.asarray(roads.geometry.values, dtype=object)
    keep = ~shapely.is_missing(g)
    keep[keep] = ~shapely.is_empty(g[keep])
    g = g[keep]
    types = set(shapely.get_type_id(g).tolist())
    if types & {0, 4}:
        raise InputError("E_NOT_POLYGON", layer="roads", geom_type="Point")
    poly = np.isin(shapely.get_type_id(g), [3, 6])
    dist = np.full(len(g), float(line_distance))
    if "HXKD" in roads.columns:  # centre lines with a red-line width: half the width from the line
        w = pd.to_numeric(roads["HXKD"], errors="coerce").to_numpy(float)[keep]
        dist = np.where(np.isfinite(w) & (w > 0), w / 2.0 + tolerance, dist)
    out = np.concatenate([shapely.buffer(g[poly], tolerance), shapely.buffer(g[~poly], dist[~poly])])
    return out


def _unit_value(row, field: str, default: float) -> float:
    if field in row.index and not is_blank(row[field]):
        try:
            v = float(row[field])
        except (TypeError, ValueError):
            return default
        if v > 0:
            return v
    return default


def _frontage_lines(units_geoms, zone):
    """Road-facing parts of each unit's boundary (or its exterior rings when no roads are given)."""
    bnd = shapely.boundary(units_geoms)
    if zone is None:
        ext = [shapely.multilinestrings([shapely.get_exterior_ring(p) for p in shapely.get_parts(g)])
               for g in units_geoms]
        return np.array(ext, dtype=object)
    tree = shapely.STRtree(zone)
    ui, zi = tree.query(units_geoms, predicate="intersects")
    out = np.full(len(units_geoms), None, dtype=object)
    for u in range(len(units_geoms)):
        sel = zi[ui == u]
        out[u] = shapely.intersection(bnd[u], shapely.union_all(zone[sel])) if len(sel) else \
            shapely.MultiLineString()
    return out


def _supplied_mask(cadastre, supplied, supplied_field, supplied_values):
    if cadastre is None:
        return None
    if supplied is not None:
        m = np.asarray(supplied, dtype=bool)
        if len(m) != len(cadastre):
            raise InputError("E_BAD_PARAMETER", name="supplied", value=len(m),
                             reason_zh="已供地标记数与宗地数不一致", reason_en="one flag per parcel is needed")
        return m
    if supplied_field and supplied_field in cadastre.columns:
        return cadastre[supplied_field].astype(str).str.strip().isin(list(supplied_values)).to_numpy()
    return np.zeros(len(cadastre), bool)


def _unit_params(units, codes, defaults, fields) -> list[tuple[float, float, float]]:
    """``(target, min, max)`` plot area per unit: its own ``fields`` where set, else ``defaults``; raises
    unless min ≤ target ≤ max."""
    (target, lo, hi), (target_field, min_field, max_field) = defaults, fields
    params = [(_unit_value(r, target_field, target), _unit_value(r, min_field, lo), _unit_value(r, max_field, hi))
              for _, r in units.iterrows()]
    for i, (t, a, b) in enumerate(params):
        if not (0 <= a <= t <= b):
            raise InputError("E_BAD_PARAMETER", name=f"{target_field}/{min_field}/{max_field}", value=codes[i],
                             reason_zh="单元的目标、最小、最大面积须满足 最小 ≤ 目标 ≤ 最大",
                             reason_en="a unit's areas must satisfy min ≤ target ≤ max")
    return params


def _plot_jobs(base, params, ug, unit_area, frames, front, codes, findings):
    """``(jobs, fixed)``: a split job per piece to cut, and the indices of the pieces kept whole (supplied parcels);
    a finding for each unit below its minimum plot area (it becomes one plot)."""
    pieces, owners, tags, fixed = base
    jobs, plots_fixed = [], []
    for k, (g, u, tag, fx) in enumerate(zip(pieces, owners, tags, fixed)):
        t, a, b = params[u]
        if fx:
            plots_fixed.append(k)
            continue
        area = g.area
        if unit_area[u] < a:
            findings.append(Finding("LAYOUT-UNIT-SMALL", "单元小于最小地块面积", "warning", codes[u],
                                    f"单元 {codes[u]} 面积 {unit_area[u]:.1f} m² 小于最小地块面积 {a:.1f} m²，整体作为一个地块 / "
                                    f"unit {codes[u]} ({unit_area[u]:.1f} m²) is smaller than the minimum plot area "
                                    f"{a:.1f} m²; it becomes one plot", value=float(unit_area[u]), limit=a,
                                    unit="m²", geometry=ug[u]))
        n = choose_count(area, t, a, b) if area >= a or unit_area[u] < a else 0
        jobs.append(SplitJob(g, max(n, 1), frames[u], u, area / max(n, 1), a, b, front[u], tag))
    return jobs, plots_fixed


def _plot_pieces(done, offcuts, plots_fixed, base):
    """``(geoms, owners, tags, fixed)`` of the cut plots, then the offcuts, then the pieces kept whole."""
    pieces, owners, tags, _ = base
    geoms = [j.geom for j in done] + [j.geom for j in offcuts] + [pieces[k] for k in plots_fixed]
    own = [j.owner for j in done] + [j.owner for j in offcuts] + [owners[k] for k in plots_fixed]
    tg = [j.tag for j in done] + [j.tag for j in offcuts] + [tags[k] for k in plots_fixed]
    is_fixed = np.array([False] * (len(done) + len(offcuts)) + [True] * len(plots_fixed))
    return geoms, own, tg, is_fixed


def _offcuts(geoms, own, is_fixed, params, unit_area):
    """``(areas, lo_of, small)``: each plot's area and its unit's minimum, and which plots are offcuts to merge
    (below the minimum, not kept whole, in a unit not itself below it)."""
    areas = shapely.area(np.asarray(geoms, dtype=object)) if geoms else np.array([])
    lo_of = np.array([params[u][1] for u in own]) if own else np.array([])
    small_mask = ~is_fixed & (areas < lo_of * (1 - 1e-9)) & (unit_area[np.asarray(own, dtype=int)] >= lo_of) \
        if geoms else np.zeros(0, bool)
    return areas, lo_of, small_mask


def _offcut_findings(isolated, geoms, own, areas, lo_of, codes) -> list:
    """Findings for the offcuts kept alone (no neighbour to merge into)."""
    return [Finding("LAYOUT-OFFCUT-KEPT", "零碎地块无相邻地块", "warning", codes[own[i]],
                    f"单元 {codes[own[i]]} 中面积 {areas[i]:.1f} m² 的零碎地块无可合并的相邻地块，单独保留 / "
                    f"an offcut of {areas[i]:.1f} m² in unit {codes[own[i]]} has no neighbour to merge "
                    "into and is kept", value=float(areas[i]), limit=float(lo_of[i]), unit="m²",
                    geometry=geoms[i]) for i in isolated]


def subdivide_plots(units, cadastre=None, *, target_area: float, min_area: Optional[float] = None,
                    max_area: Optional[float] = None, supplied: Optional[Sequence[bool]] = None,
                    supplied_field: str = "GDZT", supplied_values: Sequence[str] = (SUPPLIED,),
                    respect_cadastre: bool = True, roads=None, min_width: float = 0.0,
                    max_aspect: float = math.inf, band: float = 0.2, frontage_tolerance: float = 1.0,
                    line_distance: float = 25.0, target_field: str = "DKMBMJ", min_field: str = "DKZXMJ",
                    max_field: str = "DKZDMJ", code_format: CodeFormat = DEFAULT_CODES,
                    progress: Optional[Progress] = None):
    """Cut ``units`` (单元 polygons, measurement CRS) into plots.

    ``cadastre``: parcels; those flagged by ``supplied`` (one bool per parcel, e.g. an evaluated QGIS
    expression) or by ``supplied_field`` ∈ ``supplied_values`` are kept intact. ``roads``: corridor
    polygons (or centre lines) for frontage. Per-unit ``DKMBMJ``/``DKZXMJ``/``DKZDMJ`` override the areas.
    Returns ``(plots, findings, quality)``.
    """
    target, lo, hi = check_area_params(target_area, min_area, max_area)
    progress = progress or Progress()
    units, findings = prepare_polygons(units, layer="单元", code_field="DYBH")
    units = units.reset_index(drop=True)
    ug = np.asarray(units.geometry.values, dtype=object)
    codes = _unit_codes(units, code_format)
    params = _unit_params(units, codes, (target, lo, hi), (target_field, min_field, max_field))
    frames = frames_of(ug)
    progress(2, "地块划分：准备 / plots: preparing")
    # supplied parcels and, with respect_cadastre, the other parcels partition each unit
    base = _base_pieces(units, ug, same_crs(cadastre, units.crs), supplied, supplied_field, supplied_values,
                        respect_cadastre, findings, [p[1] for p in params])
    zone = road_zone(same_crs(roads, units.crs), tolerance=frontage_tolerance, line_distance=line_distance)
    front = _frontage_lines(ug, zone)
    unit_area = shapely.area(ug)
    jobs, plots_fixed = _plot_jobs(base, params, ug, unit_area, frames, front, codes, findings)
    total = sum(j.n for j in jobs) + len(plots_fixed)
    progress(5, f"地块划分：约 {total} 个地块 / plots: about {total} plots")
    done, offcuts = split_recursive(jobs, min_width=min_width, max_aspect=max_aspect,
                                    progress=progress.sub(5, 85), total_hint=total)
    geoms, own, tg, is_fixed = _plot_pieces(done, offcuts, plots_fixed, base)
    areas, lo_of, small_mask = _offcuts(geoms, own, is_fixed, params, unit_area)
    progress(88, "地块划分：合并零碎地块 / plots: merging offcuts")
    merged, kept, isolated = merge_small(geoms, own, small_mask, locked=is_fixed, tags=tg)
    findings += _offcut_findings(isolated, geoms, own, areas, lo_of, codes)
    plots = _assemble(units, ug, codes, merged, [own[i] for i in kept], [bool(is_fixed[i]) for i in kept],
                      frames, code_format)
    progress(94, "地块划分：检查 / plots: checking")
    q, more = _plot_checks(plots, ug, front, params, codes, target, lo, hi, band, min_width, max_aspect,
                           zone is not None)
    findings += more
    log_quality(progress, "地块划分质量 / plot quality", q)
    progress(100, "")
    return plots, findings, q


def _unit_codes(units, code_format: CodeFormat) -> list[str]:
    codes = []
    for i, v in enumerate(units["DYBH"] if "DYBH" in units.columns else [None] * len(units)):
        codes.append(str(v) if not is_blank(v) else code_format.unit_code(code_format.cluster_code(1), i + 1))
    return codes


def _base_pieces(units, ug, cadastre, supplied, supplied_field, supplied_values, respect, findings, lows):
    """Pieces of each unit to cut independently: supplied parcels (fixed), parcels, and the rest."""
    n = len(ug)
    if cadastre is None or len(cadastre) == 0:
        pieces, owners = [], []
        for u in range(n):
            for p in polygon_parts(ug[u]):
                pieces.append(p)
                owners.append(u)
        return pieces, owners, [None] * len(pieces), [False] * len(pieces)
    mask = _supplied_mask(cadastre, supplied, supplied_field, supplied_values)
    cad, more = prepare_polygons(cadastre.assign(_sup=mask), layer="宗地", require_features=False)
    findings += more
    cg = np.asarray(cad.geometry.values, dtype=object)
    sup = cad["_sup"].to_numpy(bool)
    cid = np.asarray(cad.index)
    pieces, owners, tags, fixed = [], [], [], []
    tree = shapely.STRtree(cg)
    ui, ci = tree.query(ug, predicate="intersects")
    inter = shapely.intersection(ug[ui], cg[ci]) if len(ui) else np.array([], dtype=object)
    pair_parts = [polygon_parts(x) for x in inter]
    pair_area = np.array([sum(p.area for p in ps) for ps in pair_parts])
    inside = np.bincount(ci, weights=pair_area, minlength=len(cg)) if len(ci) else np.zeros(len(cg))
    for u in range(n):
        sel = np.flatnonzero(ui == u)
        rest = ug[u]
        taken = []
        for s in sel:
            c = ci[s]
            if pair_area[s] <= 1e-6 or not sup[c]:
                continue
            for p in pair_parts[s]:
                # a supplied parcel is kept whole; a fragment poking over the unit boundary (less than half of
                # the parcel and less than the unit's minimum plot area) is released and merged like an offcut
                keep = p.area >= min(lows[u], 0.5 * inside[c]) and p.area >= 1.0
                pieces.append(p), owners.append(u), tags.append(("S", cid[c]) if keep else None)
                fixed.append(keep)
            taken.append(inter[s])
        if taken:
            rest = shapely.difference(rest, shapely.union_all(taken))
        if respect:
            others = [s for s in sel if not sup[ci[s]]]
            if others:
                cut = shapely.intersection(rest, cg[ci[others]])
                for s, g in zip(others, cut):
                    for p in polygon_parts(g):
                        pieces.append(p), owners.append(u), tags.append(("P", cid[ci[s]])), fixed.append(False)
                rest = shapely.difference(rest, shapely.union_all(cg[ci[others]]))
        for p in polygon_parts(rest):
            pieces.append(p), owners.append(u), tags.append(None), fixed.append(False)
    ca = shapely.area(cg)
    n_units = np.bincount(ci[pair_area > 0.01], minlength=len(cg)) if len(ci) else np.zeros(len(cg), int)
    for c in np.flatnonzero(sup & (inside > 0) & ((ca - inside > 0.01) | (n_units > 1))):
        out_ = ca[c] - inside[c]
        findings.append(Finding("LAYOUT-SUPPLIED-CROSSES-UNIT", "已供地跨单元或出界", "warning", f"#{cid[c]}",
                                f"已供地宗地 #{cid[c]} 跨 {int(n_units[c])} 个单元、{out_:.2f} m² 不在单元内；按单元边界保留，"
                                f"越界的零碎部分并入相邻地块 / supplied parcel #{cid[c]} spans {int(n_units[c])} units "
                                f"with {out_:.2f} m² outside them; kept as clipped by the units, small fragments merged "
                                "into neighbouring plots", value=float(out_), unit="m²", geometry=cg[c]))
    return pieces, owners, tags, fixed


def _assemble(units, ug, codes, geoms, owners, fixed, frames, code_format: CodeFormat):
    """The plots frame: codes in a stable order per unit, attributes inherited from the unit."""
    geoms = np.asarray(geoms, dtype=object)
    owners = np.asarray(owners, dtype=int)
    fixed = np.asarray(fixed, bool)
    order, dkbh = [], []
    for u in range(len(ug)):
        idx = np.flatnonzero(owners == u)
        if not len(idx):
            continue
        o = idx[order_along(geoms[idx], frames[u])]
        order.extend(o)
        dkbh.extend(code_format.plot_code(codes[u], k + 1) for k in range(len(o)))
    order = np.asarray(order, dtype=int)
    g = geoms[order]
    inherit = [c for c in PLOT.fields if c in units.columns and c not in ("DKBH", "DYBH", "YDMJ", "GDZT")]
    data = {"DKBH": dkbh, "DYBH": [codes[u] for u in owners[order]]}
    for c in inherit:
        data[c] = units[c].to_numpy()[owners[order]]
    a = shapely.area(g)
    data.update({"YDMJ": a, "MJGQ": m2_to_ha(a), "MJMU": m2_to_mu(a),
                 "GDZT": np.where(fixed[order], SUPPLIED, NOT_SUPPLIED)})
    df = pd.DataFrame(data)
    df["_unit"] = owners[order]
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(list(g), crs=units.crs), crs=units.crs)


def _plot_checks(plots, ug, front, params, codes, target, lo, hi, band, min_width, max_aspect, with_roads):
    findings = []
    g = np.asarray(plots.geometry.values, dtype=object)
    u = plots.pop("_unit").to_numpy()
    areas = shapely.area(g)
    # frontage: the road-facing lines of the unit within 1 cm of the plot (cut points are not exactly collinear)
    flen = shapely.length(shapely.intersection(front[u], shapely.buffer(g, 0.01, quad_segs=1, join_style="mitre"))) \
        if len(g) else np.array([])
    has_front = flen >= 1.0  # a corner touch is not frontage
    rect_area, width, long_, _ = min_rectangles(g)
    unit_area = shapely.area(ug)
    for i in range(len(g)):
        code = plots["DKBH"].iat[i]
        t, a, b = params[u[i]]
        fixed = plots["GDZT"].iat[i] == SUPPLIED
        if not has_front[i] and not fixed:
            findings.append(Finding("LAYOUT-NO-FRONTAGE", "地块不临路", "warning", code,
                                    f"地块 {code} 不临{'道路' if with_roads else '单元边界'} / plot {code} has no "
                                    f"{'road' if with_roads else 'unit-boundary'} frontage", value=float(flen[i]),
                                    unit="m", geometry=g[i]))
        if fixed:
            continue
        if (areas[i] < a * (1 - 1e-6) and unit_area[u[i]] >= a) or areas[i] > b * (1 + 1e-6):
            findings.append(Finding("LAYOUT-PLOT-AREA", "地块面积超出范围", "warning", code,
                                    f"地块 {code} 面积 {areas[i]:.1f} m² 不在 [{a:.0f}, {b:.0f}] m² 内 / plot {code} "
                                    f"area {areas[i]:.1f} m² outside [{a:.0f}, {b:.0f}] m²", value=float(areas[i]),
                                    limit=float(a if areas[i] < a else b), unit="m²", geometry=g[i]))
        if min_width > 0 and width[i] < min_width * (1 - 1e-6):
            findings.append(Finding("LAYOUT-NARROW", "地块过窄", "warning", code,
                                    f"地块 {code} 宽度 {width[i]:.1f} m 小于 {min_width:.1f} m / plot {code} is "
                                    f"{width[i]:.1f} m wide, less than {min_width:.1f} m", value=float(width[i]),
                                    limit=min_width, unit="m", geometry=g[i]))
        if math.isfinite(max_aspect) and width[i] > 0 and long_[i] / width[i] > max_aspect * (1 + 1e-6):
            findings.append(Finding("LAYOUT-ASPECT", "地块长宽比过大", "warning", code,
                                    f"地块 {code} 长宽比 {long_[i] / width[i]:.2f} 大于 {max_aspect:.2f} / plot {code} "
                                    f"aspect {long_[i] / width[i]:.2f} exceeds {max_aspect:.2f}",
                                    value=float(long_[i] / width[i]), limit=max_aspect, geometry=g[i]))
    q = quality_figures(areas, g, target=target, lo=lo, hi=hi, band=band, frontage=has_front, rect_area=rect_area)
    q["frontage_basis"] = "roads" if with_roads else "unit_boundary"
    q["supplied_plots"] = int((plots["GDZT"] == SUPPLIED).sum())
    return q, findings
