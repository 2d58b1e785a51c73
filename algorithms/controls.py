"""赋值控制指标 — assign planning controls to plots, with the source of every value.

Precedence for each control field (first that has a value wins):
plot's own value > overrides table (by DKBH, then DYBH, HYDM, YDYHFLDM) > unit default > cluster default >
profile by industry > profile by land-use class. ``ZBLY`` records where each value came from, readable by officials
("RJLXX:2008表2 行业26; TZQD:未检查-无标准值"). Derived: JRJZMJ, ZDTZE, expected output YJCZ and tax YJSS.
"""
from __future__ import annotations

import math
from typing import Optional, Union

import numpy as np
import pandas as pd

from .errors import InputError
from .findings import Finding
from .progress import Progress
from .schema import DEFAULT_CODES
from .standards.industry import load_industry_mapping, normalize_industry_code
from .standards.landuse import resolve_landuse
from .standards.profiles import CONTROL_FIELDS, MONEY_FIELDS, Profile, normalize_region_class

__all__ = ["assign_controls", "check_values", "control_totals", "read_overrides", "DERIVED_FIELDS", "OVERRIDE_KEYS",
           "NOT_CHECKED"]

#: derived columns not in the plan schema: name -> (Chinese alias, unit)
DERIVED_FIELDS = {"YJCZ": ("预计产值", "万元"), "YJSS": ("预计税收", "万元")}
#: override key columns, most specific first
OVERRIDE_KEYS = ("DKBH", "DYBH", "HYDM", "YDYHFLDM")
NOT_CHECKED = "未检查-无标准值"
_ZBLY_LEN = 254


def _clean_str(series: pd.Series) -> pd.Series:
    s = series.astype(object).where(series.notna(), None)
    return s.map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""
                 else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()))


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


def _apply_overrides(plots, ov, ind_codes, lu_codes, values, sources, findings):
    from .standards.landuse import load_classification

    classification = load_classification("2023")
    numeric, bad = _override_values(ov)
    findings.extend(bad)
    for key in OVERRIDE_KEYS:
        if key not in ov.columns:
            continue
        keyed = ov[_clean_str(ov[key]).notna()]
        if key != OVERRIDE_KEYS[0]:  # a row is keyed by its most specific non-empty key column
            more = [k for k in OVERRIDE_KEYS[:OVERRIDE_KEYS.index(key)] if k in ov.columns]
            for k in more:
                keyed = keyed[_clean_str(keyed[k]).isna()]
        if keyed.empty:
            continue
        kv = _clean_str(keyed[key])
        if key == "HYDM":
            kv = kv.map(lambda v: str(normalize_industry_code(v)) if normalize_industry_code(v) else v)
        dup = kv.duplicated(keep="first")
        for i in kv.index[dup]:
            findings.append(Finding("STD-OVERRIDE-DUP", "覆盖表键重复", "warning", code=kv[i],
                                    message=f"覆盖表第{ov.at[i, '_line']}行 {key}={kv[i]} 重复，采用第一行 / "
                                            f"overrides line {ov.at[i, '_line']}: duplicate {key}={kv[i]}, "
                                            "the first row is used"))
        first = kv[~dup]
        row_of = dict(zip(first.values, first.index))
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


def _inherit(plots, parent, key, label, values, sources):
    """Fill still-empty controls from a parent layer (units by DYBH, clusters by ZTBH)."""
    if parent is None or key not in parent.columns:
        return
    par = parent.copy()
    par[key] = _clean_str(par[key])
    par = par[par[key].notna()].drop_duplicates(key).set_index(key)
    codes = plots[key]
    for f in CONTROL_FIELDS:
        if f not in par.columns:
            continue
        v = pd.to_numeric(codes.map(par[f]), errors="coerce")
        fill = v.notna() & values[f].isna()
        values.loc[fill, f] = v[fill]
        sources.loc[fill, f] = codes[fill].map(lambda c: f"{label} {c} 默认")


