"""用地标准审查 — (a) the plan's own controls against the standard, (b) each project against its plot and the standard.

(a) Plot level: every control field the issue names (容积率下限 ≥ industry minimum, 建筑系数 ≥ minimum, 行政办公及生活
服务设施用地比例 ≤ maximum, 绿地率 ≤ maximum, 投资强度 ≥ minimum for region class × industry) plus any other field
the profile sets, looked up with :meth:`algorithms.standards.Profile.lookup` (national, tightened by a local profile).
A value the planner set looser than the limit is an error citing document, table and clause; no standard value, or
no value on the plot → a "not_checked" finding, never a pass.
(b) 供地/预审: the enterprise projects of a project table (or the same fields on the plot layer) against the binding
limit of their plot (:mod:`.supply`, columns in :mod:`.projects`).
Cluster level: the leading industry's share of each cluster's industrial land (resources/standards/cluster_targets.csv)
and the land-use structure (listed, no standard value).

This check's own result is ``BZSCJL`` and its counts (report, N_OK/N_FAIL/N_VERIFY) come from it alone. The input's
``SCJL`` from an earlier check (一张图) is kept as ``QXSCJL`` and shown apart; ``SCJL``/``WTSL``/``WJCGZ``/``SCSM`` on
the output combine both (the worse result) so that later steps see every finding.
"""
from __future__ import annotations

import os
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..findings import STATUS, Finding
from ..layers import prepare_layer
from ..schema import DEFAULT_CODES, FIELDS
from .overlay import exact_area
from .projects import ProjectTable, projects_from_plots, read_projects
from .result import CheckResult, RuleSummary, carry_previous_status, conflicts_frame, plot_status
from .supply import PlotContext, check_projects, cite
from .tables import STANDARDS_DIR, _rows

__all__ = ["check_standards", "ISSUE_FIELDS", "load_cluster_targets", "OWN_STATUS", "PREVIOUS_STATUS"]

#: the fields every applicable plot is checked for (missing standard value → not checked)
ISSUE_FIELDS = ("RJLXX", "JZXS", "XZBGBL", "LDLSX", "TZQD")
CLUSTER_TARGETS_CSV = os.path.join(STANDARDS_DIR, "cluster_targets.csv")
#: output fields: this check's own result, and the earlier check's SCJL as it came in
OWN_STATUS, PREVIOUS_STATUS = "BZSCJL", "QXSCJL"


def load_cluster_targets(path: Optional[str] = None) -> dict:
    out = {}
    for _, row in _rows(path or CLUSTER_TARGETS_CSV):
        out[row["rule_id"]] = {**row, "value": float(row["value"]) if row.get("value") else None}
    return out


def _zbly(m) -> list:
    """Per plot, {control field: source} parsed from ZBLY ("RJLXX:2008表2 行业13; TZQD:…")."""
    if "ZBLY" not in m.columns:
        return [{} for _ in range(len(m))]
    out = []
    for text in m["ZBLY"].to_numpy(dtype=object):
        d = {}
        for part in str(text or "").split("; "):
            k, sep, v = part.partition(":")
            if sep:
                d[k.strip()] = v.strip()
        out.append(d)
    return out


def _context(m, codes, lu, ind, area, prof, region) -> PlotContext:
    from ..standards import CONTROL_FIELDS

    values = {f: pd.to_numeric(m[f], errors="coerce").to_numpy(dtype=float) for f in CONTROL_FIELDS if f in m.columns}
    sources = _zbly(m)
    lookups: dict = {}

    def plot_control(f, i):
        v = values[f][i] if f in values else np.nan
        return (None, "") if np.isnan(v) else (float(v), sources[i].get(f, ""))

    def std_limit(f, i):
        key = (f, ind[i], lu[i])
        if key not in lookups:
            lookups[key] = prof.lookup(f, ind[i], lu[i], region)
        return lookups[key]
    return PlotContext(codes, area, lu, m.geometry.values, plot_control, std_limit, prof)


