"""Target tracking: the statistics' yearly figures against the plan's 3- and 5-year targets.

Targets come from a table (CSV/xlsx: 指标, 目标年, 目标值; optional 基准年, 基准值, 方向 ≥/≤, 单位) or from the
“发展目标” sheet of zutuan:cashflow's workbook (期限 “3年” gives the base year = 目标年 − 3). For each indicator
the statistics can give (:data:`ACTUALS`) and each statistics year:

* completion = actual ÷ target × 100 %;
* the planned path runs straight from the base value (the statistics' figure of the base year, else the table's
  基准值) in the base year to the target in the target year; before the target year the status is 按计划 when the
  actual is on or above the path (below it for ``≤`` targets), 落后 otherwise; from the target year on, 达到 / 未达到;
* a target without a figure in the statistics is 未检查, one without a base value lists the completion only;
* a sum that some of the year's enterprises leave blank is 需核实 with their count (缺少该项数据的企业数), never a
  plain 按计划 / 达到 (:func:`.intake.partial_verdict`, the wording 主导产业 uses too).
"""
from __future__ import annotations

import re
from typing import Optional

import numpy as np
import pandas as pd

from .intake import FIGURE_NAMES, EnterpriseStats, partial_verdict
from .table import Col, Problems, parse_columns, read_table

__all__ = ["ACTUALS", "TARGET_COLUMNS", "read_targets", "actual_figures", "track_targets", "targets_svg"]

#: actual figure key -> (names accepted in the 指标 column, unit, how it is computed)
ACTUALS = {
    "output": (("产业规模（年产值）", "产业规模", "工业总产值", "产值"), "万元", "Σ 工业总产值"),
    "companies": (("企业引进", "企业数", "企业数量"), "家", "有统计的企业数"),
    "employees": (("就业", "从业人员", "就业人数"), "人", "Σ 从业人员"),
    "tax": (("税收", "税收总额"), "万元", "Σ 税收"),
    "value_added": (("增加值", "工业增加值", "地区生产总值"), "万元", "Σ 增加值"),
    "fai_year": (("固定资产投资（当年）", "固定资产投资", "当年固定资产投资"), "万元", "Σ 当年固定资产投资"),
    "revenue": (("营业收入", "主营业务收入"), "万元", "Σ 营业收入"),
}
TARGET_COLUMNS = [
    Col("indicator", "指标", "indicator", "str", required=True),
    Col("target_year", "目标年", "target year", "int", required=True),
    Col("target", "目标值", "target", negative_ok=True),
    Col("base_year", "基准年", "base year", "int"),
    Col("base_value", "基准值", "base value", negative_ok=True),
    Col("direction", "方向", "direction (≥ or ≤)", "str"),
    Col("unit", "单位", "unit", "str"),
    Col("horizon", "期限", "horizon", "str"),
]


def _key(name: str) -> Optional[str]:
    text = re.sub(r"\s+", "", str(name)).replace("(", "（").replace(")", "）")
    for key, (names, _, _) in ACTUALS.items():
        if text in names:
            return key
    return None


def read_targets(path: str, *, base_year: Optional[int] = None) -> pd.DataFrame:
    """The targets, one row per indicator and target year, with the base year filled where it can be."""
    sheet = None
    if path.lower().endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        sheet = "发展目标" if "发展目标" in book.sheetnames else None
        book.close()
    problems = Problems(path)
    t, _ = parse_columns(read_table(path, sheet=sheet), TARGET_COLUMNS, problems)
    problems.raise_if_any()
    t["key"] = t["indicator"].map(_key)
    if "base_year" not in t.columns:
        t["base_year"] = np.nan
    if "horizon" in t.columns:
        years = t["horizon"].map(lambda h: float(re.match(r"\s*(\d+)", str(h)).group(1))
                                 if h and re.match(r"\s*(\d+)", str(h)) else np.nan)
        t["base_year"] = t["base_year"].fillna(t["target_year"] - years)
    if base_year is not None:
        t["base_year"] = t["base_year"].fillna(float(base_year))
    for col in ("target", "base_value", "direction"):
        if col not in t.columns:
            t[col] = np.nan if col != "direction" else "≥"
    t["direction"] = t["direction"].fillna("≥").map(lambda d: "≤" if str(d).strip() in ("≤", "<=", "不高于") else "≥")
    return t.reset_index(names="row")


def actual_figures(stats: EnterpriseStats) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per statistics year: each figure of :data:`ACTUALS` (NaN when the table has no such column), and how many of
    the year's enterprises leave it blank (their figure is not in the sum)."""
    recs = stats.records
    g = recs.groupby("year")
    out = pd.DataFrame(index=sorted(recs["year"].unique()))
    missing = pd.DataFrame(0, index=out.index, columns=list(ACTUALS))
    for key in ACTUALS:
        if key == "companies":
            out[key] = g["credit_code"].nunique()
        elif key in recs.columns:
            out[key] = g[key].sum(min_count=1)
            missing[key] = recs[key].isna().groupby(recs["year"]).sum()
        else:
            out[key] = np.nan
    return out, missing


