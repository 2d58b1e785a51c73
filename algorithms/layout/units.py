"""组团划分单元 — cut road corridors (道路红线) out of the clusters, then split or merge the rest into units.

Corridors are the planned centre lines buffered by half their red-line width with flat ends and mitred
bends. Dangling ends that stop short of another road (within half their width) are extended onto it, ends
shared by several roads get a disc of the widest half-width (no notch at corners), and the buffers are made
disjoint by giving overlaps to the wider road — so crossings have no slivers and corridors and units meet
without gaps. Output corridor fields: ``ZTBH``, ``DLDJ`` (class), ``HXKD`` (width, m), ``DLCD`` (centre-line
length in the cluster, m), ``YDMJ`` (m²).
"""
from __future__ import annotations

import math
from typing import Mapping, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..crs import m2_to_ha, m2_to_mu
from ..errors import InputError
from ..findings import Finding
from ..geometry import prepare_polygons
from ..progress import Progress
from ..schema import DEFAULT_CODES, CodeFormat
from .common import is_blank, log_quality, merge_small, order_along, quality_figures, safe_op, same_crs
from .split import SplitJob, frames_of, polygon_parts, split_recursive

__all__ = ["subdivide_units", "road_corridors", "DEFAULT_ROAD_WIDTHS"]

#: red-line width (m) per road class when a road has no width of its own; a planning default, editable
#: by the caller (these are the usual widths of the classes in Chinese park plans, not a standard's limits)
DEFAULT_ROAD_WIDTHS: dict[str, float] = {"主干路": 40.0, "次干路": 30.0, "支路": 20.0}


def _road_lines(roads, layer="道路"):
    g = np.asarray(roads.geometry.values, dtype=object)
    present = ~shapely.is_missing(g)
    present[present] = ~shapely.is_empty(g[present])
    t = shapely.get_type_id(g[present])
    bad = ~np.isin(t, [1, 5])
    if bad.any():
        name = {0: "Point", 3: "Polygon", 4: "MultiPoint", 6: "MultiPolygon", 7: "GeometryCollection"}.get(
            int(t[bad][0]), "?")
        raise InputError("E_NOT_LINE", layer=layer, geom_type=name)
    return present


def _widths(roads, width_field, class_field, class_widths, default_width, findings):
    w = np.full(len(roads), np.nan)
    cls = [None] * len(roads)
    for i in range(len(roads)):
        row = roads.iloc[i]
        c = row[class_field] if class_field and class_field in roads.columns else None
        cls[i] = None if is_blank(c) else str(c).strip()
        v = row[width_field] if width_field and width_field in roads.columns else None
        try:
            v = None if is_blank(v) else float(v)
        except (TypeError, ValueError):
            v = None
        if v is not None and v > 0:
            w[i] = v
        elif cls[i] is not None and cls[i] in class_widths:
            w[i] = float(class_widths[cls[i]])
        elif default_width is not None and default_width > 0:
            w[i] = float(default_width)
        else:
            findings.append(Finding("LAYOUT-ROAD-NO-WIDTH", "道路无红线宽度", "warning", f"#{roads.index[i]}",
                                    f"道路 #{roads.index[i]}（等级“{cls[i] or ''}”）无宽度且等级无默认宽度，已忽略 / road "
                                    f"#{roads.index[i]} (class '{cls[i] or ''}') has no width and its class no "
                                    "default; ignored", geometry=roads.geometry.iloc[i]))
    return w, cls


def _extend_ends(lines: np.ndarray, half: np.ndarray, targets=None) -> np.ndarray:
    """Extend each dangling end that stops short of another line or of a ``targets`` line (cluster
    boundaries; gap ≤ its half-width) onto it."""
    out = lines.copy()
    n = len(lines)
    if targets is not None and len(targets):
        lines = np.concatenate([lines, np.asarray(targets, dtype=object)])
    tree = shapely.STRtree(lines)
    for i, ln in enumerate(lines[:n]):
        coords = shapely.get_coordinates(ln)
        changed = False
        for end in (0, -1):
            p = shapely.Point(coords[end])
            near = tree.query(p, predicate="dwithin", distance=half[i])
            near = near[near != i]
            if not len(near):
                continue
            d = shapely.distance(p, lines[near])
            if (d <= 1e-6).any():
                continue
            j = near[np.lexsort((near, d))[0]]
            q = shapely.get_coordinates(shapely.shortest_line(p, lines[j]))[-1]
            coords = np.vstack([q, coords]) if end == 0 else np.vstack([coords, q])
            changed = True
        if changed:
            out[i] = shapely.LineString(coords)
    return out


