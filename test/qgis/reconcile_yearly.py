"""Reconcile the demo's yearly accounts: 飞地核算, 目标跟踪 (+ its chart), 主导产业占比, 年度综合评价 and 集约利用评价.

Each is read against the statistics it sums (企业统计入库.xlsx), the 亩均 ranking, the plan's plots and the data
files that hold its rates (the 飞地 agreement, the targets table, the leading-industry rule). Called by
reconcile.problems after the sections of reconcile_monitoring (whose context they share).
"""
from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd

from reconcile import TOL_HA, TOL_WAN, col, sheet
from reconcile_monitoring import SAMPLE, TOL_4DP, TOL_REL, _by, _differs, _num, year_sum

TOL_M2 = 1.0    # 1 m²


def _rounded_sum(m, key, year, decimals):
    """Σ of a figure over the year's records, each first rounded half-up to ``decimals`` (the 飞地 rounding rule)."""
    recs = m["recs"]
    v = _num(recs.loc[_num(recs[col(recs, "年度")]) == year, m["label"][key]]).dropna().to_numpy(float)
    return float((np.floor(np.round(v * 10.0 ** decimals, 6) + 0.5) / 10.0 ** decimals).sum())


def feidi_checks(c):
    """飞地核算.xlsx/.gpkg: the whole is the statistics'; parties, arrangements and plots add up to it."""
    m, bad, same, out = c["mon"], c["bad"], c["same"], c["out"]
    agreement = m["eng"][0]
    agr = agreement.load_agreement(os.path.join(SAMPLE, "feidi_agreement.yaml"))
    book = os.path.join(out, "飞地核算.xlsx")
    reg, det, rec = sheet(book, "分地区统计"), sheet(book, "分项分计"), sheet(book, "核对表")
    names = {p["id"]: p["name"] for p in agr["parties"]}
    for _, r in rec.iterrows():
        year, ind = int(r[col(rec, "年度")]), str(r[col(rec, "指标代码")])
        d, (label, unit, _) = agr["decimals"][ind], agreement.INDICATORS[ind]
        unit_tol = 0.5 * 10.0 ** -d
        whole = float(r[col(rec, "合计")])
        same(f"飞地 {ind} {year}: 核对表 合计 vs Σ 企业统计入库 (rounded to {d} decimals)", whole,
             _rounded_sum(m, ind, year, d), TOL_REL)
        same(f"飞地 {ind} {year}: 核对表 各方之和 vs 合计", float(r[col(rec, "各方之和")]), whole, unit_tol)
        parts = reg[_num(reg[col(reg, "年度")]) == year]
        same(f"飞地 {ind} {year}: Σ 分地区统计 parties vs 核对表 合计", float(_num(parts[f"{label}（{unit}）"]).sum()), whole,
             unit_tol)
        rows = det[(_num(det[col(det, "年度")]) == year) & (det[col(det, "指标代码")].astype(str) == ind)]
        same(f"飞地 {ind} {year}: Σ 分项分计 合计 vs 核对表 合计", float(_num(rows[col(rows, "合计")]).sum()), whole, unit_tol)
    _feidi_rows(bad, det, agr, names)
    notes = " ".join(sheet(book, "说明").astype(str).to_numpy().ravel())
    for ind in rec[col(rec, "指标代码")].astype(str).unique():
        blanks = int(_num(m["recs"][m["label"][ind]]).isna().sum())
        if blanks and f"{blanks} 条企业年度记录缺少“{agreement.INDICATORS[ind][0]}”" not in notes:
            bad.append(f"飞地 {ind}: {blanks} records of 企业统计入库 lack it, 飞地核算 说明 does not say so (FD-MISSING)")
    for _, r in reg.iterrows():
        va, en = float(r[col(reg, "增加值")]), float(r[col(reg, "能源消耗")])
        if va:
            same(f"飞地 energy intensity {r[col(reg, '名称')]} {r[col(reg, '年度')]}: 能耗强度 vs 能源消耗 ÷ 增加值",
                 float(r[col(reg, "能耗强度")]), en / va, TOL_REL)
    _feidi_map(c, reg, det, agr)


