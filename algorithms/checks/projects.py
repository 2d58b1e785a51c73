"""项目表 — the enterprise projects a land official checks at 供地/预审: what they declare, read from one table.

:data:`PROJECT_COLUMNS` is the one definition of the table's columns: a Chinese header, the pinyin-initial field
name (also the field name when the same figures sit on the plot layer) and further accepted names. A header may
carry its unit in brackets, e.g. ``固定资产投资（万元）`` or ``绿地面积(㎡)``; a known unit other than the canonical
one is converted (元/亿元 → 万元, 公顷/亩 → ㎡), an unknown unit stops the run. The plan's own derived figures
JRJZMJ / ZDTZE / YJCZ / YJSS and their aliases (计容建筑面积, 最低固定资产投资, 预计产值, 预计税收: minimums computed
from the controls) are deliberately *not* accepted: they are not a project's declaration.

Structural problems stop the run with a bilingual :class:`~algorithms.errors.InputError` naming the file, row and
column (no plot-code column, no indicator column, a non-numeric or negative cell, an empty plot code, a plot listed
twice, an unknown unit); nothing is written. Rows whose plot code is not in the plot layer become warnings.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
from dataclasses import dataclass, field
from typing import Optional

from ..crs import M2_PER_HA, MU_PER_HA
from ..errors import InputError
from .tables import normalise_code

__all__ = ["ProjectColumn", "PROJECT_COLUMNS", "CODE_COLUMN_NAMES", "Project", "ProjectTable", "read_projects",
           "projects_from_plots", "columns_markdown"]


@dataclass(frozen=True)
class ProjectColumn:
    key: str                      # pinyin initials; the field name on a plot layer
    header: str                   # Chinese header of the table
    unit: str                     # canonical unit ('' for text)
    kind: str                     # 'money' (万元) | 'area' (㎡) | 'text'
    aliases: tuple = ()           # further accepted headers / field names
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.header}（{self.unit}）" if self.unit else self.header


#: the columns of a project table, in the order of a blank template
PROJECT_COLUMNS: tuple[ProjectColumn, ...] = (
    ProjectColumn("XMMC", "项目名称", "", "text", ("企业名称", "QYMC", "意向企业", "YXQY"), "仅用于显示 / shown only"),
    ProjectColumn("GDZCTZ", "固定资产投资", "万元", "money", ("固定资产投资额", "固定资产总投资", "GDTZ"),
                  "投资强度 = 投资 ÷ 用地面积（公顷）"),
    ProjectColumn("ZJZMJ", "总建筑面积", "㎡", "area", ("计容总建筑面积",),
                  "计容面积；容积率 = 总建筑面积 ÷ 用地面积"),
    ProjectColumn("JZJDMJ", "建筑基底面积", "㎡", "area", ("建筑物基底面积", "建筑占地面积", "JZZDMJ"),
                  "建筑密度 = 基底 ÷ 用地面积"),
    ProjectColumn("GZWZDMJ", "构筑物占地面积", "㎡", "area", ("构筑物面积",), "计入建筑系数；空白按 0 计，此时不足判“需核实”"),
    ProjectColumn("DCZDMJ", "堆场占地面积", "㎡", "area", ("露天堆场占地面积", "露天堆场、露天操作场地面积", "堆场面积"),
                  "计入建筑系数；空白按 0 计，此时不足判“需核实”"),
    ProjectColumn("LDMJ", "绿地面积", "㎡", "area", (), "绿地率 = 绿地 ÷ 用地面积"),
    ProjectColumn("XZBGMJ", "行政办公及生活服务设施用地面积", "㎡", "area",
                  ("行政办公及生活服务设施用地", "行政办公及生活服务设施面积", "XZBGYDMJ"), "比例 = 该面积 ÷ 用地面积"),
    ProjectColumn("YJNCZ", "预计年产值", "万元", "money", ("年产值", "NCZ"), "产出强度 = 年产值 ÷ 公顷（可选）"),
    ProjectColumn("NSS", "年税收", "万元", "money", ("预计年税收", "年纳税额", "YJNSS"), "地均税收 = 年税收 ÷ 公顷（可选）"),
)
#: names of the plot-code column recognised when the join field is not given
CODE_COLUMN_NAMES = ("地块编号", "DKBH", "DKBM", "DKDM", "地块代码", "ZDDM")
_UNITS = {
    "money": {"万元": 1.0, "元": 1e-4, "亿元": 1e4},
    "area": {"㎡": 1.0, "m²": 1.0, "m2": 1.0, "平方米": 1.0, "平米": 1.0, "公顷": M2_PER_HA, "hm²": M2_PER_HA,
             "hm2": M2_PER_HA, "ha": M2_PER_HA, "亩": M2_PER_HA / MU_PER_HA},
    "text": {"": 1.0},
}
_BLANK = ("", "-", "—", "/", "无")
_HEADER = re.compile(r"^(.*?)[（(]\s*([^（）()]*?)\s*[）)]\s*$")


@dataclass
class Project:
    where: str                          # "第 5 行" or "地块 Z01-01-03"
    code: str                           # plot code as written
    name: str = ""
    values: dict = field(default_factory=dict)   # column key -> float (canonical unit) or None (blank)
    plot: int = -1                      # position in the checked plots, -1 when unknown
    where_en: str = ""                  # "line 5" or "plot Z01-01-03"


@dataclass
class ProjectTable:
    source: str                         # file path or "地块图层 / plot layer"
    columns: tuple                      # indicator keys present
    projects: list
    unused: tuple = ()                  # headers not recognised (ignored)
    notes: list = field(default_factory=list)


def _split_header(text) -> tuple[str, str]:
    s = str(text if text is not None else "").strip()
    m = _HEADER.match(s)
    name, unit = (m.group(1), m.group(2)) if m else (s, "")
    return re.sub(r"\s+", "", name).upper(), unit.strip()


def _names(col: ProjectColumn) -> set:
    return {_split_header(n)[0] for n in (col.key, col.header, *col.aliases)}


def _match_columns(headers, path) -> tuple[dict, list]:
    """{column key: (header index, factor)} and the unrecognised headers."""
    found, unused = {}, []
    for idx, h in enumerate(headers):
        name, unit = _split_header(h)
        col = next((c for c in PROJECT_COLUMNS if name in _names(c)), None)
        if col is None:
            if name:
                unused.append(str(h).strip())
            continue
        units = _UNITS[col.kind]
        factor = units.get(unit) if unit in units else units.get(unit.lower()) if unit else 1.0
        if factor is None:
            raise InputError("E_PROJECT_UNIT", path=path, column=str(h).strip(), unit=unit,
                             allowed="、".join(u for u in units if u))
        if col.key in found:
            raise InputError("E_PROJECT_COLUMN_TWICE", path=path, a=str(headers[found[col.key][0]]).strip(),
                             b=str(h).strip(), name=col.label)
        found[col.key] = (idx, factor)
    return found, unused


def _number(raw, *, path, where, column) -> Optional[float]:
    """A cell as a number (thousands separators allowed) or None when blank; ``where`` = (zh, en)."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, (int, float)):
        value = float(raw)
    else:
        s = re.sub(r"[\s,，\u3000]", "", str(raw))
        if s in _BLANK:
            return None
        try:
            value = float(s)
        except ValueError:
            value = None
    if value is None or not math.isfinite(value):
        raise InputError("E_PROJECT_CELL", path=path, where_zh=where[0], where_en=where[1], column=column,
                         value=raw, reason_zh="不是数字", reason_en="is not a number")
    if value < 0:
        raise InputError("E_PROJECT_CELL", path=path, where_zh=where[0], where_en=where[1], column=column,
                         value=raw, reason_zh="不能为负数", reason_en="must not be negative")
    return value