def road_corridors(roads, *, width_field: str = "HXKD", class_field: str = "DLDJ",
                   class_widths: Optional[Mapping[str, float]] = None, default_width: Optional[float] = None,
                   findings: Optional[list] = None, snap_to=None):
    """Disjoint corridor polygons, one per road feature: ``GeoDataFrame`` with DLDJ, HXKD, geometry
    (index = the road's index); wider roads win where corridors overlap. ``snap_to``: further lines (e.g.
    cluster boundaries) onto which short dangling ends are extended."""
    findings = [] if findings is None else findings
    class_widths = DEFAULT_ROAD_WIDTHS if class_widths is None else class_widths
    present = _road_lines(roads)
    roads = roads[present]
    w, cls = _widths(roads, width_field, class_field, class_widths, default_width, findings)
    ok = np.isfinite(w)
    roads, w, cls = roads[ok], w[ok], [c for c, k in zip(cls, ok) if k]
    lines = shapely.force_2d(np.asarray(roads.geometry.values, dtype=object))
    lines = np.array([shapely.line_merge(g) if g.geom_type == "MultiLineString" else g for g in lines],
                     dtype=object)
    single = np.array([g.geom_type == "LineString" for g in lines])
    if single.any():
        lines[single] = _extend_ends(lines[single], w[single] / 2.0, snap_to)
    buf = shapely.buffer(lines, w / 2.0, cap_style="flat", join_style="mitre", mitre_limit=2.0)
    # discs at ends shared by two or more roads (L-junctions, bends split into features)
    ends = {}
    for i, g in enumerate(lines):
        for part in shapely.get_parts(g):
            c = shapely.get_coordinates(part)
            for p in (c[0], c[-1]):
                ends.setdefault((round(p[0], 3), round(p[1], 3)), set()).add(i)
    extra = [[] for _ in lines]
    for (x, y), members in sorted(ends.items()):
        if len(members) >= 2:
            members = sorted(members, key=lambda k: (-w[k], k))
            extra[members[0]].append(shapely.Point(x, y).buffer(w[members[0]] / 2.0, quad_segs=8))
    buf = np.array([shapely.union_all([b] + e) if e else b for b, e in zip(buf, extra)], dtype=object)
    order = np.lexsort((np.arange(len(w)), -w))
    tree = shapely.STRtree(buf)
    out = np.empty(len(buf), dtype=object)
    rank = np.empty(len(w), int)
    rank[order] = np.arange(len(w))
    for i in order:
        near = tree.query(buf[i], predicate="intersects")
        prior = near[rank[near] < rank[i]]
        out[i] = shapely.difference(buf[i], shapely.union_all(buf[prior])) if len(prior) else buf[i]
    return gpd.GeoDataFrame({"DLDJ": cls, "HXKD": w, "_line": list(lines)}, index=roads.index,
                            geometry=gpd.GeoSeries(list(out), index=roads.index, crs=roads.crs), crs=roads.crs)


def _polygonal(g):
    """A Polygon or MultiPolygon of the polygonal parts of ``g`` (a geometry or a list of polygons)."""
    parts = polygon_parts(g) if not isinstance(g, list) else g
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def _cluster_codes(clusters, code_format):
    out = []
    col = clusters["ZTBH"] if "ZTBH" in clusters.columns else [None] * len(clusters)
    for i, v in enumerate(col):
        out.append(str(v) if not is_blank(v) else code_format.cluster_code(i + 1))
    return out


