"""Reconcile the demo's monitoring outputs (steps 12–19 of scripts/demo.sh) with each other and with the plan.

Every figure printed twice is compared: a plot's area (亩 = 公顷 × 15) in the statistics' links, the 亩均 layer and
the plan's plots; the 亩均 layer and its ranking workbook; totals and the sum of their rows (enterprises, plots,
units, clusters, 区块, parties); the 飞地 shares and the whole they split; idle-land statuses, days and fees on the
map and in the list; the targets' actual figures and the statistics, the chart and the table; the zone evaluation
and the statistics it sums. The demo's inputs (resources/sample/data: the statistics, the supply ledger, the targets,
the 飞地 agreement) and the rule files are read where an output must restate them. Called by reconcile.problems (one
section per output family; reconcile_yearly holds the yearly accounts).
"""
from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd

from reconcile import ROOT, TOL_WAN, col, sheet

MU_PER_HA = 15.0   # 1 公顷 = 15 亩 (1 亩 = 10 000 / 15 m²)
TOL_MU_2DP = 0.005 + 1e-9   # a figure the layer rounds to 0.01
TOL_4DP = 5e-5 + 1e-9       # a figure the layer or workbook rounds to 0.0001
TOL_REL = 1e-6              # ratios and indicators recomputed from the figures they divide
SAMPLE = os.path.join(ROOT, "resources", "sample", "data")


def _engine():
    try:  # inside the QGIS tests the engine is the plugin's (build/plugins/zutuan); from the command line, the checkout
        from zutuan.algorithms.monitoring import agreement, idle, industry, intake, targets
    except ImportError:
        from algorithms.monitoring import agreement, idle, industry, intake, targets
    return agreement, idle, industry, intake, targets


def _num(s):
    return pd.to_numeric(s, errors="coerce")


def _close(a, b, tol):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return (np.isnan(a) & np.isnan(b)) | (np.abs(a - b) <= tol)


def _by(df, key):
    return df.set_index(df[col(df, key)].astype(str).str.strip())


def _differs(bad, what, a: pd.Series, b: pd.Series, tol=None):
    """One line naming the keys where two per-key series differ (numbers within tol; text exactly)."""
    keys = a.index.union(b.index)
    a, b = a.reindex(keys), b.reindex(keys)
    if tol is None:
        off = a.astype(str) != b.astype(str)
    else:
        off = ~_close(_num(a), _num(b), tol)
    if off.any():
        first = keys[np.asarray(off)][:3]
        bad.append(f"{what} differs on {int(off.sum())} of {len(keys)}: "
                   + "; ".join(f"{k}: {a[k]!r} ≠ {b[k]!r}" for k in first))


def monitoring_context(c):
    """The shared inputs of the monitoring sections: the statistics as written by the intake step."""
    import pyogrio

    out = c["out"]
    eng = _engine()
    book = os.path.join(out, "企业统计入库.xlsx")
    m = dict(eng=eng, recs=sheet(book, "企业年度统计"), links=sheet(book, "企业地块关联"),
             label={x.key: x.label for x in eng[3].COLUMNS},
             phased=pyogrio.read_dataframe(os.path.join(out, "plots_phased.gpkg")))
    m["plot_mu"] = pd.Series(m["phased"]["YDMJ"].to_numpy(float) / 1e4 * MU_PER_HA,
                             index=m["phased"]["DKBH"].astype(str).to_numpy())
    ranking = os.path.join(out, "亩均效益排名.xlsx")
    m["ranking"] = {n: sheet(ranking, n) for n in ("企业排名", "地块", "单元", "组团", "评价指标")}
    m["year"] = int(_num(m["ranking"]["企业排名"][col(m["ranking"]["企业排名"], "年度")]).iloc[0])
    c.update(mon=m)
    return m


