"""The content of the export tables, as pandas frames, independent of the file format.

All quantities stay unrounded here; the workbook only sets number formats, so every subtotal and total is
the sum of unrounded values.
"""
from __future__ import annotations

import csv
import glob
import os
from typing import Optional

import numpy as np
import pandas as pd

from ..crs import M2_PER_HA, MU_PER_HA, measurement_crs, to_crs
from ..errors import InputError
from ..schema import DEFAULT_CODES, FIELDS, PLOT, CodeFormat
from .notes import control_reasons, development_status

__all__ = ["prepare_plots", "unit_cluster_summary", "GroupSums", "group_positions", "load_landuse_names",
           "load_construction_prefixes", "is_construction", "NO_CODE"]

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STANDARDS_DIR = os.path.join(_ROOT, "resources", "standards")
NO_CODE = ""   # group key of plots without a cluster / unit / land-use code


def _measured_area(plots) -> np.ndarray:
    geom = plots.geometry
    if plots.crs is None:
        raise InputError("E_NO_CRS", layer=PLOT.alias)
    target = measurement_crs(plots.crs, layer=PLOT.alias,
                             bounds=tuple(geom.total_bounds) if len(geom) else None)
    return to_crs(plots, target).geometry.area.to_numpy(dtype=float)


def prepare_plots(plots, *, codes: CodeFormat = DEFAULT_CODES) -> pd.DataFrame:
    """A plain DataFrame of the plots with every PLOT field, numeric fields as float, and helper columns.

    - ``YDMJ`` (m²) missing or null is measured from the geometry in a projected metre CRS;
    - ``DYBH`` / ``ZTBH`` missing are derived from the plot code (Z01-01-01 → Z01-01 → Z01);
    - ``JRJZMJ`` missing = 容积率下限 × 用地面积; ``ZDTZE`` missing = 投资强度下限 × 公顷 (schema definitions);
    - ``_HA`` 公顷, ``_MU`` 亩, ``_OUTPUT`` expected output (产出强度 × 公顷, 万元);
    - ``_R_<control>`` the 未赋值 reason of each empty control, KFZT/KFSM filled (:mod:`.notes`).
    Rows are sorted by cluster, unit and plot code; the input index is kept.
    """
    has_geom = hasattr(plots, "geometry") and "geometry" in getattr(plots, "columns", [])
    df = pd.DataFrame(plots.drop(columns="geometry") if has_geom else plots).copy()
    for name in PLOT.fields:
        spec = FIELDS[name]
        if name not in df.columns:
            df[name] = np.nan if spec.type != "str" else None
        elif spec.type != "str":
            df[name] = pd.to_numeric(df[name], errors="coerce").astype(float)
        else:
            col = df[name].astype(object)
            df[name] = col.where(col.notna() & (col.astype(str).str.strip() != ""), None)
    area = df["YDMJ"].to_numpy(dtype=float)
    if np.isnan(area).any():
        if not has_geom:
            raise InputError("E_MISSING_FIELD", layer=PLOT.alias, field="YDMJ", alias=FIELDS["YDMJ"].alias)
        measured = _measured_area(plots)
        area = np.where(np.isnan(area), measured, area)
        df["YDMJ"] = area
    for child, parent in (("DYBH", "DKBH"), ("ZTBH", "DYBH")):
        missing = df[child].isna() & df[parent].notna()
        if missing.any():
            df.loc[missing, child] = [_parent(codes, c) for c in df.loc[missing, parent]]
    ha = area / M2_PER_HA
    df["_HA"], df["_MU"] = ha, ha * MU_PER_HA
    df["JRJZMJ"] = df["JRJZMJ"].fillna(df["RJLXX"] * df["YDMJ"])
    df["ZDTZE"] = df["ZDTZE"].fillna(df["TZQD"] * ha)
    df["_OUTPUT"] = df["CCQD"] * ha
    df["KFZT"], df["KFSM"] = development_status(df)
    df = pd.concat([df, control_reasons(df)], axis=1)
    for key in ("ZTBH", "DYBH", "DKBH"):
        df[f"_{key}"] = df[key].fillna(NO_CODE).astype(str)
    return df.sort_values(["_ZTBH", "_DYBH", "_DKBH"], kind="stable")


def _parent(codes: CodeFormat, code) -> Optional[str]:
    try:
        return codes.parent(str(code))
    except ValueError:
        return None


class GroupSums:
    """Sums of float columns of ``df`` over groups of its rows given by position (an index array or a slice),
    exactly as pandas gives ``df[col].iloc[positions].sum(min_count=1)`` — NaN set to 0 and numpy's sum in row
    order, NaN when no row of the group has a value — without a frame per group (5,000 units: seconds).
    ``by_pandas``: pandas' own sum for every group (the reference the tests compare with)."""

    def __init__(self, df: pd.DataFrame, cols, by_pandas: bool = False):
        self._df, self._fast, self._notna = df, {}, {}
        for col in [] if by_pandas else cols:
            values = df[col].to_numpy()
            if values.dtype == np.float64:
                nan = np.isnan(values)
                self._fast[col] = (np.where(nan, 0.0, values), ~nan)

    def sum(self, col: str, positions):
        fast = self._fast.get(col)
        if fast is None:
            return self._df[col].iloc[positions].sum(min_count=1)
        filled, has = fast
        return filled[positions].sum() if has[positions].any() else np.nan

    def first(self, col: str, positions):
        """The first non-null value of ``col`` on the rows at ``positions`` (``dropna().iloc[0]``), or None."""
        if col not in self._notna:
            self._notna[col] = (self._df[col].to_numpy(), self._df[col].notna().to_numpy())
        values, notna = self._notna[col]
        hits = np.flatnonzero(notna[positions])
        return values[positions][hits[0]] if len(hits) else None


