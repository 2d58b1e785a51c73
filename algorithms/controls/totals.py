"""Per unit / cluster totals of assigned controls, and the planner editor's check of one plot's edited values."""
from __future__ import annotations

import pandas as pd

from ..schema import DEFAULT_CODES

__all__ = ["control_totals", "check_values"]


def control_totals(plots: pd.DataFrame, *, by: str = "DYBH") -> pd.DataFrame:
    """Per unit (``by='DYBH'``) or cluster (``'ZTBH'``): plot count and sums of YDMJ, JRJZMJ, ZDTZE, YJCZ, YJSS.

    A sum over plots some of which have no value is marked in the ``*_QS`` (缺失 count) columns, not hidden.
    """
    df = pd.DataFrame(plots.drop(columns="geometry", errors="ignore"))
    if by not in df.columns and by == "ZTBH" and "DYBH" in df.columns:
        df[by] = df["DYBH"].map(lambda c: DEFAULT_CODES.parent(c) if c else None)
    cols = [c for c in ("YDMJ", "JRJZMJ", "ZDTZE", "YJCZ", "YJSS") if c in df.columns]
    g = df.groupby(by, dropna=False)
    res = g[cols].sum(min_count=1)
    res.insert(0, "DKSL", g.size())
    for c in cols[1:]:
        res[f"{c}_QS"] = g[c].apply(lambda s: int(s.isna().sum()))
    return res.reset_index()


def check_values(values: dict, *, profile=None, region_class=None) -> list[dict]:
    """Edited control values of one plot against the profile, for the planner's editor (issue 7).

    ``values`` holds schema fields (RJLXX, JZXS, LDLSX, …, with YDYHFLDM and HYDM when known). Returns
    ``[{"field", "value", "limit", "source", "message"}]`` for every value below a minimum or above a maximum
    of the standard; fields the standard sets no value for are not reported (the checks say "not checked").
    """
    from ..schema import FIELDS
    from ..standards import CONTROL_FIELDS, load_profile, normalize_industry_code, normalize_landuse_code

    prof = profile if profile is not None else load_profile("gongye_2008")
    landuse = normalize_landuse_code(values.get("YDYHFLDM"))
    code = normalize_industry_code(values.get("HYDM"))
    out = []
    for fld, kind in CONTROL_FIELDS.items():
        v = values.get(fld)
        if v is None:
            continue
        lim = prof.lookup(fld, code, landuse, region_class)
        if lim is None or lim.value is None:
            continue
        bad = float(v) < lim.value if kind == "min" else float(v) > lim.value
        if bad:
            alias = FIELDS[fld].alias if fld in FIELDS else fld
            word_zh, word_en = ("低于标准下限", "below the minimum") if kind == "min" else ("高于标准上限", "above the maximum")
            out.append({"field": fld, "value": float(v), "limit": lim.value, "source": lim.label,
                        "message": f"{alias} {float(v):g} {word_zh} {lim.value:g}（{lim.label}）/ {fld} {float(v):g} is "
                                   f"{word_en} {lim.value:g} ({lim.label})"})
    return out
