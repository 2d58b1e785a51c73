"""Plot → unit → cluster codes, and what a plot inherits from its unit or cluster (codes and control defaults)."""
from __future__ import annotations

import math

import pandas as pd

from ..schema import DEFAULT_CODES
from ..standards.profiles import CONTROL_FIELDS

__all__ = ["clean_str", "hierarchy", "inherit", "inherit_attr"]


def clean_str(series: pd.Series) -> pd.Series:
    """Text codes: None for empty/NaN, '13' for a float 13.0, stripped."""
    s = series.astype(object).where(series.notna(), None)
    return s.map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""
                 else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()))


def inherit(plots, parent, key, label, values, sources):
    """Fill still-empty controls from a parent layer (units by DYBH, clusters by ZTBH)."""
    if parent is None or key not in parent.columns:
        return
    par = parent.copy()
    par[key] = clean_str(par[key])
    par = par[par[key].notna()].drop_duplicates(key).set_index(key)
    codes = plots[key]
    for f in CONTROL_FIELDS:
        if f not in par.columns:
            continue
        v = pd.to_numeric(codes.map(par[f]), errors="coerce")
        fill = v.notna() & values[f].isna()
        values.loc[fill, f] = v[fill]
        sources.loc[fill, f] = codes[fill].map(lambda c: f"{label} {c} 默认")


def hierarchy(plots, units):
    """DKBH / DYBH / ZTBH / HYDM / YDYHFLDM of each plot: its own, else DYBH/ZTBH from the plot/unit code or the
    unit layer."""
    out = pd.DataFrame(index=plots.index)
    for col in ("DKBH", "DYBH", "ZTBH", "HYDM", "YDYHFLDM"):
        out[col] = clean_str(plots[col]) if col in plots.columns else pd.Series(None, index=plots.index,
                                                                                     dtype=object)

    def parent(code):
        try:
            return DEFAULT_CODES.parent(code) if code else None
        except ValueError:
            return None

    miss = out["DYBH"].isna() & out["DKBH"].notna()
    out.loc[miss, "DYBH"] = out.loc[miss, "DKBH"].map(parent)
    if units is not None and "ZTBH" in units.columns and "DYBH" in units.columns:
        u = units.assign(DYBH=clean_str(units["DYBH"]), ZTBH=clean_str(units["ZTBH"])).drop_duplicates("DYBH")
        miss = out["ZTBH"].isna() & out["DYBH"].notna()
        out.loc[miss, "ZTBH"] = out.loc[miss, "DYBH"].map(u.set_index("DYBH")["ZTBH"])
    miss = out["ZTBH"].isna() & out["DYBH"].notna()
    out.loc[miss, "ZTBH"] = out.loc[miss, "DYBH"].map(parent)
    return out


def inherit_attr(h, parent, key, col, label, src):
    """HYDM / YDYHFLDM from the unit or cluster when the plot has none."""
    if parent is None or col not in parent.columns or key not in parent.columns:
        return
    p = parent.assign(**{key: clean_str(parent[key]), col: clean_str(parent[col])}).drop_duplicates(key)
    m = p.set_index(key)[col]
    miss = h[col].isna() & h[key].notna()
    got = h.loc[miss, key].map(m)
    got = got[got.notna()]
    h.loc[got.index, col] = got
    src.loc[got.index] = h.loc[got.index, key].map(lambda c: f"{col}:{label} {c}")