def _hierarchy(plots, units, clusters):
    """DYBH / ZTBH for each plot: its own, else from the plot/unit code, else from the unit layer."""
    out = pd.DataFrame(index=plots.index)
    for col in ("DKBH", "DYBH", "ZTBH", "HYDM", "YDYHFLDM"):
        out[col] = _clean_str(plots[col]) if col in plots.columns else pd.Series(None, index=plots.index,
                                                                                      dtype=object)

    def parent(code):
        try:
            return DEFAULT_CODES.parent(code) if code else None
        except ValueError:
            return None

    miss = out["DYBH"].isna() & out["DKBH"].notna()
    out.loc[miss, "DYBH"] = out.loc[miss, "DKBH"].map(parent)
    if units is not None and "ZTBH" in units.columns and "DYBH" in units.columns:
        u = units.assign(DYBH=_clean_str(units["DYBH"]), ZTBH=_clean_str(units["ZTBH"])).drop_duplicates("DYBH")
        miss = out["ZTBH"].isna() & out["DYBH"].notna()
        out.loc[miss, "ZTBH"] = out.loc[miss, "DYBH"].map(u.set_index("DYBH")["ZTBH"])
    miss = out["ZTBH"].isna() & out["DYBH"].notna()
    out.loc[miss, "ZTBH"] = out.loc[miss, "DYBH"].map(parent)
    return out


def _inherit_attr(h, parent, key, col, label, src):
    """HYDM / YDYHFLDM from the unit or cluster when the plot has none."""
    if parent is None or col not in parent.columns or key not in parent.columns:
        return
    p = parent.assign(**{key: _clean_str(parent[key]), col: _clean_str(parent[col])}).drop_duplicates(key)
    m = p.set_index(key)[col]
    miss = h[col].isna() & h[key].notna()
    got = h.loc[miss, key].map(m)
    got = got[got.notna()]
    h.loc[got.index, col] = got
    src.loc[got.index] = h.loc[got.index, key].map(lambda c: f"{col}:{label} {c}")


def _plot_areas(plots) -> pd.Series:
    if "YDMJ" in plots.columns:
        a = pd.to_numeric(plots["YDMJ"], errors="coerce")
        if a.notna().all():
            return a
    else:
        a = pd.Series(np.nan, index=plots.index)
    geom = getattr(plots, "geometry", None)
    if geom is None or plots.crs is None:
        return a
    from .crs import measurement_crs

    mcrs = measurement_crs(plots.crs, bounds=tuple(plots.total_bounds), layer="plots")
    measured = plots.geometry.to_crs(mcrs).area if not plots.crs.equals(mcrs) else plots.geometry.area
    return a.fillna(measured)


