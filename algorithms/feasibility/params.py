"""Feasibility parameters: read the YAML file, merge it over the defaults, validate.

Parameters are data (resources/feasibility/default_params.yaml). The defaults there are illustrative
assumptions, not standards: a zone replaces them with its own figures. Amounts are 万元 unless stated.
"""
from __future__ import annotations

import copy
import math
import os
from typing import Any, Mapping, Optional

from ..errors import InputError

__all__ = ["DEFAULT_PARAMS_PATH", "load_params", "validate_params", "merge_params", "get", "resolve_dates"]

DEFAULT_PARAMS_PATH = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources",
                                                    "feasibility", "default_params.yaml"))

#: keys that may be left empty (null): the dates come from the plan (see :func:`resolve_dates`)
_OPTIONAL = {"schedule.start_year", "schedule.start_quarter", "targets.base_year"}
#: dotted key -> kind. "money"/"count" ≥ 0; "fraction" in [0, 1]; "rate" an annual rate given as a fraction
#: (a value > 1 is taken for a percentage and refused); "int" a non-negative integer; "positive" > 0.
_CHECKS: dict[str, str] = {
    "schedule.start_year": "int", "schedule.start_quarter": "int", "schedule.quarters": "int",
    "discount_rate": "rate",
    "costs.land_acquisition_per_ha": "money", "costs.site_preparation_per_ha": "money",
    "costs.utilities_per_ha": "money", "costs.public_facilities_per_ha": "money",
    "costs.factory_cost_per_m2": "money", "costs.operation_per_ha_year": "money",
    "development.construction_quarters": "int", "development.sales_lag_quarters": "int",
    "development.absorption_ha_per_quarter": "money", "development.production_lag_quarters": "int",
    "development.developer_factory_share": "fraction", "development.factory_far": "money",
    "development.factory_build_quarters": "int", "development.occupancy_max": "fraction",
    "development.occupancy_ramp_quarters": "int", "development.production_ramp_quarters": "int",
    "revenues.land_rent_per_ha_year": "money",
    "revenues.land_price_per_ha": "money", "revenues.factory_rent_per_m2_year": "money",
    "revenues.factory_sale_share": "fraction", "revenues.factory_sale_price_per_m2": "money",
    "revenues.services_per_ha_year": "money", "revenues.tax_per_ha_year": "money", "revenues.tax_share": "fraction",
    "phasing.capacity_ha": "positive", "phasing.maturity_threshold": "fraction", "phasing.adjacency_distance": "money",
    "financing.debt_share": "fraction", "financing.equity_share": "fraction", "financing.interest_rate": "rate",
    "financing.term_quarters": "int", "financing.grace_quarters": "int",
    "targets.base_year": "int", "targets.output_per_ha_year": "money", "targets.ha_per_company": "positive",
}


def get(params: Mapping, dotted: str, default: Any = None) -> Any:
    node: Any = params
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return default
        node = node[part]
    return node


def merge_params(base: Mapping, override: Optional[Mapping]) -> dict:
    """A deep copy of ``base`` with ``override`` merged in (nested mappings merged key by key)."""
    out = copy.deepcopy(dict(base))
    for k, v in (override or {}).items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = merge_params(out[k], v)
        else:
            out[k] = copy.deepcopy(v)
    return out


