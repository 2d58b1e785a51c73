"""Yearly monitoring of the zone: enterprise statistics, 亩均效益, idle and low-efficiency land, 飞地 accounting,
targets, 主导产业 share and the yearly zone evaluation (issue 19).

Profiles, rules and weights are data (resources/monitoring/, each naming its source and status).
"""
from .agreement import INDICATORS, load_agreement  # noqa: F401
from .evaluation import zone_evaluation  # noqa: F401
from .feidi import FeidiResult, feidi, largest_remainder  # noqa: F401
from .industry import leading_industry  # noqa: F401
from .idle import IdleResult, idle_land, idle_plots, low_efficiency, period_end, read_ledger  # noqa: F401
from .intake import EnterpriseStats, join_plots, load_stats, read_enterprise_stats  # noqa: F401
from .mujun import MujunResult, mujun  # noqa: F401
from .profile import DEFAULT_PROFILE, load_profile  # noqa: F401
from .targets import read_targets, targets_svg, track_targets  # noqa: F401

__all__ = ["INDICATORS", "load_agreement", "FeidiResult", "feidi", "largest_remainder", "IdleResult", "idle_land", "idle_plots",
           "low_efficiency", "period_end", "read_ledger", "EnterpriseStats", "join_plots", "load_stats",
           "read_enterprise_stats", "MujunResult", "mujun", "DEFAULT_PROFILE", "load_profile", "zone_evaluation",
           "leading_industry", "read_targets", "targets_svg", "track_targets"]
