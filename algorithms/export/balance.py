"""用地平衡表 of the whole planned area: plots by land-use class, road corridors (1207), land set apart by the
一张图 check (需调整用地, from :func:`algorithms.planstate.plan_state`) and every other land inside the cluster
boundary, so that the total is the clusters' area.

Areas: plots from their YDMJ (as in the plot table), road corridors from theirs (clipped to the clusters), the
clusters and the remaining land measured in the plots' metre CRS; all sums of unrounded m². Whatever does not add
up (plots overlapping roads, plots outside the boundary) is shown as its own 核对差 line, never hidden in another.
A line that cannot be computed (no cluster or road layer) is listed with its reason and no area.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..crs import M2_PER_HA, MU_PER_HA, measurement_crs, to_crs
from ..planstate import PROHIBITING_FIELDS, SET_APART, plan_state
from .tables import is_construction, load_construction_prefixes, load_landuse_names

__all__ = ["ROAD_CODE", "BalanceAreas", "balance_areas", "land_balance", "GROUPS", "RECONCILE_TOLERANCE_M2"]

#: 2023 code of the road corridors written by zutuan:subdivideunits (城镇村道路用地)
ROAD_CODE = "1207"
#: a difference below this (m²) between the clusters and their parts is rounding, not a 核对差 line; areas stored
#: in YDMJ with two decimals add up to 0.005 m² of rounding per plot or corridor on top of it
RECONCILE_TOLERANCE_M2 = 0.01
_STORED_ROUNDING_M2 = 0.005
#: group id -> (Chinese, English) line name
GROUPS = {"construction": ("建设用地", "Construction land"), "other": ("非建设用地", "Non-construction land"),
          "set_apart": (SET_APART, "Set apart (to be re-planned)"),
          "remainder": ("组团内其他用地", "Other land inside the clusters"),
          "reconcile": ("核对差", "Reconciliation difference"),
          "unclassified": ("未分类用地", "Unclassified (no or unknown code)"), "": ("总用地", "Total")}


@dataclass
class BalanceAreas:
    """What the balance needs beside the plots (m²; None where the layer was not given)."""

    cluster_m2: Optional[float] = None
    road_m2: Optional[float] = None
    road_codes: Optional[pd.Series] = None     # area (m²) per land-use code of the road corridors
    remainder_m2: Optional[float] = None       # inside the clusters, outside every plot and corridor
    road_outside_m2: float = 0.0               # corridor area outside the clusters (not counted)
    measured_remainder: bool = True            # False: no plot geometry, the remainder is a difference
    n_roads: int = 0


def _area_m2(gdf, mcrs) -> np.ndarray:
    """YDMJ where every feature has it, else the area measured in ``mcrs``."""
    if "YDMJ" in gdf.columns:
        a = pd.to_numeric(gdf["YDMJ"], errors="coerce")
        if a.notna().all():
            return a.to_numpy(dtype=float)
    return to_crs(gdf, mcrs).geometry.area.to_numpy(dtype=float)


def _road_codes(roads) -> pd.Series:
    if "YDYHFLDM" in roads.columns:
        code = roads["YDYHFLDM"].astype(object)
        return code.where(code.notna() & (code.astype(str).str.strip() != ""), ROAD_CODE).astype(str)
    return pd.Series(ROAD_CODE, index=roads.index)


def balance_areas(plots, *, clusters=None, roads=None) -> BalanceAreas:
    """Cluster, road-corridor and remaining areas for :func:`land_balance`, in the plots' metre CRS."""
    import shapely

    out = BalanceAreas()
    has_geom = hasattr(plots, "geometry") and "geometry" in getattr(plots, "columns", []) and plots.crs is not None
    ref = plots if has_geom else (clusters if clusters is not None else roads)
    if ref is None or ref.crs is None:
        return out
    mcrs = measurement_crs(ref.crs, layer="plots", bounds=tuple(ref.total_bounds) if len(ref) else None)
    zone = shapely.union_all(to_crs(clusters, mcrs).geometry.to_numpy()) if clusters is not None else None
    if zone is not None:
        out.cluster_m2 = float(shapely.area(zone))
    road_geom = None
    if roads is not None:
        r = to_crs(roads, mcrs)
        areas = pd.Series(_area_m2(r, mcrs), index=r.index)
        road_geom = shapely.union_all(r.geometry.to_numpy())
        if zone is not None:          # only the corridors inside the clusters are part of the planned area
            inside = shapely.area(shapely.intersection(r.geometry.to_numpy(), zone))
            measured = r.geometry.area.to_numpy()
            share = np.divide(inside, measured, out=np.zeros_like(inside), where=measured > 0)
            out.road_outside_m2 = float((areas * (1 - share)).sum())
            areas = areas * share
            road_geom = shapely.intersection(road_geom, zone)
        out.road_m2 = float(areas.sum())
        out.n_roads = len(r)
        out.road_codes = areas.groupby(_road_codes(r).to_numpy()).sum()
    if zone is not None and has_geom:
        parts = [shapely.union_all(to_crs(plots, mcrs).geometry.to_numpy())]
        parts += [road_geom] if road_geom is not None else []
        out.remainder_m2 = float(shapely.area(shapely.difference(zone, shapely.union_all(parts))))
    elif zone is not None:
        out.measured_remainder = False
    return out


