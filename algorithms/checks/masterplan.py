"""一张图符合性审查 — plots against the 国土空间总体规划 control lines, 规划分区 and slope.

Entry point :func:`check_masterplan`. Every constraint input is optional; each one given becomes a rule that
is either checked or reported "未检查" (empty or unreadable layer, missing field) — never silently passed.
Areas are exact in one projected metre CRS, also with zone-prefixed Gauss-Krüger coordinates (see :mod:`.overlay`).
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from ..errors import InputError
from ..findings import Finding
from ..layers import prepare_layer
from .constraints import (BUILTIN_RULES, RULE_KINDS, ConstraintSpec, load_constraint, not_checked,
                          rule_specs)
from .datum_rules import mark_near_boundary, relative_uncertainty
from .overlay import outside_parts, overlay, per_plot_union
from .context import RunContext as _Ctx, row_messages as _msgs
from .result import CheckResult, RuleSummary, carry_previous_status, conflicts_frame, plot_status
from .tables import (CONSTRUCTION_CODES_CSV, ZONING_CSV, code_matches, load_construction_codes,
                     load_zoning_table)
from .tables import norm_column as _norm_column

__all__ = ["ConstraintSpec", "check_masterplan", "RULE_KINDS", "BUILTIN_RULES"]

SLOPE_RULE = ("MP-SLOPE", "坡度", "slope", "PD_ZB",
              "坡度限值为参数（默认 25°，参照《中华人民共和国水土保持法》第二十条“二十五度以上陡坡地”）")


def _rows_to_report(ctx: _Ctx, plot_idx, area, tot, viol):
    """Indices of overlap rows to report: rows of violating plots with area ≥ tolerance (or all of a plot's
    rows when only their sum reaches the tolerance)."""
    rows = np.flatnonzero(viol[plot_idx])
    big = area[rows] >= ctx.tolerance
    has_big = np.zeros(len(ctx.geoms), dtype=bool)
    has_big[plot_idx[rows[big]]] = True
    return rows[big | ~has_big[plot_idx[rows]]]


def _rule_forbid(ctx: _Ctx, spec, data, rule: RuleSummary):
    local, ids, names, _ = data
    res = overlay(ctx.geoms, local, max_vertices=ctx.max_vertices, plot_area=ctx.area)
    tot, uni = per_plot_union(len(ctx.geoms), res.plot, res.area, res.geometry, res.whole)
    viol = ctx.subject(spec.applies_to) & (tot >= ctx.tolerance)
    rows = _rows_to_report(ctx, res.plot, res.area, tot, viol)
    i, j, a = res.plot[rows], res.feature[rows], res.area[rows]
    ctx.keep_dissolved(rule.rule_id, res.plot, i, uni, tot)
    label = spec.name or rule.rule_id
    ctx.conflicts(rule, i, a, res.geometry[rows],
                  _msgs(f"地块占用{rule.rule_name} {{0:,.2f}} ㎡（占地块 {{1:.2f}}%）/ plot occupies {{0:,.2f}} m² of "
                        f"{label} ({{1:.2f}}% of the plot)", a, ctx.share(i, a)),
                  severity=spec.severity, fid=ids[j], fname=names[j], totals=tot[i])
    return ctx.errors_only(_reported_total(ctx, res, rows, np.arange(len(res.plot)), tot), tot)


def _reported_total(ctx: _Ctx, res, rows, among, among_total) -> np.ndarray:
    """Per-plot dissolved area of the reported overlaps (sub-tolerance slivers beside a real conflict excluded).

    ``rows`` ⊆ ``among`` (overlap rows) whose per-plot dissolved area ``among_total`` is known: plots that keep
    all their rows reuse it, only plots that lost a sliver row are dissolved again."""
    n = len(ctx.geoms)
    n_among = np.bincount(res.plot[among], minlength=n)
    n_rows = np.bincount(res.plot[rows], minlength=n)
    tot = np.where((n_rows > 0) & (n_rows == n_among), among_total, 0.0)
    redo = (n_rows > 0) & (n_rows != n_among)
    if redo.any():
        sel = rows[redo[res.plot[rows]]]
        t, _ = per_plot_union(n, res.plot[sel], res.area[sel],
                              res.geometry[sel] if res.geometry is not None else None, res.whole[sel])
        tot[redo] = t[redo]
    return tot


def _rule_within(ctx: _Ctx, spec, data, rule: RuleSummary):
    local, ids, names, _ = data
    subj = np.flatnonzero(ctx.subject(spec.applies_to))
    res = overlay(ctx.geoms[subj], local, max_vertices=ctx.max_vertices, plot_area=ctx.area[subj])
    tot, uni = per_plot_union(len(subj), res.plot, res.area, res.geometry, res.whole)
    out_area, out_geom = outside_parts(ctx.geoms[subj], uni, tot, tolerance=ctx.tolerance,
                                       plot_area=ctx.area[subj])
    field = np.zeros(len(ctx.geoms))
    k = np.flatnonzero(out_area >= ctx.tolerance)
    i, a = subj[k], out_area[k]
    field[i] = a
    field = ctx.errors_only(field, field)
    ctx.conflicts(rule, i, a, out_geom[k],
                  _msgs(f"地块有 {{0:,.2f}} ㎡（{{1:.2f}}%）位于{rule.rule_name}之外 / {{0:,.2f}} m² ({{1:.2f}}%) of the "
                        f"plot lies outside {spec.name or rule.rule_id}", a, ctx.share(i, a)),
                  severity=spec.severity, fid="", fname=f"{rule.rule_name}之外 / outside", totals=a)
    return field


def _rule_touch(ctx: _Ctx, spec, data, rule: RuleSummary):
    local, ids, names, _ = data
    res = overlay(ctx.geoms, local, max_vertices=ctx.max_vertices, plot_area=ctx.area)
    subj = ctx.subject(spec.applies_to)
    field = np.zeros(len(ctx.geoms))
    tot, _ = per_plot_union(len(ctx.geoms), res.plot, res.area, res.geometry, res.whole)
    r = np.flatnonzero(subj[res.plot])
    i, j, a = res.plot[r], res.feature[r], res.area[r]
    field[i] = tot[i]
    label = spec.name or rule.rule_id
    ctx.conflicts(rule, i, a, res.geometry[r],
                  _msgs(f"地块与{rule.rule_name}重叠 {{0:,.2f}} ㎡，需核实 / plot overlaps {label} by {{0:,.2f}} m²; "
                        "verify", a), severity="warning", fid=ids[j], fname=names[j])
    t = np.flatnonzero(subj[res.touch_plot])
    i, j = res.touch_plot[t], res.touch_feature[t]
    ctx.conflicts(rule, i, np.zeros(len(i)), ctx.geoms[i],
                  f"地块与{rule.rule_name}相接，需核实 / plot touches {label}; verify", severity="warning",
                  fid=ids[j], fname=names[j])
    return field


def _rule_zoning(ctx: _Ctx, spec, data, rule: RuleSummary, table):
    local, ids, names, zones = data
    res = overlay(ctx.geoms, local, max_vertices=ctx.max_vertices, plot_area=ctx.area)
    verdict = np.empty(len(res.plot), dtype=object)
    for r in range(len(res.plot)):
        zr = table.get(zones[res.feature[r]])
        code = ctx.landuse[res.plot[r]]
        verdict[r] = "unknown_zone" if zr is None else ("unknown_code" if not code else zr.judge(code))
    field = np.zeros(len(ctx.geoms))
    unknown = set()
    for kind, sev in (("fail", "error"), ("verify", "warning"), ("unknown_code", "warning"),
                      ("unknown_zone", "not_checked")):
        sel = np.flatnonzero(verdict == kind)
        if not len(sel):
            continue
        tot, _ = per_plot_union(len(ctx.geoms), res.plot[sel], res.area[sel], res.geometry[sel], res.whole[sel])
        viol = tot >= ctx.tolerance
        rows = sel[_rows_to_report(ctx, res.plot[sel], res.area[sel], tot, viol)]
        if kind == "fail":
            field = ctx.errors_only(_reported_total(ctx, res, rows, sel, tot), tot)
        i, j, a = res.plot[rows], res.feature[rows], res.area[rows]
        z = zones[j]
        if kind == "unknown_zone":
            unknown.update(z.tolist())
            msg = _msgs("分区“{0}”不在兼容表中，{1:,.2f} ㎡ 未检查 / zone '{0}' is not in the compatibility table; "
                        "{1:,.2f} m² not checked", z, a)
        elif kind == "unknown_code":
            msg = _msgs("地块无用地用海代码，无法与分区“{0}”比对 / plot has no land-use code to compare with zone '{0}'", z)
        elif kind == "verify":
            msg = _msgs("用地 {0} 在“{1}”中须满足条件方可布局（{2:,.2f} ㎡），需核实 / land use {0} is conditional in "
                        "zone '{1}' ({2:,.2f} m²); verify", ctx.landuse[i], z, a)
        else:
            msg = _msgs("用地 {0} 与规划分区“{1}”不符，{2:,.2f} ㎡ / land use {0} is not allowed in zone '{1}': "
                        "{2:,.2f} m²", ctx.landuse[i], z, a)
        fname = np.array([n or zz for n, zz in zip(names[j], z)], dtype=object)
        ctx.conflicts(rule, i, a, res.geometry[rows], msg, severity=sev, fid=ids[j], fname=fname, totals=tot[i])
    if unknown:
        rule.notes.append("兼容表中没有的分区 / zones missing from the table: " + "、".join(sorted(unknown)))
    return field


def _rule_slope(ctx: _Ctx, dem, measured, mcrs, limit, rule: RuleSummary, findings):
    from .slope import plot_slope_shares

    try:
        share, smax = plot_slope_shares(measured.geometry.values, mcrs, dem, limit_deg=limit)
    except Exception as exc:  # noqa: BLE001 - unreadable DEM → rule not checked, reported
        not_checked(rule, f"高程数据无法读取（{exc}）", f"DEM unreadable ({exc})", findings)
        return None
    rule.n_features = 1
    for i in np.flatnonzero(np.isnan(share)):
        ctx.add(i, Finding(rule.rule_id, rule.rule_name, "not_checked", ctx.codes[i],
                           "地块不在高程数据范围内 / the DEM does not cover the plot", source=rule.source))
    steep = np.nan_to_num(share) * ctx.area
    i = np.flatnonzero(steep >= ctx.tolerance)
    ctx.conflicts(rule, i, steep[i], ctx.geoms[i],
                  _msgs(f"坡度大于 {limit:g}° 的部分约占 {{0:.1f}}%（最大 {{1:.1f}}°），需核实 / {{0:.1f}}% of the plot is "
                        f"steeper than {limit:g}° (max {{1:.1f}}°); verify", share[i] * 100.0, smax[i]),
                  severity="warning", fid="DEM", fname=f"坡度>{limit:g}°")
    return np.round(share * 100.0, 2)


def check_masterplan(plots, *, code_field: str = "DKBH", landuse_field: Optional[str] = "YDYHFLDM",
                     default_landuse: Optional[str] = None,
                     ecological_redline=None, farmland=None, urban_boundary=None, zoning=None,
                     zone_field: Optional[str] = None, zoning_table=None, others: Sequence[ConstraintSpec] = (),
                     dem: Optional[str] = None, slope_limit: float = 25.0, tolerance: float = 1.0,
                     construction_codes=None, max_vertices: int = 200, progress=None,
                     datum_transform: Optional[str] = None, datum_accuracy: Optional[float] = None,
                     boundary_tolerance: float = 0.0) -> CheckResult:
    """Check plots against the 一张图: control lines, 规划分区, further constraint layers and slope.

    ``plots`` is a GeoDataFrame of polygons with ``code_field`` (DKBH) and ``landuse_field`` (用地用海代码);
    ``default_landuse`` (e.g. "1001" when checking industrial 组团 that carry no code) fills empty or absent codes.
    Each rule needs only its own fields: without the land-use field the zoning rule is not checked and the
    control lines treat every plot as possibly construction land (conflicts 需核实); without the code field
    plots are named by feature id. Constraint arguments take a GeoDataFrame, a path or a
    :class:`ConstraintSpec`. ``datum_transform`` / ``datum_accuracy`` (metres): a user transformation for
    constraint layers on another datum and the accuracy assumed where it is unknown (:mod:`.datum_rules`).
    ``boundary_tolerance`` (m², 0 = off): a prohibiting conflict of a plot with a rule whose area is below it is
    需核实（疑似边界误差） (a warning naming the tolerance), not 不合规. Returns a :class:`~.result.CheckResult` whose layers are in the measurement CRS.
    """
    _check_parameters(tolerance, slope_limit, boundary_tolerance, datum_accuracy)
    if landuse_field and landuse_field not in plots.columns and default_landuse:
        landuse_field = None          # no code field on this layer: every feature takes the default code
    missing_landuse = landuse_field if landuse_field and landuse_field not in plots.columns else None
    prep = prepare_layer(plots, layer="地块", code_field=code_field if code_field in plots.columns else None)
    mcrs, measured = prep.measure_crs, prep.measured
    findings: list[Finding] = list(prep.findings)
    cons_codes = (load_construction_codes(construction_codes) if construction_codes is None
                  or isinstance(construction_codes, str) else tuple(construction_codes))
    ctx = _plot_context(measured, code_field, None if missing_landuse else landuse_field, default_landuse,
                        cons_codes, findings, tolerance=tolerance, max_vertices=max_vertices,
                        boundary_tolerance=boundary_tolerance)
    specs = rule_specs(ecological_redline, farmland, urban_boundary, zoning, zone_field, others)

    table = load_zoning_table(zoning_table) if zoning_table is None or isinstance(zoning_table, str) else zoning_table
    datum = dict(user_transform=datum_transform or None, user_accuracy=datum_accuracy)
    fields, summaries = _run_rules(ctx, specs, prep, findings, table, missing_landuse, datum, dem, slope_limit,
                                   progress)
    for rule in summaries:
        rule.n_plots, rule.n_errors, rule.n_warnings = ctx.rule_counts(rule.rule_id)
        if rule.out_field in fields and rule.kind != "slope":
            rule.area = float(np.nansum(fields[rule.out_field]))
    out = _reviewed_plots(measured, ctx, summaries, fields)
    if progress is not None:
        progress(100.0, "完成 / done")
    params, inputs = _run_record(plots, prep, specs, code_field=code_field, landuse_field=landuse_field,
                                 default_landuse=default_landuse, tolerance=tolerance,
                                 boundary_tolerance=boundary_tolerance, slope_limit=slope_limit, dem=dem,
                                 zone_field=zone_field, zoning_table=zoning_table,
                                 construction_codes=construction_codes, cons_codes=cons_codes)
    return CheckResult("checkmasterplan", "国土空间总体规划“一张图”符合性审查报告", out,
                       conflicts_frame(ctx.rows, crs=mcrs), findings, summaries, params, inputs, mcrs, code_field,
                       constraint_layers=ctx.layers, dissolved=ctx.dissolved,
                       dissolved_area=ctx.dissolved_area)


def _plot_context(measured, code_field, landuse_field, default_landuse, cons_codes, findings, *, tolerance,
                  max_vertices, boundary_tolerance) -> _Ctx:
    """The run's context: the plots' geometries, codes, land-use codes and whether each is construction land."""
    geoms = np.asarray(measured.geometry.values, dtype=object)
    codes, landuse = _plot_columns(measured, code_field, landuse_field, default_landuse, findings)
    uniq = {c: (None if not c else code_matches(c, cons_codes)) for c in set(landuse.tolist())}
    construction = np.array([uniq[c] for c in landuse], dtype=object)
    ctx = _Ctx(geoms, codes, landuse, construction, float(tolerance), max_vertices, float(boundary_tolerance))
    ctx.findings = findings
    return ctx


def _reviewed_plots(measured, ctx, summaries, fields):
    """OUTPUT: the measured plots with 审查结论, 问题数, 未检查规则, 审查说明 and each rule's field."""
    unchecked = [r.rule_name for r in summaries if r.status == "not_checked"]
    scjl, wtsl, wjc = plot_status(len(ctx.geoms), ctx.plot_findings, unchecked, ctx.rows)
    out = measured.copy()
    out["SCJL"], out["WTSL"], out["WJCGZ"] = scjl, wtsl, wjc
    out["SCSM"] = ctx.notes([r.rule_name for r in summaries])
    carry_previous_status(out, measured)
    for fld, vals in fields.items():
        out[fld] = vals
    return out


