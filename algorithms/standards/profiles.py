"""Standards profiles: a national edition of 《工业项目建设用地控制指标》 plus optional local tightening.

A profile is a small YAML file (resources/standards/gongye_2008.yaml, gongye_2023.yaml) that points to CSV
tables. Every value carries its source; a missing value stays missing ("not checked"), never a pass.
A local profile (``base: gongye_2008``) may tighten or add limits; values may be given per 亩 and are converted
to per 公顷 (×15); a local value looser than a national mandatory one is refused.
"""
from __future__ import annotations

import math
import os

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from ..crs import MU_PER_HA
from ..errors import StandardError_
from ._files import load_yaml_lines, read_table, standards_path
from .industry import IndustryCode, load_industry_mapping, normalize_industry_code
from .landuse import load_classification

__all__ = ["CONTROL_FIELDS", "MONEY_FIELDS", "Limit", "Profile", "load_profile", "normalize_region_class",
           "REGION_CLASSES", "strictest", "PROFILES"]

#: control field -> 'min' (a lower bound: higher is stricter) or 'max' (an upper bound: lower is stricter)
CONTROL_FIELDS: dict[str, str] = {
    "RJLXX": "min", "RJLSX": "max", "JZXS": "min", "JZMDXX": "min", "JZMDSX": "max", "LDLSX": "max",
    "XZBGBL": "max", "TZQD": "min", "JZXG": "max", "CCQD": "min", "DJSS": "min",
}
#: fields in 万元/公顷 that may be given per 亩 or per m²
MONEY_FIELDS = ("TZQD", "CCQD", "DJSS")
#: unit -> factor to the canonical unit of the field
_UNITS = {
    "money": {"万元/公顷": 1.0, "万元/hm2": 1.0, "万元/ha": 1.0, "万元/亩": MU_PER_HA, "元/平方米": 1.0, "元/m2": 1.0,
              "元/㎡": 1.0},
    "percent": {"%": 1.0},
    "ratio": {"": 1.0},
    "height": {"m": 1.0, "米": 1.0},
}
_FIELD_KIND = {"RJLXX": "ratio", "RJLSX": "ratio", "JZXS": "percent", "JZMDXX": "percent", "JZMDSX": "percent",
               "LDLSX": "percent", "XZBGBL": "percent", "TZQD": "money", "CCQD": "money", "DJSS": "money",
               "JZXG": "height"}
_CANONICAL_UNIT = {"money": "万元/公顷", "percent": "%", "ratio": "", "height": "m"}
PROFILES = {"gongye_2008": "gongye_2008.yaml", "gongye_2023": "gongye_2023.yaml"}
REGION_CLASSES = ("一类", "二类", "三类", "四类", "五类", "六类", "七类")
_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_TOP_KEYS = {"id", "name", "name_en", "document", "short", "status", "kind", "industry_code_edition",
             "applies_to", "tables", "limits", "industry", "landuse_defaults", "base"}
_LIMIT_KEYS = {"value", "unit", "source", "clause", "mandatory", "status"}


@dataclass(frozen=True)
class Limit:
    field: str
    value: Optional[float]          # canonical unit (万元/公顷, %, m); None = no standard value
    source: str                     # readable: "2008表2 行业26"
    mandatory: bool = True
    status: str = "confirmed-secondary"
    unit: str = ""
    clause: str = ""
    line: int = 0

    @property
    def label(self) -> str:
        return self.source + ("(未核实)" if self.status == "unconfirmed" else "")


def strictest(field_name: str, limits) -> Optional[Limit]:
    """The strictest of ``limits`` (None and valueless ones ignored): highest minimum / lowest maximum."""
    vals = [x for x in limits if x is not None and x.value is not None]
    if not vals:
        return None
    if CONTROL_FIELDS[field_name] == "min":
        return max(vals, key=lambda x: x.value)
    return min(vals, key=lambda x: x.value)


