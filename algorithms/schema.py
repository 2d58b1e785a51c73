"""The plan data model: three polygon layers 组团 / 单元 / 地块 and a metadata table.

One definition that every algorithm, the sample generator, the exports and docs/SCHEMA.md use.
Field names follow Chinese planning-database practice (pinyin initials) with Chinese aliases.
docs/SCHEMA.md is generated from this module (``python -m algorithms.schema > docs/SCHEMA.md``) and a test
checks that it is up to date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

__all__ = ["Field", "LayerSpec", "FIELDS", "CLUSTER", "UNIT", "PLOT", "LAYERS", "METADATA_KEYS",
           "CodeFormat", "DEFAULT_CODES", "layer_fields", "empty_frame", "field_spec",
           "schema_markdown"]


@dataclass(frozen=True)
class Field:
    name: str          # pinyin initials, upper case, ≤ 10 characters (Shapefile-safe)
    alias: str         # Chinese alias shown in QGIS forms and tables
    alias_en: str
    type: str          # "str" | "float" | "int"
    length: int = 0    # str length, or total digits for float
    precision: int = 0
    unit: str = ""
    description: str = ""

    @property
    def dtype(self) -> str:
        return {"str": "object", "float": "float64", "int": "Int64"}[self.type]


def _f(name, alias, alias_en, type_, length=0, precision=0, unit="", description=""):
    return Field(name, alias, alias_en, type_, length, precision, unit, description)


#: Every field of the model, by name. A layer picks from these so a name means the same everywhere.
FIELDS: dict[str, Field] = {f.name: f for f in [
    _f("ZTBH", "组团编号", "Cluster code", "str", 20, description="组团编号，默认格式 Z01 / cluster code, Z01 by default"),
    _f("ZTMC", "组团名称", "Cluster name", "str", 50),
    _f("DYBH", "单元编号", "Unit code", "str", 20, description="单元编号 Z01-01：前缀即所属组团 / prefix tells the cluster"),
    _f("DKBH", "地块编号", "Plot code", "str", 30,
       description="地块编号 Z01-01-01：前缀即所属单元和组团 / prefix tells the unit and cluster"),
    _f("CYL", "产业链", "Industry chain", "str", 50, description="组团承载的产业链 / the chain a cluster carries"),
    _f("CYHJ", "产业环节", "Chain link", "str", 50, description="单元承载的产业环节 / the link a unit carries"),
    _f("HYDM", "国民经济行业代码", "Industry code (GB/T 4754-2017)", "str", 10,
       description="GB/T 4754-2017 门类/大类/中类代码，如 C13 或 13 / industry code"),
    _f("YDYHFLDM", "用地用海分类代码", "Land/sea use code", "str", 10,
       description="《国土空间调查、规划、用途管制用地用海分类指南》(2023) 代码，如 1001 / 2023 guide code"),
    _f("YDYHFLMC", "用地用海分类名称", "Land/sea use name", "str", 50),
    _f("YDMJ", "用地面积", "Land area", "float", 15, 2, "m²",
       "在投影米制坐标系中量算 / measured in a projected metre CRS"),
    _f("MJGQ", "面积（公顷）", "Area (ha)", "float", 15, 4, "公顷", "YDMJ ÷ 10000"),
    _f("MJMU", "面积（亩）", "Area (mu)", "float", 15, 2, "亩", "公顷 × 15"),
    _f("RJLXX", "容积率下限", "FAR minimum", "float", 6, 2),
    _f("RJLSX", "容积率上限", "FAR maximum", "float", 6, 2),
    _f("JZXS", "建筑系数下限", "Building coefficient minimum", "float", 6, 2, "%",
       "(建筑物+构筑物+堆场占地)÷用地面积 / (buildings+structures+yards)÷site"),
    _f("JZMDXX", "建筑密度下限", "Building density minimum", "float", 6, 2, "%"),
    _f("JZMDSX", "建筑密度上限", "Building density maximum", "float", 6, 2, "%"),
    _f("LDLSX", "绿地率上限", "Green ratio maximum", "float", 6, 2, "%"),
    _f("XZBGBL", "行政办公及生活服务设施用地比例上限", "Office & service land share maximum", "float", 6, 2, "%"),
    _f("TZQD", "投资强度下限", "Investment intensity minimum", "float", 12, 2, "万元/公顷",
       "固定资产投资÷用地面积 / fixed-asset investment ÷ site area"),
    _f("JZXG", "建筑限高", "Height limit", "float", 8, 2, "m"),
    _f("CCQD", "产出强度", "Output intensity", "float", 12, 2, "万元/公顷"),
    _f("DJSS", "地均税收", "Tax per hectare", "float", 12, 2, "万元/公顷"),
    _f("JRJZMJ", "计容建筑面积", "Floor area counted in FAR", "float", 15, 2, "m²", "容积率下限 × 用地面积"),
    _f("ZDTZE", "最低固定资产投资", "Minimum fixed-asset investment", "float", 15, 2, "万元",
       "投资强度下限 × 用地面积(公顷)"),
    _f("YXQY", "意向企业", "Intended enterprise", "str", 100),
    _f("KFFQ", "开发分期", "Development phase", "int", 4, description="1 = 第一期 / first phase"),
    _f("GDZT", "供地状态", "Land supply status", "str", 10, description="已供地 / 未供地"),
    _f("KFZT", "开发状态", "Development status", "str", 20,
       description="待开发 / 已供地 / 需调整用地（一张图禁止性规则不合规，不分期、不征地、不出让）/ set apart by a prohibiting rule"),
    _f("KFSM", "开发状态说明", "Development status note", "str", 254,
       description="需调整用地的原因与冲突面积 / why the plot is set apart"),
    _f("DKMBMJ", "地块目标面积", "Target plot area", "float", 12, 2, "m²", "单元内划分地块的目标面积 / per-unit override"),
    _f("DKZXMJ", "地块最小面积", "Minimum plot area", "float", 12, 2, "m²"),
    _f("DKZDMJ", "地块最大面积", "Maximum plot area", "float", 12, 2, "m²"),
    _f("ZBLY", "指标来源", "Source of controls", "str", 254,
       description="每项指标的来源，如 容积率:2008表2行业26 / where each control came from"),
    _f("SCJL", "审查结论", "Review result", "str", 20, description="合规 / 不合规 / 需核实 / 未审查"),
    _f("BZ", "备注", "Remarks", "str", 254),
]}


@dataclass(frozen=True)
class LayerSpec:
    name: str          # table name in the plan GeoPackage
    alias: str
    alias_en: str
    code_field: str
    fields: tuple[str, ...]
    parent_field: Optional[str] = None


CLUSTER = LayerSpec("zutuan", "组团", "Clusters", "ZTBH",
                    ("ZTBH", "ZTMC", "CYL", "HYDM", "YDYHFLDM", "YDYHFLMC", "YDMJ", "KFFQ", "BZ"))
UNIT = LayerSpec("danyuan", "单元", "Units", "DYBH",
                 ("DYBH", "ZTBH", "CYL", "CYHJ", "HYDM", "YDYHFLDM", "YDYHFLMC", "YDMJ",
                  "RJLXX", "RJLSX", "JZXS", "JZMDSX", "LDLSX", "XZBGBL", "TZQD", "JZXG",
                  "DKMBMJ", "DKZXMJ", "DKZDMJ", "KFFQ", "BZ"), parent_field="ZTBH")
PLOT = LayerSpec("dikuai", "地块", "Plots", "DKBH",
                 ("DKBH", "DYBH", "ZTBH", "YDYHFLDM", "YDYHFLMC", "YDMJ",
                  "RJLXX", "RJLSX", "JZXS", "JZMDXX", "JZMDSX", "LDLSX", "XZBGBL", "TZQD", "JZXG",
                  "CCQD", "DJSS", "JRJZMJ", "ZDTZE", "CYL", "CYHJ", "HYDM", "YXQY", "KFFQ", "GDZT",
                  "KFZT", "KFSM", "ZBLY", "SCJL", "BZ"), parent_field="DYBH")
LAYERS = (CLUSTER, UNIT, PLOT)

#: The plan's metadata table (key/value rows): key -> (alias, default, description)
METADATA_KEYS: dict[str, tuple[str, object, str]] = {
    "XMMC": ("项目名称", "", "project name"),
    "BZDW": ("编制单位", "", "planning organisation"),
    "BZNF": ("编制年份", "", "plan year: the cash flow starts in it (default: the year the plan is created)"),
    "JZNF": ("基准年", "", "base year of the 3- and 5-year targets (default: the plan year − 1, the last full "
                        "statistical year)"),
    "DQLB": ("地区分类", "", "region class (地区分类 / 土地等别) for investment intensity"),
    "BZPZ": ("标准配置", "gongye_2008", "standards profile id"),
    "FLBB": ("用地用海分类版本", "2023", "land/sea use classification edition"),
    "ZBXT": ("坐标系", "", "CRS of the plan layers (WKT or EPSG)"),
    "CJSJ": ("创建时间", "", "creation time, ISO 8601"),
    "CJBB": ("插件版本", "", "plugin version that created the plan"),
}


def layer_fields(spec: LayerSpec) -> list[Field]:
    return [FIELDS[n] for n in spec.fields]


def field_spec(name: str) -> Field:
    return FIELDS[name]


def empty_frame(spec: LayerSpec, crs=None):
    """An empty GeoDataFrame with the layer's columns and dtypes."""
    import geopandas as gpd
    import pandas as pd

    data = {f.name: pd.Series(dtype=f.dtype) for f in layer_fields(spec)}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs=crs), crs=crs)


