"""Idle land by 《闲置土地处置办法》(国土资源部令第53号) and low-efficiency land by the 亩均 profile's thresholds.

The supply ledger (供地台账, CSV/xlsx) holds one row per supplied plot: 地块编号 and 约定动工日期 (required);
实际动工日期, 约定竣工日期, 竣工日期, 已开发面积/应开发面积, 已投资额/总投资额 (万元, without the land price),
中止开发日期, 政府原因 (是/否) and 原因说明, 土地价款 (万元) (optional). Thresholds, ratios, the fee rate and the
clauses are data (resources/monitoring/xianzhi_tudi.yaml). Status per plot, on the evaluation date:

* not started, the one-year period after the agreed start date has ended → 闲置土地 (第二条第一款); the fee step
  of 第十四条（一） with 20 % of the land price when given; two years → the 无偿收回 step of 第十四条（二);
* started, developed share < 1/3 or invested share < 25 %, suspended for a full year → 可认定闲置 (第二条第二款:
  "may", a decision for the authority); a started plot whose shares are not given is 未检查, never cleared;
* a government cause (第八条) → the plot is listed with its days but handled under 第十二条 (no fee, no recovery);
* otherwise 未满一年 (with the days left) or 已动工.
A period of N years ends on the agreed date's corresponding day N years later (month end when there is none,
民法典 第二百零二条); the land is idle from the next day. Completion overdue is reported beside (a contract matter).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import os
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..findings import Finding
from .profile import MONITORING_DIR, load_yaml
from .table import Col, Problems, parse_columns, read_table

__all__ = ["LEDGER_COLUMNS", "RULES_PATH", "IdleResult", "IdlePlotsResult", "period_end", "read_ledger", "idle_land",
           "low_efficiency", "idle_plots"]

RULES_PATH = os.path.join(MONITORING_DIR, "xianzhi_tudi.yaml")
LEDGER_COLUMNS = [
    Col("plot", "地块编号", "plot code", "str", required=True, aliases=("DKBH", "地块")),
    Col("holder", "土地使用权人", "land-use right holder", "str", aliases=("企业名称", "使用权人")),
    Col("supplied", "供地日期", "supply date", "date", aliases=("合同签订日期",)),
    Col("agreed_start", "约定动工日期", "agreed start date", "date", required=True, aliases=("约定开工日期",)),
    Col("actual_start", "实际动工日期", "actual start date", "date", aliases=("实际开工日期", "动工日期")),
    Col("agreed_completion", "约定竣工日期", "agreed completion date", "date"),
    Col("completed", "竣工日期", "completion date", "date", aliases=("实际竣工日期",)),
    Col("developed", "已开发面积", "developed area", unit="亩", aliases=("已开发建设面积",)),
    Col("due", "应开发面积", "area due for development", unit="亩", aliases=("应动工开发建设面积",)),
    Col("invested", "已投资额", "investment made", unit="万元"),
    Col("total_investment", "总投资额", "total investment", unit="万元"),
    Col("suspended", "中止开发日期", "date construction was suspended", "date", aliases=("停工日期",)),
    Col("government", "政府原因", "delay caused by the government (第八条)", "bool"),
    Col("reason", "原因说明", "reason", "str"),
    Col("land_price", "土地价款", "land price", unit="万元", aliases=("出让价款", "划拨价款")),
]


@dataclass
class IdleResult:
    table: pd.DataFrame                   # one row per ledger plot
    rules: dict
    eval_date: _dt.date
    findings: list = field(default_factory=list)


def period_end(start: _dt.date, years: int) -> _dt.date:
    """Last day of a period of ``years`` years counted from ``start`` (民法典 第二百零一条、第二百零二条)."""
    y = start.year + years
    day = min(start.day, calendar.monthrange(y, start.month)[1])
    return _dt.date(y, start.month, day)


def read_ledger(path: str, *, plot_codes=None) -> pd.DataFrame:
    raw = read_table(path)
    problems = Problems(path)
    led, _ = parse_columns(raw, LEDGER_COLUMNS, problems)
    dup = led["plot"].duplicated(keep=False) & led["plot"].notna()
    problems.add_many(led.index[dup], "地块编号", "地块在台账中重复", "the plot appears twice", list(led.loc[dup, "plot"]))
    if plot_codes is not None:
        unknown = led["plot"].notna() & ~led["plot"].isin(set(plot_codes))
        problems.add_many(led.index[unknown], "地块编号", "地块编号在地块图层中不存在", "unknown plot code",
                          list(led.loc[unknown, "plot"]))
    if {"completed", "actual_start"} <= set(led.columns):
        bad = led["completed"].notna() & led["actual_start"].notna() & (led["completed"] < led["actual_start"])
        problems.add_many(led.index[bad], "竣工日期", "竣工日期早于实际动工日期", "completed before it started")
    problems.raise_if_any()
    return led


def _row_status(r: dict, on: _dt.date, rules: dict) -> dict:
    c = rules["clauses"]
    start = r["agreed_start"]
    idle_from = period_end(start, rules["idle_years"]) + _dt.timedelta(days=1)
    recover_from = period_end(start, rules["recovery_years"]) + _dt.timedelta(days=1)
    out = {"idle_from": idle_from, "recover_from": recover_from, "days_past_start": max((on - start).days, 0),
           "idle_days": 0, "fee": np.nan, "clause": "", "step": ""}
    started = r.get("actual_start") is not None and r["actual_start"] <= on
    gov = bool(r.get("government"))
    if not started:
        if on < idle_from:
            out.update(status="未满一年 / within the first year", step=f"距满一年还有 {(idle_from - on).days} 天")
            return out
        out["idle_days"] = (on - idle_from).days + 1
        if gov:
            out.update(status="政府原因延迟（第八条）/ delayed by the government", clause=c["government"]["article"],
                       step=f"按{c['options']['article']}协商处置：{c['options']['text']}")
            return out
        two = on >= recover_from
        key = "recovery" if two else "fee"
        out.update(status="闲置土地（满两年）/ idle, two years" if two else "闲置土地（满一年）/ idle, one year",
                   clause=f"{c['idle']['article']}；{c[key]['article']}", step=c[key]["text"] + "（须经政府批准，可申请听证）")
        if r.get("land_price") is not None:
            out["fee"] = round(float(r["land_price"]) * rules["idle_fee_rate"], 4)
        return out
    return _started_status(r, on, rules, out)


def _started_status(r: dict, on: _dt.date, rules: dict, out: dict) -> dict:
    c = rules["clauses"]
    susp = r.get("suspended")
    if susp is None or susp > on:
        out.update(status="已动工 / started")
        return out
    susp_from = period_end(susp, rules["suspended_years"]) + _dt.timedelta(days=1)
    if on < susp_from:
        out.update(status="已动工，中止未满一年 / suspended less than a year", step=f"距中止满一年还有 {(susp_from - on).days} 天")
        return out
    shares = []
    for a, b, limit in (("developed", "due", rules["developed_share_below"]),
                        ("invested", "total_investment", rules["invested_share_below"])):
        num, den = r.get(a), r.get(b)
        if num is not None and den is not None and den > 0:
            shares.append(num / den < limit)
    out["idle_days"] = (on - susp_from).days + 1
    if not shares:
        out.update(status="未检查：缺少开发面积或投资额 / not checked: shares missing", clause=c["may_be_idle"]["article"],
                   step="中止开发建设满一年：请补充已开发面积/应开发面积或已投资额/总投资额")
    elif any(shares):
        gov = bool(r.get("government"))
        out.update(status="可认定闲置（中止满一年）/ may be found idle" if not gov else
                   "政府原因延迟（第八条）/ delayed by the government",
                   clause=c["may_be_idle"]["article"] if not gov else c["government"]["article"],
                   step=c["may_be_idle"]["text"] if not gov else c["options"]["text"])
    else:
        out.update(status="已动工，开发达到比例 / started, shares above the limits", idle_days=0)
    return out


def idle_land(ledger: pd.DataFrame, *, on: _dt.date, rules_path: Optional[str] = None) -> IdleResult:
    """The status of every ledger plot on the date ``on``."""
    rules = load_yaml(rules_path or RULES_PATH)
    rows = []
    for idx, r in ledger.iterrows():
        rec = {k: None if isinstance(v, float) and np.isnan(v) else v for k, v in r.items()}
        st = _row_status(rec, on, rules)
        done = rec.get("completed") is not None and rec["completed"] <= on
        due = rec.get("agreed_completion")
        late = (on - due).days if due is not None and not done and on > due else 0
        rows.append({"row": idx, "DKBH": r["plot"], "holder": rec.get("holder"), "agreed_start": rec["agreed_start"],
                     **st, "completion": "已竣工 / completed" if done else (f"逾期未竣工 {late} 天 / {late} days late"
                                                                       if late else "未竣工 / not completed"),
                     "completion_late_days": late, "reason": rec.get("reason")})
    table = pd.DataFrame(rows)
    findings = []
    waiting = table["status"].str.startswith(("未满一年", "闲置土地"))
    near = table[waiting & table["idle_from"].map(lambda d: abs((d - on).days) <= rules["boundary_days"])]
    if len(near):
        findings.append(Finding("IDLE-BOUNDARY", "临界日期", "warning", None,
                                f"{len(near)} 个地块距满一年不超过 {rules['boundary_days']} 天，期间最后一日若为法定休假日应顺延"
                                f"（民法典第二百零三条，插件未计），请核实：{'、'.join(map(str, near['DKBH'][:10]))} / plots "
                                "within days of the threshold: a legal holiday would extend the period (not applied)",
                                source=rules["source"]))
    return IdleResult(table, rules, on, findings)


def low_efficiency(plots: pd.DataFrame, profile: dict) -> pd.DataFrame:
    """Per plot (rows of the 亩均 plot table): 低效 / 不低效 / 未检查 by the profile's low-efficiency rules."""
    spec = profile.get("low_efficiency") or {}
    rules = spec.get("rules") or []
    names = {i["key"]: (i["name"], i.get("unit", "")) for i in profile["indicators"]}
    if not rules:
        return pd.DataFrame({"low": "未检查：配置无低效阈值 / not checked: no thresholds", "low_detail": ""},
                            index=plots.index)
    hits = pd.DataFrame({i: plots[r["indicator"]] < float(r["below"]) for i, r in enumerate(rules)})
    known = pd.DataFrame({i: plots[r["indicator"]].notna() for i, r in enumerate(rules)})
    match_all = spec.get("match", "any") == "all"
    low = hits.all(axis=1) if match_all else hits.any(axis=1)
    decided = known.all(axis=1) | (~match_all & hits.any(axis=1))
    detail = hits.apply(lambda row: "；".join(
        f"{names[rules[i]['indicator']][0]} {plots.at[row.name, rules[i]['indicator']]:.2f} < {rules[i]['below']:g} "
        f"{names[rules[i]['indicator']][1]}" for i, v in row.items() if v), axis=1)
    status = np.where(~decided, "未检查：缺少指标 / not checked: indicator missing",
                      np.where(low, "低效用地 / low efficiency", "未低于阈值 / above the thresholds"))
    return pd.DataFrame({"low": status, "low_detail": detail.where(low, "")}, index=plots.index)


