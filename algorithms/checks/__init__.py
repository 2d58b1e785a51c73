"""Compliance checks: 一张图 overlay (:mod:`.masterplan`), land-use standards (:mod:`.standards`).

Both return a :class:`~.result.CheckResult` that :mod:`algorithms.report` renders as one kind of HTML report.
"""
from .constraints import BOUNDARY_MARK
from .masterplan import BUILTIN_RULES, RULE_KINDS, ConstraintSpec, check_masterplan
from .standards import check_standards
from .result import CONFLICT_FIELDS, STATUS_FIELDS, CheckResult, RuleSummary

__all__ = ["check_masterplan", "check_standards", "ConstraintSpec", "BUILTIN_RULES", "RULE_KINDS", "CheckResult", "RuleSummary",
           "CONFLICT_FIELDS", "STATUS_FIELDS", "BOUNDARY_MARK"]
