"""Datum uncertainty in the 一张图 check: conflicts near a boundary become 需核实.

When the plots and a constraint layer are on different datums and the transformation between them is a
ballpark one or worse than :data:`algorithms.datum.ACCURACY_LIMIT_M`, a boundary may really lie up to that
distance elsewhere. Then, for that rule:

* a conflict (error) whose polygon lies wholly within that distance of its boundary — ``buffer(−d)`` is
  empty — is 需核实 instead of 不合规; with an unknown distance every conflict is 需核实;
* a plot without a conflict but within that distance of the layer's boundary (forbid / within rules) is
  需核实: it may be in conflict;
* the rule's notes (report) and the findings (log) state the transformation and its accuracy.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import shapely

from ..datum import ACCURACY_LIMIT_M
from ..findings import Finding

__all__ = ["relative_uncertainty", "mark_near_boundary"]


def relative_uncertainty(plots_shift, layer_shift, assumed: Optional[float] = None):
    """``(distance or None, shift)`` when the plots and a layer may be misplaced against each other by more than
    the limit, else None. Both moved by one and the same transformation: no relative error. ``assumed``
    (metres) stands for an unknown accuracy; the distance is None when it stays unknown."""
    shifts = [s for s in (plots_shift, layer_shift) if s is not None]
    if not shifts or not any(s.uncertain for s in shifts):
        return None
    if (plots_shift is not None and layer_shift is not None and plots_shift.source == layer_shift.source
            and plots_shift.description == layer_shift.description):
        return None
    unknown = any(s.accuracy is None and s.uncertain for s in shifts)
    known = sum(s.accuracy for s in shifts if s.accuracy is not None)
    if unknown and assumed is None:
        return None, layer_shift or plots_shift
    distance = known + (float(assumed) if unknown else 0.0)
    return (distance, layer_shift or plots_shift) if distance > ACCURACY_LIMIT_M else None


def _note(layer: str, shift, distance) -> tuple[str, str]:
    acc_zh, acc_en = shift.accuracy_text()
    if distance is None:
        return (f"“{layer}”与地块基准不同（{shift.source} → {shift.target}），{acc_zh}：全部冲突改为需核实；"
                f"未冲突地块的结论以偏差小于其到边界的距离为前提，请在 DATUM_TRANSFORM 填写转换参数或在 DATUM_ACCURACY "
                f"填写精度",
                f"'{layer}' and the plots are on different datums ({shift.source} → {shift.target}), {acc_en}: "
                f"every conflict is to be verified; results without a conflict assume the offset is smaller than "
                f"the plot's distance to the boundary — give DATUM_TRANSFORM or DATUM_ACCURACY")
    return (f"“{layer}”与地块基准不同（{shift.source} → {shift.target}），{acc_zh}，按 {distance:g} 米计："
            f"距边界 {distance:g} 米以内的冲突及未冲突地块需核实",
            f"'{layer}' and the plots are on different datums ({shift.source} → {shift.target}), {acc_en}, taken "
            f"as {distance:g} m: conflicts and plots within {distance:g} m of the boundary are to be verified")


def mark_near_boundary(ctx, rule, spec, local, first_block: int, distance: Optional[float], shift) -> None:
    """Apply the module's rule to the conflict blocks ``ctx.rows.blocks[first_block:]`` of ``rule`` and to
    the plots near the features ``local`` (measurement CRS)."""
    zh, en = _note(spec.name or rule.rule_name, shift, distance)
    suffix = (f"（基准转换{shift.accuracy_text()[0]}，冲突可能不存在，需核实）/ (datum transformation "
              f"{shift.accuracy_text()[1]}: the conflict may not exist; verify)")
    conflicted = np.zeros(len(ctx.geoms), dtype=bool)
    for block in ctx.rows.blocks[first_block:]:
        conflicted[block["plot"]] = True
        err = block["YZCD"] == "error"
        if distance is not None:
            inner = shapely.area(shapely.buffer(block["geometry"], -distance))
            err &= ~(inner > 0)
        block["YZCD"][err] = "warning"
        block["SM"][err] = [f"{m}{suffix}" for m in block["SM"][err]]
    if distance is not None and spec.rule in ("forbid", "within") and len(local):
        tree = shapely.STRtree(shapely.boundary(np.asarray(local, dtype=object)))
        p, _ = tree.query(ctx.geoms, predicate="dwithin", distance=distance)
        near = np.unique(p)
        near = near[ctx.subject(spec.applies_to)[near] & ~conflicted[near]]
        msg = (f"地块距{rule.rule_name}边界不足 {distance:g} 米，在基准转换精度以内，可能冲突，需核实 / the plot lies "
               f"within {distance:g} m of the {spec.name or rule.rule_id} boundary, inside the datum "
               f"transformation's accuracy: it may conflict; verify")
        for i in near:
            ctx.add(i, Finding(rule.rule_id, rule.rule_name, "warning", ctx.codes[i], msg, source=rule.source))
    rule.notes.append(f"{zh} / {en}")
    ctx.findings.append(Finding(rule.rule_id, rule.rule_name, "warning", None, f"{zh} / {en}", value=distance,
                                unit="m", source=rule.source))
