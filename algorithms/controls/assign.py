"""assign_controls in stages: codes → precedence chain → profile values → findings → write-out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

import numpy as np
import pandas as pd

from ..findings import Finding
from ..progress import Progress
from ..standards.industry import load_industry_mapping, normalize_industry_code
from ..standards.landuse import resolve_landuse
from ..standards.profiles import CONTROL_FIELDS, Profile, normalize_region_class
from .hierarchy import clean_str, hierarchy, inherit, inherit_attr
from .overrides import apply_overrides, read_overrides
from .sources import compose_sources, unassigned_reason

__all__ = ["assign_controls", "profile_name"]


@dataclass
class _Codes:
    """What the plots are: codes (own or inherited), industry, whether the profile applies."""

    h: pd.DataFrame           # DKBH / DYBH / ZTBH / HYDM / YDYHFLDM per plot
    attr_src: pd.Series       # "HYDM:单元 Z01-01" where a code was inherited
    ind: pd.Series            # IndustryCode or None
    applies: pd.Series        # the profile applies to the plot's land use
    geoms: Any = None


@dataclass
class _ProfileResult:
    cache: dict = field(default_factory=dict)        # (industry, land use) -> ({field: Limit}, applies)
    not_checked: dict = field(default_factory=dict)  # (field, industry) -> [row labels]
    unmapped: dict = field(default_factory=dict)     # industry code -> mapping row


def profile_name(code: str) -> str:
    from ..standards.landuse import load_classification

    return load_classification("2023").name(code) or ""


def _landuse_codes(out, h, edition, findings, geoms):
    """Detect the edition, migrate 2020 codes, name the nearest valid codes of unknown ones; writes YDYHFLDM/MC."""
    idx = out.index
    lu = resolve_landuse(h["YDYHFLDM"].tolist(), edition=edition)
    lu_code = h["YDYHFLDM"].map(lambda c: lu[c]["code"])
    out["YDYHFLDM"] = lu_code.where(lu_code.notna(), h["YDYHFLDM"])
    out["YDYHFLMC"] = h["YDYHFLDM"].map(lambda c: lu[c]["name"])
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


def _industry_codes(out, h, profile, findings, geoms):
    """(industry code per plot, whether the profile applies); findings for unreadable or missing codes."""
    idx = out.index
    ind = h["HYDM"].map(normalize_industry_code)
    bad_ind = h["HYDM"].notna() & ind.isna()
    for i in idx[bad_ind.to_numpy()]:
        findings.append(Finding("STD-HYDM-BAD", "行业代码无法识别", "warning", code=h.at[i, "DKBH"],
                                message=f"行业代码“{h.at[i, 'HYDM']}”无法识别（应如 C13、13 或 1311），按无行业处理 / "
                                        f"industry code '{h.at[i, 'HYDM']}' is unreadable; treated as missing",
                                geometry=geoms[i] if geoms is not None else None))
    applies = out["YDYHFLDM"].map(lambda c: profile.applies(c) if isinstance(c, str) else False)
    for i in idx[(applies & ind.isna()).to_numpy()]:
        findings.append(Finding(
            "STD-HYDM-MISSING", "工业地块缺少行业代码", "warning", code=h.at[i, "DKBH"],
            message="工业用地地块没有行业代码（HYDM），仅按用地类别默认值赋值，按行业的指标（容积率下限、投资强度）未检查 / "
                    "industrial plot without an industry code (HYDM): land-use class defaults only; per-industry "
                    "controls (FAR minimum, investment intensity) not checked",
            geometry=geoms[i] if geoms is not None else None))
    return ind, applies


def _resolve_codes(out, units, clusters, profile, edition, findings) -> _Codes:
    h = hierarchy(out, units)
    attr_src = pd.Series("", index=out.index, dtype=object)
    inherit_attr(h, units, "DYBH", "HYDM", "单元", attr_src)
    inherit_attr(h, clusters, "ZTBH", "HYDM", "组团", attr_src)
    inherit_attr(h, units, "DYBH", "YDYHFLDM", "单元", attr_src)
    geoms = out.geometry if hasattr(out, "geometry") and "geometry" in out.columns else None
    _landuse_codes(out, h, edition, findings, geoms)
    ind, applies = _industry_codes(out, h, profile, findings, geoms)
    return _Codes(h, attr_src, ind, applies, geoms)


def _precedence(out, codes: _Codes, units, clusters, overrides, findings):
    """(values, sources) after the plot's own values, the overrides table and the unit / cluster defaults."""
    idx = out.index
    values = pd.DataFrame(np.nan, index=idx, columns=list(CONTROL_FIELDS))
    sources = pd.DataFrame(None, index=idx, columns=list(CONTROL_FIELDS), dtype=object)
    for f in CONTROL_FIELDS:
        if f in out.columns:
            own = pd.to_numeric(out[f], errors="coerce")
            values[f] = own
            sources.loc[own.notna(), f] = "地块自有"
    h2 = codes.h.copy()
    h2["HYDM"] = codes.ind.map(lambda c: str(c) if c is not None else None)
    if overrides is not None:
        lu = out["YDYHFLDM"].where(out["YDYHFLDM"].map(lambda c: isinstance(c, str)))
        apply_overrides(h2, read_overrides(overrides), codes.ind, lu, values, sources, findings)
    inherit(codes.h, units, "DYBH", "单元", values, sources)
    inherit(codes.h, clusters, "ZTBH", "组团", values, sources)
    return values, sources


