"""Rolling-development feasibility: phasing, cash flow with financing, targets, land intensive-use evaluation.

Parameters are data (resources/feasibility/default_params.yaml; illustrative defaults, 万元 unless stated).
"""
from .cashflow import CashflowResult, cashflow, financing_plan, npv_irr, write_chart  # noqa: F401
from .intensiveuse import IntensiveUseResult, intensive_use  # noqa: F401
from .params import DEFAULT_PARAMS_PATH, load_params, validate_params  # noqa: F401
from .parties import PartiesResult, party_flows  # noqa: F401
from .phasing import PhasingResult, phase_schedule, phasing  # noqa: F401
from .search import SearchResult, suggest  # noqa: F401
from .targets import targets_table  # noqa: F401

__all__ = ["DEFAULT_PARAMS_PATH", "load_params", "validate_params", "PhasingResult", "phase_schedule", "phasing",
           "CashflowResult", "cashflow", "financing_plan", "npv_irr", "write_chart", "targets_table",
           "IntensiveUseResult", "intensive_use", "PartiesResult", "party_flows", "SearchResult", "suggest"]