def _feidi_rows(bad, det, agr, names):
    """Each arrangement row: the parties' shares add up to its total; a ratio row uses the agreement's ratios."""
    arrs = {a["id"]: a for a in agr["arrangements"]}
    for _, r in det.iterrows():
        ind, total = str(r[col(det, "指标代码")]), float(r[col(det, "合计")])
        unit = 10.0 ** -agr["decimals"][ind]
        shares = {p: float(r[f"{n}分得"]) for p, n in names.items()}
        where = f"飞地 分项分计 {r[col(det, '年度')]} {r[col(det, '协议安排')]} {ind}"
        if abs(sum(shares.values()) - total) > unit / 2:
            bad.append(f"{where}: Σ shares {sum(shares.values())!r} ≠ 合计 {total!r}")
        if not str(r[col(det, "分计方式")]).startswith("按协议比例"):
            continue
        ratios = arrs[str(r[col(det, "协议安排")])]["ratios"][ind]
        for p, n in names.items():
            want = float(ratios.get(p, 0.0))
            if abs(float(r[f"{n}比例"]) - want) > TOL_REL or abs(shares[p] - want * total) >= unit:
                bad.append(f"{where}: {n} {shares[p]!r} ({r[f'{n}比例']!r}) ≠ the agreement's ratio {want:g} × {total!r}")


def _feidi_map(c, reg, det, agr):
    """飞地核算.gpkg: the latest year's plots are the 亩均 plots; Σ plot shares = the party's (before whole units)."""
    import pyogrio

    bad, same, out = c["bad"], c["same"], c["out"]
    layer = pyogrio.read_dataframe(os.path.join(out, "飞地核算.gpkg"))
    year = int(_num(reg[col(reg, "年度")]).max())
    if set(layer["ND"].astype(int)) != {year}:
        bad.append(f"飞地核算.gpkg ND {sorted(set(layer['ND']))} vs the latest year {year} of 分地区统计")
    mu = pyogrio.read_dataframe(os.path.join(out, "亩均效益.gpkg"))
    if set(layer["DKBH"]) != set(mu["DKBH"]):
        bad.append(f"plots: 飞地核算.gpkg {len(layer)} vs 亩均效益.gpkg {len(mu)}: "
                   f"{sorted(set(layer['DKBH']) ^ set(mu['DKBH']))[:5]}")
    groups = det[_num(det[col(det, "年度")]) == year][col(det, "协议安排")].nunique()
    for tag, ind, words in (("ZJZ", "value_added", "增加值"), ("NH", "energy", "能源消耗")):
        unit = 10.0 ** -agr["decimals"][ind]
        for p in agr["parties"]:
            row = reg[(_num(reg[col(reg, "年度")]) == year) & (reg[col(reg, "参与方")].astype(str) == p["id"])]
            same(f"飞地 {ind} {year} {p['id']}: Σ 飞地核算.gpkg {tag}_{p['id']} vs 分地区统计",
                 float(_num(layer[f"{tag}_{p['id']}"[:10]]).sum()), float(row[col(reg, words)].iloc[0]),
                 unit * groups + TOL_4DP * len(layer))


def target_checks(c):
    """目标跟踪.xlsx vs the statistics, the targets table and 目标完成率.svg."""
    m, bad, same, out = c["mon"], c["bad"], c["same"], c["out"]
    actuals = m["eng"][4].ACTUALS
    t = sheet(os.path.join(out, "目标跟踪.xlsx"), "目标跟踪")
    goals = pd.read_csv(os.path.join(SAMPLE, "targets.csv"), encoding="utf-8-sig")
    goal = {(str(r["指标"]), int(r["目标年"])): float(r["目标值"]) for _, r in goals.iterrows()}
    recs = m["recs"]
    for _, r in t.iterrows():
        name, year, ty = str(r[col(t, "指标")]), int(r[col(t, "年度")]), int(r[col(t, "目标年")])
        key = next(k for k, v in actuals.items() if name in v[0])
        actual, target = float(r[col(t, "实际值")]), float(r[col(t, "目标值")])
        if key == "companies":
            want, missing = float(recs.loc[_num(recs[col(recs, "年度")]) == year, col(recs, "信用代码")].nunique()), 0
        else:
            want, missing = year_sum(m, key, year)
        same(f"target {name} {year}: 目标跟踪 实际值 vs 企业统计入库", actual, want, TOL_WAN)
        same(f"target {name} ({ty}): 目标跟踪 目标值 vs targets.csv", target, goal.get((name, ty), np.nan), 0)
        same(f"target {name} ({ty}) {year}: 完成率 vs 实际值 ÷ 目标值", float(r[col(t, "完成率")]), actual / target * 100,
             TOL_REL)
        same(f"target {name} {year}: 缺少该项数据的企业数 vs blank cells in 企业统计入库", float(r[col(t, "缺少")]), missing, 0)
        verdict = str(r[col(t, "结论")])
        if missing and verdict.startswith(("按计划", "达到", "落后", "未达到")):
            bad.append(f"target {name} ({ty}) {year}: 结论 {verdict!r} on a sum that lacks {missing} enterprises "
                       "(the 亩均 and 主导产业 outputs call such a figure unknown)")
        base = t[(t[col(t, "指标")] == r[col(t, "指标")]) & (_num(t[col(t, "年度")]) == _num(r[col(t, "基准年")]))]
        if len(base):
            same(f"target {name} ({ty}): 基准值 vs 实际值 of the base year", float(r[col(t, "基准值")]),
                 float(base[col(t, "实际值")].iloc[0]), 0)
    _chart_checks(bad, t, os.path.join(out, "目标完成率.svg"))


