"""飞地 cross-region accounting: each enterprise figure split between the parties of the agreement, exactly.

For every statistics year and indicator (:data:`.agreement.INDICATORS`), each link (an enterprise on a plot) falls
under the most specific arrangement that covers it (enterprise > plot > unit > cluster > park, within the years),
or under none. Its party fractions:

* a ``ratio`` arrangement: the agreed ratio of the indicator. Energy is the exception: only projects whose
  investment (``large_projects.basis``, cumulative fixed assets by default) reaches ``large_projects.threshold``
  (10 亿元 = 100 000 万元 in the sample, after the 甘肃 飞地 opinions) share it by the ratio; the energy of smaller
  projects, and any indicator the arrangement gives no ratio for, stays where the land lies;
* an ``area`` arrangement, or no arrangement: where the land lies — the plot's area in each party's region of
  the administrative layer (a straddling plot is split by area), else all to the 飞入地 party.

Exact sums (the rounding rule, largest remainder / Hamilton): every figure is first rounded half-up to the
indicator's decimals (0.01 万元, 1 人 … set in the agreement) and handled as integer units. An enterprise's units
go to its plots by its attribution weights, and each group's (year × arrangement) units to the parties by their
fractions, both the same way: each share is floored to a whole unit, and the units left over go one by one to the
shares with the largest remainders (ties: the first plot / the party listed first). So the parties' shares add up
to the total exactly, in every group, year and indicator (the reconciliation table shows it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..findings import Finding
from .agreement import INDICATORS, SCOPES
from .intake import EnterpriseStats
from .profile import config_error

__all__ = ["FeidiResult", "feidi", "largest_remainder", "split_grouped", "to_units", "region_fractions"]


@dataclass
class FeidiResult:
    regions: pd.DataFrame          # year, party, name, role, each indicator's share, energy intensity
    detail: pd.DataFrame           # year, arrangement, indicator: total, each party's share, the ratio, clause
    reconciliation: pd.DataFrame   # year, indicator: total, Σ shares, difference, status
    plot_layer: object = None      # the latest year per plot: arrangement, location, each party's shares
    findings: list = field(default_factory=list)


def to_units(values: np.ndarray, decimals: int) -> np.ndarray:
    """Half-up rounding to ``decimals`` as integer units (NaN → 0): 1.005 万元 at 2 decimals → 101."""
    scaled = np.round(np.asarray(values, dtype=float) * 10.0 ** decimals, 6)
    return np.nan_to_num(np.floor(scaled + 0.5), nan=0.0).astype(np.int64)


def largest_remainder(raw: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Rows of ``raw`` (n × k shares) as whole units adding up to ``totals`` (n); ties to the first column."""
    raw = np.round(np.asarray(raw, dtype=float), 6)
    base = np.floor(raw).astype(np.int64)
    left = np.asarray(totals, dtype=np.int64) - base.sum(axis=1)
    order = np.argsort(-(raw - base), axis=1, kind="stable")
    bonus = np.zeros_like(base)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(raw.shape[1])[None, :].repeat(raw.shape[0], 0), axis=1)
    bonus[ranks < left[:, None]] = 1
    return base + bonus


