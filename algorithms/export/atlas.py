"""The 图则 atlas as pages: cover, index (plot → page), one sheet per plot, the list of plots too small for a sheet;
and the text each sheet prints besides its controls (the review conclusion with its rules, areas and clauses; the
setback and no-opening rules with their status).

The print layout (plugin/printing/) places what this module decides; nothing here knows QGIS.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..standards import read_header, read_table
from .sheet_geometry import RoadRule

__all__ = ["SETBACKS_CSV", "load_road_rules", "AtlasPlan", "plan_pages", "review_lines", "INDEX_ROWS",
           "INDEX_COLUMNS", "LIST_ROWS", "LIST_COLUMNS"]

SETBACKS_CSV = "road_setbacks.csv"
#: rows per column and columns per index page / list page (A3 landscape, 8 pt)
INDEX_ROWS, INDEX_COLUMNS = 44, 3
LIST_ROWS, LIST_COLUMNS = 44, 2


def _number(v, path, line, name):
    if v in ("", None):
        return None
    try:
        x = float(v)
    except ValueError:
        x = math.nan
    if not math.isfinite(x) or x < 0:
        raise InputError("E_BAD_PARAMETER", name=f"{path} 第 {line} 行 {name}", value=v,
                         reason_zh="应为不小于 0 的数或留空", reason_en="must be a number ≥ 0 or empty")
    return x


def load_road_rules(path: Optional[str] = None) -> tuple[dict, list]:
    """({road class: RoadRule}, the file's '#' header lines) from the setback table (default: the shipped
    illustrative :data:`SETBACKS_CSV`)."""
    path = path or SETBACKS_CSV
    rules = {}
    for line, row in read_table(path):
        cls = row.get("road_class", "").strip()
        if not cls:
            continue
        rules[cls] = RoadRule(cls, _number(row.get("setback_m"), path, line, "setback_m"),
                              _number(row.get("no_opening_m"), path, line, "no_opening_m"),
                              row.get("status", "").strip() or "未注明", row.get("source", "").strip())
    return rules, read_header(path)


@dataclass
class AtlasPlan:
    """Page numbers of the atlas. ``sheets``: plots with a sheet of their own (``YM`` page, ``TH`` drawing number);
    ``small``: plots below the minimum area (``YM`` the list page); ``index``: one row per plot for the index
    pages (``IDXPAGE``, ``IDXCOL``); ``pages``: (kind, page number, ordinal within kind) in page order."""

    sheets: pd.DataFrame
    small: pd.DataFrame
    index: pd.DataFrame
    pages: list = field(default_factory=list)
    min_area: float = 0.0

    @property
    def count(self) -> int:
        return len(self.pages)


def plan_pages(table: pd.DataFrame, *, min_area: float = 0.0, prefix: str = "TZ-", area_col: str = "YDMJ",
               code_col: str = "DKBH") -> AtlasPlan:
    """Pages of the atlas for the plots in ``table`` (already sorted): page 1 the cover, then the index pages,
    the sheets (plots of at least ``min_area`` m²), then the list pages of the smaller ones."""
    area = pd.to_numeric(table[area_col], errors="coerce").to_numpy(dtype=float)
    small_mask = np.nan_to_num(area, nan=0.0) < min_area
    sheets, small = table[~small_mask].copy(), table[small_mask].copy()
    per_index = INDEX_ROWS * INDEX_COLUMNS
    n_index = max(1, math.ceil(len(table) / per_index))
    n_list = math.ceil(len(small) / (LIST_ROWS * LIST_COLUMNS)) if len(small) else 0
    first_sheet = 2 + n_index
    sheets["YM"] = np.arange(first_sheet, first_sheet + len(sheets))
    sheets["TH"] = [f"{prefix}{k:03d}" for k in range(1, len(sheets) + 1)]
    first_list = first_sheet + len(sheets)
    pos = np.arange(len(small))
    small["YM"] = first_list + pos // (LIST_ROWS * LIST_COLUMNS)
    small["LISTCOL"] = (pos % (LIST_ROWS * LIST_COLUMNS)) // LIST_ROWS + 1
    pages = [("cover", 1, 1)] + [("index", 2 + k, k + 1) for k in range(n_index)]
    pages += [("sheet", p, k + 1) for k, p in enumerate(sheets["YM"])]
    pages += [("list", first_list + k, k + 1) for k in range(n_list)]
    page_of = dict(zip(sheets[code_col].astype(str), sheets["YM"]))
    page_of.update(zip(small[code_col].astype(str), small["YM"]))
    number_of = dict(zip(sheets[code_col].astype(str), sheets["TH"]))
    idx = table[[code_col]].copy()
    idx["XH"] = np.arange(1, len(idx) + 1)
    idx["YM"] = [int(page_of[str(c)]) for c in idx[code_col]]
    idx["TH"] = [number_of.get(str(c), "见小地块清单") for c in idx[code_col]]
    k = np.arange(len(idx))
    idx["IDXPAGE"] = 2 + k // per_index
    idx["IDXCOL"] = (k % per_index) // INDEX_ROWS + 1
    return AtlasPlan(sheets, small, idx, pages, float(min_area))


def _net_area(rows) -> float:
    """The rows' area counted once: the area of the union of their geometries when each geometry is the conflict part
    (its area is the row's CTMJ), else the rows' CTMJ summed (e.g. the slope rule, whose geometry is the whole plot)."""
    ctmj = pd.to_numeric(rows["CTMJ"], errors="coerce").fillna(0).to_numpy(dtype=float)
    geoms = rows.geometry.to_numpy() if "geometry" in rows.columns else np.array([None] * len(rows), dtype=object)
    ok = np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
    if ok.all() and len(geoms):
        areas = shapely.area(geoms)
        if np.allclose(areas, ctmj, rtol=0.01, atol=0.01):
            return float(shapely.union_all(geoms).area)
    return float(ctmj.sum())


def _messages(rows):
    """The conflict rows' messages (SM), empty where the layer has none."""
    return rows["SM"].astype(str) if "SM" in rows.columns else [""] * len(rows)


def _clause(rule_id: str, sources: dict) -> str:
    text = sources.get(rule_id, "")
    return text if text else "依据见审查报告 / see the review report"


def review_lines(codes, conflicts: Optional[pd.DataFrame], *, sources: dict, actions: Optional[dict] = None,
                 code_col: str = "DKBH", result_of=None) -> dict:
    """{plot code: [line, …]}: each conflicting rule of the plot with its area (the union of its rows), its result
    (``result_of(severity, message)``, default the severity) and clause (``sources``: rule id → document and
    clause), and the suggested action (``actions``: rule id → text). Plots without conflict rows get no lines."""
    out = {str(c): [] for c in codes}
    if conflicts is None or not len(conflicts):
        return out
    df = conflicts.copy()
    df["_c"] = df[code_col].astype(str)
    df = df[df["_c"].isin(out)]
    for (code, rid), rows in df.groupby(["_c", "GZBH"], sort=True):
        area = _net_area(rows)
        sev = "、".join(dict.fromkeys(result_of(v, m) if result_of else str(v)
                                      for v, m in zip(rows["YZCD"], _messages(rows)) if isinstance(v, str)))
        name = str(rows["GZMC"].iloc[0])
        line = f"{name}：{area:,.2f} ㎡（{sev}）依据：{_clause(str(rid), sources)}"
        if actions and actions.get(str(rid)):
            line += f"；建议：{actions[str(rid)]}"
        out[code].append(line)
    return out
