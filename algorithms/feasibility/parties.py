"""Several developers: each party's own cash flow, NPV and peak funding (``parties`` in the parameter file).

From the project's quarterly flows before financing (万元):

government funds  预算内投资 (a grant): ``grant_share`` of each quarter's infrastructure spending (七通一平, roads,
                  utilities, public facilities), never repaid; 专项债 (special bonds): ``special_bond.share`` of the
                  same spending, up to ``max_amount``, each quarter's draw a tranche at ``interest_rate`` (interest
                  quarterly on the balance from the next quarter), repaid ``bullet`` (whole at 4 × ``term_years``
                  quarters) or ``equal`` (equal parts over that term). The project repays them.
project           P = net + grant + bond draws − bond interest − bond principal.
partner           ``equity_share`` of P without the tax, plus ``tax_share`` of the tax retained (a 飞地 agreement's
                  税收分成; null = the equity share).
platform company  the rest of P, less the service of its existing debt (``existing_debt``: balance, rate, remaining
                  quarters, equal or bullet repayment).
The parties' flows add up to the project's net flow less the existing debt's service. NPV at the project's discount
rate (the partner's own when given); peak funding = the deepest point of the cumulative flow.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from ..errors import InputError
from ..findings import Finding
from .finance import metrics, quarterly_rate
from .params import get

__all__ = ["PartiesResult", "party_flows", "validate_parties", "INFRASTRUCTURE"]

INFRASTRUCTURE = ("site_preparation", "roads", "utilities", "public_facilities")


@dataclass
class PartiesResult:
    flows: dict                 # party name -> quarterly DataFrame (label, its columns, net, cumulative)
    summary: pd.DataFrame       # party, npv, irr_annual, peak_need, peak_quarter, inflow, outflow
    bonds: pd.DataFrame         # quarterly: draw, interest, principal, balance of the special bonds
    findings: list = field(default_factory=list)


def _bad(name, value, zh, en):
    raise InputError("E_BAD_PARAMETER", name=name, value=value, reason_zh=zh, reason_en=en)


def validate_parties(params: Mapping) -> None:
    """Shares in [0, 1], grant + bond share ≤ 1, rates as fractions, a known repayment, a well-formed debt list."""
    for key in ("parties.partner.equity_share", "parties.government.grant_share", "parties.government.special_bond.share"):
        v = float(get(params, key, 0) or 0)
        if not 0 <= v <= 1:
            _bad(key, v, "比例应在 0 与 1 之间", "a share must lie between 0 and 1")
    tax = get(params, "parties.partner.tax_share")
    if tax is not None and not 0 <= float(tax) <= 1:
        _bad("parties.partner.tax_share", tax, "比例应在 0 与 1 之间（null = 同股权比例）", "a share in [0, 1] or null")
    if float(get(params, "parties.government.grant_share", 0)) + float(
            get(params, "parties.government.special_bond.share", 0)) > 1 + 1e-9:
        _bad("parties.government", "grant_share + special_bond.share", "补助与专项债比例之和不能超过 1",
             "the grant and bond shares must not exceed 1 together")
    bond = get(params, "parties.government.special_bond") or {}
    for key in ("interest_rate", "term_years"):
        v = float(bond.get(key, 0) or 0)
        if not v >= 0 or (key == "interest_rate" and v >= 1):         # NaN too
            _bad(f"parties.government.special_bond.{key}", v, "应为非负小数", "must be a non-negative fraction")
    if bond.get("repayment", "bullet") not in ("bullet", "equal"):
        _bad("parties.government.special_bond.repayment", bond.get("repayment"), "可选 bullet（到期还本）/ equal（等额还本）",
             "bullet or equal")
    for i, debt in enumerate(get(params, "parties.existing_debt") or []):
        ok = isinstance(debt, Mapping) and all(k in debt for k in ("balance", "interest_rate", "remaining_quarters"))
        if not ok or float(debt["balance"]) < 0 or not 0 <= float(debt["interest_rate"]) < 1 \
                or int(debt["remaining_quarters"]) < 1 or debt.get("repayment", "equal") not in ("bullet", "equal"):
            _bad(f"parties.existing_debt[{i}]", debt, "需 balance（万元）、interest_rate（小数）、remaining_quarters（≥1）、"
                 "repayment（equal/bullet）", "needs balance, interest_rate (fraction), remaining_quarters ≥ 1, repayment")


def _service(draws: np.ndarray, rate: float, term_q: int, how: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Interest, principal and balance per quarter of loans drawn as ``draws`` (one tranche per quarter)."""
    T = len(draws)
    rq = quarterly_rate(rate)
    principal = np.zeros(T)
    for tau in np.flatnonzero(draws > 0):
        if how == "bullet":
            if tau + term_q < T:
                principal[tau + term_q] += draws[tau]
        else:
            end = min(T, tau + 1 + term_q)
            principal[tau + 1:end] += draws[tau] / term_q
    balance = np.cumsum(draws - principal)
    interest = np.concatenate([[0.0], balance[:-1] * rq])
    return interest, principal, balance


