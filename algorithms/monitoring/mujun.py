"""亩均效益 evaluation of one year: indicators, scores and grades per enterprise and per plot, unit and cluster.

Everything that is a choice comes from the profile (:mod:`.profile`): indicator = num ÷ den × factor; score =
Σ weight × value ÷ benchmark (or the min–max form); grades by rank share or by score. Hand-checkable rules:

* an enterprise's land is its land on its plots (:mod:`.intake`); a plot's, unit's or cluster's quantities are the
  sums of its enterprises' figures × their attribution weights, over the plot areas (亩) of the plots that carry
  statistics that year — a ratio of sums, never a mean of ratios;
* a quantity is missing for a group when one of its enterprises lacks it (never a partial sum);
* a value that cannot be computed (no data, zero denominator) is scored by the profile's ``missing`` rule and
  said so; an entity without a ``required`` indicator is not graded (class T), never given a grade by default;
* rank = 1 for the highest score, equal scores share the lower rank number; with ``rank_share`` the grade is the
  first class whose cumulative share (%) is ≥ rank ÷ graded count × 100.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding
from .intake import FIGURES, EnterpriseStats
from .profile import load_profile

__all__ = ["MujunResult", "mujun", "indicator_values", "score_and_grade", "group_quantities", "enterprise_quantities"]

LEVELS = {"plot": ("DKBH", "地块"), "unit": ("DYBH", "单元"), "cluster": ("ZTBH", "组团")}


@dataclass
class MujunResult:
    year: int
    profile: dict
    enterprises: pd.DataFrame                 # one row per enterprise: quantities, indicators, score, rank, grade
    levels: dict                              # "plot" / "unit" / "cluster" -> the same per group
    plot_layer: object = None                 # GeoDataFrame of the plots with statistics (metre CRS)
    findings: list = field(default_factory=list)


def indicator_values(q: pd.DataFrame, indicators: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, reasons): each indicator per row; NaN with a reason where it cannot be computed."""
    values, reasons = pd.DataFrame(index=q.index), pd.DataFrame(index=q.index)
    for ind in indicators:
        num = q[ind["num"]] if ind["num"] in q.columns else pd.Series(np.nan, index=q.index)
        den = q[ind["den"]] if ind["den"] in q.columns else pd.Series(np.nan, index=q.index)
        missing = num.isna() | den.isna()
        zero = ~missing & (den == 0)
        values[ind["key"]] = (num / den.where(~zero & ~missing) * ind["factor"]).where(~missing & ~zero)
        reasons[ind["key"]] = np.where(missing, "缺少数据 / no data", np.where(zero, "分母为零 / zero denominator", ""))
    return values, reasons


def _items(values: pd.DataFrame, indicators: list[dict], scoring: dict, graded: pd.Series) -> pd.DataFrame:
    """Item scores (NaN where the value is missing), before the missing rule."""
    items = pd.DataFrame(index=values.index)
    cap = scoring.get("cap")
    for ind in indicators:
        if ind["weight"] <= 0:
            continue
        v = values[ind["key"]]
        pool = v[graded & v.notna()]
        if scoring["method"] == "minmax":
            lo, hi = (pool.min(), pool.max()) if len(pool) else (np.nan, np.nan)
            frac = (v - lo) / (hi - lo) if hi > lo else pd.Series(1.0, index=v.index).where(v.notna())
            items[ind["key"]] = ind["weight"] * (20.0 + 80.0 * frac) / 100.0
            continue
        bm = scoring["benchmark"]
        base = float(bm["values"][ind["key"]]) if bm["kind"] == "fixed" else \
            (float(bm.get("factor", 1.0)) * float(pool.mean()) if len(pool) else np.nan)
        ratio = v / base if base and np.isfinite(base) else pd.Series(np.nan, index=v.index)
        if cap is not None:
            ratio = ratio.clip(upper=float(cap))
        items[ind["key"]] = ind["weight"] * ratio
    return items


def _grades(score: pd.Series, graded: pd.Series, grading: dict) -> tuple[pd.Series, pd.Series]:
    rank = score.where(graded).rank(ascending=False, method="min")
    n = int(graded.sum())
    grade = pd.Series("T", index=score.index, dtype=object)
    classes = list(grading["classes"].items())
    if grading["method"] == "rank_share":
        cum = np.cumsum([v for _, v in classes])
        pct = rank / max(n, 1) * 100.0
        for (name, _), c in zip(reversed(classes), reversed(cum)):
            grade = grade.mask(graded & (pct <= c + 1e-9), name)
    else:
        for name, threshold in sorted(classes, key=lambda kv: kv[1]):
            grade = grade.mask(graded & (score >= threshold - 1e-9), name)
    return rank, grade


def score_and_grade(values: pd.DataFrame, profile: dict, *, eligible: Optional[pd.Series] = None) -> pd.DataFrame:
    """score, rank, grade and a note per row, by the profile's scoring, missing rule and grading."""
    inds = profile["indicators"]
    scoring = profile["scoring"]
    required = list(profile.get("required") or [])
    graded = values[required].notna().all(axis=1) if required else pd.Series(True, index=values.index)
    if eligible is not None:
        graded &= eligible
    items = _items(values, inds, scoring, graded)
    rule = scoring.get("missing", "average")
    holes = items.isna() & graded.to_numpy()[:, None]
    if rule == "not_graded":
        graded &= ~holes.any(axis=1)
    fill = items[graded].mean() if rule == "average" else 0.0
    items = items.fillna(fill)
    score = items.sum(axis=1).where(graded)
    rank, grade = _grades(score, graded, profile["grading"])
    names = profile["grading"].get("names") or {}
    label = {i["key"]: i["name"] for i in inds}
    how = "平均得分 / average score" if rule == "average" else "0 分 / zero"
    note = holes.apply(lambda r: "；".join(f"{label[k]}缺项，按{how}" for k, v in r.items() if v)
                       if rule != "not_graded" else "", axis=1)
    note = note.where(graded, "缺少必需指标或不在评价范围，不参评 / not graded")
    return pd.DataFrame({"score": score, "rank": rank.astype("Int64"), "grade": grade,
                         "grade_name": grade.map(lambda g: names.get(g, "")), "note": note}, index=values.index)


