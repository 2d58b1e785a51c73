"""Reconcile the demo's outputs with each other: one plan, one truth (issue 14).

``problems(out_dir)`` reads every output file of ``scripts/demo.sh`` (GeoPackages, xlsx, csv, html) and returns the
disagreements as readable lines (empty = the files agree). Used by test_reconcile.py on a fresh demo run, and from
the command line on any demo folder: ``python test/qgis/reconcile.py out``. The monitoring outputs (steps 12–19) are
read by the sections of reconcile_monitoring.py and reconcile_yearly.py.
"""
from __future__ import annotations

import os
import sys

import numpy as np
import pandas as pd

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOL_HA = 1e-4      # 1 m²
TOL_WAN = 0.01     # 0.01 万元


def _gpkg(out, name, layer=None):
    import pyogrio
    return pyogrio.read_dataframe(os.path.join(out, name), layer=layer)


def sheet(path, name):
    """A sheet of a workbook written by the plugin, as a DataFrame whose columns are the header text, the unit row
    (when there is one) appended: the header row is the first row with several filled cells."""
    raw = pd.read_excel(path, sheet_name=name, header=None, dtype=object)
    head = next(i for i in range(min(len(raw), 6)) if raw.iloc[i].notna().sum() >= 2)
    names = [str(v) if pd.notna(v) else "" for v in raw.iloc[head]]
    for j in range(1, len(names)):  # merged header cells: take the left neighbour's name
        if not names[j]:
            names[j] = names[j - 1]
    unit_row = raw.iloc[head + 1] if head + 1 < len(raw) else None
    body_from = head + 1
    if unit_row is not None and pd.isna(unit_row.iloc[0]):  # the unit row under a two-row header (maybe all empty)
        names = [f"{n} {u}".strip() if pd.notna(u) else n for n, u in zip(names, unit_row)]
        body_from = head + 2
    df = raw.iloc[body_from:].reset_index(drop=True)
    df.columns = names
    return df


def col(df, *words):
    """The first column whose header contains every word."""
    for c in df.columns:
        if all(w in str(c) for w in words):
            return c
    raise KeyError(f"no column with {words} in {list(df.columns)}")


def _num(s):
    return pd.to_numeric(s, errors="coerce")


def _phase_rows(df):
    k = col(df, "开发分期")
    return df[df[k].map(lambda v: str(v).strip().isdigit())]


def problems(out: str) -> list[str]:
    try:  # inside the QGIS tests the engine is the plugin's (build/plugins/zutuan); from the command line, the checkout
        from zutuan.algorithms.feasibility.costs import plot_far
        from zutuan.algorithms.feasibility.params import get, load_params
        from zutuan.algorithms.feasibility.rates import class_rates
        from zutuan.algorithms.planstate import plan_state
    except ImportError:
        sys.path.insert(0, ROOT)
        from algorithms.feasibility.costs import plot_far
        from algorithms.feasibility.params import get, load_params
        from algorithms.feasibility.rates import class_rates
        from algorithms.planstate import plan_state

    bad: list[str] = []

    def same(what, a, b, tol):
        if a is None or b is None or not np.isfinite(a) or not np.isfinite(b) or abs(a - b) > tol:
            bad.append(f"{what}: {a!r} ≠ {b!r}")

    plots = _gpkg(out, "plots_reviewed.gpkg")
    corridors = _gpkg(out, "road_corridors.gpkg")
    clusters = _gpkg(out, "plan.gpkg", "zutuan")
    meta = dict(zip(*(_gpkg(out, "plan.gpkg", "plan_metadata")[k] for k in ("JM", "JZ"))))
    n_plots, plots_ha = len(plots), float(plots["YDMJ"].sum()) / 1e4
    cluster_ha = float(clusters.geometry.area.sum()) / 1e4
    road_km = float(corridors["DLCD"].sum()) / 1000.0
    state = plan_state(plots)

    from reconcile_monitoring import MONITORING_SECTIONS
    from reconcile_yearly import YEARLY_SECTIONS

    sections = (_table_checks, _phase_checks, _cash_checks) + MONITORING_SECTIONS + YEARLY_SECTIONS
    ctx = dict(out=out, plots=plots, corridors=corridors, meta=meta, n_plots=n_plots, plots_ha=plots_ha,
               cluster_ha=cluster_ha, road_km=road_km, state=state, same=same, bad=bad, get=get,
               params=load_params(), class_rates=class_rates, plot_far=plot_far)
    for check in sections:
        try:
            check(ctx)
        except Exception as err:  # noqa: BLE001 - a missing file, sheet or column: reported, the other checks go on
            bad.append(f"{check.__name__.lstrip('_')} could not be read: {type(err).__name__}: {err}")
    return bad