@dataclass
class Profile:
    id: str
    name: str
    document: str
    short: str
    status: str
    kind: str                                    # 'national' | 'local'
    industry_code_edition: str                   # '2002' | '2017'
    applies_to: tuple[str, ...]
    limits: dict[str, Limit] = field(default_factory=dict)
    industry: dict[str, dict[str, Limit]] = field(default_factory=dict)
    region_tables: dict[str, dict[str, dict[int, Limit]]] = field(default_factory=dict)
    landuse_defaults: dict[str, dict[str, Limit]] = field(default_factory=dict)
    base: Optional["Profile"] = None
    path: str = ""

    # ---- lookups -------------------------------------------------------------------------------------------
    @property
    def national(self) -> "Profile":
        return self.base if self.base is not None else self

    def industry_key(self, code: Optional[IndustryCode]) -> Optional[str]:
        """The row key of this profile's industry tables for a (GB/T 4754-2017) plot code."""
        if code is None:
            return None
        if self.industry_code_edition == "2002":
            return load_industry_mapping().to_2002(code)[0]
        return code.division

    def covered_fields(self) -> set[str]:
        """Fields this profile (and its base) sets for the land-use classes it applies to."""
        out = set()
        for p in filter(None, (self, self.base)):
            out |= set(p.limits) | set(p.region_tables)
            for d in p.industry.values():
                out |= set(d)
        return out

    def applies(self, landuse_code: Optional[str]) -> bool:
        if not landuse_code:
            return False
        return load_classification("2023").is_under(landuse_code, self.applies_to)

    def _own(self, f: str, code: Optional[IndustryCode], landuse: Optional[str], region: Optional[int],
             applies: bool) -> tuple[Optional[Limit], Optional[Limit]]:
        """(industry-level, class-level) values of this profile alone (no base)."""
        key = None
        if code is not None and applies:
            key = code.group if code.group and code.group in self.industry else None
            key = key or self.industry_key(code)
        ind = None
        if key is not None:
            ind = self.industry.get(key, {}).get(f)
            if ind is None and f in self.region_tables:
                row = self.region_tables[f].get(key, {})
                ind = row.get(region) if region is not None else None
        cls = None
        if landuse:
            for a in load_classification("2023").ancestors(landuse):
                if f in self.landuse_defaults.get(a, {}):
                    cls = self.landuse_defaults[a][f]
                    break
        if cls is None and applies:
            cls = self.limits.get(f)
        return ind, cls

    def lookup(self, f: str, code: Optional[IndustryCode], landuse: Optional[str],
               region: Optional[int]) -> Optional[Limit]:
        """The profile's value for field ``f``: industry level before land-use class level; a local profile's
        values apply where they are stricter (they can never be looser, the loader refuses that)."""
        applies = self.applies(landuse)
        nat = self.national
        n_ind, n_cls = nat._own(f, code, landuse, region, applies)
        national = n_ind if n_ind is not None and n_ind.value is not None else n_cls
        if self.base is None:
            return national
        l_ind, l_cls = self._own(f, code, landuse, region, applies)
        local = l_ind if l_ind is not None else l_cls
        return strictest(f, [national, local]) or national

    def describe(self) -> str:
        s = f"{self.name}（{self.document}；状态 {self.status}）"
        return s + (f" ⟵ {self.base.describe()}" if self.base else "")


# ---- loading ---------------------------------------------------------------------------------------------------
def _err(path, line, fld, zh, en):
    return StandardError_("E_STANDARD", path=path, line=line, field=fld, reason_zh=zh, reason_en=en)


def _parse_limit(path, lines, keypath, fld, spec, *, default_source: str, default_mandatory: bool) -> Limit:
    line = lines.get(keypath, 0)
    if fld not in CONTROL_FIELDS:
        raise _err(path, line, fld, f"未知的指标字段“{fld}”，可用：{', '.join(CONTROL_FIELDS)}",
                   f"unknown control field '{fld}'; known: {', '.join(CONTROL_FIELDS)}")
    if not isinstance(spec, dict):
        spec = {"value": spec}
    bad = set(spec) - _LIMIT_KEYS
    if bad:
        k = sorted(bad)[0]
        raise _err(path, lines.get(keypath + (k,), line), f"{fld}.{k}", f"未知的键“{k}”",
                   f"unknown key '{k}' (allowed: {', '.join(sorted(_LIMIT_KEYS))})")
    value = spec.get("value")
    vline = lines.get(keypath + ("value",), line)
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(float(value)) \
                or float(value) < 0:
            raise _err(path, vline, fld, f"数值“{value}”不是非负数", f"value '{value}' is not a non-negative number")
    kind = _FIELD_KIND[fld]
    unit = str(spec.get("unit", _CANONICAL_UNIT[kind])).strip()
    if unit not in _UNITS[kind]:
        raise _err(path, lines.get(keypath + ("unit",), line), f"{fld}.unit",
                   f"单位“{unit}”不适用于 {fld}，可用：{'、'.join(u or '(无)' for u in _UNITS[kind])}",
                   f"unit '{unit}' does not fit {fld}; allowed: {', '.join(u or '(none)' for u in _UNITS[kind])}")
    if value is not None:
        value = float(value) * _UNITS[kind][unit]
        if kind == "percent" and value > 100:
            raise _err(path, vline, fld, f"百分比 {value} 大于 100", f"percentage {value} exceeds 100")
    mandatory = spec.get("mandatory", default_mandatory)
    if not isinstance(mandatory, bool):
        raise _err(path, lines.get(keypath + ("mandatory",), line), f"{fld}.mandatory", "应为 true 或 false",
                   "must be true or false")
    source = str(spec.get("source") or default_source)
    return Limit(fld, value, source, mandatory, str(spec.get("status", "confirmed-secondary")),
                 _CANONICAL_UNIT[kind], str(spec.get("clause", "")), vline)