def enterprise_quantities(stats: EnterpriseStats, year: int) -> pd.DataFrame:
    recs = stats.year_records(year)
    links = stats.links[stats.links["year"] == year]
    land = links.groupby("rec")["land_mu"].sum()
    plots = links.groupby("rec")["DKBH"].agg(lambda s: "；".join(sorted(s)))
    q = recs[[c for c in ("credit_code", "name", "zone", "industry") if c in recs.columns]].copy()
    for col in FIGURES:
        q[col] = recs[col] if col in recs.columns else np.nan
    q["land_mu"] = land.reindex(q.index)
    q["plots"] = plots.reindex(q.index)
    return q


def group_quantities(stats: EnterpriseStats, year: int, level: str) -> pd.DataFrame:
    """Σ figures × weight per plot/unit/cluster; land = Σ plot areas (亩); NaN when an enterprise lacks a figure."""
    key = LEVELS[level][0]
    links = stats.links[stats.links["year"] == year]
    recs = stats.records
    q = pd.DataFrame({key: links[key].to_numpy(), "DKBH_": links["DKBH"].to_numpy()})
    w = links["weight"].to_numpy(dtype=float)
    for col in FIGURES:
        q[col] = (recs[col].reindex(links["rec"]).to_numpy(dtype=float) * w) if col in recs.columns else np.nan
    gb = q.groupby(key)
    sums = gb[list(FIGURES)].sum().where(~q[list(FIGURES)].isna().groupby(q[key]).any())
    areas = stats.plots.set_index("DKBH")["area_mu"]
    plots = q.drop_duplicates(["DKBH_"])
    sums["land_mu"] = areas.reindex(plots["DKBH_"]).groupby(plots[key].to_numpy()).sum()
    sums["enterprises"] = links.groupby(key)["rec"].nunique()
    sums["plots"] = plots.groupby(key)["DKBH_"].count()
    return sums


def _evaluate(q: pd.DataFrame, profile: dict, *, eligible=None) -> pd.DataFrame:
    values, reasons = indicator_values(q, profile["indicators"])
    graded = score_and_grade(values, profile, eligible=eligible)
    return pd.concat([q, values, graded], axis=1)


def mujun(stats: EnterpriseStats, *, year: Optional[int] = None, profile: Optional[dict] = None) -> MujunResult:
    """Evaluate ``year`` (default: the latest in the statistics) with ``profile`` (default: the illustrative one)."""
    if stats.links is None:
        raise InputError("E_BAD_PARAMETER", name="stats", value="—", reason_zh="统计表尚未与地块关联",
                         reason_en="the statistics are not joined to plots")
    profile = profile or load_profile()
    year = int(year) if year is not None else stats.years[-1]
    if year not in stats.years:
        raise InputError("E_BAD_PARAMETER", name="year", value=year, reason_zh=f"统计表中的年度为 {stats.years}",
                         reason_en=f"the statistics hold the years {stats.years}")
    findings = list(stats.findings)
    ent_q = enterprise_quantities(stats, year)
    min_mu = profile.get("min_land_mu")
    eligible = ent_q["land_mu"] >= float(min_mu) if min_mu else None
    enterprises = _evaluate(ent_q, profile, eligible=eligible)
    levels = {lv: _evaluate(group_quantities(stats, year, lv), profile) for lv in LEVELS}
    if profile.get("status") != "official":
        findings.append(Finding("MON-PROFILE", "评价配置", "info", None,
                                f"评价配置“{profile['name']}”状态为 {profile['status']}（非官方），等级仅供示意 / the "
                                f"profile is {profile['status']}, not official: grades are illustrative",
                                source=profile["source"]))
    t = int((enterprises["grade"] == "T").sum())
    if t:
        findings.append(Finding("MON-NOT-GRADED", "不参评企业", "not_checked", None,
                                f"{t} 家企业缺少必需指标（{'、'.join(profile.get('required') or [])}）或不在评价范围，未评等级 / "
                                f"{t} enterprises lack a required indicator and are not graded"))
    layer = _plot_layer(stats, levels["plot"], profile, year)
    return MujunResult(year, profile, enterprises, levels, layer, findings)


def _plot_layer(stats: EnterpriseStats, plots: pd.DataFrame, profile: dict, year: int):
    import geopandas as gpd

    pl = stats.plots.set_index("DKBH")
    data = {"DKBH": plots.index.to_numpy(), "DYBH": pl.loc[plots.index, "DYBH"].to_numpy(),
            "ZTBH": pl.loc[plots.index, "ZTBH"].to_numpy(), "ND": np.full(len(plots), year),
            "QYS": plots["enterprises"].to_numpy(dtype=int), "MJMU": plots["land_mu"].round(2).to_numpy()}
    for ind in profile["indicators"]:
        data[ind["field"]] = plots[ind["key"]].round(4).to_numpy()
    data.update({"DF": plots["score"].round(2).to_numpy(), "PM": plots["rank"].to_numpy(),
                 "MJDJ": plots["grade"].to_numpy(), "DJMC": plots["grade_name"].to_numpy()})
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(pl.loc[plots.index, "geometry"].to_numpy(),
                                                         crs=stats.plots.attrs["crs"]), crs=stats.plots.attrs["crs"])