def _check_parameters(tolerance, slope_limit, boundary_tolerance, datum_accuracy) -> None:
    """Stop on a parameter outside its range (E_BAD_PARAMETER, Chinese and English). A NaN is never in range (a NaN
    tolerance would make every ``area >= tolerance`` false: every plot 合规)."""
    given = [("TOLERANCE", tolerance), ("BOUNDARY_TOLERANCE", boundary_tolerance)]
    for name, value in given + ([("DATUM_ACCURACY", datum_accuracy)] if datum_accuracy is not None else []):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not number >= 0:
            nan = number != number
            raise InputError("E_BAD_PARAMETER", name=name, value=value, reason_zh="不是数值" if nan else "不能为负",
                             reason_en="not a number" if nan else "must not be negative")
    if not 0 < slope_limit < 90:
        raise InputError("E_BAD_PARAMETER", name="SLOPE_LIMIT", value=slope_limit, reason_zh="应在 0°–90° 之间",
                         reason_en="must lie between 0° and 90°")


def _run_rules(ctx, specs, prep, findings, table, missing_landuse, datum, dem, slope_limit, progress):
    """Every rule in turn, then the slope rule when a DEM is given: ({OUTPUT field: values}, [RuleSummary])."""
    n = len(ctx.geoms)
    fields: dict[str, np.ndarray] = {}
    summaries: list[RuleSummary] = []
    nrules = len(specs) + (1 if dem else 0)
    for k, spec in enumerate(specs):
        if progress is not None:
            progress(100.0 * k / max(nrules, 1), f"{spec.name} …")
        rule = RuleSummary(spec.rule_id, spec.name, spec.rule, out_field=spec.out_field, source=spec.source)
        summaries.append(rule)
        got = _run_rule(ctx, spec, rule, findings, table, missing_landuse=missing_landuse, plots=prep, datum=datum)
        fields[spec.out_field] = np.full(n, np.nan) if got is None else got
    if dem:
        rid, name, kind, fld, src = SLOPE_RULE
        rule = RuleSummary(rid, f"{name}＞{slope_limit:g}°", kind, layer=str(dem), out_field=fld, source=src)
        summaries.append(rule)
        got = _rule_slope(ctx, dem, prep.measured, prep.measure_crs, float(slope_limit), rule, findings)
        fields[fld] = got if got is not None else np.full(n, np.nan)
    return fields, summaries


