"""构建层级编码与拓扑检查 — codes and topology of the 组团 / 单元 / 地块 hierarchy.

:func:`check_hierarchy` reports, as :class:`~algorithms.findings.Finding` records with a location:
invalid geometry, multipart units/plots, overlaps within a layer, gaps (parent area not covered by its
children), slivers, children crossing their parent's boundary or lying outside every parent, and missing,
duplicate, malformed or inconsistent codes. :func:`assign_codes` gives hand-drawn layers codes in a stable
order. Tolerances are geometric cleanliness thresholds chosen by the caller, not planning standards.
"""
from __future__ import annotations


import numpy as np
import shapely

from ..findings import Finding
from ..schema import CLUSTER, DEFAULT_CODES, PLOT, UNIT, CodeFormat
from .common import is_blank, order_along, safe_op
from .split import frame_of, frames_of, min_rectangles, polygon_parts

__all__ = ["check_hierarchy", "assign_codes", "parent_of"]

_NAMES = {1: ("组团", "cluster"), 2: ("单元", "unit"), 3: ("地块", "plot")}


def parent_of(children, parents, *, tolerance: float = 0.01) -> np.ndarray:
    """Index (position) of the parent holding the largest share of each child, −1 when none (> tolerance)."""
    cg = np.asarray(children, dtype=object)
    pg = np.asarray(parents, dtype=object)
    out = np.full(len(cg), -1)
    if not len(cg) or not len(pg):
        return out
    ci, pi = shapely.STRtree(pg).query(cg, predicate="intersects")
    if not len(ci):
        return out
    a = shapely.area(safe_op(shapely.intersection, cg[ci], pg[pi]))
    best = np.full(len(cg), tolerance)
    for c, p, ar in zip(ci, pi, a):
        if ar > best[c] or (ar == best[c] and out[c] >= 0 and p < out[c]):
            best[c], out[c] = ar, p
    return out


def _codes(gdf, field):
    if gdf is None or field not in gdf.columns:
        return [None] * (0 if gdf is None else len(gdf))
    return [None if is_blank(v) else str(v) for v in gdf[field]]


def _layer_checks(gdf, level, codes, *, tolerance, sliver_area, sliver_width, code_format) -> list[Finding]:
    zh, en = _NAMES[level]
    out: list[Finding] = []
    g = np.asarray(gdf.geometry.values, dtype=object)
    present = ~shapely.is_missing(g)
    present[present] = ~shapely.is_empty(g[present])
    lbl = [c or f"#{gdf.index[i]}" for i, c in enumerate(codes)]
    for i in np.flatnonzero(~present):
        out.append(Finding("LAYOUT-EMPTY", "空几何", "error", lbl[i], f"{zh} {lbl[i]} 无几何 / {en} {lbl[i]} has no geometry"))
    valid = np.zeros(len(g), bool)
    valid[present] = shapely.is_valid(g[present])
    for i in np.flatnonzero(present & ~valid):
        r = shapely.is_valid_reason(g[i])
        out.append(Finding("LAYOUT-INVALID", "无效几何", "error", lbl[i], f"{zh} {lbl[i]} 几何无效（{r}）/ {en} {lbl[i]} "
                           f"has an invalid geometry ({r})", geometry=shapely.point_on_surface(g[i])))
    ok = np.flatnonzero(present)
    gv = g.copy()
    gv[present & ~valid] = [shapely.make_valid(x) for x in g[present & ~valid]]
    if level > 1:
        for i in ok:
            if len(polygon_parts(gv[i])) > 1:
                out.append(Finding("LAYOUT-MULTIPART", "多部件", "warning", lbl[i], f"{zh} {lbl[i]} 由多个部分组成 / "
                                   f"{en} {lbl[i]} has several parts", geometry=gv[i]))
    # slivers
    widths = min_rectangles(gv[ok])[1] if len(ok) else []
    areas = shapely.area(gv[ok]) if len(ok) else []
    for i, w, a in zip(ok, widths, areas):
        if a < sliver_area or w < sliver_width:
            out.append(Finding("LAYOUT-SLIVER", "碎片", "warning", lbl[i], f"{zh} {lbl[i]} 为碎片（面积 {a:.2f} m²，宽 {w:.2f} m）/ "
                               f"{en} {lbl[i]} is a sliver ({a:.2f} m², {w:.2f} m wide)", value=float(a),
                               limit=sliver_area, unit="m²", geometry=gv[i]))
    # overlaps within the layer
    if len(ok) > 1:
        ii, jj = shapely.STRtree(gv[ok]).query(gv[ok], predicate="intersects")
        m = ii < jj
        ii, jj = ok[ii[m]], ok[jj[m]]
        inter = safe_op(shapely.intersection, gv[ii], gv[jj])
        ar = shapely.area(inter)
        for a, b, x, s in zip(ii, jj, inter, ar):
            if s > tolerance:
                out.append(Finding("LAYOUT-OVERLAP", "重叠", "error", lbl[a], f"{zh} {lbl[a]} 与 {lbl[b]} 重叠 {s:.2f} m² / "
                                   f"{en}s {lbl[a]} and {lbl[b]} overlap by {s:.2f} m²", value=float(s),
                                   limit=tolerance, unit="m²", geometry=x))
    # codes
    seen: dict[str, int] = {}
    for i, c in enumerate(codes):
        if c is None:
            out.append(Finding("LAYOUT-CODE-MISSING", "缺少编码", "error", lbl[i], f"{zh} #{gdf.index[i]} 无编码 / "
                               f"{en} #{gdf.index[i]} has no code", geometry=gv[i] if present[i] else None))
            continue
        if not code_format.is_valid(c, level):
            out.append(Finding("LAYOUT-CODE-MALFORMED", "编码格式错误", "error", c, f"{zh}编码“{c}”格式错误 / "
                               f"{en} code '{c}' is malformed", geometry=gv[i] if present[i] else None))
        if c in seen:
            out.append(Finding("LAYOUT-CODE-DUPLICATE", "编码重复", "error", c, f"{zh}编码“{c}”重复 / {en} code '{c}' "
                               "is used twice", geometry=gv[i] if present[i] else None))
        seen.setdefault(c, i)
    return out


