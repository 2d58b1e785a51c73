"""Enterprise statistics intake: one row per enterprise and year, validated, then joined to the plan's plots.

Columns (Chinese header, unit in brackets may differ and is converted; see :data:`COLUMNS`): 统一社会信用代码,
企业名称, 年度 are required; 地块编号 (one or more codes in a cell, separated by ；,、 or spaces) or X/Y坐标 (in the
plots' CRS) place the enterprise; the figures are optional columns. Problems are collected over the whole table
and raised as one error naming each row and column (unknown plot, duplicate enterprise-year, negative values,
unknown units, years outside the range, malformed credit codes).

Land of an enterprise on a plot (亩), the rule used by every later step:
* the enterprise states its 用地面积: spread over its plots in proportion to their areas;
* otherwise: the plot's area not stated by co-tenants of the same year, divided equally among the enterprises on
  the plot that state none (reported as a finding when a plot is shared this way).
An enterprise's figures are attributed to its plots in proportion to its land on each (``links.weight``).
A plot's area is its YDMJ (m²) where given and positive, else its measured area, in 亩 (1 公顷 = 15 亩).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..crs import MU_PER_HA, M2_PER_HA, measurement_crs, to_crs
from ..errors import CrsError, InputError
from ..findings import Finding
from ..schema import DEFAULT_CODES
from .table import Col, Problems, parse_columns, read_table, split_codes

__all__ = ["COLUMNS", "FIGURES", "FIGURE_NAMES", "partial_verdict", "EnterpriseStats", "read_enterprise_stats", "prepare_plots", "join_plots",
           "credit_code_ok", "load_stats"]

COLUMNS: list[Col] = [
    Col("credit_code", "统一社会信用代码", "unified social credit code", "str", required=True,
        aliases=("信用代码", "社会信用代码", "TYSHXYDM")),
    Col("name", "企业名称", "enterprise name", "str", required=True, aliases=("企业", "QYMC")),
    Col("year", "年度", "year", "int", required=True, aliases=("年份", "统计年度", "ND")),
    Col("plot", "地块编号", "plot code", "str", aliases=("DKBH", "地块")),
    Col("x", "X坐标", "X coordinate", "float", aliases=("X", "横坐标"), negative_ok=True),
    Col("y", "Y坐标", "Y coordinate", "float", aliases=("Y", "纵坐标"), negative_ok=True),
    Col("output", "工业总产值", "gross industrial output", unit="万元", aliases=("产值", "总产值")),
    Col("revenue", "营业收入", "operating revenue", unit="万元", aliases=("主营业务收入", "销售收入")),
    Col("value_added", "增加值", "value added", unit="万元", aliases=("工业增加值",)),
    Col("tax", "税收", "taxes", unit="万元", aliases=("实缴税金", "评价税收", "税收总额")),
    Col("fai_cum", "固定资产投资累计", "fixed-asset investment, cumulative", unit="万元",
        aliases=("累计固定资产投资", "固定资产投资（累计）")),
    Col("fai_year", "固定资产投资当年", "fixed-asset investment, this year", unit="万元",
        aliases=("当年固定资产投资", "固定资产投资（当年）")),
    Col("energy", "综合能耗", "energy use", unit="吨标准煤", aliases=("能耗", "能源消费量")),
    Col("new_energy", "新能源消费量", "new-energy use", unit="吨标准煤", aliases=("新能源",)),
    Col("emission", "主要污染物排放", "main pollutant emissions", unit="吨", aliases=("主要污染物排放量", "污染物排放")),
    Col("employees", "从业人员", "employees", "int", unit="人", aliases=("年平均职工人数", "就业人数", "从业人员数")),
    Col("rd", "研发经费", "R&D spending", unit="万元", aliases=("R&D经费", "研发经费支出")),
    Col("land_mu", "用地面积", "land area", unit="亩", aliases=("企业用地面积",)),
    Col("industry", "行业代码", "industry code (GB/T 4754)", "str", aliases=("国民经济行业代码", "HYDM")),
    Col("zone", "园区", "zone", "str", aliases=("开发区", "园区名称")),
]
#: the summable figures of a record (every later step sums these)
FIGURES = ("output", "revenue", "value_added", "tax", "fai_cum", "fai_year", "energy", "new_energy", "emission",
           "employees", "rd")
#: key → (Chinese, English) name of every column, as the sums over enterprises name a figure
FIGURE_NAMES = {c.key: (c.header, c.en) for c in COLUMNS}


def partial_verdict(verdict: str, missing: int, n: int, figure_zh: str, figure_en: str) -> str:
    """A verdict on a sum that some of the ``n`` enterprises are missing from (their cell is blank): 需核实 with the
    count, never a plain pass — the one wording of every step that sums a figure over enterprises (主导产业, 目标跟踪)."""
    if not missing:
        return verdict
    return (f"需核实：{missing}/{n} 家企业缺少{figure_zh}，按其余企业计为{verdict.split(' / ')[0]} / verify: {missing} of "
            f"{n} enterprises lack {figure_en}")


_CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_ok(code: str) -> Optional[bool]:
    """GB 32100-2015: None when malformed (length/characters), else whether the check character is right."""
    code = str(code).strip().upper()
    if len(code) != 18 or any(c not in _CC for c in code):
        return None
    total = sum(_CC.index(c) * w for c, w in zip(code[:17], _CC_W))
    return _CC[(31 - total % 31) % 31] == code[17]


@dataclass
class EnterpriseStats:
    records: pd.DataFrame                 # one row per enterprise-year (index = sheet row); FIGURES in 万元 etc.
    path: str
    links: Optional[pd.DataFrame] = None  # rec (records index), DKBH, DYBH, ZTBH, HYDM, plot_mu, land_mu, weight
    plots: Optional[pd.DataFrame] = None  # the plots as prepared (DKBH, DYBH, ZTBH, HYDM, area_mu, geometry)
    findings: list = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.records["year"].unique())

    def year_records(self, year: int) -> pd.DataFrame:
        return self.records[self.records["year"] == year]


def read_enterprise_stats(path: str, *, first_year: Optional[int] = None, last_year: Optional[int] = None,
                          sheet: Optional[str] = None) -> EnterpriseStats:
    """Read and validate the statistics table (nothing about plots yet: see :func:`join_plots`)."""
    raw = read_table(path, sheet=sheet)
    problems = Problems(path)
    recs, findings = parse_columns(raw, COLUMNS, problems)
    if len(recs) == 0:
        raise InputError("E_EMPTY_LAYER", layer=path)
    hdr = {c.key: c.label for c in COLUMNS}
    codes = recs["credit_code"].fillna("").str.upper()
    recs["credit_code"] = codes
    ok = codes.map(credit_code_ok)
    bad = codes.ne("") & ok.isna()
    problems.add_many(recs.index[bad], hdr["credit_code"], "应为 18 位统一社会信用代码（GB 32100-2015）",
                      "must be an 18-character unified social credit code (GB 32100-2015)", list(codes[bad]))
    wrong = ok.eq(False)
    if wrong.any():
        findings.append(Finding("MON-CREDIT-CHECK", "信用代码校验位", "warning", None,
                                f"{int(wrong.sum())} 个统一社会信用代码校验位不符（第 {', '.join(map(str, recs.index[wrong][:10]))} "
                                f"行），请核对 / {int(wrong.sum())} credit codes fail the GB 32100 check character",
                                source=path))
    years = recs["year"]
    period = f"{first_year or '…'}–{last_year or '…'}"
    for limit, cmp, zh, en in ((first_year, years < (first_year or 0), "早于", "before"),
                               (last_year, years > (last_year or 0), "晚于", "after")):
        if limit is not None:
            out = cmp & years.notna()
            problems.add_many(recs.index[out], hdr["year"], f"年度{zh}规划期（{period}）",
                              f"year {en} the plan period ({period})", list(years[out]))
    key = codes + "|" + years.astype(str)
    dup = key.duplicated(keep=False) & codes.ne("") & years.notna()
    for _, grp in recs[dup].groupby(key[dup]):
        rows = list(grp.index)
        problems.add(rows[-1], hdr["credit_code"], f"同一企业同一年度重复（第 {'、'.join(map(str, rows))} 行）；"
                                                   "一家企业的多个地块请写在同一格，用“；”分隔",
                     f"the same enterprise and year appear twice (rows {', '.join(map(str, rows))}); put several "
                     "plots of one enterprise in one cell, separated by ';'")
    if "plot" not in recs.columns and not {"x", "y"} <= set(recs.columns):
        raise InputError("E_TABLE_COLUMNS", path=path, missing="地块编号（或 X坐标、Y坐标）",
                         missing_en="地块编号 plot code (or X/Y coordinates)", found="、".join(map(str, raw.columns)))
    problems.raise_if_any()
    recs["year"] = recs["year"].astype(int)
    recs["plots"] = split_codes(recs["plot"]) if "plot" in recs.columns else [[] for _ in range(len(recs))]
    names = recs.groupby("credit_code")["name"].nunique()
    if (names > 1).any():
        findings.append(Finding("MON-NAME", "企业名称不一致", "info", None,
                                f"{int((names > 1).sum())} 家企业各年度名称不同（按信用代码识别）/ enterprises whose name "
                                "differs between years (identified by the credit code)", source=path))
    return EnterpriseStats(recs, path, findings=findings)


def prepare_plots(plots, *, code_field: str = "DKBH"):
    """Plots in a metre CRS with DKBH, DYBH, ZTBH, HYDM (from the code when absent) and their area in 亩."""
    if plots is None or len(plots) == 0:
        raise InputError("E_EMPTY_LAYER", layer="plots")
    if code_field not in plots.columns:
        raise InputError("E_MISSING_FIELD", layer="plots", field=code_field, alias="地块编号")
    if plots.crs is None:
        raise CrsError("E_NO_CRS", layer="plots")
    target = measurement_crs(plots.crs, layer="plots", bounds=tuple(plots.total_bounds))
    m = to_crs(plots, target)
    codes = m[code_field].map(lambda v: None if v is None or v != v else str(v).strip())
    dup = codes[codes.duplicated(keep=False) & codes.notna()]
    if len(dup):
        p = Problems("plots")
        p.add(0, code_field, f"地块编号重复：{'、'.join(sorted(set(dup))[:10])}", f"duplicate plot codes: "
                                                                           f"{', '.join(sorted(set(dup))[:10])}")
        p.raise_if_any()
    parts = codes.map(lambda c: str(c).split(DEFAULT_CODES.sep) if c else [])
    out = pd.DataFrame({"DKBH": codes.to_numpy()}, index=m.index)
    out["DYBH"] = m["DYBH"].astype(object) if "DYBH" in m.columns else \
        parts.map(lambda p: DEFAULT_CODES.sep.join(p[:2]) if len(p) >= 2 else None).to_numpy()
    out["ZTBH"] = m["ZTBH"].astype(object) if "ZTBH" in m.columns else parts.map(lambda p: p[0] if p else None).to_numpy()
    out["HYDM"] = m["HYDM"].astype(object) if "HYDM" in m.columns else None
    area_m2 = m.geometry.area.to_numpy(dtype=float)
    if "YDMJ" in m.columns:
        ydmj = pd.to_numeric(m["YDMJ"], errors="coerce").to_numpy(dtype=float)
        area_m2 = np.where(np.isfinite(ydmj) & (ydmj > 0), ydmj, area_m2)
    out["area_mu"] = area_m2 / M2_PER_HA * MU_PER_HA
    out["geometry"] = m.geometry.values
    out.attrs["crs"] = target
    return out


def _locate_points(recs: pd.DataFrame, plots: pd.DataFrame, problems: Problems) -> pd.Series:
    """Plot code of each record placed by X/Y only (no plot code given)."""
    need = recs["plots"].map(len).eq(0)
    if "x" not in recs.columns or "y" not in recs.columns:
        problems.add_many(recs.index[need], "地块编号", "没有地块编号，也没有坐标", "neither a plot code nor coordinates")
        return pd.Series(dtype=object)
    xy = recs.loc[need, ["x", "y"]]
    has = xy.notna().all(axis=1)
    problems.add_many(xy.index[~has], "地块编号", "没有地块编号，也没有坐标", "neither a plot code nor coordinates")
    xy = xy[has]
    pts = shapely.points(xy["x"].to_numpy(), xy["y"].to_numpy())
    tree = shapely.STRtree(plots["geometry"].to_numpy())
    pi, gi = tree.query(pts, predicate="intersects")
    found = pd.Series(plots["DKBH"].to_numpy()[gi], index=xy.index[pi])
    found = found[~found.index.duplicated()]
    miss = xy.index.difference(found.index)
    problems.add_many(miss, "X坐标", "坐标不在任何地块内", "the point lies in no plot",
                      [f"{recs.at[i, 'x']:.1f}, {recs.at[i, 'y']:.1f}" for i in miss])
    return found


def join_plots(stats: EnterpriseStats, plots, *, code_field: str = "DKBH") -> EnterpriseStats:
    """Links of every record to its plots, with the enterprise's land (亩) on each and the attribution weights."""
    pl = prepare_plots(plots, code_field=code_field)
    recs = stats.records.copy()
    problems = Problems(stats.path)
    by_point = _locate_points(recs, pl, problems)
    for i, code in by_point.items():
        recs.at[i, "plots"] = [code]
    pairs = recs["plots"].explode().dropna()
    pairs = pd.DataFrame({"rec": pairs.index, "DKBH": pairs.to_numpy()})
    known = pairs["DKBH"].isin(set(pl["DKBH"].dropna()))
    problems.add_many(pairs.loc[~known, "rec"], "地块编号", "地块编号在地块图层中不存在", "unknown plot code",
                      list(pairs.loc[~known, "DKBH"]))
    problems.raise_if_any()
    pairs = pairs.drop_duplicates()
    links, notes = _land_shares(pairs, recs, pl.set_index("DKBH"))
    out = EnterpriseStats(recs, stats.path, links=links, plots=pl, findings=list(stats.findings) + notes)
    return out