def _plan_controls(ctx, ind, applies, check_fields, region, plot_findings, findings):
    """(a): the plan's own control values against the profile; returns (rule summaries, BZ_* columns)."""
    from ..standards import CONTROL_FIELDS

    prof = ctx.profile
    summaries = {f: RuleSummary(f"STD-{f}", f"{FIELDS[f].alias}", "standard", out_field=f"BZ_{f}",
                                source=prof.describe()) for f in check_fields}
    limits_col = {f: np.full(len(ctx.codes), np.nan) for f in check_fields}
    for i in np.flatnonzero(applies):
        code = ctx.codes[i]
        for f in check_fields:
            rule, kind, alias, unit = summaries[f], CONTROL_FIELDS[f], FIELDS[f].alias, FIELDS[f].unit
            lim = ctx.std_limit(f, i)
            val = ctx.plot_control(f, i)[0]
            if lim is None or lim.value is None:
                why = ("无标准值" + ("（未给地区分类）" if f == "TZQD" and region is None else "") +
                       ("（无行业代码）" if ind[i] is None and f in ("RJLXX", "TZQD") else ""))
                fnd = Finding(rule.rule_id, rule.rule_name, "not_checked", code,
                              f"{alias}未检查：{why} / {f} not checked: no standard value", value=val, unit=unit,
                              source=lim.label if lim else prof.short or prof.name)
            elif val is None:
                limits_col[f][i] = lim.value
                fnd = Finding(rule.rule_id, rule.rule_name, "not_checked", code,
                              f"地块未填写{alias}，未检查（标准值 {lim.value:g}）/ the plot has no {f}; not checked",
                              limit=lim.value, unit=unit, source=cite(lim, prof))
            else:
                limits_col[f][i] = lim.value
                rule.n_features += 1
                bad = val < lim.value - 1e-9 if kind == "min" else val > lim.value + 1e-9
                if not bad:
                    continue
                word = ("低于标准下限", "below the minimum") if kind == "min" else ("高于标准上限", "above the maximum")
                src = cite(lim, prof)
                fnd = Finding(rule.rule_id, rule.rule_name, "error", code,
                              f"规划{alias} {val:g}{unit} {word[0]} {lim.value:g}{unit}（{src}）/ planned {f} {val:g} "
                              f"is {word[1]} {lim.value:g}", value=val, limit=lim.value, unit=unit, source=src,
                              geometry=ctx.geoms[i],
                              extra={"conflict": True, "share": 100.0, "feature_id": f, "feature_name": lim.label,
                                     "landuse": ctx.landuse[i], "area": float(ctx.area[i])})
            plot_findings.setdefault(int(i), []).append(fnd)
            findings.append(fnd)
    for f, r in summaries.items():
        if not np.isfinite(limits_col[f]).any() and applies.any():
            r.status, r.reason = "not_checked", "无标准值 / no standard value"
    return list(summaries.values()), limits_col


def _count(rules, findings):
    """Per rule: plots with a problem, errors, warnings, not-checked findings and the failing plots' area."""
    by_rule: dict = {}
    for f in findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    for r in rules:
        mine = by_rule.get(r.rule_id, [])
        r.n_plots = len({f.code for f in mine if f.code and f.severity in ("error", "warning")})
        r.n_errors = sum(f.severity == "error" for f in mine)
        r.n_warnings = sum(f.severity == "warning" for f in mine)
        r.n_unchecked = sum(f.severity == "not_checked" for f in mine)
        r.area = float(sum(f.extra.get("area", 0.0) for f in mine if f.severity == "error"))


def _output(m, applies, plot_findings, columns):
    """The OUTPUT plots: own status (BZSCJL), the earlier SCJL (QXSCJL), the combined SCJL/WTSL/WJCGZ/SCSM and
    ``columns``; returns (frame, the earlier check's counts or None)."""
    n = len(m)
    scjl, wtsl, wjc = plot_status(n, plot_findings, [])
    scjl = np.where(applies | (wtsl > 0), scjl, "不适用")
    out = m.copy()
    out["SCJL"], out["WTSL"], out["WJCGZ"] = scjl, wtsl, wjc
    out["SCSM"] = ["；".join(dict.fromkeys(f.rule_name for f in plot_findings.get(i, [])))[:254] for i in range(n)]
    out[OWN_STATUS] = scjl
    prev_counts = None
    if "SCJL" in m.columns:
        prev = m["SCJL"].to_numpy(dtype=object)
        out[PREVIOUS_STATUS] = prev
        prev_counts = {v: int(sum(1 for p in prev if p == v)) for v in STATUS.values()}
    carry_previous_status(out, m)
    for k, v in columns.items():
        out[k] = v
    return out, prev_counts