def _existing_debt(params, T) -> np.ndarray:
    out = np.zeros(T)
    for debt in get(params, "parties.existing_debt") or []:
        draws = np.zeros(T + 1)
        draws[0] = float(debt["balance"])  # the balance today, as if drawn the quarter before the start
        interest, principal, _ = _service(draws, float(debt["interest_rate"]), int(debt["remaining_quarters"]),
                                          debt.get("repayment", "equal"))
        out += (interest + principal)[1:]
    return out


def _bonds(infra: np.ndarray, params) -> pd.DataFrame:
    bond = get(params, "parties.government.special_bond") or {}
    draws = infra * float(bond.get("share", 0) or 0)
    cap = bond.get("max_amount")
    if cap is not None:
        cum = np.minimum(np.cumsum(draws), float(cap))
        draws = np.diff(cum, prepend=0.0)
    interest, principal, balance = _service(draws, float(bond.get("interest_rate", 0) or 0),
                                            int(round(4 * float(bond.get("term_years", 0) or 0))) or 1,
                                            bond.get("repayment", "bullet"))
    return pd.DataFrame({"draw": draws, "interest": interest, "principal": principal, "balance": balance})


def _frame(labels, cols: dict) -> pd.DataFrame:
    df = pd.DataFrame({"label": labels, **cols})
    df["net"] = sum(cols.values())
    df["cumulative"] = df["net"].cumsum()
    return df


def party_flows(quarterly: pd.DataFrame, params: dict) -> PartiesResult:
    """Each party's quarterly flow from the project's (``quarterly``: net, tax and the infrastructure columns)."""
    p = get(params, "parties") or {}
    labels = list(quarterly["label"])
    net, tax = quarterly["net"].to_numpy(float), quarterly["tax"].to_numpy(float)
    infra = sum(quarterly[k].to_numpy(float) for k in INFRASTRUCTURE)
    grant = infra * float(get(params, "parties.government.grant_share", 0) or 0)
    bonds = _bonds(infra, params)
    service = bonds["interest"].to_numpy() + bonds["principal"].to_numpy()
    project = net + grant + bonds["draw"].to_numpy() - service
    e = float(get(params, "parties.partner.equity_share", 0) or 0)
    tax_share = get(params, "parties.partner.tax_share")
    s = e if tax_share is None else float(tax_share)
    partner = {"project_share": e * (project - tax), "tax_share": s * tax}
    debt = _existing_debt(params, len(net))
    names = (p.get("platform") or "平台公司", get(params, "parties.partner.name") or "合作方",
             get(params, "parties.government.name") or "政府资金")
    flows = {names[0]: _frame(labels, {"project_net": net, "grant": grant, "bond_draw": bonds["draw"].to_numpy(),
                                       "bond_service": -service, "partner_share": -(partner["project_share"]
                                                                                    + partner["tax_share"]),
                                       "existing_debt": -debt}),
             names[1]: _frame(labels, partner),
             names[2]: _frame(labels, {"grant": -grant, "bond_draw": -bonds["draw"].to_numpy(),
                                       "bond_service": service})}
    rate = float(params["discount_rate"])
    own = get(params, "parties.partner.discount_rate")
    rows = []
    for name, df in flows.items():
        r = float(own) if name == names[1] and own is not None else rate
        m = metrics(df["net"].to_numpy(), r)
        rows.append({"party": name, "npv": m["npv"], "irr_annual": m["irr_annual"], "peak_need": m["peak_need"],
                     "peak_quarter": None if m["peak_quarter"] is None else labels[m["peak_quarter"]],
                     "inflow": float(df["net"].clip(lower=0).sum()), "outflow": float(-df["net"].clip(upper=0).sum()),
                     "discount_rate": r})
    bonds.insert(0, "label", labels)
    return PartiesResult(flows, pd.DataFrame(rows), bonds, _bond_findings(bonds, quarterly, params))


def _bond_findings(bonds: pd.DataFrame, quarterly: pd.DataFrame, params) -> list:
    drawn = float(bonds["draw"].sum())
    if drawn <= 0:
        return []
    out = []
    if bonds["balance"].iloc[-1] > 1e-6:
        out.append(Finding("FEAS-BOND-OPEN", "专项债测算期末未还清", "info", None,
                           f"测算期末专项债余额 {bonds['balance'].iloc[-1]:.2f} 万元（期限超出测算期）/ special bonds "
                           f"outstanding at the end: {bonds['balance'].iloc[-1]:.2f} 万元 (their term runs past the horizon)",
                           value=float(bonds["balance"].iloc[-1]), unit="万元"))
    service = float((bonds["interest"] + bonds["principal"]).sum() + bonds["balance"].iloc[-1])
    income = float(quarterly["inflow"].sum() - quarterly["operation"].sum())
    cover = income / service if service > 0 else float("inf")
    need = float(get(params, "parties.government.special_bond.coverage_min", 0) or 0)
    if cover + 1e-12 < need:
        out.append(Finding("FEAS-BOND-COVER", "专项债本息覆盖不足", "warning", None,
                           f"项目收入（扣除运营费）÷ 专项债本息 = {cover:.2f}，低于参数要求的 {need:g} / project income net of "
                           f"operation covers the bonds' principal and interest {cover:.2f} times, below {need:g}",
                           value=cover, limit=need))
    return out