def _pieces(df: pd.DataFrame, areas: BalanceAreas, prefixes, blocked: np.ndarray) -> pd.DataFrame:
    """One row per plot and per road land-use code: code, 一级/二级 code, 公顷, group."""
    code = df["YDYHFLDM"].fillna("").astype(str).str.strip().to_numpy()
    ha = df["_HA"].to_numpy(dtype=float)
    if areas.road_codes is not None:
        code = np.concatenate([code, areas.road_codes.index.astype(str).to_numpy()])
        ha = np.concatenate([ha, areas.road_codes.to_numpy(dtype=float) / M2_PER_HA])
        blocked = np.concatenate([blocked, np.zeros(len(areas.road_codes), dtype=bool)])
    kind = np.array([is_construction(c, prefixes) for c in code], dtype=object)
    group = np.where(kind == True, "construction", np.where(kind == False, "other", "unclassified"))  # noqa: E712
    group = np.where(blocked, "set_apart", group)
    code = pd.Series(code)
    return pd.DataFrame({"code": code, "c1": code.str[:2], "c2": code.where(code.str.len() >= 4, "").str[:4],
                         "ha": ha, "group": group})


def _row(level, group, code, name, ha, note=("", "")):
    return {"level": level, "group": group, "code": code, "name": name, "area_ha": ha,
            "note_zh": note[0], "note_en": note[1]}


def _class_rows(g: pd.DataFrame, group: str, names: dict) -> list[dict]:
    rows = []
    for c1, g1 in g.groupby("c1", sort=True):
        if not c1:          # no land-use code at all: counted in the group row only
            continue
        rows.append(_row("class1", group, c1, names.get(c1, ""), g1["ha"].sum()))
        for c2, g2 in g1.groupby("c2", sort=True):
            if c2:
                rows.append(_row("class2", group, c2, names.get(c2, ""), g2["ha"].sum()))
    return rows


def _set_apart_note(df: pd.DataFrame, state) -> tuple[str, str]:
    n = int(state.blocked.sum())
    per_rule = []
    for f, rule in PROHIBITING_FIELDS.items():
        if f in df.columns:
            ct = pd.to_numeric(df[f], errors="coerce").fillna(0.0).to_numpy()[state.blocked]
            if (ct > 0).any():
                per_rule.append((rule, int((ct > 0).sum()), float(ct.sum()) / M2_PER_HA))
    zh = "；".join(f"{r} {k} 个（冲突 {a:.4f} 公顷）" for r, k, a in per_rule)
    return (f"一张图禁止性规则不合规的 {n} 个地块整块划出，不计入建设用地（不分期、不征地、不出让），待调整规划："
            + (zh or "无"),
            f"{n} plots failing a prohibiting rule of the master-plan check are set apart whole: not construction "
            "land, not phased, charged or sold until re-planned")


def _missing_notes(areas: BalanceAreas) -> dict:
    notes = {}
    if areas.road_m2 is None:
        notes["road"] = ("未计入：未提供道路用地图层（参数 ROADS，如 zutuan:subdivideunits 输出的 road_corridors）；"
                         + ("道路用地含在“组团内其他用地”中" if areas.cluster_m2 is not None else "总用地不含道路"),
                         "not counted: no road-corridor layer (parameter ROADS)")
    if areas.cluster_m2 is None:
        notes["remainder"] = ("未计算：未提供组团图层（参数 CLUSTERS），总用地仅为地块与道路用地之和，不是规划范围面积",
                              "not computed: no cluster layer (parameter CLUSTERS); the total is plots and roads only")
    elif not areas.measured_remainder:
        notes["remainder"] = ("按组团面积减地块与道路面积计算（地块无几何）", "cluster area minus plots and roads")
    else:
        notes["remainder"] = ("组团边界内未划入地块或道路红线的用地，如边角地、零星用地",
                              "inside the clusters but in no plot or road corridor, e.g. offcuts")
    if areas.road_outside_m2 > RECONCILE_TOLERANCE_M2:
        notes["road_outside"] = (f"道路用地图层另有 {areas.road_outside_m2 / M2_PER_HA:.4f} 公顷在组团范围外，未计入",
                                 "part of the road corridors lies outside the clusters and is not counted")
    return notes


