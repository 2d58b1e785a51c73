"""Money arithmetic of the feasibility model: discounting, NPV/IRR (numpy-financial), payback, peak funding, and
the debt/equity financing plan that covers each quarter's gap."""
from __future__ import annotations

import math
from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["quarterly_rate", "npv_irr", "payback_quarter", "financing_plan", "metrics"]


def quarterly_rate(annual: float) -> float:
    return (1.0 + annual) ** 0.25 - 1.0


def npv_irr(net: np.ndarray, annual_rate: float) -> tuple[float, float, float]:
    """(NPV at the annual rate, IRR per quarter, IRR annualised) of quarterly flows; NaN when no IRR exists."""
    try:
        import numpy_financial as npf
    except ImportError:  # pragma: no cover - listed in requirements.txt
        from ..errors import ZutuanError
        raise ZutuanError("E_DEPENDENCY", package="numpy-financial", command="pip install numpy-financial") from None
    npv = float(npf.npv(quarterly_rate(annual_rate), net))
    with np.errstate(all="ignore"):
        irr_q = float(npf.irr(net)) if (net > 0).any() and (net < 0).any() else float("nan")
    irr_a = (1.0 + irr_q) ** 4 - 1.0 if math.isfinite(irr_q) else float("nan")
    return npv, irr_q, irr_a


def payback_quarter(cumulative: np.ndarray) -> Optional[int]:
    """First quarter from which the cumulative net flow stays ≥ 0 (0 if it never goes negative); None if never."""
    neg = np.flatnonzero(cumulative < -1e-9)
    if len(neg) == 0:
        return 0
    last = int(neg[-1])
    return last + 1 if last + 1 < len(cumulative) else None


def financing_plan(net: np.ndarray, params: dict) -> pd.DataFrame:
    """Quarterly drawdown (debt, equity), interest, repayment and balance covering the gaps of ``net``."""
    fin = params["financing"]
    ds, es = float(fin["debt_share"]), float(fin["equity_share"])
    rq = quarterly_rate(float(fin["interest_rate"]))
    term, grace = int(fin["term_quarters"]), int(fin["grace_quarters"])
    T = len(net)
    cols = {k: np.zeros(T) for k in ("debt_drawdown", "equity", "interest", "repayment", "debt_balance")}
    bal, first = 0.0, None
    for t in range(T):
        interest = bal * rq
        mandatory = 0.0
        if first is not None and bal > 0 and t >= first + grace:
            remaining = first + term - t
            mandatory = bal if remaining <= 1 else bal / remaining
        cash = float(net[t]) - interest - mandatory
        debt = equity = sweep = 0.0
        if cash < 0:
            gap = -cash
            if first is None:
                first = t
            if term > 0 and t < first + term - 1:
                debt, equity = gap * ds, gap * es
            else:
                equity = gap
        else:
            sweep = min(cash, bal - mandatory)
        repayment = mandatory + sweep
        bal = bal + debt - repayment
        cols["debt_drawdown"][t], cols["equity"][t], cols["interest"][t] = debt, equity, interest
        cols["repayment"][t], cols["debt_balance"][t] = repayment, bal
    df = pd.DataFrame(cols)
    df["net_after_financing"] = np.asarray(net) + df["debt_drawdown"] + df["equity"] - df["interest"] - df["repayment"]
    return df


def metrics(net: np.ndarray, annual_rate: float) -> dict:
    """NPV, IRR (per quarter and year), peak funding need and its quarter, payback quarter of quarterly flows."""
    cum = np.cumsum(net)
    npv, irr_q, irr_a = npv_irr(net, annual_rate)
    peak_q = int(np.argmin(cum))
    return {"npv": npv, "irr_quarter": irr_q, "irr_annual": irr_a, "peak_need": float(max(0.0, -cum[peak_q])),
            "peak_quarter": peak_q if cum[peak_q] < 0 else None, "payback_quarter": payback_quarter(cum),
            "total_inflow": None, "total_outflow": None}