def _run_record(plots, prep, specs, *, code_field, landuse_field, default_landuse, tolerance, boundary_tolerance,
                slope_limit, dem, zone_field, zoning_table, construction_codes, cons_codes):
    """The report's record of the run: (parameters, inputs), each {label: value}."""
    mcrs = prep.measure_crs
    params = {"地块编号字段 / code field": code_field, "用地用海代码字段 / land-use field": landuse_field or "—",
              "缺省用地代码 / default land-use code": default_landuse or "—",
              "容差 / tolerance (m²)": tolerance,
              "边界容差 / boundary tolerance (m²)": (f"{boundary_tolerance:g}（小于此面积的冲突为需核实（疑似边界误差）/ "
                                                     "smaller conflicts are to be verified）" if boundary_tolerance
                                                     else "0（未启用 / off）"),
              "坡度限值 / slope limit (°)": slope_limit if dem else "—",
              "分区字段 / zone field": zone_field or "—",
              "分区兼容表 / zoning table": zoning_table if isinstance(zoning_table, str) else
              (ZONING_CSV if zoning_table is None else "（自定义 / custom）"),
              "建设用地代码 / construction codes": construction_codes if isinstance(construction_codes, str) else
              (CONSTRUCTION_CODES_CSV if construction_codes is None else " ".join(cons_codes)),
              "量算坐标系 / measurement CRS": mcrs.name}
    inputs = {"地块 / plots": f"{len(plots)} 个要素 / features（{prep.crs.name}）"}
    for s in specs:
        inputs[s.name] = s.layer if isinstance(s.layer, str) else f"{0 if s.layer is None else len(s.layer)} 个要素"
    if dem:
        inputs["DEM"] = str(dem)
    return params, inputs