@dataclass(frozen=True)
class CodeFormat:
    """Hierarchy codes: 组团 Z01, 单元 Z01-01, 地块 Z01-01-01 by default.

    ``cluster`` is a format with ``{n}``; ``sep`` joins the levels; ``width`` pads unit and plot numbers.
    """

    cluster: str = "Z{n:02d}"
    sep: str = "-"
    width: int = 2
    _pattern: str = field(default=r"^[A-Za-z]*\d+$", repr=False)

    def cluster_code(self, n: int) -> str:
        return self.cluster.format(n=n)

    def unit_code(self, cluster_code: str, n: int) -> str:
        return f"{cluster_code}{self.sep}{n:0{self.width}d}"

    def plot_code(self, unit_code: str, n: int) -> str:
        return f"{unit_code}{self.sep}{n:0{self.width}d}"

    def parts(self, code: str) -> list[str]:
        """'Z01-02-03' -> ['Z01', '02', '03']; raises ValueError when malformed."""
        parts = str(code).split(self.sep)
        if not parts or not re.match(self._pattern, parts[0]) or \
                any(not (p.isdigit() and len(p) >= self.width) for p in parts[1:]) or len(parts) > 3:
            raise ValueError(code)
        return parts

    def level(self, code: str) -> int:
        """1 = 组团, 2 = 单元, 3 = 地块."""
        return len(self.parts(code))

    def parent(self, code: str) -> Optional[str]:
        parts = self.parts(code)
        return self.sep.join(parts[:-1]) if len(parts) > 1 else None

    def is_valid(self, code, level: Optional[int] = None) -> bool:
        try:
            found = self.level(code)
        except ValueError:
            return False
        return level is None or found == level