def _describe(prof, local_profile, region_class, check_fields, table, cluster_targets, prep, n_plots, n_applies):
    """The report's parameters and inputs."""
    params = {"标准配置 / profile": prof.describe(), "地方配置 / local profile": local_profile or "—",
              "地区分类 / region class": region_class if region_class not in (None, "") else "（未给 / none）",
              "检查指标 / fields": "、".join(f"{FIELDS[f].alias}({f})" for f in check_fields),
              "项目表 / projects": table.source if table is not None else "（未提供 / none）",
              "组团目标 / cluster targets": cluster_targets or CLUSTER_TARGETS_CSV,
              "量算坐标系 / measurement CRS": prep.measure_crs.name}
    if table is not None and table.unused:
        params["项目表中未使用的列 / unused columns"] = "、".join(table.unused)
    inputs = {"地块 / plots": f"{n_plots} 个要素 / features（{prep.crs.name}）",
              "适用标准的地块 / plots the profile applies to": n_applies,
              "项目 / projects": len(table.projects) if table is not None else 0}
    return params, inputs


def check_standards(plots, *, profile="gongye_2008", local_profile: Optional[str] = None, region_class=None,
                    code_field: str = "DKBH", landuse_field: str = "YDYHFLDM", industry_field: str = "HYDM",
                    cluster_field: Optional[str] = "ZTBH", fields: Sequence[str] = ISSUE_FIELDS,
                    cluster_targets: Optional[str] = None, projects=None, project_code_field: Optional[str] = None,
                    progress=None) -> CheckResult:
    """Check the plots' controls against ``profile`` (an id, a path or a loaded Profile) and, when given, the
    ``projects`` (a CSV/xlsx path or a :class:`~.projects.ProjectTable`; else project fields on the plots)."""
    from ..errors import InputError
    from ..standards import load_profile, normalize_industry_code, normalize_landuse_code, normalize_region_class

    for fld, alias in ((code_field, "地块编号"), (landuse_field, "用地用海分类代码")):
        if fld not in plots.columns:
            raise InputError("E_MISSING_FIELD", layer="地块", field=fld, alias=alias)
    prof = profile if not isinstance(profile, str) else load_profile(profile, local=local_profile)
    region = normalize_region_class(region_class)
    table = read_projects(projects, code_field=project_code_field) if isinstance(projects, (str, os.PathLike)) \
        else projects
    if table is not None and not isinstance(table, ProjectTable):
        raise InputError("E_BAD_PARAMETER", name="projects", value=type(projects).__name__,
                         reason_zh="应为项目表文件路径", reason_en="must be the path of a project table")
    prep = prepare_layer(plots, layer="地块", code_field=code_field)
    m = prep.measured
    findings: list[Finding] = list(prep.findings)
    codes = m[code_field].map(lambda v: "" if v is None or v != v else str(v).strip()).to_numpy(dtype=object)
    lu = [normalize_landuse_code(v) for v in m[landuse_field]]
    ind = [normalize_industry_code(v) for v in m[industry_field]] if industry_field in m.columns else [None] * len(m)
    area = exact_area(m.geometry.values)        # exact even with zone-prefixed coordinates
    if table is None and projects is None:
        table = projects_from_plots(m, codes)
    check_fields = list(dict.fromkeys(list(fields) + sorted(f for f in prof.covered_fields() if f in m.columns)))
    applies = np.array([prof.applies(c) for c in lu], dtype=bool)
    ctx = _context(m, codes, lu, ind, area, prof, region)
    plot_findings: dict[int, list] = {}
    std_rules, limits_col = _plan_controls(ctx, ind, applies, check_fields, region, plot_findings, findings)
    prj_rules, prj_cols = check_projects(table, ctx, plot_findings, findings)
    targets = load_cluster_targets(cluster_targets)
    tables, cluster_rules = _cluster_checks(m, codes, lu, ind, area, applies, cluster_field, targets, findings)
    rules = std_rules + prj_rules + cluster_rules
    _count(rules, findings)
    out, prev_counts = _output(m, applies, plot_findings, {**{f"BZ_{f}": limits_col[f] for f in check_fields},
                                                           **prj_cols})
    params, inputs = _describe(prof, local_profile, region_class, check_fields, table, cluster_targets, prep,
                               len(plots), int(applies.sum()))
    res = CheckResult("checkstandards", "用地标准审查报告", out, conflicts_frame(findings, crs=prep.measure_crs),
                      findings, rules, params, inputs, prep.measure_crs, code_field, extra_tables=tables,
                      status_field=OWN_STATUS, previous_counts=prev_counts)
    return res