def _combos(out, codes: _Codes) -> pd.Series:
    """(industry code text, land-use code) per plot: the key profile values are looked up by."""
    lu = out["YDYHFLDM"].map(lambda c: c if isinstance(c, str) else None)
    return pd.Series(list(zip(codes.ind.map(lambda c: str(c) if c is not None else None), lu)),
                     index=out.index, dtype=object)


def _profile_values(out, codes: _Codes, profile: Profile, region, values, sources) -> _ProfileResult:
    """Fill still-empty values from the profile, computed once per distinct (industry, land use)."""
    mapping = load_industry_mapping()
    covered = profile.covered_fields()
    combo = _combos(out, codes)
    res = _ProfileResult()
    for key in combo.unique():
        code_s, lu_c = key
        code = normalize_industry_code(code_s) if code_s else None
        app = profile.applies(lu_c)
        res.cache[key] = ({f: profile.lookup(f, code, lu_c, region) for f in CONTROL_FIELDS}, app)
        if app and code is not None and profile.national.industry_code_edition == "2002" \
                and mapping.to_2002(code)[0] is None:
            res.unmapped[code_s] = mapping.to_2002(code)[1]
    app = combo.map(lambda k: res.cache[k][1])
    for f in CONTROL_FIELDS:
        lims = combo.map(lambda k, f=f: res.cache[k][0][f])
        val = lims.map(lambda x: x.value if x is not None else np.nan).astype(float)
        fill = values[f].isna() & val.notna()
        values.loc[fill, f] = val[fill]
        sources.loc[fill, f] = lims[fill].map(lambda x: x.label)
        miss = values[f].isna()
        reasons = {k: unassigned_reason(f, profile, applies=res.cache[k][1], landuse=k[1], industry=k[0],
                                        covered=covered) for k in combo[miss].unique()}
        sources.loc[miss, f] = combo[miss].map(lambda k, r=reasons: r[k])
        if f in covered:
            for i, k in combo[miss & app].items():
                res.not_checked.setdefault((f, k[0]), []).append(i)
    return res


def _profile_findings(h, profile: Profile, region, res: _ProfileResult, findings):
    for code_s, row in res.unmapped.items():
        findings.append(Finding(
            "STD-HYDM-UNMAPPED", "行业代码无法对应到2002版", "not_checked", code=code_s,
            message=f"行业 {code_s}（GB/T 4754-2017）在 GB/T 4754-2002 中没有唯一对应的大类"
                    f"（{row.note if row else ''}），2008 版按行业的指标未检查 / industry {code_s} has no single "
                    "GB/T 4754-2002 division; the 2008 per-industry values are not checked",
            source="gbt4754_2017_to_2002.csv"))
    for (f, k), rows in res.not_checked.items():
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
           for lims, _ in res.cache.values() for lim in lims.values()):
        findings.append(Finding("STD-UNCONFIRMED", "使用了未核实的标准值", "info",
                                message=f"{profile.name}：部分数值未与正式文本核实，来源中标注“(未核实)” / "
                                        "some values are not verified against the official text; marked (未核实)",
                                source=profile.document))


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
    from ..crs import measurement_crs

    mcrs = measurement_crs(plots.crs, bounds=tuple(plots.total_bounds), layer="plots")
    measured = plots.geometry.to_crs(mcrs).area if not plots.crs.equals(mcrs) else plots.geometry.area
    return a.fillna(measured)


def _write_out(out, codes: _Codes, values, sources):
    """Hierarchy codes, controls, area, derived values (JRJZMJ, ZDTZE, YJCZ, YJSS) and ZBLY into ``out``."""
    for col in ("DYBH", "ZTBH"):
        out[col] = clean_str(out[col]).fillna(codes.h[col]) if col in out.columns else codes.h[col]
    for f in CONTROL_FIELDS:
        out[f] = values[f]
    area = _plot_areas(out)
    out["YDMJ"] = area
    ha = area / 10_000.0
    out["JRJZMJ"] = values["RJLXX"] * area
    out["ZDTZE"] = values["TZQD"] * ha
    out["YJCZ"] = values["CCQD"] * ha
    out["YJSS"] = values["DJSS"] * ha
    out["ZBLY"] = compose_sources(codes.attr_src, sources)


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
    progress.check()
    progress(10, "读取地块 / reading plots")
    codes = _resolve_codes(out, units, clusters, profile, edition, findings)
    progress.check()
    progress(30, "用地与行业代码 / codes")
    values, sources = _precedence(out, codes, units, clusters, overrides, findings)
    progress.check()
    progress(50, "覆盖表与继承 / overrides and inheritance")
    res = _profile_values(out, codes, profile, region, values, sources)
    progress.check()
    progress(70, "标准值 / standard values")
    _profile_findings(codes.h, profile, region, res, findings)
    _write_out(out, codes, values, sources)
    progress.check()
    progress(100, "完成 / done")
    return out, findings
