"""Reading a user's table (CSV or xlsx) column by column, with every problem named by row and column.

A column is found by its Chinese header (or an alias; spaces and full-width brackets ignored). A header may carry
its unit in brackets — “税收（元）”, “综合能耗（万吨标准煤）”, “用地面积（公顷）” — and the values are converted to the
column's canonical unit (万元, 吨标准煤, 吨, 人, 亩); an unknown unit is an error, a header without a unit is read in
the canonical unit (and said so). Problems are collected over the whole table and raised together as one
``E_TABLE_ROWS`` error naming the sheet row (the header is row 1) and the column: nothing is written half.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding

__all__ = ["Col", "Problems", "UNITS", "read_table", "parse_columns", "split_codes", "as_array"]

#: canonical unit -> {unit written in a header: factor to the canonical unit}
UNITS: dict[str, dict[str, float]] = {
    "万元": {"万元": 1.0, "元": 1e-4, "千元": 0.1, "百万元": 100.0, "亿元": 1e4},
    "吨标准煤": {"吨标准煤": 1.0, "tce": 1.0, "吨标煤": 1.0, "万吨标准煤": 1e4, "千克标准煤": 1e-3, "kgce": 1e-3},
    "吨": {"吨": 1.0, "t": 1.0, "千克": 1e-3, "kg": 1e-3, "万吨": 1e4},
    "人": {"人": 1.0},
    "亩": {"亩": 1.0, "公顷": 15.0, "hm²": 15.0, "hm2": 15.0, "平方米": 15.0 / 10_000, "m²": 15.0 / 10_000,
          "m2": 15.0 / 10_000},
    "%": {"%": 1.0},
}
_SEPARATORS = re.compile(r"[;；,，、\s]+")
_MAX_LISTED = 30


@dataclass(frozen=True)
class Col:
    key: str                 # engine name
    header: str              # canonical Chinese header (without the unit)
    en: str                  # English name for messages
    kind: str = "float"      # str | int | float | date | bool
    unit: str = ""           # canonical unit (a key of UNITS) for numbers
    required: bool = False
    aliases: tuple = ()
    negative_ok: bool = False

    @property
    def label(self) -> str:
        return f"{self.header}（{self.unit}）" if self.unit else self.header


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Problems:
    """Row/column problems collected while reading one table; ``raise_if_any`` raises them as one error."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[tuple[int, str, str, str]] = []

    def add(self, row, column: str, zh: str, en: str) -> None:
        self.items.append((int(row), column, zh, en))

    def add_many(self, rows, column: str, zh: str, en: str, values=None) -> None:
        for i, r in enumerate(rows):
            shown = None if values is None else _shown(values[i])
            v = "" if values is None else f"（{shown}）"
            ve = "" if values is None else f" ({shown})"
            self.add(r, column, zh + v, en + ve)

    def raise_if_any(self) -> None:
        if not self.items:
            return
        items = sorted(self.items, key=lambda t: t[0])
        shown = items[:_MAX_LISTED]
        more = len(items) - len(shown)
        zh = [f"第 {r} 行，列“{c}”：{z}" if r > 0 else f"列“{c}”：{z}" for r, c, z, _ in shown]
        en = [f"row {r}, column '{c}': {e}" if r > 0 else f"column '{c}': {e}" for r, c, _, e in shown]
        if more:
            zh.append(f"……另有 {more} 处")
            en.append(f"… and {more} more")
        raise InputError("E_TABLE_ROWS", path=self.path, count=len(items), details_zh="\n".join(zh),
                         details_en="\n".join(en))


def read_table(path: str, *, sheet: Optional[str] = None) -> pd.DataFrame:
    """All cells of a CSV (UTF-8, UTF-8 with BOM or GBK) or of an xlsx sheet, as objects; empty cells None.

    The frame's index is the sheet row number (header = 1, first data row = 2).
    """
    if not path or not os.path.exists(path):
        raise InputError("E_READ", path=path, reason="文件不存在 / file not found")
    ext = os.path.splitext(path)[1].lower()
    try:
        if ext in (".xlsx", ".xlsm", ".xls"):
            book = pd.read_excel(path, sheet_name=None, dtype=object, header=0)
            if sheet is not None and sheet not in book:
                raise InputError("E_READ", path=path, reason=f"没有工作表“{sheet}” / no sheet '{sheet}'")
            df = book[sheet] if sheet is not None else next(iter(book.values()))
        elif ext in (".csv", ".txt"):
            df = None
            for enc in ("utf-8-sig", "gbk"):
                try:
                    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=enc, skip_blank_lines=True,
                                     index_col=False)
                    break
                except UnicodeDecodeError:
                    continue
            if df is None:
                raise InputError("E_READ", path=path, reason="编码不是 UTF-8 或 GBK / neither UTF-8 nor GBK")
        else:
            raise InputError("E_READ", path=path, reason="仅支持 .csv 或 .xlsx / only .csv or .xlsx")
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - pandas/openpyxl raise many kinds; report them as unreadable
        raise InputError("E_READ", path=path, reason=str(err)) from None
    df = df.astype(object).where(pd.notna(df), None)
    df = df.map(lambda v: None if isinstance(v, str) and not v.strip() else v) if hasattr(df, "map") \
        else df.applymap(lambda v: None if isinstance(v, str) and not v.strip() else v)
    df = df.dropna(how="all")
    df.index = df.index + 2
    df.attrs["path"] = path
    return df