def split_grouped(units: np.ndarray, weights: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Items of each group share the group's ``units`` (one value per item, repeated) by ``weights``, exactly."""
    raw = np.round(units * weights, 6)
    base = np.floor(raw).astype(np.int64)
    frac = raw - base
    gsum = pd.Series(base).groupby(group).transform("sum").to_numpy()
    left = units - gsum
    order = np.lexsort((np.arange(len(raw)), -frac, group))
    rank = np.empty(len(raw), dtype=np.int64)
    rank[order] = pd.Series(group[order]).groupby(group[order]).cumcount().to_numpy()
    return base + (rank < left).astype(np.int64)


def region_fractions(plots: pd.DataFrame, admin, region_field: str, parties: list[dict]) -> tuple[np.ndarray, list]:
    """(n plots × parties) area fractions of each plot in each party's region; findings for gaps."""
    import geopandas as gpd

    keys = {}
    for j, p in enumerate(parties):
        for k in (p["region"], p["id"], p["name"]):
            if k:
                keys.setdefault(str(k), j)
    ad = gpd.GeoDataFrame(admin).to_crs(plots.attrs["crs"])
    party_of = ad[region_field].map(lambda v: keys.get(str(v).strip(), -1)).to_numpy()
    geoms = plots["geometry"].to_numpy()
    tree = shapely.STRtree(ad.geometry.values)
    gi, ai = tree.query(geoms, predicate="intersects")
    keep = party_of[ai] >= 0
    gi, ai = gi[keep], ai[keep]
    area = shapely.area(shapely.intersection(geoms[gi], ad.geometry.values[ai]))
    frac = np.zeros((len(geoms), len(parties)))
    np.add.at(frac, (gi, party_of[ai]), area)
    covered = frac.sum(axis=1)
    plot_area = shapely.area(geoms)
    notes = []
    gap = covered < plot_area * 0.99
    if gap.any():
        codes = plots["DKBH"].to_numpy()[gap]
        notes.append(Finding("FD-ADMIN-GAP", "行政区覆盖不全", "warning", None,
                             f"{int(gap.sum())} 个地块有超过 1% 的面积不在任何参与方的行政区内，按覆盖部分的比例分计（如 "
                             f"{'、'.join(map(str, codes[:5]))}）/ plots more than 1 % outside the parties' regions: split "
                             "by the covered part"))
    return np.divide(frac, covered[:, None], out=np.zeros_like(frac), where=covered[:, None] > 0), notes


def _arrangement_of_links(links: pd.DataFrame, recs: pd.DataFrame, arrs: list[dict]) -> np.ndarray:
    idx = np.full(len(links), -1, dtype=np.int64)
    year = links["year"].to_numpy()
    member_col = {"cluster": links["ZTBH"], "unit": links["DYBH"], "plot": links["DKBH"],
                  "enterprise": recs["credit_code"].reindex(links["rec"]).reset_index(drop=True)}
    for scope in SCOPES:
        for i, a in enumerate(arrs):
            if a["scope"] != scope:
                continue
            mask = (year >= a["years"][0]) & (year <= a["years"][1])
            if scope != "park":
                mask &= member_col[scope].astype(str).isin(set(a["members"])).to_numpy()
            idx[mask] = i
    return idx


def _location(stats: EnterpriseStats, links: pd.DataFrame, agreement: dict, admin, region_field):
    parties = agreement["parties"]
    plots = stats.plots.reset_index(drop=True)
    pos = pd.Series(np.arange(len(plots)), index=plots["DKBH"]).reindex(links["DKBH"]).to_numpy()
    if admin is not None:
        frac, notes = region_fractions(plots, admin, region_field, parties)
        lost = frac[pos].sum(axis=1) == 0
        if lost.any():
            raise config_error(agreement["path"], "parties[].region",
                               f"地块 {'、'.join(sorted(set(links['DKBH'][lost]))[:5])} 不在任何参与方的行政区内（字段 {region_field}）",
                               f"plots lie in no party's region (field {region_field})")
        return frac[pos], frac, notes
    hosts = [j for j, p in enumerate(parties) if p["role"] == "飞入地"]
    if len(hosts) != 1:
        raise config_error(agreement["path"], "parties", "没有行政区图层时须恰有一个飞入地",
                           "without an administrative layer exactly one party must be 飞入地")
    one = np.zeros((len(plots), len(parties)))
    one[:, hosts[0]] = 1.0
    return one[pos], one, []


def _fractions(ind: str, arr_idx, loc, arrs, agreement, large: np.ndarray) -> np.ndarray:
    frac = loc.copy()
    pids = [p["id"] for p in agreement["parties"]]
    for i, a in enumerate(arrs):
        if a["split"] != "ratio" or ind not in a["ratios"]:
            continue
        mask = arr_idx == i
        if ind == "energy" and agreement["large_threshold"] is not None:
            mask &= large
        frac[mask] = np.array([a["ratios"][ind][p] for p in pids])
    return frac


def feidi(stats: EnterpriseStats, agreement: dict, *, admin=None, region_field: Optional[str] = None) -> FeidiResult:
    """Split every statistics year by ``agreement`` (see the module docstring)."""
    arrs = agreement["arrangements"]
    if any(a["split"] == "area" for a in arrs) and admin is None:
        raise config_error(agreement["path"], "arrangements[].split", "按面积分计（area）需要行政区图层",
                           "an area split needs the administrative layer")
    links = stats.links.reset_index(drop=True)
    recs = stats.records
    arr_idx = _arrangement_of_links(links, recs, arrs)
    loc, plot_loc, findings = _location(stats, links, agreement, admin, region_field)
    basis = agreement["large_basis"]
    inv = recs[basis].reindex(links["rec"]).to_numpy(dtype=float) if basis in recs.columns else np.full(len(links), np.nan)
    large = np.nan_to_num(inv, nan=-1.0) >= (agreement["large_threshold"] or 0.0)
    shares = {}
    for ind, (name, _unit, _) in INDICATORS.items():
        if ind not in recs.columns or recs[ind].isna().all():
            continue
        d = agreement["decimals"][ind]
        ent_units = to_units(recs[ind].to_numpy(dtype=float), d)
        rec_pos = pd.Series(np.arange(len(recs)), index=recs.index).reindex(links["rec"]).to_numpy()
        link_units = split_grouped(ent_units[rec_pos], links["weight"].to_numpy(float), rec_pos)
        frac = _fractions(ind, arr_idx, loc, arrs, agreement, large)
        shares[ind] = (link_units, frac, d)
        missing = int(recs[ind].isna().sum())
        if missing:  # every indicator: its total and the parties' shares lack these records (the targets say 需核实)
            findings.append(Finding("FD-MISSING", "缺少指标", "not_checked", None,
                                    f"{missing} 条企业年度记录缺少“{name}”，未计入 / {missing} records lack {ind}: not counted"))
    return _tables(stats, links, arr_idx, shares, agreement, plot_loc, findings)


def _group_split(link_units, frac, keys: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    raw = pd.DataFrame(link_units[:, None] * frac).groupby([keys[c] for c in keys.columns]).sum()
    totals = pd.Series(link_units).groupby([keys[c] for c in keys.columns]).sum().reindex(raw.index)
    return raw, totals.to_numpy(dtype=np.int64), largest_remainder(raw.to_numpy(), totals.to_numpy())


def _tables(stats, links, arr_idx, shares, agreement, plot_loc, findings) -> FeidiResult:
    parties, arrs = agreement["parties"], agreement["arrangements"]
    pids = [p["id"] for p in parties]
    keys = pd.DataFrame({"year": links["year"].to_numpy(), "arr": arr_idx})
    detail, recon = [], []
    region = {}
    for ind, (link_units, frac, d) in shares.items():
        raw, totals, split = _group_split(link_units, frac, keys)
        scale = 10 ** d
        name, unit, _ = INDICATORS[ind]
        for (year, a), tot, row, rr in zip(raw.index, totals, split, raw.to_numpy()):
            arr = arrs[a] if a >= 0 else None
            how = _how(ind, arr, agreement)
            detail.append({"year": year, "arrangement": arr["id"] if arr else "协议外 / outside", "indicator": ind,
                           "name": name, "unit": unit, "total": tot / scale,
                           **{f"share_{p}": v / scale for p, v in zip(pids, row)},
                           **{f"ratio_{p}": (r / tot if tot else np.nan) for p, r in zip(pids, rr)},
                           "rule": how, "clause": arr["clause"] if arr else "—"})
            region.setdefault(year, {}).setdefault(ind, np.zeros(len(pids), dtype=np.int64))
            region[year][ind] += row
        by_year = pd.DataFrame({"year": raw.index.get_level_values(0), "tot": totals, "sum": split.sum(axis=1)})
        for year, g in by_year.groupby("year"):
            diff = int(g["tot"].sum() - g["sum"].sum())
            recon.append({"year": year, "indicator": ind, "name": name, "unit": unit, "total": g["tot"].sum() / scale,
                          "sum_shares": g["sum"].sum() / scale, "difference": diff / scale,
                          "status": "一致 / balanced" if diff == 0 else "不一致 / NOT balanced"})
    regions = _region_rows(region, parties, {k: v[2] for k, v in shares.items()})
    layer = _map(stats, links, arr_idx, shares, agreement, plot_loc)
    return FeidiResult(regions, pd.DataFrame(detail), pd.DataFrame(recon), layer, findings)


def _how(ind: str, arr: Optional[dict], agreement: dict) -> str:
    if arr is None:
        return "协议外：按土地所在地 / outside the agreement: where the land lies"
    if arr["split"] == "area":
        return "按行政区面积 / by area in each region"
    if ind not in arr["ratios"]:
        return "协议未约定该指标：按土地所在地 / no ratio: where the land lies"
    if ind == "energy" and agreement["large_threshold"] is not None:
        return (f"投资≥{agreement['large_threshold']:g}万元的项目按协议比例，其余按土地所在地 / projects ≥ threshold by "
                f"the ratio, the rest where the land lies {agreement['large_clause']}")
    return "按协议比例 / by the agreed ratio"


def _region_rows(region: dict, parties: list[dict], decimals: dict) -> pd.DataFrame:
    rows = []
    for year in sorted(region):
        for j, p in enumerate(parties):
            row = {"year": year, "party": p["id"], "name": p["name"], "role": p["role"]}
            for ind, arr in region[year].items():
                row[ind] = arr[j] / 10 ** decimals[ind]
            va, en = row.get("value_added"), row.get("energy")
            row["energy_intensity"] = en / va if va and en is not None else np.nan
            rows.append(row)
    return pd.DataFrame(rows)


def _map(stats, links, arr_idx, shares, agreement, plot_loc):
    import geopandas as gpd

    year = int(links["year"].max())
    sel = (links["year"] == year).to_numpy()
    pids = [p["id"] for p in agreement["parties"]]
    plots = stats.plots.reset_index(drop=True)
    codes = links["DKBH"].to_numpy()[sel]
    data = {"DKBH": plots["DKBH"].to_numpy(), "ND": np.full(len(plots), year)}
    arr_names = pd.Series([agreement["arrangements"][a]["id"] if a >= 0 else "协议外" for a in arr_idx[sel]])
    data["XYBH"] = arr_names.groupby(codes).agg(lambda s: "、".join(sorted(set(s)))).reindex(plots["DKBH"]).to_numpy()
    data["SZD"] = ["、".join(f"{pids[j]} {f * 100:.0f}%" for j, f in enumerate(row) if f > 0) for row in plot_loc]
    for ind, tag in (("value_added", "ZJZ"), ("energy", "NH")):
        if ind not in shares:
            continue
        units, frac, d = shares[ind]
        amounts = pd.DataFrame(units[sel, None] * frac[sel] / 10 ** d).groupby(codes).sum()
        for j, p in enumerate(pids):
            data[f"{tag}_{p}"[:10]] = amounts[j].reindex(plots["DKBH"]).round(4).to_numpy()
    gdf = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(plots["geometry"].to_numpy(), crs=stats.plots.attrs["crs"]),
                           crs=stats.plots.attrs["crs"])
    return gdf[gdf["XYBH"].notna()].reset_index(drop=True)