def _table_checks(c):
    """控制指标表: plot table, CSV, land balance, review findings."""
    out, plots, n_plots, plots_ha, same, bad = c["out"], c["plots"], c["n_plots"], c["plots_ha"], c["same"], c["bad"]
    cluster_ha, state = c["cluster_ha"], c["state"]
    book = os.path.join(out, "控制指标表.xlsx")
    names = pd.ExcelFile(book).sheet_names
    table = sheet(book, next(n for n in names if "地块" in n and "一览" in n))
    table = table[table[col(table, "地块编号")].map(lambda v: isinstance(v, str) and v.count("-") == 2)]
    csv = pd.read_csv(os.path.join(out, "控制指标表.csv"), encoding="utf-8-sig", dtype=str)
    same("plot count: plots layer vs 控制指标表.xlsx", n_plots, len(table), 0)
    same("plot count: plots layer vs 控制指标表.csv", n_plots, len(csv), 0)
    same("total area (公顷): plots layer vs 控制指标表.xlsx", plots_ha, float(_num(table[col(table, "用地面积", "公顷")]).sum()),
         TOL_HA * n_plots)
    same("total area (公顷): plots layer vs 控制指标表.csv", plots_ha, float(_num(csv[col(csv, "用地面积")]).sum()),
         TOL_HA * n_plots)
    by_code = plots.set_index("DKBH")
    for fld, words in (("TZQD", ("投资强度",)), ("CCQD", ("产出强度",)), ("DJSS", ("地均税收",))):
        try:
            c = col(table, *words)
        except KeyError as err:
            bad.append(f"控制指标表.xlsx has no {words[0]} column ({fld}): {err}")
            continue
        got = _num(table.set_index(col(table, "地块编号"))[c])
        want = _num(by_code[fld]).reindex(got.index)
        diff = ((got - want).abs() > 0.005) & want.notna()
        if diff.any() or (got.isna() & want.notna()).any():
            bad.append(f"{words[0]} per plot differs between plots layer and 控制指标表.xlsx on {int(diff.sum())} plots")
    balance = sheet(book, "用地平衡表")
    area_c = col(balance, "面积", "公顷")
    name_c = col(balance, "名称")
    total_rows = balance[balance[name_c].astype(str).str.contains("合计|总用地|规划总用地", regex=True)]
    if not len(total_rows):
        bad.append("用地平衡表 has no total row (合计/规划总用地)")
    else:
        same("用地平衡表 total vs clusters' area (公顷)", float(_num(total_rows[area_c]).iloc[-1]), cluster_ha, 0.01)
    if not any("亩" in str(c) for c in balance.columns):
        bad.append("用地平衡表 has no 亩 column")
    apart = balance[balance[name_c].astype(str).str.contains("需调整")]
    if state.blocked.any():
        want = float(plots["YDMJ"].to_numpy()[state.blocked].sum()) / 1e4
        if not len(apart):
            bad.append("用地平衡表 does not show the land set apart (需调整用地)")
        else:
            same("用地平衡表 需调整用地 vs planstate (公顷)", float(_num(apart[area_c]).iloc[0]), want, 0.01)
    review = sheet(book, "审查结果")
    review = review[~review.iloc[:, 0].astype(str).str.startswith("注")]  # the sheet's closing note
    code_cols = [c for c in review.columns if "地块编号" in str(c)]
    if not code_cols:
        bad.append("审查结果 has no 地块编号 column")
    else:
        empty = review[code_cols[0]].isna() | (review[code_cols[0]].astype(str).str.strip() == "")
        if empty.any():
            bad.append(f"审查结果: {int(empty.sum())} of {len(review)} rows without a 地块编号")

    phased = _gpkg(out, "plots_phased.gpkg")
    kffq = phased.set_index("DKBH")["KFFQ"].reindex(plots["DKBH"]).to_numpy()
    table_k = _num(table.set_index(col(table, "地块编号"))[col(table, "开发分期")])
    k_ser = pd.Series(kffq, index=plots["DKBH"].to_numpy(), dtype="float")
    if ((table_k.reindex(k_ser.index) - k_ser).abs() > 0).any():
        bad.append("开发分期 in 控制指标表.xlsx differs from the phasing result (plots_phased.gpkg)")