def year_sum(m, key, year):
    """Σ of one statistics figure over the enterprises of ``year`` (blank cells not counted), and how many lack it."""
    recs = m["recs"]
    rows = recs[_num(recs[col(recs, "年度")]) == year]
    values = _num(rows[m["label"][key]])
    return float(values.sum()), int(values.isna().sum())


def _indicator_columns(m):
    """{layer field: ranking column} from the 评价指标 sheet (the profile the ranking names)."""
    inds = m["ranking"]["评价指标"]
    return {str(r[col(inds, "图层字段")]): (f"{r[col(inds, '指标')]}（{r[col(inds, '单位')]}）"
                                        if pd.notna(r[col(inds, "单位")]) and str(r[col(inds, "单位")]).strip()
                                        else str(r[col(inds, "指标")])) for _, r in inds.iterrows()}


def intake_checks(c):
    """企业统计入库.xlsx: the plots' areas in 亩 are the plan's; each record's attribution weights add up to 1."""
    m, bad, same = monitoring_context(c), c["bad"], c["same"]
    links = m["links"]
    area = links.groupby(links[col(links, "地块编号")].astype(str))[col(links, "地块面积")].first()
    _differs(bad, "plot area (亩): 企业统计入库.xlsx 企业地块关联 vs plots_phased YDMJ × 15 / 10 000",
             _num(area), m["plot_mu"].reindex(area.index), TOL_REL)
    phased = m["phased"].set_index(m["plot_mu"].index)
    _differs(bad, "plot area (亩): plots_phased MJMU vs YDMJ × 15 / 10 000", _num(phased["MJMU"]), m["plot_mu"], TOL_MU_2DP)
    _differs(bad, "plot area (公顷): plots_phased MJGQ vs YDMJ / 10 000", _num(phased["MJGQ"]), _num(phased["YDMJ"]) / 1e4,
             TOL_4DP)
    weights = _num(links[col(links, "分摊权重")]).groupby(links[col(links, "表格行号")]).sum()
    off = weights[(weights - 1.0).abs() > TOL_REL]
    if len(off):
        bad.append(f"attribution weights of {len(off)} records do not add up to 1: {off.head(3).round(6).to_dict()}")
    recs = m["recs"]
    same("records: 企业统计入库 企业年度统计 vs the demo's statistics table", len(recs),
         len(pd.read_csv(os.path.join(SAMPLE, "enterprise_stats.csv"), encoding="utf-8-sig", dtype=str)), 0)


def mujun_checks(c):
    """亩均效益.gpkg vs 亩均效益排名.xlsx, the plan's plots and the statistics; each level adds up to the whole."""
    import pyogrio

    m, bad, same, out = c["mon"], c["bad"], c["same"], c["out"]
    layer = pyogrio.read_dataframe(os.path.join(out, "亩均效益.gpkg"))
    layer.index = layer["DKBH"].astype(str)
    rk = m["ranking"]
    plots = _by(rk["地块"], "地块编号")
    _differs(bad, "plot area (亩): 亩均效益.gpkg MJMU vs plots_phased YDMJ × 15 / 10 000", layer["MJMU"],
             m["plot_mu"].reindex(layer.index), TOL_MU_2DP)
    _differs(bad, "plot area (亩): 亩均效益.gpkg MJMU vs 亩均效益排名.xlsx 地块", layer["MJMU"], plots[col(plots, "用地面积")],
             TOL_MU_2DP)
    for field, name in _indicator_columns(m).items():
        _differs(bad, f"{name} per plot: 亩均效益.gpkg {field} vs 亩均效益排名.xlsx 地块", layer[field], plots[name], TOL_4DP)
    for field, words, tol in (("QYS", "企业数", 0), ("DF", "得分", TOL_MU_2DP), ("PM", "排名", 0), ("MJDJ", "等级", None)):
        _differs(bad, f"{words} per plot: 亩均效益.gpkg {field} vs 亩均效益排名.xlsx 地块", layer[field], plots[col(plots, words)],
                 tol)
    if set(layer["ND"].astype(int)) != {m["year"]}:
        bad.append(f"亩均效益.gpkg ND {sorted(set(layer['ND']))} vs the ranking's year {m['year']}")
    ent = rk["企业排名"]
    for key, words in (("tax", "税收"), ("value_added", "增加值")):
        total, _ = year_sum(m, key, m["year"])
        same(f"{words} {m['year']} (万元): Σ 亩均效益排名 企业排名 vs Σ 企业统计入库", float(_num(ent[col(ent, words)]).sum()),
             total, TOL_WAN)
    links = m["links"]
    mine = links[_num(links[col(links, "年度")]) == m["year"]]
    land = _num(mine[col(mine, "企业在该地块的用地")]).groupby(mine[col(mine, "统一社会信用代码")]).sum()
    _differs(bad, "enterprise land (亩): 亩均效益排名 企业排名 vs Σ 企业统计入库 企业地块关联",
             _num(_by(ent, "统一社会信用代码")[col(ent, "用地面积")]), land, TOL_REL)
    _ratio_checks(bad, ent, _indicator_columns(m).values(), rk["评价指标"])
    _level_sums(m, bad, same)