def _norm(text: str) -> str:
    t = str(text).strip().replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")
    return t


def _split_header(text: str) -> tuple[str, Optional[str]]:
    t = _norm(text)
    m = re.fullmatch(r"(.+?)\(([^()]*)\)", t)
    return (m.group(1), m.group(2)) if m else (t, None)


def _match_columns(df: pd.DataFrame, cols: list[Col], problems: Problems) -> dict[str, tuple[str, float]]:
    """{col key: (header found, unit factor)}; raises E_TABLE_COLUMNS for missing required columns."""
    found: dict[str, tuple[str, float]] = {}
    for header in df.columns:
        name, unit = _split_header(header)
        for col in cols:
            names = {_norm(col.header), *(_norm(a) for a in col.aliases), col.key}
            if name not in names or col.key in found:
                continue
            factor = 1.0
            if unit and col.unit:
                table = UNITS.get(col.unit, {col.unit: 1.0})
                if unit not in table:
                    problems.add(1, str(header), f"单位“{unit}”无法识别，可用：{'、'.join(table)}",
                                 f"unknown unit '{unit}'; use one of {', '.join(table)}")
                    continue
                factor = table[unit]
            found[col.key] = (str(header), factor)
            break
    missing = [c for c in cols if c.required and c.key not in found]
    if missing:
        raise InputError("E_TABLE_COLUMNS", path=problems.path, missing="、".join(c.label for c in missing),
                         missing_en=", ".join(f"{c.label} ({c.en})" for c in missing),
                         found="、".join(map(str, df.columns)) or "—")
    return found


def _to_date(v) -> Optional[_dt.date]:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, pd.Timestamp):
        return v.date()
    text = str(v).strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    try:
        return _dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
    except ValueError:
        return None


_TRUE = {"是", "y", "yes", "true", "1", "有"}
_FALSE = {"否", "n", "no", "false", "0", "无"}


def _parse(col: Col, series: pd.Series, factor: float, header: str, problems: Problems) -> pd.Series:
    present = series.notna()
    if col.kind == "str":
        return series.map(lambda v: None if v is None else str(v).strip())
    if col.kind == "date":
        out = series.map(lambda v: None if v is None else _to_date(v))
        bad = present & out.isna()
        problems.add_many(series.index[bad], header, "不是日期（应为 2023-03-01）", "not a date (use 2023-03-01)",
                          list(series[bad]))
        return out
    if col.kind == "bool":
        text = series.map(lambda v: None if v is None else str(v).strip().lower())
        bad = present & ~text.isin(_TRUE | _FALSE)
        problems.add_many(series.index[bad], header, "应为 是/否", "must be 是/否 (yes/no)", list(series[bad]))
        return text.map(lambda v: v in _TRUE if v is not None else False).astype(bool)
    text = series.map(lambda v: None if v is None else str(v).strip().replace(",", "").replace("，", ""))
    values = pd.to_numeric(text, errors="coerce")
    bad = present & values.isna()
    problems.add_many(series.index[bad], header, "不是数值", "not a number", list(series[bad]))
    if col.kind == "int":
        frac = present & values.notna() & (values % 1 != 0)
        problems.add_many(series.index[frac], header, "应为整数", "must be a whole number", list(series[frac]))
    if not col.negative_ok:
        neg = values < 0
        problems.add_many(series.index[neg], header, "不能为负数", "must not be negative", list(series[neg]))
    return values.astype(float) * factor


def parse_columns(df: pd.DataFrame, cols: list[Col], problems: Problems) -> tuple[pd.DataFrame, list[Finding]]:
    """The columns of ``cols`` found in ``df``, typed and in canonical units (index = sheet row numbers).

    Missing optional columns are absent from the result. Required cells that are empty are problems.
    """
    found = _match_columns(df, cols, problems)
    out = pd.DataFrame(index=df.index)
    notes: list[Finding] = []
    for col in cols:
        if col.key not in found:
            continue
        header, factor = found[col.key]
        out[col.key] = _parse(col, df[header], factor, header, problems)
        if col.required:
            empty = df[header].isna()
            problems.add_many(df.index[empty], header, "不能为空", "must not be empty")
        if col.unit and _split_header(header)[1] is None and col.kind in ("float", "int") and col.unit != "%":
            notes.append(Finding("MON-UNIT", "表头未注明单位", "info", None,
                                 f"列“{header}”未注明单位，按 {col.unit} 读取 / column '{header}' has no unit: read as "
                                 f"{col.unit}", source=problems.path))
        elif factor != 1.0:
            notes.append(Finding("MON-UNIT", "单位换算", "info", None,
                                 f"列“{header}”按 ×{factor:g} 换算为 {col.unit} / column '{header}' converted ×{factor:g} "
                                 f"to {col.unit}", source=problems.path))
    return out, notes


def split_codes(cells: pd.Series) -> pd.Series:
    """“Z01-01-01；Z01-01-02” → a list of codes per cell (separators ； ; , ， 、 and spaces); empty → []."""
    return cells.map(lambda v: [] if v is None else [c for c in _SEPARATORS.split(str(v).strip()) if c])


def as_array(series: Optional[pd.Series], n: int) -> np.ndarray:
    return np.full(n, np.nan) if series is None else series.to_numpy(dtype=float)
