"""Rates by land-use class — the money of a plot follows its use (issue 20).

The parameter file's ``land_use`` table gives, per 用地用海分类 code prefix (the longest prefix of a plot's
``YDYHFLDM`` wins: ``100101`` → ``1001`` → ``10``), the rates that differ from the general ones: land price and rent,
the developer's standard-factory share, their FAR, construction cost, sale price and rent, and the 地均税收 / 产出强度
used where a plot has no control of its own. A key the class does not give takes the general parameter.
Rows without a land-use code (units) take the general parameters.
"""
from __future__ import annotations

import math
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from .params import get

__all__ = ["CLASS_KEYS", "class_key", "class_rates", "validate_class_table", "land_use_code"]

#: class-table key -> (general parameter it overrides, kind: "money" ≥ 0 or "fraction" in [0, 1])
CLASS_KEYS: dict[str, tuple[str, str]] = {
    "land_price_per_ha": ("revenues.land_price_per_ha", "money"),
    "land_rent_per_ha_year": ("revenues.land_rent_per_ha_year", "money"),
    "developer_factory_share": ("development.developer_factory_share", "fraction"),
    "factory_far": ("development.factory_far", "money"),
    "factory_cost_per_m2": ("costs.factory_cost_per_m2", "money"),
    "factory_sale_price_per_m2": ("revenues.factory_sale_price_per_m2", "money"),
    "factory_rent_per_m2_year": ("revenues.factory_rent_per_m2_year", "money"),
    "tax_per_ha_year": ("revenues.tax_per_ha_year", "money"),
    "output_per_ha_year": ("targets.output_per_ha_year", "money"),
}
_NOT_RATES = {"name", "note"}


def land_use_code(value) -> str:
    """'100101', 100101.0, ' 1001 ' → the code as text; '' for none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "null", "<na>") else text


def class_key(code: str, table: Mapping) -> Optional[str]:
    """The longest key of ``table`` that ``code`` starts with; None when none does."""
    best = None
    for key in table:
        k = str(key)
        if code and code.startswith(k) and (best is None or len(k) > len(best)):
            best = k
    return best


def validate_class_table(params: Mapping) -> None:
    """Raise :class:`InputError` for a class key that is not a code, an unknown rate or a bad value."""
    table = get(params, "land_use") or {}
    if not isinstance(table, Mapping):
        raise InputError("E_BAD_PARAMETER", name="land_use", value=type(table).__name__,
                         reason_zh="应为“用地代码前缀: {单价…}”的映射", reason_en="must map code prefixes to rates")
    for key, rates in table.items():
        if not str(key).isdigit() or not isinstance(rates, Mapping):
            raise InputError("E_BAD_PARAMETER", name=f"land_use.{key}", value=rates,
                             reason_zh="键应为用地用海分类代码前缀（数字），值为单价映射",
                             reason_en="keys are land-use code prefixes (digits) mapping to rates")
        for name, value in rates.items():
            if name in _NOT_RATES:
                continue
            if name not in CLASS_KEYS:
                raise InputError("E_BAD_PARAMETER", name=f"land_use.{key}.{name}", value=value,
                                 reason_zh="未知的单价，可用：" + "、".join(CLASS_KEYS),
                                 reason_en="unknown rate; known: " + ", ".join(CLASS_KEYS))
            x = None if isinstance(value, bool) else pd.to_numeric(value, errors="coerce")
            if x is None or not np.isfinite(x) or x < 0:
                raise InputError("E_PARAM_NEGATIVE", name=f"land_use.{key}.{name}", value=value)
            if CLASS_KEYS[name][1] == "fraction" and x > 1:
                raise InputError("E_BAD_PARAMETER", name=f"land_use.{key}.{name}", value=value,
                                 reason_zh="比例应在 0 与 1 之间", reason_en="a share must lie between 0 and 1")


def class_rates(frame, params: Mapping, *, codes=None) -> pd.DataFrame:
    """Per row: ``code`` (YDYHFLDM), ``rate_class`` (the matching key of ``land_use``, '' for none) and every rate
    of :data:`CLASS_KEYS` (the class's value, else the general parameter). ``codes`` replaces the rows' YDYHFLDM
    (the search tries other uses)."""
    n = len(frame)
    if codes is None:
        codes = (frame["YDYHFLDM"].map(land_use_code).to_numpy(dtype=object) if "YDYHFLDM" in frame.columns
                 else np.full(n, "", dtype=object))
    table = {str(k): v for k, v in (get(params, "land_use") or {}).items()}
    keys = np.array([class_key(c, table) or "" for c in codes], dtype=object)
    out = pd.DataFrame({"code": codes, "rate_class": keys}, index=frame.index)
    for name, (general, _) in CLASS_KEYS.items():
        base = float(get(params, general))
        values = {k: float(v[name]) for k, v in table.items() if name in v}
        out[name] = np.array([values.get(k, base) for k in keys], dtype=float)
    return out
