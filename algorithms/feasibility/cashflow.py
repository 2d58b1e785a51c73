"""现金流测算 — the quarterly cash flow of the phased plan, with financing, parties, sensitivity and charts.

The flows are those of :mod:`.model` (money from each plot's use, controls and supply mode); NPV and IRR
(numpy-financial) are on the project's net flow before financing; the quarterly discount rate is
(1 + annual)^(1/4) − 1 and the IRR is reported per quarter and annualised. The financing plan (:mod:`.finance`)
covers each quarter's gap with the debt/equity shares, pays interest on the balance, repays the debt in equal parts
after the grace period until the end of the term and sweeps surpluses into early repayment. Each party's own flow
comes from :mod:`.parties`, the sensitivity from :mod:`.sensitivity`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..findings import Finding
from ..progress import Progress
from ..schema import DEFAULT_CODES
from .chart import write_chart, write_tornado
from .finance import financing_plan, metrics, npv_irr, payback_quarter, quarterly_rate
from .model import INFLOWS, OUTFLOWS, cash_model, totals
from .params import get
from .parties import PartiesResult, party_flows
from .phasing import PhasingResult, quarter_label
from .sensitivity import sensitivity_table, tornado_frame, two_way_table
from .supply import SUPPLY_MODES, supply_terms

__all__ = ["CashflowResult", "cashflow", "cash_model", "financing_plan", "npv_irr", "payback_quarter",
           "quarterly_rate", "OUTFLOWS", "INFLOWS", "LABELS", "write_chart", "plan_costs"]

def in_wan(labels: dict) -> dict:
    """Labels of money columns with their unit: 名称（万元）."""
    return {k: f"{v}（万元）" for k, v in labels.items()}


#: column -> Chinese label with its unit, for tables and exports (amounts in 万元)
LABELS = in_wan({
    "land_acquisition": "征地拆迁补偿", "site_preparation": "七通一平", "roads": "道路", "utilities": "市政管网",
    "public_facilities": "公共配套", "factory": "标准厂房", "operation": "运营管理",
    "land_revenue": "土地出让收入", "land_rent": "土地租金", "factory_sale": "厂房销售", "factory_rent": "厂房租金",
    "services": "运营服务", "tax": "税收留成", "outflow": "现金流出", "inflow": "现金流入", "net": "净现金流",
    "cumulative": "累计净现金流", "debt_drawdown": "贷款提款", "equity": "资本金投入", "interest": "财务费用（利息）",
    "repayment": "还本", "debt_balance": "贷款余额", "net_after_financing": "融资后净现金流"})
LABELS["sold_ha"] = "供地面积（公顷）"


@dataclass
class CashflowResult:
    quarterly: pd.DataFrame          # zone: one row per quarter, outflow/inflow categories, totals, financing
    clusters: pd.DataFrame           # long table: ZTBH, quarter, label, inflow, outflow, net, cumulative
    phases: pd.DataFrame             # long table: KFFQ, quarter, label, inflow, outflow, net, cumulative
    units: pd.DataFrame              # per unit: KFFQ, ZTBH, outflow, inflow, net, npv (index = input index)
    unit_net: np.ndarray             # units × quarters net flow
    summary: dict                    # peak need and quarter, NPV, IRR, payback, financing totals
    financing: pd.DataFrame          # drawdown, equity, interest, repayment, balance per quarter
    sensitivity: pd.DataFrame        # factor, change, npv, irr, peak need, payback
    findings: list = field(default_factory=list)
    chart_path: Optional[str] = None
    unit_flows: dict = field(default_factory=dict)   # name -> units × quarters array (every category)
    costs: Optional[pd.DataFrame] = None             # per row: quantities, rates and supply terms used
    parties: Optional[PartiesResult] = None          # each party's flow, NPV and peak funding
    two_way: Optional[pd.DataFrame] = None           # NPV by land-price change × occupancy change
    tornado_path: Optional[str] = None


def plan_costs(phased: PhasingResult, params: dict, *, mode_field: Optional[str] = None,
               price_field: Optional[str] = None, default_mode: Optional[str] = None) -> tuple[pd.DataFrame, list]:
    """The phasing's per-row costs with each row's supply mode, land price and cash terms (:mod:`.supply`)."""
    terms, findings = supply_terms(phased.units, phased.costs, params, mode_field=mode_field, price_field=price_field,
                                   default_mode=default_mode)
    return pd.concat([phased.costs, terms], axis=1), findings


def _quarterly(flows: dict, labels: list) -> pd.DataFrame:
    out, inn = totals(flows)
    q = pd.DataFrame({"quarter": np.arange(len(labels)), "label": labels})
    for k in OUTFLOWS + INFLOWS:
        q[k] = flows[k].sum(axis=0)
    q["outflow"], q["inflow"] = out.sum(axis=0), inn.sum(axis=0)
    q["net"] = q["inflow"] - q["outflow"]
    q["cumulative"] = q["net"].cumsum()
    q["sold_ha"] = flows["sold_ha"].sum(axis=0)
    q["producing_ha"] = flows["producing_ha"].sum(axis=0)
    return q


def _finance(q: pd.DataFrame, params: dict, summary: dict) -> pd.DataFrame:
    fin = financing_plan(q["net"].to_numpy(), params)
    fin.insert(0, "label", list(q["label"]))
    for k in ("debt_drawdown", "equity", "interest", "repayment", "debt_balance", "net_after_financing"):
        q[k] = fin[k].to_numpy()
    summary.update(debt_total=float(fin["debt_drawdown"].sum()), equity_total=float(fin["equity"].sum()),
                   interest_total=float(fin["interest"].sum()), debt_peak=float(fin["debt_balance"].max()),
                   debt_outstanding_end=float(fin["debt_balance"].iloc[-1]))
    return fin


def cashflow(phased: PhasingResult, *, params: Optional[dict] = None, cluster_field: str = "ZTBH",
             sensitivity: bool = True, chart_path: Optional[str] = None, tornado_path: Optional[str] = None,
             mode_field: Optional[str] = None, price_field: Optional[str] = None, default_mode: Optional[str] = None,
             progress: Optional[Progress] = None) -> CashflowResult:
    """The cash flow of a phased plan (:func:`algorithms.feasibility.phasing.phasing`): see the module docstring.

    ``mode_field`` names the plots' supply-mode field (出让/弹性出让/先租后让/长期租赁), ``default_mode`` the mode of
    the others (else ``land_supply.default_mode``); ``price_field`` the plots' own land price (万元/公顷)."""
    progress = progress or Progress()
    params = params if params is not None else phased.params
    costs, findings = plan_costs(phased, params, mode_field=mode_field, price_field=price_field,
                                 default_mode=default_mode)
    phase = phased.units["KFFQ"].to_numpy(dtype=int)
    T = int(get(params, "schedule.quarters"))
    y0, q0 = int(get(params, "schedule.start_year")), int(get(params, "schedule.start_quarter"))
    labels = [quarter_label(t, y0, q0) for t in range(T)]
    progress(10, "现金流 / cash flow")
    flows, start, phase_ids, _ = cash_model(costs, phase, params)
    out, inn = totals(flows)
    q = _quarterly(flows, labels)
    rate = float(params["discount_rate"])
    summary = metrics(q["net"].to_numpy(), rate)
    summary["phase_start_q"] = {int(k): int(s) for k, s in zip(phase_ids, start)}
    summary.update(total_inflow=float(q["inflow"].sum()), total_outflow=float(q["outflow"].sum()),
                   discount_rate=rate, quarters=T, start=labels[0],
                   peak_label=None if summary["peak_quarter"] is None else labels[summary["peak_quarter"]],
                   payback_label=None if summary["payback_quarter"] is None else labels[summary["payback_quarter"]])
    progress(40, "融资 / financing")
    fin = _finance(q, params, summary)
    parties = party_flows(q, params)
    summary["plan_rows"] = plan_rows(phased, params, costs)
    findings = _findings(summary, phased) + findings + parties.findings
    units_tbl = pd.DataFrame({"KFFQ": phase, "ZTBH": _cluster_codes(phased.units, cluster_field),
                              "outflow": out.sum(axis=1), "inflow": inn.sum(axis=1)}, index=costs.index)
    units_tbl["net"] = units_tbl["inflow"] - units_tbl["outflow"]
    units_tbl["npv"] = (inn - out) @ ((1.0 + quarterly_rate(rate)) ** -np.arange(T))
    clusters = _long(units_tbl["ZTBH"].to_numpy(), out, inn, labels, "ZTBH")
    phases_long = _long(phase, out, inn, labels, "KFFQ")
    progress(60, "敏感性 / sensitivity")
    sens = sensitivity_table(costs, phase, params, summary) if sensitivity else pd.DataFrame()
    two = two_way_table(costs, phase, params) if sensitivity else None
    written = tornado = None
    if chart_path:
        progress(85, "图表 / chart")
        written = write_chart(phases_long, q, chart_path)
    if tornado_path and len(sens):
        tornado = write_tornado(tornado_frame(sens), summary["npv"], tornado_path)
    progress(100, "现金流完成 / cash flow done")
    return CashflowResult(q, clusters, phases_long, units_tbl, inn - out, summary, fin, sens, findings, written, flows,
                          costs=costs, parties=parties, two_way=two, tornado_path=tornado)