def _cluster_of(m, codes, cluster_field):
    if cluster_field and cluster_field in m.columns:
        return m[cluster_field].map(lambda v: "" if v is None or v != v else str(v).strip()).to_numpy(dtype=object)
    out = []
    for c in codes:
        try:
            parts = DEFAULT_CODES.parts(c)
            out.append(parts[0])
        except ValueError:
            out.append("")
    return np.array(out, dtype=object)


def _cluster_checks(m, codes, lu, ind, area, applies, cluster_field, targets, findings):
    clusters = _cluster_of(m, codes, cluster_field)
    t = targets.get("STD-LEADING")
    rule = RuleSummary("STD-LEADING", "主导产业用地占比", "cluster",
                       source=(t["source"] + ("(未核实)" if t.get("status") == "unconfirmed" else "")) if t else "")
    df = pd.DataFrame({"ZT": clusters, "IND": [c.division if c else "未知" for c in ind], "A": area, "APP": applies,
                       "YL": [c[:2] if c else "未知" for c in lu]})
    rows = []
    if t is None or t.get("value") is None:
        rule.status, rule.reason = "not_checked", "无目标值 / no target value"
    ind_df = df[df.APP & (df.ZT != "")]
    for zt, g in ind_df.groupby("ZT"):
        tot = g.A.sum()
        by = g[g.IND != "未知"].groupby("IND").A.sum().sort_values(ascending=False)
        lead = by.index[0] if len(by) else "未知"
        share = float(by.iloc[0] / tot * 100.0) if len(by) and tot > 0 else 0.0
        unknown = float(g[g.IND == "未知"].A.sum())
        rows.append((zt, lead, float(tot), share, unknown))
        if rule.status == "not_checked":
            continue
        rule.n_features += 1
        if share < t["value"] - 1e-9:
            findings.append(Finding(rule.rule_id, rule.rule_name, "error", zt,
                                    f"组团 {zt} 主导产业（大类 {lead}）用地占工业用地 {share:.1f}%，低于 {t['value']:g}%"
                                    f" / the leading industry ({lead}) holds {share:.1f}% of cluster {zt}'s industrial "
                                    f"land, below {t['value']:g}%", value=share, limit=t["value"], unit="%",
                                    source=rule.source))
        elif unknown > 0:
            findings.append(Finding(rule.rule_id, rule.rule_name, "warning", zt,
                                    f"组团 {zt} 有 {unknown:,.0f} ㎡ 工业用地无行业代码，占比按已知计算，需核实 / "
                                    f"{unknown:,.0f} m² of industrial land in {zt} has no industry code; verify",
                                    value=share, limit=t["value"], unit="%", source=rule.source))
    tables = [("组团主导产业用地占比 / leading industry share by cluster",
               ["组团", "主导产业（大类）", "工业用地（㎡）", "主导产业占比（%）", "无行业代码（㎡）"], rows)]
    struct = df[df.ZT != ""].groupby(["ZT", "YL"]).A.sum()
    srows = []
    for (zt, yl), a in struct.items():
        srows.append((zt, yl, float(a), float(a / struct[zt].sum() * 100.0)))
    tables.append(("用地结构（按用地用海一级类，无标准值，仅列示）/ land-use structure (listed; no standard value)",
                   ["组团", "一级类", "面积（㎡）", "占比（%）"], srows))
    return tables, [rule]