def assign_controls(plots, *, units=None, clusters=None, profile: Profile,
                    region_class=None, overrides: Union[pd.DataFrame, str, None] = None,
                    edition: Optional[str] = None, progress: Optional[Progress] = None):
    """Fill the controls of every plot; return (plots with controls and ZBLY, findings).

    ``plots`` keeps its index and columns; control fields, YDYHFLDM/YDYHFLMC (2023 codes), YDMJ (when
    missing), JRJZMJ, ZDTZE, YJCZ, YJSS and ZBLY are written. ``edition`` '2020'/'2023' or None to detect.
    """
    progress = progress or Progress()
    region = normalize_region_class(region_class)
    findings: list[Finding] = []
    out = plots.copy()
    idx = out.index
    h = _hierarchy(out, units, clusters)
    attr_src = pd.Series("", index=idx, dtype=object)
    _inherit_attr(h, units, "DYBH", "HYDM", "单元", attr_src)
    _inherit_attr(h, clusters, "ZTBH", "HYDM", "组团", attr_src)
    _inherit_attr(h, units, "DYBH", "YDYHFLDM", "单元", attr_src)
    progress.check()
    progress(10, "读取地块 / reading plots")

    # land-use codes: detect edition, migrate 2020 codes, find nearest for unknown ones
    lu = resolve_landuse(h["YDYHFLDM"].tolist(), edition=edition)
    lu_code = h["YDYHFLDM"].map(lambda c: lu[c]["code"])
    out["YDYHFLDM"] = lu_code.where(lu_code.notna(), h["YDYHFLDM"])
    out["YDYHFLMC"] = h["YDYHFLDM"].map(lambda c: lu[c]["name"])
    geoms = out.geometry if hasattr(out, "geometry") and "geometry" in out.columns else None
    for raw, rec in lu.items():
        mask = h["YDYHFLDM"] == raw if raw is not None else h["YDYHFLDM"].isna()
        where = idx[mask.to_numpy()]
        if rec["migrated_from"]:
            findings.append(Finding(
                "STD-LANDUSE-2020", "用地用海分类代码按2020试行版读取并迁移", "warning", code=raw,
                message=f"{len(where)} 个地块使用 2020 试行版代码 {raw}，已迁移为 2023 版 {rec['code']} {rec['name']}，"
                        f"请核实 / {len(where)} plots use the 2020 trial code {raw}, migrated to 2023 {rec['code']}",
                source="ydyh_2020_to_2023.csv", extra={"n_plots": len(where)}))
        elif not rec["valid"] and not rec.get("empty"):
            near = "、".join(f"{c} {profile_name(c)}" for c in rec["nearest"])
            for i in where:
                findings.append(Finding(
                    "STD-LANDUSE-UNKNOWN", "用地用海分类代码无效", "error", code=h.at[i, "DKBH"],
                    message=f"用地用海分类代码“{raw}”不在 2023 版分类中；最接近的有效代码：{near} / "
                            f"land-use code '{raw}' is not in the 2023 classification; nearest valid: "
                            f"{', '.join(rec['nearest'])}",
                    source="《国土空间调查、规划、用途管制用地用海分类指南》（2023）",
                    geometry=geoms[i] if geoms is not None else None, extra={"nearest": ",".join(rec["nearest"])}))

    # industry codes
    ind = h["HYDM"].map(normalize_industry_code)
    bad_ind = h["HYDM"].notna() & ind.isna()
    for i in idx[bad_ind.to_numpy()]:
        findings.append(Finding("STD-HYDM-BAD", "行业代码无法识别", "warning", code=h.at[i, "DKBH"],
                                message=f"行业代码“{h.at[i, 'HYDM']}”无法识别（应如 C13、13 或 1311），按无行业处理 / "
                                        f"industry code '{h.at[i, 'HYDM']}' is unreadable; treated as missing",
                                geometry=geoms[i] if geoms is not None else None))
    applies = out["YDYHFLDM"].map(lambda c: profile.applies(c) if isinstance(c, str) else False)
    no_ind = applies & ind.isna()
    for i in idx[no_ind.to_numpy()]:
        findings.append(Finding(
            "STD-HYDM-MISSING", "工业地块缺少行业代码", "warning", code=h.at[i, "DKBH"],
            message="工业用地地块没有行业代码（HYDM），仅按用地类别默认值赋值，按行业的指标（容积率下限、投资强度）未检查 / "
                    "industrial plot without an industry code (HYDM): land-use class defaults only; per-industry "
                    "controls (FAR minimum, investment intensity) not checked",
            geometry=geoms[i] if geoms is not None else None))
    progress.check()
    progress(30, "用地与行业代码 / codes")

    # precedence chain
    values = pd.DataFrame(np.nan, index=idx, columns=list(CONTROL_FIELDS))
    sources = pd.DataFrame(None, index=idx, columns=list(CONTROL_FIELDS), dtype=object)
    for f in CONTROL_FIELDS:
        if f in out.columns:
            own = pd.to_numeric(out[f], errors="coerce")
            values[f] = own
            sources.loc[own.notna(), f] = "地块自有"
    h2 = h.copy()
    h2["HYDM"] = ind.map(lambda c: str(c) if c is not None else None)
    if overrides is not None:
        _apply_overrides(h2, read_overrides(overrides), ind, out["YDYHFLDM"].where(
            out["YDYHFLDM"].map(lambda c: isinstance(c, str))), values, sources, findings)
    _inherit(h, units, "DYBH", "单元", values, sources)
    _inherit(h, clusters, "ZTBH", "组团", values, sources)
    progress.check()
    progress(50, "覆盖表与继承 / overrides and inheritance")

    # profile values: computed once per distinct (industry, land-use code) combination
    mapping = load_industry_mapping()
    covered = profile.covered_fields()
    combo = pd.Series(list(zip(ind.map(lambda c: str(c) if c is not None else None),
                               out["YDYHFLDM"].where(applies | out["YDYHFLDM"].map(lambda c: isinstance(c, str))))),
                      index=idx, dtype=object)
    cache: dict = {}
    unmapped: dict = {}
    for key in combo.unique():
        code_s, lu_c = key
        code = normalize_industry_code(code_s) if code_s else None
        res = {}
        app = profile.applies(lu_c) if isinstance(lu_c, str) else False
        for f in CONTROL_FIELDS:
            lim = profile.lookup(f, code, lu_c if isinstance(lu_c, str) else None, region)
            res[f] = lim
        if app and code is not None and profile.national.industry_code_edition == "2002" \
                and mapping.to_2002(code)[0] is None:
            unmapped[code_s] = mapping.to_2002(code)[1]
        cache[key] = (res, app)
    not_checked: dict = {}
    for f in CONTROL_FIELDS:
        lims = combo.map(lambda k, f=f: cache[k][0][f])
        val = lims.map(lambda x: x.value if x is not None else np.nan).astype(float)
        fill = values[f].isna() & val.notna()
        values.loc[fill, f] = val[fill]
        sources.loc[fill, f] = lims[fill].map(lambda x: x.label)
        if f in covered:
            app = combo.map(lambda k: cache[k][1])
            miss = values[f].isna() & app
            sources.loc[miss, f] = NOT_CHECKED
            for i, k in combo[miss].items():
                not_checked.setdefault((f, k[0]), []).append(i)
    progress.check()
    progress(70, "标准值 / standard values")

    for code_s, row in unmapped.items():
        findings.append(Finding(
            "STD-HYDM-UNMAPPED", "行业代码无法对应到2002版", "not_checked", code=code_s,
            message=f"行业 {code_s}（GB/T 4754-2017）在 GB/T 4754-2002 中没有唯一对应的大类"
                    f"（{row.note if row else ''}），2008 版按行业的指标未检查 / industry {code_s} has no single "
                    "GB/T 4754-2002 division; the 2008 per-industry values are not checked",
            source="gbt4754_2017_to_2002.csv"))
    for (f, k), rows in not_checked.items():
        codes = h.loc[rows, "DKBH"].dropna().tolist()
        shown = "、".join(codes[:10]) + (f" 等 {len(codes)} 个" if len(codes) > 10 else "")
        reason = "缺行业代码" if k is None else f"行业 {k}"
        findings.append(Finding(
            "STD-NO-VALUE", "无标准值，未检查", "not_checked", code=shown or None,
            message=f"{f}（{reason}，地区分类 {region or '未指定'}）：{profile.name} 没有标准值，{len(rows)} 个地块未检查 / "
                    f"{f} ({'no industry' if k is None else 'industry ' + k}, region class {region or 'not given'}): "
                    f"no standard value in {profile.id}; {len(rows)} plots not checked",
            source=profile.document, extra={"field": f, "n_plots": len(rows)}))
    if any(lim is not None and lim.status == "unconfirmed"
           for res, _ in cache.values() for lim in res.values()):
        findings.append(Finding("STD-UNCONFIRMED", "使用了未核实的标准值", "info",
                                message=f"{profile.name}：部分数值未与正式文本核实，来源中标注“(未核实)” / "
                                        "some values are not verified against the official text; marked (未核实)",
                                source=profile.document))

    # write controls, hierarchy codes, derived values and ZBLY
    for col in ("DYBH", "ZTBH"):
        out[col] = _clean_str(out[col]).fillna(h[col]) if col in out.columns else h[col]
    for f in CONTROL_FIELDS:
        out[f] = values[f]
    area = _plot_areas(out)
    out["YDMJ"] = area
    ha = area / 10_000.0
    out["JRJZMJ"] = values["RJLXX"] * area
    out["ZDTZE"] = values["TZQD"] * ha
    out["YJCZ"] = values["CCQD"] * ha
    out["YJSS"] = values["DJSS"] * ha
    parts = [attr_src.where(attr_src != "", None)]
    parts += [sources[f].map(lambda s, f=f: f"{f}:{s}" if isinstance(s, str) and s else None)
              for f in CONTROL_FIELDS]
    z = pd.concat(parts, axis=1)
    zbly = z.apply(lambda r: "; ".join(x for x in r if x), axis=1) if len(z) else pd.Series(dtype=object)
    out["ZBLY"] = zbly.map(lambda t: t if len(t) <= _ZBLY_LEN else t[:_ZBLY_LEN - 1] + "…")  # field is 254 long
    progress.check()
    progress(100, "完成 / done")
    return out, findings


def profile_name(code: str) -> str:
    from .standards.landuse import load_classification

    return load_classification("2023").name(code) or ""


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
    from .schema import FIELDS
    from .standards import CONTROL_FIELDS, load_profile, normalize_industry_code, normalize_landuse_code

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