def _ratio_checks(bad, table, names, inds):
    """Each enterprise's indicator = the figures it divides, where the ranking prints both (评价指标's 计算)."""
    for name, how in zip(names, inds[col(inds, "计算")].astype(str)):
        parts = re.fullmatch(r"(.+?) ÷ (.+?)(?: × ([\d.]+))?", how.strip())
        if not parts or parts.group(1) not in table.columns or parts.group(2) not in table.columns:
            continue
        want = _num(table[parts.group(1)]) / _num(table[parts.group(2)]) * float(parts.group(3) or 1)
        got = _num(table[name])
        off = ~(_close(got, want, 0) | (np.abs(got - want) <= TOL_REL * np.abs(want)))
        if off.any():
            bad.append(f"{name} of {int(off.sum())} enterprises ≠ {how} in the same row of 亩均效益排名")


def _level_sums(m, bad, same):
    """Plots, units and clusters: land, plot counts and taxes (亩均税收 × land) add up to the same whole."""
    rk = m["ranking"]
    tax_name = next(n for n in _indicator_columns(m).values() if n.startswith("亩均税收"))
    total_tax, _ = year_sum(m, "tax", m["year"])
    land = {}
    for level in ("地块", "单元", "组团"):
        t = rk[level]
        land[level] = float(_num(t[col(t, "用地面积")]).sum())
        taxes = _num(t[tax_name]) * _num(t[col(t, "用地面积")])
        same(f"taxes {m['year']} (万元): Σ {level} 亩均税收 × 用地面积 vs Σ 企业统计入库", float(taxes.sum()), total_tax, TOL_WAN)
        if level != "地块":
            same(f"plots: Σ {level} 地块数 vs 亩均效益排名 地块 rows", int(_num(t[col(t, "地块数")]).sum()), len(rk["地块"]), 0)
    for level in ("单元", "组团"):
        same(f"land (亩): Σ {level} vs Σ 地块 in 亩均效益排名", land[level], land["地块"], TOL_REL * land["地块"])
    links, clusters = m["links"], rk["组团"]
    mine = links[_num(links[col(links, "年度")]) == m["year"]]
    counts = mine.groupby(mine[col(mine, "组团编号")].astype(str))[col(mine, "表格行号")].nunique()
    _differs(bad, "enterprises per cluster: 亩均效益排名 组团 企业数 vs 企业统计入库 企业地块关联",
             _num(_by(clusters, "组团编号")[col(clusters, "企业数")]), counts.astype(float), 0)


