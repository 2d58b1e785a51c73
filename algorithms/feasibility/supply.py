"""Land supply modes (供地方式) and their cash timing, per plot.

Modes used in development zones (``land_supply`` in the parameter file; a plot's own mode comes from a field, the
others take ``land_supply.default_mode``):

出让      the land price (万元/公顷, the plot's own value or its class's) once, in the quarter the land is supplied;
弹性出让  a shorter term n = ``flexible_term_years`` (≤ ``flexible_max_years``): the price × the term factor
          K(n) = [1 − (1+r)^−n] ÷ [1 − (1+r)^−N], N = ``full_term_years``, r = ``capitalisation_rate`` (the 年期修正
          of land valuation; K = n/N when r = 0), once, when supplied;
先租后让  rent (``land_rent_per_ha_year`` ÷ 4 per quarter) for ``lease_years``, then the transfer of the remaining
          term: the price × K(N − lease_years), 4 × ``lease_years`` quarters after the land was supplied;
长期租赁  rent for ``long_lease_years`` (no transfer);
已供地    the plan's GDZT says the land is supplied already: no 征地, no income (whatever the mode field says).
"""
from __future__ import annotations

from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding
from .params import get

__all__ = ["SUPPLY_MODES", "MODE_NAMES", "term_factor", "supply_terms", "normalise_mode", "validate_supply"]

#: mode -> English name
SUPPLY_MODES = {"出让": "transfer", "弹性出让": "flexible-term transfer", "先租后让": "lease then transfer",
                "长期租赁": "long-term lease", "已供地": "already supplied"}
#: accepted spellings -> mode
MODE_NAMES = {**{k: k for k in SUPPLY_MODES}, **{v: k for k, v in SUPPLY_MODES.items()},
              "sale": "出让", "flexible": "弹性出让", "lease_then_sale": "先租后让", "lease": "长期租赁",
              "supplied": "已供地", "挂牌出让": "出让", "招拍挂": "出让"}