def _chart_checks(bad, t, svg):
    """Every bar label of the chart (“2025: 91%” under “指标（2026年目标）”) is the table's completion."""
    with open(svg, encoding="utf-8") as fh:
        texts = re.findall(r">([^<>]+)</text>", fh.read())
    drawn, group = {}, None
    for text in texts:
        head = re.fullmatch(r"(.+)（(\d{4})年目标）", text)
        bar = re.fullmatch(r"(\d{4}): (-?\d+)%", text)
        if head:
            group = (head.group(1), int(head.group(2)))
        elif bar and group:
            drawn[group + (int(bar.group(1)),)] = bar.group(2)
    table = {(str(r[col(t, "指标")]), int(r[col(t, "目标年")]), int(r[col(t, "年度")])): f"{float(r[col(t, '完成率')]):.0f}"
             for _, r in t.iterrows() if pd.notna(r[col(t, "完成率")])}
    _differs(bad, "completion (%): 目标完成率.svg bars vs 目标跟踪.xlsx", pd.Series(drawn, dtype=object),
             pd.Series(table, dtype=object))


def industry_checks(c):
    """主导产业占比.xlsx vs the 亩均 clusters, the statistics, its rule file and the plan's plots."""
    m, bad, same, out = c["mon"], c["bad"], c["same"], c["out"]
    industry = m["eng"][2]
    t = _by(sheet(os.path.join(out, "主导产业占比.xlsx"), "主导产业产值占比"), "组团")
    clusters = _by(m["ranking"]["组团"], "组团编号").reindex(t.index)
    if set(_num(t[col(t, "年度")]).astype(int)) != {m["year"]}:
        bad.append(f"主导产业占比 year {sorted(set(t[col(t, '年度')]))} vs the 亩均 ranking's {m['year']}")
    _differs(bad, "enterprises per cluster: 主导产业占比 企业数 vs 亩均效益排名 组团", _num(t[col(t, "企业数")]),
             _num(clusters[col(clusters, "企业数")]), 0)
    output = _num(t[col(t, "区块工业总产值")])
    per_mu = _num(clusters[col(clusters, "亩均产值")])
    known = per_mu.notna()
    _differs(bad, "output per cluster (万元): 主导产业占比 区块工业总产值 vs 亩均效益 组团 亩均产值 × 用地面积", output[known],
             per_mu[known] * _num(clusters.loc[known, col(clusters, "用地面积")]), TOL_WAN)
    partial = _num(t[col(t, "缺少产值的企业数")]) > 0
    plain = t[col(t, "结论")].astype(str).str.startswith(("达到", "未达到"))
    for block in t.index[partial & (known | plain)]:
        bad.append(f"cluster {block}: 主导产业占比 lacks output for some enterprises yet 亩均 or 结论 calls it known")
    same(f"output {m['year']} (万元): Σ 主导产业占比 区块工业总产值 vs Σ 企业统计入库", float(output.sum()),
         year_sum(m, "output", m["year"])[0], TOL_WAN)
    _differs(bad, "leading share (%): 主导产业产值占比 vs 主导产业产值 ÷ 区块工业总产值", _num(t[col(t, "主导产业产值占比")]),
             _num(t[col(t, "主导产业产值（")]) / output * 100, TOL_REL)
    rule = float(industry.load_yaml(industry.LEADING_PATH)["min_share"])
    _differs(bad, "leading share rule (%): 主导产业占比 要求 vs leading_industry.yaml", _num(t[col(t, "要求")]),
             pd.Series(rule, index=t.index), 0)
    ph = m["phased"]
    land = pd.DataFrame({"z": ph["ZTBH"].astype(str), "d": ph["HYDM"].map(industry.division),
                         "mu": m["plot_mu"].to_numpy()}).dropna()
    by = land.groupby(["z", "d"])["mu"].sum()
    top = by.groupby(level=0).max() / by.groupby(level=0).sum() * 100
    _differs(bad, "leading land share (%): 主导产业占比 vs the plan's plots (HYDM, YDMJ)", _num(t[col(t, "用地占比")]), top,
             TOL_REL)