def _corridor_rows(cg, roads, crs, findings, width_field, class_field, class_widths, default_width):
    """``(rows, corridors)``: ``[cluster, road, corridor part, centre-line length]`` per cluster crossed by a road
    corridor, and the corridors (None without roads)."""
    corr_rows = []
    if roads is None or not len(roads):
        return corr_rows, None
    roads = same_crs(roads, crs)
    cor = road_corridors(roads, width_field=width_field, class_field=class_field, class_widths=class_widths,
                         default_width=default_width, findings=findings, snap_to=shapely.boundary(cg))
    rg = np.asarray(cor.geometry.values, dtype=object)
    ci, ri = shapely.STRtree(rg).query(cg, predicate="intersects")
    inter = shapely.intersection(cg[ci], rg[ri]) if len(ci) else []
    lines = np.asarray(cor["_line"].to_numpy(), dtype=object)
    llen = shapely.length(shapely.intersection(lines[ri], cg[ci])) if len(ci) else []
    for c, r, g, ln in zip(ci, ri, inter, llen):
        parts = polygon_parts(g)
        if parts and sum(p.area for p in parts) > 1e-6:
            corr_rows.append([int(c), int(r), _polygonal(parts), float(ln)])
    return corr_rows, cor


def _cut_clusters(cg, corr_rows, corr_by_cluster, lo, max_unit_area, progress):
    """``(geoms, owners)``: the clusters less their corridors, cut into pieces of at most ``max_unit_area``
    (the cut pieces, then the offcuts), and the cluster of each."""
    rest = [shapely.difference(cg[c], shapely.union_all([corr_rows[k][2] for k in ks])) if ks else cg[c]
            for c, ks in enumerate(corr_by_cluster)]
    pieces, owner = [], []
    for c, g in enumerate(rest):
        for p in polygon_parts(g):
            pieces.append(p)
            owner.append(c)
    frames = frames_of(pieces) if pieces else []
    jobs = []
    for p, c, f in zip(pieces, owner, frames):
        n = max(1, int(math.ceil(p.area / max_unit_area - 1e-9))) if math.isfinite(max_unit_area) else 1
        jobs.append(SplitJob(p, n, f, c, p.area / n, lo, max_unit_area))
    done, off = split_recursive(jobs, progress=progress.sub(20, 70), total_hint=sum(j.n for j in jobs))
    geoms = [j.geom for j in done] + [j.geom for j in off]
    own = [j.owner for j in done] + [j.owner for j in off]
    return geoms, own


def _isolated_to_corridors(isolated, merged, kept, own, corr_rows, corr_by_cluster, lo, findings, ccode):
    """``(merged, kept)`` without the isolated small pieces given to the corridor along which they lie longest
    (a finding for those that touch no corridor either; they stay units)."""
    for i in isolated:  # touches no unit of its cluster: give it to the adjacent corridor
        c = own[i]
        ks = corr_by_cluster[c]
        pos = [k for k, r in enumerate(kept) if r == i]
        g = shapely.union_all([merged[k] for k in pos])
        lens = [float(shapely.length(shapely.intersection(shapely.boundary(g), shapely.boundary(corr_rows[k][2]))))
                for k in ks]
        if ks and max(lens) > 1e-9:
            k = ks[int(np.argmax(lens))]
            corr_rows[k][2] = _polygonal(safe_op(shapely.union, corr_rows[k][2], g))
            for p in reversed(pos):
                merged.pop(p)
                kept.pop(p)
        else:
            findings.append(Finding("LAYOUT-UNIT-SMALL", "单元小于最小面积", "warning", ccode[c],
                                    f"组团 {ccode[c]} 中 {g.area:.1f} m² 的孤立碎片无相邻单元或道路，保留为单元 / an isolated "
                                    f"piece of {g.area:.1f} m² in cluster {ccode[c]} touches no unit or road; kept",
                                    value=float(g.area), limit=lo, unit="m²", geometry=g))
    return merged, kept


def _small_cluster_findings(idx, geoms, areas, own, lo, ccode) -> list:
    """Findings for the clusters whose buildable part is one piece below the minimum unit area (kept as a unit)."""
    return [Finding("LAYOUT-UNIT-SMALL", "单元小于最小面积", "warning", ccode[own[i]],
                    f"组团 {ccode[own[i]]} 的可建设部分仅 {areas[i]:.1f} m²，小于最小单元面积，保留为一个单元 / "
                    f"the buildable part of cluster {ccode[own[i]]} is {areas[i]:.1f} m², below the "
                    "minimum unit area; kept as one unit", value=float(areas[i]), limit=lo, unit="m²",
                    geometry=geoms[i]) for i in idx]