def _industry_key(path, lines, keypath, raw, edition) -> str:
    code = normalize_industry_code(raw)
    if code is None:
        raise _err(path, lines.get(keypath, 0), "industry", f"行业代码“{raw}”无法识别",
                   f"industry code '{raw}' is not a GB/T 4754 code")
    return str(code)


def _load_tables(path, data, lines, prof: Profile):
    for fld, spec in (data.get("tables") or {}).items():
        kp = ("tables", fld)
        if fld not in CONTROL_FIELDS or not isinstance(spec, dict) or "file" not in spec:
            raise _err(path, lines.get(kp, 0), f"tables.{fld}", "表定义应含指标字段名和 file",
                       "a table entry needs a control field name and 'file'")
        tpath = standards_path(os.path.join(os.path.dirname(path), spec["file"])) \
            if not os.path.isabs(spec["file"]) else spec["file"]
        key = spec.get("key", "code")
        src = str(spec.get("source", os.path.basename(tpath)))
        status = str(spec.get("status", prof.status))
        mandatory = bool(spec.get("mandatory", True))
        unit_factor = _UNITS[_FIELD_KIND[fld]].get(str(spec.get("unit", _CANONICAL_UNIT[_FIELD_KIND[fld]])), None)
        if unit_factor is None:
            raise _err(path, lines.get(kp + ("unit",), 0), f"tables.{fld}.unit", "单位不适用", "unit does not fit")
        for lineno, row in read_table(tpath):
            k = row.get(key, "")
            if not k:
                raise _err(tpath, lineno, key, "缺少行业代码", "industry code missing")
            cols = {c: v for c, v in row.items() if c.startswith("class_")} if spec.get("by_region") \
                else {"": row.get(spec.get("value", "value"), "")}
            for col, raw in cols.items():
                if raw == "":
                    value = None
                else:
                    try:
                        value = float(raw) * unit_factor
                    except ValueError:
                        raise _err(tpath, lineno, col or spec.get("value", "value"), f"“{raw}”不是数字",
                                   f"'{raw}' is not a number") from None
                if spec.get("by_region"):
                    r = int(col.split("_")[1])
                    label = f"{src} 行业{k} {REGION_CLASSES[r - 1] if r <= len(REGION_CLASSES) else r}"
                    lim = Limit(fld, value, label, mandatory, status, _CANONICAL_UNIT[_FIELD_KIND[fld]], "", lineno)
                    prof.region_tables.setdefault(fld, {}).setdefault(k, {})[r] = lim
                else:
                    lim = Limit(fld, value, f"{src} 行业{k}", mandatory, status,
                                _CANONICAL_UNIT[_FIELD_KIND[fld]], "", lineno)
                    prof.industry.setdefault(k, {})[fld] = lim


def _parse(path: str, base: Optional[Profile]) -> Profile:
    data, lines = load_yaml_lines(path)
    if not isinstance(data, dict):
        raise _err(path, 1, "-", "配置文件应为键值映射", "a profile must be a YAML mapping")
    for k in data:
        if k not in _TOP_KEYS:
            raise _err(path, lines.get((k,), 0), k, f"未知的键“{k}”", f"unknown key '{k}'")
    edition = str(data.get("industry_code_edition", "2017"))
    if edition not in ("2002", "2017"):
        raise _err(path, lines.get(("industry_code_edition",), 0), "industry_code_edition", "应为 2002 或 2017",
                   "must be 2002 or 2017")
    is_local = base is not None
    applies = data.get("applies_to", list(base.applies_to) if base else ["1001"])
    if not isinstance(applies, list):
        raise _err(path, lines.get(("applies_to",), 0), "applies_to", "应为代码列表", "must be a list of codes")
    prof = Profile(id=str(data.get("id", os.path.splitext(os.path.basename(path))[0])),
                   name=str(data.get("name", "")), document=str(data.get("document", "")),
                   short=str(data.get("short", "")), status=str(data.get("status", "local" if is_local else "")),
                   kind="local" if is_local else str(data.get("kind", "national")),
                   industry_code_edition=edition, applies_to=tuple(str(a) for a in applies), base=base, path=path)
    prefix = (prof.name + ":") if is_local else ""
    _load_tables(path, data, lines, prof)
    for section in ("limits",):
        block = data.get(section) or {}
        if not isinstance(block, dict):
            raise _err(path, lines.get((section,), 0), section, "应为键值映射", "must be a mapping")
        for fld, spec in block.items():
            lim = _parse_limit(path, lines, (section, fld), fld, spec, default_source=prof.short or prof.id,
                               default_mandatory=not is_local)
            prof.limits[fld] = replace(lim, source=prefix + lim.source, status=lim.status)
    for sec, target in (("industry", prof.industry), ("landuse_defaults", prof.landuse_defaults)):
        block = data.get(sec) or {}
        if not isinstance(block, dict):
            raise _err(path, lines.get((sec,), 0), sec, "应为键值映射", "must be a mapping")
        for raw_key, fields in block.items():
            kp = (sec, raw_key)
            key = _industry_key(path, lines, kp, raw_key, edition) if sec == "industry" else raw_key
            if not isinstance(fields, dict):
                raise _err(path, lines.get(kp, 0), f"{sec}.{raw_key}", "应为“指标: 数值”映射",
                           "must map control fields to values")
            if sec == "landuse_defaults" and key not in load_classification("2023"):
                raise _err(path, lines.get(kp, 0), f"{sec}.{raw_key}", f"“{raw_key}”不是 2023 版用地用海分类代码",
                           f"'{raw_key}' is not a 2023 land/sea-use code")
            for fld, spec in fields.items():
                lim = _parse_limit(path, lines, kp + (fld,), fld, spec,
                                   default_source=f"{prof.short or prof.id} {raw_key}", default_mandatory=not is_local)
                target.setdefault(key, {})[fld] = replace(lim, source=prefix + lim.source)
    if is_local:
        _check_not_looser(prof)
    return prof