def _phase_checks(c):
    """分期表.xlsx and the cash flow's 分期表 agree; no set-apart land phased; phases within the capacity."""
    out, plots, n_plots, same, bad, state = c["out"], c["plots"], c["n_plots"], c["same"], c["bad"], c["state"]
    get, params, road_km = c["get"], c["params"], c["road_km"]
    phased = _gpkg(out, "plots_phased.gpkg")
    cap = float(get(params, "phasing.capacity_ha"))
    ph_a = sheet(os.path.join(out, "分期表.xlsx"), "分期表")
    ph_b = sheet(os.path.join(out, "可行性测算.xlsx"), "分期表")
    pa, pb = _phase_rows(ph_a), _phase_rows(ph_b)
    same("phase count: 分期表.xlsx vs 可行性测算.xlsx", len(pa), len(pb), 0)
    for words in (("用地面积",), ("投资",), ("地块数",), ("新建道路",), ("已供地",)):
        a = _num(pa[col(pa, *words)]).to_numpy(float)
        b = _num(pb[col(pb, *words)]).to_numpy(float)
        if len(a) != len(b) or np.abs(a - b).max(initial=0) > 1e-6:
            bad.append(f"分期表 {words[0]} per phase differs: {a.round(4).tolist()} vs {b.round(4).tolist()}")
    for _, r in pa.iterrows():
        if float(r[col(pa, "用地面积")]) > cap + 1e-9 and int(r[col(pa, "单元数")]) > 1:
            bad.append(f"phase {r[col(pa, '开发分期')]} has {float(r[col(pa, '用地面积')]):.2f} ha > capacity {cap:g}")
    same("road length (km): road_corridors.gpkg vs 分期表.xlsx", road_km, float(_num(pa[col(pa, "新建道路")]).sum()), 1e-6)
    kffq = phased.set_index("DKBH")["KFFQ"].reindex(plots["DKBH"]).to_numpy()
    blocked_phased = [c for c, k, b in zip(plots["DKBH"], kffq, state.blocked) if b and pd.notna(k)]
    if blocked_phased:
        bad.append(f"{len(blocked_phased)} plots set apart by a prohibiting rule are phased: {blocked_phased[:5]}")
    phased_n = int(_num(pa[col(pa, "地块数")]).sum())
    same("plots: phased + set apart vs plots layer", phased_n + int(state.blocked.sum()), n_plots, 0)


def _cash_checks(c):
    """The cash flow: roads, 征地 only on unsupplied developable land, dates from the plan."""
    out, plots, corridors, meta, same, bad = c["out"], c["plots"], c["corridors"], c["meta"], c["same"], c["bad"]
    get, params, road_km, state = c["get"], c["params"], c["road_km"], c["state"]
    cash = os.path.join(out, "可行性测算.xlsx")
    flow = pd.read_excel(cash, sheet_name="现金流量表")
    summ = pd.read_excel(cash, sheet_name="测算摘要")
    item = dict(zip(summ.iloc[:, 0].astype(str), summ.iloc[:, 1]))

    def summary(word):
        return next((v for k, v in item.items() if word in k), None)

    same("road length (km): corridors vs 可行性测算 摘要", road_km, float(summary("新建道路 new roads") or np.nan), 1e-6)
    rates = get(params, "costs.roads_per_km")
    want_cost = sum(float(r[col(corridors, "DLCD")]) / 1000.0 * float(rates.get(str(r["DLDJ"]), rates["default"]))
                    for _, r in corridors.iterrows())
    same("road cost (万元): Σ corridors × unit cost vs 现金流量表 道路", want_cost, float(flow["道路（万元）"].sum()), TOL_WAN)
    develop = ~state.blocked
    area = plots["YDMJ"].to_numpy(float) / 1e4
    open_ha = float(area[develop & ~state.supplied].sum())
    same("征地 (万元): unsupplied developable land × rate vs 现金流量表",
         open_ha * float(get(params, "costs.land_acquisition_per_ha")), float(flow["征地拆迁补偿（万元）"].sum()), TOL_WAN)
    _plot_money_checks(c, flow, develop & ~state.supplied)
    year = meta.get("BZNF")
    if str(flow["季度"].iloc[0]) != f"{year}Q1":
        bad.append(f"cash flow starts {flow['季度'].iloc[0]}, the plan's year is {year}")
    targets = pd.read_excel(cash, sheet_name="发展目标")
    base = int(meta.get("JZNF"))
    if sorted(set(targets["目标年"].astype(int))) != [base + 3, base + 5]:
        bad.append(f"target years {sorted(set(targets['目标年']))} are not the plan's base year {base} + 3 / + 5")


def _plot_money_checks(c, flow, open_rows):
    """Land sold and its income, and the developer's factories, from each plot's class rates and FAR (issue 20):
    every unsupplied developable plot is supplied and built within the demo's horizon, under the default 出让."""
    plots, params, same = c["plots"], c["params"], c["same"]
    rates = c["class_rates"](plots, params)
    far, _ = c["plot_far"](plots, rates)
    ha = plots["YDMJ"].to_numpy(float) / 1e4 * open_rows
    share = rates["developer_factory_share"].to_numpy(float)
    sellable = ha * (1 - share)
    sold = float(_num(flow[col(flow, "供地面积")]).sum())
    same("land supplied (公顷): Σ unsupplied developable plots less the factory share vs 现金流量表", float(sellable.sum()),
         sold, 1e-6)
    income = float(flow["土地出让收入（万元）"].sum() + flow["土地租金（万元）"].sum())
    same("land income (万元): Σ sellable ha × the plot's class price vs 现金流量表",
         float((sellable * rates["land_price_per_ha"].to_numpy(float)).sum()), income, TOL_WAN)
    floor = ha * share * 1e4 * far
    same("standard factories (万元): Σ factory land × the plot's FAR (RJLXX) × its class cost vs 现金流量表",
         float((floor * rates["factory_cost_per_m2"].to_numpy(float)).sum()), float(flow["标准厂房（万元）"].sum()), TOL_WAN)


if __name__ == "__main__":  # pragma: no cover
    found = problems(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "out"))
    print("\n".join(found) or "all outputs agree")
    sys.exit(1 if found else 0)