def _unit_quality(units, corridors, cg, min_unit_area, max_unit_area) -> dict:
    """The units' quality figures with the corridor and cluster areas and the area balance error."""
    q = quality_figures(units["YDMJ"].to_numpy(), units.geometry.values, lo=min_unit_area, hi=max_unit_area)
    q["corridor_area"] = float(corridors["YDMJ"].sum()) if len(corridors) else 0.0
    q["cluster_area"] = float(shapely.area(cg).sum())
    q["balance_error"] = float(q["cluster_area"] - q["corridor_area"] - units["YDMJ"].sum())
    return q


def subdivide_units(clusters, roads=None, *, width_field: str = "HXKD", class_field: str = "DLDJ",
                    class_widths: Optional[Mapping[str, float]] = None, default_width: Optional[float] = None,
                    min_unit_area: float = 0.0, max_unit_area: float = math.inf, sliver_area: float = 1.0,
                    code_format: CodeFormat = DEFAULT_CODES, progress: Optional[Progress] = None):
    """Cut road corridors out of ``clusters`` and split the rest into units (all in one metre CRS).

    Pieces larger than ``max_unit_area`` are cut into near-equal, near-rectangular units along their main
    orientation; pieces below ``min_unit_area`` (or ``sliver_area``) merge into the neighbouring unit of the
    same cluster that shares the longest edge (into the corridor when they touch no unit).
    Returns ``(units, corridors, findings, quality)``.
    """
    if not min_unit_area >= 0 or not max_unit_area > 0 or max_unit_area < min_unit_area:      # NaN too
        raise InputError("E_BAD_PARAMETER", name="min_unit_area/max_unit_area", value=f"{min_unit_area}/{max_unit_area}",
                         reason_zh="须 0 ≤ 最小单元面积 ≤ 最大单元面积", reason_en="need 0 ≤ min ≤ max unit area")
    progress = progress or Progress()
    clusters, findings = prepare_polygons(clusters, layer="组团", code_field="ZTBH")
    clusters = clusters.reset_index(drop=True)
    cg = np.asarray(clusters.geometry.values, dtype=object)
    ccode = _cluster_codes(clusters, code_format)
    progress(5, "单元划分：道路红线 / units: road corridors")
    corr_rows, cor = _corridor_rows(cg, roads, clusters.crs, findings, width_field, class_field, class_widths,
                                    default_width)
    progress(20, "单元划分：切分 / units: cutting")
    corr_by_cluster = [[k for k, row in enumerate(corr_rows) if row[0] == c] for c in range(len(cg))]
    lo = max(min_unit_area, sliver_area)
    geoms, own = _cut_clusters(cg, corr_rows, corr_by_cluster, lo, max_unit_area, progress)
    areas = shapely.area(np.asarray(geoms, dtype=object)) if geoms else np.array([])
    small = areas < lo
    # a cluster that is one small piece stays a unit (with a warning)
    counts = pd.Series(own).value_counts() if own else pd.Series(dtype=int)
    alone = np.array([counts[o] == 1 for o in own], bool) if own else np.zeros(0, bool)
    progress(75, "单元划分：合并碎片 / units: merging slivers")
    merged, kept, isolated = merge_small(geoms, own, small & ~alone)
    merged, kept = _isolated_to_corridors(isolated, merged, kept, own, corr_rows, corr_by_cluster, lo, findings,
                                          ccode)
    uown = np.array([own[i] for i in kept], dtype=int)
    merged, uown = _absorb_leftovers(merged, uown, lo, corr_rows, corr_by_cluster, findings, ccode)
    findings += _small_cluster_findings(np.flatnonzero(small & alone), geoms, areas, own, lo, ccode)
    progress(85, "单元划分：编码 / units: codes")
    units = _assemble_units(clusters, cg, ccode, merged, uown, code_format)
    corridors = _assemble_corridors(corr_rows, cor if corr_rows else None, ccode, clusters.crs)
    q = _unit_quality(units, corridors, cg, min_unit_area, max_unit_area)
    log_quality(progress, "单元划分质量 / unit quality", q)
    progress(100, "")
    return units, corridors, findings, q


def _near_length(g, others, tol: float = 1e-3) -> np.ndarray:
    """Length of each of ``others``' boundary within ``tol`` of ``g``'s boundary (robust to float noise)."""
    if not len(others):
        return np.zeros(0)
    zone = shapely.buffer(shapely.boundary(g), tol, quad_segs=1)
    return shapely.length(safe_op(shapely.intersection, shapely.boundary(np.asarray(others, dtype=object)), zone))