def _looser(fld: str, local: float, national: float) -> bool:
    return local < national - 1e-9 if CONTROL_FIELDS[fld] == "min" else local > national + 1e-9


def _refuse(prof: Profile, lim: Limit, nat: Limit, scope: str):
    from ..errors import ZutuanError

    raise ZutuanError("E_LOCAL_LOOSER", path=prof.path, line=lim.line, field=lim.field, scope=scope,
                      value=f"{lim.value:g}", national=f"{nat.value:g}", unit=lim.unit, source=nat.source)


def _check_not_looser(prof: Profile):
    """Refuse a local value looser than the national mandatory value of the same scope."""
    nat = prof.base
    for fld, lim in prof.limits.items():
        n = nat.limits.get(fld)
        if lim.value is not None and n is not None and n.value is not None and n.mandatory \
                and _looser(fld, lim.value, n.value):
            _refuse(prof, lim, n, "全部 / all")
    mapping = load_industry_mapping()
    for key, fields in prof.industry.items():
        code = normalize_industry_code(key)
        nkey = mapping.to_2002(code)[0] if (prof.industry_code_edition == "2017" and
                                             nat.industry_code_edition == "2002") else key
        for fld, lim in fields.items():
            n = nat.industry.get(nkey or "", {}).get(fld) or nat.limits.get(fld)
            if lim.value is not None and n is not None and n.value is not None and n.mandatory \
                    and _looser(fld, lim.value, n.value):
                _refuse(prof, lim, n, f"行业 {key}")
    for code, fields in prof.landuse_defaults.items():
        for fld, lim in fields.items():
            n = nat.landuse_defaults.get(code, {}).get(fld)
            if n is None and nat.applies(code):
                n = nat.limits.get(fld)
            if lim.value is not None and n is not None and n.value is not None and n.mandatory \
                    and _looser(fld, lim.value, n.value):
                _refuse(prof, lim, n, f"用地 {code}")


@lru_cache(maxsize=8)
def _national(name: str) -> Profile:
    path = standards_path(PROFILES.get(name, name))
    return _parse(path, None)


def load_profile(name: str = "gongye_2008", local: Optional[str] = None) -> Profile:
    """A national profile by id ('gongye_2008', 'gongye_2023') or path, with an optional local YAML on top.

    The local file's ``base`` must name the same national profile when given.
    """
    if local:
        data, lines = load_yaml_lines(local)
        base_name = (data or {}).get("base", name) if isinstance(data, dict) else name
        if base_name != name and PROFILES.get(base_name) != name:
            name = base_name
        base = _national(name)
        return _parse(standards_path(local), base)
    return _national(name)


def normalize_region_class(value) -> Optional[int]:
    """1–7 from 1, '1', '一类', '第一类', 'class_1', '一'; None for empty. Raises on anything else."""
    from ..errors import InputError

    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return None
    s = str(value).strip().replace("第", "").replace("类", "").replace("class_", "").replace("地区", "")
    n = int(s) if s.isdigit() else _CN_NUM.get(s)
    if n is None or not 1 <= n <= len(REGION_CLASSES):
        raise InputError("E_BAD_PARAMETER", name="region_class", value=value,
                         reason_zh="地区分类应为 一类 至 七类（或 1–7）",
                         reason_en="the region class must be 一类 … 七类 (or 1–7)")
    return n


