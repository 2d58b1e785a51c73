"""Parts of the 一张图 review report that count land once and say what to do: the net area in conflict (the union of
the conflict parts, per plot and in total, beside the per-rule areas that count overlapping rules twice), the result
of each conflict row (不合规 / 需核实 / 需核实（疑似边界误差）) with its 处理建议, the per-plot table and the maps.
"""
from __future__ import annotations

import html
from functools import cached_property

import numpy as np
import pandas as pd
import shapely

from .._compat import factorize_text
from ..checks import BOUNDARY_MARK
from ..geometry import exact_area
from .actions import BOUNDARY_VERIFY, action_for
from .netarea import AREA_KINDS, NetAreas, as_text, dissolved_area, net_areas
from .svgmap import boxed, overview_svg, plot_svg

__all__ = ["AREA_KINDS", "NetAreas", "net_areas", "row_result", "row_action", "actions_legend", "plot_table",
           "maps_section", "PlotIndex", "tolerance_note", "net_cards"]


def _e(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return html.escape(str(v))


def _n(v, digits: int = 2) -> str:
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{float(v):,.{digits}f}"


def row_result(severity: str, message: str) -> str:
    """The result a conflict row stands for: 错误 → 不合规, 警告 → 需核实 (需核实（疑似边界误差） below the boundary
    tolerance), 未检查 → 未检查."""
    if severity == "错误":
        return "不合规"
    if severity == "警告":
        return BOUNDARY_VERIFY if BOUNDARY_MARK in str(message) else "需核实"
    return str(severity)


def row_action(rule_id: str, severity: str, message: str) -> str:
    """The suggested action (a short verb: 调出, 核减, 核实边界误差 …) of a conflict row."""
    return action_for(str(rule_id), row_result(severity, message))[0]


def _row_kinds(conf) -> list:
    """(rule id, severity, boundary mark) of the conflict rows as texts, each once, in the order of the rows: what
    their results depend on (the mark is read only where the severity is 警告, the one result it changes)."""
    rid, sev = as_text(conf["GZBH"]), as_text(conf["YZCD"])
    (r, _), (s, s_uniq) = factorize_text(rid), factorize_text(sev)
    mark = np.zeros(len(rid), dtype=bool)
    warn = np.flatnonzero(sev == "警告")
    mark[warn] = [BOUNDARY_MARK in v for v in as_text(conf["SM"])[warn].tolist()]
    _, first = np.unique((r * len(s_uniq) + s) * 2 + mark, return_index=True)
    first.sort()
    return list(zip(rid[first].tolist(), sev[first].tolist(), mark[first].tolist()))


def actions_legend(result) -> list:
    """What each suggested action used in the report means (rule, result → action: detail), from the rule data."""
    conf = result.conflicts
    if conf is None or not len(conf) or "SM" not in conf.columns:
        return []
    names = {r.rule_id: r.rule_name for r in result.rules}
    seen = {}
    for rid, sev, mark in _row_kinds(conf):                   # rows in order, each kind once
        res = row_result(sev, BOUNDARY_MARK if mark else "")
        action, detail = action_for(rid, res)
        if action:
            seen.setdefault((rid, res), (action, detail))
    if not seen:
        return []
    out = ["<h3>处理建议说明</h3><p class='small'>来自 resources/standards/review_actions.csv（本插件的建议，非法定要求）。</p>"
           "<table><thead><tr><th>规则</th><th>结论</th><th>处理建议</th><th>含义</th></tr></thead><tbody>"]
    for (rid, res), (action, detail) in seen.items():
        out.append(f"<tr><td>{_e(names.get(rid, rid))}</td><td>{_e(res)}</td><td>{_e(action)}</td><td>{_e(detail)}</td></tr>")
    out.append("</tbody></table>")
    return out


def _num(v) -> float:
    """A CTMJ value as a number (NaN where it is none), as pandas.to_numeric(errors="coerce") reads it."""
    try:
        return float(v)
    except (TypeError, ValueError):
        return np.nan


class PlotIndex:
    """The plots as the report names them (``codes``: DKBH as text, else #feature id; ``named``: by DKBH), their
    geometries, and per code the position of its plot — the last one where codes repeat, as a dict of them finds
    it — from one hash table in pandas, built once for the per-plot table and the maps."""

    def __init__(self, result):
        self.plots, self.code_field = result.plots, result.code_field
        self.named = result.code_field in result.plots.columns
        self._index, self._last = None, None

    @cached_property
    def codes(self) -> np.ndarray:
        plots = self.plots
        return (as_text(plots[self.code_field]) if self.named
                else np.array([f"#{i}" for i in plots.index], dtype=object))

    @cached_property
    def geoms(self) -> np.ndarray:
        return self.plots.geometry.to_numpy()

    def positions(self, codes) -> np.ndarray:
        """Per code of ``codes``, the position of its plot, −1 where there is none."""
        if self._index is None:
            index = pd.Index(self.codes)
            if not index.is_unique:                    # repeated codes: the last plot of each
                self._last = np.flatnonzero(~index.duplicated(keep="last"))
                index = index[self._last]
            self._index = index
        pos = self._index.get_indexer(np.asarray(codes, dtype=object))
        return pos if self._last is None else np.where(pos >= 0, self._last[pos], -1)

    def geometries(self, codes) -> np.ndarray:
        """Per code of ``codes``, the geometry of its plot (None where there is none)."""
        pos = self.positions(codes)
        out = np.full(len(pos), None, dtype=object)
        out[pos >= 0] = self.geoms[pos[pos >= 0]]
        return out


class _PlotRows:
    """The conflict rows of a few plots, taken in one pass over the conflicts: the columns the report shows as
    arrays, and per plot code its rows in the layer's order (``rows``) and by rule id (``by_rule``, rules in the
    order they first appear, as ``groupby(sort=False)``)."""

    def __init__(self, conf, codes):
        key = as_text(conf["DKBH"])
        pick = np.flatnonzero(pd.Series(key, copy=False).isin(set(codes)).to_numpy())
        self.col = {c: conf[c].to_numpy()[pick] for c in ("GZBH", "GZMC", "CTMJ", "YZCD", "SM")}
        self.col["geometry"] = conf.geometry.to_numpy()[pick]
        self.rows = {c: [] for c in codes}
        self.by_rule = {c: {} for c in codes}
        for k, (code, rid) in enumerate(zip(key[pick].tolist(), self.col["GZBH"].tolist())):
            self.rows[code].append(k)
            if not pd.isna(rid):
                self.by_rule[code].setdefault(rid, []).append(k)

    def rule_area(self, result, code: str, rule_id: str, rows) -> float:
        """A plot's conflict area under one rule (``rows`` of it), counted once: one row's CTMJ as the check
        measured it, the check's dissolved conflict where it has one, else the exact area of the rows' union."""
        kind = next((r.kind for r in result.rules if r.rule_id == rule_id), None)
        one = _num(self.col["CTMJ"][rows[0]]) if len(rows) == 1 else np.nan
        if kind in AREA_KINDS and np.isfinite(one):
            return one
        known = result.dissolved.get(rule_id, {}).get(code)
        if known is not None:
            area = dissolved_area(result, rule_id, code)           # as the check measured it, where it did
            return float(area if np.isfinite(area) else exact_area([known])[0])
        arr = np.asarray([g for g in self.col["geometry"][rows] if g is not None and not g.is_empty], dtype=object)
        return float(exact_area([shapely.union_all(arr)])[0]) if len(arr) else 0.0


def tolerance_note(result) -> str:
    """The boundary tolerance that applied, as the report states it."""
    value = next((v for k, v in result.parameters.items() if k.startswith("边界容差")), None)
    if value is None:
        return ""
    if str(value).startswith("0（"):
        return ("<p>边界容差：未启用（0 ㎡）。大于容差的重叠均按规则判定。/ Boundary tolerance: off.</p>")
    return (f"<p><b>边界容差：</b>{_e(value)}。面积小于该值的禁止性冲突判为“{BOUNDARY_VERIFY}”，不判为不合规，"
            "须核对两套数据的边界后定论。</p>")


def plot_table(result, net: NetAreas, max_rows: int, index: PlotIndex = None) -> list:
    """三、分地块冲突汇总: per plot, the area of each rule, the net area, this check's result and the actions.
    ``index``: the plots' :class:`PlotIndex`, where the maps use it too."""
    if not len(net.per_plot):
        return []
    shown = net.per_plot.head(max_rows)
    got = _PlotRows(result.conflicts, shown["DKBH"])
    sev_msg = list(zip(got.col["YZCD"].tolist(), got.col["SM"].tolist()))
    names = {r.rule_id: r.rule_name for r in result.rules}
    index = index or PlotIndex(result)
    pos = index.positions(shown["DKBH"]) if index.named else np.full(len(shown), -1)     # DKBH → this check's result
    status = np.append(result.plots[result.status_field].to_numpy(), "")[pos]       # −1: ""
    out = ["<h2>三、分地块冲突汇总（净面积：重叠部分只计一次）</h2><table class='plots'><thead><tr><th>地块编号</th>"
           "<th>冲突规则及面积（㎡）</th><th>不合规（㎡）</th><th>需核实（㎡）</th><th>净面积（㎡）</th><th>审查结论</th>"
           "<th>处理建议</th></tr></thead><tbody>"]
    for row, st in zip(shown.itertuples(), status):
        parts, actions = [], []
        for rid, rows in got.by_rule[row.DKBH].items():
            parts.append(f"{names.get(rid, rid)} {_n(got.rule_area(result, row.DKBH, rid, rows))}")
            for sev, msg in (sev_msg[k] for k in rows):
                act = action_for(str(rid), row_result(sev, msg))[0]
                if act:
                    actions.append(f"{names.get(rid, rid)}：{act}")
        out.append(f"<tr><td>{_e(row.DKBH)}</td><td>{_e('；'.join(parts))}</td><td class='n'>{_n(row.fail)}</td>"
                   f"<td class='n'>{_n(row.verify)}</td><td class='n'><b>{_n(row.net)}</b></td>"
                   f"<td>{_e(st)}</td><td>{_e('；'.join(dict.fromkeys(actions)))}</td></tr>")
    out.append(f"<tr class='total'><td>合计 {len(net.per_plot)} 个地块</td><td>各规则面积相加 {_n(net.rules_sum)}"
               f"（重叠重复计）</td><td class='n'>{_n(net.fail)}</td><td class='n'>{_n(net.verify)}</td>"
               f"<td class='n'><b>{_n(net.net)}</b></td><td></td><td></td></tr></tbody></table>")
    if len(net.per_plot) > max_rows:
        out.append(f"<p class='small'>仅列出净面积最大的 {max_rows} 个地块（合计行含全部地块）。</p>")
    return out


def _layers(result):
    """(rule id, name, geometries, their :func:`~.svgmap.boxed`) of the constraint layers the check read: the
    boxes taken once for the overview and every map."""
    return [(rid, name, geoms, boxed(geoms)) for rid, name, geoms in getattr(result, "constraint_layers", [])]


def maps_section(result, net: NetAreas, max_maps: int, index: PlotIndex = None) -> list:
    """五、示意图: the overview, then one map per conflicting plot (largest net area first, each plot once).
    ``index``: the plots' :class:`PlotIndex`, where the per-plot table uses it too."""
    if not len(net.per_plot) or not len(result.plots):
        return []
    index = index or PlotIndex(result)
    codes, geoms = index.codes, index.geoms
    conflicted = index.geometries(net.per_plot["DKBH"])
    layers = _layers(result)
    out = ["<h2>五、冲突示意图</h2><p class='small'>总图：全部地块（灰）、各管控图层、有冲突的地块（红框）。分图：每个有冲突的地块"
           "一幅（按净面积从大到小，每个地块只画一次），黑框为本地块，灰框为相邻地块，虚线为管控要素边界，红色斜线为冲突部分。</p>",
           overview_svg(geoms, layers, conflicted), "<div class='maps'>"]
    tree = shapely.STRtree(geoms)
    mapped = net.per_plot.head(max_maps)
    got = _PlotRows(result.conflicts, mapped["DKBH"])
    for row, plot in zip(mapped.itertuples(), index.geometries(mapped["DKBH"])):
        if plot is None:
            continue
        mine = got.by_rule[row.DKBH]
        near = tree.query(plot.buffer(0.7 * max(plot.bounds[2] - plot.bounds[0], plot.bounds[3] - plot.bounds[1],
                                                20.0)))
        neighbours = [(codes[k], geoms[k]) for k in near if codes[k] != row.DKBH]
        ids = set(got.col["GZBH"][got.rows[row.DKBH]])
        cap = (f"{row.DKBH} · " + "；".join(f"{got.col['GZMC'][rows[0]]} "
                                           f"{_n(got.rule_area(result, row.DKBH, rid, rows))} ㎡"
                                           for rid, rows in mine.items())
               + f" · 净面积 {_n(row.net)} ㎡")
        out.append(plot_svg(row.DKBH, plot, neighbours, [la for la in layers if la[0] in ids],
                            [g for g in got.col["geometry"][got.rows[row.DKBH]] if g is not None], caption=cap))
    out.append("</div>")
    if len(net.per_plot) > max_maps:
        out.append(f"<p class='small'>另有 {len(net.per_plot) - max_maps} 个有冲突的地块未出分图，见第三节与冲突图层。</p>")
    return out


def net_cards(net: NetAreas) -> str:
    """The summary's net-area cards."""
    if not net.complete:
        return ("<p class='small'>净面积未计算（未检查）：本次运行只保留了最大的冲突图斑 / net area not computed: only "
                "the largest conflicts were kept.</p>")
    return (f"<div class='cards'><div class='card fail'>冲突净面积（不合规）<b>{_n(net.fail / 1e4, 4)}</b>公顷"
            f"（{_n(net.fail)} ㎡）</div><div class='card verify'>需核实净面积<b>{_n(net.verify / 1e4, 4)}</b>公顷"
            f"（{_n(net.verify)} ㎡）</div><div class='card'>各规则面积相加<b>{_n(net.rules_sum / 1e4, 4)}</b>公顷"
            "（同一块地占两条规则时重复计）</div></div>")
