"""主导产业 share by output value per 区块 (cluster, or a zone layer), with the share of land kept beside it.

An enterprise's industry is its own 行业代码 (GB/T 4754: the division, two digits, of e.g. "C1391" or "13"), else
its first plot's HYDM. Its output value (工业总产值) goes to its plots by its attribution weights, and a plot to its
区块 (the cluster, or the zone polygon holding most of the plot). Per 区块: the leading division is the one with the
largest output value; its share = its output ÷ the 区块's output, compared with ``min_share`` of
resources/monitoring/leading_industry.yaml. A 区块 where some enterprise has no output value is 需核实 (the share is
over those that report one); one where none does is 未检查 — never 达到. The land share is the leading division's
share of the 区块's plot area with an industry code (HYDM), as the plan has it (no statistics needed).
"""
from __future__ import annotations

import os
import re
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from .intake import EnterpriseStats, partial_verdict
from .profile import MONITORING_DIR, load_yaml

__all__ = ["LEADING_PATH", "division", "plot_blocks", "leading_industry"]

LEADING_PATH = os.path.join(MONITORING_DIR, "leading_industry.yaml")


def division(code) -> Optional[str]:
    """GB/T 4754 division (大类, two digits) of an industry code: "C1391" → "13", "13" → "13", "" → None."""
    if code is None or code != code:
        return None
    digits = re.sub(r"^[A-Za-z]", "", str(code).strip())
    return digits[:2] if len(digits) >= 2 and digits[:2].isdigit() else None


def plot_blocks(plots: pd.DataFrame, zones=None, zone_field: Optional[str] = None) -> pd.Series:
    """区块 of every plot (index = DKBH): the cluster, or the zone polygon that holds most of the plot."""
    if zones is None:
        return pd.Series(plots["ZTBH"].to_numpy(), index=plots["DKBH"].to_numpy())
    import geopandas as gpd

    z = gpd.GeoDataFrame(zones).to_crs(plots.attrs["crs"])
    geoms = plots["geometry"].to_numpy()
    pi, zi = shapely.STRtree(z.geometry.values).query(geoms, predicate="intersects")
    area = shapely.area(shapely.intersection(geoms[pi], z.geometry.values[zi]))
    best = pd.DataFrame({"p": pi, "z": zi, "a": area}).sort_values("a").groupby("p")["z"].last()
    out = pd.Series(None, index=plots["DKBH"].to_numpy(), dtype=object)
    out.iloc[best.index.to_numpy()] = z[zone_field].astype(str).to_numpy()[best.to_numpy()]
    return out


def _land_shares(plots: pd.DataFrame, blocks: pd.Series) -> pd.DataFrame:
    df = pd.DataFrame({"block": blocks.to_numpy(), "div": plots["HYDM"].map(division).to_numpy(),
                       "area": plots["area_mu"].to_numpy()})
    df = df[df["block"].notna() & df["div"].notna()]
    by = df.groupby(["block", "div"])["area"].sum()
    rows = {}
    for block, g in by.groupby(level=0):
        g = g.droplevel(0).sort_values(ascending=False)
        rows[block] = {"land_leading": g.index[0], "land_share": float(g.iloc[0] / g.sum() * 100.0)}
    return pd.DataFrame.from_dict(rows, orient="index")


def leading_industry(stats: EnterpriseStats, *, year: Optional[int] = None, zones=None, zone_field: Optional[str] = None,
                     rules_path: Optional[str] = None) -> pd.DataFrame:
    """One row per 区块: leading division by output value, its share, the status, and the land share beside."""
    rules = load_yaml(rules_path or LEADING_PATH)
    year = int(year) if year is not None else stats.years[-1]
    plots = stats.plots
    blocks = plot_blocks(plots, zones, zone_field)
    links = stats.links[stats.links["year"] == year]
    recs = stats.records
    own = recs["industry"].map(division) if "industry" in recs.columns else pd.Series(None, index=recs.index)
    first_plot = links.groupby("rec")["HYDM"].first().map(division)
    ind = own.reindex(links["rec"]).to_numpy(dtype=object)
    ind = np.where(pd.isna(ind), first_plot.reindex(links["rec"]).to_numpy(dtype=object), ind)
    out_val = recs["output"].reindex(links["rec"]).to_numpy(dtype=float) if "output" in recs.columns else \
        np.full(len(links), np.nan)
    df = pd.DataFrame({"block": blocks.reindex(links["DKBH"]).to_numpy(), "div": ind, "rec": links["rec"].to_numpy(),
                       "output": out_val * links["weight"].to_numpy(dtype=float)})
    df = df[df["block"].notna()]
    rows = []
    for block, g in df.groupby("block"):
        missing = g.loc[g["output"].isna(), "rec"].nunique()
        known = g[g["output"].notna() & pd.notna(g["div"])]
        by = known.groupby("div")["output"].sum().sort_values(ascending=False)
        total = float(known["output"].sum())
        share = float(by.iloc[0] / total * 100.0) if len(by) and total > 0 else np.nan
        rows.append({"block": block, "year": year, "enterprises": g["rec"].nunique(), "missing_output": int(missing),
                     "leading": by.index[0] if len(by) else None,
                     "leading_output": float(by.iloc[0]) if len(by) else np.nan, "output": total if len(by) else np.nan,
                     "share": share, "min_share": float(rules["min_share"]),
                     "status": _status(share, missing, g["rec"].nunique(), float(rules["min_share"])),
                     "source": rules["source"] + ("（未核实）" if rules.get("status") == "unconfirmed" and "未核实" not in
                                                  rules["source"] else "")})
    table = pd.DataFrame(rows).set_index("block") if rows else pd.DataFrame()
    land = _land_shares(plots, blocks)
    return table.join(land, how="outer") if len(table) else land


def _status(share: float, missing: int, n: int, limit: float) -> str:
    if share != share:
        return "未检查：无产值数据 / not checked: no output values"
    return partial_verdict("达到 / met" if share + 1e-9 >= limit else "未达到 / below", missing, n, "产值", "output")
