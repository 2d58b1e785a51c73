"""Yearly zone evaluation (综合评价): an indicator system with weights as data, for one zone or many, ranked.

Each zone-year's quantities are the sums of its enterprises' figures (land = their land on the plots, 亩), plus
the leading division's output (主导产业, by output value over the whole zone) and the previous year's taxes. A sum
that some enterprises leave blank is said in the row's 说明 (需核实 with the count), never taken as complete. The
indicators, weights, scoring and grades come from the file (resources/monitoring/zone_evaluation_illustrative.yaml:
illustrative). All zone-years of one run share the benchmarks, so one zone's years are comparable; ranks are within
each year. Zones are the statistics' 园区 column, else one zone per statistics table.
"""
from __future__ import annotations

import os
from typing import Optional

import numpy as np
import pandas as pd

from .industry import division
from .intake import FIGURE_NAMES, FIGURES, EnterpriseStats, partial_verdict
from .mujun import indicator_values, score_and_grade
from .profile import MONITORING_DIR, QUANTITIES, load_profile

__all__ = ["ZONE_PROFILE", "ZONE_QUANTITIES", "zone_quantities", "zone_evaluation"]

ZONE_PROFILE = os.path.join(MONITORING_DIR, "zone_evaluation_illustrative.yaml")
ZONE_QUANTITIES = QUANTITIES + ("leading_output", "tax_prev")


def _zone_of(stats: EnterpriseStats) -> pd.Series:
    recs = stats.records
    name = os.path.splitext(os.path.basename(stats.path))[0]
    if "zone" in recs.columns:
        return recs["zone"].fillna(name)
    return pd.Series(name, index=recs.index)


def zone_quantities(stats_list: list[EnterpriseStats]) -> pd.DataFrame:
    """One row per (zone, year): Σ figures, Σ land (亩), the leading division's output and last year's taxes."""
    frames = []
    for stats in stats_list:
        recs = stats.records
        land = stats.links.groupby("rec")["land_mu"].sum()
        first = stats.links.groupby("rec")["HYDM"].first().map(division)
        own = recs["industry"].map(division) if "industry" in recs.columns else pd.Series(None, index=recs.index)
        df = pd.DataFrame({"zone": _zone_of(stats), "year": recs["year"], "land_mu": land.reindex(recs.index),
                           "div": own.fillna(first.reindex(recs.index))})
        for col in FIGURES:
            df[col] = recs[col] if col in recs.columns else np.nan
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    keys = ["zone", "year"]
    q = df.groupby(keys)[list(FIGURES) + ["land_mu"]].sum(min_count=1)
    by_div = df.groupby(keys + ["div"])["output"].sum(min_count=1)
    q["leading_output"] = by_div.groupby(level=[0, 1]).max().reindex(q.index)
    q["leading"] = by_div.dropna().groupby(level=[0, 1]).idxmax().map(lambda t: t[2]).reindex(q.index)
    prev = q["tax"].copy()
    prev.index = pd.MultiIndex.from_arrays([prev.index.get_level_values(0), prev.index.get_level_values(1) + 1])
    q["tax_prev"] = prev.reindex(q.index)
    q["enterprises"] = df.groupby(keys).size()
    for col in FIGURES:                      # enterprises whose figure is blank: the sums above leave them out
        q[f"missing_{col}"] = df[col].isna().groupby([df[k] for k in keys]).sum().reindex(q.index).astype(int)
    return q


#: a derived quantity → the figure it is summed from
_BASE = {"leading_output": "output", "tax_prev": "tax"}


def _blank_notes(q: pd.DataFrame, indicators: list) -> pd.Series:
    """Per zone-year, 需核实 with the count for every figure an indicator uses that some enterprises leave blank (the
    wording of :func:`.intake.partial_verdict`, as 主导产业 and 目标跟踪 say it)."""
    used = list(dict.fromkeys(_BASE.get(k, k) for i in indicators for k in (i["num"], i["den"])
                              if _BASE.get(k, k) in FIGURES))

    def note(r):
        return "；".join(partial_verdict("表中数值 / the values shown", int(r[f"missing_{f}"]), int(r["enterprises"]),
                                         *FIGURE_NAMES[f]) for f in used if r[f"missing_{f}"])
    return q.apply(note, axis=1) if len(q) else pd.Series(dtype=object)


def zone_evaluation(stats_list: list[EnterpriseStats], *, profile_path: Optional[str] = None) -> tuple[pd.DataFrame, dict]:
    """(table, profile): per zone-year the quantities, indicators, score, rank within the year and grade."""
    profile = load_profile(profile_path or ZONE_PROFILE, quantities=ZONE_QUANTITIES)
    q = zone_quantities(stats_list)
    values, _ = indicator_values(q, profile["indicators"])
    graded = score_and_grade(values, profile)
    graded["rank"] = graded["score"].groupby(level=1).rank(ascending=False, method="min").astype("Int64")
    blanks = _blank_notes(q, profile["indicators"])
    graded["note"] = [("；".join(t for t in (b, g) if isinstance(t, str) and t)) for b, g in
                      zip(blanks.reindex(graded.index).fillna(""), graded["note"])]
    table = pd.concat([q, values, graded], axis=1).reset_index()
    return table.sort_values(["year", "rank"]).reset_index(drop=True), profile