DEFAULT_CODES = CodeFormat()


def schema_markdown() -> str:
    """docs/SCHEMA.md, generated from this module."""
    out = ["# 规划数据模型 / Plan data model", "",
           "Generated from `algorithms/schema.py` by `python -m algorithms.schema > docs/SCHEMA.md`; "
           "do not edit by hand (a test checks it is current).", "",
           "A plan is a GeoPackage holding the three polygon layers below and a key/value table "
           "`plan_metadata`. Areas are measured in a projected metre CRS: the data's own when it is "
           "projected in metres and its areal scale error over the data is at most 0.1 %, else the CGCS2000 "
           "3-degree Gauss-Krüger zone (EPSG:4534–4554) of the data's centre. 1 公顷 = 10 000 m² = 15 亩.", "",
           "Hierarchy codes: 组团 `Z01`, 单元 `Z01-01`, 地块 `Z01-01-01` (format configurable); "
           "a plot's code tells its unit and its cluster.", ""]
    for spec in LAYERS:
        out += [f"## {spec.alias} / {spec.alias_en} — table `{spec.name}`", "",
                f"Code field `{spec.code_field}`" + (f"; parent `{spec.parent_field}`." if spec.parent_field else "."),
                "", "| 字段 field | 别名 alias | English | 类型 type | 单位 unit | 说明 description |",
                "|---|---|---|---|---|---|"]
        for f in layer_fields(spec):
            t = f"{f.type}({f.length}" + (f",{f.precision})" if f.precision else ")") if f.length else f.type
            out.append(f"| `{f.name}` | {f.alias} | {f.alias_en} | {t} | {f.unit} | {f.description} |")
        out.append("")
    out += ["## 元数据 / Metadata — table `plan_metadata` (columns `JM` key, `JZ` value, `BM` alias)", "",
            "| 键 key | 别名 alias | 默认 default | 说明 description |", "|---|---|---|---|"]
    for k, (alias, default, desc) in METADATA_KEYS.items():
        out.append(f"| `{k}` | {alias} | {default} | {desc} |")
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(schema_markdown(), end="")
