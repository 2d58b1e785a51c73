"""现金流测算 — a quarter-by-quarter cash flow of the phased plan, with financing and sensitivity.

Model (all amounts 万元, quarter 0 = ``schedule.start_year``/``start_quarter``; s = the phase's start quarter):

outflows
  land acquisition and compensation  the unit's lump sum in quarter s;
  七通一平, roads, utilities, public facilities  spread evenly over ``construction_quarters`` from s;
  standard factories (developer-built share)  spread evenly over ``factory_build_quarters`` after that;
  operation  ``operation_per_ha_year``/4 per 公顷 once the phase's infrastructure is finished
  (already-supplied land from quarter 0);
inflows
  land transfer  the phase's land to transfer is sold at ``absorption_ha_per_quarter`` from s + ``sales_lag_quarters``,
  pro rata over its units, at ``land_price_per_ha``;
  factories  the developer's floor is taken up at the same pace from its completion: the ``factory_sale_share`` is
  sold at ``factory_sale_price_per_m2``, the rest rented at ``factory_rent_per_m2_year``/4;
  services and tax share  per producing 公顷 and year (÷4 per quarter): land sold ``production_lag_quarters`` ago,
  occupied factory land, and land already supplied; the tax rate is each plot's own 地均税收 control (DJSS,
  万元/公顷·年), ``revenues.tax_per_ha_year`` only where a plot has none.
NPV and IRR (numpy-financial) are on the project's net flow before financing; the quarterly discount rate is
(1 + annual)^(1/4) − 1 and the IRR is reported per quarter and annualised. The financing plan covers each quarter's
gap with the debt/equity shares, pays interest on the balance, repays the debt in equal parts after the grace period
until the end of the term and sweeps surpluses into early repayment.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding
from ..progress import Progress
from ..schema import DEFAULT_CODES
from .params import get
from .chart import write_chart
from .phasing import PhasingResult, phase_schedule, quarter_label

__all__ = ["CashflowResult", "cashflow", "cash_model", "financing_plan", "npv_irr", "payback_quarter",
           "quarterly_rate", "OUTFLOWS", "INFLOWS", "write_chart"]

OUTFLOWS = ("land_acquisition", "site_preparation", "roads", "utilities", "public_facilities", "factory", "operation")
INFLOWS = ("land_revenue", "factory_sale", "factory_rent", "services", "tax")
#: column -> Chinese label, for tables and exports
LABELS = {"land_acquisition": "征地拆迁补偿", "site_preparation": "七通一平", "roads": "道路", "utilities": "市政管网",
          "public_facilities": "公共配套", "factory": "标准厂房", "operation": "运营管理",
          "land_revenue": "土地出让收入", "factory_sale": "厂房销售", "factory_rent": "厂房租金", "services": "运营服务",
          "tax": "税收留成", "outflow": "现金流出", "inflow": "现金流入", "net": "净现金流", "cumulative": "累计净现金流",
          "debt_drawdown": "贷款提款", "equity": "资本金投入", "interest": "财务费用（利息）", "repayment": "还本",
          "debt_balance": "贷款余额", "net_after_financing": "融资后净现金流"}


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


def quarterly_rate(annual: float) -> float:
    return (1.0 + annual) ** 0.25 - 1.0


def _window(start: np.ndarray, length: int, T: int) -> np.ndarray:
    """K × T weights 1/length on quarters start … start+length−1 (a lump in ``start`` when length is 0)."""
    t = np.arange(T)[None, :]
    s = np.asarray(start)[:, None]
    L = max(int(length), 1)
    return ((t >= s) & (t < s + L)).astype(float) / L


def _ramp(start: np.ndarray, rate: float, total: np.ndarray, T: int) -> np.ndarray:
    """K × T cumulative share taken up: rate·(t − start + 1) ÷ total, clipped to [0, 1]; 1 from start if total is 0."""
    t = np.arange(T)[None, :]
    s = np.asarray(start)[:, None]
    tot = np.asarray(total, dtype=float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(tot > 0, rate * (t - s + 1) / np.where(tot > 0, tot, 1.0), 1.0)
    return np.clip(np.where(t >= s, share, 0.0), 0.0, 1.0)


def _lag(a: np.ndarray, k: int) -> np.ndarray:
    if k <= 0:
        return a
    out = np.zeros_like(a)
    out[:, k:] = a[:, :-k] if k < a.shape[1] else 0.0
    return out


def cash_model(costs: pd.DataFrame, phase: np.ndarray, params: dict, *, land_price_factor: float = 1.0,
               cost_factor: float = 1.0, absorption_factor: float = 1.0, per_unit: bool = True):
    """The flows. Returns (``flows``: name → units×T array or, with per_unit=False, phases×T array, ``start``
    quarter per phase, ``phase_ids``, ``pidx`` unit → phase row)."""
    T = int(get(params, "schedule.quarters"))
    phase = np.asarray(phase, dtype=int)
    phase_ids, pidx = np.unique(phase, return_inverse=True)
    K = len(phase_ids)
    sell = costs["sell_ha"].to_numpy(float)
    supplied = costs["supplied"].to_numpy(bool)
    area = costs["area_ha"].to_numpy(float)
    sell_k = np.bincount(pidx, weights=sell, minlength=K)
    supplied_k = np.bincount(pidx, weights=np.where(supplied, area, 0.0), minlength=K)
    rate = float(get(params, "development.absorption_ha_per_quarter")) * absorption_factor
    lag = int(get(params, "development.sales_lag_quarters"))
    C = int(get(params, "development.construction_quarters"))
    F = int(get(params, "development.factory_build_quarters"))
    P = int(get(params, "development.production_lag_quarters"))
    start, _ = phase_schedule(sell_k, supplied_k, absorption=rate, lag=lag,
                              threshold=float(get(params, "phasing.maturity_threshold")), phase_ids=phase_ids)
    lump = _window(start, 0, T)
    build = _window(start, C, T)
    fbuild = _window(start + max(C, 0), F, T)
    t = np.arange(T)[None, :]
    serviced = (t >= (start + C)[:, None]).astype(float)
    sold_cum = _ramp(start + lag, rate, sell_k, T)                       # share of the phase's land sold
    sold_q = np.diff(sold_cum, axis=1, prepend=0.0)
    done = start + C + F
    occ_cum = _ramp(done, rate, sell_k, T)                               # factory take-up share
    occ_q = np.diff(occ_cum, axis=1, prepend=0.0)
    rev = params["revenues"]

    # unit scalars (n) × phase curves (K×T); aggregated by phase first when per-unit rows are not needed
    def agg(x):
        return x if per_unit else np.bincount(pidx, weights=x, minlength=K)

    rows = pidx if per_unit else np.arange(K)
    c = {k: costs[k].to_numpy(float) for k in ("land_acquisition", "site_preparation", "roads", "utilities",
                                                "public_facilities", "factory", "factory_m2", "factory_ha")}
    op_rate = float(get(params, "costs.operation_per_ha_year")) / 4.0
    flows = {
        "land_acquisition": agg(c["land_acquisition"])[:, None] * lump[rows],
        "site_preparation": agg(c["site_preparation"] * cost_factor)[:, None] * build[rows],
        "roads": agg(c["roads"] * cost_factor)[:, None] * build[rows],
        "utilities": agg(c["utilities"] * cost_factor)[:, None] * build[rows],
        "public_facilities": agg(c["public_facilities"] * cost_factor)[:, None] * build[rows],
        "factory": agg(c["factory"] * cost_factor)[:, None] * fbuild[rows],
        "operation": (agg(np.where(supplied, 0.0, area) * op_rate)[:, None] * serviced[rows]
                      + agg(np.where(supplied, area, 0.0) * op_rate)[:, None]),
    }
    price = float(rev["land_price_per_ha"]) * land_price_factor
    flows["land_revenue"] = agg(sell * price)[:, None] * sold_q[rows]
    sale_share = float(rev["factory_sale_share"])
    flows["factory_sale"] = agg(c["factory_m2"] * sale_share * float(rev["factory_sale_price_per_m2"]))[:, None] \
        * occ_q[rows]
    flows["factory_rent"] = agg(c["factory_m2"] * (1 - sale_share) * float(rev["factory_rent_per_m2_year"]) / 4.0)[
        :, None] * occ_cum[rows]
    def producing_by(weight):  # producing 公顷 of each row (phase) per quarter, each hectare weighted
        return (agg(sell * weight)[:, None] * _lag(sold_cum, P)[rows]
                + agg(c["factory_ha"] * weight)[:, None] * occ_cum[rows]
                + agg(np.where(supplied, area, 0.0) * weight)[:, None])

    producing = producing_by(np.ones(len(area)))
    flows["services"] = producing * float(rev["services_per_ha_year"]) / 4.0
    # the plan's own 地均税收 per plot (costs.tax_rate, from DJSS; the parameter only where a plot has none)
    tax_rate = costs["tax_rate"].to_numpy(float) if "tax_rate" in costs.columns else \
        np.full(len(area), float(rev["tax_per_ha_year"]))
    flows["tax"] = producing_by(tax_rate) * float(rev["tax_share"]) / 4.0
    flows["producing_ha"] = producing
    flows["sold_ha"] = agg(sell)[:, None] * sold_q[rows]
    return flows, start, phase_ids, pidx


def _totals(flows: dict) -> tuple[np.ndarray, np.ndarray]:
    out = sum(flows[k] for k in OUTFLOWS)
    inn = sum(flows[k] for k in INFLOWS)
    return out, inn


def npv_irr(net: np.ndarray, annual_rate: float) -> tuple[float, float, float]:
    """(NPV at the annual rate, IRR per quarter, IRR annualised) of quarterly flows; NaN when no IRR exists."""
    try:
        import numpy_financial as npf
    except ImportError:  # pragma: no cover - listed in requirements.txt
        from ..errors import ZutuanError
        raise ZutuanError("E_DEPENDENCY", package="numpy-financial", command="pip install numpy-financial") from None
    npv = float(npf.npv(quarterly_rate(annual_rate), net))
    with np.errstate(all="ignore"):
        irr_q = float(npf.irr(net)) if (net > 0).any() and (net < 0).any() else float("nan")
    irr_a = (1.0 + irr_q) ** 4 - 1.0 if math.isfinite(irr_q) else float("nan")
    return npv, irr_q, irr_a


def payback_quarter(cumulative: np.ndarray) -> Optional[int]:
    """First quarter from which the cumulative net flow stays ≥ 0 (0 if it never goes negative); None if never."""
    neg = np.flatnonzero(cumulative < -1e-9)
    if len(neg) == 0:
        return 0
    last = int(neg[-1])
    return last + 1 if last + 1 < len(cumulative) else None


def financing_plan(net: np.ndarray, params: dict) -> pd.DataFrame:
    """Quarterly drawdown (debt, equity), interest, repayment and balance covering the gaps of ``net``."""
    fin = params["financing"]
    ds, es = float(fin["debt_share"]), float(fin["equity_share"])
    rq = quarterly_rate(float(fin["interest_rate"]))
    term, grace = int(fin["term_quarters"]), int(fin["grace_quarters"])
    T = len(net)
    cols = {k: np.zeros(T) for k in ("debt_drawdown", "equity", "interest", "repayment", "debt_balance")}
    bal, first = 0.0, None
    for t in range(T):
        interest = bal * rq
        mandatory = 0.0
        if first is not None and bal > 0 and t >= first + grace:
            remaining = first + term - t
            mandatory = bal if remaining <= 1 else bal / remaining
        cash = float(net[t]) - interest - mandatory
        debt = equity = sweep = 0.0
        if cash < 0:
            gap = -cash
            if first is None:
                first = t
            if term > 0 and t < first + term - 1:
                debt, equity = gap * ds, gap * es
            else:
                equity = gap
        else:
            sweep = min(cash, bal - mandatory)
        repayment = mandatory + sweep
        bal = bal + debt - repayment
        cols["debt_drawdown"][t], cols["equity"][t], cols["interest"][t] = debt, equity, interest
        cols["repayment"][t], cols["debt_balance"][t] = repayment, bal
    df = pd.DataFrame(cols)
    df["net_after_financing"] = np.asarray(net) + df["debt_drawdown"] + df["equity"] - df["interest"] - df["repayment"]
    return df


def _metrics(net: np.ndarray, annual_rate: float) -> dict:
    cum = np.cumsum(net)
    npv, irr_q, irr_a = npv_irr(net, annual_rate)
    peak_q = int(np.argmin(cum))
    return {"npv": npv, "irr_quarter": irr_q, "irr_annual": irr_a, "peak_need": float(max(0.0, -cum[peak_q])),
            "peak_quarter": peak_q if cum[peak_q] < 0 else None, "payback_quarter": payback_quarter(cum),
            "total_inflow": None, "total_outflow": None}


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


def sensitivity_table(costs: pd.DataFrame, phase: np.ndarray, params: dict, base: dict) -> pd.DataFrame:
    """NPV, IRR, peak need and payback with each factor moved by each step (phase sums only: fast)."""
    rate = float(params["discount_rate"])
    rows = [{"factor": "base", "change": 0.0, **{k: base[k] for k in ("npv", "irr_annual", "peak_need",
                                                                        "payback_quarter")}}]
    arg = {"land_price": "land_price_factor", "construction_cost": "cost_factor", "absorption": "absorption_factor"}
    for factor in get(params, "sensitivity.factors"):
        if factor not in arg:
            raise InputError("E_BAD_PARAMETER", name="sensitivity.factors", value=factor,
                             reason_zh="可选 land_price / construction_cost / absorption",
                             reason_en="one of land_price, construction_cost, absorption")
        for step in get(params, "sensitivity.steps"):
            flows, *_ = cash_model(costs, phase, params, per_unit=False, **{arg[factor]: 1.0 + float(step)})
            out, inn = _totals(flows)
            m = _metrics((inn - out).sum(axis=0), rate)
            rows.append({"factor": factor, "change": float(step), **{k: m[k] for k in ("npv", "irr_annual",
                                                                                      "peak_need", "payback_quarter")}})
    df = pd.DataFrame(rows)
    df["npv_change"] = df["npv"] - base["npv"]
    return df


def cashflow(phased: PhasingResult, *, params: Optional[dict] = None, cluster_field: str = "ZTBH",
             sensitivity: bool = True, chart_path: Optional[str] = None,
             progress: Optional[Progress] = None) -> CashflowResult:
    """The cash flow of a phased plan (:func:`algorithms.feasibility.phasing.phasing`): see the module docstring."""
    progress = progress or Progress()
    params = params if params is not None else phased.params
    costs = phased.costs
    phase = phased.units["KFFQ"].to_numpy(dtype=int)
    T = int(get(params, "schedule.quarters"))
    y0, q0 = int(get(params, "schedule.start_year")), int(get(params, "schedule.start_quarter"))
    labels = [quarter_label(t, y0, q0) for t in range(T)]
    progress(10, "现金流 / cash flow")
    flows, start, phase_ids, pidx = cash_model(costs, phase, params)
    out, inn = _totals(flows)
    net_u = inn - out
    q = pd.DataFrame({"quarter": np.arange(T), "label": labels})
    for k in OUTFLOWS + INFLOWS:
        q[k] = flows[k].sum(axis=0)
    q["outflow"], q["inflow"] = out.sum(axis=0), inn.sum(axis=0)
    q["net"] = q["inflow"] - q["outflow"]
    q["cumulative"] = q["net"].cumsum()
    q["sold_ha"] = flows["sold_ha"].sum(axis=0)
    q["producing_ha"] = flows["producing_ha"].sum(axis=0)
    net = q["net"].to_numpy()
    rate = float(params["discount_rate"])
    summary = _metrics(net, rate)
    summary["phase_start_q"] = {int(k): int(s) for k, s in zip(phase_ids, start)}
    summary.update(total_inflow=float(q["inflow"].sum()), total_outflow=float(q["outflow"].sum()),
                   discount_rate=rate, quarters=T, start=labels[0],
                   peak_label=None if summary["peak_quarter"] is None else labels[summary["peak_quarter"]],
                   payback_label=None if summary["payback_quarter"] is None else labels[summary["payback_quarter"]])
    progress(40, "融资 / financing")
    fin = financing_plan(net, params)
    fin.insert(0, "label", labels)
    for k in ("debt_drawdown", "equity", "interest", "repayment", "debt_balance", "net_after_financing"):
        q[k] = fin[k].to_numpy()
    summary.update(debt_total=float(fin["debt_drawdown"].sum()), equity_total=float(fin["equity"].sum()),
                   interest_total=float(fin["interest"].sum()), debt_peak=float(fin["debt_balance"].max()),
                   debt_outstanding_end=float(fin["debt_balance"].iloc[-1]))
    summary["plan_rows"] = plan_rows(phased, params)
    findings = _findings(summary, phased)
    units_tbl = pd.DataFrame({"KFFQ": phase, "ZTBH": _cluster_codes(phased.units, cluster_field),
                              "outflow": out.sum(axis=1), "inflow": inn.sum(axis=1)}, index=costs.index)
    units_tbl["net"] = units_tbl["inflow"] - units_tbl["outflow"]
    disc = (1.0 + quarterly_rate(rate)) ** -np.arange(T)
    units_tbl["npv"] = net_u @ disc
    clusters = _long(units_tbl["ZTBH"].to_numpy(), out, inn, labels, "ZTBH")
    phases_long = _long(phase, out, inn, labels, "KFFQ")
    progress(60, "敏感性 / sensitivity")
    sens = sensitivity_table(costs, phase, params, summary) if sensitivity else pd.DataFrame()
    written = None
    if chart_path:
        progress(85, "图表 / chart")
        written = write_chart(phases_long, q, chart_path)
    progress(100, "现金流完成 / cash flow done")
    return CashflowResult(q, clusters, phases_long, units_tbl, net_u, summary, fin, sens, findings, written, flows)


def plan_rows(phased: PhasingResult, params: dict) -> list:
    """Summary rows that tie the cash flow to the plan: dates and where they came from, the land in and out of it,
    the roads, and where the 地均税收 / 产出强度 rates came from."""
    costs = phased.costs
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