def idle_checks(c):
    """闲置与低效用地.gpkg vs 清单.xlsx, the 亩均 plot figures, the ledger and the rules' fee rate and periods."""
    import pyogrio

    m, bad, out = c["mon"], c["bad"], c["out"]
    _, idle, *_ = m["eng"]
    layer = pyogrio.read_dataframe(os.path.join(out, "闲置与低效用地.gpkg"))
    layer.index = layer["DKBH"].astype(str)
    book = os.path.join(out, "闲置与低效用地清单.xlsx")
    lst, low = _by(sheet(book, "闲置土地"), "地块编号"), _by(sheet(book, "低效用地"), "地块编号")
    ledger = layer[layer["XZZT"].notna()]
    _differs(bad, "idle status: 闲置与低效用地.gpkg XZZT vs 清单 认定结果", ledger["XZZT"], lst[col(lst, "认定结果")])
    _differs(bad, "idle days: 闲置与低效用地.gpkg XZTS vs 清单 闲置天数", ledger["XZTS"], lst[col(lst, "闲置天数")], 0)
    _differs(bad, "agreed start: 闲置与低效用地.gpkg YDDG vs 清单 约定动工日期", ledger["YDDG"].astype(str),
             pd.to_datetime(lst[col(lst, "约定动工日期")]).dt.strftime("%Y-%m-%d"))
    graded = layer[layer["DXZT"].notna()]
    _differs(bad, "low-efficiency status: 闲置与低效用地.gpkg DXZT vs 清单 低效认定", graded["DXZT"], low[col(low, "低效认定")])
    mu = pyogrio.read_dataframe(os.path.join(out, "亩均效益.gpkg"))
    mu.index = mu["DKBH"].astype(str)
    for field, name in _indicator_columns(m).items():
        _differs(bad, f"{name} per plot: 闲置与低效用地清单 低效用地 vs 亩均效益.gpkg {field}", _num(low[name]), mu[field], TOL_4DP)
    if set(_num(low[col(low, "年度")]).astype(int)) != {m["year"]}:
        bad.append(f"低效用地 year {sorted(set(low[col(low, '年度')]))} vs the 亩均 ranking's {m['year']}")
    _idle_dates_and_fees(bad, lst, idle, sheet(book, "认定依据"))


def _idle_dates_and_fees(bad, lst, idle, basis):
    """Idle from the day after the agreed start's anniversary; days to the evaluation date; fee = price × the rate."""
    rules = idle.load_yaml(idle.RULES_PATH)
    on = pd.Timestamp(basis.set_index(basis.columns[0]).loc["评价日期"].iloc[0]).date()
    start = pd.to_datetime(lst[col(lst, "约定动工日期")]).dt.date
    first = pd.to_datetime(lst[col(lst, "满一年之日")]).dt.date
    want = start.map(lambda d: _anniversary(d, int(rules["idle_years"])) + pd.Timedelta(days=1).to_pytimedelta())
    _differs(bad, f"idle from: 清单 满一年之日 vs 约定动工日期 + {rules['idle_years']} 年 + 1 日", first.astype(str),
             want.astype(str))
    idle_rows = lst[col(lst, "认定结果")].astype(str).str.startswith("闲置土地")
    days = pd.Series([(on - d).days + 1 for d in first[idle_rows]], index=first[idle_rows].index)
    _differs(bad, f"idle days to {on}: 清单 闲置天数 vs 评价日期 − 满一年之日 + 1", _num(lst.loc[idle_rows, col(lst, "闲置天数")]),
             days.astype(float), 0)
    ledger = pd.read_csv(os.path.join(SAMPLE, "supply_ledger.csv"), encoding="utf-8-sig", dtype=str).set_index("地块编号")
    price = _num(ledger[col(ledger, "土地价款")]).reindex(lst.index[idle_rows])
    _differs(bad, f"idle fee (万元): 清单 土地闲置费 vs 台账 土地价款 × {rules['idle_fee_rate']:g}",
             _num(lst.loc[idle_rows, col(lst, "土地闲置费")]), price * float(rules["idle_fee_rate"]), TOL_4DP)


def _anniversary(d, years):
    import calendar
    import datetime as dt

    y = d.year + years
    return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


MONITORING_SECTIONS = (intake_checks, mujun_checks, idle_checks)