def _group_rows(pieces, df, state, areas, names, notes) -> list[dict]:
    rows = []
    for group in ("construction", "other"):
        g = pieces[pieces["group"] == group]
        note = notes.get("road_outside", ("", "")) if group == "construction" else ("", "")
        rows.append(_row("group", group, "", GROUPS[group][0], g["ha"].sum(), note))
        rows += _class_rows(g, group, names)
        if group == "construction" and "road" in notes:
            rows.append(_row("missing", group, ROAD_CODE, f"{names.get(ROAD_CODE, '道路用地')}（未计入）", np.nan,
                             notes["road"]))
    g = pieces[pieces["group"] == "set_apart"]
    if state.checked:
        rows.append(_row("group", "set_apart", "", SET_APART, g["ha"].sum(), _set_apart_note(df, state)))
        rows += _class_rows(g, "set_apart", names)
    else:
        rows.append(_row("group", "set_apart", "", SET_APART, np.nan,
                         ("未检查：地块没有一张图审查结果（SCJL、CT_* 字段），需调整用地无法识别，已全部计入上方各类",
                          "not checked: the plots carry no master-plan review (SCJL, CT_*)")))
    return rows


def land_balance(df: pd.DataFrame, *, areas: Optional[BalanceAreas] = None, names: Optional[dict] = None,
                 prefixes="default") -> pd.DataFrame:
    """The 用地平衡表 rows of the prepared plots ``df`` (with ``_HA``) and :class:`BalanceAreas`.

    Columns: level ("group" | "class1" | "class2" | "missing" | "total"), group (key of :data:`GROUPS`), code, name,
    area_ha, area_mu, share_total (% of the total), share_construction (% of construction land; construction rows
    only), note_zh, note_en. Areas are unrounded sums; the total is the clusters' area when they are given.
    """
    areas = areas or BalanceAreas()
    names = load_landuse_names() if names is None else names
    names = {**dict(zip(df["YDYHFLDM"].fillna(""), df["YDYHFLMC"].fillna(""))), **names}
    prefixes = load_construction_prefixes() if prefixes == "default" else prefixes
    state = plan_state(df)
    pieces = _pieces(df, areas, prefixes, state.blocked)
    notes = _missing_notes(areas)
    rows = _group_rows(pieces, df, state, areas, names, notes)
    parts_ha = pieces["ha"].sum()
    if areas.cluster_m2 is None:
        rows.append(_row("group", "remainder", "", GROUPS["remainder"][0], np.nan, notes["remainder"]))
        total = parts_ha
    else:
        total = areas.cluster_m2 / M2_PER_HA
        rest = areas.remainder_m2 / M2_PER_HA if areas.measured_remainder else total - parts_ha
        diff = total - parts_ha - rest
        if abs(diff) * M2_PER_HA <= RECONCILE_TOLERANCE_M2 + _STORED_ROUNDING_M2 * (len(df) + areas.n_roads):
            rest += diff          # the rounding of the stored areas, not a finding: said in the line's note
            note = notes["remainder"]
            notes["remainder"] = (note[0] + f"（含面积取整差 {diff * M2_PER_HA:.2f} m²）", note[1])
            diff = 0.0
        rows.append(_row("group", "remainder", "", GROUPS["remainder"][0], rest, notes["remainder"]))
        if diff:
            rows.append(_row("group", "reconcile", "", "核对差（地块、道路重叠或超出组团边界）", diff,
                             ("组团面积 − 地块 − 道路 − 其他用地；负值为重叠或超出边界的面积，应检查地块与道路",
                              "cluster area minus plots, roads and other land; negative: overlaps or land outside")))
    g = pieces[pieces["group"] == "unclassified"]
    if len(g):
        rows.append(_row("group", "unclassified", "", GROUPS["unclassified"][0], g["ha"].sum()))
        rows += _class_rows(g, "unclassified", names)
    rows.append(_row("total", "", "", "总用地", total,
                     ("组团范围" if areas.cluster_m2 is not None else notes["remainder"][0],
                      "the clusters" if areas.cluster_m2 is not None else notes["remainder"][1])))
    out = pd.DataFrame(rows)
    constr = pieces.loc[pieces["group"] == "construction", "ha"].sum()
    out["area_mu"] = out["area_ha"] * MU_PER_HA
    out["share_total"] = out["area_ha"] / total * 100.0 if total > 0 else np.nan
    out["share_construction"] = np.where(out["group"] == "construction",
                                         out["area_ha"] / constr * 100.0 if constr > 0 else np.nan, np.nan)
    return out