def normalise_mode(value) -> Optional[str]:
    """A mode of :data:`SUPPLY_MODES` from a field value or parameter; None when it is none of them."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return MODE_NAMES.get(text) or MODE_NAMES.get(text.lower())


def term_factor(years: float, full_years: float, rate: float) -> float:
    """K(n) = [1 − (1+r)^−n] ÷ [1 − (1+r)^−N]; n/N when r = 0."""
    n, big = max(float(years), 0.0), float(full_years)
    if rate <= 0:
        return n / big
    return (1.0 - (1.0 + rate) ** -n) / (1.0 - (1.0 + rate) ** -big)


def validate_supply(params: Mapping) -> None:
    ls = get(params, "land_supply") or {}
    full = float(ls.get("full_term_years", 0) or 0)

    def bad(name, value, zh, en):
        raise InputError("E_BAD_PARAMETER", name=f"land_supply.{name}", value=value, reason_zh=zh, reason_en=en)

    if normalise_mode(ls.get("default_mode")) in (None, "已供地"):
        bad("default_mode", ls.get("default_mode"), "可选 出让/弹性出让/先租后让/长期租赁",
            "one of 出让 (transfer), 弹性出让, 先租后让, 长期租赁")
    if full <= 0:
        bad("full_term_years", ls.get("full_term_years"), "应大于 0", "must be above 0")
    flex, flex_max = float(ls.get("flexible_term_years", 0)), float(ls.get("flexible_max_years", 0))
    if not 0 < flex <= min(flex_max, full):
        bad("flexible_term_years", flex, f"应在 0 与弹性出让年限上限 {flex_max:g} 年之间",
            f"must lie between 0 and the flexible-term maximum of {flex_max:g} years")
    for key in ("lease_years", "long_lease_years"):
        if not 0 < float(ls.get(key, 0)) < full:
            bad(key, ls.get(key), f"应在 0 与出让最高年限 {full:g} 年之间", f"must lie between 0 and {full:g} years")
    rate = float(ls.get("capitalisation_rate", -1))
    if not 0 <= rate < 1:
        bad("capitalisation_rate", rate, "土地还原率为小数，如 0.06", "a fraction, e.g. 0.06")


def _modes(frame, supplied, mode_field, default) -> tuple[np.ndarray, list]:
    n = len(frame)
    modes = np.full(n, default, dtype=object)
    findings = []
    if mode_field and mode_field in frame.columns:
        raw = frame[mode_field].to_numpy(dtype=object)
        given = np.array([normalise_mode(v) for v in raw], dtype=object)
        empty = np.array([v is None or str(v).strip() in ("", "nan", "None") for v in raw])
        wrong = (given == None) & ~empty  # noqa: E711 - element-wise
        said_supplied = (given == "已供地") & ~supplied
        use = (given != None) & ~said_supplied  # noqa: E711
        modes[use] = given[use]
        if wrong.any() or said_supplied.any():
            vals = "、".join(sorted({str(v) for v in raw[wrong]})[:5])
            findings.append(Finding(
                "FEAS-SUPPLY-MODE", "供地方式取值无效", "warning", None,
                f"{int(wrong.sum())} 块地块的供地方式“{vals}”无法识别、{int(said_supplied.sum())} 块写“已供地”而供地状态 GDZT "
                f"不是已供地，均按默认方式“{default}”测算 / {int(wrong.sum() + said_supplied.sum())} plots have a supply "
                f"mode that is unknown or says supplied against GDZT: the default '{SUPPLY_MODES[default]}' is used"))
    modes[supplied] = "已供地"
    return modes, findings


def supply_terms(frame, costs: pd.DataFrame, params: Mapping, *, mode_field: Optional[str] = None,
                 price_field: Optional[str] = None, default_mode: Optional[str] = None,
                 modes: Optional[np.ndarray] = None) -> tuple[pd.DataFrame, list]:
    """Per row: ``supply_mode``, ``land_price`` (万元/公顷: the plot's own ``price_field`` value, else its class's),
    ``price_from_plan``, and the cash terms per 公顷 supplied: ``lump_coef`` (万元, when supplied), ``defer_coef``
    (万元, ``defer_q`` quarters later), ``rent_coef`` (万元/年, for ``rent_q`` quarters from supply).
    ``modes`` (per row) replaces the field and the default (the search tries other modes)."""
    ls = get(params, "land_supply")
    default = normalise_mode(default_mode) or normalise_mode(ls["default_mode"])
    supplied = costs["supplied"].to_numpy(bool)
    findings: list = []
    if modes is None:
        modes, findings = _modes(frame, supplied, mode_field, default)
    price = costs["land_price_per_ha"].to_numpy(float).copy()
    own = np.zeros(len(costs), bool)
    if price_field and price_field in frame.columns:
        vals = pd.to_numeric(frame[price_field], errors="coerce").to_numpy(dtype=float)
        own = np.isfinite(vals) & (vals >= 0)
        price[own] = vals[own]
    rent = costs["land_rent_per_ha_year"].to_numpy(float)
    full, r = float(ls["full_term_years"]), float(ls["capitalisation_rate"])
    lease_q, long_q = int(round(4 * float(ls["lease_years"]))), int(round(4 * float(ls["long_lease_years"])))
    k_flex = term_factor(float(ls["flexible_term_years"]), full, r)
    k_rest = term_factor(full - float(ls["lease_years"]), full, r)
    is_ = {m: np.asarray(modes == m) for m in SUPPLY_MODES}
    out = pd.DataFrame({
        "supply_mode": modes, "land_price": price, "price_from_plan": own,
        "lump_coef": np.where(is_["出让"], price, 0.0) + np.where(is_["弹性出让"], price * k_flex, 0.0),
        "defer_coef": np.where(is_["先租后让"], price * k_rest, 0.0),
        "defer_q": np.where(is_["先租后让"], lease_q, 0),
        "rent_coef": np.where(is_["先租后让"] | is_["长期租赁"], rent, 0.0),
        "rent_q": np.where(is_["先租后让"], lease_q, np.where(is_["长期租赁"], long_q, 0)),
    }, index=costs.index)
    return out, findings