def _plot_columns(measured, code_field, landuse_field, default_landuse, findings):
    """(codes, land-use codes) of the plots; a missing code field names plots by feature id (noted)."""
    if code_field in measured.columns:
        codes = _norm_column(measured[code_field])
    else:
        codes = np.array([f"#{i}" for i in measured.index], dtype=object)
        findings.append(Finding("FIELD-MISSING", "缺少字段", "info", None,
                                f"地块图层没有编号字段“{code_field}”，以要素号 #n 标识地块 / the plots have no code field "
                                f"'{code_field}'; plots are named by feature id #n"))
    landuse = (_norm_column(measured[landuse_field]) if landuse_field else np.full(len(measured), "", dtype=object))
    if default_landuse:
        landuse[landuse == ""] = str(default_landuse)
    return codes, landuse


#: the plot fields each rule kind needs (a missing one makes only those rules 未检查)
RULE_NEEDS_LANDUSE = ("zoning",)


def _run_rule(ctx: _Ctx, spec, rule: RuleSummary, findings, table, *, missing_landuse, plots, datum):
    """One constraint rule: its fields, its layer, its conflicts, the datum uncertainty near its boundary.
    Returns the rule's OUTPUT field values, or None when the rule is not checked."""
    if missing_landuse and spec.rule in RULE_NEEDS_LANDUSE:
        not_checked(rule, f"地块图层缺少用地用海分类代码字段“{missing_landuse}”",
                     f"the plots have no land-use code field '{missing_landuse}'", findings)
        return None
    data = load_constraint(spec, plots.measure_crs, rule, findings, datum=datum,
                            plots_bounds=tuple(plots.measured.total_bounds))
    if data is None:
        return None
    ctx.layers.append((rule.rule_id, rule.rule_name, data[0]))
    if missing_landuse and spec.applies_to == "construction" and spec.rule != "touch":
        rule.notes.append(f"地块无用地用海分类代码字段“{missing_landuse}”，均按可能的建设用地审查，冲突为需核实 / the plots "
                          f"have no land-use code field '{missing_landuse}': each may be construction land, "
                          "conflicts are to be verified")
    first = len(ctx.rows.blocks)
    fn = {"forbid": _rule_forbid, "within": _rule_within, "touch": _rule_touch}.get(spec.rule)
    out = fn(ctx, spec, data, rule) if fn else _rule_zoning(ctx, spec, data, rule, table)
    unc = relative_uncertainty(plots.datum, spec.shift, datum.get("user_accuracy"))
    if unc is not None:
        mark_near_boundary(ctx, rule, spec, data[0], first, *unc)
    return out