def evaluation_checks(c):
    """年度综合评价.xlsx vs the statistics it sums, 目标跟踪 (企业数, 税收) and the 亩均 clusters' land."""
    m, same, out = c["mon"], c["same"], c["out"]
    book = os.path.join(out, "年度综合评价.xlsx")
    ev, inds = sheet(book, "年度综合评价"), sheet(book, "指标与权重")
    links = m["links"]
    t = sheet(os.path.join(out, "目标跟踪.xlsx"), "目标跟踪")
    tracked = {(str(r[col(t, "指标")]), int(r[col(t, "年度")])): float(r[col(t, "实际值")]) for _, r in t.iterrows()}
    for _, r in ev.iterrows():
        year = int(r[col(ev, "年度")])
        mine = links[_num(links[col(links, "年度")]) == year]
        land = float(_num(mine[col(mine, "企业在该地块的用地")]).sum())
        same(f"zone land {year} (亩): 年度综合评价 vs Σ 企业统计入库 企业地块关联", float(r[col(ev, "用地面积")]), land, TOL_REL * land)
        same(f"enterprises {year}: 年度综合评价 企业数 vs 目标跟踪 企业引进", float(r[col(ev, "企业数")]),
             tracked.get(("企业引进", year), np.nan), 0)
        q = {k: year_sum(m, k, year)[0] for k in m["label"] if k in m["eng"][3].FIGURES}
        q["land_mu"] = land
        for _, i in inds.iterrows():
            how = re.fullmatch(r"(\w+) ÷ (\w+)(?: × ([\d.]+))?", str(i[col(inds, "计算")]).strip())
            name = next(x for x in ev.columns if str(x).startswith(str(i[col(inds, "指标")])))
            if how and how.group(1) in q and how.group(2) in q:
                want = q[how.group(1)] / q[how.group(2)] * float(how.group(3) or 1)
                same(f"{name} {year}: 年度综合评价 vs Σ 企业统计入库", float(r[name]), want, TOL_REL * abs(want))
            elif how and how.group(2) == "tax_prev" and ("税收", year - 1) in tracked:
                same(f"{name} {year}: 年度综合评价 vs 目标跟踪 税收 ÷ the year before", float(r[name]),
                     tracked[("税收", year)] / tracked[("税收", year - 1)] * float(how.group(3) or 1), TOL_REL * 100)
    last = ev[_num(ev[col(ev, "年度")]) == m["year"]]
    clusters = m["ranking"]["组团"]
    land = float(_num(clusters[col(clusters, "用地面积")]).sum())
    same(f"zone land {m['year']} (亩): 年度综合评价 vs Σ 亩均效益排名 组团", float(last[col(ev, "用地面积")].iloc[0]), land,
         TOL_REL * land)


def intensive_checks(c):
    """集约利用评价.xlsx (the plan at completion): the zone's and clusters' land is the plan's plots', the land
    developed is the land phased (需调整用地 is neither), in 公顷 and in m²."""
    m, bad, same, out = c["mon"], c["bad"], c["same"], c["out"]
    t = sheet(os.path.join(out, "集约利用评价.xlsx"), "土地集约利用评价")
    ph = m["phased"]
    ha = pd.Series(ph["YDMJ"].to_numpy(float) / 1e4, index=ph["ZTBH"].astype(str).to_numpy())
    phased = ha[ph["KFFQ"].notna().to_numpy()]

    def whole_and_clusters(s):
        return pd.concat([s.groupby(level=0).sum(), pd.Series({"全区": s.sum()})])

    def rows(name):
        return _by(t[t[col(t, "指标")] == name], "组团编号")

    dev, built, far = rows("土地开发率"), rows("土地建成率"), rows("综合容积率")
    tol = TOL_HA * len(ph)   # 1 m² a plot
    _differs(bad, "land (公顷): 集约利用评价 土地开发率 分母 vs the plan's plots (YDMJ)", _num(dev[col(dev, "分母")]),
             whole_and_clusters(ha), tol)
    _differs(bad, "land developed (公顷): 集约利用评价 土地开发率 分子 vs the phased plots (plots_phased KFFQ)",
             _num(dev[col(dev, "分子")]), whole_and_clusters(phased), tol)
    ph_table = sheet(os.path.join(out, "分期表.xlsx"), "分期表")
    total = ph_table[ph_table[col(ph_table, "开发分期")].astype(str).str.startswith("合计")]
    same("land developed (公顷): 集约利用评价 全区 土地开发率 分子 vs 分期表 合计", float(_num(dev.loc["全区", col(dev, "分子")])),
         float(_num(total[col(total, "用地面积")]).iloc[0]), tol)
    _differs(bad, "built land (m²): 集约利用评价 综合容积率 分母 vs 土地建成率 分子 (公顷) × 10 000", _num(far[col(far, "分母")]),
             _num(built[col(built, "分子")]) * 1e4, TOL_M2)


YEARLY_SECTIONS = (feidi_checks, target_checks, industry_checks, evaluation_checks, intensive_checks)