def _absorb_leftovers(units, uown, lo, corr_rows, corr_by_cluster, findings, ccode):
    """A last pass: any unit still below ``lo`` in a cluster with other units joins the unit or corridor
    along which it lies longest; float-noise crumbs (< 0.001 m²) that touch nothing are dropped."""
    units = list(units)
    keep = np.ones(len(units), bool)
    areas = shapely.area(np.asarray(units, dtype=object)) if units else np.zeros(0)
    for i in np.argsort(areas, kind="stable"):
        if areas[i] >= lo or (uown == uown[i]).sum() == 1:
            continue
        c = uown[i]
        mates = [j for j in np.flatnonzero((uown == c) & keep) if j != i]
        ul = _near_length(units[i], [units[j] for j in mates])
        ks = corr_by_cluster[c]
        cl = _near_length(units[i], [corr_rows[k][2] for k in ks])
        if len(ul) and ul.max() > 1e-6 and (not len(cl) or ul.max() >= cl.max()):
            j = mates[int(np.argmax(ul))]
            g = polygon_parts(safe_op(shapely.union, units[j], units[i]))
            if len(g) != 1:
                g = polygon_parts(shapely.union(units[j], units[i], grid_size=1e-6))
            if len(g) == 1:
                units[j], keep[i] = g[0], False
                continue
        if len(cl) and cl.max() > 1e-6:
            k = ks[int(np.argmax(cl))]
            corr_rows[k][2] = _polygonal(safe_op(shapely.union, corr_rows[k][2], units[i]))
            keep[i] = False
            continue
        if areas[i] < 1e-3:
            keep[i] = False
            continue
        findings.append(Finding("LAYOUT-UNIT-SMALL", "单元小于最小面积", "warning", ccode[c],
                                f"组团 {ccode[c]} 中 {areas[i]:.1f} m² 的碎片无相邻单元或道路，保留为单元 / a piece of "
                                f"{areas[i]:.1f} m² in cluster {ccode[c]} touches no unit or road; kept",
                                value=float(areas[i]), limit=lo, unit="m²", geometry=units[i]))
    return [g for g, k in zip(units, keep) if k], uown[keep]


def _assemble_units(clusters, cg, ccode, geoms, own, code_format):
    geoms = np.asarray(geoms, dtype=object)
    cframes = frames_of(cg)
    order, codes = [], []
    for c in range(len(cg)):
        idx = np.flatnonzero(own == c)
        o = idx[order_along(geoms[idx], cframes[c])] if len(idx) else idx
        order.extend(o)
        codes.extend(code_format.unit_code(ccode[c], k + 1) for k in range(len(o)))
    order = np.asarray(order, dtype=int)
    # a GeoPackage's feature id is not an attribute to inherit (the units get their own)
    drop = [clusters.geometry.name] + [c for c in clusters.columns if str(c).lower() in ("fid", "ogc_fid")]
    attrs = pd.DataFrame(clusters.drop(columns=drop)).iloc[own[order]].reset_index(drop=True)
    attrs["ZTBH"] = [ccode[c] for c in own[order]]
    a = shapely.area(geoms[order]) if len(order) else np.array([])
    attrs.insert(0, "DYBH", codes)
    attrs["YDMJ"], attrs["MJGQ"], attrs["MJMU"] = a, m2_to_ha(a), m2_to_mu(a)
    return gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries(list(geoms[order]), crs=clusters.crs), crs=clusters.crs)


def _assemble_corridors(rows, cor, ccode, crs):
    if not rows:
        return gpd.GeoDataFrame({"ZTBH": [], "DLDJ": [], "HXKD": [], "DLCD": [], "YDMJ": []},
                                geometry=gpd.GeoSeries([], crs=crs), crs=crs)
    g = [r[2] for r in rows]
    a = shapely.area(np.asarray(g, dtype=object))
    df = pd.DataFrame({"ZTBH": [ccode[r[0]] for r in rows], "DLDJ": [cor["DLDJ"].iat[r[1]] for r in rows],
                       "HXKD": [float(cor["HXKD"].iat[r[1]]) for r in rows], "DLCD": [r[3] for r in rows],
                       "YDMJ": a, "MJGQ": m2_to_ha(a)})
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(g, crs=crs), crs=crs)
