"""The overrides table of zutuan:assigncontrols: control values keyed by plot, unit, industry or land-use code."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding
from ..standards.industry import normalize_industry_code
from ..standards.profiles import CONTROL_FIELDS, MONEY_FIELDS
from .hierarchy import clean_str

__all__ = ["OVERRIDE_KEYS", "read_overrides", "apply_overrides"]

#: override key columns, most specific first
OVERRIDE_KEYS = ("DKBH", "DYBH", "HYDM", "YDYHFLDM")


def read_overrides(source) -> pd.DataFrame:
    """An overrides table from a DataFrame, a CSV (UTF-8 or GBK) or an xlsx path.

    Key columns: any of DKBH, DYBH, HYDM, YDYHFLDM; value columns: control fields (万元/公顷), or TZQD_MU /
    CCQD_MU / DJSS_MU in 万元/亩 (converted ×15). A column ``_line`` (added here) gives the file line.
    """
    if isinstance(source, pd.DataFrame):
        df = source.copy()
        if "_line" not in df.columns:
            df["_line"] = np.arange(len(df)) + 1
        return df
    path = str(source)
    try:
        if path.lower().endswith((".xlsx", ".xlsm")):
            df = pd.read_excel(path, dtype=str)
        else:
            try:
                df = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
            except UnicodeDecodeError:
                df = pd.read_csv(path, dtype=str, encoding="gbk")
    except (OSError, ValueError) as exc:
        raise InputError("E_READ", path=path, reason=str(exc)) from None
    df.columns = [str(c).strip().upper() for c in df.columns]
    df["_line"] = np.arange(len(df)) + 2  # header is line 1
    return df


def _override_values(ov: pd.DataFrame) -> tuple[pd.DataFrame, list[Finding]]:
    """Numeric control columns of the overrides (per-亩 columns converted), plus findings for bad cells."""
    findings = []
    vals = pd.DataFrame(index=ov.index)
    for f in CONTROL_FIELDS:
        col = None
        if f in ov.columns:
            col, factor = f, 1.0
        elif f in MONEY_FIELDS and f"{f}_MU" in ov.columns:
            col, factor = f"{f}_MU", 15.0
        if col is None:
            continue
        raw = ov[col]
        num = pd.to_numeric(raw, errors="coerce")
        bad = raw.notna() & (raw.astype(str).str.strip() != "") & num.isna()
        for i in ov.index[bad]:
            findings.append(Finding("STD-OVERRIDE-BAD", "覆盖表数值无效", "warning", code=None,
                                    message=f"覆盖表第{ov.at[i, '_line']}行 {col}=“{raw[i]}” 不是数字，已忽略 / "
                                            f"overrides line {ov.at[i, '_line']}: {col}='{raw[i]}' is not a number, "
                                            "ignored"))
        vals[f] = num * factor
    return vals, findings


def _lookup_keys(plots: pd.DataFrame, key: str, ind_div: pd.Series, lu_codes: pd.Series, classification):
    """Per plot, the list of candidate key values for an override key column (most specific first)."""
    if key in ("DKBH", "DYBH"):
        return plots[key].map(lambda v: [v] if v is not None else [])
    if key == "HYDM":
        return ind_div.map(lambda c: [c.group, c.division] if c is not None and c.group else
                           ([c.division] if c is not None else []))
    return lu_codes.map(lambda c: classification.ancestors(c) if c else [])


def _keyed_rows(ov: pd.DataFrame, key: str, findings: list) -> dict:
    """{key value: overrides row} for the rows keyed by ``key`` (their most specific non-empty key column)."""
    keyed = ov[clean_str(ov[key]).notna()]
    for k in OVERRIDE_KEYS[:OVERRIDE_KEYS.index(key)]:
        if k in ov.columns:
            keyed = keyed[clean_str(keyed[k]).isna()]
    if keyed.empty:
        return {}
    kv = clean_str(keyed[key])
    if key == "HYDM":
        kv = kv.map(lambda v: str(normalize_industry_code(v)) if normalize_industry_code(v) else v)
    dup = kv.duplicated(keep="first")
    for i in kv.index[dup]:
        findings.append(Finding("STD-OVERRIDE-DUP", "覆盖表键重复", "warning", code=kv[i],
                                message=f"覆盖表第{ov.at[i, '_line']}行 {key}={kv[i]} 重复，采用第一行 / "
                                        f"overrides line {ov.at[i, '_line']}: duplicate {key}={kv[i]}, "
                                        "the first row is used"))
    first = kv[~dup]
    return dict(zip(first.values, first.index))


def apply_overrides(plots, ov, ind_codes, lu_codes, values, sources, findings):
    """Fill still-empty ``values`` (and their ``sources``) from the overrides table, most specific key first."""
    from ..standards.landuse import load_classification

    classification = load_classification("2023")
    numeric, bad = _override_values(ov)
    findings.extend(bad)
    for key in OVERRIDE_KEYS:
        if key not in ov.columns:
            continue
        row_of = _keyed_rows(ov, key, findings)
        if not row_of:
            continue
        cand = _lookup_keys(plots, key, ind_codes, lu_codes, classification)
        matched = cand.map(lambda keys, d=row_of: next((d[k] for k in keys if k in d), None))
        has = matched.notna()
        if not has.any():
            continue
        rows = matched[has].astype(int)
        for f in numeric.columns:
            v = pd.Series(numeric[f].reindex(rows.values).to_numpy(), index=rows.index)
            fill = v.notna() & values[f].loc[rows.index].isna()
            idx = fill[fill].index
            values.loc[idx, f] = v[idx]
            lines = ov["_line"].reindex(rows[idx].values).to_numpy()
            sources.loc[idx, f] = [f"覆盖表 第{ln}行({key})" for ln in lines]
