"""赋值控制指标 — assign planning controls to plots, with the source of every value.

Precedence for each control field (first that has a value wins):
plot's own value > overrides table (by DKBH, then DYBH, HYDM, YDYHFLDM) > unit default > cluster default >
profile by industry > profile by land-use class. ``ZBLY`` records where each value came from, readable by officials
and why a control has none ("RJLXX:2008表2 行业26; TZQD:未赋值：无标准值; JZXG:未赋值：无限高来源"); every empty control
has its 未赋值 reason (:mod:`.sources`). Derived: JRJZMJ, ZDTZE, expected output YJCZ and tax YJSS.

Modules: ``assign`` (the stages of :func:`assign_controls`), ``hierarchy`` (codes and inheritance), ``overrides``
(the overrides table), ``sources`` (the ZBLY text), ``totals`` (unit/cluster totals, the editor's check).
"""
from .assign import assign_controls, profile_name
from .overrides import OVERRIDE_KEYS, read_overrides
from .sources import NOT_CHECKED, UNASSIGNED, is_unassigned, parse_sources
from .totals import check_values, control_totals

__all__ = ["assign_controls", "check_values", "control_totals", "read_overrides", "DERIVED_FIELDS", "OVERRIDE_KEYS",
           "NOT_CHECKED", "UNASSIGNED", "is_unassigned", "parse_sources", "profile_name"]

#: derived columns not in the plan schema: name -> (Chinese alias, unit)
DERIVED_FIELDS = {"YJCZ": ("预计产值", "万元"), "YJSS": ("预计税收", "万元")}