def _read_yaml(path: str) -> dict:
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML ships with QGIS and Debian
        from ..errors import ZutuanError
        raise ZutuanError("E_DEPENDENCY", package="PyYAML", command="pip install pyyaml") from None
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as err:
        raise InputError("E_READ", path=path, reason=str(err)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("E_READ", path=path, reason="顶层应为键值映射 / the top level must be a mapping")
    return data


def load_params(path: Optional[str] = None, overrides: Optional[Mapping] = None, *, validate: bool = True) -> dict:
    """Defaults from :data:`DEFAULT_PARAMS_PATH`, then the user file ``path``, then ``overrides``; validated.

    The result carries ``_source`` (the files read) for messages.
    """
    params = _read_yaml(DEFAULT_PARAMS_PATH)
    sources = [DEFAULT_PARAMS_PATH]
    if path:
        params = merge_params(params, _read_yaml(path))
        sources.append(path)
    params = merge_params(params, overrides)
    params["_source"] = " + ".join(sources) + (" + overrides" if overrides else "")
    if validate:
        validate_params(params)
    return params


def _number(value) -> Optional[float]:
    if isinstance(value, bool) or value is None:
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def validate_params(params: Mapping) -> None:
    """Raise :class:`InputError` for a missing or negative value, a share outside [0, 1], a rate in percent."""
    src = params.get("_source", "")
    for key, kind in _CHECKS.items():
        raw = get(params, key, _MISSING)
        if raw is None and key in _OPTIONAL:
            continue
        if raw is _MISSING or raw is None:
            raise InputError("E_PARAM_MISSING", name=key, path=src)
        x = _number(raw)
        if x is None or x < 0 or (kind == "positive" and x == 0):
            raise InputError("E_PARAM_NEGATIVE", name=key, value=raw)
        if kind == "rate" and x >= 1.0:
            raise InputError("E_RATE_PERCENT", name=key, value=raw, suggest=f"{x / 100:g}")
        if kind == "fraction" and x > 1.0:
            if key == "phasing.maturity_threshold":
                raise InputError("E_PHASE_NEVER_MATURES", phase="*",
                                 reason_zh=f"成熟阈值 {raw} 大于 1，供地比例永远达不到（比例请写小数，如 0.7）",
                                 reason_en=f"the maturity threshold {raw} is above 1, a supplied share never reaches "
                                           f"it (give a fraction, e.g. 0.7)")
            raise InputError("E_BAD_PARAMETER", name=key, value=raw,
                             reason_zh=f"比例应在 0 与 1 之间；若是百分数请写成 {x / 100:g}",
                             reason_en=f"a share must lie between 0 and 1; if this is a percentage write {x / 100:g}")
        if kind == "int" and x != int(x):
            raise InputError("E_BAD_PARAMETER", name=key, value=raw, reason_zh="应为整数", reason_en="must be an integer")
    if get(params, "schedule.start_quarter") is not None and not 1 <= int(get(params, "schedule.start_quarter")) <= 4:
        raise InputError("E_BAD_PARAMETER", name="schedule.start_quarter", value=get(params, "schedule.start_quarter"),
                         reason_zh="季度应为 1–4", reason_en="a quarter is 1–4")
    if int(get(params, "schedule.quarters")) < 1:
        raise InputError("E_BAD_PARAMETER", name="schedule.quarters", value=get(params, "schedule.quarters"),
                         reason_zh="至少 1 个季度", reason_en="at least one quarter")
    roads = get(params, "costs.roads_per_km")
    if not isinstance(roads, Mapping) or not roads:
        raise InputError("E_PARAM_MISSING", name="costs.roads_per_km", path=src)
    for cls, v in roads.items():
        x = _number(v)
        if x is None or x < 0:
            raise InputError("E_PARAM_NEGATIVE", name=f"costs.roads_per_km.{cls}", value=v)
    shares = float(get(params, "financing.debt_share")) + float(get(params, "financing.equity_share"))
    if abs(shares - 1.0) > 1e-9:
        raise InputError("E_BAD_PARAMETER", name="financing.debt_share + equity_share", value=f"{shares:g}",
                         reason_zh="债务与资本金比例之和应为 1", reason_en="debt and equity shares must add up to 1")
    cap_inv = get(params, "phasing.capacity_investment")
    if cap_inv is not None and (_number(cap_inv) is None or _number(cap_inv) <= 0):
        raise InputError("E_PARAM_NEGATIVE", name="phasing.capacity_investment", value=cap_inv)
    thr = float(get(params, "phasing.maturity_threshold"))
    if thr <= 0:
        raise InputError("E_BAD_PARAMETER", name="phasing.maturity_threshold", value=thr,
                         reason_zh="成熟阈值应大于 0 且不大于 1", reason_en="the threshold must be in (0, 1]")
    _validate_sections(params)


def _validate_sections(params: Mapping) -> None:
    """The land-use class table, the supply modes, the parties and the search (their own modules say how)."""
    from .parties import validate_parties
    from .rates import validate_class_table
    from .search import validate_search
    from .sensitivity import validate_sensitivity
    from .supply import validate_supply

    validate_class_table(params)
    validate_supply(params)
    validate_parties(params)
    validate_search(params)
    validate_sensitivity(params)


_MISSING = object()


def _year_of(value) -> Optional[int]:
    """A year from a metadata value: 2026, '2026', '2026-03-01T10:00:00'; None when there is none."""
    text = str(value or "").strip()
    if len(text) >= 4 and text[:4].isdigit() and (len(text) == 4 or not text[4].isdigit()):
        year = int(text[:4])
        return year if 1900 <= year <= 2200 else None
    return None


def _first_given(*candidates) -> tuple[int, str]:
    """The first (value, where it came from) whose value is given, as an int year."""
    return next((int(v), label) for v, label in candidates if v is not None)


def resolve_dates(params: Mapping, *, metadata: Optional[Mapping] = None, start_year: Optional[int] = None,
                  start_quarter: Optional[int] = None, base_year: Optional[int] = None, today=None) -> dict:
    """The parameters with the cash flow's start and the targets' base year filled, and where they came from.

    Precedence for each date: the value given here (an algorithm parameter) > the plan's metadata (``BZNF`` 编制年份,
    else the year of ``CJSJ``; ``JZNF`` 基准年) > the parameter file > the current year. The start quarter is 1 unless
    given. The base year defaults to the last full statistical year before the start (start year − 1).
    ``out["_dates"]`` says which applied, in Chinese and English, for the workbook and the log.
    """
    import datetime as _dt

    out = merge_params(params, None)
    meta = metadata or {}
    plan_year = _year_of(meta.get("BZNF")) or _year_of(meta.get("CJSJ"))
    plan_base = _year_of(meta.get("JZNF"))
    now = (today or _dt.date.today()).year
    param = "测算参数文件 / parameter file"
    y, ys = _first_given((start_year, "算法参数 / algorithm parameter"),
                         (plan_year, "规划编制年份（规划元数据 BZNF/CJSJ）/ the plan's year (plan metadata)"),
                         (get(out, "schedule.start_year"), param),
                         (now, "当前年份（未提供规划数据库）/ the current year (no plan given)"))
    q = int(start_quarter if start_quarter is not None else (get(out, "schedule.start_quarter") or 1))
    b, bs = _first_given((base_year, "算法参数 / algorithm parameter"),
                         (plan_base, "规划元数据 JZNF / plan metadata JZNF"),
                         (get(out, "targets.base_year"), param),
                         (y - 1, "测算起始年的上一年（最近完整统计年度）/ the year before the start (last full statistical year)"))
    out.setdefault("schedule", {}).update(start_year=y, start_quarter=q)
    out.setdefault("targets", {})["base_year"] = b
    out["_dates"] = {"start": f"{y}Q{q}", "start_source": ys, "base_year": b, "base_source": bs}
    validate_params(out)
    return out
