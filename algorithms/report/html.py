"""The HTML report of a compliance check, in Chinese, printable to PDF (A4, print CSS).

One format for both checks (一张图 and 用地标准): summary, per-rule table, per-rule conflict tables, small SVG maps
of the worst conflicts drawn from the geometries, other findings, inputs and parameters, data and plugin
versions, and a signature block.
"""
from __future__ import annotations

import datetime as _dt
import html
import os
from typing import Optional

import numpy as np
import pandas as pd

from ..findings import SEVERITIES, STATUS
from .sections import (AREA_KINDS, PlotIndex, actions_legend, maps_section, net_areas, net_cards, plot_table,
                       row_action, row_result, tolerance_note)
from .svgmap import svg_map

__all__ = ["render_report", "write_report", "save_report", "svg_map"]

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","SimHei",sans-serif;font-size:10.5pt;
color:#222;margin:24px auto;max-width:1000px;line-height:1.45}
h1{font-size:18pt;text-align:center;margin:0 0 4px}
.sub{text-align:center;color:#555;margin-bottom:18px}
h2{font-size:13pt;border-bottom:2px solid #444;padding-bottom:2px;margin-top:22px}
h3{font-size:11pt;margin:14px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:9.5pt}
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top}
th{background:#eee}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ok{color:#1a7f37}.fail{color:#b42318;font-weight:bold}.verify{color:#b54708;font-weight:bold}
.nc{background:#fff4e5}
.box{border:1px solid #b54708;background:#fff8ef;padding:6px 10px;margin:8px 0}
.cards{display:flex;gap:10px;margin:8px 0}
.card{flex:1;border:1px solid #999;padding:6px;text-align:center}
.card b{display:block;font-size:16pt}
.maps{display:flex;flex-wrap:wrap;gap:10px}
figure{margin:0;width:340px;border:1px solid #bbb;padding:4px;page-break-inside:avoid;break-inside:avoid}
figure.overview{width:auto;max-width:100%;margin:6px 0}
figure svg{max-width:100%;display:block}
figcaption{font-size:8.5pt;color:#333}
.lg{display:inline-block;margin-right:12px}.lg i{display:inline-block;width:14px;height:9px;margin-right:3px;
vertical-align:middle}
tr.total td{font-weight:bold;background:#f6f6f6}
td:first-child{white-space:nowrap}
.sign{margin-top:30px;display:flex;gap:60px}
.small{font-size:8.5pt;color:#555}
table.rules td:nth-child(-n+4){min-width:4.2em}
table.rules td:last-child{font-size:8.5pt}
@page{size:A4;margin:15mm 12mm}
@media print{body{margin:0;max-width:none;font-size:9.5pt}h2{page-break-after:avoid;break-after:avoid}
h3{page-break-after:avoid;break-after:avoid}
tr,figure,.cards,.box{page-break-inside:avoid;break-inside:avoid}thead{display:table-header-group}
table{font-size:8pt;table-layout:auto;word-break:break-word}th,td{padding:2px 3px}
.maps{display:block}.maps figure{display:inline-block;width:auto;vertical-align:top;margin:0 6px 6px 0}
.cards{flex-wrap:wrap}}
"""

_KIND_ZH = {"forbid": "不得占用", "within": "须位于范围内", "touch": "接触即提示", "zoning": "分区用途相符",
            "slope": "坡度", "standard": "规划指标对标准", "project": "项目指标（供地/预审）", "cluster": "组团/单元指标"}
#: rule kinds whose findings are value-against-limit comparisons (listed from the findings, no conflict maps)
_VALUE_KINDS = ("standard", "project", "cluster")


def _e(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return html.escape(str(v))


def _n(v, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return f"{float(v):,.{digits}f}"


def _status_class(v: str) -> str:
    return {STATUS["ok"]: "ok", STATUS["fail"]: "fail", STATUS["verify"]: "verify"}.get(v, "")


def _previous_box(result) -> list:
    """The earlier check's result found on the input, apart from this check's own counts."""
    prev = getattr(result, "previous_counts", None)
    if not prev:
        return []
    combined = result.plots["SCJL"].value_counts() if len(result.plots) else {}
    items = "、".join(f"{k} {v}" for k, v in prev.items() if v)
    both = "、".join(f"{v} {int(combined.get(v, 0))}" for v in (STATUS["ok"], STATUS["fail"], STATUS["verify"]))
    return [f"<div class='box'><b>前序审查结论（非本次审查）：</b>输入图层的 SCJL 字段来自此前的审查（如一张图符合性审查）："
            f"{_e(items or '无')}。它不计入上面的本次结论；输出图层保留为 QXSCJL。输出的 SCJL 为两次审查合并后的地块结论"
            f"（取较严者，供后续分期、导出使用）：{_e(both)}。</div>"]


def _value_table(rule, fs, max_rows) -> list:
    """Findings of a value-against-limit rule: plot, project, value, limit, unit, citation."""
    if not fs:
        return []
    out = [f"<h3>{_e(rule.rule_id)} {_e(rule.rule_name)}（{len(fs)} 处）</h3><table><thead><tr><th>地块编号</th>"
           "<th>项目</th><th>数值</th><th>限值</th><th>单位</th><th>严重程度</th><th>依据（文件、条款）</th><th>说明</th>"
           "</tr></thead><tbody>"]
    for f in fs[:max_rows]:
        out.append(f"<tr><td>{_e(f.code)}</td><td>{_e(f.extra.get('project'))}</td><td class='n'>{_n(f.value)}</td>"
                   f"<td class='n'>{_n(f.limit)}</td><td>{_e(f.unit)}</td><td>{_e(SEVERITIES[f.severity])}</td>"
                   f"<td>{_e(f.source)}</td><td>{_e(f.message)}</td></tr>")
    out.append("</tbody></table>")
    if len(fs) > max_rows:
        out.append(f"<p class='small'>仅列出前 {max_rows} 处，完整清单见问题图层（CONFLICTS）。</p>")
    return out


def _rules_table(rules, net=None) -> list:
    """二、分规则汇总: one row per rule (checked / not-checked counts where the rules compare values); for the land
    rules the sum of their areas and the net area (each m² once)."""
    out = []
    valued = all(r.kind in _VALUE_KINDS for r in rules)
    n_head = "已检查数" if valued else "要素数"
    unchecked = any(r.n_unchecked for r in rules)
    out.append("<h2>二、分规则汇总</h2><table class='rules'><thead><tr><th>编号</th><th>规则</th><th>类型</th><th>状态</th>"
               f"<th>{n_head}</th>" + ("<th>未检查数</th>" if unchecked else "") +
               "<th>问题地块</th><th>错误</th><th>警告</th><th>冲突面积（㎡）</th><th>冲突面积（公顷）</th>"
               "<th>依据</th></tr></thead><tbody>")
    for r in rules:
        st = "已检查" if r.status == "checked" else f"未检查：{r.reason}"
        area = r.area if r.kind not in ("slope",) + _VALUE_KINDS else None
        out.append(f"<tr class='{'nc' if r.status != 'checked' else ''}'><td>{_e(r.rule_id)}</td>"
                   f"<td>{_e(r.rule_name)}</td><td>{_e(_KIND_ZH.get(r.kind, r.kind))}</td><td>{_e(st)}</td>"
                   f"<td class='n'>{r.n_features}</td>" + (f"<td class='n'>{r.n_unchecked}</td>" if unchecked else "") +
                   f"<td class='n'>{r.n_plots}</td><td class='n'>{r.n_errors}</td>"
                   f"<td class='n'>{r.n_warnings}</td><td class='n'>{_n(area)}</td>"
                   f"<td class='n'>{_n(area / 1e4 if area is not None else None, 4)}</td><td>{_e(r.source)}</td></tr>")
    if net is not None and net.complete:
        span = 9 + (1 if unchecked else 0)
        for label, v in (("各规则冲突面积相加（同一块地占两条规则时重复计）", net.rules_sum),
                         ("冲突净面积（各规则冲突部分的并集，每平方米只计一次）", net.net)):
            out.append(f"<tr class='total'><td colspan='{span - 1}'>{label}</td><td class='n'>{_n(v)}</td>"
                       f"<td class='n'>{_n(v / 1e4, 4)}</td><td></td></tr>")
    out.append("</tbody></table>")
    return out


def _summary(result, net) -> list:
    """一、审查结论摘要: counts, net area, not-checked rules, the boundary tolerance."""
    plots, conf = result.plots, result.conflicts
    counts = result.counts(also=("不适用",))
    total_area = getattr(result, "total_area", None)  # set by algorithms.scale, whose plots stay in files
    if total_area is None:
        total_area = float(plots.geometry.area.sum()) if len(plots) else 0.0
    out = ["<h2>一、审查结论摘要</h2><div class='cards'>",
           f"<div class='card'>地块总数<b>{len(plots)}</b>{_n(total_area / 1e4, 4)} 公顷</div>"]
    for key, cls in (("ok", "ok"), ("fail", "fail"), ("verify", "verify")):
        out.append(f"<div class='card {cls}'>{STATUS[key]}<b>{counts.get(STATUS[key], 0)}</b></div>")
    if counts["不适用"]:
        out.append(f"<div class='card'>不适用<b>{counts['不适用']}</b></div>")
    out.append("</div>")
    if net is not None:
        out.append(net_cards(net))
    if result.status_field != "SCJL":
        out.append(f"<p class='small'>以上为本次审查自身的结论（字段 {_e(result.status_field)}），只计本次审查的发现。</p>")
    out.extend(_previous_box(result))
    nc = [r for r in result.rules if r.status == "not_checked"]
    if nc:
        tail = ("涉及上述规则的地块结论为“需核实”。" if all(r.kind in _VALUE_KINDS for r in nc)
                else "因上述规则未能检查，其余无问题的地块结论为“需核实”。")
        out.append("<div class='box'><b>未检查的规则（不视为通过）：</b><ul>" + "".join(
            f"<li>{_e(r.rule_name)}（{_e(r.rule_id)}）：{_e(r.reason)}</li>" for r in nc) + f"</ul>{tail}</div>")
    out.append(tolerance_note(result))
    n_err = sum(r.n_errors for r in result.rules)
    n_warn = sum(r.n_warnings for r in result.rules)
    by_rule = result.conflict_counts  # set when only the largest conflicts are kept in memory (province scale)
    n_conf = sum(by_rule.values()) if by_rule is not None else len(conf)
    out.append(f"<p>共发现错误 {n_err} 项、警告 {n_warn} 项；冲突图斑 {n_conf} 个。"
               f"面积在 {_e(result.parameters.get('量算坐标系 / measurement CRS', ''))} 中平面量算，单位平方米（㎡）。</p>")
    return out


def _conflict_tables(result, value_rules, shown, max_rows) -> list:
    """四、分规则冲突明细: per rule, its conflict rows (largest first) with the result and the suggested action."""
    conf = result.conflicts
    by_rule = result.conflict_counts
    out = ["<h2>四、分规则冲突明细</h2>"]
    if len(conf) == 0 and not shown:
        out.append("<p>无冲突。</p>")
    for r in result.rules:
        if r.rule_id in value_rules:
            out.extend(_value_table(r, [f for f in shown if f.rule_id == r.rule_id], max_rows))
            continue
        pos = np.flatnonzero((conf["GZBH"] == r.rule_id).to_numpy()) if len(conf) else np.zeros(0, dtype=int)
        if not len(pos):
            continue
        # the largest rows, in the order of conf.sort_values("CTMJ", ascending=False), without copying the frame
        top = pd.Series(conf["CTMJ"].to_numpy()[pos]).sort_values(ascending=False).index[:max_rows]
        rows = conf.iloc[pos[top]]
        n_rows = by_rule.get(r.rule_id, len(pos)) if by_rule is not None else len(pos)
        out.append(f"<h3>{_e(r.rule_id)} {_e(r.rule_name)}（{n_rows} 处）</h3><table><thead><tr><th>地块编号</th>"
                   "<th>用地代码</th><th>管控要素</th><th>冲突面积（㎡）</th><th>占地块（%）</th><th>结论</th>"
                   "<th>处理建议</th><th>说明</th></tr></thead><tbody>")
        for row in rows.itertuples():
            feat = " ".join(x for x in (_e(row.YSBH), _e(row.YSMC)) if x)
            out.append(f"<tr><td>{_e(row.DKBH)}</td><td>{_e(row.YDDM)}</td><td>{feat}</td>"
                       f"<td class='n'>{_n(row.CTMJ)}</td><td class='n'>{_n(row.ZDBL)}</td>"
                       f"<td>{_e(row_result(row.YZCD, row.SM))}</td><td>{_e(row_action(r.rule_id, row.YZCD, row.SM))}"
                       f"</td><td>{_e(row.SM)}</td></tr>")
        out.append("</tbody></table>")
        if n_rows > min(max_rows, len(pos)):
            out.append(f"<p class='small'>仅列出面积最大的 {min(max_rows, len(pos))} 处，完整清单见冲突图层（CONFLICTS）。</p>")
    return out + actions_legend(result)


def _others(result, shown, max_rows) -> list:
    """六、其他发现 and the extra tables."""
    out = []
    shown_ids = {id(f) for f in shown}
    others = [f for f in result.findings if not f.extra.get("conflict") and id(f) not in shown_ids]
    if others:
        out.append("<h2>六、其他发现（数据处理、未检查项）</h2><table><thead><tr><th>规则</th><th>程度</th><th>对象</th>"
                   "<th>说明</th><th>依据</th></tr></thead><tbody>")
        for f in others[:max_rows]:
            out.append(f"<tr><td>{_e(f.rule_id)} {_e(f.rule_name)}</td><td>{_e(SEVERITIES[f.severity])}</td>"
                       f"<td>{_e(f.code)}</td><td>{_e(f.message)}</td><td>{_e(f.source)}</td></tr>")
        out.append("</tbody></table>")
        if len(others) > max_rows:
            out.append(f"<p class='small'>共 {len(others)} 条，仅列出前 {max_rows} 条。</p>")
    for title, cols, rows in result.extra_tables:
        out.append(f"<h3>{_e(title)}</h3><table><thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in cols) +
                   "</tr></thead><tbody>")
        for row in rows[:max_rows]:
            out.append("<tr>" + "".join(
                f"<td class='n'>{_n(v)}</td>" if isinstance(v, (float, np.floating)) else f"<td>{_e(v)}</td>"
                for v in row) + "</tr>")
        out.append("</tbody></table>")
    return out


def render_report(result, *, max_rows: int = 200, max_maps: int = 6, plugin_version: Optional[str] = None) -> str:
    """The report of a :class:`~algorithms.checks.result.CheckResult` as one self-contained HTML string."""
    from .._compat import versions

    now = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z (UTC%z)")
    out = [f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{_e(result.title)}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{_e(result.title)}</h1><div class='sub'>生成时间 {now} · 小组团 Planner "
           f"{_e(plugin_version or versions().get('zutuan-engine'))}</div>"]
    land = any(r.kind in AREA_KINDS for r in result.rules)
    net = net_areas(result) if land else None
    index = PlotIndex(result) if land else None        # DKBH → plot, for the per-plot table and the maps
    out.extend(_summary(result, net))
    out.extend(_rules_table(result.rules, net))
    for r in result.rules:
        if r.notes:
            out.append(f"<p class='small'>{_e(r.rule_name)}：" + "；".join(_e(n) for n in r.notes[:20]) +
                       (f" …（共 {len(r.notes)} 条）" if len(r.notes) > 20 else "") + "</p>")
    if net is not None:
        out.extend(plot_table(result, net, max_rows, index))
    value_rules = {r.rule_id for r in result.rules if r.kind in _VALUE_KINDS}
    shown = [f for f in result.findings if f.rule_id in value_rules and f.severity in ("error", "warning")]
    out.extend(_conflict_tables(result, value_rules, shown, max_rows))
    if net is not None:
        out.extend(maps_section(result, net, max_maps, index))
    out.extend(_others(result, shown, max_rows))
    out.append("<h2>七、输入数据与参数</h2><table><tbody>")
    for k, v in list(result.inputs.items()) + list(result.parameters.items()):
        out.append(f"<tr><th style='width:32%'>{_e(k)}</th><td>{_e(v)}</td></tr>")
    out.append("</tbody></table><h2>八、软件与数据版本</h2><table><tbody>")
    for k, v in versions().items():
        out.append(f"<tr><th style='width:32%'>{_e(k)}</th><td>{_e(v)}</td></tr>")
    out.append("</tbody></table>")
    out.append("<div class='sign'><div>审查人（签字）：________________</div><div>复核人（签字）：________________</div>"
               "<div>日期：____年__月__日</div></div>")
    out.append("<p class='small'>本报告由程序自动生成；“需核实”项须人工核实后方可定论。"
               "Generated automatically; items marked 需核实 need a person's verification.</p></body></html>")
    return "\n".join(out)


def write_report(result, path: str, **kw) -> str:
    """Render and write the report (UTF-8); returns ``path``."""
    return save_report(render_report(result, **kw), path)


def save_report(text: str, path: str) -> str:
    """Write a rendered report to ``path`` whole (a temporary file replaces it); returns ``path``."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
    return path
