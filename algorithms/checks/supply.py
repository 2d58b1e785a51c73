"""供地/预审 — each enterprise project's declared figures against its plot's controls and the standard.

For every project joined to a plot (:mod:`.projects`) the indicators of :data:`PROJECT_RULES` are computed over the
plot's exact area in the measurement CRS and compared with the binding limit: the stricter of the plot's own control
(its field, with the source from ZBLY) and the standards profile's value (national, tightened by a local profile).
The finding cites the document, table and clause of whichever is binding (the standard when both are equal).

Core rules (投资强度, 容积率下限, 建筑系数, 绿地率, 行政办公及生活服务设施用地比例) are 未检查 when the project
did not declare the figure or no limit exists; optional ones (容积率上限, 建筑密度, 产出强度, 地均税收) are checked
only where both a declared figure and a limit exist. A building coefficient computed with 构筑物/堆场 left blank
(counted as 0) that falls short is 需核实 (warning), not 不合规.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from ..crs import M2_PER_HA
from ..findings import Finding
from ..standards import CONTROL_FIELDS
from .projects import PROJECT_COLUMNS, ProjectTable
from .result import RuleSummary

__all__ = ["ProjectRule", "PROJECT_RULES", "PlotContext", "check_projects", "cite", "binding_limit"]

_COL = {c.key: c for c in PROJECT_COLUMNS}


@dataclass(frozen=True)
class ProjectRule:
    rule_id: str
    name: str
    name_en: str
    control: str               # plot control field / profile field compared with
    parts: tuple               # project columns summed for the numerator (the first one is required)
    per: str                   # 'ha' (÷ 公顷), 'ratio' (÷ ㎡), 'percent' (÷ ㎡ × 100)
    unit: str
    core: bool                 # 供地 must-check: missing figure or limit → 未检查
    out: str                   # output field on the plots


PROJECT_RULES: tuple[ProjectRule, ...] = (
    ProjectRule("PRJ-TZQD", "投资强度", "investment intensity", "TZQD", ("GDZCTZ",), "ha", "万元/公顷", True, "XM_TZQD"),
    ProjectRule("PRJ-RJLXX", "容积率（下限）", "FAR (minimum)", "RJLXX", ("ZJZMJ",), "ratio", "", True, "XM_RJL"),
    ProjectRule("PRJ-RJLSX", "容积率（上限）", "FAR (maximum)", "RJLSX", ("ZJZMJ",), "ratio", "", False, "XM_RJL"),
    ProjectRule("PRJ-JZXS", "建筑系数", "building coefficient", "JZXS", ("JZJDMJ", "GZWZDMJ", "DCZDMJ"), "percent",
                "%", True, "XM_JZXS"),
    ProjectRule("PRJ-JZMDXX", "建筑密度（下限）", "building density (minimum)", "JZMDXX", ("JZJDMJ",), "percent", "%",
                False, "XM_JZMD"),
    ProjectRule("PRJ-JZMDSX", "建筑密度（上限）", "building density (maximum)", "JZMDSX", ("JZJDMJ",), "percent", "%",
                False, "XM_JZMD"),
    ProjectRule("PRJ-LDLSX", "绿地率", "green ratio", "LDLSX", ("LDMJ",), "percent", "%", True, "XM_LDL"),
    ProjectRule("PRJ-XZBGBL", "行政办公及生活服务设施用地比例", "office & service land share", "XZBGBL", ("XZBGMJ",),
                "percent", "%", True, "XM_XZBG"),
    ProjectRule("PRJ-CCQD", "产出强度", "output intensity", "CCQD", ("YJNCZ",), "ha", "万元/公顷", False, "XM_CCQD"),
    ProjectRule("PRJ-DJSS", "地均税收", "tax per hectare", "DJSS", ("NSS",), "ha", "万元/公顷", False, "XM_DJSS"),
)


def cite(lim, prof) -> str:
    """Document, table/line and clause of a profile value, e.g. 《…》（国土资发〔2008〕24号） 2008表2 行业13."""
    local = prof.base is not None and lim.source.startswith(prof.name + ":")
    doc = prof.document if local else prof.national.document
    text = f"{doc} {lim.label}" if doc and doc not in lim.label else lim.label
    return text + (f"；{lim.clause}" if lim.clause else "")


def binding_limit(field_name: str, std, plot_value: Optional[float], plot_source: str, prof):
    """(value, citation) of the stricter of the profile's limit and the plot's own control; None when neither."""
    cands = []
    if std is not None and std.value is not None:
        cands.append((std.value, 0, cite(std, prof)))
    if plot_value is not None and np.isfinite(plot_value):
        cands.append((float(plot_value), 1, f"地块控制指标 {field_name}={plot_value:g}（{plot_source or '来源未注明'}）"))
    if not cands:
        return None
    sign = -1.0 if CONTROL_FIELDS[field_name] == "min" else 1.0     # strictest first, the standard on a tie
    value, _, source = min(cands, key=lambda c: (sign * c[0], c[1]))
    return value, source


def _value(rule: ProjectRule, project, area_m2: float):
    """(indicator, blanks counted as 0) or (None, …) when the required figure is missing."""
    vals = project.values
    if vals.get(rule.parts[0]) is None:
        return None, ()
    blanks = tuple(p for p in rule.parts[1:] if vals.get(p) is None)
    total = sum(vals.get(p) or 0.0 for p in rule.parts)
    if rule.per == "ha":
        return total / (area_m2 / M2_PER_HA), blanks
    return total / area_m2 * (100.0 if rule.per == "percent" else 1.0), blanks


def _fmt(v: float) -> str:
    return f"{v:,.2f}"


def _judge(rule, val, lim, source, blanks):
    """(severity, zh, en) of a compared indicator, or None when it passes."""
    u = rule.unit
    if rule.per == "percent" and val > 100.0 + 1e-9:
        return ("warning", f"{rule.name} {_fmt(val)}% 超过 100%，申报面积大于用地面积，需核实",
                f"{rule.name_en} {_fmt(val)}% exceeds 100%: declared area larger than the site; verify")
    low = CONTROL_FIELDS[rule.control] == "min"
    if not (val < lim - 1e-9 if low else val > lim + 1e-9):
        return None
    zh = f"{rule.name} {_fmt(val)}{u} {'低于下限' if low else '高于上限'} {lim:g}{u}（{source}）"
    en = f"{rule.name_en} {_fmt(val)}{u} is {'below the minimum' if low else 'above the maximum'} {lim:g}{u}"
    if blanks:
        names = "、".join(_COL[b].header for b in blanks)
        return ("warning", zh + f"；{names}未填，按 0 计，需核实", en + f"; {', '.join(blanks)} blank, counted as 0; verify")
    return "error", zh, en


@dataclass
class PlotContext:
    """What the checks know of the plots: codes, exact areas (㎡), land-use codes, geometries, and two lookups —
    ``plot_control(f, i)`` → the plot's own (value or None, source) and ``std_limit(f, i)`` → the profile's Limit."""
    codes: np.ndarray
    area: np.ndarray
    landuse: list
    geoms: object
    plot_control: Callable
    std_limit: Callable
    profile: object


def check_projects(table: Optional[ProjectTable], ctx: PlotContext, plot_findings: dict, findings: list):
    """Check every project; returns (rule summaries, output columns {name: array})."""
    n = len(ctx.codes)
    if table is None:
        return [RuleSummary("PRJ", "项目指标审查（供地/预审）", "project", status="not_requested",
                            reason="未提供项目表，地块图层也无项目指标字段 / no project table and no project fields")], {}
    index = {str(c): i for i, c in enumerate(ctx.codes) if c}
    rules = {r.rule_id: RuleSummary(r.rule_id, r.name, "project", out_field=r.out, source=table.source)
             for r in PROJECT_RULES}
    tab = RuleSummary("PRJ-TABLE", "项目表核对", "project", source=table.source)
    cols = {"XMMC": np.full(n, None, dtype=object)}
    cols.update({r.out: np.full(n, np.nan) for r in PROJECT_RULES})
    for rule in PROJECT_RULES:
        if rule.parts[0] not in table.columns:
            s = rules[rule.rule_id]
            s.status = "not_checked" if rule.core else "not_requested"
            s.reason = f"项目表无“{_COL[rule.parts[0]].label}”列 / no '{rule.parts[0]}' column"
    for p in table.projects:
        i = p.plot if p.plot >= 0 else index.get(p.code, -1)
        tab.n_features += 1
        if i < 0:
            findings.append(Finding(tab.rule_id, tab.rule_name, "warning", p.code,
                                    f"项目表{p.where}的地块编号“{p.code}”不在地块图层中，该项目未检查 / {p.where_en}: plot "
                                    f"'{p.code}' is not in the plot layer; the project is not checked",
                                    source=table.source))
            continue
        p.plot = i
        cols["XMMC"][i] = p.name or None
        for rule in PROJECT_RULES:
            fnd = _check_one(rule, p, i, ctx, cols, rules[rule.rule_id])
            if fnd is not None:
                fnd.extra["project"] = p.name
                plot_findings.setdefault(i, []).append(fnd)
                findings.append(fnd)
    for rule in PROJECT_RULES:
        s = rules[rule.rule_id]
        if s.status == "checked" and s.n_features == 0:
            s.status = "not_requested"
            s.reason = "无项目同时有申报值和限值 / no project with both a figure and a limit"
    return [*rules.values(), tab], cols


def _check_one(rule: ProjectRule, p, i: int, ctx: PlotContext, cols, summary) -> Optional[Finding]:
    code, area = ctx.codes[i], float(ctx.area[i])
    if area <= 0:
        return Finding(rule.rule_id, rule.name, "not_checked", code, "地块面积为 0，未检查 / plot area is 0",
                       unit=rule.unit)
    val, blanks = _value(rule, p, area)
    if val is not None:
        cols[rule.out][i] = val
    pv, psrc = ctx.plot_control(rule.control, i)
    lim = binding_limit(rule.control, ctx.std_limit(rule.control, i), pv, psrc, ctx.profile)
    who = f"项目“{p.name}”" if p.name else "项目"
    if val is None or lim is None:
        if not rule.core:
            return None
        zh, en = ((f"{who}未申报{_COL[rule.parts[0]].label}，{rule.name}未检查", f"no {rule.parts[0]} declared")
                  if val is None else (f"{rule.name}未检查：地块无{rule.control}控制指标，标准无值",
                                       f"no {rule.control} on the plot and no standard value"))
        return Finding(rule.rule_id, rule.name, "not_checked", code, f"{zh} / {rule.name_en} not checked: {en}",
                       value=val, limit=lim[0] if lim else None, unit=rule.unit, source=lim[1] if lim else "")
    summary.n_features += 1
    verdict = _judge(rule, val, lim[0], lim[1], blanks)
    if verdict is None:
        return None
    sev, zh, en = verdict
    return Finding(rule.rule_id, rule.name, sev, code, f"{who}{zh} / {en}", value=val, limit=lim[0],
                   unit=rule.unit, source=lim[1], geometry=ctx.geoms[i] if sev == "error" else None,
                   extra={"conflict": sev == "error", "share": 100.0, "feature_id": rule.control,
                          "feature_name": lim[1], "landuse": ctx.landuse[i], "area": area})