def _parent_checks(child, ccodes, cparent_field, parent, pcodes, level, *, tolerance, code_format):
    zh, en = _NAMES[level]
    pzh, pen = _NAMES[level - 1]
    out: list[Finding] = []
    cg = np.asarray(child.geometry.values, dtype=object)
    pg = np.asarray(parent.geometry.values, dtype=object)
    cg = np.array([shapely.make_valid(x) if x is not None and not x.is_valid else x for x in cg], dtype=object)
    pg = np.array([shapely.make_valid(x) if x is not None and not x.is_valid else x for x in pg], dtype=object)
    cp = ~shapely.is_missing(cg)
    pp = ~shapely.is_missing(pg)
    cidx, pidx = np.flatnonzero(cp), np.flatnonzero(pp)
    lbl = [c or f"#{child.index[i]}" for i, c in enumerate(ccodes)]
    if not len(cidx) or not len(pidx):
        return out
    ci, pi = shapely.STRtree(pg[pidx]).query(cg[cidx], predicate="intersects")
    ci, pi = cidx[ci], pidx[pi]
    share = shapely.area(safe_op(shapely.intersection, cg[ci], pg[pi])) if len(ci) else np.array([])
    best = parent_of(cg[cidx], pg[pidx], tolerance=tolerance)
    pcol = child[cparent_field].to_list() if cparent_field in child.columns else [None] * len(child)
    for k, i in enumerate(cidx):
        m = (ci == i) & (share > tolerance)
        inside = share[m].sum()
        outside = cg[i].area - inside
        if not m.any():
            out.append(Finding("LAYOUT-OUTSIDE", f"{zh}不在任何{pzh}内", "error", lbl[i], f"{zh} {lbl[i]} 不在任何{pzh}内 / "
                               f"{en} {lbl[i]} lies outside every {pen}", geometry=cg[i]))
            continue
        if m.sum() > 1 or outside > tolerance:
            out.append(Finding("LAYOUT-CROSSES", f"{zh}跨越{pzh}边界", "error", lbl[i],
                               f"{zh} {lbl[i]} 跨越{pzh}边界（界外 {outside:.2f} m²，涉及 {int(m.sum())} 个{pzh}）/ "
                               f"{en} {lbl[i]} crosses the {pen} boundary ({outside:.2f} m² outside, "
                               f"{int(m.sum())} {pen}s)", value=float(outside), unit="m²",
                               geometry=safe_op(shapely.difference, cg[i], pg[pi[m][np.argmax(share[m])]])))
        p = pidx[best[k]] if best[k] >= 0 else -1
        pc = pcodes[p] if p >= 0 else None
        c = ccodes[i]
        if pc is not None and c is not None and code_format.is_valid(c, level):
            if code_format.parent(c) != pc:
                out.append(Finding("LAYOUT-CODE-PARENT", "编码与上级不符", "error", c, f"{zh} {c} 位于{pzh} {pc} 内，编码前缀不符 / "
                                   f"{en} {c} lies in {pen} {pc} but its code says otherwise", geometry=cg[i]))
        v = pcol[i]
        if pc is not None and not is_blank(v) and str(v) != pc:
            out.append(Finding("LAYOUT-PARENT-FIELD", "上级编码字段不符", "error", lbl[i],
                               f"{zh} {lbl[i]} 的 {cparent_field}={v}，但位于{pzh} {pc} 内 / {en} {lbl[i]} has "
                               f"{cparent_field}={v} but lies in {pen} {pc}", geometry=cg[i]))
    # gaps: parent area not covered by its children
    cti, ptj = shapely.STRtree(cg[cidx]).query(pg[pidx], predicate="intersects")
    for k, p in enumerate(pidx):
        kids = cg[cidx[ptj[cti == k]]]
        rest = safe_op(shapely.difference, pg[p], safe_op(shapely.union_all, kids)) if len(kids) else pg[p]
        for part in polygon_parts(rest):
            if part.area > tolerance:
                out.append(Finding("LAYOUT-GAP", "空隙", "warning", pcodes[p] or f"#{parent.index[p]}",
                                   f"{pzh} {pcodes[p]} 内有 {part.area:.2f} m² 未被{zh}覆盖 / {part.area:.2f} m² of {pen} "
                                   f"{pcodes[p]} are not covered by any {en}", value=float(part.area),
                                   limit=tolerance, unit="m²", geometry=part))
    return out