def _land_shares(pairs: pd.DataFrame, recs: pd.DataFrame, pl: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    links = pairs.copy()
    links["year"] = recs.loc[links["rec"], "year"].to_numpy()
    links["plot_mu"] = pl.loc[links["DKBH"], "area_mu"].to_numpy()
    for col in ("DYBH", "ZTBH", "HYDM"):
        links[col] = pl.loc[links["DKBH"], col].to_numpy()
    stated = recs["land_mu"] if "land_mu" in recs.columns else pd.Series(np.nan, index=recs.index)
    links["stated"] = stated.loc[links["rec"]].to_numpy(dtype=float)
    own_total = links.groupby("rec")["plot_mu"].transform("sum")
    has = np.isfinite(links["stated"].to_numpy())
    land = np.where(has, links["stated"] * links["plot_mu"] / own_total.where(own_total > 0, np.nan), np.nan)
    links["land_mu"] = land
    grp = [links["year"], links["DKBH"]]
    stated_sum = links["land_mu"].fillna(0.0).groupby(grp).transform("sum")
    n_free = pd.Series(~has, index=links.index).groupby(grp).transform("sum")
    free = (links["plot_mu"] - stated_sum).clip(lower=0.0)
    links.loc[~has, "land_mu"] = (free / n_free.where(n_free > 0, np.nan))[~has]
    notes = []
    shared = links[~has & (n_free > 1)]
    if len(shared):
        codes = sorted(set(shared["DKBH"]))
        notes.append(Finding("MON-SHARED-PLOT", "共用地块均分", "info", None,
                             f"{len(codes)} 个地块由多家未填用地面积的企业共用，其余面积按企业数均分（如 {'、'.join(codes[:5])}）"
                             f" / {len(codes)} plots are shared by enterprises that state no land area: the rest of the "
                             "plot is divided equally among them"))
    over = links[stated_sum > links["plot_mu"] * 1.01]
    if len(over):
        codes = sorted(set(over["DKBH"]))
        notes.append(Finding("MON-STATED-OVER", "填报用地面积超过地块面积", "warning", None,
                             f"{len(codes)} 个地块上企业填报的用地面积合计超过地块面积（如 {'、'.join(codes[:5])}），请核实 / "
                             f"the land areas stated on {len(codes)} plots exceed the plot's area; verify"))
    tot = links.groupby("rec")["land_mu"].transform("sum")
    by_area = links["plot_mu"] / own_total.where(own_total > 0, 1.0)
    links["weight"] = np.where(tot > 0, links["land_mu"] / tot.where(tot > 0, 1.0), by_area)
    return links.drop(columns="stated").reset_index(drop=True), notes


def load_stats(path: str, plots, *, code_field: str = "DKBH", first_year: Optional[int] = None,
               last_year: Optional[int] = None) -> EnterpriseStats:
    """:func:`read_enterprise_stats` then :func:`join_plots`."""
    return join_plots(read_enterprise_stats(path, first_year=first_year, last_year=last_year), plots,
                      code_field=code_field)
