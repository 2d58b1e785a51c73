"""处理建议: what the planner should do about a finding, by rule and result, from resources/standards/review_actions.csv
(this plugin's suggestions, as data; not legal requirements)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..standards import read_table

__all__ = ["ACTIONS_CSV", "BOUNDARY_VERIFY", "load_actions", "action_for"]

ACTIONS_CSV = "review_actions.csv"
#: the result of an overlap smaller than the boundary tolerance
BOUNDARY_VERIFY = "需核实（疑似边界误差）"


@lru_cache(maxsize=4)
def load_actions(path: Optional[str] = None) -> dict:
    """{(rule id or '*', result): (action, detail)}."""
    return {(row["rule_id"], row["result"]): (row["action"], row["detail"]) for _, row in read_table(path or ACTIONS_CSV)}


def action_for(rule_id: str, result: str, table: Optional[dict] = None) -> tuple[str, str]:
    """(action, detail) for a finding of ``rule_id`` with ``result`` (不合规 / 需核实 / 需核实（疑似边界误差）): the rule's own
    row, else the row for any rule ('*'), else ('', '')."""
    table = load_actions() if table is None else table
    return table.get((rule_id, result)) or table.get(("*", result)) or ("", "")