def check_hierarchy(clusters=None, units=None, plots=None, *, code_format: CodeFormat = DEFAULT_CODES,
                    tolerance: float = 0.01, sliver_area: float = 1.0, sliver_width: float = 0.5,
                    gaps_against_clusters: bool = False) -> list[Finding]:
    """Topology and code findings for the given layers (any may be None; all in one metre CRS).

    Gaps of units within clusters are reported only with ``gaps_against_clusters`` (clusters also hold
    road corridors, which are not units); gaps of plots within units are always reported.
    """
    out: list[Finding] = []
    layers = [(clusters, CLUSTER, 1), (units, UNIT, 2), (plots, PLOT, 3)]
    codes = {}
    for gdf, spec, level in layers:
        if gdf is None:
            continue
        codes[level] = _codes(gdf, spec.code_field)
        out += _layer_checks(gdf, level, codes[level], tolerance=tolerance, sliver_area=sliver_area,
                             sliver_width=sliver_width, code_format=code_format)
    for (pgdf, _, pl), (cgdf, cspec, cl) in ((layers[0], layers[1]), (layers[1], layers[2])):
        if pgdf is None or cgdf is None:
            continue
        f = _parent_checks(cgdf, codes[cl], cspec.parent_field, pgdf, codes[pl], cl, tolerance=tolerance,
                           code_format=code_format)
        if cl == 2 and not gaps_against_clusters:
            f = [x for x in f if x.rule_id != "LAYOUT-GAP"]
        out += f
    return out


def assign_codes(clusters=None, units=None, plots=None, *, code_format: CodeFormat = DEFAULT_CODES,
                 overwrite: bool = False, tolerance: float = 0.01):
    """Copies of the layers with codes: each unit goes to the cluster holding most of it, each plot to
    its unit; numbers follow the parent's main axis. Existing valid codes are kept unless ``overwrite``."""
    res = []
    ccodes = None
    if clusters is not None:
        clusters = clusters.copy()
        cg = np.asarray(clusters.geometry.values, dtype=object)
        old = _codes(clusters, "ZTBH")
        if overwrite or any(c is None or not code_format.is_valid(c, 1) for c in old) or len(set(old)) < len(old):
            order = order_along(cg, frame_of(shapely.union_all(shapely.envelope(cg))), grid=10.0)
            new = [None] * len(cg)
            for k, i in enumerate(order):
                new[i] = code_format.cluster_code(k + 1)
            clusters["ZTBH"] = new
        ccodes = _codes(clusters, "ZTBH")
        res.append(clusters)
    ucodes = None
    if units is not None:
        units = units.copy()
        ug = np.asarray(units.geometry.values, dtype=object)
        if clusters is not None:
            units, ucodes = _child_codes(units, ug, np.asarray(clusters.geometry.values, dtype=object), ccodes,
                                         "DYBH", "ZTBH", code_format, overwrite, tolerance, 2)
        res.append(units)
        ucodes = _codes(units, "DYBH")
    if plots is not None:
        plots = plots.copy()
        if units is not None:
            plots, _ = _child_codes(plots, np.asarray(plots.geometry.values, dtype=object),
                                    np.asarray(units.geometry.values, dtype=object), ucodes, "DKBH", "DYBH",
                                    code_format, overwrite, tolerance, 3)
            plots["ZTBH"] = [code_format.parts(c)[0] if c is not None and code_format.is_valid(c) else None
                             for c in _codes(plots, "DYBH")]
        res.append(plots)
    return tuple(res)


def _child_codes(child, cg, pg, pcodes, field, pfield, code_format, overwrite, tolerance, level):
    parent = parent_of(cg, pg, tolerance=tolerance)
    old = _codes(child, field)
    frames = frames_of(pg)
    new = list(old)
    for p in range(len(pg)):
        idx = np.flatnonzero(parent == p)
        if not len(idx):
            continue
        keep = not overwrite and all(old[i] is not None and code_format.is_valid(old[i], level) and
                                     code_format.parent(old[i]) == pcodes[p] for i in idx) and \
            len({old[i] for i in idx}) == len(idx)
        if keep:
            continue
        order = idx[order_along(cg[idx], frames[p])]
        for k, i in enumerate(order):
            new[i] = (code_format.unit_code if level == 2 else code_format.plot_code)(pcodes[p], k + 1)
    child[field] = new
    child[pfield] = [pcodes[p] if p >= 0 else None for p in parent]
    return child, new