@dataclass
class IdlePlotsResult:
    idle: Optional[IdleResult]
    low: Optional[pd.DataFrame]       # per plot: the 亩均 plot indicators with the low-efficiency status
    layer: object                     # GeoDataFrame: ledger plots and plots with statistics
    n_idle: int = 0
    n_may: int = 0
    n_low: int = 0
    findings: list = field(default_factory=list)


def idle_plots(plots, *, ledger: Optional[str], stats=None, on: _dt.date, profile: dict, year: Optional[int] = None,
               code_field: str = "DKBH") -> IdlePlotsResult:
    """Idle land from the ledger and low-efficiency land from the statistics, on one plot layer."""
    import geopandas as gpd

    from .intake import prepare_plots
    from .mujun import mujun

    pl = stats.plots if stats is not None else prepare_plots(plots, code_field=code_field)
    out = pd.DataFrame({"DKBH": pl["DKBH"].to_numpy()})
    findings: list = []
    idle = low = None
    if ledger:
        idle = idle_land(read_ledger(ledger, plot_codes=pl["DKBH"].dropna()), on=on)
        findings += idle.findings
        t = idle.table.set_index("DKBH")
        out["XZZT"] = out["DKBH"].map(t["status"])
        out["XZTK"] = out["DKBH"].map(t["clause"])
        out["XZTS"] = out["DKBH"].map(t["idle_days"])
        out["YDDG"] = out["DKBH"].map(t["agreed_start"].astype(str))
    if stats is not None:
        res = mujun(stats, year=year, profile=profile)
        lv = res.levels["plot"]
        low = pd.concat([lv[[i["key"] for i in profile["indicators"]]], low_efficiency(lv, profile)], axis=1)
        low = low.rename(columns={i["key"]: f"{i['name']}（{i['unit']}）" if i.get("unit") else i["name"]
                                  for i in profile["indicators"]})
        low.insert(0, "年度", res.year)
        out["ND"] = out["DKBH"].map(lambda c: res.year if c in lv.index else None)
        out["DXZT"] = out["DKBH"].map(low["low"])
        out["DXSM"] = out["DKBH"].map(low["low_detail"])
        low = low.rename(columns={"low": "低效认定", "low_detail": "低于阈值的指标"}).rename_axis("地块编号").reset_index()
        spec = profile.get("low_efficiency") or {}
        if spec.get("status") != "official" and spec.get("rules"):
            findings.append(Finding("LOW-THRESHOLD", "低效用地阈值", "info", None,
                                    f"低效用地阈值不是官方标准（状态 {spec.get('status', '—')}）/ the low-efficiency "
                                    f"thresholds are not official ({spec.get('status', '—')})", source=spec.get("source", "")))
    keep = out.drop(columns="DKBH").notna().any(axis=1).to_numpy()
    layer = gpd.GeoDataFrame(out[keep].reset_index(drop=True),
                             geometry=gpd.GeoSeries(pl["geometry"].to_numpy()[keep], crs=pl.attrs["crs"]),
                             crs=pl.attrs["crs"])
    status = out.get("XZZT", pd.Series(dtype=object)).fillna("")
    return IdlePlotsResult(idle, low, layer, n_idle=int(status.str.startswith("闲置土地").sum()),
                           n_may=int(status.str.startswith("可认定闲置").sum()),
                           n_low=int(out.get("DXZT", pd.Series(dtype=object)).fillna("").str.startswith("低效").sum()),
                           findings=findings)