def _status(r: dict, n: int) -> str:
    if r["target"] != r["target"]:
        return "未设定 / not set"
    if r["actual"] != r["actual"]:
        return "未检查：统计表无此指标 / not checked: not in the statistics"
    up = r["direction"] == "≥"

    def ok(value, goal):
        return value + 1e-9 >= goal if up else value - 1e-9 <= goal
    if r["year"] >= r["target_year"]:
        verdict = "达到 / met" if ok(r["actual"], r["target"]) else "未达到 / not met"
    elif r["expected"] != r["expected"]:
        return "无基准值：仅列完成率 / no base value: completion only"
    else:
        verdict = "按计划 / on track" if ok(r["actual"], r["expected"]) else "落后 / behind"
    return partial_verdict(verdict, r["missing"], n, *FIGURE_NAMES.get(r["key"], ("", "")))


def track_targets(stats: EnterpriseStats, targets: pd.DataFrame) -> pd.DataFrame:
    """One row per target and statistics year (see the module docstring)."""
    actual, missing = actual_figures(stats)
    enterprises = stats.records.groupby("year").size()
    rows = []
    for _, t in targets.iterrows():
        key = t["key"]
        series = actual[key] if key in actual.columns else pd.Series(np.nan, index=actual.index)
        by, bv = t["base_year"], t["base_value"]
        if by == by and int(by) in series.index and series[int(by)] == series[int(by)]:
            bv = float(series[int(by)])
        for year, value in series.items():
            expected = np.nan
            if by == by and bv == bv and t["target"] == t["target"] and t["target_year"] > by:
                frac = min(max((year - by) / (t["target_year"] - by), 0.0), 1.0)
                expected = bv + (t["target"] - bv) * frac
            r = {"indicator": t["indicator"], "key": key, "unit": t.get("unit") if t.get("unit") == t.get("unit") and
                 t.get("unit") else (ACTUALS[key][1] if key else ""), "year": int(year), "actual": value,
                 "target_year": int(t["target_year"]), "target": t["target"], "direction": t["direction"],
                 "base_year": by, "base_value": bv, "expected": expected,
                 "completion": value / t["target"] * 100.0 if t["target"] and value == value else np.nan,
                 "how": ACTUALS[key][2] if key else "—",
                 "missing": int(missing.at[year, key]) if key else 0}
            r["status"] = _status(r, int(enterprises[year]))
            rows.append(r)
    return pd.DataFrame(rows)


def targets_svg(table: pd.DataFrame, path: str) -> str:
    """Completion (%) of each target per year as bars, the planned path as a tick; SVG."""
    rows = table[table["completion"].notna()]
    groups = list(dict.fromkeys(zip(rows["indicator"], rows["target_year"])))
    years = sorted(rows["year"].unique())
    W, bar, gap, L, T = 900, 14, 18, 230, 50
    H = T + max(len(groups), 1) * (len(years) * bar + gap) + 40
    vmax = max(120.0, float(np.nanmax(rows["completion"])) if len(rows) else 100.0)
    x = lambda v: L + (W - L - 30) * min(v, vmax) / vmax  # noqa: E731
    colours = ["#9ecae1", "#4292c6", "#08519c", "#6baed6", "#2171b5"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="15">发展目标完成率 / completion of the targets (%)'
           f'</text>', f'<line x1="{x(100):.1f}" y1="{T - 10}" x2="{x(100):.1f}" y2="{H - 30}" stroke="#d62728" '
                       f'stroke-dasharray="4 3"/>',
           f'<text x="{x(100):.1f}" y="{T - 14}" text-anchor="middle" font-size="11">100%</text>']
    y = T
    for name, ty in groups:
        g = rows[(rows["indicator"] == name) & (rows["target_year"] == ty)]
        out.append(f'<text x="{L - 8}" y="{y + bar * len(years) / 2 + 4:.1f}" text-anchor="end" font-size="12">'
                   f'{name}（{ty}年目标）</text>')
        for j, yr in enumerate(years):
            r = g[g["year"] == yr]
            if len(r):
                v, e = float(r["completion"].iloc[0]), r["expected"].iloc[0] / r["target"].iloc[0] * 100.0
                out.append(f'<rect x="{L}" y="{y}" width="{x(v) - L:.1f}" height="{bar - 2}" fill="{colours[j % 5]}"/>')
                out.append(f'<text x="{x(v) + 4:.1f}" y="{y + bar - 4}" font-size="10">{yr}: {v:.0f}%</text>')
                if e == e:
                    out.append(f'<line x1="{x(e):.1f}" y1="{y - 1}" x2="{x(e):.1f}" y2="{y + bar - 1}" stroke="black" '
                               f'stroke-width="2"/>')
            y += bar
        y += gap
    out.append(f'<text x="{L}" y="{H - 12}" font-size="11">竖线：按计划进度应达到的比例 / tick: the planned path</text>')
    out.append("</svg>")
    from ..plan import atomic_output

    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    return path