def group_positions(df: pd.DataFrame, keys) -> list[tuple]:
    """(key, positions) of the groups of ``df`` by ``keys``, in order of first appearance, positions ascending:
    the groups and rows of ``df.groupby(keys, sort=False)``."""
    return sorted(df.groupby(keys, sort=False).indices.items(), key=lambda kv: kv[1][0])


_SUM_COLS = {"_HA": "area_ha", "JRJZMJ": "floor_m2", "ZDTZE": "invest", "_OUTPUT": "output"}


def _sums(sums: GroupSums, positions, n: int) -> dict:
    """Sums of the additive quantities; NaN when no plot of the group has the value (not zero)."""
    out = {name: sums.sum(col, positions) for col, name in _SUM_COLS.items()}
    out["n_plots"] = n
    return out


def unit_cluster_summary(df: pd.DataFrame, *, units=None, clusters=None, by_pandas: bool = False) -> pd.DataFrame:
    """Rows per unit, a subtotal per cluster, and a grand total: level ∈ {"unit", "cluster", "total"}.

    Units listed in ``units`` without plots appear with zero plots and empty sums. ``by_pandas``: see
    :class:`GroupSums`.
    """
    unit_info = _info(units, "DYBH", ("ZTBH", "CYHJ", "CYL"))
    cluster_info = _info(clusters, "ZTBH", ("ZTMC", "CYL"))
    unit_keys = df[["_ZTBH", "_DYBH"]].drop_duplicates()
    for code, info in unit_info.items():
        if code not in set(unit_keys["_DYBH"]):
            ztbh = info.get("ZTBH") or _parent(DEFAULT_CODES, code) or NO_CODE
            unit_keys = pd.concat([unit_keys, pd.DataFrame({"_ZTBH": [ztbh], "_DYBH": [code]})])
    unit_keys = unit_keys.sort_values(["_ZTBH", "_DYBH"])
    sums = GroupSums(df, _SUM_COLS, by_pandas)
    in_unit = dict(group_positions(df, ["_ZTBH", "_DYBH"]))
    in_cluster = dict(group_positions(df, "_ZTBH"))
    none = np.empty(0, dtype=np.intp)
    rows = []
    for ztbh, ukeys in unit_keys.groupby("_ZTBH", sort=True):
        for dybh in ukeys["_DYBH"]:
            pos = in_unit.get((ztbh, dybh), none)
            chain = unit_info.get(dybh, {}).get("CYHJ") or sums.first("CYHJ", pos)
            rows.append({"level": "unit", "ZTBH": ztbh, "DYBH": dybh, "name": chain, **_sums(sums, pos, len(pos))})
        pos = in_cluster.get(ztbh, none)
        info = cluster_info.get(ztbh, {})
        rows.append({"level": "cluster", "ZTBH": ztbh, "DYBH": None,
                     "name": info.get("ZTMC") or info.get("CYL") or sums.first("CYL", pos),
                     **_sums(sums, pos, len(pos))})
    rows.append({"level": "total", "ZTBH": None, "DYBH": None, "name": None, **_sums(sums, slice(None), len(df))})
    return pd.DataFrame(rows)


def _info(frame, key, cols) -> dict:
    if frame is None or key not in getattr(frame, "columns", []):
        return {}
    out = {}
    for rec in pd.DataFrame(frame).to_dict("records"):
        code = rec.get(key)
        if code is None or (isinstance(code, float) and np.isnan(code)):
            continue
        out[str(code)] = {c: rec[c] for c in cols if c in rec and isinstance(rec[c], str) and rec[c].strip()}
    return out


# ----------------------------------------------------------------------------- land-use reference
def _read_csv(path: str) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = [ln for ln in fh if not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def load_landuse_names(standards_dir: Optional[str] = None) -> dict[str, str]:
    """Code → name of the 用地用海分类 (2023) from the codes file in resources/standards/ ({} when there is none).
    Nothing outside the plugin folder is read."""
    folder = standards_dir or STANDARDS_DIR
    candidates = [os.path.join(folder, "ydyh_2023_codes.csv")] + sorted(glob.glob(os.path.join(folder, "*ydyh*2023*.csv")))
    for path in candidates:
        if not os.path.isfile(path):
            continue
        rows = _read_csv(path)
        if rows and "code" in rows[0] and "name" in rows[0]:
            return {r["code"].strip(): r["name"].strip() for r in rows if r.get("code")}
    return {}


def load_construction_prefixes(standards_dir: Optional[str] = None) -> Optional[list[str]]:
    """Code prefixes counted as 建设用地, from resources/standards/construction_land_codes.csv (None if absent)."""
    path = os.path.join(standards_dir or STANDARDS_DIR, "construction_land_codes.csv")
    if not os.path.isfile(path):
        return None
    return [r["prefix"].strip() for r in _read_csv(path) if r.get("prefix", "").strip()]


def is_construction(code: str, prefixes: Optional[list[str]]) -> Optional[bool]:
    if prefixes is None or not code:
        return None
    return any(code.startswith(p) for p in prefixes)