def _cluster_codes(units, cluster_field: str) -> np.ndarray:
    if units is not None and cluster_field in units.columns:
        return units[cluster_field].astype(str).to_numpy()
    if units is not None and "DYBH" in units.columns:
        def parent(code):
            try:
                return DEFAULT_CODES.parts(code)[0]
            except ValueError:
                return "?"
        return units["DYBH"].astype(str).map(parent).to_numpy()
    return np.full(0 if units is None else len(units), "Z", dtype=object)


def _long(groups: np.ndarray, out: np.ndarray, inn: np.ndarray, labels: list, name: str) -> pd.DataFrame:
    keys, gidx = np.unique(groups, return_inverse=True)
    T = out.shape[1]
    go = np.zeros((len(keys), T))
    gi = np.zeros((len(keys), T))
    np.add.at(go, gidx, out)
    np.add.at(gi, gidx, inn)
    net = gi - go
    return pd.DataFrame({name: np.repeat(keys, T), "quarter": np.tile(np.arange(T), len(keys)),
                         "label": np.tile(labels, len(keys)), "inflow": gi.ravel(), "outflow": go.ravel(),
                         "net": net.ravel(), "cumulative": np.cumsum(net, axis=1).ravel()})


def plan_rows(phased: PhasingResult, params: dict, costs: Optional[pd.DataFrame] = None) -> list:
    """Summary rows that tie the cash flow to the plan: dates and where they came from, the land in and out of it,
    the roads, where the 地均税收 / 产出强度 / 容积率 / land price came from, and the land by supply mode."""
    costs = costs if costs is not None else phased.costs
    dates = params.get("_dates", {})
    area = costs["area_ha"].to_numpy(float)
    supplied = costs["supplied"].to_numpy(bool)
    apart = phased.set_apart
    rows = [("测算起始季度来源 start from", f"{dates.get('start', '')}：{dates.get('start_source', '')}", ""),
            ("目标基准年 base year", f"{dates.get('base_year', '')}：{dates.get('base_source', '')}", ""),
            ("纳入测算用地 land in the cash flow", float(area.sum()), "公顷"),
            ("其中已供地（不计征地与出让）of which supplied", float(area[supplied].sum()), "公顷"),
            ("需调整用地（未纳入）set apart", float(apart["area_ha"].sum()) if apart is not None and len(apart) else 0.0,
             "公顷"),
            ("新建道路 new roads", float(costs["road_km"].sum()), "公里"),
            ("道路投资 road cost", float(costs["roads"].sum()), "万元")]
    for col, label in (("tax_rate", "地均税收 tax per ha"), ("output_rate", "产出强度 output per ha")):
        if col in costs.columns:
            own = costs[f"{col}_from_plan"].to_numpy(bool)
            rows.append((f"{label}：取自地块控制指标 / from the plots' controls", int(own.sum()), "地块"))
            rows.append((f"{label}：按参数文件 / from the parameter file", int((~own).sum()), "地块"))
    for col, label in (("far_from_plan", "容积率 FAR：取自地块容积率下限 RJLXX / from the plots' RJLXX"),
                       ("price_from_plan", "地价 land price：取自地块字段 / from the plots' own field")):
        if col in costs.columns:
            rows.append((label, int(costs[col].to_numpy(bool).sum()), "地块"))
    if "supply_mode" in costs.columns:
        sell = costs["sell_ha"].to_numpy(float)
        for mode, ha in pd.Series(sell).groupby(costs["supply_mode"].to_numpy()).sum().items():
            if mode != "已供地":
                rows.append((f"供地方式 {mode} / supply mode {SUPPLY_MODES[mode]}", float(ha), "公顷"))
    return rows


def _findings(summary: dict, phased: PhasingResult) -> list:
    f = list(phased.findings)
    if summary["payback_quarter"] is None:
        f.append(Finding("FEAS-NO-PAYBACK", "测算期内未回本", "warning", None,
                         "累计净现金流在测算期末仍为负 / the cumulative net cash flow is still negative at the end",
                         value=float(summary["peak_need"]), unit="万元"))
    if summary["debt_outstanding_end"] > 1e-6:
        f.append(Finding("FEAS-DEBT-OPEN", "贷款未还清", "warning", None,
                         f"测算期末贷款余额 {summary['debt_outstanding_end']:.2f} 万元 / debt outstanding at the end",
                         value=summary["debt_outstanding_end"], unit="万元"))
    f.append(Finding("FEAS-ILLUSTRATIVE", "参数为示意值", "info", None,
                     "默认参数为示意性假设，须以本开发区实际数据替换 / the default parameters are illustrative "
                     "assumptions: replace them with the zone's own figures"))
    return f