def _rows_csv(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("E_READ", path=path, reason="既不是 UTF-8 也不是 GBK 编码 / neither UTF-8 nor GBK text")
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        yield reader.line_num, row


def _rows_xlsx(path):
    try:
        import openpyxl
    except ImportError:
        from ..errors import ZutuanError
        raise ZutuanError("E_DEPENDENCY", package="openpyxl", command="pip install openpyxl") from None
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for n, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), 1):
            yield n, list(row)
    finally:
        wb.close()


def _table_rows(path):
    """(line, cells) of the header and the data rows: leading '#' lines and empty rows skipped."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise InputError("E_READ", path=path, reason="项目表应为 CSV 或 xlsx / the project table must be CSV or xlsx")
    try:
        rows = list(_rows_xlsx(path) if ext in (".xlsx", ".xlsm") else _rows_csv(path))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure is a clear E_READ
        raise InputError("E_READ", path=path, reason=str(exc)) from None
    out, header_seen = [], False
    for line, cells in rows:
        cells = ["" if c is None else c for c in cells]
        if all(str(c).strip() == "" for c in cells):
            continue
        if not header_seen and str(cells[0]).lstrip().startswith("#"):
            continue
        header_seen = True
        out.append((line, cells))
    return out


def _code_index(headers, code_field, path):
    norm = [_split_header(h)[0] for h in headers]
    wanted = [code_field] if code_field else list(CODE_COLUMN_NAMES)
    for w in wanted:
        key = _split_header(w)[0]
        if key in norm:
            return norm.index(key)
    raise InputError("E_PROJECT_NO_CODE", path=path, names=code_field or "、".join(CODE_COLUMN_NAMES),
                     param="PROJECT_CODE_FIELD")


def read_projects(path: str, *, code_field: Optional[str] = None) -> ProjectTable:
    """The projects of a CSV (UTF-8 or GBK) or xlsx table; ``code_field`` names the plot-code column."""
    path = str(path)
    if not os.path.exists(path):
        raise InputError("E_READ", path=path, reason="文件不存在 / no such file")
    rows = _table_rows(path)
    if not rows:
        raise InputError("E_READ", path=path, reason="表为空 / the table is empty")
    (_, headers), data = rows[0], rows[1:]
    code_idx = _code_index(headers, code_field, path)
    found, unused = _match_columns([h if i != code_idx else "" for i, h in enumerate(headers)], path)
    indicators = tuple(k for k in found if k != "XMMC")
    if not indicators:
        raise InputError("E_PROJECT_NO_INDICATOR", path=path,
                         names="、".join(c.label for c in PROJECT_COLUMNS if c.kind != "text"))
    projects, seen = [], {}
    for line, cells in data:
        cells = list(cells) + [""] * (len(headers) - len(cells))
        where = (f"第 {line} 行", f"line {line}")
        code = normalise_code(cells[code_idx])
        if not code:
            raise InputError("E_PROJECT_CELL", path=path, where_zh=where[0], where_en=where[1],
                             column=str(headers[code_idx]).strip(), value="", reason_zh="地块编号为空",
                             reason_en="the plot code is empty")
        seen.setdefault(code, []).append(line)
        p = Project(where[0], code, where_en=where[1])
        for key, (idx, factor) in found.items():
            if key == "XMMC":
                p.name = str(cells[idx]).strip()
                continue
            v = _number(cells[idx], path=path, where=where, column=str(headers[idx]).strip())
            p.values[key] = None if v is None else v * factor
        projects.append(p)
    dup = {c: ls for c, ls in seen.items() if len(ls) > 1}
    if dup:
        code, lines = next(iter(dup.items()))
        raise InputError("E_PROJECT_DUPLICATE", path=path, plot=code, lines="、".join(map(str, lines)))
    return ProjectTable(path, indicators, projects, tuple(unused))


def projects_from_plots(plots, codes) -> Optional[ProjectTable]:
    """The same columns as fields of the plot layer (one project per plot that has any value); None when the
    layer has none of them."""
    found, _ = _match_columns(list(plots.columns), "地块图层 / plot layer")
    indicators = tuple(k for k in found if k != "XMMC")
    if not indicators:
        return None
    cols = list(plots.columns)
    projects = []
    for i in range(len(plots)):
        where = (f"地块 {codes[i]}", f"plot {codes[i]}")
        p = Project(where[0], str(codes[i]), plot=i, where_en=where[1])
        for key, (idx, factor) in found.items():
            raw = plots.iat[i, idx]
            if key == "XMMC":
                p.name = "" if raw is None or raw != raw else str(raw).strip()
                continue
            v = _number(raw, path="地块图层 / plot layer", where=where, column=cols[idx])
            p.values[key] = None if v is None else v * factor
        if any(v is not None for v in p.values.values()):
            projects.append(p)
    return ProjectTable("地块图层字段 / plot-layer fields", indicators, projects)


def columns_markdown() -> str:
    """The project-table columns as a Markdown table (README)."""
    lines = ["| 列名（表头） | 字段名 | 单位 | 其他可用列名 | 说明 |", "|---|---|---|---|---|",
             f"| 地块编号 | DKBH | — | {'；'.join(CODE_COLUMN_NAMES[1:])}；或参数 PROJECT_CODE_FIELD 指定 | 与地块关联 / join |"]
    for c in PROJECT_COLUMNS:
        lines.append(f"| {c.header} | {c.key} | {c.unit or '—'} | {'；'.join(c.aliases) or '—'} | {c.note} |")
    return "\n".join(lines)
